/**
 * Leads planted in the demo extract for the rule library, one small story per rule, so that a run
 * over the demo shows what each rule finds (PRICE_OVER_CAP's are in make-demo-extract.ts). Every
 * price is at or below the ceiling, so none of these adds a PRICE_OVER_CAP hit. Days count from
 * 2025-01-01 (day 0); persons are numbered as in demo-data.ts.
 *
 * Not planted: PEER_COST_OUTLIER, which needs at least six comparable institutions with 30 visits
 * each — more than a demo county of 16 institutions carries.
 */
import type { Institution, Person } from "./demo-data.js"
import type { BillOptions, Visit, VisitOptions } from "./make-demo-extract.js"

/** What the generator lends the leads. */
export interface LeadContext {
  readonly open: (
    inst: Institution,
    person: Person,
    medType: string,
    begin: number,
    days?: number,
    options?: VisitOptions
  ) => Visit
  readonly bill: (v: Visit, code: string, cnt: number, d: number, options?: BillOptions) => string
  readonly inst: (code: string) => Institution
  readonly person: (n: number) => Person
}

type Rows = ReadonlyArray<Readonly<Record<string, string | number | null>>>

/** The rows and marks the leads add beyond visits and fee lines. */
export interface Leads {
  readonly catalogPairs: Rows
  readonly deaths: Rows
  /** TRACE_CODE_REUSED: a package sold in `from` is scanned again in `to`. */
  readonly traceReuse: { readonly from: Visit; readonly to: Visit }
  /** INVENTORY_SHORTFALL: this pharmacy bought less of this item than it settled. */
  readonly shortfall: { readonly pharmacy: string; readonly item: string }
}

const code = {
  consult: "001102000010000",
  generalCare: "001101000010000",
  bed: "001103000010000",
  nursing: "001202000010000",
  infusion: "001204000010000",
  infusionSet: "C0305010010000100001",
  massage: "004302000010000",
  childMassage: "004303000010000",
  cbc: "003103000010000",
  urine: "003104000010000",
  liver: "003105000010000",
  kidney: "003111000010000",
  liverKidney: "003110000010000",
  glucose: "003106000010000",
  cervical: "003108000010000",
  ecg: "002201000010000",
  ultrasound: "002301000010000",
  dr: "002101000010000",
  amoxicillin: "XJ01CAA040A001010100001",
  cefixime: "XJ01DDC031A001010100002",
  ibuprofen: "XM01AEI021E001010100003",
  ceftriaxone: "XJ01DDA063B001010100007",
  lianhua: "ZA06CAL0012010100008",
  danshen: "ZC11BAF0013010100009"
} as const

const inpatientDiagnoses: ReadonlyArray<readonly [string, string]> = [
  ["J18.900", "肺炎"],
  ["I63.900", "脑梗死"],
  ["J44.100", "慢性阻塞性肺病伴急性加重"],
  ["K35.800", "急性阑尾炎"],
  ["I50.900", "心力衰竭"],
  ["N39.000", "泌尿道感染"],
  ["E11.900", "2型糖尿病"],
  ["M54.500", "腰痛"]
]

