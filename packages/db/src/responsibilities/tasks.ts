/**
 * Tasks: generated from the duties (idempotently — one per duty, unit, object and period), completed
 * with evidence, and listed with their state on a day. Every change is audited in its transaction.
 */
import type { TaskView } from "@fundguard/contracts/Tasks"
import { parsePeriodKey, workingDaysBetween, type OrgKind, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import {
  completedOn,
  EvidenceStore,
  objectInstitutions,
  TaskGenerationRepository,
  type GenerationPlan,
  type PlannerContext,
  type StoredTaskKey,
  TaskNotFound,
  TaskRepository,
  type CompletionActor,
  type CompletionContext,
  type CompletionPlan,
  type EvidenceValue,
  planTasks,
  supervisedBy,
  taskKey,
  taskStates,
  taskStateLabel,
  versionForPeriod,
  type Duty,
  type Organisation,
  type PlannedTask
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"
import { attempt } from "../effects.js"
import { listDuties } from "./duties.js"
import { storeEvidence } from "./evidenceStore.js"
import { loadOrganisation } from "./organisation.js"

/** Loads the duties, the organisation and the institution register. */
export const plannerContext = async (db: Db): Promise<PlannerContext> => {
  const [duties, organisation, institutions] = await Promise.all([
    listDuties(db),
    loadOrganisation(db),
    db.institution.findMany({ orderBy: { code: "asc" } })
  ])
  return {
    duties,
    organisation,
    institutions: institutions.map((i) => ({
      code: i.code,
      name: i.name,
      orgKind: i.orgKind as OrgKind,
      hospitalLevel: i.hospitalLevel,
      approvedBeds: i.approvedBeds,
      supervisorCode: i.supervisorCode
    }))
  }
}

const taskData = (t: PlannedTask) => ({
  dutyCode: t.dutyCode,
  dutyVersion: t.dutyVersion,
  unitId: t.unitId,
  objectType: t.objectType,
  objectCode: t.objectCode,
  objectName: t.objectName,
  periodKey: t.period.key,
  periodStart: t.period.start,
  periodEnd: t.period.end,
  deadline: t.deadline.date,
  deadlineProvisional: t.deadline.provisional,
  deadlineNote: t.deadline.note,
  requiredCount: t.requiredCount,
  category: t.category
})

/**
 * Where tasks are generated into (the domain's `TaskGenerationRepository`), in this database.
 */
export const taskGenerationRepository = (db: Db): TaskGenerationRepository["Type"] => ({
  plannerContext: Effect.promise(() => plannerContext(db)),
  storedTasks: (from, through) => Effect.promise(() => storedTaskKeys(db, from, through)),
  saveGeneration: (plan, range, actor) => Effect.promise(() => saveGeneration(db, plan, range, actor))
})

/** The generation repository as a layer. */
export const TaskGenerationRepositoryLive = (db: Db): Layer.Layer<TaskGenerationRepository> =>
  Layer.succeed(TaskGenerationRepository, taskGenerationRepository(db))

const storedTaskKeys = (db: Db, from: string, through: string): Promise<ReadonlyArray<StoredTaskKey>> =>
  db.dutyTask.findMany({
    where: { periodStart: { lte: through }, periodEnd: { gte: from } },
    select: {
      id: true,
      dutyCode: true,
      unitId: true,
      objectCode: true,
      periodKey: true,
      deadline: true,
      deadlineProvisional: true
    }
  })

const saveGeneration = (
  db: Db,
  plan: GenerationPlan,
  range: { readonly from: string; readonly through: string },
  actor: CompletionActor
) =>
  db.$transaction(async (tx) => {
    for (let i = 0; i < plan.fresh.length; i += 200)
      await tx.dutyTask.createMany({ data: plan.fresh.slice(i, i + 200).map(taskData) })
    for (const r of plan.recalculate) {
      await tx.dutyTask.update({
        where: { id: r.id },
        data: {
          deadline: r.task.deadline.date,
          deadlineProvisional: r.task.deadline.provisional,
          deadlineNote: r.task.deadline.note
        }
      })
      await recordAudit(tx, actor, {
        action: "task.deadline_recalculated",
        entityType: "task",
        entityId: r.id,
        details: { from: r.from, to: r.task.deadline.date, provisional: r.task.deadline.provisional }
      })
    }
    await recordAudit(tx, actor, {
      action: "tasks.generate",
      entityType: "task",
      details: {
        from: range.from,
        through: range.through,
        created: plan.fresh.length,
        recalculated: plan.recalculate.length,
        keys: plan.fresh.map((p) => taskKey({ ...p, periodKey: p.period.key }))
      }
    })
  })

/** A stored task with its completions and files. */
export type StoredTask = Awaited<ReturnType<typeof findTasks>>[number]

/** Filters for tasks. */
export interface TaskFilter {
  readonly unitIds?: ReadonlyArray<string>
  readonly deadlineFrom?: string
  readonly deadlineTo?: string
  /** Tasks whose period ends in this range. */
  readonly periodEndFrom?: string
  readonly periodEndTo?: string
  readonly dutyCodes?: ReadonlyArray<string>
  readonly openOn?: string
}

/** Stored tasks matching the filter, by deadline and unit. */
export const findTasks = (db: Db, filter: TaskFilter = {}) =>
  db.dutyTask.findMany({
    where: {
      ...(filter.unitIds === undefined ? {} : { unitId: { in: [...filter.unitIds] } }),
      ...(filter.dutyCodes === undefined ? {} : { dutyCode: { in: [...filter.dutyCodes] } }),
      deadline: {
        ...(filter.deadlineFrom === undefined ? {} : { gte: filter.deadlineFrom }),
        ...(filter.deadlineTo === undefined ? {} : { lte: filter.deadlineTo })
      },
      periodEnd: {
        ...(filter.periodEndFrom === undefined ? {} : { gte: filter.periodEndFrom }),
        ...(filter.periodEndTo === undefined ? {} : { lte: filter.periodEndTo })
      },
      ...(filter.openOn === undefined
        ? {}
        : { periodStart: { lte: filter.openOn }, OR: [{ completedOn: null }, { completedOn: { gt: filter.openOn } }] })
    },
    include: { completions: { include: { files: true }, orderBy: [{ completedOn: "asc" }, { createdAt: "asc" }] } },
    orderBy: [{ deadline: "asc" }, { unitId: "asc" }, { dutyCode: "asc" }, { objectCode: "asc" }]
  })

/** A task as the doors show it (the contract's shape). */
export type { TaskView } from "@fundguard/contracts/Tasks"

type TaskLike = {
  readonly id: string | null
  readonly dutyCode: string
  readonly dutyVersion: number
  readonly unitId: string
  readonly objectType: string
  readonly objectCode: string
  readonly objectName: string | null
  readonly periodKey: string
  readonly periodStart: string
  readonly periodEnd: string
  readonly deadline: string
  readonly deadlineProvisional: boolean
  readonly deadlineNote: string | null
  readonly requiredCount: number
  readonly category: string
  readonly completions: StoredTask["completions"]
}

const fromStored = (t: StoredTask): TaskLike => ({ ...t })
const fromPlanned = (p: PlannedTask): TaskLike => ({ id: null, ...taskData(p), completions: [] })

/** Views of tasks with their state on `on` (sampling applied within the given set). */
export const viewTasks = (
  tasks: ReadonlyArray<TaskLike>,
  context: {
    readonly duties: ReadonlyArray<Duty>
    readonly organisation: Organisation
    readonly calendar: WorkingCalendarShape
  },
  on: string
): ReadonlyArray<TaskView> => {
  const dutyOf = (t: TaskLike) =>
    context.duties.find((d) => d.code === t.dutyCode && d.version === t.dutyVersion) ??
    versionForPeriod(context.duties, t.dutyCode, t.periodStart, t.periodEnd)
  const facts = tasks.map((t) => ({ ...t, completionDates: t.completions.map((c) => c.completedOn) }))
  const units = new Map(context.organisation.units.map((u) => [u.id as string, u.name]))
  return taskStates(facts, (code) => context.duties.find((d) => d.code === code)?.coverageTarget ?? 1, on).map(
    ({ task, state }) => {
      const duty = dutyOf(task)
      const left =
        on <= task.deadline && !task.deadlineProvisional
          ? workingDaysBetween(context.calendar, on as never, task.deadline as never)
          : null
      return {
        id: task.id,
        generated: task.id !== null,
        key: taskKey(task),
        dutyCode: task.dutyCode,
        dutyVersion: task.dutyVersion,
        title: duty?.title ?? task.dutyCode,
        category: task.category,
        unitId: task.unitId,
        unitName: units.get(task.unitId) ?? task.unitId,
        objectType: task.objectType,
        objectCode: task.objectCode,
        objectName: task.objectName,
        periodKey: task.periodKey,
        periodLabel: parsePeriodKey(task.periodKey)?.label ?? task.periodKey,
        periodStart: task.periodStart,
        periodEnd: task.periodEnd,
        deadline: task.deadline,
        deadlineProvisional: task.deadlineProvisional,
        deadlineNote: task.deadlineNote,
        requiredCount: task.requiredCount,
        completedCount: task.completions.filter((c) => c.completedOn <= on).length,
        completedOn: completedOn(task, on),
        state,
        stateLabel: taskStateLabel[state],
        dueToday: task.deadline === on,
        workingDaysLeft: left === null || Either.isLeft(left) ? null : left.right,
        coverageTarget: duty?.coverageTarget ?? 1,
        evidence: duty?.evidence ?? [],
        source:
          duty === undefined
            ? ""
            : `${duty.source.document}${duty.source.clause === "" ? "" : ` ${duty.source.clause}`}`,
        completions: task.completions.map((c) => ({
          id: c.id,
          completedOn: c.completedOn,
          record: c.record,
          // Written only from a checked plan (`saveCompletion`), so the stored JSON is the domain's values.
          values: c.values as Readonly<Record<string, EvidenceValue>>,
          actorName: c.actorName,
          files: c.files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size, sha256: f.sha256 }))
        }))
      }
    }
  )
}

