/**
 * Tasks: what is due on a day, a month's deadlines, overdue lists for a unit and its supervisor, one
 * task, recording a completion with evidence (files included), downloading evidence, and generating
 * tasks on demand (the worker does it daily).
 */
import {
  dueOn,
  evidenceFiles,
  generateTasks,
  monthCalendar,
  readEvidence,
  recordCompletion,
  taskById,
  tasksWithDeadlines,
  TaskNotFound
} from "@fundguard/db"
import { InvalidCompletion } from "@fundguard/domain"
import type { FastifyInstance } from "fastify"
import { HttpProblem } from "../plugins/errors.js"
import {
  actorOf,
  checkDate,
  contextOf,
  dateSchema,
  monthSchema,
  unitIdSchema,
  type ResponsibilityOptions
} from "../responsibilities/context.js"

const tags = ["tasks"]
const scopeQuery = {
  unit: unitIdSchema,
  includeSupervised: { type: "boolean", description: "also the units this unit supervises" }
} as const

interface Scope {
  unit?: string
  includeSupervised?: boolean
}
const scopeOf = (q: Scope) => ({
  ...(q.unit === undefined ? {} : { unitId: q.unit }),
  ...(q.includeSupervised === undefined ? {} : { includeSupervised: q.includeSupervised })
})

