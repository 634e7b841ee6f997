/**
 * Rules on the behaviour of persons and institutions (行为主体类) on hand-made extracts.
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { afterAll } from "vitest"
import { cleanupDirs } from "../utils/extract.js"
import {
  CLINIC,
  extract,
  H1,
  H2,
  H4,
  Item,
  MAN,
  PHARMACY,
  PHARMACY2,
  PHARMACY3,
  screen,
  VILLAGE,
  WOMAN
} from "../utils/builder.js"

afterAll(cleanupDirs)

const ids = (r: { readonly suspicions: ReadonlyArray<{ readonly mdtrt_id: string | null }> }) =>
  r.suspicions.map((s) => s.mdtrt_id)

/** An inpatient stay at an institution. */
const stay = (
  b: ReturnType<typeof extract>,
  id: string,
  inst: string,
  begin: string,
  end: string | null,
  extra: { fund?: number; dscgWay?: string; psn?: string } = {}
) => b.visit({ id, inst, medType: "21", begin, end, ...extra })

describe("SPLIT_ADMISSION", () => {
  it.effect("flags a readmission to the same institution within N days of discharge", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00", { fund: 3000 })
      stay(b, "A2", H2, "2025-01-16 10:00:00", "2025-01-20 09:00:00", { fund: 2000 })
      assert.deepStrictEqual((yield* screen(b, "SPLIT_ADMISSION")).suspicions, [
        {
          rule: "SPLIT_ADMISSION",
          ruleVersion: 1,
          level: "visit",
          fixmedins_code: H2,
          psn_no: MAN,
          mdtrt_id: "A2",
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-01-16",
          amount: 2000,
          violation: "A38-1-SPLIT_ADMISSION",
          evidence: {
            previous_mdtrt_id: "A1",
            gap_days: 6,
            previous_begntime: "2025-01-02 10:00:00",
            previous_endtime: "2025-01-10 09:00:00",
            previous_dscg_way: "1",
            begntime: "2025-01-16 10:00:00",
            endtime: "2025-01-20 09:00:00",
            N: 15
          },
          message: "出院后6天再次入住同一机构（前次就诊A1）"
        }
      ])
    })
  )

  it.effect("does not flag a readmission after N + 1 days, elsewhere, or after a transfer or death", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00")
      stay(b, "A2", H2, "2025-01-26 10:00:00", "2025-01-28 09:00:00") // 16 days
      stay(b, "B1", H1, "2025-01-30 10:00:00", "2025-02-02 09:00:00") // other institution, 2 days
      stay(b, "C1", H4, "2025-02-03 10:00:00", "2025-02-05 09:00:00", { dscgWay: "2" })
      stay(b, "C2", H4, "2025-02-06 10:00:00", "2025-02-08 09:00:00") // after a transfer
      const atEdge = yield* screen(b, "SPLIT_ADMISSION", { N: 16 })
      assert.deepStrictEqual(ids(atEdge), ["A2"])
      assert.deepStrictEqual((yield* screen(b, "SPLIT_ADMISSION")).suspicions, [])
    })
  )

  it.effect("ignores a previous stay whose settlement was reversed, and nets the amount", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00")
      b.reverse(b.settlementsOf("A1")[0]!)
      stay(b, "A2", H2, "2025-01-12 10:00:00", "2025-01-14 09:00:00", { fund: 900 })
      stay(b, "A3", H2, "2025-01-15 10:00:00", "2025-01-18 09:00:00", { fund: 1000 })
      const first = b.settlementsOf("A3")[0]!
      b.reverse(first)
      b.settle("A3", 800, "2025-01-18 11:00:00")
      const result = yield* screen(b, "SPLIT_ADMISSION")
      assert.deepStrictEqual(ids(result), ["A3"])
      assert.strictEqual(result.suspicions[0]!.amount, 800)
      assert.strictEqual(result.suspicions[0]!.evidence.previous_mdtrt_id, "A2")
    })
  )
})

