/**
 * The suspicion list as an .xlsx workbook (exceljs, streamed): one sheet of leads with the columns a
 * reviewer works with, amounts as numbers, frozen header and auto-filter; a second sheet records
 * who exported what, when, with which filters (the file may leave the building).
 */
import { dispositionLabel, reviewStepLabel, type ReviewStep } from "@fundguard/domain/review"
import { suspicionCategoryLabel, suspicionStatusLabel, type SuspicionStatus } from "@fundguard/domain/screening"
import ExcelJS from "exceljs"
import type { Writable } from "node:stream"
import type { presentSuspicion } from "./present.js"

type Row = ReturnType<typeof presentSuspicion> & {
  readonly outcome: { readonly disposition: string | null; readonly deductionAmount: number | null } | null
}

const columns: ReadonlyArray<{ header: string; key: string; width: number }> = [
  { header: "疑点编号", key: "id", width: 38 },
  { header: "规则编码", key: "rule", width: 24 },
  { header: "类别", key: "category", width: 10 },
  { header: "机构编码", key: "fixmedinsCode", width: 16 },
  { header: "机构名称", key: "institutionName", width: 24 },
  { header: "人员编号", key: "psnNo", width: 22 },
  { header: "就诊ID", key: "mdtrtId", width: 24 },
  { header: "结算ID", key: "setlId", width: 20 },
  { header: "费用明细流水号", key: "feedetlSn", width: 20 },
  { header: "日期", key: "date", width: 12 },
  { header: "金额（元）", key: "amount", width: 14 },
  { header: "建议违规类型", key: "violation", width: 30 },
  { header: "疑点说明", key: "message", width: 60 },
  { header: "审核状态", key: "status", width: 12 },
  { header: "当前环节", key: "step", width: 14 },
  { header: "办理期限", key: "dueDate", width: 12 },
  { header: "是否逾期", key: "overdue", width: 10 },
  { header: "承办人", key: "assigneeName", width: 12 },
  { header: "处理方式", key: "disposition", width: 12 },
  { header: "扣款/核减金额（元）", key: "deductionAmount", width: 18 }
]

/** Resolves when `out` can take more, or is gone. */
const drainedOrClosed = (out: Writable) =>
  new Promise<void>((resolve) => {
    const done = () => {
      out.off("drain", done)
      out.off("close", done)
      resolve()
    }
    out.once("drain", done)
    out.once("close", done)
  })

/**
 * Streams the workbook into `out` as the pages of leads arrive (exceljs's streaming writer: each row is
 * written and let go). exceljs takes every write at once, so the next page is read only when `out` has drained:
 * a slow client holds the export back instead of the server's memory growing; a client that leaves (`out`
 * destroyed) ends it, and no further page is read. At most `limit` rows. Resolves the rows written, and whether
 * the workbook was completed.
 */
export const writeSuspicionsWorkbook = async (
  pages: AsyncIterable<ReadonlyArray<Row>>,
  about: { readonly exportedBy: string; readonly exportedAt: Date; readonly filters: Record<string, unknown> },
  out: Writable,
  limit: number
): Promise<{ readonly rows: number; readonly complete: boolean }> => {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  workbook.creator = "FundGuard 医保基金监管平台"
  workbook.created = about.exportedAt
  const sheet = workbook.addWorksheet("疑点清单", { views: [{ state: "frozen", ySplit: 1 }] })
  sheet.columns = columns.map((c) =>
    c.key === "amount" || c.key === "deductionAmount" ? { ...c, style: { numFmt: "#,##0.00" } } : { ...c }
  )
  sheet.getRow(1).font = { bold: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  sheet.getRow(1).commit()
  let count = 0
  for await (const rows of pages) {
    for (const r of rows.slice(0, limit - count)) {
      sheet
        .addRow({
          ...r,
          category: suspicionCategoryLabel[r.category],
          feedetlSn: r.feedetlSn.join(","),
          status: suspicionStatusLabel[r.status as SuspicionStatus] ?? r.status,
          step: r.step === null ? "已办结" : reviewStepLabel[r.step as ReviewStep],
          overdue: r.overdue ? "逾期" : "",
          disposition:
            r.outcome?.disposition === null || r.outcome?.disposition === undefined
              ? ""
              : (dispositionLabel as Record<string, string>)[r.outcome.disposition],
          deductionAmount: r.outcome?.deductionAmount ?? null
        })
        .commit()
      count++
    }
    if (count >= limit || out.destroyed) break
    if (out.writableNeedDrain) await drainedOrClosed(out)
    if (out.destroyed) break
  }
  if (out.destroyed) return { rows: count, complete: false }
  sheet.commit()

  const info = workbook.addWorksheet("导出说明")
  info.columns = [
    { header: "项目", key: "k", width: 16 },
    { header: "内容", key: "v", width: 80 }
  ]
  info.addRow({ k: "导出人", v: about.exportedBy }).commit()
  info.addRow({ k: "导出时间", v: about.exportedAt.toISOString() }).commit()
  info.addRow({ k: "记录数", v: count }).commit()
  info.addRow({ k: "筛选条件", v: JSON.stringify(about.filters) }).commit()
  info.addRow({ k: "说明", v: "疑点为筛查线索，不是违规结论；含个人信息，按数据安全规定保管，不得外传。" }).commit()
  info.commit()
  await Promise.race([workbook.commit(), new Promise((resolve) => out.once("close", resolve))])
  return { rows: count, complete: !out.destroyed || out.writableFinished }
}
