/**
 * Credit in the database (the domain's `CreditRepository`): practitioners and their point events,
 * the consequences the daily pass recorded, joint-punishment notices and publications; each write
 * with its audit entry in one transaction. Also the queries of the lists and histories, and the
 * institution credit record drawn from decisions, inspections and rectifications where they are kept.
 */
import {
  CreditNotFound,
  CreditRefused,
  CreditRepository,
  departmentLabel,
  type CreditEvent,
  type PointSource,
  type PractitionerKind,
  type Responsibility,
  type StoredPointEvent,
  type StoredPractitioner,
  type StoredPublication
} from "@fundguard/domain/credit"
import {
  agreementActions,
  caseFile,
  rectificationState,
  type AgreementAction,
  type CaseEntry
} from "@fundguard/domain/enforcement"
import type { IsoDate } from "@fundguard/domain/kernel"
import type { TransferTarget, ViolationCode } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { randomUUID } from "node:crypto"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"
import { attempt } from "../effects.js"

type PractitionerRow = NonNullable<Awaited<ReturnType<Db["practitioner"]["findUnique"]>>>
type EventRow = NonNullable<Awaited<ReturnType<Db["paymentPointEvent"]["findUnique"]>>>

const practitionerOf = (
  row: PractitionerRow,
  institution: { readonly name: string; readonly admdvs: string } | null
): StoredPractitioner => ({
  id: row.id,
  nationalCode: row.nationalCode,
  name: row.name,
  kind: row.kind as PractitionerKind,
  institutionCode: row.institutionCode,
  institutionName: institution?.name ?? row.institutionCode,
  admdvs: institution?.admdvs ?? "000000"
})

/** A stored point event as the domain sees it. */
export const pointEventOf = (row: EventRow): StoredPointEvent => ({
  id: row.id,
  practitionerId: row.practitionerId,
  decidedOn: row.decidedOn as IsoDate,
  points: row.points,
  suspensionMonths: row.suspensionMonths,
  tierMin: row.tierMin,
  tierMax: row.tierMax,
  responsibility: row.responsibility as Responsibility,
  source: row.source as StoredPointEvent["source"],
  sourceId: row.sourceId,
  event: row.event,
  schemeId: row.schemeId,
  recordedByName: row.recordedByName
})

const institutionsByCode = async (db: Db, codes: ReadonlyArray<string>) =>
  new Map(
    (
      await db.institution.findMany({
        where: { code: { in: [...new Set(codes)] } },
        select: { code: true, name: true, admdvs: true }
      })
    ).map((i) => [i.code, i])
  )

const eventOrder = [{ decidedOn: "asc" as const }, { createdAt: "asc" as const }]

