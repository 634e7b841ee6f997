/**
 * The preparation step of a province run: a partitioned Parquet copy whose partition p holds exactly
 * the records of the runner's partition p, so that running a prepared partition gives the suspicions
 * of the runner's own partition on the whole extract.
 */
import { type Suspicion, suspicionKey } from "@fundguard/domain/screening"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { afterAll } from "vitest"
import { DuckDBInstance } from "@duckdb/node-api"
import { writeSyntheticExtract } from "../scripts/synth-extract.js"
import {
  combinePreparedPartitions,
  demoExtractDir,
  type ExtractHandle,
  importExtractScoped,
  importPreparedPartition,
  openPreparedPartition,
  partitionKeyColumn,
  partitionOf,
  partitionsManifestFile,
  partitionViews,
  type PreparedCopy,
  preparedFromOtherExtract,
  preparedPartitionRules,
  prepareProvincePartitions,
  readPartitionsManifest,
  ruleLibrary,
  rulesOfJob,
  runPreparedPartition,
  runScreening,
  runStageVerdict,
  writeStageFacts
} from "../src/index.js"
import { AMOXICILLIN, baseTables, cleanupDirs, INFUSION, line, writeCsvExtract, writeDir } from "./utils/extract.js"

afterAll(cleanupDirs)

const count = 3

const sql = (handle: ExtractHandle, text: string) =>
  Effect.promise(async () => (await handle.connection.runAndReadAll(text)).getRowObjectsJson())

const files = (copy: PreparedCopy, relativeFiles: ReadonlyArray<string>) =>
  `read_parquet([${relativeFiles.map((f) => `'${join(copy.dir, f)}'`).join(", ")}], hive_partitioning = false)`

/** Rows in `a` and not in `b`, and in `b` and not in `a`, counting duplicates. */
const difference = (handle: ExtractHandle, a: string, b: string) =>
  Effect.map(
    sql(
      handle,
      `SELECT (SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b}))::INTEGER AS missing,
              (SELECT count(*) FROM (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a}))::INTEGER AS extra`
    ),
    (rows) => rows[0]
  )

/**
 * Every record lands in exactly one partition: the rows of a split table's partitions add up to the
 * table's, and partition p's files hold exactly what the runner's partition view p shows (so no row
 * is in two partitions, since the views are disjoint). Tables written whole are the table.
 */
const checkPlacement = (handle: ExtractHandle, copy: PreparedCopy) =>
  Effect.gen(function* () {
    const { manifest } = copy
    assert.strictEqual(manifest.count, count)
    for (const t of handle.tables) assert.strictEqual(manifest.tables[t], handle.rowCounts[t], t)
    for (const by of manifest.by) {
      const split = manifest.partitions[by]!
      const column = partitionKeyColumn[by]
      for (const t of handle.tables) {
        const s = split[t]
        const hasKey = yield* sql(
          handle,
          `SELECT count(*)::INTEGER AS n FROM information_schema.columns
           WHERE table_schema = 'main' AND table_name = '${t}' AND column_name = '${column}'`
        )
        assert.strictEqual(s !== undefined, hasKey[0]!.n === 1, `${by}/${t}: split iff it has ${column}`)
        if (s === undefined) {
          const file = files(copy, [manifest.whole[t]!.file])
          assert.deepStrictEqual(yield* difference(handle, `main.${t}`, file), { missing: 0, extra: 0 }, t)
          continue
        }
        assert.strictEqual(
          s.rows.reduce((a, b) => a + b, 0),
          handle.rowCounts[t],
          `${by}/${t}: partitions add up`
        )
        for (let index = 0; index < count; index++) {
          yield* sql(handle, partitionViews({ by, index, count }, handle.tables).join(";\n"))
          const part = files(copy, s.files[index]!)
          assert.deepStrictEqual(
            yield* difference(handle, `__partition.${t}`, part),
            { missing: 0, extra: 0 },
            `${by}/${t}: partition ${index} is the runner's`
          )
          const [n] = yield* sql(handle, `SELECT count(*)::INTEGER AS n FROM ${part}`)
          assert.strictEqual(n!.n, s.rows[index], `${by}/${t}: partition ${index} rows as recorded`)
          yield* sql(handle, "DROP SCHEMA __partition CASCADE")
        }
      }
    }
  })

/**
 * What a worker reads: each partition opened as an extract and imported holds, table by table, the
 * rows (and columns) of the partition's files, or the whole table's.
 */
