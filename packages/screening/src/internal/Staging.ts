/**
 * Loads one extract file into a raw DuckDB relation whose columns are text, whatever the format,
 * so that one validation pass (`Validation.ts`) can check and type every format the same way.
 * Parquet is the exception that makes large extracts fast: it is not copied but read through a
 * view, and its columns that already have the spec's type (numbers, DATE, TIMESTAMP) stay as they
 * are (`native`) instead of a round trip through text. CSV and JSONL text is written once to a
 * temporary Parquet file and read from there, so that a ten-million-line file is not held in
 * memory. Each raw relation carries a position per record that maps back to a line (CSV, JSONL)
 * or row (Parquet) for error messages.
 *
 * @internal
 */
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import type { ExtractProblem } from "../ExtractProblem.js"
import { readHeader, recordLines } from "./CsvText.js"
import type { ColumnType, TableSpec } from "../Tables.js"
import { asNumber, asString, exec, ident, literal, query } from "./Duck.js"
import { isBad, isEmpty } from "./Typing.js"

/** The file formats an extract may use. */
export type FileFormat = "csv" | "jsonl" | "parquet"

/** A file loaded as text columns, ready for validation. */
export interface StagedTable {
  /** Name of the raw DuckDB table. */
  readonly raw: string
  /** The file's columns in file order (names as written, trimmed). */
  readonly columns: ReadonlyArray<string>
  /** SQL expression giving each raw record's position. */
  readonly position: string
  /** Maps positions to the line (or Parquet row) a person would look at. */
  readonly locate: (positions: ReadonlyArray<number>) => Effect.Effect<ReadonlyMap<number, number>>
  /** Line a whole-file problem about the header points at (`null`: none). */
  readonly headerLine: number | null
  /**
   * Known columns that need no parsing (Parquet): already of the spec's type, or text with no blank
   * value and none to trim. All others are text to trim and parse.
   */
  readonly native: ReadonlySet<string>
  /**
   * Every known column is native and none has a value problem (a required value empty, a number not finite):
   * found while staging a Parquet file, in the scan that looks for text to trim, so that validation need not read
   * the file again to list problems there are none of.
   */
  readonly valuesChecked: boolean
  /** What `raw` is, for dropping it. */
  readonly kind: "TABLE" | "VIEW"
  /**
   * The temporary Parquet file `raw` reads (CSV and JSONL are spilled there instead of being held
   * in memory), deleted once the table is typed; `null` for a view over the extract's own file.
   */
  readonly spill: string | null
}

type Staged = Effect.Effect<StagedTable, ReadonlyArray<ExtractProblem>>

const fileProblem = (file: string, message: string, line: number | null = null): ExtractProblem => ({
  file,
  line,
  column: null,
  message
})

// DuckDB's CSV errors are long and aimed at SQL users; keep the line and say what is wrong plainly.
const csvReadProblem = (file: string, message: string): ExtractProblem => {
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1]
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message)
  const plain =
    columns !== null
      ? `row has ${columns[2]} cells but the header has ${columns[1]}`
      : /unterminated quote/i.test(message)
        ? "quoted value is never closed"
        : /Invalid unicode|not utf-8/i.test(message)
          ? "file is not UTF-8 encoded (convert GBK/GB18030 exports to UTF-8)"
          : `cannot be read as CSV: ${message.split("\n")[0] ?? message}`
  return fileProblem(file, plain, line === undefined ? null : Number(line))
}

/**
 * A view over a temporary Parquet file holding `select` in the order it is read, with each
 * record's position as `__pos`: DuckDB's readers of CSV and JSON text give no row numbers, but a
 * Parquet file written in order does (`file_row_number`), so the text lives on disk, compressed,
 * instead of in memory while it is validated and typed.
 */
const spillView = (conn: DuckDBConnection, raw: string, spill: string, select: string) =>
  exec(
    conn,
    `SET preserve_insertion_order = true;
     COPY (${select}) TO ${literal(spill)} (FORMAT parquet);
     CREATE VIEW ${ident(raw)} AS SELECT file_row_number AS __pos, *
     FROM read_parquet(${literal(spill)}, file_row_number = true)`
  )

/**
 * A CSV file as DuckDB reads it for an extract: every column text, exactly the header's columns, RFC 4180
 * quoting, no guessing.
 */
export const csvText = (path: string, names: ReadonlyArray<string>): string =>
  `read_csv(${literal(path)}, auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
     strict_mode = true, null_padding = false, columns = {${names.map((n) => `${literal(n)}: 'VARCHAR'`).join(", ")}})`