/**
 * The unit and, when asked, every unit it supervises (seed 000: the bureau sees its units' tasks),
 * kept within `allowed` (the caller's data scope; undefined = everything).
 */
export const unitScope = (
  org: Organisation,
  unitId: string | undefined,
  includeSupervised: boolean,
  allowed?: ReadonlyArray<string>
): ReadonlyArray<string> | undefined => {
  const asked = unitId === undefined ? undefined : [unitId, ...(includeSupervised ? supervisedBy(org, unitId) : [])]
  if (allowed === undefined) return asked
  return asked === undefined ? allowed : asked.filter((id) => allowed.includes(id))
}

/** Which units' tasks a query covers: one unit (and those it supervises), within the caller's scope. */
export interface UnitQuery {
  readonly unitId?: string
  readonly includeSupervised?: boolean
  /** The caller's data scope: only these units (undefined = every unit). */
  readonly allowedUnitIds?: ReadonlyArray<string>
}

/**
 * What is due on `date`: every task open that day (its period has begun, it is not done) — stored
 * ones, and those the duties give for that day's periods that the worker has not stored yet — with
 * its deadline and state (overdue ones flagged), by deadline.
 */
export const dueOn = async (
  db: Db,
  calendar: WorkingCalendarShape,
  date: string,
  options: UnitQuery = {}
): Promise<ReadonlyArray<TaskView>> => {
  const context = await plannerContext(db)
  const unitIds = unitScope(
    context.organisation,
    options.unitId,
    options.includeSupervised ?? false,
    options.allowedUnitIds
  )
  const stored = await findTasks(db, { ...(unitIds === undefined ? {} : { unitIds }), openOn: date })
  const storedKeys = new Set(
    (
      await db.dutyTask.findMany({
        where: {
          periodStart: { lte: date },
          periodEnd: { gte: date },
          ...(unitIds === undefined ? {} : { unitId: { in: [...unitIds] } })
        },
        select: { dutyCode: true, unitId: true, objectCode: true, periodKey: true }
      })
    ).map(taskKey)
  )
  const planned = planTasks({ ...context, from: date as never, through: date as never, calendar }).filter(
    (p) =>
      (unitIds === undefined || unitIds.includes(p.unitId)) &&
      !storedKeys.has(taskKey({ ...p, periodKey: p.period.key }))
  )
  // Sampling needs each group's done count: read the done tasks of the sampled groups too.
  const sampled = context.duties.filter((d) => d.coverageTarget < 1).map((d) => d.code)
  const openKeys = new Set(stored.map((t) => t.id))
  const groupDone =
    sampled.length === 0
      ? []
      : (await findTasks(db, { ...(unitIds === undefined ? {} : { unitIds }), dutyCodes: sampled })).filter(
          (t) =>
            !openKeys.has(t.id) &&
            stored.some((s) => s.dutyCode === t.dutyCode && s.unitId === t.unitId && s.periodKey === t.periodKey)
        )
  const views = viewTasks(
    [...stored.map(fromStored), ...groupDone.map(fromStored), ...planned.map(fromPlanned)],
    { ...context, calendar },
    date
  )
  return views
    .filter((v) => v.state === "open" || v.state === "overdue")
    .sort(
      (a, b) => a.deadline.localeCompare(b.deadline) || a.unitId.localeCompare(b.unitId) || a.key.localeCompare(b.key)
    )
}

