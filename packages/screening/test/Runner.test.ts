import { Suspicion, suspicionKey } from "@fundguard/domain/screening"
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll } from "vitest"
import { demoExtractDir } from "../scripts/make-demo-extract.js"
import {
  ClaimsExtracts,
  defineRule,
  findRule,
  importExtractScoped,
  neededRelations,
  preparedRelations,
  type Rule,
  ruleLibrary,
  runScreening,
  suspicionsToJsonl,
  writeSuspicionsJsonl
} from "../src/index.js"
import { extract, H1, Item } from "./utils/builder.js"
import { cleanupDirs, writeDir } from "./utils/extract.js"

afterAll(cleanupDirs)

const noParams = Schema.Struct({})

/** A test rule: its SQL is given; everything else is fixed. */
const testRule = (code: string, level: Rule["level"], sql: string, partitionInputs: Rule["partitionInputs"] = []) =>
  defineRule({
    code,
    version: 2,
    level,
    violation: null,
    requiredTables: ["mdtrt", "setlinfo"],
    parameters: noParams,
    partitionInputs,
    title: { zh: "测试", en: "test" },
    description: { zh: "测试规则", en: "test rule" },
    sql: () => sql
  })

/** Visit level, output-filtered under partitioning: visits whose settlements paid more than 100 yuan. */
const bigVisits = testRule(
  "BIG_VISIT",
  "visit",
  `SELECT s.fixmedins_code, s.psn_no, s.mdtrt_id, NULL AS setl_id, [] AS feedetl_sn, NULL AS med_list_codg,
          CAST(min(m.begntime) AS DATE) AS date, sum(s.fund_pay_sumamt) AS amount,
          {'settlements': count(*)} AS evidence, '统筹支付超过100元' AS message
   FROM setlinfo s JOIN mdtrt m USING (mdtrt_id)
   GROUP BY ALL HAVING sum(s.fund_pay_sumamt) > 100`
)

