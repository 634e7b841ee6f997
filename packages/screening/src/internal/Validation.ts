/**
 * Checks a staged (all-text) table against its spec and turns it into the typed table the rules
 * read. Validation and typing share one SQL expression per column, so a value that passes the
 * check is exactly a value that types.
 *
 * @internal
 */
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { type ExtractProblem, quoteValue } from "../ExtractProblem.js"
import type { ColumnSpec, ColumnType, TableSpec } from "../Tables.js"
import { asNumber, asString, exec, ident, query } from "./Duck.js"
import type { ProblemSink } from "./ProblemSink.js"
import type { StagedTable } from "./Staging.js"

const sqlType: Record<ColumnType, string> = { C: "VARCHAR", N: "DOUBLE", D: "DATE", DT: "TIMESTAMP" }

// Blank and whitespace-only cells are null; known text columns are trimmed so that codes join.
const text = (column: string) => `nullif(trim(${ident(column)}), '')`

/** The typed value of a raw text column; NULL when the text is empty or does not parse. */
const typed = (column: string, type: ColumnType): string => {
  const t = text(column)
  switch (type) {
    case "C":
      return t
    case "N":
      return `CASE WHEN isfinite(TRY_CAST(${t} AS DOUBLE)) THEN TRY_CAST(${t} AS DOUBLE) END`
    case "D":
      return `CASE WHEN regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2}') THEN CAST(TRY_STRPTIME(${t}, '%Y-%m-%d') AS DATE) END`
    case "DT":
      return `CASE WHEN regexp_full_match(${t}, '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}')
              THEN TRY_STRPTIME(${t}, '%Y-%m-%d %H:%M:%S') END`
  }
}

const describeBad: Record<ColumnType, string> = {
  C: "is not text",
  N: "is not a number",
  D: "is not a date (yyyy-MM-dd)",
  DT: "is not a date-time (yyyy-MM-dd HH:mm:ss)"
}

interface Known {
  readonly spec: ColumnSpec
  readonly index: number
}

const locateAll = (
  staged: StagedTable,
  file: string,
  rows: ReadonlyArray<{ readonly pos: number; readonly column: string; readonly message: string }>
): Effect.Effect<ReadonlyArray<ExtractProblem>> =>
  Effect.map(staged.locate(rows.map((r) => r.pos)), (lines) =>
    rows.map((r) => ({ file, line: lines.get(r.pos) ?? null, column: r.column, message: r.message }))
  )

/** Value problems of the known columns: required-but-empty, and text that does not parse. */
const valueProblems = (
  conn: DuckDBConnection,
  staged: StagedTable,
  file: string,
  known: ReadonlyArray<Known>,
  required: boolean,
  sink: ProblemSink
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const checks = known
      .filter((k) => k.spec.required === required)
      .flatMap(({ spec, index }) => {
        const raw = ident(spec.name)
        const select = (kind: string, where: string) =>
          `SELECT ${staged.position} AS pos, ${index} AS col, '${kind}' AS kind, ${raw} AS val
           FROM ${ident(staged.raw)} WHERE ${where}`
        return [
          ...(required ? [select("empty", `${text(spec.name)} IS NULL`)] : []),
          ...(spec.type === "C"
            ? []
            : [select(spec.type, `${text(spec.name)} IS NOT NULL AND (${typed(spec.name, spec.type)}) IS NULL`)])
        ]
      })
    if (checks.length === 0) return
    const rows = yield* query(
      conn,
      `SELECT pos::BIGINT AS pos, col, kind, val FROM (${checks.join(" UNION ALL ")})
       ORDER BY pos, col LIMIT ${sink.remaining + 1}`
    ).pipe(Effect.orDie)
    const byIndex = new Map(known.map((k) => [k.index, k.spec]))
    const located = yield* locateAll(
      staged,
      file,
      rows.map((r) => {
        const spec = byIndex.get(asNumber(r.col))!
        const kind = asString(r.kind) as "empty" | ColumnType
        const what =
          kind === "empty" ? "required value is empty" : `${quoteValue(asString(r.val) ?? "")} ${describeBad[kind]}`
        return { pos: asNumber(r.pos), column: spec.name, message: required ? what : `${what}; read as empty` }
      })
    )
    sink.add(located)
  })

