/**
 * Imports a claims extract (`claims-extract.md`) into an in-memory DuckDB database, one typed
 * relation per extract table, after checking it. A CSV file is read once, typed and checked in the same
 * pass into a temporary Parquet file; a file with a problem (and JSONL) takes the precise path, which stages
 * the text in a temporary Parquet file to name every problem's line and column. Parquet files that need no
 * parsing are read in place. The import is all or nothing: on any problem the database is closed and an
 * `ExtractInvalid` lists every problem found (up to a cap).
 *
 * @since 0.1.0
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import { mkdtempSync, readdirSync, rmSync } from "node:fs"
import { readdir } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { ExtractInvalid, type ExtractProblem } from "./ExtractProblem.js"
import { type Manifest, readManifest } from "./Manifest.js"
import { asNumber, exec, ident, query } from "./internal/Duck.js"
import { ProblemSink } from "./internal/ProblemSink.js"
import { type FileFormat, stageFile } from "./internal/Staging.js"
import { readHeader } from "./internal/CsvText.js"
import { createEmpty, createTyped, dropStaged, loadCheckedCsv, validateStaged } from "./internal/Validation.js"
import { isTableName, type TableName, tableSpecs } from "./Tables.js"

/**
 * Options of `importExtract`.
 *
 * @category models
 */
export interface ImportOptions {
  /** Stop collecting problems after this many (default 100). */
  readonly maxProblems?: number
  /**
   * DuckDB settings of the database (e.g. `{ threads: "2", memory_limit: "3GB" }`). Unless given: all cores,
   * `memory_limit` `defaultMemoryLimit`, and `temp_directory` the import's own temporary directory — DuckDB
   * keeps within the limit by spilling to it instead of growing. The worker and the CLI set the limit from
   * their configuration (`FUNDGUARD_DUCKDB_MEMORY_LIMIT`, `--memory-limit`).
   */
  readonly duckdb?: Readonly<Record<string, string>>
  /**
   * Reference data only (the pre-settlement check's catalogue, pairs, register, deaths, persons): the
   * claims tables may be absent.
   */
  readonly referenceOnly?: boolean
  /**
   * Whether a CSV file is first tried in one pass (default true). False takes every file on the precise path,
   * which the one-pass load must equal (the import's tests compare them).
   */
  readonly onePassCsv?: boolean
}

/**
 * An imported extract: a DuckDB connection holding one relation per extract table, named after
 * it — for CSV and JSONL a view over a typed temporary Parquet file, for a Parquet file that needs no parsing a view
 * reading the file in place (so the extract's files must stay while the handle is open), else a table. Tables the
 * extract does not have exist too, empty (see `has`).
 * Close it when done (closing deletes the temporary files); every rule run against it shares the
 * connection.
 *
 * @category models
 */
export interface ExtractHandle {
  readonly dir: string
  readonly connection: DuckDBConnection
  /** Tables present in the extract, in the format's order. */
  readonly tables: ReadonlyArray<TableName>
  /** The file each present table was read from (file name inside `dir`). */
  readonly files: Readonly<Partial<Record<TableName, string>>>
  readonly rowCounts: Readonly<Partial<Record<TableName, number>>>
  readonly manifest: Manifest | null
  /** Values in optional columns that did not parse and were read as empty. */
  readonly warnings: ReadonlyArray<ExtractProblem>
  readonly has: (table: TableName) => boolean
  /**
   * A directory of the handle's own for files derived from the extract (e.g. `fg_fee`, see `Prepared.ts`);
   * deleted with the handle.
   */
  readonly scratchDir: string
  /** Closes the database. Safe to call more than once. */
  readonly close: () => void
}

/**
 * DuckDB's memory limit unless configured: a county-year (10 million fee lines) screens within 4 GB of the
 * process's memory with it (docs/benchmarks.md); beyond it DuckDB spills to the import's temporary directory.
 * Not 3 GB: the process holds a county-year's leads besides (0.5 GB for 290,000 of them), and an independently
 * made county-year peaked at 4.0–4.2 GB within 3 GB, 3.2–3.9 GB within 2.5 GB (docs/benchmarks.md, 2026-12-07).
 *
 * @category models
 */
export const defaultMemoryLimit = "2.5GB"

/**
 * Whether a text is a memory size DuckDB's `memory_limit` reads (`3GB`, `512MiB`, `1.5 GB`).
 *
 * @category rules
 */
export const isMemoryLimit = (text: string): boolean =>
  /^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(text.trim())

const formats: ReadonlyArray<FileFormat> = ["csv", "jsonl", "parquet"]
const fileName = /^(.+)\.(csv|jsonl|parquet)$/