describe("OVERLAPPING_STAYS", () => {
  it.effect("flags both stays at different institutions overlapping by a whole day or more", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00", { fund: 3000 })
      stay(b, "B1", H1, "2025-01-08 10:00:00", "2025-01-12 09:00:00", { fund: 500 })
      const result = yield* screen(b, "OVERLAPPING_STAYS")
      assert.deepStrictEqual(ids(result), ["A1", "B1"])
      assert.deepStrictEqual(result.suspicions[1], {
        rule: "OVERLAPPING_STAYS",
        ruleVersion: 1,
        level: "visit",
        fixmedins_code: H1,
        psn_no: MAN,
        mdtrt_id: "B1",
        setl_id: null,
        feedetl_sn: [],
        med_list_codg: null,
        date: "2025-01-08",
        amount: 500,
        violation: "A40-1-IMPERSONATION_OR_FAKE_CARE",
        evidence: {
          begntime: "2025-01-08 10:00:00",
          endtime: "2025-01-12 09:00:00",
          overlapping: [
            {
              mdtrt_id: "A1",
              fixmedins_code: H2,
              fixmedins_name: "奉节县中医院",
              begntime: "2025-01-02 10:00:00",
              endtime: "2025-01-10 09:00:00",
              overlap_from: "2025-01-08 10:00:00",
              overlap_to: "2025-01-10 09:00:00",
              overlap_hours: 47
            }
          ]
        },
        message: "住院期间（1月8日至1月12日）同时在奉节县中医院住院（就诊A1），重叠约 2 天"
      })
      assert.strictEqual(result.suspicions[0]!.amount, 3000)
    })
  )

  it.effect("does not flag a same-day transfer, an overlap under 24 hours, or the same institution", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00")
      stay(b, "B1", H1, "2025-01-10 08:00:00", "2025-01-12 09:00:00") // 1 hour
      stay(b, "C1", H4, "2025-01-20 10:00:00", "2025-01-25 09:00:00")
      stay(b, "D1", CLINIC, "2025-01-24 10:00:00", "2025-01-28 09:00:00") // 23 hours
      stay(b, "E1", H2, "2025-01-04 10:00:00", "2025-01-08 09:00:00") // same institution as A1
      assert.deepStrictEqual((yield* screen(b, "OVERLAPPING_STAYS")).suspicions, [])
    })
  )

  it.effect("ignores a stay whose only settlement was reversed; an open stay lasts to the period end", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00")
      stay(b, "B1", H1, "2025-01-05 10:00:00", "2025-01-08 09:00:00")
      b.reverse(b.settlementsOf("B1")[0]!)
      stay(b, "C1", H4, "2025-02-01 10:00:00", null, { fund: 0 })
      stay(b, "D1", CLINIC, "2025-02-03 10:00:00", "2025-02-05 09:00:00")
      b.visit({ begin: "2025-02-10 10:00:00" }) // the period runs to here
      assert.deepStrictEqual(ids(yield* screen(b, "OVERLAPPING_STAYS")), ["C1", "D1"])
    })
  )
})

