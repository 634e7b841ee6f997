/**
 * Follow-ups in the database (the domain's `FollowUpRepository`): agreement measures, rectification
 * orders, self-inspection campaigns and reports; each write with its audit entry in one transaction.
 * Also the queries of their lists.
 */
import {
  agreementActions,
  ChecklistRepository,
  FollowUpNotFound,
  FollowUpRefused,
  FollowUpRepository,
  type AgreementAction,
  type Checklist,
  type StoredMeasure,
  type StoredRectification
} from "@fundguard/domain/enforcement"
import type { IsoDate, OrgKind } from "@fundguard/domain/kernel"
import type { ViolationCode } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"
import { attempt } from "../effects.js"

const institutionExists = async (db: Pick<Db, "institution">, code: string) => {
  if ((await db.institution.findUnique({ where: { code } })) === null)
    throw new FollowUpNotFound({ kind: "定点医药机构", id: code })
}

const measureOf = async (db: Db, id: string): Promise<StoredMeasure> => {
  const m = await db.agreementMeasure.findUnique({ where: { id } })
  if (m === null) throw new FollowUpNotFound({ kind: "协议处理措施", id })
  return {
    id: m.id,
    action: m.action as AgreementAction,
    status: m.status as StoredMeasure["status"],
    proposedById: m.proposedById,
    proposedByName: m.proposedByName,
    reviewedById: m.reviewedById,
    reviewedByName: m.reviewedByName,
    statementOn: m.statementOn
  }
}

const rectificationOf = async (db: Db, id: string): Promise<StoredRectification> => {
  const r = await db.rectificationOrder.findUnique({ where: { id } })
  if (r === null) throw new FollowUpNotFound({ kind: "整改通知", id })
  return {
    id: r.id,
    institution: r.institutionCode,
    violations: r.violations as ReadonlyArray<ViolationCode>,
    issuedOn: r.issuedOn as IsoDate,
    dueOn: r.dueOn as IsoDate,
    reportedOn: r.reportedOn as IsoDate | null,
    recheckedOn: r.recheckedOn as IsoDate | null,
    recheckPassed: r.recheckPassed
  }
}

const write = (db: Db, work: (tx: Db) => Promise<void>) =>
  Effect.promise(() => db.$transaction((tx) => work(tx as unknown as Db)))

/** A write that only applies in the state it was decided in: another person's step in between is refused. */
const writeIf = (db: Db, work: (tx: Db) => Promise<void>) =>
  attempt(() => db.$transaction((tx) => work(tx as unknown as Db)), FollowUpRefused)

const changed = (count: number, detail: string) => {
  if (count !== 1) throw new FollowUpRefused({ detail })
}

