import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { afterAll } from "vitest"
import { runScreening } from "../src/index.js"
import {
  AMOXICILLIN,
  baseTables,
  cleanupDirs,
  fixmedins,
  INFUSION,
  line,
  ULTRASOUND,
  writeCsvExtract
} from "./utils/extract.js"

afterAll(cleanupDirs)

const run = (dir: string, params?: unknown) =>
  runScreening({ extract: dir, rules: ["PRICE_OVER_CAP"], ...(params === undefined ? {} : { params }) })

const lines = [
  // 奉节县人民医院 (三级): exactly at the lv1 ceiling, and 0.01 above it (within the tolerance).
  line({ sn: "1", visit: 1, item: INFUSION, cnt: 2, pric: 12 }),
  line({ sn: "2", visit: 1, item: ULTRASOUND, cnt: 1, pric: 120.01 }),
  // 奉节县中医院 (二级): 12 against the lv2 ceiling 10.
  line({ sn: "1", visit: 2, item: INFUSION, cnt: 3, pric: 12 }),
  // 草堂镇卫生院 (一级): over-cap infusion fully refunded; over-cap ultrasound partly refunded.
  line({ sn: "1", visit: 3, item: INFUSION, cnt: 2, pric: 9 }),
  line({ sn: "2", visit: 3, item: INFUSION, cnt: -2, pric: 9, init: "1" }),
  line({ sn: "3", visit: 3, item: ULTRASOUND, cnt: 3, pric: 90 }),
  line({ sn: "4", visit: 3, item: ULTRASOUND, cnt: -1, pric: 90, init: "3" }),
  // Unlevelled clinic: the _other ceiling (6) applies; an item without an _other ceiling is not checked.
  line({ sn: "1", visit: 4, item: INFUSION, cnt: 1, pric: 7 }),
  line({ sn: "2", visit: 4, item: ULTRASOUND, cnt: 1, pric: 500 }),
  // Pharmacy: drug ceiling 15.80.
  line({ sn: "1", visit: 5, item: AMOXICILLIN, cnt: 2, pric: 17.8 })
]