describe("CARE_DURING_STAY", () => {
  it.effect("flags a stay during which the person settles outpatient or pharmacy visits elsewhere on K days", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00", { fund: 3000 })
      b.visit({ id: "O1", inst: PHARMACY, begin: "2025-01-04 15:00:00", fund: 30 })
      b.visit({ id: "O2", inst: H4, begin: "2025-01-06 15:00:00", fund: 20 })
      assert.deepStrictEqual((yield* screen(b, "CARE_DURING_STAY")).suspicions, [
        {
          rule: "CARE_DURING_STAY",
          ruleVersion: 1,
          level: "visit",
          fixmedins_code: H2,
          psn_no: MAN,
          mdtrt_id: "A1",
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-01-02",
          amount: 3000,
          violation: "A38-1-BED_HANGING",
          evidence: {
            begntime: "2025-01-02 10:00:00",
            endtime: "2025-01-10 09:00:00",
            days: 2,
            K: 2,
            dates: ["2025-01-04", "2025-01-06"],
            settlements: [
              {
                setl_id: "S0002",
                mdtrt_id: "O1",
                fixmedins_code: PHARMACY,
                fixmedins_name: "奉节县夔州大药房",
                setl_time: "2025-01-04 15:30:00",
                med_type: "41",
                fund_pay_sumamt: 30
              },
              {
                setl_id: "S0003",
                mdtrt_id: "O2",
                fixmedins_code: H4,
                fixmedins_name: "奉节县草堂镇卫生院",
                setl_time: "2025-01-06 15:30:00",
                med_type: "11",
                fund_pay_sumamt: 20
              }
            ]
          },
          message: "住院期间（1月2日至1月10日）在奉节县夔州大药房、奉节县草堂镇卫生院门诊或购药结算 2 次，分布在 2 天"
        }
      ])
    })
  )

  it.effect("does not flag one day, visits at the same institution, or visits outside the stay", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00")
      b.visit({ inst: PHARMACY, begin: "2025-01-04 09:00:00" })
      b.visit({ inst: PHARMACY2, begin: "2025-01-04 15:00:00" }) // same day
      b.visit({ inst: H2, begin: "2025-01-06 15:00:00" }) // same institution
      b.visit({ inst: H4, begin: "2025-01-10 10:00:00" }) // after discharge
      b.visit({ inst: H4, begin: "2025-01-02 08:00:00" }) // settled 08:30, before admission
      assert.deepStrictEqual((yield* screen(b, "CARE_DURING_STAY")).suspicions, [])
    })
  )

  it.effect("does not count a reversed settlement", () =>
    Effect.gen(function* () {
      const b = extract()
      stay(b, "A1", H2, "2025-01-02 10:00:00", "2025-01-10 09:00:00")
      b.visit({ inst: PHARMACY, begin: "2025-01-04 15:00:00" })
      const o2 = b.visit({ inst: H4, begin: "2025-01-06 15:00:00" })
      b.reverse(b.settlementsOf(o2)[0]!)
      assert.deepStrictEqual((yield* screen(b, "CARE_DURING_STAY")).suspicions, [])
      assert.deepStrictEqual(ids(yield* screen(b, "CARE_DURING_STAY", { K: 1 })), ["A1"])
    })
  )
})

describe("IDLE_BED_DAYS", () => {
  const busyStay = (b: ReturnType<typeof extract>, id: string, idleDays: ReadonlyArray<number>) => {
    stay(b, id, H2, "2025-02-01 10:00:00", "2025-02-08 09:00:00", { fund: 2400 })
    for (let d = 1; d <= 8; d++) {
      const day = `2025-02-0${d} 12:00:00`
      b.line(id, { item: Item.BED, time: day, pric: 40 })
      if (!idleDays.includes(d)) b.line(id, { item: Item.NURSING, time: day, pric: 22 })
    }
  }

  it.effect("flags K consecutive whole days billed only for the bed", () =>
    Effect.gen(function* () {
      const b = extract()
      busyStay(b, "A1", [3, 4, 5])
      assert.deepStrictEqual((yield* screen(b, "IDLE_BED_DAYS")).suspicions, [
        {
          rule: "IDLE_BED_DAYS",
          ruleVersion: 1,
          level: "visit",
          fixmedins_code: H2,
          psn_no: MAN,
          mdtrt_id: "A1",
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-02-01",
          amount: 2400,
          violation: "A38-1-BED_HANGING",
          evidence: {
            begntime: "2025-02-01 10:00:00",
            endtime: "2025-02-08 09:00:00",
            idle_from: "2025-02-03",
            idle_to: "2025-02-05",
            idle_days: 3,
            bed_fee_amount: 120,
            K: 3
          },
          message: "住院期间连续 3 个整日（2月3日至2月5日）仅收床位费或无任何收费"
        }
      ])
    })
  )

  it.effect("does not count the admission and discharge days, nor a run broken by care", () =>
    Effect.gen(function* () {
      const b = extract()
      busyStay(b, "A1", [1, 2, 3]) // day 1 is the admission day: only 2 whole days
      busyStay(b, "A2", [6, 7, 8])
      busyStay(b, "A3", [2, 3, 5, 6])
      assert.deepStrictEqual((yield* screen(b, "IDLE_BED_DAYS")).suspicions, [])
    })
  )

  it.effect("treats a day whose only care was refunded as idle", () =>
    Effect.gen(function* () {
      const b = extract()
      busyStay(b, "A1", [3, 4])
      b.refund("A1", b.line("A1", { item: Item.INFUSION, time: "2025-02-05 10:00:00", pric: 10 }))
      const withNursing = b.feedetail.findIndex(
        (f) =>
          f.mdtrt_id === "A1" && String(f.fee_ocur_time).startsWith("2025-02-05") && f.med_list_codg === Item.NURSING
      )
      b.feedetail.splice(withNursing, 1)
      const [s] = (yield* screen(b, "IDLE_BED_DAYS")).suspicions
      assert.deepStrictEqual([s!.evidence.idle_from, s!.evidence.idle_days], ["2025-02-03", 3])
    })
  )
})