const checkWorkerReads = (copy: PreparedCopy) =>
  Effect.gen(function* () {
    const { manifest } = copy
    for (const by of manifest.by) {
      for (let index = 0; index < count; index++) {
        yield* Effect.scoped(
          Effect.gen(function* () {
            const prepared = yield* openPreparedPartition(copy.dir, { by, index })
            const part = yield* importExtractScoped(prepared.dir)
            assert.deepStrictEqual<ReadonlyArray<string>>(
              part.tables,
              Object.keys(manifest.tables),
              `${by} ${index}: tables`
            )
            for (const t of part.tables) {
              const s = manifest.partitions[by]![t]
              const source = files(copy, s === undefined ? [manifest.whole[t]!.file] : s.files[index]!)
              assert.deepStrictEqual(
                yield* difference(part, t, source),
                { missing: 0, extra: 0 },
                `${by} ${index}: ${t}`
              )
              assert.strictEqual(part.rowCounts[t], prepared.rowCounts[t])
            }
          })
        )
      }
    }
  })

const byKey = (a: Suspicion, b: Suspicion) => (suspicionKey(a) < suspicionKey(b) ? -1 : 1)

/**
 * Each prepared partition, run with the rules its key partitions, gives the runner's own partition
 * on the whole extract; the union of the partitions is the whole run of those rules.
 */
const checkRuns = (handle: ExtractHandle, copy: PreparedCopy) =>
  Effect.gen(function* () {
    for (const by of copy.manifest.by) {
      const rules = preparedPartitionRules(by)
      const whole = yield* runScreening({ extract: handle, rules })
      const parts: Array<ReadonlyArray<Suspicion>> = []
      for (let index = 0; index < count; index++) {
        const own = yield* runScreening({ extract: handle, rules, partition: { by, index, count } })
        const prepared = yield* runPreparedPartition({ dir: copy.dir, by, index })
        assert.deepStrictEqual(prepared.partition, { by, index, count })
        assert.deepStrictEqual(
          prepared.rules.map((r) => [r.code, r.status, r.count]),
          own.rules.map((r) => [r.code, r.status, r.count]),
          `${by} ${index}: rules`
        )
        assert.deepStrictEqual(prepared.suspicions, own.suspicions, `${by} ${index}: suspicions`)
        parts.push(prepared.suspicions)
      }
      assert.isTrue(
        parts.every((p) => p.length > 0 && p.length < whole.suspicions.length),
        `${by}: uneven split ${parts.map((p) => p.length).join("/")} of ${whole.suspicions.length}`
      )
      assert.deepStrictEqual([...parts.flat()].sort(byKey), [...whole.suspicions].sort(byKey), `${by}: union`)
    }
  })

