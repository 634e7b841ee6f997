/**
 * Checks a staged table against its spec and turns it into the typed table the rules read.
 * Validation and typing share one SQL expression per column, so a value that passes the check is
 * exactly a value that types. Staged columns are text, except Parquet columns that already have
 * the spec's type (`StagedTable.native`), which need no parsing. All value checks of a table run
 * in one scan.
 *
 * @internal
 */
import type { DuckDBConnection } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { rmSync } from "node:fs"
import { type ExtractProblem, quoteValue } from "../ExtractProblem.js"
import type { ColumnSpec, ColumnType, TableSpec } from "../Tables.js"
import { asNumber, asString, exec, ident, literal, query } from "./Duck.js"
import type { ProblemSink } from "./ProblemSink.js"
import { csvText, type StagedTable } from "./Staging.js"
import { isBad, isEmpty, sqlType, text, typed } from "./Typing.js"

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

/**
 * Value problems of the known columns — required-but-empty, and values that do not type — in one
 * scan of the staged table. Problems of required columns go to `errors`, of optional columns
 * (read as empty) to `warnings`.
 */
const valueProblems = (
  conn: DuckDBConnection,
  staged: StagedTable,
  file: string,
  known: ReadonlyArray<Known>,
  errors: ProblemSink,
  warnings: ProblemSink
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const checks = known.flatMap(({ spec, index }) => {
      const native = staged.native.has(spec.name)
      const bad = isBad(spec.name, spec.type, native)
      return [
        ...(spec.required ? [{ spec, index, kind: "empty", cond: isEmpty(spec.name, native) }] : []),
        ...(bad === null ? [] : [{ spec, index, kind: spec.type, cond: bad }])
      ]
    })
    if (checks.length === 0 || staged.valuesChecked) return
    const items = checks.map(
      (c) =>
        `CASE WHEN ${c.cond} THEN {'col': ${c.index}, 'kind': '${c.kind}', 'val': CAST(${ident(c.spec.name)} AS VARCHAR)} END`
    )
    // Enough rows for both sinks; a row may carry several problems.
    const limit = errors.remaining + warnings.remaining + 2
    const rows = yield* query(
      conn,
      `SELECT pos, p.col AS col, p.kind AS kind, p.val AS val
       FROM (SELECT ${staged.position}::BIGINT AS pos, unnest(list_filter([${items.join(", ")}], x -> x IS NOT NULL)) AS p
             FROM ${ident(staged.raw)} WHERE ${checks.map((c) => `(${c.cond})`).join(" OR ")})
       ORDER BY pos, col LIMIT ${limit}`
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
        return { pos: asNumber(r.pos), column: spec.name, message: spec.required ? what : `${what}; read as empty` }
      })
    )
    const required = new Set(known.filter((k) => k.spec.required).map((k) => k.spec.name))
    errors.add(located.filter((p) => required.has(p.column ?? "")))
    warnings.add(located.filter((p) => !required.has(p.column ?? "")))
  })

/**
 * A query returning a row when two records of `relation` share a key (`parts`, every one present), none otherwise.
 * The keys are grouped by their 64-bit hash first and only the records of a hash found twice by the keys
 * themselves: an extract's keys are 20–30-character ids, and grouping ten million of them took twice as long as
 * grouping their hashes. (Two keys of one hash are told apart by the second step.)
 */
const duplicateKeyQuery = (relation: string, parts: ReadonlyArray<string>): string => {
  const present = parts.map((p) => `${p} IS NOT NULL`).join(" AND ")
  const hashed = `hash(${parts.join(", ")})`
  return `WITH twice AS (SELECT ${hashed} AS h FROM ${relation} WHERE ${present} GROUP BY h HAVING count(*) > 1)
          SELECT 1 AS x FROM ${relation} SEMI JOIN twice ON twice.h = ${hashed}
          WHERE ${present} GROUP BY ${parts.join(", ")} HAVING count(*) > 1 LIMIT 1`
}

/** Every record whose primary key repeats an earlier record's. */
const duplicateKeys = (
  conn: DuckDBConnection,
  staged: StagedTable,
  file: string,
  key: ReadonlyArray<string>,
  sink: ProblemSink
): Effect.Effect<void> =>
  Effect.gen(function* () {
    const parts = key.map((k) => (staged.native.has(k) ? ident(k) : text(k)))
    // Most extracts have no duplicate: a hash aggregate says so faster than the window below.
    const any = yield* query(conn, duplicateKeyQuery(ident(staged.raw), parts)).pipe(Effect.orDie)
    if (any.length === 0) return
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
    yield* valueProblems(conn, staged, file, known, errors, warnings)
    if (spec.primaryKey.length > 0 && spec.primaryKey.every((k) => present.has(k))) {
      yield* duplicateKeys(conn, staged, file, spec.primaryKey, errors)
    }
  })

/**
 * Creates the typed relation `spec.name` from a staged one. Known columns come first, typed (NULL
 * when absent from the file); extra columns follow as text. For a Parquet file whose known
 * columns are all native or text, a view reading the file in place. For spilled CSV or JSONL
 * text, the typed rows are written to `typedFile` (a temporary Parquet file) and read from there,
 * and the spilled text is deleted. Otherwise a table, and the staged relation is dropped.
 */