const stageCsv = (conn: DuckDBConnection, raw: string, path: string, file: string, spill: string): Staged =>
  Effect.gen(function* () {
    const header = yield* Effect.promise(() => readHeader(path).catch(() => null))
    if (header === null) return yield* Effect.fail([fileProblem(file, "empty file or no complete header row", 1)])
    const names = header.map((h) => h.trim())
    const seen = new Set<string>()
    const problems: Array<ExtractProblem> = []
    names.forEach((name, i) => {
      if (name === "") problems.push({ file, line: 1, column: `#${i + 1}`, message: "column has no name" })
      else if (seen.has(name))
        problems.push({ file, line: 1, column: name, message: "column appears twice in the header" })
      seen.add(name)
    })
    if (problems.length > 0) return yield* Effect.fail(problems)
    yield* spillView(conn, raw, spill, `SELECT * FROM ${csvText(path, names)}`).pipe(
      Effect.mapError((e) => [csvReadProblem(file, e.message)])
    )
    return {
      raw,
      columns: names,
      position: "__pos",
      headerLine: 1,
      native: new Set<string>(),
      valuesChecked: false,
      kind: "VIEW",
      spill,
      locate: (positions) =>
        Effect.promise(async () => {
          const lines = positions.length === 0 ? new Map<number, number>() : await recordLines(path, positions)
          // A record the scanner did not see (should not happen) still gets a plausible line.
          return new Map(positions.map((p) => [p, lines.get(p) ?? p + 2]))
        })
    }
  })

const stageJsonl = (conn: DuckDBConnection, raw: string, path: string, file: string, spill: string): Staged =>
  Effect.gen(function* () {
    const lines = `${raw}_lines`
    // read_text + string_split keeps exact line numbers, which read_json does not expose.
    yield* exec(
      conn,
      `CREATE TABLE ${ident(lines)} AS
       SELECT n AS line_no, rtrim(CASE WHEN n = 1 THEN ltrim(line, chr(65279)) ELSE line END, chr(13)) AS j
       FROM (SELECT unnest(l) AS line, generate_subscripts(l, 1) AS n
             FROM (SELECT string_split(content, chr(10)) AS l FROM read_text(${literal(path)})))
       WHERE trim(line) <> ''`
    ).pipe(Effect.mapError((e) => [fileProblem(file, `cannot be read: ${e.message.split("\n")[0]}`)]))
    const bad = yield* query(
      conn,
      `SELECT line_no::INTEGER AS line_no FROM ${ident(lines)}
       WHERE NOT json_valid(j) OR json_type(CASE WHEN json_valid(j) THEN j END::JSON) <> 'OBJECT'
       ORDER BY line_no LIMIT 100`
    ).pipe(Effect.orDie)
    if (bad.length > 0) {
      yield* exec(conn, `DROP TABLE ${ident(lines)}`).pipe(Effect.orDie)
      return yield* Effect.fail(bad.map((r) => fileProblem(file, "line is not a JSON object", asNumber(r.line_no))))
    }
    const keys = yield* query(
      conn,
      `SELECT k FROM (SELECT line_no, unnest(json_keys(j)) AS k, generate_subscripts(json_keys(j), 1) AS i
                      FROM ${ident(lines)})
       GROUP BY k ORDER BY min(line_no * 100000 + i)`
    ).pipe(Effect.orDie)
    const names = keys.map((r) => asString(r.k) ?? "")
    // JSON pointers (`/key`) need only `~` and `/` escaped, so any key name is addressable.
    const pointer = (k: string) => literal(`/${k.replaceAll("~", "~0").replaceAll("/", "~1")}`)
    const select = names.map((k) => `json_extract_string(j, ${pointer(k)}) AS ${ident(k.trim())}`)
    yield* spillView(
      conn,
      raw,
      spill,
      `SELECT ${["line_no AS __line", ...select].join(", ")} FROM ${ident(lines)} ORDER BY line_no`
    ).pipe(Effect.orDie)
    yield* exec(conn, `DROP TABLE ${ident(lines)}`).pipe(Effect.orDie)
    return {
      raw,
      columns: names.map((k) => k.trim()),
      position: "__line",
      headerLine: null,
      native: new Set<string>(),
      valuesChecked: false,
      kind: "VIEW",
      spill,
      locate: (positions) => Effect.succeed(new Map(positions.map((p) => [p, p])))
    }
  })

// Dates and timestamps are printed in the extract's own text formats so that the common
// validation accepts them; everything else is cast to text.
const parquetText = (name: string, type: string): string =>
  type === "DATE"
    ? `strftime(${ident(name)}, '%Y-%m-%d')`
    : type.startsWith("TIMESTAMP")
      ? `strftime(${ident(name)}, '%Y-%m-%d %H:%M:%S')`
      : `CAST(${ident(name)} AS VARCHAR)`

