/**
 * Province extracts prepared for partitioned runs (`docs/screening-scale.md`, "Data placement"). The
 * extract is read once, as the importer reads it, and written again as Parquet split by person and by
 * institution — `<out>/person/feedetail/person_part=17/data_0.parquet` — so that a worker reads its
 * partition from shared storage instead of the whole province. Rows are placed with the runner's own
 * partition expression (`partitionOf`), so partition p of the copy holds exactly the records that the
 * runner's partition p selects; tables without the key are written whole, once, under `<out>/whole`.
 * `partitions.json` names what was written (count, keys, tables, the files and rows of every
 * partition) and is written last: a directory without it is not a finished copy.
 *
 * A worker opens one partition as an extract directory (`openPreparedPartition`) or runs it
 * (`runPreparedPartition`). Only rules whose inputs are partitioned by the copy's key can run on a
 * partition (`preparedPartitionRules`); every other rule needs all the data.
 *
 * @since 0.1.0
 */
import { type DuckDBConnection, DuckDBInstance, version as duckdbVersion } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import { createHash } from "node:crypto"
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { tmpdir } from "node:os"
import { join, relative, resolve, sep } from "node:path"
import { ClaimsExtracts, type ExtractHandle, type ImportOptions, scratchDuckDb } from "./Extract.js"
import type { ExtractInvalid } from "./ExtractProblem.js"
import { asNumber, asString, ident, literal, query } from "./internal/Duck.js"
import { Manifest, manifestFile } from "./Manifest.js"
import { keyedTables, type Partition, partitionKeyColumn, partitionOf } from "./Partition.js"
import { preparedRelations } from "./Prepared.js"
import type { PartitionKey, Rule } from "./Rule.js"
import { ruleLibrary } from "./RuleLibrary.js"
import { runScreening, type ScreeningOptions } from "./Runner.js"
import { isTableName, type TableName, tableSpec } from "./Tables.js"

/**
 * Preparing a partitioned copy, or opening one, failed. `subject` is the option (`count`, `by`,
 * `index`, `rules`), the table or the file at fault; `reason` says what is wrong, in Chinese, for the
 * operator who runs the preparation or the workers.
 *
 * @category errors
 */
export class ProvincePartitionsError extends Schema.TaggedError<ProvincePartitionsError>()("ProvincePartitionsError", {
  subject: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `分区副本：${this.subject}：${this.reason}`
  }
}

const fail = (subject: string, reason: string) => new ProvincePartitionsError({ subject, reason })

const keyNames: Record<PartitionKey, string> = { person: "人员", institution: "机构" }

/** The file naming what a prepared copy holds, in the copy's directory. */
export const partitionsManifestFile = "partitions.json"

const Rows = Schema.Int.pipe(Schema.nonNegative())
const TableKey = Schema.String.pipe(Schema.filter((s) => isTableName(s) || "不是提取格式的表名"))

/** One table split by one key: by partition number, its rows and its files (relative to the copy). */
const SplitTable = Schema.Struct({
  rows: Schema.Array(Rows),
  files: Schema.Array(Schema.Array(Schema.String).pipe(Schema.minItems(1, { message: () => "每个分区至少一个文件" })))
})

type SplitTable = typeof SplitTable.Type

const SplitTables = Schema.Record({ key: TableKey, value: SplitTable })

/**
 * `partitions.json`: what a prepared copy holds, so that a worker can check what it reads.
 *
 * - `count` partitions for each key of `by`; `duckdb` the DuckDB version that placed the rows (its
 *   `hash` decides the partition, and may change between versions).
 * - `extract` the extract's manifest as every partition gets it, with the whole extract's period.
 * - `tables` the rows of each table of the extract; `whole` the tables written whole, with their
 *   file and rows; `partitions.<key>.<table>` the rows and files of each partition.
 *
 * @category models
 */
export const PartitionsManifest = Schema.Struct({
  format: Schema.Literal("fundguard-partitions/1"),
  count: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  by: Schema.Array(Schema.Literal("person", "institution")),
  duckdb: Schema.String,
  extract: Manifest,
  tables: Schema.Record({ key: TableKey, value: Rows }),
  whole: Schema.Record({ key: TableKey, value: Schema.Struct({ file: Schema.String, rows: Rows }) }),
  partitions: Schema.Struct({ person: Schema.optional(SplitTables), institution: Schema.optional(SplitTables) }),
  /**
   * The extract's files it was made from (table files and `manifest.json`): name → bytes and a digest of their
   * first and last MiB, to tell at start a copy of another extract, or of this one since changed.
   */
  source: Schema.optional(
    Schema.Record({ key: Schema.String, value: Schema.Struct({ bytes: Rows, sample: Schema.String }) })
  ),
  /**
   * For a copy combined from copies prepared apart (`combinePreparedPartitions`, e.g. one per county): those
   * copies' directories, relative to this one, whose partition files it names. Such a copy has no one extract
   * behind it (no `source`).
   */
  combinedFrom: Schema.optional(Schema.Array(Schema.String))
})
  .pipe(
    Schema.filter((m) => {
      for (const by of m.by) {
        const split = m.partitions[by]
        if (split === undefined) return { path: ["partitions", by], message: "缺少这个分区键的分区" }
        for (const [table, rows] of Object.entries(m.tables)) {
          const s = split[table]
          if (s === undefined) {
            if (m.whole[table]?.rows !== rows) return { path: ["whole", table], message: `应有整表文件，共 ${rows} 行` }
            continue
          }
          if (s.rows.length !== m.count || s.files.length !== m.count)
            return { path: ["partitions", by, table], message: `应有 ${m.count} 个分区` }
          const sum = s.rows.reduce((a, b) => a + b, 0)
          if (sum !== rows)
            return { path: ["partitions", by, table], message: `各分区共 ${sum} 行，而整表有 ${rows} 行` }
        }
      }
      return true
    })
  )
  .annotations({ identifier: "PartitionsManifest" })