/** Finds the file of each table, reporting tables with two files and missing required tables. */
const findFiles = (dir: string, referenceOnly: boolean) =>
  Effect.gen(function* () {
    const entries = yield* Effect.tryPromise({
      try: () => readdir(dir, { withFileTypes: true }),
      catch: (e) =>
        new ExtractInvalid({
          dir,
          truncated: false,
          problems: [{ file: dir, line: null, column: null, message: `directory cannot be read (${String(e)})` }]
        })
    })
    const found = new Map<TableName, { file: string; format: FileFormat }>()
    const problems: Array<ExtractProblem> = []
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const match = fileName.exec(entry.name)
      if (match === null || !(entry.isFile() || entry.isSymbolicLink())) continue
      const [, table = "", format = ""] = match
      if (!isTableName(table)) continue
      const previous = found.get(table)
      if (previous !== undefined) {
        problems.push({
          file: entry.name,
          line: null,
          column: null,
          message: `table ${table} has two files (${previous.file} and ${entry.name}); keep one`
        })
        continue
      }
      found.set(table, { file: entry.name, format: format as FileFormat })
    }
    for (const spec of tableSpecs) {
      if (spec.required && !referenceOnly && !found.has(spec.name)) {
        problems.push({
          file: `${spec.name}.csv`,
          line: null,
          column: null,
          message: `required table ${spec.name} is missing (no ${formats.map((f) => `${spec.name}.${f}`).join(", ")})`
        })
      }
    }
    return { found, problems }
  })

// Each handle's scratch directory names its process, so that one left by a killed process (SIGKILL, out of
// memory: no `close`) is found and removed by the next import on the machine. It holds the extract's derived
// files (`fg_fee` is as large as the fee lines) and DuckDB's spill.
const scratchPrefix = "fundguard-import-"

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM"
  }
}

const removeAbandonedScratch = (): void => {
  try {
    for (const name of readdirSync(tmpdir())) {
      const pid = new RegExp(`^${scratchPrefix}(\\d+)-`).exec(name)?.[1]
      if (pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid)))
        rmSync(join(tmpdir(), name), { recursive: true, force: true })
    }
  } catch {
    // Another process removing the same directory, or an unreadable temporary directory: not this import's concern.
  }
}

const closer = (instance: DuckDBInstance, connection: DuckDBConnection, spillDir: string) => {
  let open = true
  return () => {
    if (!open) return
    open = false
    connection.closeSync()
    instance.closeSync()
    rmSync(spillDir, { recursive: true, force: true })
  }
}

/**
 * A DuckDB database of its own, in memory, spilling to a scratch directory removed when the scope closes (or,
 * after a crash, by the next import): for work that reads files other than an extract's, such as a staged rule's
 * facts (`Staged.ts`). `settings` as `ImportOptions.duckdb`.
 *
 * @category constructors
 */
export const scratchDuckDb = (
  settings: Record<string, string> = {}
): Effect.Effect<{ readonly connection: DuckDBConnection; readonly dir: string }, never, Scope.Scope> =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      removeAbandonedScratch()
      const dir = mkdtempSync(join(tmpdir(), `${scratchPrefix}${process.pid}-`))
      const instance = await DuckDBInstance.create(":memory:", {
        memory_limit: defaultMemoryLimit,
        temp_directory: join(dir, "duckdb"),
        ...settings
      })
      const connection = await instance.connect()
      return { connection, dir, close: closer(instance, connection, dir) }
    }),
    ({ close }) => Effect.sync(close)
  ).pipe(Effect.map(({ connection, dir }) => ({ connection, dir })))

/**
 * Imports the extract in `dir`. Fails with `ExtractInvalid` naming file, line and column of every
 * problem (missing required table or column, unparsable required value, duplicate primary key,
 * two files for one table, unreadable file, bad manifest); nothing is kept in that case.
 *
 * @category constructors
 */
