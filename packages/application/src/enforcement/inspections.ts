/**
 * Inspections (监督检查): the inspector register, plans, 双随机一公开 draws (run, verified again from
 * their recorded inputs, published), and the on-site record that finishes an inspection — and, when
 * its plan serves a duty, completes that duty's task for the team's unit.
 */
import { bureauToday, decodeOr } from "../internal/inputs.js"
import { listChecklists } from "./checklists.js"
import {
  checkRecord,
  checklistFor,
  defaultMinimumSampled,
  DrawRefused,
  drawInputs,
  DrawSpec,
  InspectionRepository,
  InspectionStateRefused,
  InspectorEntry,
  InvalidInspectionInput,
  InvalidOnsiteRecord,
  OnsiteRecordInput,
  PlanInput,
  runDraw,
  verifyDraw as verifyDrawRule,
  type Checklist,
  type DrawInputs,
  type StoredInspection
} from "@fundguard/domain/enforcement"
import { addDays, Ids, problemsOf, type Actor, type IsoDate } from "@fundguard/domain/kernel"
import { EvidenceStore, OrganisationRepository, TaskRepository } from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { completeTask } from "../responsibilities/completeTask.js"

const today = bureauToday

const decode = decodeOr((problems) => new InvalidInspectionInput({ problems }))

/** Adds or updates an inspector of the register (执法检查人员名录库); the unit must exist. */
export const saveInspector = Effect.fn("Inspections.saveInspector")(function* (request: {
  readonly entry: unknown
  readonly actor: Actor
}) {
  const entry = yield* decode(InspectorEntry, request.entry)
  const org = yield* Effect.flatMap(OrganisationRepository, (o) => o.load)
  const problems: Array<{ path: string; message: string }> = []
  if (!org.units.some((u) => u.id === entry.unitId))
    problems.push({ path: "$.unitId", message: `单位 ${entry.unitId} 不在组织机构中` })
  const codes = yield* Effect.flatMap(OrganisationRepository, (o) => o.institutionCodes)
  entry.conflicts.forEach((code, i) => {
    if (!codes.has(code)) problems.push({ path: `$.conflicts[${i}]`, message: `机构 ${code} 不在定点机构名录中` })
  })
  if (problems.length > 0) return yield* new InvalidInspectionInput({ problems })
  return yield* Effect.flatMap(InspectionRepository, (r) => r.saveInspector(entry, request.actor))
})

/** Creates an inspection plan. Fails with `InvalidInspectionInput` naming the fields. */
export const createPlan = Effect.fn("Inspections.createPlan")(function* (request: {
  readonly plan: unknown
  readonly actor: Actor
}) {
  const plan = yield* decode(PlanInput, request.plan)
  if (plan.periodTo < plan.periodFrom)
    return yield* new InvalidInspectionInput({
      problems: [{ path: "$.periodTo", message: "计划结束日期不能早于开始日期" }]
    })
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  yield* Effect.flatMap(InspectionRepository, (r) => r.createPlan({ ...plan, id }, request.actor))
  return { id }
})

/**
 * The checklist in force for an institution kind on a day: the bureau's own version if one has taken
 * effect, else the default of seeds 000 and 001.
 */
const checklistOf = (known: ReadonlyArray<Checklist>, orgKind: string, on: string): Checklist | undefined =>
  checklistFor(known, orgKind as Checklist["orgKinds"][number], on as IsoDate)

/**
 * Draws a plan's targets and teams (双随机) and creates one inspection per target with its team and
 * checklist. Fails with `InspectionNotFound` (plan), `InvalidInspectionInput` (the request's shape)
 * or `DrawRefused` (every problem of the draw named).
 */
