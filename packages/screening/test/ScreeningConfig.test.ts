import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { type ConfigProblem, defineRule, resolveConfig, ruleLibrary, runScreening } from "../src/index.js"

const extraRule = defineRule({
  code: "ZZ_TEST",
  version: 1,
  level: "institution",
  violation: null,
  requiredTables: ["fixmedins"],
  parameters: Schema.Struct({ N: Schema.optionalWith(Schema.Int, { default: () => 15, exact: true }) }),
  partitionInputs: [],
  title: { zh: "测试", en: "test" },
  description: { zh: "测试规则", en: "test rule" },
  sql: ({ N }) => `SELECT fixmedins_code, NULL AS psn_no, NULL AS mdtrt_id, NULL AS setl_id, [] AS feedetl_sn,
                   NULL AS med_list_codg, NULL AS date, ${N} AS amount, NULL AS evidence, '' AS message FROM fixmedins`
})
const library = [...ruleLibrary, extraRule]

const problemsOf = (input: Parameters<typeof resolveConfig>[1]): ReadonlyArray<ConfigProblem> =>
  Either.match(resolveConfig(library, input), {
    onLeft: (e) => e.problems,
    onRight: () => assert.fail("expected the configuration to be rejected")
  })

describe("screening configuration", () => {
  it("merges parameters over the defaults", () => {
    const config = Either.getOrThrow(resolveConfig(library, { params: { ZZ_TEST: { N: 7 } } }))
    const byCode = new Map(config.rules.map((r) => [r.rule.code, r.compiled]))
    assert.strictEqual(config.rules.length, ruleLibrary.length + 1)
    assert.deepStrictEqual(byCode.get("PRICE_OVER_CAP")!.params, { tolerance: 0.01 })
    assert.deepStrictEqual(byCode.get("SPLIT_ADMISSION")!.params, { N: 15 })
    assert.deepStrictEqual(byCode.get("ZZ_TEST")!.params, { N: 7 })
    assert.include(byCode.get("ZZ_TEST")!.sql, "7 AS amount")
  })

  it("names an unknown rule code in params", () => {
    assert.deepStrictEqual(problemsOf({ params: { NO_SUCH_RULE: {} } }), [
      { source: "params", key: "NO_SUCH_RULE", message: "unknown rule code" }
    ])
  })

  it("names an unknown parameter", () => {
    assert.deepStrictEqual(problemsOf({ params: { PRICE_OVER_CAP: { tolerence: 0.5 } } }), [
      { source: "params", key: "PRICE_OVER_CAP.tolerence", message: "unknown parameter" }
    ])
  })

  it("names a parameter of the wrong type or out of range", () => {
    const problems = problemsOf({ params: { PRICE_OVER_CAP: { tolerance: "0.5" }, ZZ_TEST: { N: 1.5 } } })
    assert.deepStrictEqual(
      problems.map((p) => [p.source, p.key]),
      [
        ["params", "PRICE_OVER_CAP.tolerance"],
        ["params", "ZZ_TEST.N"]
      ]
    )
    assert.strictEqual(problems[0]!.message, 'must be a number ≥ 0, got "0.5"')
    assert.include(problems[1]!.message, "1.5")
    const negative = problemsOf({ params: { PRICE_OVER_CAP: { tolerance: -1 } } })
    assert.deepStrictEqual(
      negative.map((p) => p.key),
      ["PRICE_OVER_CAP.tolerance"]
    )
  })

  it("checks the parameters of rules left out of the run", () => {
    assert.deepStrictEqual(
      problemsOf({ rules: ["PRICE_OVER_CAP"], params: { ZZ_TEST: { M: 1 } } }).map((p) => p.key),
      ["ZZ_TEST.M"]
    )
  })

  it("rejects params that are not an object keyed by rule code", () => {
    assert.deepStrictEqual(problemsOf({ params: [1, 2] }), [
      { source: "params", key: "", message: "must be a JSON object keyed by rule code" }
    ])
    assert.deepStrictEqual(problemsOf({ params: { PRICE_OVER_CAP: 0.5 } }), [
      { source: "params", key: "PRICE_OVER_CAP", message: "parameters must be a JSON object" }
    ])
  })

  it("names an unknown rule code in the rule selection", () => {
    assert.deepStrictEqual(problemsOf({ rules: ["PRICE_OVER_CAP", "PRICE_OVERCAP", 3] }), [
      { source: "rules", key: "1", message: 'unknown rule code "PRICE_OVERCAP"' },
      { source: "rules", key: "2", message: "unknown rule code 3" }
    ])
  })

  it("selects a subset of rules, in code order", () => {
    const config = Either.getOrThrow(resolveConfig(library, { rules: ["ZZ_TEST"] }))
    assert.deepStrictEqual(
      config.rules.map((r) => r.rule.code),
      ["ZZ_TEST"]
    )
  })

  it("checks the partition descriptor", () => {
    assert.deepStrictEqual(problemsOf({ partition: { by: "region", index: 3, count: 4 } }), [
      { source: "partition", key: "by", message: 'must be "person" or "institution"' }
    ])
    assert.deepStrictEqual(problemsOf({ partition: { by: "person", index: 4, count: 4 } }), [
      { source: "partition", key: "index", message: "index must be less than count" }
    ])
    assert.deepStrictEqual(
      problemsOf({ partition: { by: "person", index: 0, count: 0, extra: 1 } })
        .map((p) => p.key)
        .sort(),
      ["count", "extra"]
    )
    const ok = Either.getOrThrow(resolveConfig(library, { partition: { by: "institution", index: 1, count: 2 } }))
    assert.deepStrictEqual(ok.partition, { by: "institution", index: 1, count: 2 })
  })

  it("reports every problem at once", () => {
    const problems = problemsOf({
      rules: ["NOPE"],
      params: { NOPE: {}, PRICE_OVER_CAP: { tolerance: "x" } },
      partition: { by: "person", index: -1, count: 2 }
    })
    assert.deepStrictEqual(
      problems.map((p) => `${p.source}:${p.key}`),
      ["rules:0", "params:NOPE", "params:PRICE_OVER_CAP.tolerance", "partition:index"]
    )
  })

  it.effect("fails a run before touching the extract, with a readable message", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        runScreening({ extract: "/nonexistent/extract", params: { PRICE_OVER_CAP: { tolerance: "x" } } })
      )
      assert.strictEqual(error._tag, "ScreeningConfigInvalid")
      assert.include(error.message, 'params PRICE_OVER_CAP.tolerance: must be a number ≥ 0, got "x"')
    })
  )
})