/** @category models */
export type PartitionsManifest = typeof PartitionsManifest.Type

/**
 * Options of `prepareProvincePartitions`.
 *
 * @category models
 */
export interface PrepareOptions {
  /** Partitions per key, at least 1: the `count` of the runs that will read the copy. */
  readonly count: number
  /** Keys to split by; both when absent (a province run is a person job and an institution job). */
  readonly by?: ReadonlyArray<PartitionKey>
  /** How to import the extract when it is given as a directory. */
  readonly importOptions?: ImportOptions
}

/**
 * A prepared copy: its directory, what `partitions.json` says of it, and how long writing it took.
 *
 * @category models
 */
export interface PreparedCopy {
  readonly dir: string
  readonly manifest: PartitionsManifest
  readonly durationMs: number
}

const keys: ReadonlyArray<PartitionKey> = ["person", "institution"]

const checkOptions = (options: PrepareOptions): ProvincePartitionsError | null => {
  if (!Number.isInteger(options.count) || options.count < 1)
    return fail("count", `分区数必须是不小于 1 的整数，收到 ${JSON.stringify(options.count)}`)
  const by = options.by ?? keys
  const unknown = by.filter((k) => !keys.includes(k))
  if (unknown.length > 0)
    return fail("by", `分区键只能是 "person"（人员）或 "institution"（机构），收到 ${JSON.stringify(unknown)}`)
  if (by.length === 0 || new Set(by).size !== by.length)
    return fail("by", `至少一个分区键且不能重复，收到 ${JSON.stringify(by)}`)
  return null
}

/** A directory the copy may be written to: absent or empty, so that no older copy is mixed in. */
const checkOut = (out: string): ProvincePartitionsError | null => {
  if (!existsSync(out)) return null
  if (!statSync(out).isDirectory()) return fail(out, "输出位置已存在且不是目录")
  if (readdirSync(out).length > 0) return fail(out, "输出目录不为空；请换一个目录或先清空，以免混入旧的分区副本")
  return null
}

const checkExtractDir = (dir: string): ProvincePartitionsError | null => {
  if (!existsSync(dir)) return fail(dir, "提取目录不存在")
  if (!statSync(dir).isDirectory()) return fail(dir, "提取路径不是目录")
  return null
}

// zstd: the copy is read from shared storage by every worker, so its size is the I/O of a run (44 MB
// against Snappy's 70 MB for both keys of the 1-million-line synthetic extract).
const parquet = "FORMAT parquet, COMPRESSION zstd"

/** Runs a `COPY … (RETURN_STATS)` and returns the files written, relative to `out`, with their rows. */
const copy = (connection: DuckDBConnection, out: string, sql: string, target: string) =>
  query(connection, sql).pipe(
    Effect.map((rows) =>
      rows.map((r) => ({
        file: relative(out, asString(r.filename) ?? "")
          .split(sep)
          .join("/"),
        rows: asNumber(r.count)
      }))
    ),
    Effect.mapError((e) => fail(target, `写入失败：${e.message.split("\n")[0] ?? e.message}`))
  )

const mkdir = (dir: string) =>
  Effect.try({
    try: () => mkdirSync(dir, { recursive: true }),
    catch: (e) => fail(dir, `无法创建目录（${String(e)}）`)
  })

/** The extract's period as the runner derives it (`fg_period`): the manifest's, else the span of the data. */
const wholePeriod = (handle: ExtractHandle) =>
  Effect.gen(function* () {
    const period = preparedRelations(handle.manifest).find((r) => r.name === "fg_period")!
    const [row] = yield* query(
      handle.connection,
      `SELECT CAST(from_date AS VARCHAR) AS from_date, CAST(to_date AS VARCHAR) AS to_date FROM (${period.sql})`
    ).pipe(Effect.orDie)
    const from = asString(row?.from_date)
    const to = asString(row?.to_date)
    return from === null || to === null ? null : { from, to }
  })