export const drawPlan = Effect.fn("Inspections.draw")(function* (request: {
  readonly planId: string
  readonly spec: unknown
  readonly actor: Actor
}) {
  const spec = yield* decode(DrawSpec, request.spec)
  const on = yield* today
  const repository = yield* InspectionRepository
  const context = yield* repository.drawContext(request.planId, addDays(on, -spec.excludeDays))
  if (context.drawn)
    return yield* new InspectionStateRefused({
      reason: "该计划已抽取：抽取结果不可重抽（双随机须一次抽定）；如确需另行抽取，请新建检查计划并在标题中写明理由"
    })
  if (spec.plannedOn < on)
    return yield* new InvalidInspectionInput({
      problems: [{ path: "$.plannedOn", message: `计划检查日期不能早于今天（${on}）` }]
    })
  const inputs = yield* drawInputs(spec, context)
  const result = yield* runDraw(inputs)
  const kinds = new Map(context.institutions.map((i) => [i.code, i.orgKind as string]))
  const known = yield* listChecklists
  const checklists = new Map<string, { code: string; version: number; items: Checklist["items"] }>()
  const problems: Array<{ path: string; message: string }> = []
  for (const code of result.targets) {
    const checklist = checklistOf(known, kinds.get(code) ?? "", spec.plannedOn)
    if (checklist === undefined) problems.push({ path: "$.strata", message: `机构 ${code} 的类别没有适用的检查清单` })
    else checklists.set(code, { code: checklist.code, version: checklist.version, items: checklist.items })
  }
  if (problems.length > 0) return yield* new DrawRefused({ problems })
  const ids = yield* Ids
  const drawId = yield* ids.next
  const inspectionIds = yield* Effect.forEach(result.targets, () => ids.next)
  yield* repository.saveDraw({
    id: drawId,
    plan: context.plan,
    inputs,
    result,
    plannedOn: spec.plannedOn,
    checklists,
    inspectionIds,
    actor: request.actor
  })
  return { id: drawId, inputs, result, inspectionIds }
})

/**
 * Re-draw verification: the algorithm run again on the draw's recorded inputs, its result compared
 * with the recorded one byte for byte. The check is audited. Fails with `InspectionNotFound`.
 */
export const verifyDraw = Effect.fn("Inspections.verifyDraw")(function* (request: {
  readonly drawId: string
  readonly actor: Actor
}) {
  const repository = yield* InspectionRepository
  const stored = yield* repository.loadDraw(request.drawId)
  const verdict = verifyDrawRule(JSON.parse(stored.inputs) as DrawInputs, stored.result)
  yield* repository.recordVerification(stored.id, verdict.same, request.actor)
  return { ...verdict, recorded: stored.result }
})

/** Publishes a draw (公开). Fails with `InspectionNotFound` or `InspectionStateRefused` (already published). */
export const publishDraw = Effect.fn("Inspections.publishDraw")(function* (request: {
  readonly drawId: string
  readonly actor: Actor
}) {
  return yield* Effect.flatMap(InspectionRepository, (r) => r.publishDraw(request.drawId, request.actor))
})

/** How many insured persons an inspection must sample, and where that comes from. */
const samplingRule = (inspection: StoredInspection, on: string) =>
  Effect.gen(function* () {
    const dutyCode = inspection.plan.dutyCode
    if (dutyCode === undefined) return { minimum: defaultMinimumSampled, source: "本局设定" }
    const fromDuty = yield* Effect.flatMap(InspectionRepository, (r) => r.dutyMinimumSampled(dutyCode, on))
    return fromDuty === null
      ? { minimum: defaultMinimumSampled, source: "本局设定" }
      : { minimum: fromDuty, source: `职责 ${dutyCode}` }
  })

/** An inspection with its sampling rule. Fails with `InspectionNotFound`. */
export const viewInspection = Effect.fn("Inspections.view")(function* (request: { readonly inspectionId: string }) {
  const inspection = yield* Effect.flatMap(InspectionRepository, (r) => r.loadInspection(request.inspectionId))
  const sampling = yield* samplingRule(inspection, yield* today)
  return { inspection, sampling }
})

/** The values a duty's evidence fields get from a finished inspection (fields it cannot fill are left out). */
const valuesFor = (
  fields: ReadonlyArray<{ readonly key: string }>,
  inspection: StoredInspection,
  record: OnsiteRecordInput
): Record<string, unknown> => {
  const values: Record<string, unknown> = {}
  for (const field of fields) {
    if (field.key === "personsSampled") values[field.key] = record.sampledPersons.length
    else if (field.key === "problemsFound") values[field.key] = record.findings.length
    else if (field.key === "published") values[field.key] = inspection.published
    else if (field.key === "institutions") values[field.key] = [inspection.institution.code]
    else if (field.key === "withHealthCommission") values[field.key] = inspection.plan.kind === "joint"
  }
  return values
}

/** What finishing did to the duty task the plan serves. */
export interface DutyTaskOutcome {
  readonly completed: boolean
  readonly taskId: string | null
  readonly message: string
}