describe("PRICE_OVER_CAP", () => {
  it.effect("flags the over-cap lines with exact amounts, evidence and message", () =>
    Effect.gen(function* () {
      const result = yield* run(writeCsvExtract(baseTables(lines)))
      const keys = result.suspicions.map((s) => `${s.mdtrt_id}/${s.feedetl_sn.join(",")}`)
      assert.deepStrictEqual(keys, ["M2/1", "M3/3", "M4/1", "M5/1"])
      const hit = result.suspicions[0]!
      assert.deepStrictEqual(hit, {
        rule: "PRICE_OVER_CAP",
        ruleVersion: 1,
        level: "line",
        fixmedins_code: "H50023500002",
        psn_no: "50023500000001",
        mdtrt_id: "M2",
        setl_id: null,
        feedetl_sn: ["1"],
        med_list_codg: INFUSION,
        date: "2025-01-06",
        amount: 6,
        violation: "A38-3-OVER_STANDARD_CHARGE",
        evidence: {
          med_list_name: "静脉输液",
          pric: 12,
          ceiling: 10,
          ceiling_column: "pric_uplmt_lv2",
          hosp_lv: "2",
          fixmedins_type: "1",
          cnt: 3,
          original_cnt: 3,
          refunded_cnt: 0,
          excess_per_unit: 2
        },
        message: "静脉输液：单价 12.00 元超过二级医院限价 10.00 元，超出 2.00 元 × 3"
      })
      assert.deepStrictEqual(
        result.rules.map((r) => [r.code, r.status, r.count]),
        [["PRICE_OVER_CAP", "ran", 4]]
      )
      assert.strictEqual(result.totals.amount, 6 + 20 + 1 + 4)
    })
  )

  it.effect("counts the net quantity of a partly refunded line and ignores a fully refunded one", () =>
    Effect.gen(function* () {
      const result = yield* run(writeCsvExtract(baseTables(lines)))
      const visit3 = result.suspicions.filter((s) => s.mdtrt_id === "M3")
      assert.strictEqual(visit3.length, 1)
      const partial = visit3[0]!
      assert.deepStrictEqual(partial.feedetl_sn, ["3"])
      assert.strictEqual(partial.amount, 20)
      assert.strictEqual(partial.evidence.cnt, 2)
      assert.strictEqual(partial.evidence.original_cnt, 3)
      assert.strictEqual(partial.evidence.refunded_cnt, 1)
      assert.strictEqual(partial.evidence.ceiling_column, "pric_uplmt_lv3")
      assert.strictEqual(
        partial.message,
        "腹部彩色多普勒超声：单价 90.00 元超过一级医院限价 80.00 元，超出 10.00 元 × 2（原数量 3，已退 1）"
      )
    })
  )

  it.effect("does not flag a price at the ceiling or within the tolerance", () =>
    Effect.gen(function* () {
      const result = yield* run(writeCsvExtract(baseTables(lines)))
      assert.isFalse(result.suspicions.some((s) => s.mdtrt_id === "M1"))
    })
  )

  it.effect("uses pric_uplmt_other for pharmacies and unlevelled institutions", () =>
    Effect.gen(function* () {
      const result = yield* run(writeCsvExtract(baseTables(lines)))
      const clinic = result.suspicions.find((s) => s.mdtrt_id === "M4")!
      assert.strictEqual(clinic.evidence.ceiling_column, "pric_uplmt_other")
      assert.strictEqual(clinic.amount, 1)
      assert.include(clinic.message, "超过未定级机构限价 6.00 元")
      const pharmacy = result.suspicions.find((s) => s.mdtrt_id === "M5")!
      assert.strictEqual(pharmacy.evidence.ceiling_column, "pric_uplmt_other")
      assert.strictEqual(pharmacy.amount, 4)
      assert.include(pharmacy.message, "超过定点药店限价 15.80 元")
    })
  )

  it.effect("prices a pharmacy at _other even when it carries a hospital level", () =>
    Effect.gen(function* () {
      const leveled = fixmedins.map((f) => (f.fixmedins_type === "2" ? { ...f, hosp_lv: "1" } : f))
      const dir = writeCsvExtract(
        baseTables([line({ sn: "1", visit: 5, item: INFUSION, cnt: 1, pric: 7 })], { fixmedins: leveled })
      )
      const result = yield* run(dir)
      assert.strictEqual(result.suspicions.length, 1)
      assert.strictEqual(result.suspicions[0]!.evidence.ceiling, 6)
    })
  )

  it.effect("honours the tolerance parameter", () =>
    Effect.gen(function* () {
      const result = yield* run(writeCsvExtract(baseTables(lines)), { PRICE_OVER_CAP: { tolerance: 5 } })
      assert.deepStrictEqual(
        result.suspicions.map((s) => s.mdtrt_id),
        ["M3"]
      )
      assert.deepStrictEqual(result.rules[0]!.params, { tolerance: 5 })
    })
  )

  it.effect("is skipped, not failed, when the catalogue is absent", () =>
    Effect.gen(function* () {
      const tables = baseTables(lines)
      const { catalog: _catalog, ...withoutCatalog } = tables
      const result = yield* run(writeCsvExtract(withoutCatalog))
      assert.deepStrictEqual(result.suspicions, [])
      assert.deepStrictEqual(result.rules, [
        {
          code: "PRICE_OVER_CAP",
          version: 1,
          kind: "violation",
          status: "skipped",
          reason: "missing table catalog",
          count: 0,
          durationMs: 0,
          params: { tolerance: 0.01 }
        }
      ])
      assert.strictEqual(result.totals.rulesSkipped, 1)
    })
  )
})