/** The follow-up repository on this database. */
export const followUpRepository = (db: Db): FollowUpRepository["Type"] => ({
  proposeMeasure: ({ id, proposal, actor, today }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          await institutionExists(tx, proposal.institutionCode)
          await tx.agreementMeasure.create({
            data: {
              id,
              institutionCode: proposal.institutionCode,
              action: proposal.action,
              status: "proposed",
              reason: proposal.reason,
              amount: proposal.amount ?? null,
              requestedBy: proposal.requestedBy ?? null,
              month: proposal.month ?? null,
              caseId: proposal.caseId ?? null,
              basis: agreementActions[proposal.action].basis,
              proposedById: actor.id,
              proposedByName: actor.name,
              proposedOn: today
            }
          })
          await recordAudit(tx, actor, {
            action: "agreement_measure.propose",
            entityType: "agreement_measure",
            entityId: id,
            details: {
              institutionCode: proposal.institutionCode,
              action: proposal.action,
              amount: proposal.amount ?? null
            }
          })
        }),
      FollowUpNotFound
    ),
  loadMeasure: (id) => attempt(() => measureOf(db, id), FollowUpNotFound),
  recordMeasureStatement: ({ id, statement, on, actor }) =>
    writeIf(db, async (tx) => {
      const updated = await tx.agreementMeasure.updateMany({
        where: { id, status: "proposed" },
        data: { statement, statementOn: on }
      })
      changed(updated.count, "该措施已决定或已撤回")
      await recordAudit(tx, actor, {
        action: "agreement_measure.statement",
        entityType: "agreement_measure",
        entityId: id,
        details: { on }
      })
    }),
  reviewMeasure: ({ id, actor, today }) =>
    writeIf(db, async (tx) => {
      const updated = await tx.agreementMeasure.updateMany({
        where: { id, status: "proposed", reviewedById: null },
        data: { reviewedById: actor.id, reviewedByName: actor.name, reviewedOn: today }
      })
      changed(updated.count, "该措施已由他人复审或已决定")
      await recordAudit(tx, actor, {
        action: "agreement_measure.review",
        entityType: "agreement_measure",
        entityId: id,
        details: {}
      })
    }),
  decideMeasure: ({ id, decision, actor, today }) =>
    writeIf(db, async (tx) => {
      const updated = await tx.agreementMeasure.updateMany({
        where: { id, status: "proposed" },
        data: { status: "decided", decision, decidedById: actor.id, decidedByName: actor.name, decidedOn: today }
      })
      changed(updated.count, "该措施已由他人决定或已撤回")
      await recordAudit(tx, actor, {
        action: "agreement_measure.decide",
        entityType: "agreement_measure",
        entityId: id,
        details: { decision }
      })
    }),
  issueRectification: ({ id, issue, actor, today }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          await institutionExists(tx, issue.institutionCode)
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
        }),
      FollowUpNotFound
    ),
  loadRectification: (id) => attempt(() => rectificationOf(db, id), FollowUpNotFound),
  recordRectification: ({ id, step, on, text, passed, actor }) =>
    writeIf(db, async (tx) => {
      const updated = await tx.rectificationOrder.updateMany({
        where:
          step === "report"
            ? { id, reportedOn: null, recheckPassed: null }
            : { id, reportedOn: { not: null }, recheckPassed: null },
        data:
          step === "report"
            ? { reportedOn: on, report: text }
            : { recheckedOn: on, recheckNote: text, recheckPassed: passed }
      })
      changed(updated.count, "该整改通知已被他人更新，请刷新后重试")
      await recordAudit(tx, actor, {
        action: `rectification.${step}`,
        entityType: "rectification",
        entityId: id,
        details: { on, passed }
      })
    }),
  unescalated: Effect.promise(async () =>
    (
      await db.rectificationOrder.findMany({
        where: { escalatedOn: null, reportedOn: null, recheckPassed: null },
        orderBy: { dueOn: "asc" }
      })
    ).map((r) => ({
      id: r.id,
      institution: r.institutionCode,
      violations: r.violations as ReadonlyArray<ViolationCode>,
      issuedOn: r.issuedOn as IsoDate,
      dueOn: r.dueOn as IsoDate,
      reportedOn: r.reportedOn as IsoDate | null,
      recheckedOn: r.recheckedOn as IsoDate | null,
      recheckPassed: r.recheckPassed,
      problems: r.problems
    }))
  ),
  markEscalated: ({ id, today, actor }) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        const updated = await tx.rectificationOrder.updateMany({
          where: { id, escalatedOn: null },
          data: { escalatedOn: today }
        })
        if (updated.count !== 1) return false
        await recordAudit(tx, actor, {
          action: "rectification.escalate",
          entityType: "rectification",
          entityId: id,
          details: { on: today }
        })
        return true
      })
    ),
  saveCampaign: ({ campaign, actor }) =>
    write(db, async (tx) => {
      const data = { ...campaign, orgKinds: [...campaign.orgKinds] as never }
      await tx.selfCheckCampaign.upsert({ where: { code: campaign.code }, create: data, update: data })
      await recordAudit(tx, actor, {
        action: "self_check.campaign",
        entityType: "self_check_campaign",
        entityId: campaign.code,
        details: { ...campaign }
      })
    }),
  saveReport: ({ campaignCode, report, actor }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          if ((await tx.selfCheckCampaign.findUnique({ where: { code: campaignCode } })) === null)
            throw new FollowUpNotFound({ kind: "自查自纠活动", id: campaignCode })
          await institutionExists(tx, report.institutionCode)
          const data = {
            submittedOn: report.submittedOn,
            commitmentSigned: report.commitmentSigned,
            problems: [...report.problems] as never,
            refunds: report.refunds.map((r) => ({ ...r })) as never,
            recordedByName: actor.name
          }
          await tx.selfCheckReport.upsert({
            where: { campaignCode_institutionCode: { campaignCode, institutionCode: report.institutionCode } },
            create: { campaignCode, institutionCode: report.institutionCode, ...data },
            update: data
          })
          await recordAudit(tx, actor, {
            action: "self_check.report",
            entityType: "self_check_campaign",
            entityId: campaignCode,
            details: { institutionCode: report.institutionCode, refunds: report.refunds.length }
          })
        }),
      FollowUpNotFound
    ),
  campaignsOf: (institutionCode) =>
    Effect.promise(async () => {
      const institution = await db.institution.findUnique({ where: { code: institutionCode } })
      if (institution === null) return []
      const campaigns = await db.selfCheckCampaign.findMany({
        include: { reports: { where: { institutionCode } } },
        orderBy: { code: "asc" }
      })
      return campaigns
        .filter((c) => (c.orgKinds as ReadonlyArray<string>).includes(institution.orgKind))
        .map((c) => ({
          orgKind: institution.orgKind as OrgKind,
          campaign: {
            code: c.code,
            title: c.title,
            orgKinds: c.orgKinds as ReadonlyArray<OrgKind>,
            dataFrom: c.dataFrom as IsoDate,
            dataTo: c.dataTo as IsoDate,
            reportDue: c.reportDue as IsoDate,
            refundDue: c.refundDue as IsoDate,
            source: c.source
          },
          report: c.reports[0]
            ? {
                institution: institutionCode,
                submittedOn: c.reports[0].submittedOn as IsoDate | null,
                commitmentSigned: c.reports[0].commitmentSigned,
                refunds: c.reports[0].refunds as unknown as ReadonlyArray<{
                  amount: number
                  paidOn: IsoDate
                  violation: ViolationCode | null
                }>
              }
            : undefined
        }))
    })
})