describe("prepareProvincePartitions", () => {
  it.effect(
    "splits the demo extract by person and by institution as the runner's partitions do",
    () =>
      Effect.gen(function* () {
        const out = join(writeDir({}), "copy")
        // From the directory, imported as the runner imports it.
        const copy = yield* prepareProvincePartitions(demoExtractDir, out, { count })
        assert.deepStrictEqual(copy.manifest.by, ["person", "institution"])
        assert.deepStrictEqual(yield* readPartitionsManifest(out), copy.manifest)
        // Catalogues and registers without the key are written once, whole.
        assert.includeMembers(Object.keys(copy.manifest.whole), ["catalog", "catalog_pair", "diseinfo", "fixmedins"])
        assert.notInclude(Object.keys(copy.manifest.whole), "feedetail")
        const handle = yield* importExtractScoped(demoExtractDir)
        yield* checkPlacement(handle, copy)
        yield* checkWorkerReads(copy)
        yield* checkRuns(handle, copy)

        // The copy knows the extract it was made from: a copy of the directory passes; the same bytes changed in
        // place, or a table added since, do not.
        assert.isNull(preparedFromOtherExtract(copy.manifest, demoExtractDir))
        const moved = writeDir({})
        cpSync(demoExtractDir, moved, { recursive: true })
        assert.isNull(preparedFromOtherExtract(copy.manifest, moved))
        const fees = readdirSync(moved).find((f) => f.startsWith("feedetail."))!
        const text = readFileSync(join(moved, fees), "utf8")
        const digit = text.search(/[0-8]\d*\s*$/m)
        writeFileSync(join(moved, fees), `${text.slice(0, digit)}${Number(text[digit]) + 1}${text.slice(digit + 1)}`)
        assert.include(preparedFromOtherExtract(copy.manifest, moved), `${fees} 在生成分区副本后改动过`)
        writeFileSync(join(moved, fees), text)
        writeFileSync(join(moved, "psn.jsonl"), "")
        assert.include(preparedFromOtherExtract(copy.manifest, moved), "psn.jsonl 在生成分区副本时没有")
      }).pipe(Effect.scoped),
    120_000
  )

  it.effect(
    "splits a Parquet extract without a manifest, several files per partition, keeping the whole period",
    () =>
      Effect.gen(function* () {
        const dir = writeDir({})
        yield* Effect.promise(() => writeSyntheticExtract({ lines: 8_000, dir, seed: 5 }))
        // Without a manifest the runner derives the period from the data: a partition's data alone
        // would give another one.
        rmSync(join(dir, "manifest.json"))
        const handle = yield* importExtractScoped(dir)
        // Few open files make DuckDB write each partition as several files, which a worker joins.
        yield* sql(handle, "SET partitioned_write_max_open_files = 1; SET partitioned_write_flush_threshold = 500")
        const out = join(writeDir({}), "copy")
        const copy = yield* prepareProvincePartitions(handle, out, { count })
        const multi = Object.values(copy.manifest.partitions.person!).some((s) => s.files.some((f) => f.length > 1))
        assert.isTrue(multi, "some partition has several files")
        yield* checkPlacement(handle, copy)
        yield* checkWorkerReads(copy)
        yield* checkRuns(handle, copy)
        // The runs derived the period from the whole extract (`fg_period`); every partition has it.
        const period = yield* sql(
          handle,
          'SELECT from_date::VARCHAR AS "from", to_date::VARCHAR AS "to" FROM fg_period'
        )
        assert.deepStrictEqual(period, [{ ...copy.manifest.extract.period }])
      }).pipe(Effect.scoped),
    180_000
  )

  it.effect("places each key value with the runner's expression", () =>
    Effect.gen(function* () {
      const handle = yield* importExtractScoped(demoExtractDir)
      const copy = yield* prepareProvincePartitions(handle, join(writeDir({}), "copy"), { count, by: ["person"] })
      const feedetail = copy.manifest.partitions.person!.feedetail!
      for (let index = 0; index < count; index++) {
        const [row] = yield* sql(
          handle,
          `SELECT count(*)::INTEGER AS n, count(*) FILTER (${partitionOf("psn_no", count)} <> ${index})::INTEGER AS wrong
           FROM ${files(copy, feedetail.files[index]!)}`
        )
        assert.deepStrictEqual(row, { n: feedetail.rows[index]!, wrong: 0 })
      }
      assert.isUndefined(copy.manifest.partitions.institution)
    }).pipe(Effect.scoped)
  )
})

/**
 * Splits an extract into two counties by institution, as two extracts would arrive: every record with an
 * institution (or of a visit) in its institution's county; persons, deaths and the catalogue in both.
 */
const splitIntoCounties = async (dir: string, into: ReadonlyArray<string>): Promise<void> => {
  const instance = await DuckDBInstance.create(":memory:")
  const connection = await instance.connect()
  const visits = `read_parquet('${join(dir, "mdtrt.parquet")}')`
  for (const file of readdirSync(dir)) {
    for (const [county, out] of into.entries()) {
      mkdirSync(out, { recursive: true })
      if (!file.endsWith(".parquet")) {
        cpSync(join(dir, file), join(out, file))
        continue
      }
      const source = `read_parquet('${join(dir, file)}')`
      const columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRows().map((r) => r[0])
      const mine = `hash(fixmedins_code) % ${into.length} = ${county}`
      const where = columns.includes("fixmedins_code")
        ? mine
        : columns.includes("mdtrt_id")
          ? `mdtrt_id IN (SELECT mdtrt_id FROM ${visits} WHERE ${mine})`
          : "true"
      await connection.run(`COPY (SELECT * FROM ${source} WHERE ${where}) TO '${join(out, file)}' (FORMAT parquet)`)
    }
  }
  connection.closeSync()
  instance.closeSync()
}

