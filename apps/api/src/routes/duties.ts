/**
 * Duties and ranking schemes as data: list, add or revise (a new version), retire, import and export
 * a spreadsheet. Definitions are decoded by the domain (every problem with its path), like penalties.
 */
import { listDuties, listRankingSchemes, retireDuty, saveDuties, saveDuty, saveRankingScheme } from "@fundguard/db"
import { Duty, dutyColumns, dutyToRow, InvalidDuty, RankingScheme, rowToDuty, type RowProblem } from "@fundguard/domain"
import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import * as Schema from "effect/Schema"
import type { FastifyInstance } from "fastify"
import { HttpProblem } from "../plugins/errors.js"
import {
  actorOf,
  checkDate,
  contextOf,
  dateSchema,
  uploadSchema,
  type ResponsibilityOptions
} from "../responsibilities/context.js"
import {
  attachment,
  readSheets,
  rowProblems,
  workbookOf,
  xlsxBytes,
  xlsxType,
  type Upload
} from "../responsibilities/sheets.js"

// Decoded by the domain, not by Fastify's validator; the JSON Schemas only document the bodies.
const decodeInDomain = () => (data: unknown) => ({ value: data })
const dutyBody = JSONSchema.make(Schema.Struct({ ...Duty.fields, version: Schema.optional(Schema.Int) }))
const schemeBody = JSONSchema.make(Schema.Struct({ ...RankingScheme.fields, version: Schema.optional(Schema.Int) }))

const tags = ["duties"]

