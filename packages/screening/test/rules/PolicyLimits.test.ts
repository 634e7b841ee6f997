/**
 * Policy-limit rules (政策限定类) on hand-made extracts: each fires on its pattern with exact amount,
 * key and evidence, stays quiet on a near miss, and handles a refund or data-quality edge.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { afterAll } from "vitest"
import { importExtractScoped, precheckRules, replayExtract } from "../../src/index.js"
import { cleanupDirs } from "../utils/extract.js"
import { BOY, CLINIC, extract, H1, H2, H4, Item, MAN, PHARMACY, screen, WOMAN } from "../utils/builder.js"

afterAll(cleanupDirs)

const keys = (r: {
  readonly suspicions: ReadonlyArray<{ mdtrt_id: string | null; feedetl_sn: ReadonlyArray<string> }>
}) => r.suspicions.map((s) => `${s.mdtrt_id}/${s.feedetl_sn.join(",")}`)

describe("DUPLICATE_CHARGE", () => {
  const base = () => {
    const b = extract().add("catalog_pair", {
      item_a: Item.DRESSING_LARGE,
      item_b: Item.DRESSING_SMALL,
      relation: "includes"
    })
    const v = b.visit({ id: "V1", inst: H2, medType: "21", begin: "2025-03-03 08:00:00", end: "2025-03-06 10:00:00" })
    return { b, v }
  }

  it.effect("flags the included item billed the same day in the same visit", () =>
    Effect.gen(function* () {
      const { b, v } = base()
      b.line(v, { item: Item.DRESSING_LARGE, time: "2025-03-04 09:00:00", pric: 35 })
      b.line(v, { item: Item.DRESSING_SMALL, time: "2025-03-04 15:00:00", pric: 12, cnt: 2 })
      const result = yield* screen(b, "DUPLICATE_CHARGE")
      assert.deepStrictEqual(result.suspicions, [
        {
          rule: "DUPLICATE_CHARGE",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: H2,
          psn_no: MAN,
          mdtrt_id: "V1",
          setl_id: null,
          feedetl_sn: ["0002"],
          med_list_codg: Item.DRESSING_SMALL,
          date: "2025-03-04",
          amount: 24,
          violation: "A38-3-DUPLICATE_CHARGE",
          evidence: {
            med_list_name: "小换药",
            day: "2025-03-04",
            cnt: 2,
            lines: [
              {
                mdtrt_id: "V1",
                feedetl_sn: "0002",
                med_list_codg: Item.DRESSING_SMALL,
                fee_ocur_time: "2025-03-04 15:00:00",
                cnt: 2,
                pric: 12,
                amount: 24
              }
            ],
            including_items: [Item.DRESSING_LARGE],
            including_names: "大换药",
            including_lines: [
              {
                mdtrt_id: "V1",
                feedetl_sn: "0001",
                med_list_codg: Item.DRESSING_LARGE,
                fee_ocur_time: "2025-03-04 09:00:00",
                cnt: 1,
                pric: 35,
                amount: 35
              }
            ]
          },
          message: "3月4日同次就诊已收取大换药（价格已含小换药），又收取小换药 2 次，金额 24.00 元"
        }
      ])
    })
  )

  it.effect("does not flag the included item on another day or in another visit", () =>
    Effect.gen(function* () {
      const { b, v } = base()
      b.line(v, { item: Item.DRESSING_LARGE, time: "2025-03-04 09:00:00", pric: 35 })
      b.line(v, { item: Item.DRESSING_SMALL, time: "2025-03-05 09:00:00", pric: 12 })
      const other = b.visit({ inst: H2, begin: "2025-03-04 10:00:00" })
      b.line(other, { item: Item.DRESSING_SMALL, pric: 12 })
      assert.deepStrictEqual((yield* screen(b, "DUPLICATE_CHARGE")).suspicions, [])
    })
  )

  it.effect("does not count an including item that was fully refunded", () =>
    Effect.gen(function* () {
      const { b, v } = base()
      const large = b.line(v, { item: Item.DRESSING_LARGE, time: "2025-03-04 09:00:00", pric: 35 })
      b.refund(v, large)
      b.line(v, { item: Item.DRESSING_SMALL, time: "2025-03-04 15:00:00", pric: 12 })
      assert.deepStrictEqual((yield* screen(b, "DUPLICATE_CHARGE")).suspicions, [])
    })
  )

  it.effect("is skipped without catalog_pair", () =>
    Effect.gen(function* () {
      const result = yield* screen(extract(), "DUPLICATE_CHARGE")
      assert.strictEqual(result.rules[0]!.status, "skipped")
      assert.strictEqual(result.rules[0]!.reason, "missing table catalog_pair")
    })
  )
})

describe("UNBUNDLED_CHARGE", () => {
  const base = () =>
    extract().add(
      "catalog_pair",
      { item_a: Item.LIPID_PANEL, item_b: Item.CHOLESTEROL, relation: "part_of" },
      { item_a: Item.LIPID_PANEL, item_b: Item.TRIGLYCERIDE, relation: "part_of" }
    )

  it.effect("flags all parts of a bundle billed without the bundle; amount over the bundle's ceiling", () =>
    Effect.gen(function* () {
      const b = base()
      const v = b.visit({ id: "V1", inst: H2, begin: "2025-03-03 08:00:00" })
      b.line(v, { item: Item.CHOLESTEROL, pric: 18 })
      b.line(v, { item: Item.TRIGLYCERIDE, pric: 18, cnt: 2 })
      const [s, ...rest] = (yield* screen(b, "UNBUNDLED_CHARGE")).suspicions
      assert.deepStrictEqual(rest, [])
      assert.deepStrictEqual(
        [s!.level, s!.mdtrt_id, s!.feedetl_sn, s!.med_list_codg, s!.date, s!.amount],
        ["line", "V1", ["0001", "0002"], Item.LIPID_PANEL, "2025-03-03", 54 - 50]
      )
      assert.deepStrictEqual(
        { ...s!.evidence, lines: undefined },
        {
          bundle: Item.LIPID_PANEL,
          bundle_name: "血脂四项",
          bundle_ceiling: 50,
          ceiling_column: "pric_uplmt_lv2",
          parts_amount: 54,
          day: "2025-03-03",
          lines: undefined,
          other_bundles_with_same_parts: []
        }
      )
      assert.strictEqual(
        s!.message,
        "3月3日分项收取总胆固醇测定、甘油三酯测定共 54.00 元，构成打包项目血脂四项的全部组成而未按打包项目收费（打包限价 50.00 元）"
      )
    })
  )

  it.effect("does not flag when a part is missing or the bundle itself is billed", () =>
    Effect.gen(function* () {
      const b = base()
      const partial = b.visit({ inst: H2, begin: "2025-03-03 08:00:00" })
      b.line(partial, { item: Item.CHOLESTEROL, pric: 18 })
      const withBundle = b.visit({ inst: H2, begin: "2025-03-04 08:00:00" })
      b.line(withBundle, { item: Item.CHOLESTEROL, pric: 18 })
      b.line(withBundle, { item: Item.TRIGLYCERIDE, pric: 18 })
      b.line(withBundle, { item: Item.LIPID_PANEL, pric: 50 })
      const split = b.visit({ inst: H2, begin: "2025-03-05 08:00:00" })
      b.line(split, { item: Item.CHOLESTEROL, pric: 18, time: "2025-03-05 08:00:00" })
      b.line(split, { item: Item.TRIGLYCERIDE, pric: 18, time: "2025-03-06 08:00:00" })
      assert.deepStrictEqual((yield* screen(b, "UNBUNDLED_CHARGE")).suspicions, [])
    })
  )

  it.effect("does not count a refunded part, and never gives a negative amount", () =>
    Effect.gen(function* () {
      const b = base()
      const refunded = b.visit({ id: "R", inst: H2, begin: "2025-03-03 08:00:00" })
      b.line(refunded, { item: Item.CHOLESTEROL, pric: 18 })
      b.refund(refunded, b.line(refunded, { item: Item.TRIGLYCERIDE, pric: 18 }))
      const cheap = b.visit({ id: "C", inst: H2, begin: "2025-03-04 08:00:00" })
      b.line(cheap, { item: Item.CHOLESTEROL, pric: 10 })
      b.line(cheap, { item: Item.TRIGLYCERIDE, pric: 10 })
      const result = yield* screen(b, "UNBUNDLED_CHARGE")
      assert.deepStrictEqual(keys(result), ["C/0001,0002"])
      assert.strictEqual(result.suspicions[0]!.amount, 0)
    })
  )
})

describe("FREQUENCY_EXCEEDED", () => {
  it.effect("sums a person's units across visits of the day at one institution", () =>
    Effect.gen(function* () {
      const b = extract()
      const v1 = b.visit({ id: "V1", inst: H4, begin: "2025-03-03 08:00:00" })
      const v2 = b.visit({ id: "V2", inst: H4, begin: "2025-03-03 14:00:00" })
      b.line(v1, { item: Item.ACUPUNCTURE, pric: 15 })
      b.line(v2, { item: Item.ACUPUNCTURE, pric: 15, cnt: 2 })
      const result = yield* screen(b, "FREQUENCY_EXCEEDED")
      assert.deepStrictEqual(result.suspicions, [
        {
          rule: "FREQUENCY_EXCEEDED",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: H4,
          psn_no: MAN,
          mdtrt_id: "V1",
          setl_id: null,
          feedetl_sn: ["0001", "0001"],
          med_list_codg: Item.ACUPUNCTURE,
          date: "2025-03-03",
          amount: 30,
          violation: "A38-2-OVER_TREATMENT",
          evidence: {
            med_list_name: "普通针刺",
            day: "2025-03-03",
            units: 3,
            max_daily_cnt: 1,
            excess: 2,
            visits: ["V1", "V2"],
            lines: [
              {
                mdtrt_id: "V1",
                feedetl_sn: "0001",
                med_list_codg: Item.ACUPUNCTURE,
                fee_ocur_time: "2025-03-03 08:00:00",
                cnt: 1,
                pric: 15,
                amount: 15
              },
              {
                mdtrt_id: "V2",
                feedetl_sn: "0001",
                med_list_codg: Item.ACUPUNCTURE,
                fee_ocur_time: "2025-03-03 14:00:00",
                cnt: 2,
                pric: 15,
                amount: 30
              }
            ]
          },
          message: "普通针刺：3月3日共 3 次（2 次就诊），超过每日限 1 次，超出 2 次"
        }
      ])
    })
  )

  it.effect("does not flag units at the limit, on different days or at different institutions", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ inst: H4, begin: "2025-03-03" }), { item: Item.GLUCOSE, pric: 4, cnt: 4 })
      b.line(b.visit({ inst: H4, begin: "2025-03-04" }), { item: Item.ACUPUNCTURE, pric: 15 })
      b.line(b.visit({ inst: H4, begin: "2025-03-05" }), { item: Item.ACUPUNCTURE, pric: 15 })
      b.line(b.visit({ inst: H2, begin: "2025-03-05" }), { item: Item.ACUPUNCTURE, pric: 15 })
      assert.deepStrictEqual((yield* screen(b, "FREQUENCY_EXCEEDED")).suspicions, [])
    })
  )

  it.effect("counts net units after refunds", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ id: "V1", inst: H4, begin: "2025-03-03" })
      const sn = b.line(v, { item: Item.GLUCOSE, pric: 4, cnt: 6 })
      b.refund(v, sn, 2)
      const quiet = yield* screen(b, "FREQUENCY_EXCEEDED")
      assert.deepStrictEqual(quiet.suspicions, [])
      b.line(v, { item: Item.GLUCOSE, pric: 4, cnt: 1, time: "2025-03-03 17:00:00" })
      const [s] = (yield* screen(b, "FREQUENCY_EXCEEDED")).suspicions
      assert.deepStrictEqual(
        [s!.feedetl_sn, s!.amount, s!.evidence.units, s!.evidence.excess],
        [["0001", "0003"], 4, 5, 1]
      )
    })
  )
})

describe("GENDER_RESTRICTED", () => {
  it.effect("flags a women-only item billed to a man", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ id: "V1", psn: MAN, begin: "2025-03-03" }), { item: Item.CERVICAL, pric: 60 })
      assert.deepStrictEqual((yield* screen(b, "GENDER_RESTRICTED")).suspicions, [
        {
          rule: "GENDER_RESTRICTED",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: H1,
          psn_no: MAN,
          mdtrt_id: "V1",
          setl_id: null,
          feedetl_sn: ["0001"],
          med_list_codg: Item.CERVICAL,
          date: "2025-03-03",
          amount: 60,
          violation: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
          evidence: {
            med_list_name: "宫颈细胞学检查",
            lmt_gend: "2",
            gend: "1",
            cnt: 1,
            pric: 60,
            fee_ocur_time: "2025-03-03 09:00:00"
          },
          message: "宫颈细胞学检查限女性使用，参保人为男性，金额 60.00 元"
        }
      ])
    })
  )

  it.effect("does not flag the right sex, or a person of unknown sex", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ psn: WOMAN, begin: "2025-03-03" }), { item: Item.CERVICAL, pric: 60 })
      b.line(b.visit({ psn: MAN, begin: "2025-03-03" }), { item: Item.PSA, pric: 80 })
      const unknown = b.person("50023500000099", "9", "1980-01-01")
      b.line(b.visit({ psn: unknown, begin: "2025-03-03" }), { item: Item.PSA, pric: 80 })
      assert.deepStrictEqual((yield* screen(b, "GENDER_RESTRICTED")).suspicions, [])
    })
  )

  it.effect("does not flag a fully refunded line and counts a partly refunded one net", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ id: "V1", psn: WOMAN, begin: "2025-03-03" })
      b.refund(v, b.line(v, { item: Item.PSA, pric: 80 }))
      b.refund(v, b.line(v, { item: Item.PSA, pric: 80, cnt: 3 }), 1)
      const result = yield* screen(b, "GENDER_RESTRICTED")
      assert.deepStrictEqual(keys(result), ["V1/0003"])
      assert.strictEqual(result.suspicions[0]!.amount, 160)
    })
  )
})

describe("AGE_RESTRICTED", () => {
  it.effect("flags an item outside its age range, age in whole years at the charge date", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ id: "V1", psn: WOMAN, begin: "2025-03-03" }), { item: Item.CHILD_MASSAGE, pric: 30 })
      assert.deepStrictEqual((yield* screen(b, "AGE_RESTRICTED")).suspicions, [
        {
          rule: "AGE_RESTRICTED",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: H1,
          psn_no: WOMAN,
          mdtrt_id: "V1",
          setl_id: null,
          feedetl_sn: ["0001"],
          med_list_codg: Item.CHILD_MASSAGE,
          date: "2025-03-03",
          amount: 30,
          violation: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
          evidence: {
            med_list_name: "小儿推拿",
            age: 39,
            brdy: "1985-11-03",
            day: "2025-03-03",
            lmt_age_min: null,
            lmt_age_max: 14,
            cnt: 1,
            pric: 30
          },
          message: "小儿推拿限14周岁及以下使用，参保人收费当日 39 周岁，金额 30.00 元"
        }
      ])
    })
  )

  it.effect("is inclusive at the bounds: a child the day before turning 15 is 14", () =>
    Effect.gen(function* () {
      const b = extract()
      const teen = b.person("50023500000098", "1", "2010-03-04")
      b.line(b.visit({ id: "OK", psn: teen, begin: "2025-03-03" }), { item: Item.CHILD_MASSAGE, pric: 30 })
      b.line(b.visit({ id: "OLD", psn: teen, begin: "2025-03-04" }), { item: Item.CHILD_MASSAGE, pric: 30 })
      const adult = b.person("50023500000097", "2", "2007-03-03")
      b.line(b.visit({ id: "ADULT", psn: adult, begin: "2025-03-03" }), { item: Item.CERVICAL, pric: 60 })
      b.line(b.visit({ id: "MINOR", psn: adult, begin: "2025-03-02" }), { item: Item.CERVICAL, pric: 60 })
      const result = yield* screen(b, "AGE_RESTRICTED")
      assert.deepStrictEqual(keys(result), ["MINOR/0001", "OLD/0001"])
      assert.deepStrictEqual(
        result.suspicions.map((s) => s.evidence.age),
        [17, 15]
      )
    })
  )

  it.effect("computes the age at the charge date, not the visit date, and nets refunds", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ id: "V1", psn: BOY, begin: "2025-03-03" })
      b.refund(v, b.line(v, { item: Item.CERVICAL, pric: 60 }))
      const teen = b.person("50023500000096", "1", "2010-03-05")
      const stay = b.visit({ id: "S", psn: teen, medType: "21", begin: "2025-03-03", end: "2025-03-06" })
      b.line(stay, { item: Item.CHILD_MASSAGE, pric: 30, time: "2025-03-04 10:00:00" })
      b.line(stay, { item: Item.CHILD_MASSAGE, pric: 30, time: "2025-03-05 10:00:00" })
      assert.deepStrictEqual(keys(yield* screen(b, "AGE_RESTRICTED")), ["S/0002"])
    })
  )
})

describe("CARE_SETTING_RESTRICTED", () => {
  it.effect("flags an item billed in a care setting it is not allowed in", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ id: "V1", psn: WOMAN, begin: "2025-03-03" }), { item: Item.CEFTRIAXONE, pric: 6.8, cnt: 2 })
      assert.deepStrictEqual((yield* screen(b, "CARE_SETTING_RESTRICTED")).suspicions, [
        {
          rule: "CARE_SETTING_RESTRICTED",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: H1,
          psn_no: WOMAN,
          mdtrt_id: "V1",
          setl_id: null,
          feedetl_sn: ["0001"],
          med_list_codg: Item.CEFTRIAXONE,
          date: "2025-03-03",
          amount: 13.6,
          violation: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
          evidence: {
            med_list_name: "注射用头孢曲松钠",
            med_type: "11",
            lmt_med_type: ["13", "21"],
            cnt: 2,
            pric: 6.8,
            fee_ocur_time: "2025-03-03 09:00:00"
          },
          message: "注射用头孢曲松钠限急诊、普通住院使用，本次就诊为普通门诊，金额 13.60 元"
        }
      ])
    })
  )

  it.effect("does not flag an allowed setting or an item without restriction", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ medType: "13", begin: "2025-03-03" }), { item: Item.CEFTRIAXONE, pric: 6.8 })
      b.line(b.visit({ medType: "21", begin: "2025-03-03", end: "2025-03-05" }), { item: Item.CEFTRIAXONE, pric: 6.8 })
      b.line(b.visit({ begin: "2025-03-03" }), { item: Item.INFUSION, pric: 6 })
      assert.deepStrictEqual((yield* screen(b, "CARE_SETTING_RESTRICTED")).suspicions, [])
    })
  )

  it.effect("does not flag a fully refunded line", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ begin: "2025-03-03" })
      b.refund(v, b.line(v, { item: Item.APPENDECTOMY, pric: 800 }))
      assert.deepStrictEqual((yield* screen(b, "CARE_SETTING_RESTRICTED")).suspicions, [])
    })
  )
})

describe("SUPPLY_DAYS_EXCEEDED", () => {
  const base = () => {
    const b = extract()
    const chronic = b.visit({ id: "C", inst: H1, medType: "14", begin: "2025-03-03" })
    b.line(chronic, { item: Item.METFORMIN, pric: 9.6, cnt: 10, prdDays: 12 })
    b.line(chronic, { item: Item.IBUPROFEN, pric: 18, cnt: 1, prdDays: 20 })
    const shop = b.visit({ id: "P", inst: PHARMACY, begin: "2025-03-03" })
    b.line(shop, { item: Item.IBUPROFEN, pric: 18, cnt: 1, prdDays: 8 })
    b.line(shop, { item: Item.AMOXICILLIN, pric: 15, cnt: 1, prdDays: 8 })
    return b
  }

  it.effect("flags lines above the catalogue limit, else the med_type's, else the default", () =>
    Effect.gen(function* () {
      const b = base()
      b.line(b.visit({ id: "S", medType: "21", begin: "2025-03-03", end: "2025-03-05" }), {
        item: Item.IBUPROFEN,
        pric: 18,
        prdDays: 20
      })
      const result = yield* screen(b, "SUPPLY_DAYS_EXCEEDED")
      assert.deepStrictEqual(keys(result), ["P/0001", "P/0002"])
      assert.deepStrictEqual(result.suspicions[0], {
        rule: "SUPPLY_DAYS_EXCEEDED",
        ruleVersion: 2,
        level: "line",
        fixmedins_code: PHARMACY,
        psn_no: MAN,
        mdtrt_id: "P",
        setl_id: null,
        feedetl_sn: ["0001"],
        med_list_codg: Item.IBUPROFEN,
        date: "2025-03-03",
        amount: 18,
        violation: "A38-2-OVER_PRESCRIPTION",
        evidence: {
          med_list_name: "布洛芬缓释胶囊",
          prd_days: 8,
          limit_days: 7,
          limit_source: "default",
          med_type: "41",
          special_days: null,
          within_special_case: null,
          cnt: 1,
          pric: 18,
          fee_ocur_time: "2025-03-03 09:00:00"
        },
        message: "布洛芬缓释胶囊：定点药店购药开药 8 天，超过限定 7 天，金额 18.00 元"
      })
      assert.strictEqual(result.suspicions[1]!.evidence.limit_source, "catalog")
      assert.deepStrictEqual(result.rules[0]!.params, { default: 7, "14": 30 })
    })
  )

  it.effect("does not flag a supply at the limit (门诊慢特病 30 days by default)", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ medType: "14", begin: "2025-03-03" }), { item: Item.METFORMIN, pric: 9.6, prdDays: 30 })
      b.line(b.visit({ begin: "2025-03-03" }), { item: Item.IBUPROFEN, pric: 18, prdDays: 7 })
      b.line(b.visit({ begin: "2025-03-03" }), { item: Item.INFUSION, pric: 6, prdDays: 9 })
      assert.deepStrictEqual((yield* screen(b, "SUPPLY_DAYS_EXCEEDED")).suspicions, [])
    })
  )

  it.effect("expresses 奉节's 门诊慢特病 rule: 7 days, 15 in special cases, 200 yuan a visit", () =>
    Effect.gen(function* () {
      const local = { "14": { days: 7, special_days: 15, visit_amount_cap: 200 } }
      const b = base()
      const result = yield* screen(b, "SUPPLY_DAYS_EXCEEDED", local)
      assert.deepStrictEqual(keys(result), ["C/0001", "C/0002", "P/0001", "P/0002"])
      const [within, beyond] = result.suspicions
      assert.deepStrictEqual(
        [within!.evidence.limit_days, within!.evidence.special_days, within!.evidence.within_special_case],
        [7, 15, true]
      )
      assert.strictEqual(
        within!.message,
        "盐酸二甲双胍片：门诊慢特病开药 12 天，超过限定 7 天（特殊情况最长 15 天，请核实是否属特殊情况），金额 96.00 元"
      )
      assert.strictEqual(beyond!.evidence.within_special_case, false)
      // Over 200 yuan of drugs in one visit: the visit's drug lines make one suspicion.
      b.line("C", { item: Item.METFORMIN, pric: 9.6, cnt: 10, prdDays: 5 })
      const capped = yield* screen(b, "SUPPLY_DAYS_EXCEEDED", local)
      assert.deepStrictEqual(keys(capped), ["C/0001,0002,0003", "P/0001", "P/0002"])
      assert.strictEqual(capped.suspicions[0]!.amount, 210)
      assert.deepStrictEqual(capped.suspicions[0]!.evidence.days_exceeded, ["0001", "0002"])
      assert.strictEqual(
        capped.suspicions[0]!.message,
        "门诊慢特病一次就诊药品金额 210.00 元，超过限额 200.00 元，其中 2 条明细用药天数也超过限定 7 天"
      )
    })
  )

  it.effect("names the limits of the lines over their days in a capped visit's message, not any line's", () =>
    Effect.gen(function* () {
      // Amoxicillin's own limit is 7 days (catalogue), the setting's 10: both lines over theirs, and a third
      // line within its days.
      const local = { "14": { days: 10, visit_amount_cap: 200 } }
      const visitWith = (metforminDays: number) => {
        const x = extract()
        const v = x.visit({ id: "C", medType: "14", begin: "2025-03-03" })
        x.line(v, { item: Item.AMOXICILLIN, pric: 15.8, cnt: 4, prdDays: 8 })
        x.line(v, { item: Item.METFORMIN, pric: 9.6, cnt: 10, prdDays: metforminDays })
        x.line(v, { item: Item.IBUPROFEN, pric: 18, cnt: 3, prdDays: 5 })
        return x
      }
      const b = visitWith(12)
      const [visit] = (yield* screen(b, "SUPPLY_DAYS_EXCEEDED", local)).suspicions
      assert.deepStrictEqual(visit!.evidence.days_exceeded, ["0001", "0002"])
      assert.strictEqual(
        visit!.message,
        "门诊慢特病一次就诊药品金额 213.20 元，超过限额 200.00 元，其中 2 条明细用药天数也超过各自限定天数（7～10 天）"
      )
      // The pre-settlement check words the same warning the same way.
      const rules = Either.getOrThrow(precheckRules({ SUPPLY_DAYS_EXCEEDED: local })).filter(
        (r) => r.rule.code === "SUPPLY_DAYS_EXCEEDED"
      )
      const hits = yield* Effect.scoped(
        Effect.flatMap(importExtractScoped(b.write()), (handle) => replayExtract(handle, rules))
      ).pipe(Effect.orDie)
      assert.deepStrictEqual(
        hits.map((h) => h.hit.message),
        [visit!.message]
      )
      // Only the amoxicillin line over its days: its limit alone.
      const [single] = (yield* screen(visitWith(9), "SUPPLY_DAYS_EXCEEDED", local)).suspicions
      assert.match(single!.message, /其中 1 条明细用药天数也超过限定 7 天$/)
    })
  )

  it.effect("nets refunds: a fully refunded line is not flagged, the visit cap counts net amounts", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ id: "C", medType: "14", begin: "2025-03-03" })
      b.refund(v, b.line(v, { item: Item.IBUPROFEN, pric: 18, cnt: 10, prdDays: 20 }))
      b.line(v, { item: Item.METFORMIN, pric: 9.6, cnt: 10, prdDays: 5 })
      const local = { "14": { days: 7, visit_amount_cap: 200 } }
      assert.deepStrictEqual((yield* screen(b, "SUPPLY_DAYS_EXCEEDED", local)).suspicions, [])
    })
  )
})

describe("CHARGE_OUTSIDE_STAY", () => {
  it.effect("flags inpatient lines dated before admission day or after discharge day, as data quality", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ id: "S", inst: H1, medType: "21", begin: "2025-03-04", end: "2025-03-06" })
      b.line(v, { item: Item.INFUSION, time: "2025-03-02 10:00:00" })
      b.line(v, { item: Item.INFUSION, time: "2025-03-04 08:00:00" }) // admission day, before the hour: fine
      b.line(v, { item: Item.INFUSION, time: "2025-03-06 23:00:00" }) // discharge day: fine
      b.line(v, { item: Item.INFUSION, time: "2025-03-07 08:00:00" })
      const result = yield* screen(b, "CHARGE_OUTSIDE_STAY")
      assert.deepStrictEqual(keys(result), ["S/0001", "S/0004"])
      assert.deepStrictEqual(result.suspicions[0], {
        rule: "CHARGE_OUTSIDE_STAY",
        ruleVersion: 1,
        level: "line",
        fixmedins_code: H1,
        psn_no: MAN,
        mdtrt_id: "S",
        setl_id: null,
        feedetl_sn: ["0001"],
        med_list_codg: Item.INFUSION,
        date: "2025-03-02",
        amount: 6,
        violation: null,
        evidence: {
          category: "data_quality",
          check: "GZ10000201008000",
          med_list_name: "静脉输液",
          fee_ocur_time: "2025-03-02 10:00:00",
          begntime: "2025-03-04 09:00:00",
          endtime: "2025-03-06 09:00:00",
          position: "before_admission",
          days_outside: 2,
          cnt: 1,
          pric: 6
        },
        message: "【数据质量】静脉输液计费时间 2025-03-02 10:00:00 早于入院时间 2025-03-04 09:00:00，金额 6.00 元"
      })
      assert.strictEqual(result.rules[0]!.kind, "data_quality")
    })
  )

  it.effect("does not check outpatient visits or an open stay's end", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ begin: "2025-03-04" }), { item: Item.INFUSION, time: "2025-03-06 10:00:00" })
      const open = b.visit({ medType: "21", begin: "2025-03-04", end: null })
      b.line(open, { item: Item.INFUSION, time: "2025-03-20 10:00:00" })
      assert.deepStrictEqual((yield* screen(b, "CHARGE_OUTSIDE_STAY")).suspicions, [])
    })
  )

  it.effect("ignores a line outside the stay that was fully refunded", () =>
    Effect.gen(function* () {
      const b = extract()
      const v = b.visit({ medType: "21", begin: "2025-03-04", end: "2025-03-06" })
      b.refund(v, b.line(v, { item: Item.INFUSION, time: "2025-03-08 10:00:00" }))
      assert.deepStrictEqual((yield* screen(b, "CHARGE_OUTSIDE_STAY")).suspicions, [])
    })
  )
})

describe("PRICE_OVER_CAP on the builder", () => {
  it.effect("uses the unlevelled (_other) ceiling for a clinic", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ id: "V", inst: CLINIC, begin: "2025-03-03" }), { item: Item.INFUSION, pric: 7, cnt: 2 })
      const [s] = (yield* screen(b, "PRICE_OVER_CAP")).suspicions
      assert.deepStrictEqual([s!.amount, s!.evidence.ceiling_column], [2, "pric_uplmt_other"])
    })
  )
})