describe("combinePreparedPartitions", () => {
  it.effect(
    "copies prepared apart, one per county, run as one copy of the whole: the same leads as one process",
    () =>
      Effect.gen(function* () {
        const province = writeDir({})
        yield* Effect.promise(() => writeSyntheticExtract({ lines: 8_000, dir: province, seed: 7 }))
        const counties = [join(writeDir({}), "a"), join(writeDir({}), "b")]
        yield* Effect.promise(() => splitIntoCounties(province, counties))
        const copies: Array<string> = []
        for (const county of counties) {
          const out = `${county}.partitions`
          yield* prepareProvincePartitions(county, out, { count })
          copies.push(out)
        }
        const combined = yield* combinePreparedPartitions(join(writeDir({}), "combined"), copies)
        assert.deepStrictEqual(
          combined.manifest.combinedFrom,
          copies.map((c) => relative(combined.dir, c))
        )
        assert.isUndefined(combined.manifest.source)

        // Every table has the province's rows: persons once though both counties list them.
        const handle = yield* importExtractScoped(province)
        for (const [table, rows] of Object.entries(combined.manifest.tables))
          assert.strictEqual(rows, handle.rowCounts[table as keyof typeof handle.rowCounts], table)

        // The queue's jobs over the combined copy: person and institution partitions (the institution ones also
        // write the staged rules' facts), then the verdicts — together what one process finds in the province.
        const whole = yield* runScreening({ extract: handle })
        const found: Array<Suspicion> = []
        const facts = writeDir({})
        for (const by of ["person", "institution"] as const)
          for (let index = 0; index < count; index++)
            yield* Effect.scoped(
              Effect.gen(function* () {
                const { handle: part, partition } = yield* importPreparedPartition(combined.dir, by, index)
                const result = yield* runScreening({
                  extract: part,
                  partition,
                  rules: rulesOfJob(by, ruleLibrary, true)
                })
                found.push(...result.suspicions)
                if (by === "institution")
                  yield* writeStageFacts({
                    extract: part,
                    extractIsPartition: true,
                    partition,
                    dir: facts,
                    keyPartitions: 2
                  })
              })
            )
        for (let keyPart = 0; keyPart < 2; keyPart++)
          found.push(
            ...(yield* runStageVerdict({ dir: facts, institutionPartitions: count, keyPart, keyPartitions: 2 }))
              .suspicions
          )
        assert.isAbove(whole.suspicions.length, 50)
        assert.deepStrictEqual([...found].sort(byKey), [...whole.suspicions].sort(byKey))

        // Copies that do not fit together are refused, naming the copy.
        const other = join(writeDir({}), "other")
        yield* prepareProvincePartitions(counties[0]!, other, { count: count + 1 })
        const mismatch = yield* Effect.flip(combinePreparedPartitions(join(writeDir({}), "bad"), [copies[0]!, other]))
        assert.include(mismatch.message, `分为 ${count + 1} 份，而 ${copies[0]} 分为 ${count} 份`)
      }).pipe(Effect.scoped),
    240_000
  )

  it.effect("refuses two copies that give one person different contents", () =>
    Effect.gen(function* () {
      const a = writeCsvExtract(baseTables([line({ sn: "1", visit: 1, item: AMOXICILLIN, cnt: 1, pric: 7 })]))
      const b = writeDir({})
      cpSync(a, b, { recursive: true })
      // Another county: its own institutions (the same persons).
      for (const file of readdirSync(b).filter((f) => f.endsWith(".csv")))
        writeFileSync(join(b, file), readFileSync(join(b, file), "utf8").replace(/([A-Z])500235/g, "$1500236"))
      const persons = join(b, "psn.csv")
      const [header, first, ...rest] = readFileSync(persons, "utf8").split("\n")
      const cells = first!.split(",")
      cells[1] = cells[1] === "1" ? "2" : "1"
      writeFileSync(persons, [header, cells.join(","), ...rest].join("\n"))
      const copies = [join(writeDir({}), "a"), join(writeDir({}), "b")]
      yield* prepareProvincePartitions(a, copies[0]!, { count })
      yield* prepareProvincePartitions(b, copies[1]!, { count })
      const target = join(writeDir({}), "c")
      const clash = yield* Effect.flip(combinePreparedPartitions(target, copies))
      assert.include(clash.message, `psn_no=${cells[0]} 在两份副本中内容不同，不能合并`)
      // Nothing half written.
      assert.isFalse(existsSync(target))

      // A copy whose persons have a column the other's have not: a worker could not join them as one table.
      const wider = writeDir({})
      cpSync(b, wider, { recursive: true })
      const lines = readFileSync(join(wider, "psn.csv"), "utf8").trimEnd().split("\n")
      writeFileSync(join(wider, "psn.csv"), lines.map((l, i) => `${l},${i === 0 ? "remark" : "x"}`).join("\n"))
      const widerCopy = join(writeDir({}), "wider")
      yield* prepareProvincePartitions(wider, widerCopy, { count })
      const columns = yield* Effect.flip(combinePreparedPartitions(join(writeDir({}), "d"), [copies[0]!, widerCopy]))
      assert.include(columns.message, "psn：")
      assert.include(columns.message, "不同，不能合并")
    })
  )
})

