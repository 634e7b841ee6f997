/**
 * What is wrong with a claims extract, said so that the person who produced it can find the cell:
 * file, line (as an editor counts it: a CSV header is line 1), column and a plain message.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * One problem found while importing an extract. `line` is the line of the file for CSV and JSONL,
 * the 1-based row for Parquet, and `null` when the problem concerns the whole file or table.
 *
 * @category models
 */
export const ExtractProblem = Schema.Struct({
  file: Schema.String,
  line: Schema.NullOr(Schema.Int),
  column: Schema.NullOr(Schema.String),
  message: Schema.String
}).annotations({ identifier: "ExtractProblem" })
/** @category models */
export type ExtractProblem = typeof ExtractProblem.Type

/**
 * Formats a problem as one line, e.g. `feedetail.csv line 7, column pric: "abc" is not a number`.
 *
 * @category formatting
 */
export const formatProblem = (p: ExtractProblem): string => {
  const where = [p.line === null ? null : `${p.file.endsWith(".parquet") ? "row" : "line"} ${p.line}`]
  const place = [p.file, ...where].filter((s) => s !== null).join(" ")
  return `${place}${p.column === null ? "" : `, column ${p.column}`}: ${p.message}`
}

/**
 * The extract cannot be imported. Nothing was kept: the import is all or nothing. `problems`
 * holds every problem found up to the importer's cap; `truncated` says whether there were more.
 *
 * @category errors
 */
export class ExtractInvalid extends Schema.TaggedError<ExtractInvalid>()("ExtractInvalid", {
  dir: Schema.String,
  problems: Schema.Array(ExtractProblem),
  truncated: Schema.Boolean
}) {
  override get message(): string {
    const n = this.problems.length
    const head = `claims extract ${this.dir} is invalid (${n}${this.truncated ? "+" : ""} problem${n === 1 ? "" : "s"})`
    const more = this.truncated ? ["  … more problems were found; fix these first"] : []
    return [head, ...this.problems.map((p) => `  ${formatProblem(p)}`), ...more].join("\n")
  }
}

/**
 * Quotes a cell value for a message, shortening long ones so one bad cell never floods a report.
 *
 * @category formatting
 */
export const quoteValue = (value: string): string =>
  JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