/** Splits one table by one key; every partition gets a file, an empty one when no row hashes to it. */
const splitTable = (handle: ExtractHandle, out: string, by: PartitionKey, table: TableName, count: number) =>
  Effect.gen(function* () {
    const column = `${by}_part`
    const target = join(out, by, table)
    // The runner's own expression, on the column as imported: a row without a key (a sale without a
    // person) lands where the runner's views look for it too, since `hash(NULL)` is one fixed value.
    const written = yield* copy(
      handle.connection,
      out,
      `COPY (SELECT *, ${partitionOf(ident(partitionKeyColumn[by]), count)} AS ${ident(column)}
             FROM main.${ident(table)})
       TO ${literal(target)} (${parquet}, PARTITION_BY (${ident(column)}), RETURN_STATS)`,
      target
    )
    const rows: Array<number> = Array.from({ length: count }, () => 0)
    const files: Array<Array<string>> = Array.from({ length: count }, () => [])
    const pattern = new RegExp(`/${column}=(\\d+)/`)
    for (const w of written) {
      const part = Number(pattern.exec(w.file)?.[1] ?? Number.NaN)
      if (!(part >= 0 && part < count)) return yield* fail(w.file, `无法从文件路径读出分区号`)
      rows[part]! += w.rows
      files[part]!.push(w.file)
    }
    // A worker whose partition has no row of a table must still find the table (empty): a missing
    // file would read as a table the extract does not have, and rules needing it would be skipped.
    for (const [part, partFiles] of files.entries()) {
      if (partFiles.length > 0) continue
      const dir = join(target, `${column}=${part}`)
      yield* mkdir(dir)
      const [empty] = yield* copy(
        handle.connection,
        out,
        `COPY (SELECT * FROM main.${ident(table)} LIMIT 0) TO ${literal(join(dir, "data_0.parquet"))}
         (${parquet}, RETURN_STATS)`,
        dir
      )
      partFiles.push(empty!.file)
    }
    for (const f of files) f.sort()
    return { rows, files }
  })

const writeManifest = (out: string, manifest: PartitionsManifest) =>
  Effect.try({
    try: () => {
      const file = join(out, partitionsManifestFile)
      writeFileSync(`${file}.tmp`, `${JSON.stringify(Schema.encodeSync(PartitionsManifest)(manifest), null, 2)}\n`)
      renameSync(`${file}.tmp`, file)
    },
    catch: (e) => fail(join(out, partitionsManifestFile), `无法写入（${String(e)}）`)
  })

const prepareFrom = (handle: ExtractHandle, out: string, count: number, by: ReadonlyArray<PartitionKey>) =>
  Effect.gen(function* () {
    const started = performance.now()
    const period = yield* wholePeriod(handle)
    yield* mkdir(out)
    const tables: Record<string, number> = {}
    for (const t of handle.tables) tables[t] = handle.rowCounts[t] ?? 0
    // A table without one of the keys is read whole by that key's partitions: written once, shared.
    const whole: Record<string, { file: string; rows: number }> = {}
    const wholeTables = handle.tables.filter((t) => by.some((k) => keyedTables(k, [t]).length === 0))
    if (wholeTables.length > 0) yield* mkdir(join(out, "whole"))
    for (const t of wholeTables) {
      const target = join(out, "whole", `${t}.parquet`)
      const [written] = yield* copy(
        handle.connection,
        out,
        `COPY (SELECT * FROM main.${ident(t)}) TO ${literal(target)} (${parquet}, RETURN_STATS)`,
        target
      )
      whole[t] = written!
    }
    const partitions: Partial<Record<PartitionKey, Record<string, SplitTable>>> = {}
    for (const k of by) {
      yield* mkdir(join(out, k))
      const split: Record<string, SplitTable> = {}
      for (const t of keyedTables(k, handle.tables)) split[t] = yield* splitTable(handle, out, k, t, count)
      partitions[k] = split
    }
    const extract = Schema.decodeUnknownSync(Manifest)({
      format: "claims-extract/1",
      ...(handle.manifest?.admdvs === undefined ? {} : { admdvs: handle.manifest.admdvs }),
      ...(period === null ? {} : { period })
    })
    // Decoding checks what was written: every row in exactly one partition, every table accounted for.
    const manifest = yield* Schema.decodeUnknown(PartitionsManifest)({
      format: "fundguard-partitions/1",
      count,
      by,
      duckdb: duckdbVersion(),
      extract: Schema.encodeSync(Manifest)(extract),
      tables,
      whole,
      partitions,
      source: yield* Effect.try({
        try: () =>
          Object.fromEntries(extractFiles(handle.dir).map((file) => [file, fingerprint(join(handle.dir, file))])),
        catch: (e) => fail(handle.dir, `读取提取文件失败：${e instanceof Error ? e.message : String(e)}`)
      })
    }).pipe(Effect.mapError((e) => fail(join(out, partitionsManifestFile), issuesText(e))))
    yield* writeManifest(out, manifest)
    return { dir: out, manifest, durationMs: Math.round(performance.now() - started) } satisfies PreparedCopy
  })

const issuesText = (error: ParseResult.ParseError): string =>
  ParseResult.ArrayFormatter.formatErrorSync(error)
    .map((i) => `${i.path.length === 0 ? "" : `${i.path.join(".")}: `}${i.message}`)
    .join("；")

/**
 * Writes a partitioned Parquet copy of an extract (a directory, imported and checked as the runner
 * imports it, or an open handle) into `out`, which must be absent or empty: for each key of `by`, every
 * table with the key's column split into `count` partitions (`<out>/<key>/<table>/<key>_part=<p>/`),
 * the other tables whole under `<out>/whole/`, and `partitions.json` last. Fails with
 * `ProvincePartitionsError` on bad options or an unwritable `out`, with `ExtractInvalid` when the
 * extract does not import.
 *
 * @category constructors
 */