describe("bad input", () => {
  const small = () =>
    writeCsvExtract(
      baseTables([
        line({ sn: "1", visit: 2, item: INFUSION, cnt: 3, pric: 12 }),
        line({ sn: "1", visit: 5, item: AMOXICILLIN, cnt: 2, pric: 17.8 })
      ])
    )

  const error = <A, E extends { readonly message: string }>(effect: Effect.Effect<A, E>) =>
    Effect.map(Effect.flip(effect), (e) => e.message)

  it.effect("names the option or file, in Chinese", () =>
    Effect.gen(function* () {
      const out = () => join(writeDir({}), "copy")
      const missing = join(writeDir({}), "no-such-extract")
      assert.include(yield* error(prepareProvincePartitions(missing, out(), { count })), `${missing}：提取目录不存在`)
      assert.include(
        yield* error(prepareProvincePartitions(small(), out(), { count: 0 })),
        "count：分区数必须是不小于 1"
      )
      assert.include(yield* error(prepareProvincePartitions(small(), out(), { count: 1.5 })), "count：")
      const by = ["people"] as unknown as ReadonlyArray<"person">
      assert.include(
        yield* error(prepareProvincePartitions(small(), out(), { count, by })),
        'by：分区键只能是 "person"'
      )
      const taken = writeDir({ "x.txt": "" })
      assert.include(yield* error(prepareProvincePartitions(small(), taken, { count })), `${taken}：输出目录不为空`)

      const copy = yield* prepareProvincePartitions(small(), out(), { count: 2, by: ["person"] })
      const notACopy = writeDir({})
      assert.include(
        yield* error(Effect.scoped(openPreparedPartition(notACopy, { by: "person", index: 0 }))),
        `${join(notACopy, partitionsManifestFile)}：不存在`
      )
      assert.include(
        yield* error(Effect.scoped(openPreparedPartition(copy.dir, { by: "person", index: 2 }))),
        "index：分区序号必须是 0 到 1 的整数，收到 2"
      )
      assert.include(
        yield* error(Effect.scoped(openPreparedPartition(copy.dir, { by: "institution", index: 0 }))),
        'by：这份副本没有按 "institution" 分区'
      )
      assert.include(
        yield* error(runPreparedPartition({ dir: copy.dir, by: "person", index: 0, rules: ["TRACE_CODE_REUSED"] })),
        "rules：TRACE_CODE_REUSED 需要全部数据"
      )
    }).pipe(Effect.scoped)
  )

  it.effect("refuses a copy that is not as recorded: a missing file, other rows, another DuckDB", () =>
    Effect.gen(function* () {
      const handle = yield* importExtractScoped(demoExtractDir)
      const copy = yield* prepareProvincePartitions(handle, join(writeDir({}), "copy"), { count, by: ["person"] })
      // The manifest as JSON, edited as a careless or stale writer would.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const tamper = (edit: (m: any) => void) => {
        const dir = join(writeDir({}), "tampered")
        cpSync(copy.dir, dir, { recursive: true })
        const file = join(dir, partitionsManifestFile)
        const json: unknown = JSON.parse(readFileSync(file, "utf8"))
        edit(json)
        writeFileSync(file, JSON.stringify(json))
        return dir
      }
      const run = (dir: string) => error(runPreparedPartition({ dir, by: "person", index: 0 }))

      const gone = tamper(() => undefined)
      const lost = join(gone, copy.manifest.partitions.person!.feedetail!.files[0]![0]!)
      rmSync(lost)
      assert.include(yield* run(gone), `${lost}：文件不存在`)

      // Partitions 0 and 1 swapped: the manifest still adds up, but partition 0 reads other rows.
      const feedetail = copy.manifest.partitions.person!.feedetail!
      assert.notStrictEqual(feedetail.rows[0], feedetail.rows[1])
      const swapped = tamper((m) => {
        const f = m.partitions.person.feedetail.files
        ;[f[0], f[1]] = [f[1], f[0]]
      })
      assert.include(yield* run(swapped), `feedetail：分区 0 读到 ${feedetail.rows[1]} 行`)

      const summed = tamper((m) => {
        m.partitions.person.feedetail.rows[0] += 1
      })
      assert.include(yield* run(summed), "partitions.person.feedetail: 各分区共")

      const older = tamper((m) => {
        m.duckdb = "v0.9.0"
      })
      assert.include(yield* run(older), "duckdb：副本由 DuckDB v0.9.0 准备")
    }).pipe(Effect.scoped)
  )
})
