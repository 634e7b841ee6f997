/**
 * Inspections in the database: the domain's `InspectionRepository` (the inspector register, plans,
 * draws with their recorded inputs and result as JSON texts, inspections with their on-site record
 * and files), each write with its audit entry in one transaction; and the queries of the lists
 * (register, plans, today's inspections, a draw's publication).
 */
import {
  drawResultText,
  InspectionNotFound,
  InspectionRepository,
  InspectionStateRefused,
  InvalidInspectionInput,
  type InspectionStatus,
  type InspectorEntry,
  type OnsiteRecordInput,
  type StoredInspection,
  type StoredPlan
} from "@fundguard/domain/enforcement"
import type { InstitutionFacts } from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"
import { attempt } from "../effects.js"
import { loadOrganisation } from "../responsibilities/organisation.js"

const planOf = (row: {
  id: string
  kind: string
  title: string
  reference: string | null
  dutyCode: string | null
  periodFrom: string
  periodTo: string
}): StoredPlan => ({
  id: row.id,
  kind: row.kind as StoredPlan["kind"],
  title: row.title,
  ...(row.reference === null ? {} : { reference: row.reference }),
  ...(row.dutyCode === null ? {} : { dutyCode: row.dutyCode }),
  periodFrom: row.periodFrom,
  periodTo: row.periodTo
})

const inspectorOf = (row: {
  staffCode: string
  name: string
  unitId: string
  badge: string
  active: boolean
  conflicts: unknown
}): InspectorEntry => ({
  staffCode: row.staffCode,
  name: row.name,
  unitId: row.unitId,
  badge: row.badge,
  active: row.active,
  conflicts: (row.conflicts as ReadonlyArray<string>) ?? []
})

const teamOf = (team: unknown): ReadonlyArray<string> => (Array.isArray(team) ? (team as Array<string>) : [])

const loadInspection = async (db: Db, id: string): Promise<StoredInspection> => {
  const row = await db.inspection.findUnique({
    where: { id },
    include: { plan: true, draw: { select: { publishedAt: true } }, files: { orderBy: { at: "asc" } } }
  })
  if (row === null) throw new InspectionNotFound({ what: "inspection", id })
  const codes = teamOf(row.team)
  const [institution, members] = await Promise.all([
    db.institution.findUnique({ where: { code: row.institutionCode } }),
    db.inspector.findMany({ where: { staffCode: { in: [...codes] } } })
  ])
  const checklist = row.checklist as unknown as StoredInspection["checklist"]["items"]
  return {
    id: row.id,
    plan: planOf(row.plan),
    drawId: row.drawId,
    institution: {
      code: row.institutionCode,
      name: institution?.name ?? row.institutionCode,
      orgKind: institution?.orgKind ?? ""
    },
    team: codes.map((code) => {
      const m = members.find((x) => x.staffCode === code)
      return { staffCode: code, name: m?.name ?? code, unitId: m?.unitId ?? "", badge: m?.badge ?? "" }
    }),
    plannedOn: row.plannedOn,
    status: row.status as InspectionStatus,
    checklist: { code: row.checklistCode, version: row.checklistVersion, items: checklist },
    record: (row.record ?? null) as OnsiteRecordInput | null,
    files: row.files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, sha256: f.sha256 })),
    finishedOn: row.finishedOn,
    published: row.draw?.publishedAt != null
  }
}