/** Tasks whose deadline falls in `from`…`to`, with their state on `on`. */
export const tasksWithDeadlines = async (
  db: Db,
  calendar: WorkingCalendarShape,
  range: UnitQuery & {
    readonly from: string
    readonly to: string
    readonly on: string
  }
): Promise<ReadonlyArray<TaskView>> => {
  const context = await plannerContext(db)
  const unitIds = unitScope(context.organisation, range.unitId, range.includeSupervised ?? false, range.allowedUnitIds)
  const tasks = await findTasks(db, {
    ...(unitIds === undefined ? {} : { unitIds }),
    deadlineFrom: range.from,
    deadlineTo: range.to
  })
  return viewTasks(tasks.map(fromStored), { ...context, calendar }, range.on)
}

/** One task by id, with its state on `on`, or null. */
export const taskById = async (
  db: Db,
  calendar: WorkingCalendarShape,
  id: string,
  on: string
): Promise<TaskView | null> => {
  const task = await db.dutyTask.findUnique({
    where: { id },
    include: { completions: { include: { files: true }, orderBy: [{ completedOn: "asc" }, { createdAt: "asc" }] } }
  })
  if (task === null) return null
  const context = await plannerContext(db)
  return viewTasks([fromStored(task)], { ...context, calendar }, on)[0] ?? null
}

