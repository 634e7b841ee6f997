import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { paramsSchemaText } from "../scripts/params-schema.js"
import {
  readRegionParams,
  RegionParams,
  regionParamsDir,
  resolveConfig,
  ruleLibrary,
  type ScreeningConfigInvalid
} from "../src/index.js"

const problemsOf = (params: unknown) =>
  Either.match(resolveConfig(ruleLibrary, { params }), {
    onLeft: (e: ScreeningConfigInvalid) => e.problems.map((p) => `${p.key}: ${p.message}`),
    onRight: () => []
  })

describe("region parameter files (params/)", () => {
  it("are all valid for the rule library and against the file Schema", () => {
    const files = readdirSync(regionParamsDir).filter((f) => /^\d{6}\.json$/.test(f))
    assert.include(files, "500235.json")
    for (const file of files) {
      const json: unknown = JSON.parse(readFileSync(join(regionParamsDir, file), "utf8"))
      assert.deepStrictEqual(problemsOf(json), [], file)
      assert.isTrue(Either.isRight(Schema.decodeUnknownEither(RegionParams())(json)), file)
    }
  })

  it("keeps params/schema.json in step with the library (rerun the params:schema script)", () => {
    // Compared as JSON: the file is Prettier-formatted, the generator's text is not.
    assert.deepStrictEqual(
      JSON.parse(readFileSync(join(regionParamsDir, "schema.json"), "utf8")),
      JSON.parse(paramsSchemaText())
    )
  })

  it.effect("reads 奉节's file, whose 门诊慢特病 setting replaces the national 30 days", () =>
    Effect.gen(function* () {
      const params = yield* readRegionParams("500235")
      const config = Either.getOrThrow(resolveConfig(ruleLibrary, { params, rules: ["SUPPLY_DAYS_EXCEEDED"] }))
      assert.deepStrictEqual(config.rules[0]!.compiled.params, {
        "14": { days: 7, special_days: 15, visit_amount_cap: 200 },
        default: 7
      })
      assert.strictEqual(yield* readRegionParams("999999"), null)
    })
  )

  it("names the offending key of a bad SUPPLY_DAYS_EXCEEDED setting", () => {
    assert.deepStrictEqual(problemsOf({ SUPPLY_DAYS_EXCEEDED: { "14": { days: 7, cap: 200 } } }), [
      'SUPPLY_DAYS_EXCEEDED.14: must be a number of days > 0 or {"days": …, "special_days"?: …, "visit_amount_cap"?: …}, got {"days":7,"cap":200}'
    ])
    assert.deepStrictEqual(problemsOf({ SUPPLY_DAYS_EXCEEDED: { outpatient: 5 } }), [
      "SUPPLY_DAYS_EXCEEDED.outpatient: unknown parameter"
    ])
    assert.deepStrictEqual(problemsOf({ SUPPLY_DAYS_EXCEEDED: { default: 0 } }), [
      'SUPPLY_DAYS_EXCEEDED.default: must be a number of days > 0 or {"days": …, "special_days"?: …, "visit_amount_cap"?: …}, got 0'
    ])
    assert.deepStrictEqual(problemsOf({ NIGHT_SETTLEMENT: { H1: "25:00" }, SPLIT_ADMISSION: { N: -1 } }), [
      'NIGHT_SETTLEMENT.H1: must be a clock time "HH:mm" or a whole hour 0–23, got "25:00"',
      "SPLIT_ADMISSION.N: must be a whole number ≥ 0, got -1"
    ])
  })

  it("treats $-keys as annotations but still rejects unknown rule codes", () => {
    assert.deepStrictEqual(problemsOf({ $schema: "./schema.json", $comment: "x" }), [])
    assert.deepStrictEqual(problemsOf({ SPLIT_ADMISION: { N: 7 } }), ["SPLIT_ADMISION: unknown rule code"])
  })
})