export const importExtract = Effect.fn("Extract.importExtract")(function* (dir: string, options: ImportOptions = {}) {
  const absolute = resolve(dir)
  const errors = new ProblemSink(options.maxProblems ?? 100)
  const warnings = new ProblemSink(options.maxProblems ?? 100)
  const { found, problems } = yield* findFiles(absolute, options.referenceOnly === true)
  const { manifest, problems: manifestProblems } = yield* readManifest(absolute)
  errors.add(problems)
  errors.add(manifestProblems)
  const fail = () => new ExtractInvalid({ dir, problems: errors.problems, truncated: errors.truncated })

  // Even when the file list or manifest is already wrong, every file present is still checked,
  // so that one round of fixes can address all problems.
  // CSV and JSONL tables are typed into Parquet files here (the precise path spills their text here first,
  // `Staging.ts`), and DuckDB spills what exceeds its memory limit here too; removed on close.
  const spillDir = yield* Effect.sync(() => {
    removeAbandonedScratch()
    return mkdtempSync(join(tmpdir(), `${scratchPrefix}${process.pid}-`))
  })
  const instance = yield* Effect.promise(() =>
    DuckDBInstance.create(":memory:", {
      memory_limit: defaultMemoryLimit,
      temp_directory: join(spillDir, "duckdb"),
      ...options.duckdb
    })
  )
  const connection = yield* Effect.promise(() => instance.connect())
  const close = closer(instance, connection, spillDir)
  const load = Effect.gen(function* () {
    for (const spec of tableSpecs) {
      const source = found.get(spec.name)
      if (source === undefined) continue
      // A CSV file without problems is loaded in one pass; one with problems takes the precise path below.
      if (source.format === "csv" && errors.isEmpty && options.onePassCsv !== false) {
        const path = join(absolute, source.file)
        const header = yield* Effect.promise(() => readHeader(path).catch(() => null))
        const names = header === null ? null : header.map((h) => h.trim())
        if (yield* loadCheckedCsv(connection, spec, path, names, join(spillDir, `${spec.name}.parquet`))) continue
      }
      const staged = yield* stageFile(
        connection,
        `__raw_${spec.name}`,
        join(absolute, source.file),
        source.file,
        source.format,
        spec,
        join(spillDir, `${spec.name}.text.parquet`)
      ).pipe(Effect.catchAll((fileProblems) => Effect.sync(() => errors.add(fileProblems)).pipe(Effect.as(null))))
      if (staged === null) continue
      yield* validateStaged(connection, spec, staged, source.file, errors, warnings)
      yield* errors.isEmpty
        ? createTyped(connection, spec, staged, join(spillDir, `${spec.name}.parquet`))
        : dropStaged(connection, staged)
    }
    if (!errors.isEmpty) return yield* fail()
    for (const spec of tableSpecs) if (!found.has(spec.name)) yield* createEmpty(connection, spec)
    // Staging needed insertion order (CSV positions are Parquet row numbers); the rules do not, and DuckDB
    // builds tables and windows in parallel without it.
    yield* exec(connection, "SET preserve_insertion_order = false").pipe(Effect.orDie)
    const tables = tableSpecs.map((t) => t.name).filter((t) => found.has(t))
    const counts = yield* query(
      connection,
      tables.map((t) => `SELECT '${t}' AS t, count(*)::BIGINT AS n FROM ${ident(t)}`).join(" UNION ALL ")
    ).pipe(Effect.orDie)
    const handle: ExtractHandle = {
      dir: absolute,
      connection,
      tables,
      files: Object.fromEntries(tables.map((t) => [t, found.get(t)!.file])),
      rowCounts: Object.fromEntries(counts.map((r) => [String(r.t), asNumber(r.n)])),
      manifest,
      warnings: warnings.problems,
      has: (table) => found.has(table),
      scratchDir: spillDir,
      close
    }
    return handle
  })
  return yield* load.pipe(Effect.onExit((exit) => (Exit.isSuccess(exit) ? Effect.void : Effect.sync(close))))
})

/**
 * `importExtract` tied to a scope: the database is closed when the scope closes.
 *
 * @category constructors
 */
export const importExtractScoped = (
  dir: string,
  options: ImportOptions = {}
): Effect.Effect<ExtractHandle, ExtractInvalid, Scope.Scope> =>
  Effect.acquireRelease(importExtract(dir, options), (handle) => Effect.sync(handle.close))

/**
 * Where the screening job and the runner open claims extracts: a service with DuckDB as its default
 * implementation (`importExtractScoped`), so that nothing has to provide it, and a caller that must
 * open extracts another way (already imported, counted, from another store loaded into DuckDB)
 * provides its own layer.
 *
 * @category services
 */
export class ClaimsExtracts extends Context.Reference<ClaimsExtracts>()("@fundguard/screening/ClaimsExtracts", {
  defaultValue: (): {
    readonly open: (dir: string, options?: ImportOptions) => Effect.Effect<ExtractHandle, ExtractInvalid, Scope.Scope>
  } => ({ open: importExtractScoped })
}) {}

/**
 * The DuckDB implementation of `ClaimsExtracts` as a layer (the default, stated explicitly).
 *
 * @category layers
 */
export const DuckDbClaimsExtracts: Layer.Layer<ClaimsExtracts> = Layer.succeed(ClaimsExtracts, {
  open: importExtractScoped
})