/** Plants the leads; returns the extra rows they need. */
export const plantLeads = (ctx: LeadContext): Leads => {
  const { bill, inst, open, person } = ctx
  const H = (n: number) => inst(`H500235${String(n).padStart(5, "0")}`)
  const P = (n: number) => inst(`P500235${String(n).padStart(5, "0")}`)

  /** A stay of `days` nights billed bed + nursing daily, infusion on the days listed (default: all). */
  const stay = (
    at: Institution,
    p: Person,
    begin: number,
    days: number,
    options: VisitOptions & { readonly careDays?: ReadonlyArray<number>; readonly panel?: ReadonlyArray<string> } = {}
  ) => {
    const v = open(at, p, "21", begin, days, options)
    for (const test of options.panel ?? []) bill(v, test, 1, begin)
    for (let d = begin; d < begin + days; d++) {
      bill(v, code.bed, 1, d)
      if (options.careDays === undefined || options.careDays.includes(d - begin)) {
        bill(v, code.nursing, 1, d)
        bill(v, code.infusion, 1, d)
      }
    }
    return v
  }
  const outpatient = (at: Institution, p: Person, d: number, medType = "11", options: VisitOptions = {}) => {
    const v = open(at, p, medType, d, 0, options)
    bill(v, at.primaryCare ? code.generalCare : code.consult, 1, d)
    return v
  }

  // DUPLICATE_CHARGE: 中医院 bills the infusion set although the infusion's price includes it.
  const dup = outpatient(H(2), person(2), 12)
  bill(dup, code.infusion, 1, 12)
  bill(dup, code.infusionSet, 1, 12)

  // UNBUNDLED_CHARGE: 人民医院 bills 肝功能 and 肾功能 apart instead of the 肝肾功能组合.
  const unbundled = outpatient(H(1), person(4), 15)
  bill(unbundled, code.liver, 1, 15)
  bill(unbundled, code.kidney, 1, 15)

  // GENDER_RESTRICTED: a cervical smear billed to a man; AGE_RESTRICTED: 小儿推拿 for an adult;
  // CARE_SETTING_RESTRICTED: an inpatient/emergency-only injection in an ordinary outpatient visit.
  bill(outpatient(H(1), person(5), 18), code.cervical, 1, 18)
  bill(outpatient(H(2), person(6), 22), code.childMassage, 1, 22)
  bill(outpatient(H(1), person(8), 25), code.ceftriaxone, 2, 25)

  // SUPPLY_DAYS_EXCEEDED: 14 days of ibuprofen at a pharmacy (7 allowed). The 门诊慢特病 visits fit
  // the national default (30 days) but not 奉节's local rule (params/500235.json: 7 days, 15 in
  // special cases, 200 yuan a visit).
  bill(open(P(2), person(9), "41", 27), code.ibuprofen, 2, 27, { prdDays: 14 })
  const chronic = outpatient(H(1), person(17), 30, "14")
  bill(chronic, code.ibuprofen, 2, 30, { prdDays: 12, pric: 18 })
  const chronicCostly = outpatient(H(1), person(19), 31, "14")
  bill(chronicCostly, code.ibuprofen, 12, 31, { prdDays: 7, pric: 18 })

  // The 吐祥镇中心卫生院 stays below share one 5-item test panel (UNIFORM_TEST_PANEL).
  const panel = [code.cbc, code.urine, code.glucose, code.ecg, code.ultrasound]

  // CHARGE_OUTSIDE_STAY: an infusion dated the day after discharge (data quality).
  const outside = stay(H(5), person(22), 33, 3, { panel, dise: inpatientDiagnoses[4]! })
  bill(outside, code.infusion, 1, 37)

  // SPLIT_ADMISSION: readmitted to 康华医院 6 days after discharge.
  stay(H(3), person(9), 5, 3)
  stay(H(3), person(9), 14, 3)

  // OVERLAPPING_STAYS: in 人民医院 and 吐祥镇中心卫生院 at once.
  stay(H(1), person(10), 46, 5)
  stay(H(5), person(10), 48, 4, { panel, dise: inpatientDiagnoses[5]! })

  // CARE_DURING_STAY: while in 中医院, buys at a pharmacy on two days (挂床).
  stay(H(2), person(11), 55, 7)
  bill(open(P(2), person(11), "41", 57, 0, { minute: 15 * 60 }), code.lianhua, 1, 57)
  bill(open(P(3), person(11), "41", 59, 0, { minute: 16 * 60 }), code.ibuprofen, 1, 59)

  // IDLE_BED_DAYS: 青龙镇卫生院 bills only the bed on four whole days (days 2–5 of the stay).
  stay(H(6), person(13), 63, 7, { careDays: [0, 1, 6] })

  // LOW_INDICATION_ADMISSION: two days at 康华医院, nearly all examinations and tests.
  const low = open(H(3), person(14), "21", 72, 2)
  for (const test of [code.ultrasound, code.dr, code.liver, code.cbc, code.urine]) bill(low, test, 1, 72)
  bill(low, code.bed, 1, 72)
  bill(low, code.bed, 1, 73)

  // BILLING_AFTER_DEATH: person 38 died on 10 February; a visit on 2 March.
  outpatient(H(7), person(38), 60)

  // FREQUENT_PHARMACY: person 35 buys every three days (10 purchases in 30 days); person 36 visits
  // all three pharmacies on one day.
  for (let k = 0; k < 10; k++) {
    bill(open(k % 2 ? P(3) : P(2), person(35), "41", 3 + 3 * k, 0, { minute: 10 * 60 }), code.lianhua, 1, 3 + 3 * k)
  }
  for (const [k, pharmacy] of [P(1), P(2), P(3)].entries()) {
    bill(open(pharmacy, person(36), "41", 50, 0, { minute: (9 + 2 * k) * 60 }), code.amoxicillin, 1, 50)
  }

  // CUMULATIVE_OVERSUPPLY: 60 days of 复方丹参滴丸 within 12 days, from a hospital and a pharmacy.
  bill(outpatient(H(1), person(20), 8), code.danshen, 3, 8, { prdDays: 30 })
  bill(open(P(1), person(20), "41", 20), code.danshen, 3, 20, { prdDays: 30 })

  // BED_OVER_CAPACITY: a clinic without approved beds keeps a patient over two noons.
  const clinicStay = open(H(13), person(16), "21", 76, 2)
  bill(clinicStay, code.bed, 1, 76)
  bill(clinicStay, code.massage, 1, 76)
  bill(clinicStay, code.bed, 1, 77)
  bill(clinicStay, code.massage, 1, 77)

  // DOCTOR_DAILY_OVERLOAD: one village doctor records 42 visits on 8 March (40 allowed).
  const village = H(10)
  for (let k = 0; k < 42; k++) {
    const v = open(village, person((k % 40) + 1), "11", 66, 0, { minute: 7 * 60 + 10 * k })
    bill(v, code.generalCare, 1, 66)
  }

  // UNIFORM_TEST_PANEL: 吐祥镇中心卫生院 gives ten more inpatients the same five tests, whatever
  // the diagnosis.
  for (let k = 0; k < 10; k++) {
    stay(H(5), person(23 + k), 2 + 8 * k, 2, { panel, dise: inpatientDiagnoses[k % inpatientDiagnoses.length]! })
  }

  // NIGHT_SETTLEMENT and PHARMACIST_ABSENT: 康佰家 (not open at night) settles amoxicillin at 23:30;
  // 济民 sells cefixime at 07:50, before its pharmacist comes on duty.
  bill(open(P(2), person(27), "41", 68, 0, { minute: 22 * 60 + 50 }), code.amoxicillin, 1, 68)
  bill(open(P(3), person(28), "41", 46, 0, { minute: 7 * 60 + 10 }), code.cefixime, 1, 46)

  // CARD_POOLING: at 济民 till T01, five persons buy the same two drugs within eight minutes.
  for (let k = 0; k < 5; k++) {
    const v = open(P(3), person(21 + k), "41", 44, 0, { minute: 15 * 60 + 2 * k, setlMinute: 15 * 60 + 2 * k + 1 })
    bill(v, code.lianhua, 1, 44)
    bill(v, code.ibuprofen, 1, 44)
  }

  // SETTLED_NOT_SOLD: 康佰家 settles 连花清瘟 but its sales records show no such sale (swapped goods).
  bill(open(P(2), person(29), "41", 80, 0, { unsold: true }), code.lianhua, 2, 80)

  // TRACE_CODE_REUSED: a box of amoxicillin sold at 夔州 is scanned again at 济民 a week later.
  const first = open(P(1), person(31), "41", 70)
  bill(first, code.amoxicillin, 1, 70)
  const again = open(P(3), person(32), "41", 77)
  bill(again, code.amoxicillin, 1, 77)

  return {
    catalogPairs: [
      { item_a: code.infusion, item_b: code.infusionSet, relation: "includes" },
      { item_a: code.liverKidney, item_b: code.liver, relation: "part_of" },
      { item_a: code.liverKidney, item_b: code.kidney, relation: "part_of" }
    ],
    deaths: [{ psn_no: person(38).psn_no, die_date: "2025-02-10" }],
    traceReuse: { from: first, to: again },
    // INVENTORY_SHORTFALL: 康佰家 settled more amoxicillin than it bought.
    shortfall: { pharmacy: P(2).code, item: code.amoxicillin }
  }
}