describe("runScreening", () => {
  it.effect("opens a directory through the ClaimsExtracts service (DuckDB unless a layer says otherwise)", () =>
    Effect.gen(function* () {
      const opened: Array<string> = []
      const counting = Layer.succeed(ClaimsExtracts, {
        open: (dir, options) => {
          opened.push(dir)
          return importExtractScoped(dir, options)
        }
      })
      const viaLayer = yield* runScreening({
        extract: demoExtractDir,
        rules: ["BIG_VISIT"],
        library: [bigVisits]
      }).pipe(Effect.provide(counting))
      assert.deepStrictEqual(opened, [demoExtractDir])
      const byDefault = yield* runScreening({ extract: demoExtractDir, rules: ["BIG_VISIT"], library: [bigVisits] })
      assert.deepStrictEqual(opened, [demoExtractDir])
      assert.deepStrictEqual(byDefault.suspicions, viaLayer.suspicions)
      assert.isTrue(viaLayer.suspicions.length > 0)
    })
  )

  it.effect("runs every rule of the library by default and reports each", () =>
    Effect.gen(function* () {
      const result = yield* runScreening({ extract: demoExtractDir, library: [...ruleLibrary, bigVisits] })
      const count = (code: string) => result.suspicions.filter((s) => s.rule === code).length
      assert.deepStrictEqual(
        result.rules.map((r) => [r.code, r.version, r.status, r.count]),
        [...ruleLibrary.map((r) => r.code), "BIG_VISIT"]
          .sort()
          .map((code) => [code, code === "BIG_VISIT" ? 2 : findRule(code)!.version, "ran", count(code)])
      )
      assert.strictEqual(count("PRICE_OVER_CAP"), 11)
      assert.isAbove(count("BIG_VISIT"), 10)
      assert.strictEqual(result.totals.suspicions, result.suspicions.length)
      assert.strictEqual(result.totals.rulesRan, ruleLibrary.length + 1)
      // Sorted by rule, then key; every suspicion valid against the contract.
      const keys = result.suspicions.map(suspicionKey)
      assert.deepStrictEqual(keys, [...keys].sort())
      for (const s of result.suspicions) Schema.validateSync(Suspicion)(s)
    })
  )

  it.effect("runs every rule when no fee line is left billed (the fee lines' file then has no rows)", () =>
    Effect.gen(function* () {
      const b = extract()
      const visit = b.visit({ inst: H1, begin: "2025-01-10" })
      b.refund(visit, b.line(visit, { item: Item.IBUPROFEN, cnt: 2, pric: 18 }))
      const result = yield* runScreening({ extract: b.write() })
      // Rules that read the billed lines ran, and found nothing (a failed query fails the run).
      const readers = ["AGE_RESTRICTED", "CHARGE_OUTSIDE_STAY", "PRICE_OVER_CAP", "SUPPLY_DAYS_EXCEEDED"]
      assert.deepStrictEqual(
        result.rules.filter((r) => readers.includes(r.code)).map((r) => [r.code, r.status, r.count]),
        readers.map((code) => [code, "ran", 0])
      )
    })
  )

  it.effect("gives identical JSONL on two runs, written atomically", () =>
    Effect.gen(function* () {
      const first = yield* runScreening({ extract: demoExtractDir, library: [...ruleLibrary, bigVisits] })
      const second = yield* runScreening({ extract: demoExtractDir, library: [...ruleLibrary, bigVisits] })
      const dir = writeDir({})
      const a = join(dir, "a.jsonl")
      const b = join(dir, "b.jsonl")
      yield* writeSuspicionsJsonl(a, first.suspicions)
      yield* writeSuspicionsJsonl(b, second.suspicions)
      const text = readFileSync(a, "utf8")
      assert.strictEqual(text, readFileSync(b, "utf8"))
      assert.strictEqual(text, suspicionsToJsonl(first.suspicions))
      assert.deepStrictEqual(readdirSync(dir).sort(), ["a.jsonl", "b.jsonl"])
      const lines = text.trimEnd().split("\n")
      assert.strictEqual(lines.length, first.suspicions.length)
      const firstLine = JSON.parse(lines.find((l) => l.includes("PRICE_OVER_CAP"))!) as Record<string, unknown>
      assert.deepStrictEqual(Object.keys(firstLine), [
        "rule",
        "ruleVersion",
        "level",
        "fixmedins_code",
        "psn_no",
        "mdtrt_id",
        "setl_id",
        "feedetl_sn",
        "med_list_codg",
        "date",
        "amount",
        "violation",
        "evidence",
        "message"
      ])
      assert.deepStrictEqual(firstLine.feedetl_sn, ["0002"])
      // A visit-level suspicion carries no fee lines but still an array.
      const visitLine = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === "visit")
      assert.deepStrictEqual(visitLine!.feedetl_sn, [])
    })
  )

  it.effect("fails to write into a missing directory without leaving a file", () =>
    Effect.gen(function* () {
      const dir = writeDir({})
      const error = yield* Effect.flip(writeSuspicionsJsonl(join(dir, "missing", "out.jsonl"), []))
      assert.strictEqual(error._tag, "SuspicionsWriteFailed")
      assert.deepStrictEqual(readdirSync(dir), [])
    })
  )

  it.effect("partitions by person or institution: the union of the partitions is the whole run", () =>
    Effect.gen(function* () {
      const handle = yield* importExtractScoped(demoExtractDir)
      const library = [...ruleLibrary, bigVisits]
      const whole = yield* runScreening({ extract: handle, library })
      for (const by of ["person", "institution"] as const) {
        const parts = []
        for (let index = 0; index < 3; index++) {
          const part = yield* runScreening({ extract: handle, library, partition: { by, index, count: 3 } })
          assert.deepStrictEqual(part.partition, { by, index, count: 3 })
          parts.push(part.suspicions)
        }
        assert.isTrue(
          parts.every((p) => p.length > 0 && p.length < whole.suspicions.length),
          `${by}: uneven split`
        )
        const union = parts.flat().map(suspicionKey).sort()
        assert.deepStrictEqual(union, whole.suspicions.map(suspicionKey).sort(), `${by}: union differs`)
        assert.deepStrictEqual(
          parts.flat().sort((x, y) => (suspicionKey(x) < suspicionKey(y) ? -1 : 1)),
          [...whole.suspicions].sort((x, y) => (suspicionKey(x) < suspicionKey(y) ? -1 : 1))
        )
      }
      // The handle is left as it was: whole tables, no partition views.
      const reader = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM feedetail`)
      )
      assert.deepStrictEqual(reader.getRowObjectsJson(), [{ n: handle.rowCounts.feedetail! }])
    }).pipe(Effect.scoped)
  )

  it.effect("prepares only the derived relations its rules read, and those these read", () =>
    Effect.gen(function* () {
      const names = (statements: ReadonlyArray<string>) =>
        neededRelations(preparedRelations(null), statements).map((r) => r.name)
      assert.deepStrictEqual(names(["SELECT * FROM fg_visit"]), ["fg_setl", "fg_visit"])
      assert.deepStrictEqual(names(["SELECT * FROM fg_fee", "SELECT * FROM fg_period"]), [
        "fg_period",
        "fg_refund",
        "fg_fee"
      ])
      assert.deepStrictEqual(names(["SELECT * FROM feedetail"]), [])
      const handle = yield* importExtractScoped(demoExtractDir)
      const visits = testRule(
        "VISIT_FUND",
        "visit",
        `SELECT fixmedins_code, psn_no, mdtrt_id, NULL AS setl_id, [] AS feedetl_sn, NULL AS med_list_codg,
                begin_day AS date, fund_pay AS amount, {'fund_pay': fund_pay} AS evidence, '测试' AS message
         FROM fg_visit WHERE fund_pay > 100`
      )
      const result = yield* runScreening({ extract: handle, rules: ["VISIT_FUND"], library: [visits] })
      assert.isTrue(result.suspicions.length > 0)
      const reader = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'fg\\_%' ESCAPE '\\' ORDER BY 1"
        )
      )
      assert.deepStrictEqual(
        reader.getRowObjectsJson().map((r) => r["name"]),
        ["fg_setl", "fg_visit"]
      )
      // A later run of every rule on the same handle creates the rest.
      yield* runScreening({ extract: handle })
      const after = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'fg\\_%' ESCAPE '\\' ORDER BY 1"
        )
      )
      assert.deepStrictEqual(
        after.getRowObjectsJson().map((r) => r["name"]),
        ["fg_fee", "fg_period", "fg_refund", "fg_setl", "fg_visit"]
      )
      // The fee lines, written to files split by is_drug, read back with the columns and types of their own query.
      const columns = (relation: string) =>
        Effect.promise(() => handle.connection.runAndReadAll(`DESCRIBE ${relation}`)).pipe(
          Effect.map((r) => r.getRowObjectsJson().map((c) => [c["column_name"], c["column_type"]]))
        )
      const fee = preparedRelations(handle.manifest).find((r) => r.name === "fg_fee")!
      assert.strictEqual(fee.splitBy, "is_drug")
      assert.deepStrictEqual(yield* columns("fg_fee"), yield* columns(`(${fee.sql})`))
    }).pipe(Effect.scoped)
  )

  it.effect("keeps a rule's suspicions however many it finds", () =>
    Effect.gen(function* () {
      // More than a function call takes as arguments (~120,000 here): a county's SUPPLY_DAYS_EXCEEDED under a
      // strict region's parameters found 174,647 and the run failed with "Maximum call stack size exceeded".
      const many = testRule(
        "MANY",
        "visit",
        `SELECT 'H' AS fixmedins_code, 'P' || i AS psn_no, 'V' || i AS mdtrt_id, NULL AS setl_id, [] AS feedetl_sn,
                NULL AS med_list_codg, DATE '2025-01-01' AS date, 1.0 AS amount, {'i': i} AS evidence, '测试' AS message
         FROM range(200000) t(i)`
      )
      const result = yield* runScreening({ extract: demoExtractDir, rules: ["MANY"], library: [many] })
      assert.strictEqual(result.suspicions.length, 200000)
      assert.strictEqual(result.totals.amount, 200000)
    })
  )

  it.effect("fails with RuleFailed when a rule's query fails", () =>
    Effect.gen(function* () {
      const broken = testRule("BROKEN", "visit", "SELECT * FROM no_such_table")
      const error = yield* Effect.flip(runScreening({ extract: demoExtractDir, library: [broken] }))
      assert.strictEqual(error._tag, "RuleFailed")
      assert.include(error.message, "rule BROKEN failed")
      assert.include(error.message, "no_such_table")
    })
  )

  it.effect("fails with RuleFailed when a rule emits two suspicions with one key", () =>
    Effect.gen(function* () {
      const twice = testRule(
        "TWICE",
        "visit",
        `SELECT fixmedins_code, psn_no, mdtrt_id, NULL AS setl_id, [] AS feedetl_sn, NULL AS med_list_codg,
                NULL AS date, 1 AS amount, {'n': 1} AS evidence, '' AS message FROM setlinfo`
      )
      const error = yield* Effect.flip(runScreening({ extract: demoExtractDir, library: [twice] }))
      assert.strictEqual(error._tag, "RuleFailed")
      assert.include(error.message, "two suspicions with the same key TWICE|visit|")
    })
  )

  it.effect(
    "fails on a rule whose rows break the contract while the next rule's query is under way, and leaves the handle usable",
    () =>
      Effect.gen(function* () {
        const handle = yield* importExtractScoped(demoExtractDir)
        const twice = testRule(
          "A_TWICE",
          "visit",
          `SELECT fixmedins_code, psn_no, mdtrt_id, NULL AS setl_id, [] AS feedetl_sn, NULL AS med_list_codg,
                NULL AS date, 1 AS amount, {'n': 1} AS evidence, '' AS message FROM setlinfo`
        )
        // A query long enough to be under way while the rule before it is checked.
        const slow = testRule(
          "B_SLOW",
          "institution",
          `SELECT 'H' AS fixmedins_code, NULL AS psn_no, NULL AS mdtrt_id, NULL AS setl_id, [] AS feedetl_sn,
                NULL AS med_list_codg, NULL AS date, sum(i % 7) * 0 + 1.0 AS amount, {'x': 1} AS evidence, '' AS message
         FROM range(20000000) t(i)`
        )
        const events: Array<string> = []
        const error = yield* Effect.flip(
          runScreening({
            extract: handle,
            library: [slow, twice],
            onProgress: (e) => {
              if (e._tag === "RuleStarted") events.push(`start ${e.code}`)
              if (e._tag === "RuleFinished") events.push(`finish ${e.run.code}`)
            }
          })
        )
        assert.strictEqual(error._tag, "RuleFailed")
        assert.include(error.message, "rule A_TWICE failed")
        assert.deepStrictEqual(events, ["start A_TWICE"])
        // The slow query that was under way has ended: the connection takes the next run.
        events.length = 0
        const result = yield* runScreening({
          extract: handle,
          library: [slow, twice],
          rules: ["B_SLOW"],
          onProgress: (e) => {
            if (e._tag === "RuleStarted") events.push(`start ${e.code}`)
            if (e._tag === "RuleFinished") events.push(`finish ${e.run.code}`)
          }
        })
        assert.deepStrictEqual(
          result.suspicions.map((s) => [s.rule, s.amount]),
          [["B_SLOW", 1]]
        )
        assert.deepStrictEqual(events, ["start B_SLOW", "finish B_SLOW"])
        // A run that opened the extract itself closes it only once the query under way has ended.
        const closed = yield* Effect.flip(runScreening({ extract: demoExtractDir, library: [slow, twice] }))
        assert.include(closed.message, "rule A_TWICE failed")
      }).pipe(Effect.scoped)
  )

  it.effect("reports the rules in order, each started before it finishes, with the time its query took", () =>
    Effect.gen(function* () {
      const events: Array<string> = []
      const result = yield* runScreening({
        extract: demoExtractDir,
        rules: ["BED_OVER_CAPACITY", "NIGHT_SETTLEMENT", "SPLIT_ADMISSION"],
        onProgress: (e) => {
          if (e._tag === "RuleStarted") events.push(`start ${e.code}`)
          if (e._tag === "RuleFinished") events.push(`finish ${e.run.code}`)
        }
      })
      assert.deepStrictEqual(events, [
        "start BED_OVER_CAPACITY",
        "finish BED_OVER_CAPACITY",
        "start NIGHT_SETTLEMENT",
        "finish NIGHT_SETTLEMENT",
        "start SPLIT_ADMISSION",
        "finish SPLIT_ADMISSION"
      ])
      assert.isTrue(result.rules.every((r) => r.status === "ran" && r.durationMs > 0))
    })
  )

  it.effect("fails with RuleFailed when a suspicion lacks its level's key", () =>
    Effect.gen(function* () {
      const keyless = testRule(
        "KEYLESS",
        "line",
        `SELECT fixmedins_code, psn_no, mdtrt_id, NULL AS setl_id, [] AS feedetl_sn, NULL AS med_list_codg,
                NULL AS date, 1 AS amount, {'n': 1} AS evidence, '' AS message FROM mdtrt LIMIT 1`
      )
      const error = yield* Effect.flip(runScreening({ extract: demoExtractDir, library: [keyless] }))
      assert.strictEqual(error._tag, "RuleFailed")
      assert.include(error.message, "a line-level suspicion has no feedetl_sn")
    })
  )

  it.effect("rounds amounts to the fen", () =>
    Effect.gen(function* () {
      const third = testRule(
        "THIRD",
        "institution",
        `SELECT fixmedins_code, NULL AS psn_no, NULL AS mdtrt_id, NULL AS setl_id, [] AS feedetl_sn,
                NULL AS med_list_codg, NULL AS date, 10.0 / 3 AS amount, {'x': 1} AS evidence, '' AS message
         FROM mdtrt GROUP BY fixmedins_code`
      )
      const result = yield* runScreening({ extract: demoExtractDir, library: [third] })
      assert.isTrue(result.suspicions.every((s) => s.amount === 3.33))
      assert.strictEqual(result.suspicions.length, 16)
    })
  )
})