/** Every record whose primary key repeats an earlier record's. */
const duplicateKeys = (
  conn: DuckDBConnection,
  staged: StagedTable,
  file: string,
  key: ReadonlyArray<string>,
  sink: ProblemSink
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const parts = key.map(text)
    const rows = yield* query(
      conn,
      `SELECT pos, first_pos, k FROM (
         SELECT ${staged.position}::BIGINT AS pos, [${parts.join(", ")}] AS k,
                min(${staged.position}::BIGINT) OVER (PARTITION BY ${parts.join(", ")}) AS first_pos
         FROM ${ident(staged.raw)} WHERE ${parts.map((p) => `${p} IS NOT NULL`).join(" AND ")})
       WHERE pos <> first_pos ORDER BY pos LIMIT ${sink.remaining + 1}`
    ).pipe(Effect.orDie)
    const lines = yield* staged.locate(rows.flatMap((r) => [asNumber(r.pos), asNumber(r.first_pos)]))
    const unit = file.endsWith(".parquet") ? "row" : "line"
    sink.add(
      rows.map((r) => {
        const values = Array.isArray(r.k) ? r.k.map((v) => quoteValue(asString(v) ?? "")) : []
        const label = key.length === 1 ? `${key[0]} ${values[0]}` : `(${key.join(", ")}) = (${values.join(", ")})`
        const first = lines.get(asNumber(r.first_pos)) ?? "?"
        return {
          file,
          line: lines.get(asNumber(r.pos)) ?? null,
          column: key.join(","),
          message: `duplicate primary key ${label}, first on ${unit} ${first}`
        }
      })
    )
  })

/**
 * Checks a staged table: required columns present, required values present and parseable,
 * primary key unique. Problems go to `errors`; unparseable values in optional columns (which the
 * typed table reads as NULL) go to `warnings`.
 */
export const validateStaged = (
  conn: DuckDBConnection,
  spec: TableSpec,
  staged: StagedTable,
  file: string,
  errors: ProblemSink,
  warnings: ProblemSink
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const present = new Set(staged.columns)
    const known = spec.columns.flatMap((c, index) => (present.has(c.name) ? [{ spec: c, index }] : []))
    const missing = spec.columns.filter((c) => c.required && !present.has(c.name))
    errors.add(
      missing.map((c) => ({ file, line: staged.headerLine, column: c.name, message: "required column is missing" }))
    )
    yield* valueProblems(conn, staged, file, known, true, errors)
    yield* valueProblems(conn, staged, file, known, false, warnings)
    if (spec.primaryKey.length > 0 && spec.primaryKey.every((k) => present.has(k))) {
      yield* duplicateKeys(conn, staged, file, spec.primaryKey, errors)
    }
  })

/**
 * Creates the typed table `spec.name` from a staged table, then drops the staged one. Known
 * columns come first, typed (NULL when absent from the file); extra columns follow as text.
 */
export const createTyped = (conn: DuckDBConnection, spec: TableSpec, staged: StagedTable): Effect.Effect<void> => {
  const present = new Set(staged.columns)
  const knownNames = new Set(spec.columns.map((c) => c.name))
  const select = [
    ...spec.columns.map((c) =>
      present.has(c.name)
        ? `${typed(c.name, c.type)} AS ${ident(c.name)}`
        : `CAST(NULL AS ${sqlType[c.type]}) AS ${ident(c.name)}`
    ),
    ...staged.columns.filter((c) => !knownNames.has(c)).map(ident)
  ]
  return exec(
    conn,
    `CREATE TABLE ${ident(spec.name)} AS SELECT ${select.join(", ")} FROM ${ident(staged.raw)};
     DROP TABLE ${ident(staged.raw)}`
  ).pipe(Effect.orDie)
}

/**
 * Creates the typed table `spec.name` with no rows, for a table the extract does not have: rules
 * that can use a table but do not need it read it as empty instead of carrying two SQL variants.
 * Whether the extract had the table is `ExtractHandle.has`, not whether it exists in DuckDB.
 */
export const createEmpty = (conn: DuckDBConnection, spec: TableSpec): Effect.Effect<void> =>
  exec(
    conn,
    `CREATE TABLE ${ident(spec.name)} (${spec.columns.map((c) => `${ident(c.name)} ${sqlType[c.type]}`).join(", ")})`
  ).pipe(Effect.orDie)

/** Drops a staged table that will not be typed (the import failed). */
export const dropStaged = (conn: DuckDBConnection, staged: StagedTable): Effect.Effect<void> =>
  exec(conn, `DROP TABLE IF EXISTS ${ident(staged.raw)}`).pipe(Effect.orDie)
