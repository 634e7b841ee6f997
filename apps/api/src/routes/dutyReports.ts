/**
 * Coverage against target, the county ranking (yearly or per quarter), the campaigns, and the monthly
 * inspection ledger as .xlsx with its seal box.
 */
import {
  auditChainHead,
  coverageReport,
  listCampaigns,
  loadOrganisation,
  monthlyLedger,
  rankingReport
} from "@fundguard/db"
import { rankingMetricLabel } from "@fundguard/domain"
import type { FastifyInstance } from "fastify"
import { HttpProblem } from "../plugins/errors.js"
import {
  checkDate,
  contextOf,
  dateSchema,
  monthSchema,
  periodParam,
  scopedUnits,
  unitIdSchema,
  type ResponsibilityOptions
} from "../responsibilities/context.js"
import { ledgerWorkbook } from "../responsibilities/ledger.js"
import { attachment, xlsxBytes, xlsxType } from "../responsibilities/sheets.js"

const periodSchema = { type: "string", pattern: "^\\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$" } as const

/** The report routes. */
export const dutyReportRoutes = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  const ctx = contextOf(options)

  app.get<{ Querystring: { period?: string; campaign?: string; asOf?: string; unit?: string } }>(
    "/api/v1/coverage",
    {
      config: { permission: "duties:read" },
      schema: {
        tags: ["coverage"],
        summary:
          "Coverage of per-object duties against target, per unit and for the county (a period, or one campaign)",
        querystring: {
          type: "object",
          properties: {
            period: periodSchema,
            campaign: { type: "string", maxLength: 40 },
            asOf: dateSchema,
            unit: unitIdSchema
          },
          additionalProperties: false
        }
      }
    },
    async (request) => {
      const q = request.query
      if (q.period === undefined && q.campaign === undefined)
        throw new HttpProblem(400, "InvalidRequest", "请指定期间（period）或专项行动（campaign）", [
          { path: "$.query.period", message: "period or campaign required" }
        ])
      const asOf = checkDate(q.asOf ?? ctx.today(), "$.query.asOf")
      const rows = await coverageReport(ctx.db, {
        asOf,
        ...(q.period === undefined ? {} : { period: periodParam(q.period) }),
        ...(q.campaign === undefined ? {} : { campaign: q.campaign }),
        ...(q.unit === undefined ? {} : { unitId: q.unit })
      })
      return { asOf, period: q.period ?? null, campaign: q.campaign ?? null, rows }
    }
  )

  app.get(
    "/api/v1/campaigns",
    {
      config: { permission: "duties:read" },
      schema: { tags: ["coverage"], summary: "Campaigns (专项行动) named by the duties, newest first" }
    },
    async () => ({ items: await listCampaigns(ctx.db) })
  )

  app.get<{ Querystring: { period: string; asOf?: string } }>(
    "/api/v1/rankings",
    {
      config: { permission: "duties:read" },
      schema: {
        tags: ["rankings"],
        summary: "The seed 000 ranking of health centres and social-security offices for a year or quarter",
        description:
          "Scores, ranks (ties shared), outcomes (通报表扬 / 约谈) and an explanation per unit, under the scheme in force.",
        querystring: {
          type: "object",
          properties: { period: periodSchema, asOf: dateSchema },
          required: ["period"],
          additionalProperties: false
        }
      }
    },
    async (request) => {
      const asOf = checkDate(request.query.asOf ?? ctx.today(), "$.query.asOf")
      const report = await rankingReport(ctx.db, { period: periodParam(request.query.period), asOf })
      return {
        ...report,
        metricLabels: rankingMetricLabel
      }
    }
  )

  app.get<{ Querystring: { month: string; unit?: string; includeSupervised?: boolean } }>(
    "/api/v1/ledger.xlsx",
    {
      config: { permission: "duties:read" },
      schema: {
        tags: ["coverage"],
        summary: "The monthly inspection ledger (月度检查台账) as .xlsx, with signature lines and a seal box (盖章处)",
        querystring: {
          type: "object",
          properties: { month: monthSchema, unit: unitIdSchema, includeSupervised: { type: "boolean" } },
          required: ["month"],
          additionalProperties: false
        },
        produces: [xlsxType]
      }
    },
    async (request, reply) => {
      const q = request.query
      const org = await loadOrganisation(ctx.db)
      const unit = q.unit === undefined ? undefined : org.units.find((u) => u.id === q.unit)
      if (q.unit !== undefined && unit === undefined)
        throw new HttpProblem(400, "InvalidRequest", `单位 ${q.unit} 不存在`, [
          { path: "$.query.unit", message: "unknown unit" }
        ])
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
    }
  )
}