/** The credit repository on this database. */
export const creditRepository = (db: Db): CreditRepository["Type"] => ({
  registerPractitioner: ({ id, input, actor }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          if ((await tx.institution.findUnique({ where: { code: input.institutionCode } })) === null)
            throw new CreditNotFound({ kind: "定点医药机构", id: input.institutionCode })
          if ((await tx.practitioner.findUnique({ where: { nationalCode: input.nationalCode } })) !== null)
            throw new CreditRefused({ detail: `国家医保人员代码 ${input.nationalCode} 已登记` })
          await tx.practitioner.create({ data: { id, ...input, registeredByName: actor.name } })
          await recordAudit(tx, actor, {
            action: "practitioner.register",
            entityType: "practitioner",
            entityId: id,
            details: { institutionCode: input.institutionCode, kind: input.kind }
          })
        }),
      Error
    ).pipe(
      Effect.catchAll((e) =>
        e instanceof CreditNotFound || e instanceof CreditRefused ? Effect.fail(e) : Effect.die(e)
      )
    ),
  loadPractitioner: (id) =>
    attempt(async () => {
      const row = await db.practitioner.findUnique({ where: { id } })
      if (row === null) throw new CreditNotFound({ kind: "人员", id })
      return practitionerOf(row, (await institutionsByCode(db, [row.institutionCode])).get(row.institutionCode) ?? null)
    }, CreditNotFound),
  practitionersOf: (institutionCode) =>
    Effect.promise(async () => {
      const institution = (await institutionsByCode(db, [institutionCode])).get(institutionCode) ?? null
      return (await db.practitioner.findMany({ where: { institutionCode }, orderBy: { nationalCode: "asc" } })).map(
        (r) => practitionerOf(r, institution)
      )
    }),
  pointEventsOf: (practitionerId) =>
    Effect.promise(async () =>
      (await db.paymentPointEvent.findMany({ where: { practitionerId }, orderBy: eventOrder })).map(pointEventOf)
    ),
  measureSource: (measureId, scheme) =>
    attempt(async (): Promise<PointSource> => {
      const m = await db.agreementMeasure.findUnique({ where: { id: measureId } })
      if (m === null) throw new CreditNotFound({ kind: "协议处理措施", id: measureId })
      const decided = m.status === "decided" ? (m.decidedOn as IsoDate | null) : null
      const damages = m.action === "liquidated_damages"
      // 🔶 (Fujian's mapping, the engine's national default): an agreement sanction with 违约金 → 1–3 points.
      const tier = scheme.tiers[0]
      return {
        institutionCode: m.institutionCode,
        decidedOn: decided,
        tiers: decided !== null && damages && tier !== undefined ? [{ min: tier.min, max: tier.max }] : [],
        why:
          decided === null
            ? "该协议处理措施尚未决定，不能记分"
            : damages
              ? null
              : `「${agreementActions[m.action as AgreementAction].label}」不是记分事件（协议处理须支付违约金方可记分）`
      }
    }, CreditNotFound),
  recordPointEvent: ({ id, practitionerId, input, tier, schemeId, actor }) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        await tx.paymentPointEvent.create({
          data: {
            id,
            practitionerId,
            decidedOn: input.decidedOn,
            year: Number(input.decidedOn.slice(0, 4)),
            points: input.points,
            tierMin: tier.min,
            tierMax: tier.max,
            responsibility: input.responsibility,
            source: input.source,
            sourceId: input.sourceId,
            event: input.event,
            suspensionMonths: input.suspensionMonths ?? null,
            schemeId,
            recordedByName: actor.name
          }
        })
        await recordAudit(tx, actor, {
          action: "practitioner.points",
          entityType: "practitioner",
          entityId: practitionerId,
          details: {
            event: id,
            decidedOn: input.decidedOn,
            points: input.points,
            source: input.source,
            sourceId: input.sourceId
          }
        })
      })
    ),
  scored: Effect.promise(async () => {
    const rows = await db.practitioner.findMany({
      where: { events: { some: {} } },
      include: { events: { orderBy: eventOrder } },
      orderBy: { nationalCode: "asc" }
    })
    const institutions = await institutionsByCode(
      db,
      rows.map((r) => r.institutionCode)
    )
    return rows.map((r) => ({
      practitioner: practitionerOf(r, institutions.get(r.institutionCode) ?? null),
      events: r.events.map(pointEventOf)
    }))
  }),
  recordTransition: ({ practitionerId, kind, on, until, causeEventId, actor }) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        const existing = await tx.qualificationTransition.findUnique({
          where: { practitionerId_kind_on: { practitionerId, kind, on } }
        })
        if (existing !== null) return false
        await tx.qualificationTransition.create({
          data: { id: randomUUID(), practitionerId, kind, on, until, causeEventId }
        })
        await recordAudit(tx, actor, {
          action: `practitioner.${kind}`,
          entityType: "practitioner",
          entityId: practitionerId,
          details: { on, until, causeEventId }
        })
        return true
      })
    ),
  issueNotice: ({ id, input, institutionCode, subjectName, today, actor }) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        await tx.jointPunishmentNotice.create({
          data: {
            id,
            department: input.department,
            subject: input.subject,
            subjectId: input.subjectId,
            subjectName,
            institutionCode,
            caseId: input.caseId ?? null,
            reason: input.reason,
            request: input.request,
            issuedOn: today,
            issuedByName: actor.name
          }
        })
        await recordAudit(tx, actor, {
          action: "joint_punishment.notice",
          entityType: "joint_punishment_notice",
          entityId: id,
          details: { department: input.department, subject: input.subject, subjectId: input.subjectId }
        })
      })
    ),
  proposePublication: ({ id, proposal, institutionCode, today, actor }) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        await tx.creditPublication.create({
          data: {
            id,
            caseId: proposal.caseId,
            institutionCode,
            status: "proposed",
            title: proposal.title,
            summary: proposal.summary,
            persons: [...(proposal.persons ?? [])] as never,
            proposedById: actor.id,
            proposedByName: actor.name,
            proposedOn: today
          }
        })
        await recordAudit(tx, actor, {
          action: "publication.propose",
          entityType: "publication",
          entityId: id,
          details: { caseId: proposal.caseId }
        })
      })
    ),
  loadPublication: (id) =>
    attempt(async (): Promise<StoredPublication> => {
      const p = await db.creditPublication.findUnique({ where: { id } })
      if (p === null) throw new CreditNotFound({ kind: "曝光", id })
      return {
        id: p.id,
        caseId: p.caseId,
        institutionCode: p.institutionCode,
        status: p.status as StoredPublication["status"],
        title: p.title,
        summary: p.summary,
        persons: p.persons as ReadonlyArray<string>,
        proposedById: p.proposedById,
        proposedByName: p.proposedByName
      }
    }, CreditNotFound),
  approvePublication: ({ id, publicTitle, publicSummary, today, actor }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const updated = await tx.creditPublication.updateMany({
            where: { id, status: "proposed" },
            data: {
              status: "published",
              approvedById: actor.id,
              approvedByName: actor.name,
              publishedOn: today,
              publicTitle,
              publicSummary
            }
          })
          if (updated.count !== 1) throw new CreditRefused({ detail: "该曝光已由他人审批发布" })
          await recordAudit(tx, actor, {
            action: "publication.approve",
            entityType: "publication",
            entityId: id,
            details: { publishedOn: today }
          })
        }),
      CreditRefused
    )
})

