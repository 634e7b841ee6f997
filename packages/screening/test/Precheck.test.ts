/**
 * The pre-settlement check against the nightly run on whole extracts (`precheck.md`, "Equivalence with the
 * nightly run"): replaying the demo extract and a synthetic one visit by visit, in time order, flags exactly
 * the lines and visits the nightly run flags for the rules decided on one claim, with the same amounts.
 * (Every rule test also checks the two on its own extract: `test/utils/builder.ts`.)
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { afterAll } from "vitest"
import { demoExtractDir } from "../scripts/make-demo-extract.js"
import { writeSyntheticExtract } from "../scripts/synth-extract.js"
import {
  importExtractScoped,
  precheckDifferences,
  precheckRules,
  replayExtract,
  ruleLibrary,
  runScreening
} from "../src/index.js"
import { cleanupDirs, writeDir } from "./utils/extract.js"

afterAll(cleanupDirs)

const precheckCodes = ruleLibrary.filter((r) => r.precheck).map((r) => r.code)

const compare = (dir: string) =>
  Effect.gen(function* () {
    const nightly = yield* runScreening({ extract: dir, rules: precheckCodes })
    const rules = Either.getOrThrow(precheckRules())
    const replay = yield* Effect.scoped(Effect.flatMap(importExtractScoped(dir), (h) => replayExtract(h, rules)))
    return { nightly, replay, differences: precheckDifferences(nightly.suspicions, replay, precheckCodes) }
  })

describe("pre-settlement check = nightly run, on whole extracts", () => {
  it("has a pre-settlement check for exactly the ten rules precheck.md lists", () => {
    assert.deepStrictEqual([...precheckCodes].sort(), [
      "AGE_RESTRICTED",
      "BILLING_AFTER_DEATH",
      "CARE_SETTING_RESTRICTED",
      "CHARGE_OUTSIDE_STAY",
      "DUPLICATE_CHARGE",
      "FREQUENCY_EXCEEDED",
      "GENDER_RESTRICTED",
      "PRICE_OVER_CAP",
      "SUPPLY_DAYS_EXCEEDED",
      "UNBUNDLED_CHARGE"
    ])
  })

  it.effect("the demo extract", () =>
    Effect.gen(function* () {
      const { nightly, replay, differences } = yield* compare(demoExtractDir)
      assert.deepStrictEqual(differences, [])
      // Not an empty agreement: the demo plants cases for most of these rules.
      const flagged = new Set(nightly.suspicions.map((s) => s.rule))
      assert.isAtLeast(flagged.size, 8, [...flagged].join(", "))
      assert.strictEqual(new Set(replay.map((h) => h.rule.code)).size, flagged.size)
    })
  )

  it.effect("a synthetic extract of 30,000 lines", () =>
    Effect.gen(function* () {
      const dir = writeDir({})
      yield* Effect.promise(() => writeSyntheticExtract({ lines: 30_000, dir, seed: 7 }))
      const { nightly, differences } = yield* compare(dir)
      assert.deepStrictEqual(differences, [])
      assert.isAtLeast(new Set(nightly.suspicions.map((s) => s.rule)).size, 6)
    })
  )
})