/** Where inspections are kept (the domain's `InspectionRepository`), in this database. */
export const inspectionRepository = (db: Db): InspectionRepository["Type"] => ({
  saveInspector: (entry, actor) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        const before = await tx.inspector.findUnique({ where: { staffCode: entry.staffCode } })
        const data = {
          name: entry.name,
          unitId: entry.unitId,
          badge: entry.badge,
          active: entry.active,
          conflicts: [...entry.conflicts]
        }
        await tx.inspector.upsert({
          where: { staffCode: entry.staffCode },
          create: { staffCode: entry.staffCode, ...data },
          update: data
        })
        await recordAudit(tx, actor, {
          action: before === null ? "inspector.create" : "inspector.update",
          entityType: "inspector",
          entityId: entry.staffCode,
          details: { ...data, before: before === null ? null : inspectorOf(before) }
        })
        return { created: before === null }
      })
    ),
  createPlan: (plan, actor) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          if (plan.dutyCode !== undefined) {
            const duty = await tx.dutyVersion.findFirst({ where: { code: plan.dutyCode } })
            if (duty === null)
              throw new InvalidInspectionInput({
                problems: [{ path: "$.dutyCode", message: `职责 ${plan.dutyCode} 不在职责清单中` }]
              })
          }
          await tx.inspectionPlan.create({
            data: {
              id: plan.id,
              kind: plan.kind,
              title: plan.title,
              reference: plan.reference ?? null,
              dutyCode: plan.dutyCode ?? null,
              periodFrom: plan.periodFrom,
              periodTo: plan.periodTo,
              createdById: actor.id,
              createdByName: actor.name
            }
          })
          await recordAudit(tx, actor, {
            action: "inspection_plan.create",
            entityType: "inspection_plan",
            entityId: plan.id,
            details: { ...plan }
          })
        }),
      InvalidInspectionInput
    ),
  drawContext: (planId, inspectedSince) =>
    attempt(async () => {
      const plan = await db.inspectionPlan.findUnique({ where: { id: planId } })
      if (plan === null) throw new InspectionNotFound({ what: "plan", id: planId })
      const [institutions, confirmed, recent, inspectors, organisation] = await Promise.all([
        db.institution.findMany({
          select: {
            code: true,
            name: true,
            orgKind: true,
            hospitalLevel: true,
            approvedBeds: true,
            supervisorCode: true
          },
          orderBy: { code: "asc" }
        }),
        db.suspicion.groupBy({
          by: ["fixmedinsCode"],
          where: { outcome: { result: "confirmed" } },
          _count: { _all: true }
        }),
        db.inspection.findMany({ where: { plannedOn: { gte: inspectedSince } }, select: { institutionCode: true } }),
        db.inspector.findMany({ orderBy: { staffCode: "asc" } }),
        loadOrganisation(db)
      ])
      return {
        plan: planOf(plan),
        institutions: institutions as ReadonlyArray<InstitutionFacts>,
        confirmedSuspicions: new Map(confirmed.map((c) => [c.fixmedinsCode, c._count._all])),
        recentlyInspected: recent.map((r) => r.institutionCode),
        inspectors: inspectors.map(inspectorOf),
        organisation,
        drawn: (await db.inspectionDraw.count({ where: { planId } })) > 0
      }
    }, InspectionNotFound),
  saveDraw: ({ id, plan, inputs, result, plannedOn, checklists, inspectionIds, actor }) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        const resultText = drawResultText(result)
        await tx.inspectionDraw.create({
          data: {
            id,
            planId: plan.id,
            seed: inputs.seed,
            algorithm: inputs.algorithm,
            method: inputs.method,
            inputs: JSON.stringify(inputs),
            result: resultText,
            drawnById: actor.id,
            drawnByName: actor.name
          }
        })
        for (const [i, code] of result.targets.entries()) {
          const checklist = checklists.get(code)!
          await tx.inspection.create({
            data: {
              id: inspectionIds[i]!,
              planId: plan.id,
              drawId: id,
              institutionCode: code,
              team: [...result.teams[i]!],
              plannedOn,
              status: "planned",
              checklistCode: checklist.code,
              checklistVersion: checklist.version,
              checklist: checklist.items as never
            }
          })
        }
        await recordAudit(tx, actor, {
          action: "inspection_draw.draw",
          entityType: "inspection_draw",
          entityId: id,
          details: {
            planId: plan.id,
            seed: inputs.seed,
            algorithm: inputs.algorithm,
            method: inputs.method,
            targets: [...result.targets],
            inspections: [...inspectionIds]
          }
        })
      })
    ),
  loadDraw: (id) =>
    attempt(async () => {
      const row = await db.inspectionDraw.findUnique({ where: { id } })
      if (row === null) throw new InspectionNotFound({ what: "draw", id })
      return { id: row.id, planId: row.planId, inputs: row.inputs, result: row.result, publishedAt: row.publishedAt }
    }, InspectionNotFound),
  publishDraw: (id, actor) =>
    Effect.tryPromise({
      try: () =>
        db.$transaction(async (tx) => {
          const row = await tx.inspectionDraw.findUnique({ where: { id } })
          if (row === null) throw new InspectionNotFound({ what: "draw", id })
          if (row.publishedAt !== null)
            throw new InspectionStateRefused({ reason: `该抽取结果已于 ${row.publishedAt.toISOString()} 公开` })
          const publishedAt = new Date()
          const updated = await tx.inspectionDraw.updateMany({
            where: { id, publishedAt: null },
            data: { publishedAt, publishedByName: actor.name }
          })
          if (updated.count !== 1) throw new InspectionStateRefused({ reason: "该抽取结果已公开" })
          await recordAudit(tx, actor, {
            action: "inspection_draw.publish",
            entityType: "inspection_draw",
            entityId: id,
            details: { seed: row.seed, algorithm: row.algorithm }
          })
          return { publishedAt }
        }),
      catch: (error) => error
    }).pipe(
      Effect.catchAll((error) =>
        error instanceof InspectionNotFound || error instanceof InspectionStateRefused
          ? Effect.fail(error)
          : Effect.die(error)
      )
    ),
  recordVerification: (id, same, actor) =>
    Effect.promise(() =>
      recordAudit(db, actor, {
        action: "inspection_draw.verify",
        entityType: "inspection_draw",
        entityId: id,
        details: { same }
      })
    ),
  loadInspection: (id) => attempt(() => loadInspection(db, id), InspectionNotFound),
  saveRecord: ({ inspection, record, finishedOn, actor }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const status = finishedOn === null ? "in_progress" : "finished"
          const updated = await tx.inspection.updateMany({
            where: { id: inspection.id, status: { not: "finished" } },
            data: { record: record as never, status, finishedOn }
          })
          if (updated.count !== 1) throw new InspectionStateRefused({ reason: "检查已完成，现场检查笔录不能再修改" })
          await recordAudit(tx, actor, {
            action: finishedOn === null ? "inspection.record" : "inspection.finish",
            entityType: "inspection",
            entityId: inspection.id,
            details: {
              institutionCode: inspection.institution.code,
              from: inspection.status,
              to: status,
              officers: record.officers.length,
              sampledPersons: record.sampledPersons.length,
              findings: record.findings.map((f) => ({ violation: f.violation, amount: f.amount }))
            }
          })
        }),
      InspectionStateRefused
    ),
  addFile: ({ actor, ...file }) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        const row = await tx.inspectionFile.create({ data: file })
        await recordAudit(tx, actor, {
          action: "inspection.file",
          entityType: "inspection",
          entityId: file.inspectionId,
          details: { fileId: row.id, kind: file.kind, fileName: file.fileName, sha256: file.sha256, size: file.size }
        })
        return { id: row.id }
      })
    ),
  openDutyTask: ({ dutyCode, unitIds, institutionCode, on }) =>
    Effect.promise(async () => {
      const task = await db.dutyTask.findFirst({
        where: {
          dutyCode,
          unitId: { in: [...unitIds] },
          completedOn: null,
          periodStart: { lte: on },
          periodEnd: { gte: on },
          OR: [{ objectType: "institution", objectCode: institutionCode }, { objectType: { not: "institution" } }]
        },
        orderBy: [{ deadline: "asc" }]
      })
      return task === null ? null : { taskId: task.id, unitId: task.unitId }
    }),
  dutyMinimumSampled: (dutyCode, on) =>
    Effect.promise(async () => {
      const versions = await db.dutyVersion.findMany({ where: { code: dutyCode }, orderBy: { version: "desc" } })
      const current =
        versions.find((v) => v.effectiveFrom <= on && (v.effectiveTo === null || v.effectiveTo >= on)) ?? versions[0]
      const evidence = (current?.definition as { evidence?: ReadonlyArray<{ key: string; min: number | null }> })
        ?.evidence
      const field = evidence?.find((f) => f.key === "personsSampled")
      return field?.min ?? null
    })
})

