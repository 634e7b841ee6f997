/**
 * Follow-ups over HTTP: agreement-track measures, rectification orders with the common problems for
 * a county-wide notice, self-inspection campaigns with their reports and statistics form. Within the
 * caller's data scope: an object of an institution outside it is answered as if it did not exist.
 */
import * as Application from "@fundguard/application"
import { FollowUp } from "@fundguard/contracts"
import {
  campaignWithReports,
  institutionOfFollowUp,
  listMeasures,
  listRectifications,
  listSelfCheckCampaigns,
  type Db
} from "@fundguard/db"
import {
  agreementActions,
  commonProblems,
  FollowUpNotFound,
  moneyMeasures,
  rectificationState,
  selfCheckStanding,
  spotCheckList,
  type AgreementAction,
  type CampaignDefinition,
  type SelfCheckCampaign
} from "@fundguard/domain/enforcement"
import { bureauDate, orgKindLabel, roundYuan, type IsoDate, type OrgKind } from "@fundguard/domain/kernel"
import { violationEntry, type ViolationCode } from "@fundguard/domain/penalty"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { institutionWithinScope, objectWithinScope, requesterOf, visibleInstitutions } from "./scope.js"

const stateLabel = {
  open: "整改中",
  overdue: "逾期未报（升级督办）",
  awaiting_recheck: "待复查",
  closed: "整改到位",
  failed: "复查未通过"
} as const