export const prepareProvincePartitions = Effect.fn("ProvincePartitions.prepare")(function* (
  extract: ExtractHandle | string,
  out: string,
  options: PrepareOptions
) {
  const bad =
    checkOptions(options) ?? checkOut(resolve(out)) ?? (typeof extract === "string" ? checkExtractDir(extract) : null)
  if (bad !== null) return yield* bad
  const by = options.by ?? keys
  if (typeof extract !== "string") return yield* prepareFrom(extract, resolve(out), options.count, by)
  const extracts = yield* ClaimsExtracts
  return yield* Effect.scoped(
    Effect.flatMap(extracts.open(extract, options.importOptions), (handle) =>
      prepareFrom(handle, resolve(out), options.count, by)
    )
  )
})

/**
 * Combines copies prepared apart — one per county, say, each by `prepareProvincePartitions` with the same count and
 * keys, on as many machines — into one copy in `out` (absent or empty), as if the counties' extracts had been
 * prepared together: its `partitions.json` names each county copy's partition files where they are (not copied).
 * The tables a key's partitions read whole are written again, once, from every copy's; so are the split tables
 * without an institution (persons, deaths). A record that names no institution (a person, a death, the catalogue)
 * may be in several counties' extracts: kept as many times as the copy that has it most often, and two copies giving
 * one key different contents fail, naming the table and key. The period is the span of the copies'. Fails with `ProvincePartitionsError` when the copies do not fit
 * together (count, keys, DuckDB version).
 *
 * @category constructors
 */
export const combinePreparedPartitions = Effect.fn("ProvincePartitions.combine")(function* (
  out: string,
  from: ReadonlyArray<string>
) {
  const started = performance.now()
  const root = resolve(out)
  const bad = checkOut(root)
  if (bad !== null) return yield* bad
  if (from.length === 0) return yield* fail("from", "至少给出一份分区副本")
  const copies: Array<{ readonly dir: string; readonly manifest: PartitionsManifest }> = []
  for (const dir of from) copies.push({ dir: resolve(dir), manifest: yield* readPartitionsManifest(dir) })
  const first = copies[0]!.manifest
  for (const { dir, manifest } of copies) {
    if (manifest.count !== first.count)
      return yield* fail(dir, `分为 ${manifest.count} 份，而 ${from[0]} 分为 ${first.count} 份：须按同样的份数准备`)
    if ([...manifest.by].sort().join() !== [...first.by].sort().join())
      return yield* fail(dir, `按 ${manifest.by.join("、")} 分区，而 ${from[0]} 按 ${first.by.join("、")}`)
    if (manifest.duckdb !== first.duckdb)
      return yield* fail(dir, `由 DuckDB ${manifest.duckdb} 准备，而 ${from[0]} 由 ${first.duckdb}：分区号可能不同`)
  }
  if (new Set(copies.map((c) => c.dir)).size !== copies.length) return yield* fail("from", "同一份副本给了两次")
  // Within a memory limit, spilling beyond it (the persons of a province are grouped); order is not kept.
  const { connection } = yield* scratchDuckDb({ preserve_insertion_order: "false" })
  const problem = yield* copiesProblem(connection, copies)
  if (problem !== null) return yield* problem
  // Nothing half written: a combination that fails leaves `out` as it found it.
  const existed = existsSync(root)
  yield* mkdir(root)
  return yield* combineInto(root, copies, connection).pipe(
    Effect.tapError(() =>
      Effect.sync(() =>
        existed
          ? readdirSync(root).forEach((f) => rmSync(join(root, f), { recursive: true, force: true }))
          : rmSync(root, { recursive: true, force: true })
      )
    ),
    Effect.map(
      (manifest) =>
        ({ dir: root, manifest, durationMs: Math.round(performance.now() - started) }) satisfies PreparedCopy
    )
  )
}, Effect.scoped)

/** Every file of `table` in a copy: its whole file, or the files of every partition of one key. */
const tableFiles = (copy: { readonly dir: string; readonly manifest: PartitionsManifest }, table: string) => {
  const whole = copy.manifest.whole[table]
  const split = keys.map((k) => copy.manifest.partitions[k]?.[table]).find((t) => t !== undefined)
  return (whole !== undefined ? [whole.file] : (split?.files.flat() ?? [])).map((f) => resolve(copy.dir, f))
}

/**
 * What keeps copies from being combined, beyond their split: a table whose columns differ between copies (a worker
 * joins a partition's files of every copy as one table), or an institution with records in two copies (its
 * records, kept as they are, would be there twice — copies must be cut by institution, as counties' extracts by
 * where care was given are).
 */
