/**
 * Importing complaints from the national platform's export (国家医保信息平台举报投诉模块导出文件).
 *
 * ⚠️ The national export format is not in FundGuard's references. This is FundGuard's own documented
 * format (docs/domain/complaints.md): a CSV file (UTF-8, header row, RFC 4180 quoting) or a JSON array
 * of objects with the same keys. Where the national information platform's interface specification
 * has a name for a field, the column carries it (`fixmedins_code`, `psn_name`, `certno`, `tel`,
 * `addr` 🔶 — the platform's names for an institution's code and a person's name, ID number, phone and
 * address); the complaint's own columns (`rpt_*`, `anon_flag`, `invo_amt`) are named in the same
 * style and are ours ⚠️. A file is taken whole or not at all: every bad line is refused, naming the
 * file, the line and the column.
 *
 * @since 0.5.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { problemsOf } from "../kernel/Problems.js"
import { ComplaintIntake } from "./Complaints.js"

/**
 * The columns, what they mean, and whether each is required.
 *
 * @category statute
 */
export const nationalColumns = {
  rpt_no: { label: "举报编号", required: true, confidence: "⚠️" },
  rpt_date: { label: "举报日期（yyyy-MM-dd）", required: true, confidence: "⚠️" },
  rptd_type: { label: "被举报对象类型（1 定点医药机构，2 个人）", required: true, confidence: "⚠️" },
  fixmedins_code: { label: "被举报定点医药机构编号", required: false, confidence: "🔶" },
  rptd_psn_name: { label: "被举报人姓名", required: false, confidence: "⚠️" },
  rpt_cont: { label: "举报内容", required: true, confidence: "⚠️" },
  invo_amt: { label: "涉及金额（元）", required: false, confidence: "⚠️" },
  anon_flag: { label: "匿名标志（1 匿名，0 实名）", required: true, confidence: "⚠️" },
  psn_name: { label: "举报人姓名", required: false, confidence: "🔶" },
  tel: { label: "举报人联系电话", required: false, confidence: "🔶" },
  certno: { label: "举报人证件号码", required: false, confidence: "🔶" },
  addr: { label: "举报人联系地址", required: false, confidence: "🔶" }
} as const

/** @category models */
export type NationalColumn = keyof typeof nationalColumns

/**
 * One problem of an import file: the file, the line (CSV: the physical line the record starts on;
 * JSON: the record's number, from 1), the column, and what is wrong.
 *
 * @category models
 */
export interface ImportProblem {
  readonly file: string
  readonly line: number
  readonly column: string
  readonly message: string
}

/**
 * The file was refused: nothing of it was recorded. `problems` lists each bad line and column; as
 * field problems for the error model, each path reads `file:line:column`.
 *
 * @category errors
 */
export class ComplaintImportRefused extends Schema.TaggedError<ComplaintImportRefused>()("ComplaintImportRefused", {
  file: Schema.String,
  lines: Schema.Array(
    Schema.Struct({ file: Schema.String, line: Schema.Number, column: Schema.String, message: Schema.String })
  )
}) {
  /**
   * The problems as the error model carries them: the JSON path of the request part that held the file
   * (`$.content`), and the file, line and column in the message (a column name from the file's own
   * header is cut to 40 characters, so no answer echoes an unbounded text).
   */
  get problems(): ReadonlyArray<{ path: string; message: string }> {
    const short = (text: string) => (Array.from(text).length > 40 ? `${Array.from(text).slice(0, 40).join("")}…` : text)
    return this.lines.slice(0, 20).map((l) => ({
      path: "$.content",
      message: `文件 ${short(l.file)} 第 ${l.line} 行「${short(l.column)}」列：${short(l.message)}`
    }))
  }
  override get message(): string {
    return `文件 ${this.file} 有 ${this.lines.length} 处错误，未导入任何记录`
  }
}

/** A record of the file, as text per column, and the line it starts on. */
interface RawRecord {
  readonly line: number
  readonly values: Readonly<Record<string, string>>
}

/**
 * Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes doubled, newlines),
 * each with the physical line it starts on. Fails on an unterminated quote.
 *
 * @category parsing
 */