describe("LOW_INDICATION_ADMISSION", () => {
  const shortStay = (b: ReturnType<typeof extract>, id: string, end: string) => {
    stay(b, id, H2, "2025-02-05 10:00:00", end, { fund: 700 })
    b.line(id, { item: Item.CT, pric: 180, time: "2025-02-05 11:00:00" })
    b.line(id, { item: Item.LIVER, pric: 50, time: "2025-02-05 11:00:00" })
    b.line(id, { item: Item.BED, pric: 40, time: "2025-02-05 12:00:00" })
    b.line(id, { item: Item.BED, pric: 40, time: "2025-02-06 12:00:00" })
  }

  it.effect("flags a short stay that is mostly tests with no treatment", () =>
    Effect.gen(function* () {
      const b = extract()
      shortStay(b, "A1", "2025-02-07 09:00:00")
      assert.deepStrictEqual((yield* screen(b, "LOW_INDICATION_ADMISSION")).suspicions, [
        {
          rule: "LOW_INDICATION_ADMISSION",
          ruleVersion: 1,
          level: "visit",
          fixmedins_code: H2,
          psn_no: MAN,
          mdtrt_id: "A1",
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-02-05",
          amount: 700,
          violation: "A38-2-LOW_INDICATION_ADMISSION",
          evidence: {
            begntime: "2025-02-05 10:00:00",
            endtime: "2025-02-07 09:00:00",
            los_days: 2,
            exam_amount: 180,
            lab_amount: 50,
            test_amount: 230,
            total_amount: 310,
            test_share: 0.7419,
            dise_codg: null,
            dise_name: null,
            D: 3,
            S: 0.7
          },
          message: "住院 2 天，检查化验费 230.00 元占总费用 310.00 元的 74%，无治疗或手术项目"
        }
      ])
    })
  )

  it.effect("does not flag a stay of D + 1 days, a lower share, or one with treatment", () =>
    Effect.gen(function* () {
      const b = extract()
      shortStay(b, "LONG", "2025-02-09 09:00:00")
      shortStay(b, "TREATED", "2025-02-07 09:00:00")
      b.line("TREATED", { item: Item.INJECTION, pric: 2.5 })
      shortStay(b, "LOW", "2025-02-07 09:00:00")
      b.line("LOW", { item: Item.BED, pric: 40, time: "2025-02-07 08:00:00" })
      assert.deepStrictEqual((yield* screen(b, "LOW_INDICATION_ADMISSION")).suspicions, [])
    })
  )

  it.effect("does not count a fully refunded treatment line", () =>
    Effect.gen(function* () {
      const b = extract()
      shortStay(b, "A1", "2025-02-07 09:00:00")
      b.refund("A1", b.line("A1", { item: Item.APPENDECTOMY, pric: 1000 }))
      assert.deepStrictEqual(ids(yield* screen(b, "LOW_INDICATION_ADMISSION")), ["A1"])
    })
  )
})