/** The task routes. */
export const taskRoutes = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  const ctx = contextOf(options)

  app.get(
    "/api/v1/calendar/info",
    {
      config: { permission: "duties:read" },
      schema: { tags, summary: "Today (China Standard Time) and the years the holiday data covers" }
    },
    async () => ({ today: ctx.today(), source: ctx.calendar.source, coveredYears: ctx.calendar.coveredYears })
  )

  app.get<{ Querystring: Scope & { on?: string } }>(
    "/api/v1/tasks/due",
    {
      config: { permission: "duties:read" },
      schema: {
        tags,
        summary: "What is due on a day (default today): every task open that day, with deadlines; overdue ones flagged",
        querystring: { type: "object", properties: { on: dateSchema, ...scopeQuery }, additionalProperties: false }
      }
    },
    async (request) => {
      const on = checkDate(request.query.on ?? ctx.today(), "$.query.on")
      const items = await dueOn(ctx.db, ctx.calendar, on, scopeOf(request.query))
      return { on, items, overdue: items.filter((t) => t.state === "overdue").length }
    }
  )

  app.get<{ Querystring: Scope & { on?: string; state?: string; from?: string; to?: string } }>(
    "/api/v1/tasks",
    {
      config: { permission: "duties:read" },
      schema: {
        tags,
        summary:
          "Tasks whose deadline falls in from…to (default: all up to `on`), states as of `on`; state=overdue lists the overdue ones",
        querystring: {
          type: "object",
          properties: {
            on: dateSchema,
            from: dateSchema,
            to: dateSchema,
            state: { type: "string", enum: ["done", "done_late", "open", "overdue", "not_selected"] },
            ...scopeQuery
          },
          additionalProperties: false
        }
      }
    },
    async (request) => {
      const on = checkDate(request.query.on ?? ctx.today(), "$.query.on")
      const items = await tasksWithDeadlines(ctx.db, ctx.calendar, {
        from: request.query.from ?? "0000-01-01",
        to: request.query.to ?? (request.query.state === "overdue" ? on : "9999-12-31"),
        on,
        ...scopeOf(request.query)
      })
      const filtered = request.query.state === undefined ? items : items.filter((t) => t.state === request.query.state)
      return { on, items: filtered }
    }
  )

  app.get<{ Querystring: Scope & { month: string } }>(
    "/api/v1/calendar/month",
    {
      config: { permission: "duties:read" },
      schema: {
        tags,
        summary:
          "A month's days: holidays, adjusted working days, and the deadlines on each day with their state today",
        querystring: {
          type: "object",
          properties: { month: monthSchema, ...scopeQuery },
          required: ["month"],
          additionalProperties: false
        }
      }
    },
    async (request) => ({
      month: request.query.month,
      today: ctx.today(),
      days: await monthCalendar(ctx.db, ctx.calendar, {
        month: request.query.month,
        today: ctx.today(),
        ...scopeOf(request.query)
      })
    })
  )

  app.get<{ Params: { id: string }; Querystring: { on?: string } }>(
    "/api/v1/tasks/:id",
    {
      config: { permission: "duties:read" },
      schema: {
        tags,
        summary: "One task with its completions and evidence",
        querystring: { type: "object", properties: { on: dateSchema } }
      }
    },
    async (request) => {
      const task = await taskById(ctx.db, ctx.calendar, request.params.id, request.query.on ?? ctx.today())
      if (task === null) throw new HttpProblem(404, "NotFound", `任务 ${request.params.id} 不存在`)
      return task
    }
  )

  app.post<{
    Params: { id: string }
    Body: {
      completedOn: string
      record: string
      values?: Record<string, unknown>
      files?: Array<{ fileName: string; mediaType?: string; contentBase64: string }>
    }
  }>(
    "/api/v1/tasks/:id/completions",
    {
      config: { permission: "tasks:complete" },
      bodyLimit: 60 * 1024 * 1024,
      schema: {
        tags,
        summary: "Record a completion of a task with its evidence (record, values the duty asks for, files)",
        description:
          "Checked against the duty version the task was generated under; 400 names every problem ($.values.personsSampled: 不得少于 10 …). Files are stored by SHA-256.",
        body: {
          type: "object",
          properties: {
            completedOn: dateSchema,
            record: { type: "string", maxLength: 5000 },
            values: { type: "object", additionalProperties: true },
            files: {
              type: "array",
              maxItems: 20,
              items: {
                type: "object",
                properties: {
                  fileName: { type: "string", minLength: 1, maxLength: 200 },
                  mediaType: { type: "string", maxLength: 100 },
                  contentBase64: { type: "string" }
                },
                required: ["fileName", "contentBase64"],
                additionalProperties: false
              }
            }
          },
          required: ["completedOn", "record"],
          additionalProperties: false
        }
      }
    },
    async (request, reply) => {
      const files = (request.body.files ?? []).map((f, i) => {
        const bytes = Buffer.from(f.contentBase64, "base64")
        if (bytes.byteLength === 0)
          throw new HttpProblem(400, "InvalidRequest", `文件 ${f.fileName} 是空的`, [
            { path: `$.files[${i}]`, message: "empty file" }
          ])
        if (bytes.byteLength > 20 * 1024 * 1024)
          throw new HttpProblem(400, "InvalidRequest", `文件 ${f.fileName} 超过 20 MB`, [
            { path: `$.files[${i}]`, message: "larger than 20 MB" }
          ])
        return { fileName: f.fileName, mediaType: f.mediaType ?? "application/octet-stream", bytes }
      })
      try {
        const completion = await recordCompletion(ctx.db, actorOf(request), {
          taskId: request.params.id,
          completedOn: request.body.completedOn,
          record: request.body.record,
          values: request.body.values ?? {},
          files,
          today: ctx.today(),
          evidenceDir: ctx.evidenceDir
        })
        const task = await taskById(ctx.db, ctx.calendar, request.params.id, ctx.today())
        return reply.status(201).send({ completionId: completion.id, task })
      } catch (error) {
        if (error instanceof TaskNotFound) throw new HttpProblem(404, "NotFound", error.message)
        if (error instanceof InvalidCompletion)
          throw new HttpProblem(400, "InvalidCompletion", "佐证不完整或有误，未记录", error.problems)
        throw error
      }
    }
  )

  app.get<{ Params: { id: string } }>(
    "/api/v1/evidence-files/:id",
    {
      config: { permission: "duties:read" },
      schema: { tags, summary: "Download an evidence file (its SHA-256 is checked first)" }
    },
    async (request, reply) => {
      const file = (await evidenceFiles(ctx.db, [request.params.id]))[0]
      if (file === undefined) throw new HttpProblem(404, "NotFound", `证据文件 ${request.params.id} 不存在`)
      let bytes: Buffer
      try {
        bytes = await readEvidence(ctx.evidenceDir, file.sha256)
      } catch (error) {
        throw new HttpProblem(410, "EvidenceUnavailable", (error as Error).message)
      }
      return reply
        .header("content-type", file.mediaType)
        .header("x-content-sha256", file.sha256)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(bytes)
    }
  )

  app.post<{ Body: { from?: string; through?: string } }>(
    "/api/v1/tasks/generate",
    {
      config: { permission: "duties:write" },
      schema: {
        tags,
        summary:
          "Generate the tasks of every period that has begun from…through (default: this year up to today); idempotent",
        body: { type: "object", properties: { from: dateSchema, through: dateSchema }, additionalProperties: false }
      }
    },
    async (request) => {
      const today = ctx.today()
      const from = checkDate(request.body?.from ?? `${today.slice(0, 4)}-01-01`, "$.from")
      const through = checkDate(request.body?.through ?? today, "$.through")
      if (from > through)
        throw new HttpProblem(400, "InvalidRequest", "from 晚于 through", [
          { path: "$.from", message: "after through" }
        ])
      return generateTasks(ctx.db, actorOf(request), { calendar: ctx.calendar, from, through })
    }
  )
}