const copiesProblem = (
  connection: DuckDBConnection,
  copies: ReadonlyArray<{ readonly dir: string; readonly manifest: PartitionsManifest }>
) =>
  Effect.gen(function* () {
    const reading = (subject: string) => (e: { readonly message: string }) =>
      fail(subject, `读取失败：${e.message.split("\n")[0] ?? e.message}`)
    const tables = [...new Set(copies.flatMap((c) => Object.keys(c.manifest.tables)))].sort()
    for (const table of tables) {
      let columns: { readonly copy: string; readonly text: string } | null = null
      for (const copy of copies) {
        const [file] = tableFiles(copy, table)
        if (file === undefined) continue
        const described = yield* query(connection, `DESCRIBE SELECT * FROM read_parquet(${literal(file)})`).pipe(
          Effect.mapError(reading(file))
        )
        const text = described.map((r) => `${asString(r.column_name)} ${asString(r.column_type)}`).join(", ")
        if (columns === null) columns = { copy: copy.dir, text }
        else if (columns.text !== text)
          return fail(table, `${copy.dir} 的列（${text}）与 ${columns.copy} 的（${columns.text}）不同，不能合并`)
      }
    }
    const withInstitution = tables.filter((t) => isTableName(t) && keyedTables("institution", [t]).length > 0)
    const perCopy = copies.flatMap((copy, index) => {
      const files = withInstitution.flatMap((t) => tableFiles(copy, t))
      return files.length === 0
        ? []
        : [
            `SELECT DISTINCT fixmedins_code, ${index} AS copy
             FROM read_parquet([${files.map(literal).join(", ")}], union_by_name = true)`
          ]
    })
    if (perCopy.length < 2) return null
    const [twice] = yield* query(
      connection,
      `SELECT fixmedins_code, list(DISTINCT copy ORDER BY copy) AS copies FROM (${perCopy.join(" UNION ALL ")})
       GROUP BY fixmedins_code HAVING count(DISTINCT copy) > 1 ORDER BY fixmedins_code LIMIT 1`
    ).pipe(Effect.mapError(reading("fixmedins_code")))
    if (twice === undefined) return null
    const which = (twice.copies as ReadonlyArray<number>).map((i) => copies[Number(i)]!.dir)
    return fail(
      "from",
      `机构 ${asString(twice.fixmedins_code)} 的记录同时在 ${which.join("、")} 中：各份副本（如各县）须按机构分开`
    )
  })

/** Writes the combined copy of `copies` (checked to fit together) into `root`; returns its `partitions.json`. */
const combineInto = (
  root: string,
  copies: ReadonlyArray<{ readonly dir: string; readonly manifest: PartitionsManifest }>,
  connection: DuckDBConnection
) =>
  Effect.gen(function* () {
    const first = copies[0]!.manifest
    const at = (copy: { readonly dir: string }, file: string) => resolve(copy.dir, file)
    const toOut = (path: string) => relative(root, path).split(sep).join("/")
    const tables: Record<string, number> = {}
    const whole: Record<string, { file: string; rows: number }> = {}
    for (const table of [...new Set(copies.flatMap((c) => Object.keys(c.manifest.whole)))].sort()) {
      const sources = copies.flatMap((c) => {
        const w = c.manifest.whole[table]
        return w === undefined ? [] : [[at(c, w.file)]]
      })
      const target = join(root, "whole", `${table}.parquet`)
      yield* mkdir(join(root, "whole"))
      const rows = yield* writeUnion(connection, table as TableName, sources, target)
      whole[table] = { file: toOut(target), rows }
      tables[table] = rows
    }
    const partitions: Partial<Record<PartitionKey, Record<string, SplitTable>>> = {}
    for (const by of first.by) {
      const split: Record<string, SplitTable> = {}
      for (const table of [...new Set(copies.flatMap((c) => Object.keys(c.manifest.partitions[by] ?? {})))].sort()) {
        const having = copies.filter((c) => c.manifest.partitions[by]?.[table] !== undefined)
        const shared = !ofOneInstitution(table as TableName)
        const rows: Array<number> = []
        const files: Array<Array<string>> = []
        for (let index = 0; index < first.count; index++) {
          const parts = having.map((c) => c.manifest.partitions[by]![table]!.files[index]!.map((f) => at(c, f)))
          if (!shared) {
            // A record with an institution is in its county's extract only: the copies' files, as they are.
            files.push(parts.flat().map(toOut))
            rows.push(having.reduce((sum, c) => sum + c.manifest.partitions[by]![table]!.rows[index]!, 0))
            continue
          }
          const target = join(root, by, table, `${by}_part=${index}`, "data_0.parquet")
          yield* mkdir(join(root, by, table, `${by}_part=${index}`))
          rows.push(yield* writeUnion(connection, table as TableName, parts, target))
          files.push([toOut(target)])
        }
        split[table] = { rows, files }
        const total = rows.reduce((a, b) => a + b, 0)
        if (tables[table] !== undefined && tables[table] !== total)
          return yield* fail(table, `整表 ${tables[table]} 行，而按${keyNames[by]}分区共 ${total} 行`)
        tables[table] = total
      }
      partitions[by] = split
    }
    // The span of the copies' periods (a county without dated rows has none).
    const defined = copies.flatMap((c) => (c.manifest.extract.period === undefined ? [] : [c.manifest.extract.period]))
    const admdvs = [...new Set(copies.map((c) => c.manifest.extract.admdvs ?? ""))]
    const province = [...new Set(admdvs.map((a) => a.slice(0, 2)))]
    const manifest = yield* Schema.decodeUnknown(PartitionsManifest)({
      format: "fundguard-partitions/1",
      count: first.count,
      by: first.by,
      duckdb: first.duckdb,
      extract: {
        format: "claims-extract/1",
        // One county's code when all are of one; else their province's, when they share one.
        ...(admdvs.length === 1 && admdvs[0] !== ""
          ? { admdvs: admdvs[0] }
          : province.length === 1 && province[0]!.length === 2
            ? { admdvs: `${province[0]}0000` }
            : {}),
        ...(defined.length > 0
          ? {
              period: {
                from: defined.map((p) => p.from).sort()[0],
                to: defined
                  .map((p) => p.to)
                  .sort()
                  .at(-1)
              }
            }
          : {})
      },
      tables,
      whole,
      partitions,
      combinedFrom: copies.map((c) => toOut(c.dir))
    }).pipe(Effect.mapError((e) => fail(join(root, partitionsManifestFile), issuesText(e))))
    yield* writeManifest(root, manifest)
    return manifest
  })

