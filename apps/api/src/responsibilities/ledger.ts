/**
 * The monthly inspection ledger (月度检查台账) as .xlsx: seed 000 §二(六) asks every 社保所 and 卫生院 to
 * send the bureau's 基金监管科 last month's checks by the 5th, electronically and on paper with a fresh
 * seal — so the sheet prints on one landscape page with signature lines and a seal box (盖章处).
 */
import type { LedgerLine } from "@fundguard/db"
import ExcelJS from "exceljs"

const headers = [
  "序号",
  "检查（完成）日期",
  "检查单位",
  "被检查对象",
  "检查事项",
  "所属期间",
  "抽查人数",
  "发现问题数",
  "整改核实数",
  "检查情况记录",
  "佐证文件",
  "记录人"
]
const widths = [6, 14, 20, 26, 34, 14, 9, 10, 10, 44, 9, 10]

const thin = { style: "thin" as const }
const box = { top: thin, left: thin, bottom: thin, right: thin }

/** Builds the ledger workbook. */
export const ledgerWorkbook = (input: {
  readonly bureauName: string
  readonly unitName: string
  readonly monthLabel: string
  readonly lines: ReadonlyArray<LedgerLine>
  readonly generatedOn: string
  /** The audit chain's head when the ledger was made: a printed, sealed copy anchors the log. */
  readonly auditHead: { readonly seq: number; readonly hash: string }
}): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "FundGuard 医保基金监管平台"
  const ws = workbook.addWorksheet("月度检查台账", {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
  })
  ws.columns = widths.map((width) => ({ width }))
  const last = headers.length

  ws.mergeCells(1, 1, 1, last)
  const title = ws.getCell(1, 1)
  title.value = `${input.unitName}门诊统筹费用使用监督检查台账（${input.monthLabel}）`
  title.font = { bold: true, size: 16 }
  title.alignment = { horizontal: "center", vertical: "middle" }
  ws.getRow(1).height = 30

  ws.mergeCells(2, 1, 2, last)
  ws.getCell(2, 1).value =
    `填报单位：${input.unitName}\u3000\u3000所属期间：${input.monthLabel}\u3000\u3000报送：${input.bureauName}基金监管科（每月5日前报送上月电子件和加盖鲜章的纸质件，奉节医保发〔2023〕48号 二（六））`
  ws.getCell(2, 1).alignment = { wrapText: true }
  ws.getRow(2).height = 32

  const head = ws.getRow(3)
  head.values = headers
  head.font = { bold: true }
  head.alignment = { horizontal: "center", vertical: "middle", wrapText: true }
  head.eachCell((cell) => {
    cell.border = box
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF1F5" } }
  })

  input.lines.forEach((line, i) => {
    const row = ws.addRow([
      i + 1,
      line.completedOn,
      line.unitName,
      line.objectName,
      line.title,
      line.periodLabel,
      line.personsSampled ?? "",
      line.problemsFound ?? "",
      line.rectificationsVerified ?? "",
      line.record,
      line.files === 0 ? "" : `${line.files}个`,
      line.actorName
    ])
    row.alignment = { vertical: "top", wrapText: true }
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = box))
  })
  if (input.lines.length === 0) {
    const row = ws.addRow(["", "本月无检查记录"])
    ws.mergeCells(row.number, 2, row.number, last)
    row.eachCell({ includeEmpty: true }, (cell) => (cell.border = box))
  }

  const totals = ws.addRow([
    "合计",
    `${input.lines.length} 条`,
    "",
    "",
    "",
    "",
    input.lines.reduce((s, l) => s + (l.personsSampled ?? 0), 0),
    input.lines.reduce((s, l) => s + (l.problemsFound ?? 0), 0),
    input.lines.reduce((s, l) => s + (l.rectificationsVerified ?? 0), 0)
  ])
  totals.font = { bold: true }
  totals.eachCell({ includeEmpty: true }, (cell) => (cell.border = box))

  ws.addRow([])
  const sign = ws.addRow([])
  ws.mergeCells(sign.number, 1, sign.number, 8)
  ws.getCell(sign.number, 1).value =
    "填报人：____________\u3000\u3000单位负责人（签字）：____________\u3000\u3000填报日期：______年____月____日"
  ws.getRow(sign.number).height = 28

  const sealTop = sign.number
  ws.mergeCells(sealTop, 10, sealTop + 4, last)
  const seal = ws.getCell(sealTop, 10)
  seal.value = "盖章处\n（加盖单位鲜章）"
  seal.alignment = { horizontal: "center", vertical: "middle", wrapText: true }
  seal.font = { size: 14, color: { argb: "FFB42318" } }
  seal.border = {
    top: { style: "dashed" },
    left: { style: "dashed" },
    bottom: { style: "dashed" },
    right: { style: "dashed" }
  }

  const note = ws.getRow(sealTop + 5)
  ws.mergeCells(note.number, 1, note.number, last)
  ws.getCell(note.number, 1).value =
    `由 FundGuard 医保基金监管平台于 ${input.generatedOn} 生成；打印后签字并加盖鲜章报送纸质件。`
  ws.getCell(note.number, 1).font = { size: 9, color: { argb: "FF646A73" } }
  // The printed, sealed copy fixes the audit log as it stood: `pnpm fundguard audit verify` prints
  // the same head for an untouched log (执法全过程记录).
  const anchor = ws.getRow(note.number + 1)
  ws.mergeCells(anchor.number, 1, anchor.number, last)
  ws.getCell(anchor.number, 1).value = `审计日志链头：第 ${input.auditHead.seq} 条，SHA-256 ${input.auditHead.hash}`
  ws.getCell(anchor.number, 1).font = { size: 9, name: "Courier New", color: { argb: "FF646A73" } }
  ws.pageSetup.printArea = `A1:L${anchor.number}`
  return workbook
}