/**
 * Tasks and their completions in this database (the domain's `TaskRepository`): what a completion
 * needs to be checked (the task, the duty version it was generated under, the institutions it may
 * name), and the completion written with its files' metadata, the task's completion day and the
 * audit entry in one transaction.
 */
export const taskRepository = (db: Db): TaskRepository["Type"] => ({
  completionContext: (taskId) => attempt(() => completionContextOf(db, taskId), TaskNotFound),
  saveCompletion: (context, plan, files, actor) => Effect.promise(() => saveCompletion(db, context, plan, files, actor))
})

/** The task repository as a layer. */
export const TaskRepositoryLive = (db: Db): Layer.Layer<TaskRepository> =>
  Layer.succeed(TaskRepository, taskRepository(db))

const completionContextOf = async (db: Db, taskId: string): Promise<CompletionContext> => {
  const task = await db.dutyTask.findUnique({ where: { id: taskId }, include: { completions: true } })
  if (task === null) throw new TaskNotFound({ id: taskId })
  const context = await plannerContext(db)
  const duty = context.duties.find((d) => d.code === task.dutyCode && d.version === task.dutyVersion)
  if (duty === undefined) throw new TaskNotFound({ id: taskId })
  return {
    taskId: task.id,
    unitId: task.unitId,
    periodStart: task.periodStart,
    requiredCount: task.requiredCount,
    completionDates: task.completions.map((c) => c.completedOn),
    duty,
    allowedInstitutions:
      duty.object.kind === "institutions"
        ? new Set(
            objectInstitutions(duty.object, context.organisation, task.unitId, context.institutions).map((i) => i.code)
          )
        : null
  }
}

const saveCompletion = (
  db: Db,
  context: CompletionContext,
  plan: CompletionPlan,
  files: ReadonlyArray<{
    readonly fileName: string
    readonly mediaType: string
    readonly size: number
    readonly sha256: string
  }>,
  actor: CompletionActor
) =>
  db.$transaction(async (tx) => {
    const completion = await tx.taskCompletion.create({
      data: {
        taskId: context.taskId,
        completedOn: plan.completedOn,
        record: plan.record,
        values: plan.values as never,
        actorId: actor.id,
        actorName: actor.name,
        files: { create: files.map((f) => ({ ...f })) }
      },
      include: { files: true }
    })
    await tx.dutyTask.update({
      where: { id: context.taskId },
      data: { completedCount: plan.completionCount, completedOn: plan.taskDoneOn }
    })
    await recordAudit(tx, actor, {
      action: "task.complete",
      entityType: "task",
      entityId: context.taskId,
      details: {
        completionId: completion.id,
        completedOn: plan.completedOn,
        values: plan.values,
        files: completion.files.map((f) => ({ name: f.fileName, sha256: f.sha256 })),
        taskDoneOn: plan.taskDoneOn
      }
    })
    return { completionId: completion.id, files: completion.files }
  })

/** Evidence kept on this machine's disk (the domain's `EvidenceStore`), under `dir`. */
export const EvidenceStoreLive = (dir: string): Layer.Layer<EvidenceStore> =>
  Layer.succeed(EvidenceStore, { store: (bytes) => Effect.promise(() => storeEvidence(dir, bytes)) })

/** Evidence file rows by id. */
export const evidenceFiles = (db: Db, ids: ReadonlyArray<string>) =>
  db.evidenceFile.findMany({ where: { id: { in: [...ids] } } })

/** The unit a task belongs to, or null when there is no such task (for scope checks). */
export const unitOfTask = async (db: Db, id: string): Promise<string | null> =>
  (await db.dutyTask.findUnique({ where: { id }, select: { unitId: true } }))?.unitId ?? null

/** The unit of the task a completion was recorded against, or null (for scope checks). */
export const unitOfCompletion = async (db: Db, completionId: string): Promise<string | null> =>
  (await db.taskCompletion.findUnique({ where: { id: completionId }, select: { task: { select: { unitId: true } } } }))
    ?.task.unitId ?? null