/** The repository as a layer. */
export const InspectionRepositoryLive = (db: Db): Layer.Layer<InspectionRepository> =>
  Layer.succeed(InspectionRepository, inspectionRepository(db))

/** The inspector register, in staff-code order. */
export const listInspectors = async (db: Db) =>
  (await db.inspector.findMany({ orderBy: { staffCode: "asc" } })).map(inspectorOf)

/** Plans, newest first, with their draws. */
export const listPlans = async (db: Db) =>
  db.inspectionPlan.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    include: {
      draws: {
        orderBy: { drawnAt: "asc" },
        select: { id: true, seed: true, method: true, drawnAt: true, drawnByName: true, publishedAt: true }
      },
      _count: { select: { inspections: true } }
    }
  })

/** A draw with its plan and inspections (for the draw's page and its publication). */
export const drawWithInspections = async (db: Db, id: string) =>
  db.inspectionDraw.findUnique({
    where: { id },
    include: { plan: true, inspections: { orderBy: { createdAt: "asc" } } }
  })

/** Inspections not finished and planned on or before `on` (today's and overdue), or all of a status. */
export const listInspections = async (
  db: Db,
  filter: { readonly dueBy?: string; readonly status?: InspectionStatus; readonly planId?: string }
) => {
  const rows = await db.inspection.findMany({
    where: {
      ...(filter.dueBy === undefined ? {} : { plannedOn: { lte: filter.dueBy }, status: { not: "finished" } }),
      ...(filter.status === undefined ? {} : { status: filter.status }),
      ...(filter.planId === undefined ? {} : { planId: filter.planId })
    },
    orderBy: [{ plannedOn: "asc" }, { createdAt: "asc" }],
    take: 1000,
    include: { plan: { select: { title: true, kind: true } } }
  })
  const codes = [...new Set(rows.map((r) => r.institutionCode))]
  const staff = [...new Set(rows.flatMap((r) => teamOf(r.team)))]
  const [institutions, inspectors] = await Promise.all([
    db.institution.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, orgKind: true } }),
    db.inspector.findMany({ where: { staffCode: { in: staff } } })
  ])
  return rows.map((r) => ({
    ...r,
    institution: institutions.find((i) => i.code === r.institutionCode) ?? null,
    members: teamOf(r.team).map((code) => inspectors.find((i) => i.staffCode === code) ?? null)
  }))
}

/** The institution and the team's units of an inspection (for scope checks), or null when there is none. */
export const scopeOfInspection = async (
  db: Db,
  id: string
): Promise<{ readonly institutionCode: string; readonly unitIds: ReadonlyArray<string> } | null> => {
  const row = await db.inspection.findUnique({ where: { id }, select: { institutionCode: true, team: true } })
  if (row === null) return null
  const members = await db.inspector.findMany({ where: { staffCode: { in: [...teamOf(row.team)] } } })
  return { institutionCode: row.institutionCode, unitIds: members.map((m) => m.unitId) }
}

/** A file of an inspection. */
export const inspectionFile = async (db: Db, id: string) => db.inspectionFile.findUnique({ where: { id } })
