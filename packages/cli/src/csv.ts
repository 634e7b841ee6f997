/**
 * Reading the CSV files the commands take (UTF-8, a BOM tolerated, header row, RFC 4180 quoting —
 * as `shared/spec/claims-extract.md` says), with every failure naming the option, the file, and the
 * line and column where it can.
 */
import { parse } from "csv-parse/sync"
import { readFileSync } from "node:fs"
import { CliFailure, ExitCode } from "./cli.js"

/** One data row: its line in the file (the header is line 1) and its cells by column name. */
export interface CsvRow {
  readonly line: number
  readonly cells: Readonly<Record<string, string>>
}

/**
 * The rows of the CSV file at `path` (given with `option`), which must have at least one data row
 * and the `required` columns.
 */
export const readCsvFile = (path: string, option: string, required: ReadonlyArray<string>): ReadonlyArray<CsvRow> => {
  let text: string
  try {
    text = readFileSync(path, "utf8")
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliFailure(
      `${option} ${path}: ${code === "ENOENT" ? "文件不存在" : `无法读取（${code ?? String(error)}）`}`,
      ExitCode.invalid
    )
  }
  let rows: ReadonlyArray<CsvRow>
  try {
    const records = parse(text, { bom: true, columns: true, skip_empty_lines: true, trim: true, info: true }) as Array<{
      readonly record: Readonly<Record<string, string>>
      readonly info: { readonly lines: number }
    }>
    rows = records.map((r) => ({ line: r.info.lines, cells: r.record }))
  } catch (error) {
    throw new CliFailure(`${option} ${path}: 不是有效的 CSV（${(error as Error).message}）`, ExitCode.invalid)
  }
  if (rows.length === 0) throw new CliFailure(`${path}: 没有数据行`, ExitCode.invalid)
  const header = Object.keys(rows[0]!.cells)
  const missing = required.filter((c) => !header.includes(c))
  if (missing.length > 0) throw new CliFailure(`${path}: 缺少列 ${missing.join("、")}`, ExitCode.invalid)
  return rows
}

/** A cell that must not be empty, at most `maxLength` characters. */
export const requiredCell = (path: string, row: CsvRow, column: string, maxLength = 64): string => {
  const value = row.cells[column] ?? ""
  if (value === "") throw new CliFailure(`${path} 第 ${row.line} 行 ${column}: 不能为空`, ExitCode.invalid)
  if (value.length > maxLength)
    throw new CliFailure(`${path} 第 ${row.line} 行 ${column}: 超过 ${maxLength} 个字符`, ExitCode.invalid)
  return value
}