/**
 * Whether each record of a table belongs to one institution (it names one, or a visit), so to one county's copy;
 * the others (persons, deaths, the catalogue) may be in several counties' extracts.
 */
const ofOneInstitution = (table: TableName): boolean =>
  tableSpec(table).columns.some((c) => c.name === "fixmedins_code" || c.name === "mdtrt_id")

/**
 * Writes to `target` the rows of a table found in several copies (`sources`: each copy's files): a row the copies
 * share once, as many times as the copy with most of it has it (a copy's own repeated rows stay). Fails naming the
 * table and key when two copies give one primary key different contents. Returns the rows written.
 */
const writeUnion = (
  connection: DuckDBConnection,
  table: TableName,
  sources: ReadonlyArray<ReadonlyArray<string>>,
  target: string
) =>
  Effect.gen(function* () {
    const union = sources
      .map(
        (files, copy) =>
          `SELECT *, ${copy} AS __copy FROM read_parquet([${files.map(literal).join(", ")}], hive_partitioning = false)`
      )
      .join(" UNION ALL BY NAME ")
    // A table of one institution's records: each record is in one copy (no institution is in two), so the copies'
    // rows as they are — one pass, no grouping of a province's scans or diagnoses.
    if (ofOneInstitution(table)) {
      const written = yield* query(
        connection,
        `COPY (SELECT * EXCLUDE (__copy) FROM (${union})) TO ${literal(target)} (${parquet}, RETURN_STATS)`
      ).pipe(Effect.mapError((e) => fail(table, `合并失败：${e.message.split("\n")[0] ?? e.message}`)))
      return written.reduce((sum, r) => sum + asNumber(r.count), 0)
    }
    const rows = yield* query(
      connection,
      `COPY (
         WITH per_copy AS (SELECT *, count(*) AS __n FROM (${union}) GROUP BY ALL),
              most AS (SELECT COLUMNS(* EXCLUDE (__n, __copy)), max(__n) AS __m FROM per_copy GROUP BY ALL)
         SELECT * EXCLUDE (__m, __i) FROM (SELECT *, unnest(range(__m)) AS __i FROM most)
       ) TO ${literal(target)} (${parquet}, RETURN_STATS)`
    ).pipe(Effect.mapError((e) => fail(table, `合并失败：${e.message.split("\n")[0] ?? e.message}`)))
    const key = tableSpec(table).primaryKey
    if (key.length > 0) {
      const [clash] = yield* query(
        connection,
        `SELECT ${key.map((k) => `CAST(${ident(k)} AS VARCHAR) AS ${ident(k)}`).join(", ")}
         FROM read_parquet(${literal(target)}) GROUP BY ALL HAVING count(*) > 1 LIMIT 1`
      ).pipe(Effect.mapError((e) => fail(table, `合并失败：${e.message.split("\n")[0] ?? e.message}`)))
      if (clash !== undefined)
        return yield* fail(
          table,
          `${key.map((k) => `${k}=${asString(clash[k]) ?? "NULL"}`).join("，")} 在两份副本中内容不同，不能合并`
        )
    }
    return rows.reduce((sum, r) => sum + asNumber(r.count), 0)
  })

/** The files of an extract a run reads: its table files (`<table>.csv|jsonl|parquet`) and `manifest.json`. */
const extractFiles = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir)
    .filter(
      (f) => f === manifestFile || (/^(.+)\.(csv|jsonl|parquet)$/.test(f) && isTableName(f.replace(/\.[^.]+$/, "")))
    )
    .sort()

const sampleBytes = 1 << 20

/** A file's size and a SHA-256 of its first and last MiB: cheap on a province's files, and any re-export shows. */
const fingerprint = (path: string): { readonly bytes: number; readonly sample: string } => {
  const bytes = statSync(path).size
  const hash = createHash("sha256")
  const fd = openSync(path, "r")
  try {
    const read = (position: number, length: number) => {
      const buffer = Buffer.alloc(length)
      const n = readSync(fd, buffer, 0, length, position)
      hash.update(buffer.subarray(0, n))
    }
    read(0, Math.min(sampleBytes, bytes))
    if (bytes > sampleBytes)
      read(Math.max(sampleBytes, bytes - sampleBytes), Math.min(sampleBytes, bytes - sampleBytes))
  } finally {
    closeSync(fd)
  }
  return { bytes, sample: hash.digest("hex") }
}

/**
 * Whether a prepared copy was made from the extract in `extractDir` as it is now: the same table files and
 * `manifest.json`, each of the same size and the same first and last MiB. Returns the first difference, in
 * Chinese, or null. A copy prepared before the files were recorded cannot be checked and passes.
 *
 * @category rules
 */
