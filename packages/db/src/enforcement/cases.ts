/**
 * Cases in the database: the domain's `CaseRepository` (open a case, load it with its entries,
 * record a step with its 文号 and audit entry in one transaction) and the queries of the case list.
 * Every step names the revision it was decided on; the case row is updated only at that revision,
 * and the unique (case, revision) of the entries backs this up.
 */
import {
  CaseNotFound,
  CaseOpeningRefused,
  CaseRepository,
  caseActionLabel,
  documentNumber,
  StaleCase,
  type CaseEntry,
  type CaseStatus,
  type StoredCase
} from "@fundguard/domain/enforcement"
import { isCaseClaim } from "@fundguard/domain/complaints"
import { bureauDate, type IsoDate, type OrgKind } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db, DbTransaction } from "../client.js"
import { attempt } from "../effects.js"

type Tx = DbTransaction

/** The bureau's name as its organisation records it (the head of every document). */
export const bureauNameOf = async (tx: Pick<Db, "orgUnit">): Promise<string> =>
  (await tx.orgUnit.findFirst({ where: { kind: "bureau", active: true }, orderBy: { createdAt: "asc" } }))?.name ??
  "医疗保障局"

const loadCase = async (db: Db, id: string): Promise<StoredCase> => {
  const row = await db.enforcementCase.findUnique({
    where: { id },
    include: { entries: { orderBy: { revision: "asc" } } }
  })
  if (row === null) throw new CaseNotFound({ id })
  const [institution, bureauName] = await Promise.all([
    db.institution.findUnique({ where: { code: row.institutionCode } }),
    bureauNameOf(db)
  ])
  return {
    id: row.id,
    number: row.number,
    institution: {
      code: row.institutionCode,
      name: institution?.name ?? row.institutionCode,
      orgKind: (institution?.orgKind ?? "clinic") as OrgKind,
      admdvs: institution?.admdvs ?? ""
    },
    bureauName,
    entries: row.entries.map(
      (e): CaseEntry => ({
        revision: e.revision,
        action: e.action as CaseEntry["action"],
        actorId: e.actorId,
        actorName: e.actorName,
        recordedOn: e.recordedOn as CaseEntry["recordedOn"],
        details: e.details,
        documentNumber: e.documentNumber
      })
    )
  }
}

/** The leads a case is opened on must be confirmed for 立案, of its institution, and in no case yet. */
const checkLeads = async (tx: Tx, institutionCode: string, ids: ReadonlyArray<string>) => {
  const problems: Array<{ path: string; message: string }> = []
  const leads = await tx.suspicion.findMany({ where: { id: { in: [...ids] } }, include: { outcome: true } })
  const taken = await tx.caseLead.findMany({ where: { suspicionId: { in: [...ids] } } })
  ids.forEach((id, i) => {
    const lead = leads.find((l) => l.id === id)
    const path = `$.references[${i}]`
    if (!lead) problems.push({ path, message: `疑点 ${id} 不存在` })
    else if (lead.outcome?.result !== "confirmed" || lead.outcome.disposition !== "case")
      problems.push({ path, message: `疑点 ${id} 未经审批确认为「立案查处」` })
    else if (lead.fixmedinsCode !== institutionCode)
      problems.push({ path, message: `疑点 ${id} 属于机构 ${lead.fixmedinsCode}，不是本案当事人` })
    else if (taken.some((t) => t.suspicionId === id)) problems.push({ path, message: `疑点 ${id} 已在其他案件中` })
  })
  if (ids.length === 0) problems.push({ path: "$.references", message: "来源为疑点的案件至少关联一条已确认立案的疑点" })
  return {
    problems,
    earliestApproval:
      leads
        .map((l) => (l.outcome ? bureauDate(l.outcome.decidedAt) : null))
        .filter((d): d is IsoDate => d !== null)
        .sort()[0] ?? null
  }
}

/** The next 文号 sequence of a document kind in a year, taken inside the caller's transaction. */
export const nextNumber = async (tx: Tx, kind: string, year: number): Promise<number> => {
  const current = await tx.documentSequence.findUnique({ where: { kind_year: { kind, year } } })
  if (current === null) {
    await tx.documentSequence.create({ data: { kind, year, last: 1 } })
    return 1
  }
  // Conditional on the value read: a concurrent allocation makes this update miss, and the step fails.
  const updated = await tx.documentSequence.updateMany({
    where: { kind, year, last: current.last },
    data: { last: current.last + 1 }
  })
  if (updated.count !== 1) throw new Error("document sequence moved concurrently")
  return current.last + 1
}

