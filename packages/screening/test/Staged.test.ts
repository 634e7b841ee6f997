/**
 * Staged rules: facts written per institution partition, verdicts per key part — together the rule's own run.
 */
import { type Suspicion, suspicionKey } from "@fundguard/domain/screening"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { readdirSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll } from "vitest"
import { DuckDBInstance } from "@duckdb/node-api"
import { writeSyntheticExtract } from "../scripts/synth-extract.js"
import {
  importExtractScoped,
  openPreparedPartition,
  prepareProvincePartitions,
  ruleLibrary,
  runScreening,
  runStageVerdict,
  writeStageFacts
} from "../src/index.js"
import { AMOXICILLIN, baseTables, cleanupDirs, line, writeCsvExtract, writeDir } from "./utils/extract.js"

afterAll(cleanupDirs)

const byKey = (a: Suspicion, b: Suspicion) => (suspicionKey(a) < suspicionKey(b) ? -1 : 1)
const institutions = 3
const keyPartitions = 4

/**
 * The generator reuses codes within one visit, so one institution. Here one code in 400 is also scanned where
 * another scan (fee or sale) of another institution was: the verdict of such a code needs two partitions' facts.
 */
const scanAgainElsewhere = async (dir: string): Promise<void> => {
  const file = join(dir, "drugtrac.parquet")
  const instance = await DuckDBInstance.create(":memory:")
  const connection = await instance.connect()
  await connection.run(`
    CREATE TABLE scans AS SELECT * FROM read_parquet('${file}');
    CREATE TABLE moved AS
      WITH numbered AS (SELECT *, row_number() OVER (ORDER BY drug_trac_codg, src, ref) AS n FROM scans)
      SELECT p.drug_trac_codg, o.fixmedins_code, o.src, o.ref, o.mdtrt_id, o.scan_time
      FROM numbered p JOIN numbered o ON o.n = p.n + 200
      WHERE p.n % 400 = 0 AND o.fixmedins_code <> p.fixmedins_code;
    COPY (SELECT * FROM scans UNION ALL SELECT * FROM moved) TO '${file}' (FORMAT parquet)`)
  connection.closeSync()
  instance.closeSync()
}

/** Every key part's verdict; their suspicions together, in key order. */
const verdicts = (dir: string) =>
  Effect.gen(function* () {
    const found: Array<Suspicion> = []
    const counts: Array<number> = []
    for (let keyPart = 0; keyPart < keyPartitions; keyPart++) {
      const verdict = yield* runStageVerdict({ dir, institutionPartitions: institutions, keyPart, keyPartitions })
      assert.deepStrictEqual(
        verdict.rules.map((r) => [r.code, r.status]),
        [["TRACE_CODE_REUSED", "ran"]]
      )
      counts.push(verdict.suspicions.length)
      found.push(...verdict.suspicions)
    }
    return { suspicions: found.sort(byKey), counts }
  })