export const preparedFromOtherExtract = (manifest: PartitionsManifest, extractDir: string): string | null => {
  const source = manifest.source
  if (source === undefined) return null
  const dir = resolve(extractDir)
  const present = extractFiles(dir)
  const added = present.find((f) => source[f] === undefined)
  if (added !== undefined) return `${extractDir} 中的 ${added} 在生成分区副本时没有：不是同一份提取`
  for (const [file, recorded] of Object.entries(source)) {
    if (!present.includes(file)) return `分区副本由含有 ${file} 的提取生成，而 ${extractDir} 中没有这个文件`
    const now = fingerprint(join(dir, file))
    if (now.bytes !== recorded.bytes)
      return `分区副本生成时 ${file} 为 ${recorded.bytes} 字节，而 ${extractDir} 中的为 ${now.bytes} 字节：不是同一份提取`
    if (now.sample !== recorded.sample) return `${extractDir} 中的 ${file} 在生成分区副本后改动过：不是同一份提取`
  }
  return null
}

/**
 * Reads and checks `partitions.json` of a prepared copy.
 *
 * @category constructors
 */
export const readPartitionsManifest = (dir: string): Effect.Effect<PartitionsManifest, ProvincePartitionsError> => {
  const file = join(resolve(dir), partitionsManifestFile)
  return Effect.gen(function* () {
    if (!existsSync(file))
      return yield* fail(file, "不存在：这不是一份完成的分区副本（先用 prepareProvincePartitions 准备）")
    const json = yield* Effect.try({
      try: () => JSON.parse(readFileSync(file, "utf8")) as unknown,
      catch: (e) => fail(file, `不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`)
    })
    return yield* Schema.decodeUnknown(PartitionsManifest, { errors: "all" })(json).pipe(
      Effect.mapError((e) => fail(file, issuesText(e)))
    )
  })
}

/**
 * One partition of a prepared copy, opened as an extract directory that `runScreening` (or the
 * importer) takes: the partition's files and the whole tables, linked (a partition written as several
 * files is first joined into one local file), and the extract's manifest with the whole extract's
 * period — so rules that read the period see the same one as an unpartitioned run.
 *
 * @category models
 */
export interface PreparedPartition {
  readonly dir: string
  /** The partition to run (`runScreening`'s `partition`). */
  readonly partition: Partition
  /** Rows of each table as `partitions.json` records them: what importing `dir` must find. */
  readonly rowCounts: Readonly<Partial<Record<TableName, number>>>
}

/** A scratch DuckDB database, closed with the scope. */
const openDuck = Effect.acquireRelease(
  Effect.promise(async () => {
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" })
    return { instance, connection: await instance.connect() }
  }),
  ({ instance, connection }) =>
    Effect.sync(() => {
      connection.closeSync()
      instance.closeSync()
    })
)

/**
 * Opens partition `index` of the copy split `by` in `dir` as an extract directory, removed when the
 * scope closes. Fails with `ProvincePartitionsError` naming the file or option when the copy is not
 * finished or not consistent, a file is missing, the copy was placed by another DuckDB version, or
 * `by` or `index` does not fit the copy.
 *
 * @category constructors
 */
export const openPreparedPartition = (
  dir: string,
  target: { readonly by: PartitionKey; readonly index: number }
): Effect.Effect<PreparedPartition, ProvincePartitionsError, Scope.Scope> =>
  Effect.gen(function* () {
    const root = resolve(dir)
    const manifest = yield* readPartitionsManifest(root)
    const { by, index } = target
    const split = manifest.partitions[by]
    if (split === undefined || !manifest.by.includes(by))
      return yield* fail(
        "by",
        `这份副本没有按 ${JSON.stringify(by)} 分区，只有 ${manifest.by.map((b) => JSON.stringify(b)).join("、")}`
      )
    if (!Number.isInteger(index) || index < 0 || index >= manifest.count)
      return yield* fail("index", `分区序号必须是 0 到 ${manifest.count - 1} 的整数，收到 ${JSON.stringify(index)}`)
    // The partition of a row is DuckDB's hash of its key; another version may hash differently and the
    // runner's partition views would then drop rows of this partition.
    if (manifest.duckdb !== duckdbVersion())
      return yield* fail(
        "duckdb",
        `副本由 DuckDB ${manifest.duckdb} 准备，本机是 ${duckdbVersion()}；分区号可能不同，请统一版本`
      )
    const local = yield* Effect.acquireRelease(
      Effect.sync(() => mkdtempSync(join(tmpdir(), "fundguard-partition-"))),
      (d) => Effect.sync(() => rmSync(d, { recursive: true, force: true }))
    )
    const rowCounts: Partial<Record<TableName, number>> = {}
    let scratch: DuckDBConnection | null = null
    for (const [table, wholeRows] of Object.entries(manifest.tables)) {
      const s = split[table]
      const files = (s === undefined ? [manifest.whole[table]!.file] : s.files[index]!).map((f) => resolve(root, f))
      rowCounts[table as TableName] = s === undefined ? wholeRows : s.rows[index]!
      const missing = files.find((f) => !existsSync(f))
      if (missing !== undefined) return yield* fail(missing, "文件不存在：分区副本不完整")
      const into = join(local, `${table}.parquet`)
      if (files.length === 1) {
        yield* Effect.try({
          try: () => symlinkSync(files[0]!, into),
          catch: (e) => fail(into, `无法链接（${String(e)}）`)
        })
        continue
      }
      // The importer reads one file per table; DuckDB writes several per partition when it had more
      // partitions open than `partitioned_write_max_open_files`. Not as a hive dataset: the paths'
      // `<key>_part=<p>` would come back as a column.
      scratch ??= (yield* openDuck).connection
      yield* query(
        scratch,
        `COPY (SELECT * FROM read_parquet([${files.map(literal).join(", ")}], hive_partitioning = false)) TO ${literal(into)} (${parquet})`
      ).pipe(Effect.mapError((e) => fail(files[0]!, `无法合并分区文件：${e.message.split("\n")[0] ?? e.message}`)))
    }
    yield* Effect.try({
      try: () =>
        writeFileSync(
          join(local, manifestFile),
          `${JSON.stringify(Schema.encodeSync(Manifest)(manifest.extract), null, 2)}\n`
        ),
      catch: (e) => fail(join(local, manifestFile), `无法写入（${String(e)}）`)
    })
    return { dir: local, partition: { by, index, count: manifest.count }, rowCounts }
  })