/** The follow-up routes. */
export const followUpRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db } = options
  const today = () => bureauDate(options.now())
  const actor = (request: FastifyRequest) => requesterOf(request).actor
  const names = async (codes: ReadonlyArray<string>) =>
    new Map(
      (
        await db.institution.findMany({
          where: { code: { in: [...new Set(codes)] } },
          select: { code: true, name: true }
        })
      ).map((i) => [i.code, i.name])
    )
  const withinScope = async (request: FastifyRequest, kind: "measure" | "rectification", id: string) =>
    objectWithinScope(
      request,
      await institutionOfFollowUp(db, kind, id),
      () => new FollowUpNotFound({ kind: kind === "measure" ? "协议处理措施" : "整改通知", id })
    )

  mount(app, FollowUp.listMeasures, async ({ request }) => {
    const rows = await listMeasures(db, await visibleInstitutions(request))
    const named = await names(rows.map((r) => r.institutionCode))
    return {
      items: rows.map((m) => ({
        ...m,
        action: m.action as AgreementAction,
        label: agreementActions[m.action as AgreementAction].label,
        hearFirst: agreementActions[m.action as AgreementAction].hearFirst,
        needsReview: moneyMeasures.includes(m.action as AgreementAction),
        status: m.status as "proposed" | "decided" | "withdrawn",
        institutionName: named.get(m.institutionCode) ?? m.institutionCode
      }))
    }
  })
  mount(app, FollowUp.proposeMeasure, async ({ body, request }) => {
    await institutionWithinScope(request, body.institutionCode)
    return app.run(Application.Enforcement.proposeMeasure({ proposal: request.body, actor: actor(request) }))
  })
  mount(app, FollowUp.recordMeasureStatement, async ({ params, request }) => {
    await withinScope(request, "measure", params.id)
    const body = request.body as { statement: unknown; on: unknown }
    await app.run(
      Application.Enforcement.recordMeasureStatement({
        id: params.id,
        statement: body.statement,
        on: body.on,
        actor: actor(request)
      })
    )
  })
  mount(app, FollowUp.reviewMeasure, async ({ params, request }) => {
    await withinScope(request, "measure", params.id)
    await app.run(Application.Enforcement.reviewMeasure({ id: params.id, actor: actor(request) }))
  })
  mount(app, FollowUp.decideMeasure, async ({ params, body, request }) => {
    await withinScope(request, "measure", params.id)
    await app.run(
      Application.Enforcement.decideMeasure({ id: params.id, decision: body.decision, actor: actor(request) })
    )
  })

  mount(app, FollowUp.listRectifications, async ({ request }) => {
    const rows = await listRectifications(db, await visibleInstitutions(request))
    const named = await names(rows.map((r) => r.institutionCode))
    const on = today()
    return {
      items: rows.map((r) => {
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
          on
        )
        return {
          ...r,
          violations: r.violations as ReadonlyArray<string>,
          institutionName: named.get(r.institutionCode) ?? r.institutionCode,
          state,
          stateLabel: stateLabel[state],
          createdAt: r.createdAt.toISOString()
        }
      })
    }
  })
  mount(app, FollowUp.issueRectification, async ({ body, request }) => {
    await institutionWithinScope(request, body.institutionCode)
    return app.run(Application.Enforcement.issueRectification({ issue: request.body, actor: actor(request) }))
  })
  for (const [endpoint, step] of [
    [FollowUp.reportRectification, "report"],
    [FollowUp.recheckRectification, "recheck"]
  ] as const)
    mount(app, endpoint, async ({ params, request }) => {
      await withinScope(request, "rectification", params.id)
      await app.run(
        Application.Enforcement.recordRectification({ id: params.id, step, input: request.body, actor: actor(request) })
      )
    })
  mount(app, FollowUp.commonProblems, async ({ request }) => {
    const rows = await listRectifications(db, await visibleInstitutions(request))
    const institutions = await db.institution.findMany({ select: { code: true, name: true, orgKind: true } })
    const kindOf = new Map(institutions.map((i) => [i.code, i.orgKind as OrgKind]))
    const nameOf = new Map(institutions.map((i) => [i.code, i.name]))
    const findings = rows.flatMap((r) =>
      (r.violations as ReadonlyArray<ViolationCode>).map((violation) => ({
        institution: r.institutionCode,
        orgKind: kindOf.get(r.institutionCode) ?? ("clinic" as OrgKind),
        violation
      }))
    )
    return {
      items: commonProblems(findings).map((p) => ({
        violation: p.violation,
        violationText: `${violationEntry(p.violation).clause} ${violationEntry(p.violation).behaviour}`,
        orgKind: p.orgKind,
        orgKindLabel: orgKindLabel[p.orgKind],
        institutions: p.institutions.map((code) => ({ code, name: nameOf.get(code) ?? code })),
        toSelfCheck: institutions.filter((i) => i.orgKind === p.orgKind).length
      }))
    }
  })

  const campaignOf = (c: {
    code: string
    title: string
    orgKinds: unknown
    dataFrom: string
    dataTo: string
    reportDue: string
    refundDue: string
    source: string
  }): CampaignDefinition & SelfCheckCampaign =>
    ({ ...c, orgKinds: c.orgKinds as ReadonlyArray<OrgKind> }) as CampaignDefinition & SelfCheckCampaign
  mount(app, FollowUp.listCampaigns, async () => ({ items: (await listSelfCheckCampaigns(db)).map(campaignOf) }))
  mount(app, FollowUp.saveCampaign, async ({ params, body, request }) => {
    if (body.code !== params.code)
      throw new Problem("InvalidRequest", "请求体中的活动编号与路径不一致", [
        { path: "$.code", message: `应为 ${params.code}` }
      ])
    return app.run(Application.Enforcement.saveCampaign({ campaign: request.body, actor: actor(request) }))
  })
  mount(app, FollowUp.saveReport, async ({ params, body, request }) => {
    await institutionWithinScope(request, body.institutionCode)
    await app.run(
      Application.Enforcement.saveSelfCheckReport({
        campaignCode: params.code,
        report: request.body,
        actor: actor(request)
      })
    )
  })
  mount(app, FollowUp.campaignStatistics, async ({ params, request }) => {
    const stored = await campaignWithReports(db, params.code)
    if (stored === null) throw new FollowUpNotFound({ kind: "自查自纠活动", id: params.code })
    const campaign = campaignOf(stored)
    const visible = await visibleInstitutions(request)
    const institutions = (
      await db.institution.findMany({ where: { orgKind: { in: [...campaign.orgKinds] } }, orderBy: { code: "asc" } })
    ).filter((i) => visible === null || visible.includes(i.code))
    const reports = stored.reports.map((r) => ({
      institution: r.institutionCode,
      submittedOn: r.submittedOn as IsoDate | null,
      commitmentSigned: r.commitmentSigned,
      refunds: r.refunds as unknown as ReadonlyArray<{
        amount: number
        paidOn: IsoDate
        violation: ViolationCode | null
      }>,
      problems: (r.problems as ReadonlyArray<string>).length
    }))
    const spot = new Map(
      spotCheckList(
        campaign,
        institutions.map((i) => ({ code: i.code, orgKind: i.orgKind as OrgKind })),
        reports
      ).map((s) => [s.code, s.reason])
    )
    const rows = institutions.map((i) => {
      const report = reports.find((r) => r.institution === i.code)
      const standing = selfCheckStanding(campaign, report)
      return {
        institutionCode: i.code,
        institutionName: i.name,
        orgKindLabel: orgKindLabel[i.orgKind as OrgKind],
        submittedOn: report?.submittedOn ?? null,
        reportedOnTime: standing.reportedOnTime,
        commitmentSigned: report?.commitmentSigned ?? false,
        problems: report?.problems ?? 0,
        refundedByDeadline: standing.refundedByDeadline,
        refundedLate: standing.refundedLate,
        spotCheck: spot.get(i.code) ?? null
      }
    })
    return {
      campaign,
      rows,
      totals: {
        institutions: rows.length,
        reported: rows.filter((r) => r.submittedOn !== null).length,
        commitments: rows.filter((r) => r.commitmentSigned).length,
        problems: rows.reduce((s, r) => s + r.problems, 0),
        refundedByDeadline: roundYuan(rows.reduce((s, r) => s + r.refundedByDeadline, 0)),
        refundedLate: roundYuan(rows.reduce((s, r) => s + r.refundedLate, 0)),
        spotCheck: rows.filter((r) => r.spotCheck !== null).length
      }
    }
  })
}