describe("staged rules", () => {
  it("TRACE_CODE_REUSED is the one staged rule of the library", () => {
    assert.deepStrictEqual(
      ruleLibrary.filter((r) => r.staged).map((r) => r.code),
      ["TRACE_CODE_REUSED"]
    )
  })

  it.effect(
    "facts per institution partition and verdicts per key part find what the whole run finds",
    () =>
      Effect.gen(function* () {
        const extractDir = writeDir({})
        yield* Effect.promise(() => writeSyntheticExtract({ lines: 8_000, dir: extractDir, seed: 5 }))
        yield* Effect.promise(() => scanAgainElsewhere(extractDir))
        const handle = yield* importExtractScoped(extractDir)
        const whole = yield* runScreening({ extract: handle, rules: ["TRACE_CODE_REUSED"] })
        const wholeLeads = [...whole.suspicions].sort(byKey)
        // The planted codes are scanned at several institutions: a verdict needs other partitions' facts.
        assert.isAbove(wholeLeads.length, 5)
        assert.isTrue(wholeLeads.some((s) => (s.evidence.institutions as number) > 1))

        // From the whole extract, each partition selecting its share.
        const shared = writeDir({})
        for (let index = 0; index < institutions - 1; index++)
          yield* writeStageFacts({
            extract: handle,
            partition: { index, count: institutions },
            dir: shared,
            keyPartitions
          })
        // A verdict before the last partition's facts is refused, naming the partition.
        const early = yield* Effect.flip(
          runStageVerdict({ dir: shared, institutionPartitions: institutions, keyPart: 0, keyPartitions })
        )
        assert.strictEqual(early._tag, "StagedRunError")
        assert.include(early.message, `机构分区 ${institutions}/${institutions} 尚未写出 TRACE_CODE_REUSED`)
        const [last] = yield* writeStageFacts({
          extract: handle,
          partition: { index: institutions - 1, count: institutions },
          dir: shared,
          keyPartitions
        })
        assert.strictEqual(last!.status, "ran")
        assert.isAbove(last!.rows, 0)
        const fromWhole = yield* verdicts(shared)
        assert.deepStrictEqual(fromWhole.suspicions, wholeLeads)
        assert.isTrue(
          fromWhole.counts.filter((n) => n > 0).length > 1,
          `leads in several key parts: ${fromWhole.counts.join("/")}`
        )

        // A partition written again (its worker died after writing) replaces its facts: nothing twice.
        yield* writeStageFacts({
          extract: handle,
          partition: { index: 0, count: institutions },
          dir: shared,
          keyPartitions
        })
        assert.deepStrictEqual((yield* verdicts(shared)).suspicions, wholeLeads)

        // From a prepared copy, each worker reading only its institution partition's files.
        const copy = yield* prepareProvincePartitions(handle, join(writeDir({}), "copy"), {
          count: institutions,
          by: ["institution"]
        })
        const fromCopy = writeDir({})
        for (let index = 0; index < institutions; index++)
          yield* Effect.scoped(
            Effect.gen(function* () {
              const part = yield* openPreparedPartition(copy.dir, { by: "institution", index })
              yield* writeStageFacts({
                extract: part.dir,
                extractIsPartition: true,
                partition: { index, count: institutions },
                dir: fromCopy,
                keyPartitions
              })
            })
          )
        assert.deepStrictEqual((yield* verdicts(fromCopy)).suspicions, wholeLeads)

        // Facts of another version of the rule, or split another way, are not mixed in.
        const done = join(fromCopy, "TRACE_CODE_REUSED", "1-of-3", "done.json")
        writeFileSync(done, JSON.stringify({ ...JSON.parse(readFileSync(done, "utf8")), version: 1 }))
        const stale = yield* Effect.flip(
          runStageVerdict({ dir: fromCopy, institutionPartitions: institutions, keyPart: 1, keyPartitions })
        )
        assert.include(stale.message, "事实按规则版本 1、4 个键分区写出，本次为版本 3、4 个键分区")
        assert.deepStrictEqual(readdirSync(join(fromCopy, "TRACE_CODE_REUSED")).sort(), ["0-of-3", "1-of-3", "2-of-3"])
      }).pipe(Effect.scoped),
    180_000
  )

  it.effect("an extract without traceability scans: the rule is skipped, as the whole run skips it", () =>
    Effect.gen(function* () {
      const extractDir = writeCsvExtract(baseTables([line({ sn: "1", visit: 1, item: AMOXICILLIN, cnt: 1, pric: 7 })]))
      const whole = yield* runScreening({ extract: extractDir, rules: ["TRACE_CODE_REUSED"] })
      const dir = writeDir({})
      for (let index = 0; index < institutions; index++)
        yield* writeStageFacts({ extract: extractDir, partition: { index, count: institutions }, dir, keyPartitions })
      const verdict = yield* runStageVerdict({ dir, institutionPartitions: institutions, keyPart: 2, keyPartitions })
      assert.deepStrictEqual(
        verdict.rules.map((r) => [r.code, r.status, r.reason]),
        whole.rules.map((r) => [r.code, r.status, r.reason])
      )
      assert.strictEqual(verdict.rules[0]?.status, "skipped")
      assert.deepStrictEqual(verdict.suspicions, [])
    })
  )

  it.effect("names a rule that is not staged and a partition that does not exist", () =>
    Effect.gen(function* () {
      const dir = writeDir({})
      const unstaged = yield* Effect.flip(
        runStageVerdict({ dir, institutionPartitions: 1, keyPart: 0, keyPartitions: 1, rules: ["PRICE_OVER_CAP"] })
      )
      assert.include(unstaged.message, "PRICE_OVER_CAP 不是分阶段规则")
      const outside = yield* Effect.flip(
        writeStageFacts({ extract: dir, partition: { index: 3, count: 3 }, dir, keyPartitions: 2 })
      )
      assert.include(outside.message, "分区 3/3 不成立")
    })
  )
})
