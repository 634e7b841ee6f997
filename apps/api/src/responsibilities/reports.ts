/**
 * Coverage against target, the county ranking (yearly or per quarter), the campaigns, and the monthly
 * inspection ledger as .xlsx with its seal box.
 */
import { Reports } from "@fundguard/contracts"
import {
  auditChainHead,
  coverageReport,
  listCampaigns,
  loadOrganisation,
  monthlyLedger,
  rankingReport
} from "@fundguard/db"
import { rankingMetricLabel } from "@fundguard/domain/responsibilities"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { contextOf, periodParam, scopedUnits, type ResponsibilityOptions } from "./context.js"
import { ledgerWorkbook } from "./ledger.js"
import { attachment, xlsxBytes, xlsxType } from "./sheets.js"

/** The report routes. */
export const dutyReportRoutes = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  const ctx = contextOf(options)

  mount(app, Reports.coverage, async ({ query }) => {
    if (query.period === undefined && query.campaign === undefined)
      throw new Problem("InvalidRequest", "请指定期间（period）或专项行动（campaign）", [
        { path: "$.query.period", message: "须指定期间或专项行动" }
      ])
    const asOf = query.asOf ?? ctx.today()
    const rows = await coverageReport(ctx.db, {
      asOf,
      ...(query.period === undefined ? {} : { period: periodParam(query.period) }),
      ...(query.campaign === undefined ? {} : { campaign: query.campaign }),
      ...(query.unit === undefined ? {} : { unitId: query.unit })
    })
    return { asOf, period: query.period ?? null, campaign: query.campaign ?? null, rows }
  })

  mount(app, Reports.campaigns, async () => ({ items: await listCampaigns(ctx.db) }))

  mount(app, Reports.rankings, async ({ query }) => {
    const asOf = query.asOf ?? ctx.today()
    const report = await rankingReport(ctx.db, { period: periodParam(query.period), asOf })
    return { ...report, metricLabels: rankingMetricLabel }
  })

  mount(app, Reports.ledger, async ({ query: q, request, reply }) => {
    const org = await loadOrganisation(ctx.db)
    const unit = q.unit === undefined ? undefined : org.units.find((u) => u.id === q.unit)
    if (q.unit !== undefined && unit === undefined)
      throw new Problem("InvalidRequest", `单位 ${q.unit} 不存在`, [{ path: "$.query.unit", message: "unknown unit" }])
    const ledger = await monthlyLedger(ctx.db, { month: q.month, ...(await scopedUnits(request, q)) })
    const bureau = org.units.find((u) => u.kind === "bureau")?.name ?? "医疗保障局"
    const unitName = unit?.name ?? bureau
    const workbook = ledgerWorkbook({
      bureauName: bureau,
      unitName,
      monthLabel: ledger.period.label,
      lines: ledger.lines,
      generatedOn: ctx.today(),
      auditHead: await auditChainHead(ctx.db)
    })
    return reply
      .header("content-type", xlsxType)
      .header("content-disposition", attachment(`${unitName}-月度检查台账-${q.month}.xlsx`))
      .send(await xlsxBytes(workbook))
  })
}