describe("BILLING_AFTER_DEATH", () => {
  it.effect("flags a visit beginning after the person's death", () =>
    Effect.gen(function* () {
      const b = extract().add("deaths", { psn_no: MAN, die_date: "2025-01-18" })
      stay(b, "A3", H2, "2025-02-05 10:00:00", "2025-02-08 09:00:00", { fund: 1000 })
      assert.deepStrictEqual((yield* screen(b, "BILLING_AFTER_DEATH")).suspicions, [
        {
          rule: "BILLING_AFTER_DEATH",
          ruleVersion: 1,
          level: "visit",
          fixmedins_code: H2,
          psn_no: MAN,
          mdtrt_id: "A3",
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-02-05",
          amount: 1000,
          violation: "A40-3-FICTITIOUS_SERVICE",
          evidence: { die_date: "2025-01-18", begntime: "2025-02-05 10:00:00", days_after_death: 18, med_type: "21" },
          message: "参保人已于2025-01-18死亡，18 天后仍在奉节县中医院发生就诊"
        }
      ])
    })
  )

  it.effect("does not flag a visit on the day of death or of another person", () =>
    Effect.gen(function* () {
      const b = extract().add("deaths", { psn_no: MAN, die_date: "2025-01-18" })
      b.visit({ begin: "2025-01-18 23:00:00" })
      b.visit({ psn: WOMAN, begin: "2025-02-01" })
      assert.deepStrictEqual((yield* screen(b, "BILLING_AFTER_DEATH")).suspicions, [])
    })
  )

  it.effect("ignores a visit whose settlement was reversed; is skipped without deaths", () =>
    Effect.gen(function* () {
      const b = extract().add("deaths", { psn_no: MAN, die_date: "2025-01-18" })
      const v = b.visit({ begin: "2025-02-01" })
      b.reverse(b.settlementsOf(v)[0]!)
      assert.deepStrictEqual((yield* screen(b, "BILLING_AFTER_DEATH")).suspicions, [])
      const skipped = yield* screen(extract(), "BILLING_AFTER_DEATH")
      assert.deepStrictEqual([skipped.rules[0]!.status, skipped.rules[0]!.reason], ["skipped", "missing table deaths"])
    })
  )
})

