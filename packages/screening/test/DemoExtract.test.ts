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
        deaths: 1,
        mdtrt: 220,
        diseinfo: 34,
        feedetail: 928,
        setlinfo: 222,
        inv_stock: 17,
        inv_purchase: 17,
        inv_purchase_return: 6,
        inv_sale: 67,
        inv_sale_return: 1,
        drugtrac: 207,
        staff: 16,
        duty: 270,
        catalog: 34,
        catalog_pair: 3
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

  it.effect("shows leads for every rule but PEER_COST_OUTLIER, each planted story among them", () =>
    Effect.gen(function* () {
      const result = yield* runScreening({ extract: demoExtractDir })
      const byRule = new Map<string, Array<string>>()
      for (const s of result.suspicions) byRule.set(s.rule, [...(byRule.get(s.rule) ?? []), s.message])
      assert.deepStrictEqual(
        result.rules.filter((r) => r.count === 0).map((r) => r.code),
        ["PEER_COST_OUTLIER"]
      )
      assert.isTrue(result.rules.every((r) => r.status === "ran"))
      const has = (rule: string, text: string) =>
        assert.isTrue(
          (byRule.get(rule) ?? []).some((m) => m.includes(text)),
          `${rule}: no lead saying ${text} in ${JSON.stringify(byRule.get(rule))}`
        )
      has("DUPLICATE_CHARGE", "已收取静脉输液（价格已含一次性使用输液器）")
      has("UNBUNDLED_CHARGE", "构成打包项目肝肾功能组合检查的全部组成")
      has("FREQUENCY_EXCEEDED", "普通针刺：3月3日共 5 次")
      has("GENDER_RESTRICTED", "宫颈细胞学检查限女性使用")
      has("AGE_RESTRICTED", "小儿推拿限14周岁及以下使用")
      has("CARE_SETTING_RESTRICTED", "注射用头孢曲松钠限急诊、普通住院使用")
      has("SUPPLY_DAYS_EXCEEDED", "布洛芬缓释胶囊：定点药店购药开药 14 天")
      has("CHARGE_OUTSIDE_STAY", "【数据质量】静脉输液计费时间 2025-02-07")
      has("SPLIT_ADMISSION", "出院后6天再次入住同一机构")
      has("OVERLAPPING_STAYS", "同时在奉节县吐祥镇中心卫生院住院")
      has("CARE_DURING_STAY", "奉节县吐祥镇济民药店、奉节县康佰家药店永安店")
      has("IDLE_BED_DAYS", "连续 4 个整日（3月7日至3月10日）")
      has("LOW_INDICATION_ADMISSION", "检查化验费 201.00 元")
      has("BILLING_AFTER_DEATH", "参保人已于2025-02-10死亡，20 天后")
      has("FREQUENT_PHARMACY", "1月4日起 30 天内药店购药结算 10 次")
      has("FREQUENT_PHARMACY", "2月20日一天内在 3 家药店购药")
      has("CUMULATIVE_OVERSUPPLY", "复方丹参滴丸：1月9日起 30 天内累计开药 60 天量")
      has("BED_OVER_CAPACITY", "该机构无核定床位")
      has("DOCTOR_DAILY_OVERLOAD", "接诊门诊 42 人次，超过村卫生室每日 40 人次")
      has("INVENTORY_SHORTFALL", "阿莫西林胶囊：1月1日至3月31日医保结算 4")
      has("SETTLED_NOT_SOLD", "连花清瘟胶囊在进销存销售记录中无对应销售")
      has("TRACE_CODE_REUSED", "被扫码销售或结算 2 次（2 家机构）")
      has("NIGHT_SETTLEMENT", "于 2025-03-10 23:30:00 医保结算")
      has("CARD_POOLING", "为 5 名不同参保人结算相同药品组合")
      has("PHARMACIST_ABSENT", "2025-02-16 07:50:00 销售处方药")
      has("PHARMACIST_ABSENT", "2025-03-10 23:30:00 销售处方药")
      has("UNIFORM_TEST_PANEL", "14 次住院中 12 次（86%）检查检验项目完全相同（5 项）")
      // The data-quality lead is labelled as such; statistical and data-quality rules suggest no violation.
      const dq = result.suspicions.filter((s) => s.rule === "CHARGE_OUTSIDE_STAY")
      assert.isTrue(dq.every((s) => s.violation === null && s.evidence.category === "data_quality"))
      assert.deepStrictEqual(
        result.rules.filter((r) => r.kind !== "violation").map((r) => [r.code, r.kind]),
        [
          ["CHARGE_OUTSIDE_STAY", "data_quality"],
          ["PEER_COST_OUTLIER", "lead"]
        ]
      )
    })
  )

  it.effect("under 奉节's parameters (params/500235.json) adds the 门诊慢特病 leads", () =>
    Effect.gen(function* () {
      const params = JSON.parse(readFileSync(join(demoExtractDir, "..", "..", "params", "500235.json"), "utf8"))
      const result = yield* runScreening({ extract: demoExtractDir, rules: ["SUPPLY_DAYS_EXCEEDED"], params })
      assert.deepStrictEqual(
        result.suspicions.map((s) => s.message),
        [
          "布洛芬缓释胶囊：定点药店购药开药 14 天，超过限定 7 天，金额 36.00 元",
          "布洛芬缓释胶囊：门诊慢特病开药 12 天，超过限定 7 天（特殊情况最长 15 天，请核实是否属特殊情况），金额 36.00 元",
          "门诊慢特病一次就诊药品金额 216.00 元，超过限额 200.00 元"
        ]
      )
    })
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