/**
 * Codes of the rules of `library` that can run on a partition of a copy split `by`: those whose inputs
 * are partitioned by that key (`Rule.partitionInputs`). A rule that needs other partitions' records
 * (output partitioning) must run on the whole extract instead.
 *
 * @category rules
 */
export const preparedPartitionRules = (
  by: PartitionKey,
  library: ReadonlyArray<Rule> = ruleLibrary
): ReadonlyArray<string> => library.filter((r) => r.partitionInputs.includes(by)).map((r) => r.code)

/**
 * The kinds of job of a partitioned run (`docs/screening-scale.md`): partitions by person, by institution, the
 * global rules once, and the staged rules' verdicts.
 *
 * @category models
 */
export type PartitionJobKind = "person" | "institution" | "global" | "staged"

/**
 * The rules a job of each kind runs: a rule that compares only one person's records splits by person; one that
 * compares only one institution's, by institution; the rest compare across both and run once, unpartitioned —
 * except, in a run with staged verdicts (`staged`), the staged rules (`RuleSpec.staged`), whose facts the
 * institution partitions write and whose leads the `staged` jobs give. Every rule of `library` is in exactly one
 * kind.
 *
 * @category rules
 */
export const rulesOfJob = (
  job: PartitionJobKind,
  library: ReadonlyArray<Rule> = ruleLibrary,
  staged = false
): ReadonlyArray<string> =>
  library
    .filter((rule) =>
      job === "person"
        ? rule.partitionInputs.includes("person")
        : job === "institution"
          ? !rule.partitionInputs.includes("person") && rule.partitionInputs.includes("institution")
          : job === "staged"
            ? staged && rule.staged
            : rule.partitionInputs.length === 0 && !(staged && rule.staged)
    )
    .map((rule) => rule.code)

/**
 * Options of `runPreparedPartition`: those of `runScreening` but the extract and partition, which are
 * the prepared copy's.
 *
 * @category models
 */
export interface PreparedRunOptions extends Omit<ScreeningOptions, "extract" | "partition"> {
  /** The prepared copy's directory (the one holding `partitions.json`). */
  readonly dir: string
  readonly by: PartitionKey
  readonly index: number
}

/**
 * Runs partition `index` of a prepared copy split `by`: the rules given (by default every rule the
 * partition can run, `preparedPartitionRules`) over that partition's files only. Its suspicions are
 * those of `runScreening` with the same `partition` on the whole extract. Before running it checks
 * that the import read the rows `partitions.json` records. Fails with `ProvincePartitionsError` when a
 * rule needs all the data or the copy is not as recorded, and as `runScreening` does otherwise.
 *
 * @category rules
 */
export const runPreparedPartition = Effect.fn("ProvincePartitions.run")(function* (options: PreparedRunOptions) {
  const { dir, by, index, ...run } = options
  const library = run.library ?? ruleLibrary
  const rules = run.rules ?? preparedPartitionRules(by, library)
  const unfit = rules.filter((code) => library.some((r) => r.code === code && !r.partitionInputs.includes(by)))
  if (unfit.length > 0)
    return yield* fail(
      "rules",
      `${unfit.join("、")} 需要全部数据（输入不按${keyNames[by]}分区），不能在按${keyNames[by]}分区的副本上运行`
    )
  return yield* Effect.scoped(
    Effect.flatMap(importPreparedPartition(dir, by, index, run.importOptions), ({ handle, partition }) =>
      runScreening({ ...run, extract: handle, partition, rules })
    )
  )
})

/**
 * Imports partition `index` of a prepared copy split `by`, checking that the import read the rows `partitions.json`
 * records; the handle is closed with the scope. For a worker that runs more than the rules on it (an institution
 * partition also writes the staged rules' facts, `writeStageFacts`).
 *
 * @category constructors
 */
export const importPreparedPartition = (
  dir: string,
  by: PartitionKey,
  index: number,
  importOptions?: ImportOptions
): Effect.Effect<
  { readonly handle: ExtractHandle; readonly partition: Partition },
  ProvincePartitionsError | ExtractInvalid,
  Scope.Scope
> =>
  Effect.gen(function* () {
    const extracts = yield* ClaimsExtracts
    const prepared = yield* openPreparedPartition(dir, { by, index })
    const handle = yield* extracts.open(prepared.dir, importOptions)
    for (const [table, rows] of Object.entries(prepared.rowCounts)) {
      const read = handle.rowCounts[table as TableName] ?? 0
      if (read !== rows)
        return yield* fail(table, `分区 ${index} 读到 ${read} 行，而 ${partitionsManifestFile} 记录 ${rows} 行`)
    }
    return { handle, partition: prepared.partition }
  })