describe("FREQUENT_PHARMACY", () => {
  const purchases = (b: ReturnType<typeof extract>, days: ReadonlyArray<number>) =>
    days.map((d, i) =>
      b.visit({
        psn: WOMAN,
        inst: i % 2 ? PHARMACY : PHARMACY2,
        begin: `2025-${d > 31 ? `02-${String(d - 31).padStart(2, "0")}` : `01-${String(d).padStart(2, "0")}`} 10:00:00`,
        fund: 10
      })
    )

  it.effect("flags N pharmacy settlements in a 30-day window, dated at the window's first day", () =>
    Effect.gen(function* () {
      const b = extract()
      purchases(b, [3, 6, 9, 12, 15, 18, 21, 24, 27, 30])
      const result = yield* screen(b, "FREQUENT_PHARMACY")
      assert.strictEqual(result.suspicions.length, 1)
      const s = result.suspicions[0]!
      assert.deepStrictEqual(
        [s.level, s.psn_no, s.date, s.amount, s.fixmedins_code, s.mdtrt_id],
        ["person", WOMAN, "2025-01-03", 100, PHARMACY2, null]
      )
      assert.deepStrictEqual(s.evidence.window, {
        from: "2025-01-03",
        to: "2025-02-01",
        settlements: 10,
        pharmacies: 2,
        setl_ids: ["S0001", "S0002", "S0003", "S0004", "S0005", "S0006", "S0007", "S0008", "S0009", "S0010"]
      })
      assert.strictEqual(s.evidence.day, null)
      assert.strictEqual(s.message, "1月3日起 30 天内药店购药结算 10 次（2 家药店）")
    })
  )

  it.effect("uses anchored windows: ten settlements over 30 days + 1 are not a window", () =>
    Effect.gen(function* () {
      const b = extract()
      purchases(b, [3, 6, 9, 12, 15, 18, 21, 24, 27, 33]) // day 33 = 1 Feb + 1: outside 3 … 32
      assert.deepStrictEqual((yield* screen(b, "FREQUENT_PHARMACY")).suspicions, [])
    })
  )

  it.effect("flags M pharmacies in one day, and does not count a reversed settlement", () =>
    Effect.gen(function* () {
      const b = extract()
      b.visit({ inst: PHARMACY, begin: "2025-02-01 10:00:00", fund: 5 })
      b.visit({ inst: PHARMACY2, begin: "2025-02-01 11:00:00", fund: 5 })
      b.visit({ inst: PHARMACY3, begin: "2025-02-01 12:00:00", fund: 5 })
      const [s] = (yield* screen(b, "FREQUENT_PHARMACY")).suspicions
      assert.deepStrictEqual([s!.date, s!.amount, s!.evidence.window], ["2025-02-01", 15, null])
      assert.strictEqual(s!.message, "2月1日一天内在 3 家药店购药")
      b.reverse(b.settlementsOf("M0003")[0]!)
      assert.deepStrictEqual((yield* screen(b, "FREQUENT_PHARMACY")).suspicions, [])
    })
  )
})

describe("CUMULATIVE_OVERSUPPLY", () => {
  it.effect("flags more than R × 30 days of one drug in 30 days, across institutions", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ id: "V1", inst: H1, begin: "2025-01-05" }), {
        item: Item.METFORMIN,
        cnt: 3,
        prdDays: 30,
        pric: 9.6
      })
      b.line(b.visit({ id: "V2", inst: PHARMACY, begin: "2025-01-20" }), {
        item: Item.METFORMIN,
        cnt: 2,
        prdDays: 20,
        pric: 9.6
      })
      const [s, ...rest] = (yield* screen(b, "CUMULATIVE_OVERSUPPLY")).suspicions
      assert.deepStrictEqual(rest, [])
      assert.deepStrictEqual(s, {
        rule: "CUMULATIVE_OVERSUPPLY",
        ruleVersion: 1,
        level: "person",
        fixmedins_code: H1,
        psn_no: MAN,
        mdtrt_id: null,
        setl_id: null,
        feedetl_sn: ["0001", "0001"],
        med_list_codg: Item.METFORMIN,
        date: "2025-01-05",
        amount: 48,
        violation: "A38-2-DUPLICATE_PRESCRIPTION",
        evidence: {
          window_from: "2025-01-05",
          window_to: "2025-02-03",
          limit_days: 45,
          R: 1.5,
          supply_days: 50,
          drugs: [
            {
              med_list_codg: Item.METFORMIN,
              med_list_name: "盐酸二甲双胍片",
              supply_days: 50,
              excess_days: 5,
              institutions: 2,
              lines: [
                {
                  mdtrt_id: "V1",
                  feedetl_sn: "0001",
                  fixmedins_code: H1,
                  fee_ocur_time: "2025-01-05 09:00:00",
                  prd_days: 30,
                  supply_days: 30,
                  cnt: 3,
                  amount: 28.8
                },
                {
                  mdtrt_id: "V2",
                  feedetl_sn: "0001",
                  fixmedins_code: PHARMACY,
                  fee_ocur_time: "2025-01-20 09:00:00",
                  prd_days: 20,
                  supply_days: 20,
                  cnt: 2,
                  amount: 19.2
                }
              ]
            }
          ]
        },
        message: "盐酸二甲双胍片：1月5日起 30 天内累计开药 50 天量（2 家机构），超过 45 天"
      })
    })
  )

  it.effect("does not flag exactly R × 30 days, or a second dispensing on day 30 + 1", () =>
    Effect.gen(function* () {
      const b = extract()
      b.line(b.visit({ begin: "2025-01-05" }), { item: Item.METFORMIN, prdDays: 30, pric: 9.6 })
      b.line(b.visit({ begin: "2025-01-20" }), { item: Item.METFORMIN, prdDays: 15, pric: 9.6 })
      b.line(b.visit({ begin: "2025-02-04" }), { item: Item.METFORMIN, prdDays: 15, pric: 9.6 })
      b.line(b.visit({ psn: WOMAN, begin: "2025-01-05" }), { item: Item.METFORMIN, prdDays: 40, pric: 9.6 })
      b.line(b.visit({ psn: WOMAN, begin: "2025-02-04" }), { item: Item.METFORMIN, prdDays: 40, pric: 9.6 })
      assert.deepStrictEqual((yield* screen(b, "CUMULATIVE_OVERSUPPLY")).suspicions, [])
    })
  )

  it.effect("scales a partly refunded line's days by its net quantity", () =>
    Effect.gen(function* () {
      const b = extract()
      const v1 = b.visit({ begin: "2025-01-05" })
      b.refund(v1, b.line(v1, { item: Item.METFORMIN, cnt: 2, prdDays: 30, pric: 9.6 }), 1)
      b.line(b.visit({ begin: "2025-01-20" }), { item: Item.METFORMIN, prdDays: 30, pric: 9.6 })
      assert.deepStrictEqual((yield* screen(b, "CUMULATIVE_OVERSUPPLY")).suspicions, [])
      b.line(b.visit({ begin: "2025-01-25" }), { item: Item.METFORMIN, prdDays: 1, pric: 9.6 })
      const [s] = (yield* screen(b, "CUMULATIVE_OVERSUPPLY")).suspicions
      assert.deepStrictEqual([s!.evidence.supply_days, s!.amount], [46, 28.8])
    })
  )
})

