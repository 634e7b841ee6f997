import { can, maskIdentifier } from "@fundguard/domain"
import { listRuns, listSuspicions, type Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"

interface Query {
  rule?: string
  institution?: string
  status?: string
  minAmount?: number
  page?: number
  pageSize?: number
}

const suspicionSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    runId: { type: "string" },
    rule: { type: "string" },
    ruleVersion: { type: "integer" },
    level: { type: "string" },
    fixmedinsCode: { type: "string" },
    institutionName: { type: ["string", "null"] },
    psnNo: { type: ["string", "null"] },
    mdtrtId: { type: ["string", "null"] },
    feedetlSn: { type: "array", items: { type: "string" } },
    medListCodg: { type: ["string", "null"] },
    date: { type: ["string", "null"] },
    amount: { type: "number" },
    violation: { type: ["string", "null"] },
    message: { type: "string" },
    evidence: { type: "object", additionalProperties: true },
    status: { type: "string" }
  }
} as const

/** Suspicions (疑点) and the screening runs that filed them. */
export const suspicionRoutes = async (app: FastifyInstance, options: { readonly db: Db }) => {
  app.get<{ Querystring: Query }>(
    "/api/v1/suspicions",
    {
      config: { permission: "suspicions:read" },
      schema: {
        tags: ["suspicions"],
        summary: "List suspicions (疑点), largest amount first",
        querystring: {
          type: "object",
          properties: {
            rule: { type: "string", pattern: "^[A-Z_]+$" },
            institution: { type: "string", maxLength: 20 },
            status: { type: "string", pattern: "^[a-z_]+$" },
            minAmount: { type: "number", minimum: 0 },
            page: { type: "integer", minimum: 1 },
            pageSize: { type: "integer", minimum: 1, maximum: 500 }
          },
          additionalProperties: false
        },
        response: {
          200: {
            type: "object",
            properties: {
              items: { type: "array", items: suspicionSchema },
              total: { type: "integer" },
              totalAmount: { type: "number" }
            }
          }
        }
      }
    },
    async (request) => {
      const unmasked = can(currentUser(request).role, "personal-data:unmasked")
      const page = await listSuspicions(options.db, request.query)
      return {
        total: page.total,
        totalAmount: page.totalAmount,
        items: page.items.map((s) => ({
          id: s.id,
          runId: s.lastRunId,
          rule: s.ruleCode,
          ruleVersion: s.ruleVersion,
          level: s.level,
          fixmedinsCode: s.fixmedinsCode,
          institutionName: s.institutionName,
          psnNo: s.psnNo === null || unmasked ? s.psnNo : maskIdentifier(s.psnNo),
          mdtrtId: s.mdtrtId,
          feedetlSn: s.feedetlSn,
          medListCodg: s.medListCodg,
          date: s.date,
          amount: s.amount,
          violation: s.violation,
          message: s.message,
          evidence: s.evidence,
          status: s.status
        }))
      }
    }
  )

  app.get(
    "/api/v1/screening/runs",
    {
      config: { permission: "suspicions:read" },
      schema: { tags: ["screening"], summary: "Recent screening runs, newest first" }
    },
    async () => {
      const runs = await listRuns(options.db)
      return {
        items: runs.map((r) => ({
          id: r.id,
          startedAt: r.startedAt.toISOString(),
          finishedAt: r.finishedAt?.toISOString() ?? null,
          status: r.status,
          trigger: r.trigger,
          extract: r.extract,
          periodFrom: r.periodFrom,
          periodTo: r.periodTo,
          suspicionCount: r.suspicionCount,
          ruleCounts: Object.fromEntries(
            (r.ruleStats as Array<{ code: string; count: number }>).map((s) => [s.code, s.count])
          ),
          error: r.error
        }))
      }
    }
  )
}