/** Where cases are kept (the domain's `CaseRepository`), in this database. */
export const caseRepository = (db: Db): CaseRepository["Type"] => ({
  open: ({ id, opening, actor, today, next }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const problems: Array<{ path: string; message: string }> = []
          const institution = await tx.institution.findUnique({ where: { code: opening.institutionCode } })
          if (institution === null)
            problems.push({ path: "$.institutionCode", message: `机构 ${opening.institutionCode} 不在定点机构名录中` })
          if (opening.source === "suspicion") {
            const checked = await checkLeads(tx, opening.institutionCode, opening.references)
            problems.push(...checked.problems)
            // The 15 working days to file count from the first lead's confirmation, not a later day.
            if (checked.earliestApproval !== null && opening.discoveredOn > checked.earliestApproval)
              problems.push({
                path: "$.discoveredOn",
                message: `发现日期不得晚于疑点审批确认日 ${checked.earliestApproval}（立案期限自发现之日起算）`
              })
          }
          if (opening.source === "inspection") {
            if (opening.references.length === 0)
              problems.push({ path: "$.references", message: "来源为监督检查的案件须关联该次现场检查" })
            for (const [i, id] of opening.references.entries()) {
              const inspection = await tx.inspection.findUnique({ where: { id } })
              if (
                inspection === null ||
                inspection.institutionCode !== opening.institutionCode ||
                inspection.status !== "finished"
              )
                problems.push({ path: `$.references[${i}]`, message: `检查 ${id} 不是本机构已完成的现场检查` })
            }
          }
          // A complaint of the register is linked to its case by the complaint's own 立案 (which claims it first); a
          // reference that is not a registered complaint's id (a letter's number) is kept as written.
          if (opening.source === "complaint")
            for (const [i, id] of opening.references.entries()) {
              const complaint = await tx.complaint.findUnique({ where: { id } })
              if (complaint === null) continue
              const path = `$.references[${i}]`
              if (complaint.institutionCode !== opening.institutionCode)
                problems.push({ path, message: `举报 ${complaint.number} 不是针对本机构的举报` })
              else if (complaint.caseId === null)
                problems.push({ path, message: `举报 ${complaint.number} 须在举报处理中「立案」，案件才与举报关联` })
              else if (!isCaseClaim(complaint.caseId))
                problems.push({ path, message: `举报 ${complaint.number} 已立案` })
            }
          for (const [i, id] of (opening.inspections ?? []).entries()) {
            const inspection = await tx.inspection.findUnique({ where: { id } })
            if (
              inspection === null ||
              inspection.institutionCode !== opening.institutionCode ||
              inspection.status !== "finished"
            )
              problems.push({ path: `$.inspections[${i}]`, message: `检查 ${id} 不是本机构已完成的现场检查` })
          }
          if (problems.length > 0) throw new CaseOpeningRefused({ problems })
          await tx.enforcementCase.create({
            data: {
              id,
              institutionCode: opening.institutionCode,
              source: opening.source,
              status: "proposed",
              revision: 1,
              summary: opening.summary,
              discoveredOn: opening.discoveredOn,
              nextDueOn: next?.dueOn ?? null,
              nextDueStep: next?.step ?? null,
              openedById: actor.id,
              openedByName: actor.name,
              entries: {
                create: {
                  revision: 1,
                  action: "open",
                  actorId: actor.id,
                  actorName: actor.name,
                  recordedOn: today,
                  details: opening as never
                }
              }
            }
          })
          if (opening.source === "suspicion")
            await tx.caseLead.createMany({
              data: opening.references.map((suspicionId) => ({ suspicionId, caseId: id }))
            })
          await recordAudit(tx, actor, {
            action: "case.open",
            entityType: "case",
            entityId: id,
            details: {
              source: opening.source,
              institutionCode: opening.institutionCode,
              references: [...opening.references]
            }
          })
        }),
      CaseOpeningRefused
    ),
  load: (id) => attempt(() => loadCase(db, id), CaseNotFound),
  record: ({ stored, plan, actor, today, next, rectification }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const numbered = plan.issues
            ? documentNumber(
                stored.bureauName,
                plan.issues,
                Number(today.slice(0, 4)),
                await nextNumber(tx, plan.issues, Number(today.slice(0, 4)))
              )
            : null
          const updated = await tx.enforcementCase.updateMany({
            where: { id: stored.id, revision: plan.revision - 1 },
            data: {
              status: plan.to,
              revision: plan.revision,
              nextDueOn: next?.dueOn ?? null,
              nextDueStep: next?.step ?? null,
              ...(plan.issues === "filing_approval" ? { number: numbered } : {})
            }
          })
          if (updated.count !== 1) throw new StaleCase({ id: stored.id, revision: plan.revision - 1 })
          await tx.caseEntry.create({
            data: {
              caseId: stored.id,
              revision: plan.revision,
              action: plan.action,
              actorId: actor.id,
              actorName: actor.name,
              recordedOn: today,
              details: plan.details as never,
              documentNumber: numbered
            }
          })
          if (rectification !== undefined) {
            const { id, issue } = rectification
            await tx.rectificationOrder.create({
              data: {
                id,
                institutionCode: issue.institutionCode,
                source: issue.source,
                sourceId: issue.sourceId ?? null,
                violations: [...issue.violations] as never,
                problems: issue.problems,
                issuedOn: today,
                dueOn: issue.dueOn,
                issuedByName: actor.name
              }
            })
            await recordAudit(tx, actor, {
              action: "rectification.issue",
              entityType: "rectification",
              entityId: id,
              details: {
                institutionCode: issue.institutionCode,
                source: issue.source,
                sourceId: issue.sourceId ?? null,
                dueOn: issue.dueOn
              }
            })
          }
          await recordAudit(tx, actor, {
            action: `case.${plan.action}`,
            entityType: "case",
            entityId: stored.id,
            details: {
              step: caseActionLabel[plan.action],
              from: plan.from,
              to: plan.to,
              revision: plan.revision,
              documentNumber: numbered
            }
          })
          return { documentNumber: numbered }
        }),
      StaleCase
    ),
  running: Effect.promise(async () =>
    (
      await db.enforcementCase.findMany({
        where: { status: { notIn: ["closed", "not_filed"] } },
        select: { id: true },
        orderBy: { createdAt: "asc" }
      })
    ).map((c) => c.id)
  ),
  setNext: (id, next) =>
    Effect.promise(() =>
      db.enforcementCase.update({
        where: { id },
        data: { nextDueOn: next?.dueOn ?? null, nextDueStep: next?.step ?? null }
      })
    ).pipe(Effect.asVoid)
})