describe("BED_OVER_CAPACITY", () => {
  it.effect("flags each day with more inpatients at noon than beds × (1 + T)", () =>
    Effect.gen(function* () {
      const b = extract()
      b.fixmedins.find((f) => f.fixmedins_code === CLINIC)!.aprv_bed_cnt = 2
      for (const id of ["A", "B", "C"]) stay(b, id, CLINIC, "2025-01-05 08:00:00", "2025-01-07 14:00:00", { fund: 150 })
      stay(b, "D", CLINIC, "2025-01-07 13:00:00", "2025-01-09 11:00:00") // after noon: not present on the 7th
      const result = yield* screen(b, "BED_OVER_CAPACITY")
      assert.deepStrictEqual(
        result.suspicions.map((s) => [s.date, s.evidence.inpatients_at_noon]),
        [
          ["2025-01-05", 3],
          ["2025-01-06", 3],
          ["2025-01-07", 3]
        ]
      )
      assert.deepStrictEqual(result.suspicions[0], {
        rule: "BED_OVER_CAPACITY",
        ruleVersion: 1,
        level: "institution",
        fixmedins_code: CLINIC,
        psn_no: null,
        mdtrt_id: null,
        setl_id: null,
        feedetl_sn: [],
        med_list_codg: null,
        date: "2025-01-05",
        amount: 75,
        violation: "A40-3-FICTITIOUS_SERVICE",
        evidence: {
          inpatients_at_noon: 3,
          aprv_bed_cnt: 2,
          T: 0.2,
          capacity: 2.4,
          excess: 1,
          avg_daily_fund_pay: 75,
          mdtrt_ids: ["A", "B", "C"]
        },
        message: "1月5日中午在院 3 人，超过核定床位 2 张的 120%（2.4 人）"
      })
    })
  )

  it.effect("does not flag occupancy at the ceiling, or stays that leave before noon", () =>
    Effect.gen(function* () {
      const b = extract()
      b.fixmedins.find((f) => f.fixmedins_code === CLINIC)!.aprv_bed_cnt = 5
      for (const id of ["A", "B", "C", "D", "E", "F"]) stay(b, id, CLINIC, "2025-01-05 08:00:00", "2025-01-07 11:00:00")
      stay(b, "G", CLINIC, "2025-01-07 08:00:00", "2025-01-08 11:00:00")
      assert.deepStrictEqual((yield* screen(b, "BED_OVER_CAPACITY")).suspicions, [])
    })
  )

  it.effect("does not count a stay whose settlement was reversed", () =>
    Effect.gen(function* () {
      const b = extract()
      b.fixmedins.find((f) => f.fixmedins_code === CLINIC)!.aprv_bed_cnt = 2
      for (const id of ["A", "B", "C"]) stay(b, id, CLINIC, "2025-01-05 08:00:00", "2025-01-06 14:00:00")
      b.reverse(b.settlementsOf("C")[0]!)
      assert.deepStrictEqual((yield* screen(b, "BED_OVER_CAPACITY")).suspicions, [])
    })
  )
})

