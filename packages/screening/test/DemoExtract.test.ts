import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { demoExtractDir, makeDemoExtract } from "../scripts/make-demo-extract.js"
import { importExtractScoped, runScreening } from "../src/index.js"

describe("demo extract (demo/extract)", () => {
  it("is exactly what scripts/make-demo-extract.ts generates", () => {
    const generated = makeDemoExtract()
    assert.deepStrictEqual(readdirSync(demoExtractDir).sort(), [...generated.keys()].sort())
    for (const [name, text] of generated) {
      assert.strictEqual(readFileSync(join(demoExtractDir, name), "utf8"), text, `${name} is stale; rerun the script`)
    }
  })

  it.effect("imports cleanly, with its manifest and row counts", () =>
    Effect.gen(function* () {
      const handle = yield* importExtractScoped(demoExtractDir)
      assert.deepStrictEqual(handle.manifest as unknown, {
        format: "claims-extract/1",
        admdvs: "500235",
        period: { from: "2025-01-01", to: "2025-03-31" }
      })
      assert.deepStrictEqual(handle.rowCounts, {
        fixmedins: 16,
        psn: 40,
        mdtrt: 123,
        feedetail: 615,
        setlinfo: 125,
        catalog: 32
      })
      assert.deepStrictEqual(handle.warnings, [])
      const kinds = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(
          `SELECT org_kind, count(*)::INTEGER AS n FROM fixmedins GROUP BY org_kind ORDER BY org_kind`
        )
      )
      assert.deepStrictEqual(kinds.getRowObjectsJson(), [
        { org_kind: "clinic", n: 2 },
        { org_kind: "community_health_center", n: 1 },
        { org_kind: "pharmacy", n: 3 },
        { org_kind: "private_hospital", n: 1 },
        { org_kind: "public_hospital", n: 2 },
        { org_kind: "township_health_center", n: 3 },
        { org_kind: "village_clinic", n: 4 }
      ])
      const orphans = yield* Effect.promise(() =>
        handle.connection.runAndReadAll(
          `SELECT count(*)::INTEGER AS n FROM feedetail f LEFT JOIN mdtrt m USING (mdtrt_id)
           WHERE m.mdtrt_id IS NULL OR m.psn_no <> f.psn_no OR m.fixmedins_code <> f.fixmedins_code`
        )
      )
      assert.deepStrictEqual(orphans.getRowObjectsJson(), [{ n: 0 }])
    }).pipe(Effect.scoped)
  )

  it.effect("yields the planted PRICE_OVER_CAP hits and nothing else", () =>
    Effect.gen(function* () {
      const result = yield* runScreening({ extract: demoExtractDir, rules: ["PRICE_OVER_CAP"] })
      const hits = result.suspicions.map((s) => [s.fixmedins_code, s.med_list_codg, s.amount])
      // In output order (by visit id, which starts with the visit day), one per planted line.
      assert.deepStrictEqual(hits, [
        ["H50023500002", "001204000010000", 6],
        ["H50023500003", "002301000010000", 40],
        ["H50023500003", "002101000010000", 25],
        ["H50023500002", "002301000010000", 20],
        ["H50023500002", "001204000010000", 6],
        ["H50023500003", "003103000010000", 5],
        ["H50023500004", "004301000010000", 15],
        ["H50023500004", "004302000010000", 10],
        ["H50023500012", "001203000010000", 2],
        ["P50023500001", "XJ01CAA040A001010100001", 5.4],
        ["P50023500001", "ZC11BAF0013010100009", 3]
      ])
      assert.strictEqual(result.totals.amount, 137.4)
      // The fully refunded 推拿治疗 at 康华医院 and the 12.01 infusion at 人民医院 (within tolerance) are absent.
      assert.isFalse(
        result.suspicions.some((s) => s.fixmedins_code === "H50023500003" && s.med_list_codg === "004302000010000")
      )
      assert.isFalse(result.suspicions.some((s) => s.fixmedins_code === "H50023500001"))
    })
  )
})
