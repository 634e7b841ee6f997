/**
 * Spreadsheets in and out: .xlsx through exceljs, and CSV through csv-parse (UTF-8, with or without
 * BOM, RFC 4180 quoting). A read sheet is its header row (line 1) and the data rows with their line numbers, so a
 * problem can name the row a person sees in Excel or WPS.
 */
import type { RowProblem, SheetRows } from "@fundguard/domain/responsibilities"
import { parse } from "csv-parse/sync"
import ExcelJS from "exceljs"
import { Problem } from "../plugins/errors.js"

/**
 * The rows of a CSV file (csv-parse: RFC 4180, a BOM tolerated, rows of any length) with the line
 * each ends on; a file that is not CSV (an unclosed quote) is a 400 naming it.
 */
const parseCsv = (text: string, fileName: string) => {
  try {
    const records = parse(text, { bom: true, relax_column_count: true, info: true }) as unknown as Array<{
      readonly record: Array<string>
      readonly info: { readonly lines: number }
    }>
    return { grid: records.map((r) => r.record), lines: records.map((r) => r.info.lines) }
  } catch (error) {
    throw new Problem("UnreadableFile", `无法读取“${fileName}”：不是有效的 CSV 文件（${(error as Error).message}）`, [
      { path: "$.contentBase64", message: "不是有效的 CSV 文件" }
    ])
  }
}

const toSheet = (name: string, grid: ReadonlyArray<ReadonlyArray<string>>, lines: ReadonlyArray<number>): SheetRows => {
  const header = (grid[0] ?? []).map((h) => h.trim())
  return {
    sheet: name,
    rows: grid.slice(1).map((cells, i) => ({
      line: lines[i + 1] ?? i + 2,
      cells: Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? "").trim()]).filter(([h]) => h !== ""))
    }))
  }
}

const cellText = (cell: ExcelJS.Cell): string => {
  const v = cell.value
  if (v === null || v === undefined) return ""
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("")
  if (typeof v === "object" && "result" in v) return String(v.result ?? "")
  if (typeof v === "object" && "text" in v) return String(v.text)
  return String(v)
}

/** An uploaded file, as JSON carries it. */
export interface Upload {
  readonly fileName: string
  readonly contentBase64: string
}

/**
 * Reads an uploaded .xlsx (every worksheet) or .csv (one sheet named `csvSheet`). Anything else, or a
 * file that cannot be read, is a 400 naming the file.
 */
export const readSheets = async (upload: Upload, csvSheet: string): Promise<ReadonlyArray<SheetRows>> => {
  const bytes = Buffer.from(upload.contentBase64, "base64")
  const name = upload.fileName.toLowerCase()
  if (name.endsWith(".csv")) {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes)
    const { grid, lines } = parseCsv(text, upload.fileName)
    return [toSheet(csvSheet, grid, lines)]
  }
  if (!name.endsWith(".xlsx"))
    throw new Problem("UnsupportedFile", `无法读取“${upload.fileName}”：只支持 .xlsx 和 .csv 文件`, [
      { path: "$.fileName", message: "只支持 .xlsx 和 .csv" }
    ])
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new Problem(
      "UnreadableFile",
      `无法读取“${upload.fileName}”：不是有效的 .xlsx 文件（${(error as Error).message}）`,
      [{ path: "$.contentBase64", message: "不是有效的 .xlsx 文件" }]
    )
  }
  return workbook.worksheets.map((ws) => {
    const grid: Array<Array<string>> = []
    const lines: Array<number> = []
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: Array<string> = []
      for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c)).trim())
      grid.push(cells)
      lines.push(number)
    })
    return toSheet(ws.name, grid, lines)
  })
}

/** Import problems as the API's `{ path, message }` list: path `单位 第3行 编码`. */
export const rowProblems = (problems: ReadonlyArray<RowProblem>) =>
  problems.map((p) => ({
    path: [p.sheet, p.line === null ? null : `第${p.line}行`, p.column].filter((x) => x !== null).join(" "),
    message: p.message
  }))

/** A workbook with one sheet per table, header row bold and frozen. */
export const workbookOf = (
  sheets: ReadonlyArray<{
    readonly name: string
    readonly headers: ReadonlyArray<string>
    readonly rows: ReadonlyArray<ReadonlyArray<string | number>>
  }>
): ExcelJS.Workbook => {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = "FundGuard 医保基金监管平台"
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] })
    ws.addRow([...sheet.headers]).font = { bold: true }
    for (const row of sheet.rows) ws.addRow([...row])
    ws.columns.forEach((column, i) => {
      const longest = Math.max(
        ...[sheet.headers[i] ?? "", ...sheet.rows.map((r) => String(r[i] ?? ""))].map((s) => s.length)
      )
      column.width = Math.min(60, Math.max(10, longest * 1.6))
    })
  }
  return workbook
}

/** The .xlsx bytes of a workbook. */
export const xlsxBytes = async (workbook: ExcelJS.Workbook): Promise<Buffer> =>
  Buffer.from(await workbook.xlsx.writeBuffer())

/** The Content-Disposition of a download with a Chinese file name (RFC 5987). */
export const attachment = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`

export const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
