import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { readFileSync } from "node:fs"
import { evidenceFields, rulesDocPath, rulesDocText } from "../scripts/rules-doc.js"
import { demoExtractDir, ruleLibrary, runScreening } from "../src/index.js"

describe("docs/domain/screening-rules.md", () => {
  it("is what scripts/rules-doc.ts generates from the library (rerun docs:rules)", () => {
    assert.strictEqual(readFileSync(rulesDocPath, "utf8"), rulesDocText())
  })

  it.effect("names every evidence field the rules write on the demo extract", () =>
    Effect.gen(function* () {
      assert.deepStrictEqual(Object.keys(evidenceFields).sort(), ruleLibrary.map((r) => r.code).sort())
      const result = yield* runScreening({ extract: demoExtractDir })
      for (const s of result.suspicions) {
        const undocumented = Object.keys(s.evidence).filter((k) => !evidenceFields[s.rule]!.includes(k))
        assert.deepStrictEqual(undocumented, [], s.rule)
      }
    })
  )
})