/**
 * Saves the on-site record (现场检查笔录); with `finish`, checks it in full and finishes the
 * inspection, then completes the open task of the plan's duty for a unit of the team (told in the
 * answer when there is none or it cannot be completed — the inspection stays finished). Fails with
 * `InspectionNotFound`, `InvalidOnsiteRecord` (every problem named) or `InspectionStateRefused`.
 */
export const recordOnsite = Effect.fn("Inspections.recordOnsite")(function* (request: {
  readonly inspectionId: string
  readonly record: unknown
  readonly finish: boolean
  readonly actor: Actor
}) {
  const record = yield* Schema.decodeUnknown(OnsiteRecordInput, { errors: "all", onExcessProperty: "error" })(
    request.record
  ).pipe(Effect.mapError((error) => new InvalidOnsiteRecord({ problems: problemsOf(error) })))
  const repository = yield* InspectionRepository
  const inspection = yield* repository.loadInspection(request.inspectionId)
  if (inspection.status === "finished")
    return yield* new InspectionStateRefused({ reason: "检查已完成，现场检查笔录不能再修改" })
  const on = yield* today
  if (request.finish && inspection.plannedOn > on)
    return yield* new InspectionStateRefused({ reason: `检查计划于 ${inspection.plannedOn} 进行，尚未到期` })
  const sampling = yield* samplingRule(inspection, on)
  const problems = checkRecord(record, {
    checklist: inspection.checklist.items,
    minimumSampled: sampling.minimum,
    minimumSource: sampling.source,
    finishing: request.finish
  })
  if (problems.length > 0) return yield* new InvalidOnsiteRecord({ problems })
  yield* repository.saveRecord({ inspection, record, finishedOn: request.finish ? on : null, actor: request.actor })
  const dutyCode = inspection.plan.dutyCode
  if (!request.finish || dutyCode === undefined)
    return { status: request.finish ? "finished" : "in_progress", dutyTask: null }
  const task = yield* repository.openDutyTask({
    dutyCode,
    unitIds: [...new Set(inspection.team.map((m) => m.unitId))],
    institutionCode: inspection.institution.code,
    on
  })
  if (task === null)
    return {
      status: "finished",
      dutyTask: {
        completed: false,
        taskId: null,
        message: `职责 ${dutyCode} 在检查组所属单位没有未完成的对应任务，未记录任务完成`
      } satisfies DutyTaskOutcome
    }
  const context = yield* Effect.flatMap(TaskRepository, (t) => t.completionContext(task.taskId)).pipe(Effect.either)
  const fields = Either.isRight(context) ? context.right.duty.evidence : []
  const completion = yield* completeTask({
    taskId: task.taskId,
    completedOn: on,
    record: `现场检查（${inspection.plan.title}）：${inspection.institution.name}，抽查参保人员 ${record.sampledPersons.length} 人，发现问题 ${record.findings.length} 项。检查编号 ${inspection.id}`,
    values: valuesFor(fields, inspection, record),
    files: [],
    actor: request.actor
  }).pipe(Effect.either)
  return {
    status: "finished",
    dutyTask: (Either.isRight(completion)
      ? { completed: true, taskId: task.taskId, message: `已记录职责 ${dutyCode} 的任务完成（${task.unitId}）` }
      : {
          completed: false,
          taskId: task.taskId,
          message: `职责 ${dutyCode} 的任务未能自动完成：${completion.left.message}`
        }) satisfies DutyTaskOutcome
  }
})

/**
 * Stores a photo or document of an inspection by its SHA-256 (the evidence store of duty tasks).
 * Fails with `InspectionNotFound` or `InspectionStateRefused` (finished).
 */
export const addInspectionFile = Effect.fn("Inspections.addFile")(function* (request: {
  readonly inspectionId: string
  readonly kind: "photo" | "document"
  readonly fileName: string
  readonly mediaType: string
  readonly bytes: Uint8Array
  readonly actor: Actor
}) {
  const repository = yield* InspectionRepository
  const inspection = yield* repository.loadInspection(request.inspectionId)
  if (inspection.status === "finished")
    return yield* new InspectionStateRefused({ reason: "检查已完成，不能再添加照片或资料" })
  const sha256 = yield* Effect.flatMap(EvidenceStore, (store) => store.store(request.bytes))
  const { id } = yield* repository.addFile({
    inspectionId: inspection.id,
    kind: request.kind,
    fileName: request.fileName,
    mediaType: request.mediaType,
    size: request.bytes.byteLength,
    sha256,
    actor: request.actor
  })
  return { id, sha256 }
})