/** The repository as a layer. */
export const CreditRepositoryLive = (db: Db): Layer.Layer<CreditRepository> =>
  Layer.succeed(CreditRepository, creditRepository(db))

// ── Queries ──────────────────────────────────────────────────────────────────────────────────────

/** Practitioners with their events, within the institutions a user may see (null: all), by institution and code. */
export const listPractitioners = (db: Db, institutions: ReadonlyArray<string> | null) =>
  db.practitioner.findMany({
    where: institutions === null ? {} : { institutionCode: { in: [...institutions] } },
    include: { events: { orderBy: eventOrder } },
    orderBy: [{ institutionCode: "asc" }, { nationalCode: "asc" }],
    take: 2000
  })

/** One practitioner with events and recorded transitions, or null. */
export const practitionerHistory = (db: Db, id: string) =>
  db.practitioner.findUnique({
    where: { id },
    include: { events: { orderBy: eventOrder }, transitions: { orderBy: [{ on: "asc" }, { kind: "asc" }] } }
  })

/** The institution of a practitioner, or null (for scope checks). */
export const institutionOfPractitioner = async (db: Db, id: string): Promise<string | null> =>
  (await db.practitioner.findUnique({ where: { id }, select: { institutionCode: true } }))?.institutionCode ?? null

/** The institution of a publication, or null (for scope checks). */
export const institutionOfPublication = async (db: Db, id: string): Promise<string | null> =>
  (await db.creditPublication.findUnique({ where: { id }, select: { institutionCode: true } }))?.institutionCode ?? null

/**
 * The joint-punishment notices addressed to a department (its inbox), newest first. Names are as
 * issued; the department's door decides what it shows.
 */
export const jointPunishmentNoticesFor = (db: Db, department: TransferTarget) =>
  db.jointPunishmentNotice.findMany({ where: { department }, orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }] })

/** Notices within the institutions a user may see (null: all), newest first. */
export const listJointPunishmentNotices = (db: Db, institutions: ReadonlyArray<string> | null) =>
  db.jointPunishmentNotice.findMany({
    where: institutions === null ? {} : { institutionCode: { in: [...institutions] } },
    orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
    take: 1000
  })

/** Publications within the institutions a user may see (null: all), newest first. */
export const listPublications = (db: Db, institutions: ReadonlyArray<string> | null) =>
  db.creditPublication.findMany({
    where: institutions === null ? {} : { institutionCode: { in: [...institutions] } },
    orderBy: { createdAt: "desc" },
    take: 1000
  })

/** What is public: published decisions, newest first, with only their masked texts. */
export const publishedExposures = async (db: Db) => {
  const rows = await db.creditPublication.findMany({
    where: { status: "published" },
    orderBy: [{ publishedOn: "desc" }, { createdAt: "desc" }],
    take: 200
  })
  const named = await institutionsByCode(
    db,
    rows.map((r) => r.institutionCode)
  )
  const numbers = new Map(
    (
      await db.caseEntry.findMany({
        where: { caseId: { in: rows.map((r) => r.caseId) }, action: "approve_decision" },
        select: { caseId: true, documentNumber: true }
      })
    ).map((e) => [e.caseId, e.documentNumber])
  )
  return rows.map((r) => ({
    id: r.id,
    title: r.publicTitle ?? "",
    summary: r.publicSummary ?? "",
    institutionName: named.get(r.institutionCode)?.name ?? r.institutionCode,
    decisionNumber: numbers.get(r.caseId) ?? null,
    publishedOn: r.publishedOn ?? ""
  }))
}