/** The repository as a layer. */
export const CaseRepositoryLive = (db: Db): Layer.Layer<CaseRepository> =>
  Layer.succeed(CaseRepository, caseRepository(db))

/** Cases for the list, newest first, filtered by status and by the institutions a user may see. */
export const listCases = async (
  db: Db,
  filter: {
    readonly status?: CaseStatus
    /** Only cases whose next deadline is on or before this day, soonest first. */
    readonly dueBy?: string
    readonly institutions: ReadonlyArray<string> | null
    readonly limit: number
    readonly offset: number
  }
) => {
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.dueBy ? { nextDueOn: { not: null, lte: filter.dueBy } } : {}),
    ...(filter.institutions === null ? {} : { institutionCode: { in: [...filter.institutions] } })
  }
  const [total, rows] = await Promise.all([
    db.enforcementCase.count({ where }),
    db.enforcementCase.findMany({
      where,
      orderBy: filter.dueBy ? [{ nextDueOn: "asc" }, { createdAt: "asc" }] : [{ createdAt: "desc" }],
      take: filter.limit,
      skip: filter.offset
    })
  ])
  const institutions = await db.institution.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.institutionCode))] } },
    select: { code: true, name: true }
  })
  const names = new Map(institutions.map((i) => [i.code, i.name]))
  return {
    total,
    rows: rows.map((r) => ({ ...r, institutionName: names.get(r.institutionCode) ?? r.institutionCode }))
  }
}

/** The institution a case is against, or null when there is no such case (for scope checks). */
export const institutionOfCase = async (db: Db, id: string): Promise<string | null> =>
  (await db.enforcementCase.findUnique({ where: { id }, select: { institutionCode: true } }))?.institutionCode ?? null

/** The case a confirmed lead was carried into, if any. */
export const caseOfSuspicion = async (db: Db, suspicionId: string): Promise<string | null> =>
  (await db.caseLead.findUnique({ where: { suspicionId } }))?.caseId ?? null

/**
 * Confirmed leads (确认立案查处) not yet in a case, as the grouping rule needs them, with the day each
 * was approved (the discovery date of the case they go into).
 */
export const leadsAwaitingCase = async (db: Db, institutions: ReadonlyArray<string> | null) => {
  const rows = await db.suspicion.findMany({
    where: {
      outcome: { result: "confirmed", disposition: "case" },
      ...(institutions === null ? {} : { fixmedinsCode: { in: [...institutions] } })
    },
    include: { outcome: true },
    take: 5000
  })
  const taken = new Set(
    (await db.caseLead.findMany({ where: { suspicionId: { in: rows.map((r) => r.id) } } })).map((l) => l.suspicionId)
  )
  return rows
    .filter((r) => !taken.has(r.id))
    .map((r) => ({
      id: r.id,
      institution: r.fixmedinsCode,
      person: r.psnNo,
      doctor: null,
      violation: r.violation,
      amount: r.amount,
      date: r.date,
      approvedAt: r.outcome?.decidedAt ?? r.updatedAt
    }))
}

/** Finished inspections of each institution (newest first), for the proposals to attach. */
export const finishedInspections = async (db: Db, institutions: ReadonlyArray<string>) =>
  db.inspection.findMany({
    where: { institutionCode: { in: [...institutions] }, status: "finished" },
    select: { id: true, institutionCode: true, finishedOn: true },
    orderBy: [{ finishedOn: "desc" }]
  })