/** The version of each duty in force on `on` (the latest to take effect). */
const inForceOn = <D extends { code: string; version: number; effectiveFrom: string; effectiveTo: string | null }>(
  versions: ReadonlyArray<D>,
  on: string
): ReadonlyArray<D> => {
  const byCode = new Map<string, D>()
  for (const d of versions) {
    if (d.effectiveFrom > on || (d.effectiveTo !== null && d.effectiveTo < on)) continue
    const best = byCode.get(d.code)
    if (best === undefined || d.effectiveFrom > best.effectiveFrom || d.version > best.version) byCode.set(d.code, d)
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
}

/** The duty and ranking-scheme routes. */
export const dutyRoutes = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  const ctx = contextOf(options)

  app.get<{ Querystring: { on?: string; all?: boolean } }>(
    "/api/v1/duties",
    {
      config: { permission: "duties:read" },
      schema: {
        tags,
        summary: "Duties: the versions in force on a day (default today), or every version (all=true)",
        querystring: {
          type: "object",
          properties: { on: dateSchema, all: { type: "boolean" } },
          additionalProperties: false
        }
      }
    },
    async (request) => {
      const versions = await listDuties(ctx.db)
      const on = checkDate(request.query.on ?? ctx.today(), "$.query.on")
      return { on, items: request.query.all === true ? versions : inForceOn(versions, on) }
    }
  )

  app.post(
    "/api/v1/duties",
    {
      config: { permission: "duties:write" },
      validatorCompiler: decodeInDomain,
      schema: {
        tags,
        summary: "Add a duty, or a new version of one (the version in force ends the day before effectiveFrom)",
        description: "The version number is assigned by the server. 400 lists every problem with its JSON path.",
        body: dutyBody
      }
    },
    async (request, reply) => reply.status(201).send(await saveDuty(ctx.db, actorOf(request), request.body, "api"))
  )

  app.post<{ Params: { code: string }; Body: { lastDay: string } }>(
    "/api/v1/duties/:code/retire",
    {
      config: { permission: "duties:write" },
      schema: {
        tags,
        summary: "End a duty after a day",
        body: {
          type: "object",
          properties: { lastDay: dateSchema },
          required: ["lastDay"],
          additionalProperties: false
        }
      }
    },
    async (request, reply) => {
      await retireDuty(ctx.db, actorOf(request), request.params.code, checkDate(request.body.lastDay, "$.lastDay"))
      return reply.status(204).send()
    }
  )

  app.post<{ Body: Upload }>(
    "/api/v1/duties/import",
    {
      config: { permission: "duties:write" },
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import duties from a spreadsheet (.xlsx sheet 职责, or .csv) — each row a new version; all or nothing",
        description: `Columns: ${dutyColumns.join("、")}. The export is a ready template.`,
        body: uploadSchema
      }
    },
    async (request) => {
      const sheets = await readSheets(request.body, "职责")
      const sheet = sheets.find((s) => s.sheet === "职责") ?? sheets[0]
      if (sheet === undefined) throw new HttpProblem(400, "ImportRejected", "文件中没有工作表", [])
      const problems: Array<RowProblem> = []
      const duties: Array<Duty> = []
      for (const row of sheet.rows) {
        if (Object.values(row.cells).every((v) => v === "")) continue
        const decoded = rowToDuty(row.cells, 1, sheet.sheet, row.line)
        if (Either.isLeft(decoded)) problems.push(...decoded.left)
        else duties.push(decoded.right)
      }
      if (problems.length > 0)
        throw new HttpProblem(
          400,
          "ImportRejected",
          `导入文件有 ${problems.length} 处错误，未作任何修改`,
          rowProblems(problems)
        )
      try {
        const saved = await saveDuties(ctx.db, actorOf(request), duties, `import:${request.body.fileName}`)
        return {
          imported: saved.length,
          items: saved.map((d) => ({ code: d.code, version: d.version, effectiveFrom: d.effectiveFrom }))
        }
      } catch (error) {
        if (error instanceof InvalidDuty) {
          const lines = sheet.rows.filter((r) => !Object.values(r.cells).every((v) => v === "")).map((r) => r.line)
          throw new HttpProblem(
            400,
            "ImportRejected",
            "导入的职责与已有版本冲突，未作任何修改",
            error.problems.map((p) => {
              const index = /^\$\[(\d+)\]/.exec(p.path)
              const line = index === null ? null : lines[Number(index[1])]
              return {
                path: `${sheet.sheet}${line === null || line === undefined ? "" : ` 第${line}行`}`,
                message: `${p.path.replace(/^\$\[\d+\]/, "$")}: ${p.message}`
              }
            })
          )
        }
        throw error
      }
    }
  )

  app.get<{ Querystring: { on?: string } }>(
    "/api/v1/duties/export.xlsx",
    {
      config: { permission: "duties:read" },
      schema: {
        tags,
        summary: "The duties in force on a day as a spreadsheet (the import template)",
        querystring: { type: "object", properties: { on: dateSchema }, additionalProperties: false },
        produces: [xlsxType]
      }
    },
    async (request, reply) => {
      const on = checkDate(request.query.on ?? ctx.today(), "$.query.on")
      const items = inForceOn(await listDuties(ctx.db), on)
      const workbook = workbookOf([
        {
          name: "职责",
          headers: dutyColumns,
          rows: items.map((d) => dutyColumns.map((c) => dutyToRow(Schema.encodeSync(Duty)(d))[c]))
        }
      ])
      return reply
        .header("content-type", xlsxType)
        .header("content-disposition", attachment(`职责清单-${on}.xlsx`))
        .send(await xlsxBytes(workbook))
    }
  )

  app.get(
    "/api/v1/ranking-schemes",
    {
      config: { permission: "duties:read" },
      schema: { tags: ["rankings"], summary: "Every version of the ranking schemes" }
    },
    async () => ({ items: await listRankingSchemes(ctx.db) })
  )

  app.post(
    "/api/v1/ranking-schemes",
    {
      config: { permission: "duties:write" },
      validatorCompiler: decodeInDomain,
      schema: {
        tags: ["rankings"],
        summary: "Save a new version of a ranking scheme (criteria, weights adding up to 100, outcomes per group)",
        body: schemeBody
      }
    },
    async (request, reply) => reply.status(201).send(await saveRankingScheme(ctx.db, actorOf(request), request.body))
  )
}