describe("DOCTOR_DAILY_OVERLOAD", () => {
  const visits = (b: ReturnType<typeof extract>, inst: string, n: number, day = "2025-01-09") => {
    for (let i = 0; i < n; i++) {
      const minute = String(i % 60).padStart(2, "0")
      const hour = String(8 + Math.floor(i / 60)).padStart(2, "0")
      b.visit({ psn: WOMAN, inst, begin: `${day} ${hour}:${minute}:00`, doctor: "D500235100017", fund: 10 })
    }
  }

  it.effect("flags a doctor with more than N outpatient visits in a day (村卫生室: N_village_clinic)", () =>
    Effect.gen(function* () {
      const b = extract().add("staff", {
        staff_code: "D500235100017",
        staff_name: "李医生",
        staff_type: "doctor",
        fixmedins_code: VILLAGE
      })
      visits(b, VILLAGE, 43)
      const result = yield* screen(b, "DOCTOR_DAILY_OVERLOAD")
      assert.deepStrictEqual(result.suspicions, [
        {
          rule: "DOCTOR_DAILY_OVERLOAD",
          ruleVersion: 2,
          level: "staff",
          fixmedins_code: VILLAGE,
          psn_no: null,
          mdtrt_id: null,
          setl_id: null,
          feedetl_sn: [],
          med_list_codg: null,
          date: "2025-01-09",
          amount: 30,
          violation: "A40-3-FICTITIOUS_SERVICE",
          evidence: {
            staff_code: "D500235100017",
            staff_name: "李医生",
            visits: 43,
            limit: 40,
            org_kind: "village_clinic",
            institutions: [{ fixmedins_code: VILLAGE, visits: 43 }],
            first_visit: "2025-01-09 08:00:00",
            last_visit: "2025-01-09 08:42:00"
          },
          message: "医师 李医生（D500235100017） 于1月9日接诊门诊 43 人次，超过村卫生室每日 40 人次"
        }
      ])
    })
  )

  it.effect("does not flag N visits at a hospital, or visits spread over two days", () =>
    Effect.gen(function* () {
      const b = extract()
      visits(b, H1, 80)
      visits(b, VILLAGE, 30, "2025-01-10")
      visits(b, VILLAGE, 30, "2025-01-11")
      assert.deepStrictEqual((yield* screen(b, "DOCTOR_DAILY_OVERLOAD")).suspicions, [])
    })
  )

  it.effect("does not count visits whose settlement was reversed", () =>
    Effect.gen(function* () {
      const b = extract()
      visits(b, VILLAGE, 41)
      b.reverse(b.settlementsOf("M0041")[0]!)
      assert.deepStrictEqual((yield* screen(b, "DOCTOR_DAILY_OVERLOAD")).suspicions, [])
    })
  )
})