/**
 * An institution's credit record, drawn from where each fact is kept: penalty decisions (cases
 * decided with a penalty), decided agreement measures, finished inspections with findings,
 * rectification orders overdue or failed on `today`, points of its staff, notices and publications.
 */
export const institutionCreditEvents = async (
  db: Db,
  institutionCode: string,
  today: IsoDate
): Promise<ReadonlyArray<CreditEvent>> => {
  const events: Array<CreditEvent> = []
  const cases = await db.enforcementCase.findMany({
    where: { institutionCode },
    include: { entries: { orderBy: { revision: "asc" } } }
  })
  for (const c of cases) {
    const file = caseFile(
      c.entries.map(
        (e): CaseEntry => ({
          revision: e.revision,
          action: e.action as CaseEntry["action"],
          actorId: e.actorId,
          actorName: e.actorName,
          recordedOn: e.recordedOn as IsoDate,
          details: e.details,
          documentNumber: e.documentNumber
        })
      )
    )
    const decidedOn = file.events.decidedOn ?? null
    if (decidedOn !== null && file.assessment?.outcome === "penalty")
      events.push({
        kind: "penalty_decision",
        on: decidedOn,
        title: `${file.documents.penalty_decision ?? c.number ?? "行政处罚决定"}：${c.summary}`,
        sourceId: c.id
      })
  }
  for (const m of await db.agreementMeasure.findMany({ where: { institutionCode, status: "decided" } }))
    if (m.action !== "interview")
      events.push({
        kind: "agreement_measure",
        on: (m.decidedOn ?? m.proposedOn) as IsoDate,
        title: `${agreementActions[m.action as AgreementAction].label}：${m.reason}`,
        sourceId: m.id
      })
  for (const i of await db.inspection.findMany({ where: { institutionCode, status: "finished" } })) {
    const findings = ((i.record as { findings?: ReadonlyArray<unknown> } | null)?.findings ?? []).length
    if (findings > 0 && i.finishedOn !== null)
      events.push({
        kind: "inspection_findings",
        on: i.finishedOn as IsoDate,
        title: `现场检查发现问题 ${findings} 项`,
        sourceId: i.id
      })
  }
  for (const r of await db.rectificationOrder.findMany({ where: { institutionCode } })) {
    const state = rectificationState(
      {
        institution: r.institutionCode,
        violations: r.violations as ReadonlyArray<ViolationCode>,
        issuedOn: r.issuedOn as IsoDate,
        dueOn: r.dueOn as IsoDate,
        reportedOn: r.reportedOn as IsoDate | null,
        recheckedOn: r.recheckedOn as IsoDate | null,
        recheckPassed: r.recheckPassed
      },
      today
    )
    if (state === "failed")
      events.push({
        kind: "rectification_failed",
        on: (r.recheckedOn ?? r.dueOn) as IsoDate,
        title: `整改复查未通过：${r.problems}`,
        sourceId: r.id
      })
    // Overdue without a report: escalated by the worker (or overdue today, not yet escalated).
    else if (state === "overdue" || r.escalatedOn !== null)
      events.push({
        kind: "rectification_overdue",
        on: (r.escalatedOn ?? r.dueOn) as IsoDate,
        title: `整改逾期未报送整改报告（期限 ${r.dueOn}）：${r.problems}`,
        sourceId: r.id
      })
  }
  for (const e of await db.paymentPointEvent.findMany({ where: { practitioner: { institutionCode } } }))
    events.push({
      kind: "practitioner_points",
      on: e.decidedOn as IsoDate,
      title: `相关人员记 ${e.points} 分：${e.event}`,
      sourceId: e.practitionerId
    })
  for (const n of await db.jointPunishmentNotice.findMany({ where: { institutionCode } }))
    events.push({
      kind: "joint_punishment",
      on: n.issuedOn as IsoDate,
      title: `联合惩戒通报（${departmentLabel[n.department as TransferTarget]}）：${n.reason}`,
      sourceId: n.id
    })
  for (const p of await db.creditPublication.findMany({ where: { institutionCode, status: "published" } }))
    events.push({ kind: "publication", on: p.publishedOn as IsoDate, title: `曝光：${p.title}`, sourceId: p.id })
  return events
}
