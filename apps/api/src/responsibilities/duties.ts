/**
 * Duties and ranking schemes as data: list, add or revise (a new version), retire, import and export
 * a spreadsheet. Definitions are decoded by the domain (every problem with its path), like penalties.
 */
import * as Application from "@fundguard/application"
import { listDuties, listRankingSchemes } from "@fundguard/db"
import {
  Duty,
  dutyColumns,
  dutyToRow,
  InvalidDuty,
  rowToDuty,
  type RowProblem
} from "@fundguard/domain/responsibilities"
import * as Either from "effect/Either"
import { Duties } from "@fundguard/contracts"
import * as Schema from "effect/Schema"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf, contextOf, type ResponsibilityOptions } from "./context.js"
import { attachment, readSheets, rowProblems, workbookOf, xlsxBytes, xlsxType } from "./sheets.js"

// Duty and scheme bodies are decoded by the domain itself (every door names the same problems).
const inHandler = { decodeBodyInHandler: true } as const

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

  mount(app, Duties.listDuties, async ({ query }) => {
    const versions = await listDuties(ctx.db)
    const on = query.on ?? ctx.today()
    return { on, items: query.all === true ? versions : inForceOn(versions, on) }
  })

  mount(
    app,
    Duties.saveDuty,
    async ({ request }) => {
      const [saved] = await app.run(
        Application.Responsibilities.saveDuties({ duties: [request.body], source: "api", actor: actorOf(request) })
      )
      return saved!
    },
    inHandler
  )

  mount(app, Duties.retireDuty, async ({ params, body, request }) => {
    await app.run(
      Application.Responsibilities.retireDuty({ code: params.code, lastDay: body.lastDay, actor: actorOf(request) })
    )
  })

  mount(app, Duties.importDuties, async ({ body, request }) => {
    const sheets = await readSheets(body, "职责")
    const sheet = sheets.find((s) => s.sheet === "职责") ?? sheets[0]
    if (sheet === undefined) throw new Problem("ImportRejected", "文件中没有工作表", [])
    const problems: Array<RowProblem> = []
    const duties: Array<Duty> = []
    for (const row of sheet.rows) {
      if (Object.values(row.cells).every((v) => v === "")) continue
      const decoded = rowToDuty(row.cells, 1, sheet.sheet, row.line)
      if (Either.isLeft(decoded)) problems.push(...decoded.left)
      else duties.push(decoded.right)
    }
    if (problems.length > 0)
      throw new Problem("ImportRejected", `导入文件有 ${problems.length} 处错误，未作任何修改`, rowProblems(problems))
    try {
      const saved = await app.run(
        Application.Responsibilities.saveDuties({ duties, source: `import:${body.fileName}`, actor: actorOf(request) })
      )
      return {
        imported: saved.length,
        items: saved.map((d) => ({ code: d.code, version: d.version, effectiveFrom: d.effectiveFrom }))
      }
    } catch (error) {
      if (error instanceof InvalidDuty) {
        const lines = sheet.rows.filter((r) => !Object.values(r.cells).every((v) => v === "")).map((r) => r.line)
        throw new Problem(
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
  })

  mount(app, Duties.exportDuties, async ({ query, reply }) => {
    const on = query.on ?? ctx.today()
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
  })

  mount(app, Duties.listRankingSchemes, async () => ({ items: await listRankingSchemes(ctx.db) }))

  mount(
    app,
    Duties.saveRankingScheme,
    async ({ request }) =>
      app.run(Application.Responsibilities.saveRankingScheme({ scheme: request.body, actor: actorOf(request) })),
    inHandler
  )
}
