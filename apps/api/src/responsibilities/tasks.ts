/**
 * Tasks: what is due on a day, a month's deadlines, overdue lists for a unit and its supervisor, one
 * task, recording a completion with evidence (files included), downloading evidence, and generating
 * tasks on demand (the worker does it daily). Every task read or written is within the caller's
 * data scope; one outside it is answered as if it did not exist.
 */
import * as Application from "@fundguard/application"
import { Tasks } from "@fundguard/contracts"
import {
  dueOn,
  evidenceFiles,
  monthCalendar,
  readEvidence,
  taskById,
  tasksWithDeadlines,
  unitOfCompletion,
  unitOfTask
} from "@fundguard/db"
import { isoDate } from "@fundguard/domain/kernel"
import { unitInScope } from "@fundguard/domain/responsibilities"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf, contextOf, scopedUnits, type ResponsibilityOptions } from "./context.js"
import { attachment } from "./sheets.js"

/** The largest evidence file, once decoded. */
const maxFileBytes = 20 * 1024 * 1024

/**
 * Evidence is served back only as these types; anything else (HTML, SVG, scripts…) goes out as
 * bytes, so an uploaded file can never run in the bureau's pages. Always as an attachment.
 */
const servedTypes = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain"])
const safeMediaType = (declared: string) => {
  const type = declared.split(";")[0]!.trim().toLowerCase()
  return servedTypes.has(type) ? type : "application/octet-stream"
}

/** The task routes. */
export const taskRoutes = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  const ctx = contextOf(options)

  const taskInScope = async (request: FastifyRequest, id: string) => {
    const unit = await unitOfTask(ctx.db, id)
    if (unit === null || !unitInScope(await request.scope(), unit)) throw new Problem("NotFound", `任务 ${id} 不存在`)
  }

  mount(app, Tasks.calendarInfo, async () => ({
    today: ctx.today(),
    source: ctx.calendar.source,
    coveredYears: ctx.calendar.coveredYears
  }))

  mount(app, Tasks.dueTasks, async ({ query, request }) => {
    const on = query.on ?? ctx.today()
    const items = await dueOn(ctx.db, ctx.calendar, on, await scopedUnits(request, query))
    return { on, items, overdue: items.filter((t) => t.state === "overdue").length }
  })

  mount(app, Tasks.listTasks, async ({ query, request }) => {
    const on = query.on ?? ctx.today()
    const items = await tasksWithDeadlines(ctx.db, ctx.calendar, {
      from: query.from ?? "0000-01-01",
      to: query.to ?? (query.state === "overdue" ? on : "9999-12-31"),
      on,
      ...(await scopedUnits(request, query))
    })
    return { on, items: query.state === undefined ? items : items.filter((t) => t.state === query.state) }
  })

  mount(app, Tasks.monthCalendar, async ({ query, request }) => ({
    month: query.month,
    today: ctx.today(),
    days: await monthCalendar(ctx.db, ctx.calendar, {
      month: query.month,
      today: ctx.today(),
      ...(await scopedUnits(request, query))
    })
  }))

  mount(app, Tasks.getTask, async ({ params, query, request }) => {
    await taskInScope(request, params.id)
    const task = await taskById(ctx.db, ctx.calendar, params.id, query.on ?? ctx.today())
    if (task === null) throw new Problem("NotFound", `任务 ${params.id} 不存在`)
    return task
  })

  mount(app, Tasks.completeTask, async ({ params, body, request }) => {
    await taskInScope(request, params.id)
    const files = (body.files ?? []).map((f, i) => {
      const bytes = Buffer.from(f.contentBase64, "base64")
      if (bytes.byteLength === 0)
        throw new Problem("InvalidRequest", `文件 ${f.fileName} 是空的`, [
          { path: `$.files[${i}].contentBase64`, message: "文件为空或不是 base64" }
        ])
      if (bytes.byteLength > maxFileBytes)
        throw new Problem("InvalidRequest", `文件 ${f.fileName} 超过 20 MB`, [
          { path: `$.files[${i}].contentBase64`, message: "文件超过 20 MB" }
        ])
      return { fileName: f.fileName, mediaType: f.mediaType ?? "application/octet-stream", bytes }
    })
    const { completionId } = await app.run(
      Application.Responsibilities.completeTask({
        taskId: params.id,
        completedOn: body.completedOn,
        record: body.record,
        values: body.values ?? {},
        files,
        actor: actorOf(request)
      })
    )
    const task = await taskById(ctx.db, ctx.calendar, params.id, ctx.today())
    if (task === null) throw new Problem("TaskNotFound", `任务 ${params.id} 不存在`)
    return { completionId, task }
  })

  mount(app, Tasks.evidenceFile, async ({ params, request, reply }) => {
    const file = (await evidenceFiles(ctx.db, [params.id]))[0]
    const unit = file === undefined ? null : await unitOfCompletion(ctx.db, file.completionId)
    if (file === undefined || unit === null || !unitInScope(await request.scope(), unit))
      throw new Problem("NotFound", `证据文件 ${params.id} 不存在`)
    let bytes: Buffer
    try {
      bytes = await readEvidence(ctx.evidenceDir, file.sha256)
    } catch (error) {
      throw new Problem("EvidenceUnavailable", (error as Error).message)
    }
    return reply
      .header("content-type", safeMediaType(file.mediaType))
      .header("x-content-sha256", file.sha256)
      .header("content-disposition", attachment(file.fileName))
      .header("content-security-policy", "sandbox; default-src 'none'")
      .send(bytes)
  })

  mount(app, Tasks.generateTasks, async ({ body, request }) => {
    const today = ctx.today()
    const from = body.from ?? `${today.slice(0, 4)}-01-01`
    const through = body.through ?? today
    if (from > through)
      throw new Problem("InvalidRequest", "开始日期晚于结束日期", [{ path: "$.from", message: "不得晚于 through" }])
    return app.run(
      Application.Responsibilities.generateTasks({
        from: isoDate(from),
        through: isoDate(through),
        actor: actorOf(request)
      })
    )
  })
}