/** The repository as a layer. */
export const FollowUpRepositoryLive = (db: Db): Layer.Layer<FollowUpRepository> =>
  Layer.succeed(FollowUpRepository, followUpRepository(db))

/** Agreement measures, newest first, within the institutions a user may see (null: all). */
export const listMeasures = (db: Db, institutions: ReadonlyArray<string> | null) =>
  db.agreementMeasure.findMany({
    where: institutions === null ? {} : { institutionCode: { in: [...institutions] } },
    orderBy: { createdAt: "desc" },
    take: 500
  })

/** Rectification orders, by due date, within the institutions a user may see (null: all). */
export const listRectifications = (db: Db, institutions: ReadonlyArray<string> | null) =>
  db.rectificationOrder.findMany({
    where: institutions === null ? {} : { institutionCode: { in: [...institutions] } },
    orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
    take: 1000
  })

/** A campaign with every report. */
export const campaignWithReports = (db: Db, code: string) =>
  db.selfCheckCampaign.findUnique({ where: { code }, include: { reports: true } })

/** Every campaign, newest first. */
export const listSelfCheckCampaigns = (db: Db) => db.selfCheckCampaign.findMany({ orderBy: { createdAt: "desc" } })

/** The institution a follow-up is about, or null (for scope checks). */
export const institutionOfFollowUp = async (db: Db, kind: "measure" | "rectification", id: string) =>
  kind === "measure"
    ? ((await db.agreementMeasure.findUnique({ where: { id }, select: { institutionCode: true } }))?.institutionCode ??
      null)
    : ((await db.rectificationOrder.findUnique({ where: { id }, select: { institutionCode: true } }))
        ?.institutionCode ?? null)

/** The bureau's checklist versions on this database (the domain's `ChecklistRepository`). */
export const checklistRepository = (db: Db): ChecklistRepository["Type"] => ({
  stored: Effect.promise(async () =>
    (await db.checklistVersion.findMany({ orderBy: [{ code: "asc" }, { version: "asc" }] })).map((c) => ({
      code: c.code,
      version: c.version,
      title: c.title,
      orgKinds: c.orgKinds as unknown as Checklist["orgKinds"],
      effectiveFrom: c.effectiveFrom as Checklist["effectiveFrom"],
      items: c.items as unknown as Checklist["items"]
    }))
  ),
  save: (checklist, actor) =>
    write(db, async (tx) => {
      await tx.checklistVersion.create({
        data: {
          ...checklist,
          orgKinds: [...checklist.orgKinds] as never,
          items: checklist.items.map((i) => ({ ...i, violations: [...i.violations] })) as never,
          savedByName: actor.name
        }
      })
      await recordAudit(tx, actor, {
        action: "checklist.save",
        entityType: "checklist",
        entityId: `${checklist.code}@${checklist.version}`,
        details: { effectiveFrom: checklist.effectiveFrom, items: checklist.items.length }
      })
    })
})

/** The checklist repository as a layer. */
export const ChecklistRepositoryLive = (db: Db): Layer.Layer<ChecklistRepository> =>
  Layer.succeed(ChecklistRepository, checklistRepository(db))