export const createTyped = (
  conn: DuckDBConnection,
  spec: TableSpec,
  staged: StagedTable,
  typedFile: string
): Effect.Effect<void> => {
  const present = new Set(staged.columns)
  const knownNames = new Set(spec.columns.map((c) => c.name))
  const select = [
    ...spec.columns.map((c) =>
      present.has(c.name)
        ? `${typed(c.name, c.type, staged.native.has(c.name))} AS ${ident(c.name)}`
        : `CAST(NULL AS ${sqlType[c.type]}) AS ${ident(c.name)}`
    ),
    ...staged.columns.filter((c) => !knownNames.has(c)).map(ident)
  ]
  const from = `SELECT ${select.join(", ")} FROM ${ident(staged.raw)}`
  // A Parquet file whose columns need no parsing is read in place: copying ten million rows into
  // memory costs more than every rule reading the (compressed, columnar) file again.
  const inPlace =
    staged.kind === "VIEW" &&
    staged.spill === null &&
    spec.columns.every((c) => !present.has(c.name) || c.type === "C" || staged.native.has(c.name))
  if (inPlace) return exec(conn, `CREATE VIEW ${ident(spec.name)} AS ${from}`).pipe(Effect.orDie)
  if (staged.spill === null) {
    return exec(conn, `CREATE TABLE ${ident(spec.name)} AS ${from}; DROP ${staged.kind} ${ident(staged.raw)}`).pipe(
      Effect.orDie
    )
  }
  const spill = staged.spill
  return exec(
    conn,
    `COPY (${from}) TO ${literal(typedFile)} (FORMAT parquet);
     CREATE VIEW ${ident(spec.name)} AS SELECT * FROM read_parquet(${literal(typedFile)});
     DROP ${staged.kind} ${ident(staged.raw)}`
  ).pipe(Effect.orDie, Effect.zipRight(Effect.sync(() => rmSync(spill, { force: true }))))
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

/** Drops a staged table that will not be typed (the import failed), and its spilled text. */
export const dropStaged = (conn: DuckDBConnection, staged: StagedTable): Effect.Effect<void> =>
  exec(conn, `DROP ${staged.kind} IF EXISTS ${ident(staged.raw)}`).pipe(
    Effect.orDie,
    Effect.zipRight(Effect.sync(() => (staged.spill === null ? undefined : rmSync(staged.spill, { force: true }))))
  )

/**
 * The fast path of a CSV table: the file read once, each value typed and checked in the same pass, into
 * `typedFile`, a Parquet file of the run's scratch directory (with the relation `spec.name` a view over it),
 * instead of staging the text in a temporary file, checking it and typing it into another. The typed
 * values are the very expressions of the precise path (`typed`, `isEmpty`, `isBad`), so a file that passes
 * here types the same there. Succeeds with `false`, leaving nothing behind, when the file has any problem
 * (a required column missing, a line that does not read, a value empty or unparseable, a duplicate key, a bad
 * header): the caller then takes the precise path, which names each problem's line and column.
 *
 * Why a file and not an in-memory table: an independently made county-year's tables take 5.0 GB in memory
 * uncompressed, so within the default memory limit DuckDB spilled 2 GB of them, and every rule reading them paid
 * for it. Written as snappy Parquet (about a sixth of the CSV's size, in the scratch directory) they are read like
 * a Parquet extract's: there the rules took 47.7 -> 37.8 s and the import 20.1 -> 22.9 s (`docs/benchmarks.md`).
 */
export const loadCheckedCsv = (
  conn: DuckDBConnection,
  spec: TableSpec,
  path: string,
  names: ReadonlyArray<string> | null,
  typedFile: string
): Effect.Effect<boolean> =>
  Effect.gen(function* () {
    if (names === null || names.some((n) => n === "") || new Set(names).size !== names.length) return false
    const present = new Set(names)
    if (spec.columns.some((c) => c.required && !present.has(c.name))) return false
    const knownNames = new Set(spec.columns.map((c) => c.name))
    const checks = spec.columns
      .filter((c) => present.has(c.name))
      .flatMap((c) => {
        const bad = isBad(c.name, c.type, false)
        return [...(c.required ? [isEmpty(c.name, false)] : []), ...(bad === null ? [] : [bad])]
      })
    const select = [
      ...spec.columns.map((c) =>
        present.has(c.name)
          ? `${typed(c.name, c.type)} AS ${ident(c.name)}`
          : `CAST(NULL AS ${sqlType[c.type]}) AS ${ident(c.name)}`
      ),
      ...names.filter((c) => !knownNames.has(c)).map(ident),
      `${checks.length === 0 ? "false" : checks.map((c) => `(${c})`).join(" OR ")} AS __bad`
    ]
    const table = `read_parquet(${literal(typedFile)})`
    const drop = Effect.sync(() => rmSync(typedFile, { force: true }))
    const loaded = yield* exec(
      conn,
      `SET preserve_insertion_order = false;
       COPY (SELECT ${select.join(", ")} FROM ${csvText(path, names)}) TO ${literal(typedFile)}
         (FORMAT parquet, COMPRESSION snappy)`
    ).pipe(
      Effect.as(true),
      Effect.catchAll(() => drop.pipe(Effect.as(false)))
    )
    if (!loaded) return false
    const key = spec.primaryKey.map(ident)
    const [found] = yield* query(
      conn,
      `SELECT (SELECT coalesce(bool_or(__bad), false) FROM ${table}) AS bad,
              ${key.length === 0 ? "false" : `EXISTS (${duplicateKeyQuery(table, key)})`} AS duplicate`
    ).pipe(Effect.orDie)
    if (found?.bad !== false || found.duplicate !== false) {
      yield* drop
      return false
    }
    yield* exec(conn, `CREATE VIEW ${ident(spec.name)} AS SELECT * EXCLUDE (__bad) FROM ${table}`).pipe(Effect.orDie)
    return true
  })
