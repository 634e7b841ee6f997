/**
 * The suspicion list (疑点) with its filters, and the screening runs (筛查批次) that filed the leads.
 */
import {
  findRun,
  listRunsWithFigures,
  searchSuspicions,
  stampFirstReviewDeadlines,
  type Db,
  type RuleStat
} from "@fundguard/db"
import { bureauDate, type WorkingCalendarShape } from "@fundguard/domain/WorkingCalendar"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { HttpProblem } from "../plugins/errors.js"
import { filterOf } from "../review/filters.js"
import { filterProperties, presentSuspicion, suspicionSchema, type FilterQuery } from "../review/present.js"

interface Query extends FilterQuery {
  page?: number
  pageSize?: number
}

const runSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    startedAt: { type: "string" },
    finishedAt: { type: ["string", "null"] },
    durationMs: { type: ["number", "null"] },
    status: { type: "string", enum: ["running", "succeeded", "failed"] },
    trigger: { type: "string" },
    extract: { type: "string" },
    admdvs: { type: ["string", "null"] },
    periodFrom: { type: ["string", "null"] },
    periodTo: { type: ["string", "null"] },
    suspicionCount: { type: "integer" },
    newCount: { type: "integer", description: "leads first filed by this run" },
    statusCounts: {
      type: "object",
      additionalProperties: { type: "integer" },
      description: "where its new leads stand"
    },
    ruleCounts: { type: "object", additionalProperties: { type: "integer" } },
    rules: {
      type: "array",
      items: {
        type: "object",
        properties: {
          code: { type: "string" },
          version: { type: "integer" },
          kind: { type: "string" },
          status: { type: "string" },
          reason: { type: "string" },
          count: { type: "integer" },
          durationMs: { type: "number" }
        }
      }
    },
    progress: {
      type: ["object", "null"],
      properties: {
        rule: { type: "string" },
        done: { type: "integer" },
        total: { type: "integer" },
        at: { type: "string" }
      }
    },
    error: { type: ["string", "null"] }
  }
} as const

type RunWithFigures = Awaited<ReturnType<typeof listRunsWithFigures>>[number]

const presentRun = (r: RunWithFigures) => {
  const rules = (r.ruleStats as unknown as Array<RuleStat & { kind?: string }> | null) ?? []
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    durationMs: r.finishedAt === null ? null : r.finishedAt.getTime() - r.startedAt.getTime(),
    status: r.status,
    trigger: r.trigger,
    extract: r.extract,
    admdvs: r.admdvs,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    suspicionCount: r.suspicionCount,
    newCount: r.newCount,
    statusCounts: r.statusCounts,
    ruleCounts: Object.fromEntries(rules.map((s) => [s.code, s.count])),
    rules,
    progress: r.status === "running" ? (r.progress ?? null) : null,
    error: r.error
  }
}

/** Suspicions (疑点) and the screening runs that filed them. */
export const suspicionRoutes = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date; readonly calendar: WorkingCalendarShape }
) => {
  app.get<{ Querystring: Query }>(
    "/api/v1/suspicions",
    {
      config: { permission: "suspicions:read" },
      schema: {
        tags: ["suspicions"],
        summary: "List suspicions (疑点), largest amount first, with their review state and deadline",
        querystring: {
          type: "object",
          properties: {
            ...filterProperties,
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
      await stampFirstReviewDeadlines(options.db, options.calendar)
      const user = currentUser(request)
      const today = bureauDate(options.now())
      const { page, pageSize, ...query } = request.query
      const result = await searchSuspicions(options.db, filterOf(query, user.id, await request.scope()), today, {
        ...(page === undefined ? {} : { page }),
        ...(pageSize === undefined ? {} : { pageSize })
      })
      return {
        total: result.total,
        totalAmount: result.totalAmount,
        items: result.items.map((s) => presentSuspicion(s, user.role, today))
      }
    }
  )

  app.get(
    "/api/v1/screening/runs",
    {
      config: { permission: "suspicions:read" },
      schema: {
        tags: ["screening"],
        summary: "Recent screening runs (筛查批次), newest first, with counts per rule and progress while running",
        response: { 200: { type: "object", properties: { items: { type: "array", items: runSchema } } } }
      }
    },
    async () => ({ items: (await listRunsWithFigures(options.db)).map(presentRun) })
  )

  app.get<{ Params: { id: string } }>(
    "/api/v1/screening/runs/:id",
    {
      config: { permission: "suspicions:read" },
      schema: {
        tags: ["screening"],
        summary: "One screening run",
        params: { type: "object", properties: { id: { type: "string", maxLength: 64 } }, required: ["id"] },
        response: { 200: runSchema }
      }
    },
    async (request) => {
      const run = await findRun(options.db, request.params.id)
      if (run === null) throw new HttpProblem(404, "NotFound", `筛查批次 ${request.params.id} 不存在`)
      return presentRun(run)
    }
  )
}