const numeric = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/

/** Whether a Parquet column of DuckDB type `type` already has the spec's type. */
const isNative = (spec: ColumnType | undefined, type: string): boolean =>
  spec === "N"
    ? numeric.test(type)
    : spec === "D"
      ? type === "DATE"
      : spec === "DT"
        ? type === "TIMESTAMP" || type === "TIMESTAMP_S" || type === "TIMESTAMP_MS" || type === "TIMESTAMP_NS"
        : false

const stageParquet = (conn: DuckDBConnection, raw: string, path: string, file: string, spec: TableSpec): Staged =>
  Effect.gen(function* () {
    const described = yield* query(conn, `DESCRIBE SELECT * FROM read_parquet(${literal(path)})`).pipe(
      Effect.mapError((e) => [fileProblem(file, `not a readable Parquet file: ${e.message.split("\n")[0]}`)])
    )
    const types = new Map(spec.columns.map((c) => [c.name, c.type]))
    const columns = described.map((r) => ({ name: asString(r.column_name) ?? "", type: asString(r.column_type) ?? "" }))
    const native = new Set(columns.filter((c) => isNative(types.get(c.name.trim()), c.type)).map((c) => c.name.trim()))
    const select = columns.map(
      (c) => `${native.has(c.name.trim()) ? ident(c.name) : parquetText(c.name, c.type)} AS ${ident(c.name.trim())}`
    )
    yield* exec(
      conn,
      `CREATE VIEW ${ident(raw)} AS SELECT ${["file_row_number AS __row", ...select].join(", ")}
       FROM read_parquet(${literal(path)}, file_row_number = true)`
    ).pipe(Effect.mapError((e) => [fileProblem(file, `cannot be read: ${e.message.split("\n")[0]}`)]))
    // A text column with no blank value and no value to trim reads as it is: checking that once
    // is far cheaper than trimming ten million values on every read.
    const text = columns.filter((c) => c.type === "VARCHAR" && types.get(c.name.trim()) === "C")
    // When every known column is native or such text, the same scan finds whether any value has a problem, by the
    // conditions validation uses for native columns (`Typing.ts`): most files have none, and validation then skips its
    // own scan (a county-year's fee lines: 0.7 s).
    const known = columns.filter((c) => types.has(c.name.trim()))
    const checkable = known.every((c) => native.has(c.name.trim()) || text.includes(c))
    const problems = known.flatMap((c) => {
      const column = spec.columns.find((k) => k.name === c.name.trim())!
      const bad = isBad(column.name, column.type, true)
      return [...(column.required ? [isEmpty(column.name, true)] : []), ...(bad === null ? [] : [`(${bad})`])]
    })
    const checks = [
      ...text.map((c, i) => {
        const x = ident(c.name.trim())
        return `coalesce(bool_or(${x} = '' OR starts_with(${x}, ' ') OR ends_with(${x}, ' ')), false) AS c${i}`
      }),
      ...(checkable
        ? [`coalesce(bool_or(${problems.length > 0 ? problems.join(" OR ") : "false"}), false) AS bad`]
        : [])
    ]
    const flags =
      checks.length === 0
        ? []
        : yield* query(conn, `SELECT ${checks.join(", ")} FROM ${ident(raw)}`).pipe(
            Effect.mapError((e) => [fileProblem(file, `cannot be read: ${e.message.split("\n")[0]}`)])
          )
    text.forEach((c, i) => {
      if (flags[0]?.[`c${i}`] === false) native.add(c.name.trim())
    })
    const valuesChecked = checkable && flags[0]?.bad === false && known.every((c) => native.has(c.name.trim()))
    return {
      raw,
      columns: columns.map((c) => c.name.trim()),
      position: "__row",
      headerLine: null,
      native,
      valuesChecked,
      kind: "VIEW",
      spill: null,
      locate: (positions) => Effect.succeed(new Map(positions.map((p) => [p, p + 1])))
    }
  })

/**
 * Loads `path` into the raw relation `raw`. CSV and JSONL text is spilled to the temporary Parquet
 * file `spill`. Fails with the problems that stop the file from being read at all (not CSV, not
 * JSON, not Parquet, bad header).
 */
export const stageFile = (
  conn: DuckDBConnection,
  raw: string,
  path: string,
  file: string,
  format: FileFormat,
  spec: TableSpec,
  spill: string
): Staged =>
  format === "csv"
    ? stageCsv(conn, raw, path, file, spill)
    : format === "jsonl"
      ? stageJsonl(conn, raw, path, file, spill)
      : stageParquet(conn, raw, path, file, spec)
