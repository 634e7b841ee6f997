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
  partitionOf,
  prepareProvincePartitions,
  ruleLibrary,
  runScreening,
  runStageVerdict,
  writeStageFacts
} from "../src/index.js"
import { AMOXICILLIN, baseTables, cleanupDirs, line, writeCsvExtract, writeDir } from "./utils/extract.js"

afterAll(cleanupDirs)

const byKey = (a: Suspicion, b: Suspicion) => (suspicionKey(a) < suspicionKey(b) ? -1 : 1)
const stagedCodes = ["DOCTOR_DAILY_OVERLOAD", "PEER_COST_OUTLIER", "TRACE_CODE_REUSED"]
const institutions = 3
const keyPartitions = 4

/**
 * The generator keeps codes and doctors within one institution. Here one code in 400 is also scanned where another
 * scan (fee or sale) of another institution was, and one doctor also sees the outpatients of an institution of
 * another partition: the verdicts of such codes and doctors need two partitions' facts.
 */
const acrossInstitutions = async (dir: string): Promise<void> => {
  const scans = join(dir, "drugtrac.parquet")
  const visits = join(dir, "mdtrt.parquet")
  const instance = await DuckDBInstance.create(":memory:")
  const connection = await instance.connect()
  await connection.run(`
    CREATE TABLE scans AS SELECT * FROM read_parquet('${scans}');
    CREATE TABLE moved AS
      WITH numbered AS (SELECT *, row_number() OVER (ORDER BY drug_trac_codg, src, ref) AS n FROM scans)
      SELECT p.drug_trac_codg, o.fixmedins_code, o.src, o.ref, o.mdtrt_id, o.scan_time
      FROM numbered p JOIN numbered o ON o.n = p.n + 200
      WHERE p.n % 400 = 0 AND o.fixmedins_code <> p.fixmedins_code;
    COPY (SELECT * FROM scans UNION ALL SELECT * FROM moved) TO '${scans}' (FORMAT parquet);
    CREATE TABLE visits AS SELECT * FROM read_parquet('${visits}');
    CREATE TABLE busiest AS
      SELECT atddr_no, CAST(begntime AS DATE) AS day, any_value(fixmedins_code) AS home
      FROM visits WHERE atddr_no IS NOT NULL AND med_type BETWEEN '11' AND '19'
      GROUP BY ALL ORDER BY count(*) DESC, atddr_no LIMIT 1;
    UPDATE visits SET atddr_no = (SELECT atddr_no FROM busiest),
                      begntime = (SELECT day FROM busiest) + CAST(begntime AS TIME)
    WHERE mdtrt_id IN (
      SELECT mdtrt_id FROM visits
      WHERE med_type BETWEEN '11' AND '19' AND atddr_no IS NOT NULL
        AND ${partitionOf("fixmedins_code", institutions)} <> (SELECT ${partitionOf("home", institutions)} FROM busiest)
      ORDER BY mdtrt_id LIMIT 5);
    COPY visits TO '${visits}' (FORMAT parquet)`)
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
        stagedCodes.map((code) => [code, "ran"])
      )
      counts.push(verdict.suspicions.length)
      found.push(...verdict.suspicions)
    }
    return { suspicions: found.sort(byKey), counts }
  })

describe("staged rules", () => {
  it("the rules that compare across persons and institutions are staged", () => {
    assert.deepStrictEqual(
      ruleLibrary.filter((r) => r.staged).map((r) => r.code),
      stagedCodes
    )
    assert.deepStrictEqual(
      ruleLibrary.filter((r) => r.partitionInputs.length === 0).map((r) => r.code),
      stagedCodes
    )
  })

  it.effect(
    "facts per institution partition and verdicts per key part find what the whole run finds",
    () =>
      Effect.gen(function* () {
        const extractDir = writeDir({})
        yield* Effect.promise(() => writeSyntheticExtract({ lines: 8_000, dir: extractDir, seed: 5 }))
        yield* Effect.promise(() => acrossInstitutions(extractDir))
        const handle = yield* importExtractScoped(extractDir)
        const whole = yield* runScreening({ extract: handle, rules: stagedCodes })
        const wholeLeads = [...whole.suspicions].sort(byKey)
        // Every staged rule finds something; some codes are scanned at several institutions, and an institution's
        // peers are other institutions: a verdict needs other partitions' facts.
        for (const code of stagedCodes)
          assert.isTrue(
            wholeLeads.some((s) => s.rule === code),
            code
          )
        const traced = wholeLeads.filter((s) => s.rule === "TRACE_CODE_REUSED")
        assert.isTrue(traced.some((s) => (s.evidence.institutions as number) > 1))
        const doctors = wholeLeads.filter((s) => s.rule === "DOCTOR_DAILY_OVERLOAD")
        assert.isTrue(doctors.some((s) => (s.evidence.institutions as ReadonlyArray<unknown>).length > 1))

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
        assert.strictEqual(early._tag, "StageFactsMissing")
        assert.include(early.message, `机构分区 ${institutions}/${institutions} 尚未写出 DOCTOR_DAILY_OVERLOAD`)
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

  it.effect("an extract without traceability scans: TRACE_CODE_REUSED is skipped, as the whole run skips it", () =>
    Effect.gen(function* () {
      const extractDir = writeCsvExtract(baseTables([line({ sn: "1", visit: 1, item: AMOXICILLIN, cnt: 1, pric: 7 })]))
      const whole = yield* runScreening({ extract: extractDir, rules: stagedCodes })
      const dir = writeDir({})
      for (let index = 0; index < institutions; index++)
        yield* writeStageFacts({ extract: extractDir, partition: { index, count: institutions }, dir, keyPartitions })
      const verdict = yield* runStageVerdict({ dir, institutionPartitions: institutions, keyPart: 2, keyPartitions })
      assert.deepStrictEqual(
        verdict.rules.map((r) => [r.code, r.status, r.reason, r.count]),
        whole.rules.map((r) => [r.code, r.status, r.reason, r.count])
      )
      assert.deepStrictEqual(
        verdict.rules.map((r) => r.status),
        ["ran", "ran", "skipped"]
      )
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