export const parseCsv = (
  text: string
): Either.Either<ReadonlyArray<{ line: number; fields: ReadonlyArray<string> }>, { line: number; message: string }> => {
  const source = text.replace(/^\uFEFF/, "")
  const records: Array<{ line: number; fields: Array<string> }> = []
  let fields: Array<string> = []
  let field = ""
  let quoted = false
  let line = 1
  let start = 1
  let quoteLine = 1
  let any = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (c === "\n") line++
        field += c
      }
      continue
    }
    if (c === '"' && field === "") {
      quoted = true
      quoteLine = line
      any = true
    } else if (c === ",") {
      fields.push(field)
      field = ""
      any = true
    } else if (c === "\r" && source[i + 1] === "\n") continue
    else if (c === "\n" || c === "\r") {
      fields.push(field)
      if (any || field !== "") records.push({ line: start, fields })
      fields = []
      field = ""
      any = false
      line++
      start = line
    } else {
      field += c
      any = true
    }
  }
  if (quoted) return Either.left({ line: quoteLine, message: "引号未闭合" })
  if (any || field !== "") {
    fields.push(field)
    records.push({ line: start, fields })
  }
  return Either.right(records)
}

/** Where a field of the intake comes from, for naming the column of a schema problem. */
const columnOfPath: ReadonlyArray<readonly [RegExp, NationalColumn]> = [
  [/^\$\.receivedOn/, "rpt_date"],
  [/^\$\.externalRef/, "rpt_no"],
  [/^\$\.content/, "rpt_cont"],
  [/^\$\.amountInvolved/, "invo_amt"],
  [/^\$\.subject\.institutionCode/, "fixmedins_code"],
  [/^\$\.subject\.personName/, "rptd_psn_name"],
  [/^\$\.subject/, "rptd_type"],
  [/^\$\.informant\.name/, "psn_name"],
  [/^\$\.informant\.phone/, "tel"],
  [/^\$\.informant\.idNumber/, "certno"],
  [/^\$\.informant\.address/, "addr"],
  [/^\$\.informant/, "anon_flag"]
]

const decodeIntake = Schema.decodeUnknownEither(ComplaintIntake, { errors: "all", onExcessProperty: "error" })

/** One record to an intake, or its problems by column. */
const intakeOf = (record: RawRecord, file: string): Either.Either<ComplaintIntake, ReadonlyArray<ImportProblem>> => {
  const v = record.values
  const at = (column: string, message: string): ImportProblem => ({ file, line: record.line, column, message })
  const problems: Array<ImportProblem> = []
  const present = (key: NationalColumn) => (v[key] ?? "").trim() !== ""
  const text = (key: NationalColumn) => (present(key) ? v[key]!.trim() : undefined)
  for (const [key, spec] of Object.entries(nationalColumns))
    if (spec.required && !present(key as NationalColumn)) problems.push(at(key, "缺少此项（必填）"))
  const type = text("rptd_type")
  if (type !== undefined && type !== "1" && type !== "2")
    problems.push(at("rptd_type", "须为 1（定点医药机构）或 2（个人）"))
  const anon = text("anon_flag")
  if (anon !== undefined && anon !== "0" && anon !== "1") problems.push(at("anon_flag", "须为 1（匿名）或 0（实名）"))
  const amountText = text("invo_amt")
  const amount = amountText === undefined ? undefined : Number(amountText)
  if (amountText !== undefined && (!/^\d+(\.\d{1,2})?$/.test(amountText) || !Number.isFinite(amount)))
    problems.push(at("invo_amt", `「${amountText}」不是金额（元，最多两位小数）`))
  if (problems.length > 0) return Either.left(problems)
  const optional = <K extends string>(key: K, value: string | undefined) =>
    value === undefined ? {} : { [key]: value }
  const candidate = {
    channel: "national_platform",
    receivedOn: text("rpt_date"),
    subject: {
      kind: type === "1" ? "institution" : "person",
      ...optional("institutionCode", text("fixmedins_code")),
      ...optional("personName", text("rptd_psn_name"))
    },
    content: text("rpt_cont"),
    ...(amount === undefined ? {} : { amountInvolved: amount }),
    informant: {
      anonymous: anon === "1",
      ...optional("name", text("psn_name")),
      ...optional("phone", text("tel")),
      ...optional("idNumber", text("certno")),
      ...optional("address", text("addr"))
    },
    externalRef: text("rpt_no")
  }
  const decoded = decodeIntake(candidate)
  if (Either.isRight(decoded)) return Either.right(decoded.right)
  return Either.left(
    problemsOf(decoded.left).map((p) => at(columnOfPath.find(([re]) => re.test(p.path))?.[1] ?? "（整行）", p.message))
  )
}

