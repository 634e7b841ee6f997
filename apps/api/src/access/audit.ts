/**
 * The audit log (执法全过程记录) for administrators: search by person, object, action and day; export
 * as .xlsx with the chain head that anchors it; verify the hash chain.
 */
import * as Application from "@fundguard/application"
import { Audit } from "@fundguard/contracts"
import { auditChainHead, recordAudit, searchAudit, type Db } from "@fundguard/db"
import { addDays, isoDate } from "@fundguard/domain/kernel"
import ExcelJS from "exceljs"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf } from "../responsibilities/context.js"
import { attachment, xlsxBytes, xlsxType } from "../responsibilities/sheets.js"

/** The start of a bureau day (China Standard Time, UTC+8). */
const bureauDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`)

const queryOf = (filter: Audit.AuditFilter) => ({
  ...(filter.actor === undefined ? {} : { actor: filter.actor }),
  ...(filter.entityType === undefined ? {} : { entityType: filter.entityType }),
  ...(filter.entityId === undefined ? {} : { entityId: filter.entityId }),
  ...(filter.action === undefined ? {} : { action: filter.action }),
  ...(filter.from === undefined ? {} : { from: bureauDayStart(filter.from) }),
  ...(filter.to === undefined ? {} : { to: bureauDayStart(addDays(isoDate(filter.to), 1)) })
})

type Row = Awaited<ReturnType<typeof searchAudit>>["items"][number]
const present = (e: Row): Audit.AuditEntry => ({
  seq: e.seq,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorName: e.actorName,
  ip: e.ip,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  details: e.details,
  hash: e.hash
})

/** The audit routes. */
export const auditRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db } = options

  mount(app, Audit.searchAudit, async ({ query }) => {
    const { page, pageSize, ...filter } = query
    const result = await searchAudit(db, {
      ...queryOf(filter),
      ...(page === undefined ? {} : { page }),
      ...(pageSize === undefined ? {} : { pageSize })
    })
    return { total: result.total, items: result.items.map(present) }
  })

  mount(app, Audit.exportAudit, async ({ query, request, reply }) => {
    const { total, items } = await searchAudit(db, { ...queryOf(query), pageSize: Audit.auditExportLimit })
    if (total > Audit.auditExportLimit)
      throw new Problem(
        "TooManyRows",
        `符合条件的记录有 ${total} 条，超过单次导出上限 ${Audit.auditExportLimit} 条，请缩小筛选范围`
      )
    const head = await auditChainHead(db)
    const exportedAt = options.now()
    const workbook = new ExcelJS.Workbook()
    workbook.creator = "FundGuard 医保基金监管平台"
    const sheet = workbook.addWorksheet("审计日志", { views: [{ state: "frozen", ySplit: 1 }] })
    sheet.columns = [
      { header: "序号", key: "seq", width: 8 },
      { header: "时间", key: "at", width: 22 },
      { header: "操作人", key: "actorName", width: 20 },
      { header: "IP", key: "ip", width: 16 },
      { header: "操作", key: "action", width: 24 },
      { header: "对象类型", key: "entityType", width: 14 },
      { header: "对象", key: "entityId", width: 38 },
      { header: "详情", key: "details", width: 60 },
      { header: "哈希", key: "hash", width: 66 }
    ]
    sheet.getRow(1).font = { bold: true }
    for (const e of items)
      sheet.addRow({
        ...present(e),
        at: e.at.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }),
        details: JSON.stringify(e.details)
      })
    const about = workbook.addWorksheet("导出说明")
    about.addRows([
      ["导出人", actorOf(request).name],
      ["导出时间", exportedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })],
      ["筛选条件", JSON.stringify(query)],
      ["条数", items.length],
      ["哈希链头序号", head.seq],
      ["哈希链头", head.hash],
      ["说明", "每条记录的哈希覆盖其内容与上一条记录的哈希；以 pnpm fundguard audit verify 校验全链。"]
    ])
    await recordAudit(db, actorOf(request), {
      action: "audit.export",
      entityType: "audit",
      details: { filters: query, count: items.length, head }
    })
    const stamp = exportedAt.toISOString().slice(0, 10).replace(/-/g, "")
    return reply
      .header("content-type", xlsxType)
      .header("content-disposition", attachment(`审计日志-${stamp}.xlsx`))
      .send(await xlsxBytes(workbook))
  })

  mount(app, Audit.verifyAudit, async () => {
    const result = await app.run(Application.Access.verifyAuditLog())
    return result.ok
      ? { ok: true, entries: result.entries, head: result.head, broken: null }
      : { ok: false, entries: result.entries, head: null, broken: result.broken }
  })
}