const maxRecords = 5000

/**
 * Parses an export file into intakes, or every problem of it (file, line, column). `format` is the
 * file's kind; records beyond 5,000 are refused (split the file).
 *
 * @category parsing
 */
export const parseNationalExport = (
  file: string,
  format: "csv" | "json",
  text: string
): Either.Either<ReadonlyArray<{ line: number; intake: ComplaintIntake }>, ComplaintImportRefused> => {
  const refuse = (lines: ReadonlyArray<ImportProblem>) => Either.left(new ComplaintImportRefused({ file, lines }))
  const records: Array<RawRecord> = []
  const known = new Set(Object.keys(nationalColumns))
  if (format === "csv") {
    const parsed = parseCsv(text)
    if (Either.isLeft(parsed))
      return refuse([{ file, line: parsed.left.line, column: "（整行）", message: parsed.left.message }])
    const [header, ...rows] = parsed.right
    if (header === undefined) return refuse([{ file, line: 1, column: "（表头）", message: "文件为空，须有表头行" }])
    const names = header.fields.map((f) => f.trim())
    const headerProblems: Array<ImportProblem> = [
      ...names
        .filter((n) => !known.has(n))
        .map((n) => ({ file, line: header.line, column: n, message: "不认识的列（见导入格式说明）" })),
      ...Object.entries(nationalColumns)
        .filter(([key, spec]) => spec.required && !names.includes(key))
        .map(([key]) => ({ file, line: header.line, column: key, message: "缺少必需的列" }))
    ]
    if (headerProblems.length > 0) return refuse(headerProblems)
    const tooWide: Array<ImportProblem> = []
    for (const row of rows) {
      if (row.fields.length !== names.length)
        tooWide.push({
          file,
          line: row.line,
          column: "（整行）",
          message: `有 ${row.fields.length} 列，表头有 ${names.length} 列`
        })
      records.push({ line: row.line, values: Object.fromEntries(names.map((n, i) => [n, row.fields[i] ?? ""])) })
    }
    if (tooWide.length > 0) return refuse(tooWide)
  } else {
    let data: unknown
    try {
      data = JSON.parse(text)
    } catch {
      return refuse([{ file, line: 1, column: "（整个文件）", message: "不是有效的 JSON" }])
    }
    if (!Array.isArray(data)) return refuse([{ file, line: 1, column: "（整个文件）", message: "须为对象数组" }])
    const problems: Array<ImportProblem> = []
    data.forEach((item: unknown, i) => {
      const line = i + 1
      if (typeof item !== "object" || item === null || Array.isArray(item)) {
        problems.push({ file, line, column: "（整条）", message: "须为对象" })
        return
      }
      const values: Record<string, string> = {}
      for (const [k, value] of Object.entries(item)) {
        if (!known.has(k)) problems.push({ file, line, column: k, message: "不认识的字段（见导入格式说明）" })
        else if (value === null || value === undefined) continue
        else if (typeof value === "string" || typeof value === "number") values[k] = String(value)
        else problems.push({ file, line, column: k, message: "须为文本或数字" })
      }
      records.push({ line, values })
    })
    if (problems.length > 0) return refuse(problems)
  }
  if (records.length === 0) return refuse([{ file, line: 1, column: "（整个文件）", message: "没有任何记录" }])
  if (records.length > maxRecords)
    return refuse([
      {
        file,
        line: records[maxRecords]!.line,
        column: "（整行）",
        message: `一次最多导入 ${maxRecords} 条，请拆分文件`
      }
    ])
  const problems: Array<ImportProblem> = []
  const out: Array<{ line: number; intake: ComplaintIntake }> = []
  const seen = new Map<string, number>()
  for (const record of records) {
    const result = intakeOf(record, file)
    if (Either.isLeft(result)) {
      problems.push(...result.left)
      continue
    }
    const ref = result.right.externalRef ?? ""
    const earlier = seen.get(ref)
    if (earlier !== undefined)
      problems.push({ file, line: record.line, column: "rpt_no", message: `举报编号 ${ref} 与第 ${earlier} 行重复` })
    else seen.set(ref, record.line)
    out.push({ line: record.line, intake: result.right })
  }
  return problems.length > 0 ? refuse(problems) : Either.right(out)
}
