/**
 * Generates the demo claims extract in `demo/extract/`: a synthetic 奉节县 (admdvs 500235) for
 * 2025-01-01 … 2025-03-31 with every kind of institution, 40 insured persons, about 120 visits,
 * about 500 fee lines, their settlements and a small price catalogue. Deterministic (seeded PRNG,
 * no clock), so the committed CSVs can be checked against a fresh run (`test/DemoExtract.test.ts`).
 *
 * Ordinary lines are priced at or below the ceiling of the institution's tier. Planted on top
 * (`scenarios` below): 11 fee lines above the ceiling at 5 institutions, which PRICE_OVER_CAP must
 * find, plus a near miss within the tolerance and a fully refunded over-cap line, which it must not.
 *
 * Run: `tsx scripts/make-demo-extract.ts` (from packages/screening).
 */
import { mkdirSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { catalogItems, institutions, type Item, type Institution, persons, type Person } from "./demo-data.js"
import { type Leads, plantLeads } from "./demo-leads.js"
import { at, day, pad } from "./demo-time.js"
import { pharmacyRecords, staffRecords } from "./demo-records.js"

type Cell = string | number | null
type Row = Record<string, Cell>

/** mulberry32: small, fast, and the same sequence on every machine. */
const prng = (seed: number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const round2 = (x: number) => Math.round(x * 100 + Number.EPSILON * 100) / 100

const ageOn = (p: Person, d: number): number => {
  const date = day(d)
  const years = Number(date.slice(0, 4)) - Number(p.brdy.slice(0, 4))
  return date.slice(5) < p.brdy.slice(5) ? years - 1 : years
}

/** The ceiling of an item for an institution's tier, as PRICE_OVER_CAP reads it. */
export const ceilingFor = (item: Item, inst: Institution): number | null => {
  const tier =
    inst.fixmedins_type === "2" || !["1", "2", "3"].includes(inst.hosp_lv ?? "") ? 3 : Number(inst.hosp_lv) - 1
  return item.ceilings[tier] ?? null
}

/** A visit of the demo: one row of mdtrt, its fee lines, and how it is settled. */
export interface Visit {
  readonly id: string
  readonly inst: Institution
  readonly person: Person
  /** 11 普通门诊, 13 急诊, 14 门诊慢特病, 21 普通住院, 41 定点药店购药. */
  readonly medType: string
  readonly begin: number
  readonly beginMinute: number
  readonly days: number
  readonly dise: readonly [string, string]
  readonly lines: Array<Row>
  readonly options: VisitOptions
}

/** What a planted lead may set beyond the ordinary. */
export interface VisitOptions {
  readonly minute?: number
  readonly dise?: readonly [string, string]
  readonly doctor?: string
  readonly dscgWay?: string
  /** Minute of the settlement on the visit's (outpatient) or discharge (inpatient) day. */
  readonly setlMinute?: number
  /** The pharmacy's sales records leave this visit out (SETTLED_NOT_SOLD). */
  readonly unsold?: boolean
}

/** Options of one fee line. */
export interface BillOptions {
  readonly pric?: number
  readonly init?: string
  readonly prdDays?: number
  /** Minute of the charge on its day; default: shortly after the visit began. */
  readonly minute?: number
}

const diagnoses = {
  outpatient: [
    ["J06.900", "急性上呼吸道感染"],
    ["I10.x00", "原发性高血压"],
    ["E11.900", "2型糖尿病"],
    ["K29.700", "胃炎"],
    ["M54.500", "腰痛"]
  ],
  inpatient: [
    ["J18.900", "肺炎"],
    ["I63.900", "脑梗死"],
    ["J44.100", "慢性阻塞性肺病伴急性加重"],
    ["K35.800", "急性阑尾炎"]
  ]
} as const

/** Builds the whole extract: file name → CSV text. */
export const makeDemoExtract = (): ReadonlyMap<string, string> => {
  const rand = prng(500235)
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[Math.floor(rand() * xs.length)]!
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1))
  const item = (code: string): Item => catalogItems.find((i) => i.code === code)!
  const visits: Array<Visit> = []
  let serial = 0

  const open = (
    inst: Institution,
    person: Person,
    medType: Visit["medType"],
    begin: number,
    days = 0,
    options: VisitOptions = {}
  ): Visit => {
    serial++
    const drawn = medType === "41" ? int(8 * 60, 21 * 60) : int(8 * 60, 16 * 60)
    const beginMinute = options.minute ?? drawn
    const drawnDise = medType === "21" ? pick(diagnoses.inpatient) : pick(diagnoses.outpatient)
    const dise = options.dise ?? drawnDise
    const visit: Visit = {
      id: `S500235${day(begin).slice(2).replaceAll("-", "")}${pad(serial, 7)}`,
      inst,
      person,
      medType,
      begin,
      beginMinute,
      days,
      dise,
      lines: [],
      options
    }
    visits.push(visit)
    return visit
  }

  /** Adds a fee line; `pric` defaults to the tier's ceiling, sometimes 10 % below it. */
  const bill = (v: Visit, code: string, cnt: number, d: number, options: BillOptions = {}) => {
    const it = item(code)
    const ceiling = ceilingFor(it, v.inst)
    if (ceiling === null && options.pric === undefined) throw new Error(`${code} has no ceiling at ${v.inst.code}`)
    const pric = options.pric ?? (rand() < 0.2 ? round2(ceiling! * 0.9) : ceiling!)
    const sn = pad(v.lines.length + 1, 4)
    v.lines.push({
      feedetl_sn: sn,
      mdtrt_id: v.id,
      psn_no: v.person.psn_no,
      fixmedins_code: v.inst.code,
      med_list_codg: code,
      medins_list_codg: `${v.inst.code.slice(-3)}-${code.length === 15 ? code.slice(2, 9) : code.slice(-6)}`,
      med_chrgitm_type: it.chrg,
      fee_ocur_time: at(d, options.minute ?? Math.max(v.beginMinute, 8 * 60) + 10 + v.lines.length),
      cnt,
      pric,
      det_item_fee_sumamt: round2(cnt * pric),
      prd_days: drugDays(it, v, options.prdDays),
      bilg_dr_codg: v.inst.fixmedins_type === "2" ? null : v.inst.doctor,
      bilg_dept_codg: v.inst.fixmedins_type === "2" ? null : v.inst.dept,
      rxno: it.list_type === "drug" ? `RX${v.id.slice(-7)}` : null,
      init_feedetl_sn: options.init ?? null
    })
    return sn
  }

  /** Days of supply of an outpatient or pharmacy drug line: as planted, else 3–7 within the limit. */
  const drugDays = (it: Item, v: Visit, planted: number | undefined): number | null => {
    if (it.list_type !== "drug" || v.medType === "21") return null
    const drawn = Math.min(it.max_prd_days ?? 7, int(3, 7))
    return planted ?? drawn
  }

  /** Items an institution may bill to a person on a day (tier ceiling set, restrictions met). */
  const allowed = (inst: Institution, p: Person, d: number, codes: ReadonlyArray<string>, medType: string) =>
    codes.filter((code) => {
      const it = item(code)
      const age = ageOn(p, d)
      return (
        ceilingFor(it, inst) !== null &&
        (it.lmt_gend === null || it.lmt_gend === p.gend) &&
        (it.lmt_age_min === null || age >= it.lmt_age_min) &&
        (it.lmt_age_max === null || age <= it.lmt_age_max) &&
        (it.lmt_med_type === null || it.lmt_med_type.split(";").includes(medType))
      )
    })

  const outpatient = (v: Visit) => {
    const consult = v.inst.primaryCare ? "001101000010000" : "001102000010000"
    bill(v, consult, 1, v.begin)
    const tests = allowed(v.inst, v.person, v.begin, v.inst.tests, "11")
    for (let i = int(0, 2); i > 0 && tests.length > 0; i--) bill(v, pick(tests), 1, v.begin)
    const drugs = allowed(v.inst, v.person, v.begin, v.inst.drugs, "11")
    for (let i = int(1, 2); i > 0 && drugs.length > 0; i--) bill(v, pick(drugs), int(1, 3), v.begin)
    const care = allowed(v.inst, v.person, v.begin, v.inst.treatments, "11")
    if (care.length > 0 && rand() < 0.35) bill(v, pick(care), int(1, 2), v.begin)
  }

  const inpatient = (v: Visit) => {
    const tests = allowed(v.inst, v.person, v.begin, v.inst.tests, "21")
    for (const code of tests.slice(0, 4)) bill(v, code, 1, v.begin)
    for (let d = v.begin; d < v.begin + v.days; d++) {
      bill(v, "001103000010000", 1, d)
      bill(v, "001202000010000", 1, d)
      if (d < v.begin + v.days - 1) bill(v, "001204000010000", 1, d)
      if (d === v.begin || rand() < 0.4) bill(v, "XJ01DDA063B001010100007", 2, d)
    }
  }

  const pharmacy = (v: Visit) => {
    const drugs = allowed(v.inst, v.person, v.begin, v.inst.drugs, "41")
    for (let i = int(1, 2); i > 0; i--) bill(v, pick(drugs), int(1, 3), v.begin)
  }

  // Ordinary activity, institution by institution.
  for (const inst of institutions) {
    for (let i = 0; i < inst.outpatient; i++) {
      const v = open(inst, pick(persons), inst.fixmedins_type === "2" ? "41" : "11", int(0, 88))
      if (v.medType === "41") pharmacy(v)
      else outpatient(v)
    }
    for (let i = 0; i < inst.inpatient; i++) {
      const days = int(3, 6)
      inpatient(open(inst, pick(persons), "21", int(0, 89 - days), days))
    }
  }
  // A refunded ordinary line: the patient returned one box of a drug.
  const returned = visits.find(
    (v) => v.medType === "11" && v.lines.some((l) => l.med_chrgitm_type === "09" && Number(l.cnt) >= 2)
  )!
  const returnedLine = returned.lines.find((l) => l.med_chrgitm_type === "09" && Number(l.cnt) >= 2)!
  bill(returned, String(returnedLine.med_list_codg), -1, returned.begin, {
    pric: Number(returnedLine.pric),
    init: String(returnedLine.feedetl_sn)
  })

  // Planted over-cap charges (PRICE_OVER_CAP must flag each marked line) and two that it must not.
  const inst = (code: string) => institutions.find((i) => i.code === code)!
  const person = (n: number) => persons[n - 1]!
  const scenario = (code: string, p: number, begin: number, medType: Visit["medType"], days = 0) => {
    const v = open(inst(code), person(p), medType, begin, days)
    if (medType !== "41") bill(v, inst(code).primaryCare ? "001101000010000" : "001102000010000", 1, begin)
    return v
  }
  const zhong = scenario("H50023500002", 3, 9, "11")
  bill(zhong, "001204000010000", 3, 9, { pric: 12 }) // hit: 二级 ceiling 10
  const zhong2 = scenario("H50023500002", 7, 33, "11")
  bill(zhong2, "002301000010000", 1, 33, { pric: 120 }) // hit: 二级 ceiling 100
  const zhongStay = open(inst("H50023500002"), person(12), "21", 40, 4)
  inpatient(zhongStay)
  const infusion = bill(zhongStay, "001204000010000", 4, 41, { pric: 12 }) // hit after a partial refund
  bill(zhongStay, "001204000010000", -1, 41, { pric: 12, init: infusion })
  const kanghua = scenario("H50023500003", 15, 20, "11")
  bill(kanghua, "002301000010000", 1, 20, { pric: 120 }) // hit: 一级 ceiling 80
  bill(kanghua, "002101000010000", 1, 20, { pric: 85 }) // hit: 一级 ceiling 60
  const kanghua2 = scenario("H50023500003", 18, 52, "11")
  bill(kanghua2, "003103000010000", 1, 52, { pric: 20 }) // hit: 一级 ceiling 15
  const massage = bill(kanghua2, "004302000010000", 2, 52, { pric: 40 }) // over cap but fully refunded
  bill(kanghua2, "004302000010000", -2, 52, { pric: 40, init: massage })
  const caotang = scenario("H50023500004", 21, 61, "11")
  bill(caotang, "004301000010000", 5, 61, { pric: 18 }) // hit: 一级 ceiling 15
  bill(caotang, "004302000010000", 2, 61, { pric: 30 }) // hit: 一级 ceiling 25
  const clinic = scenario("H50023500012", 25, 70, "11")
  bill(clinic, "001203000010000", 2, 70, { pric: 3 }) // hit: unlevelled, _other ceiling 2
  const kuizhou = scenario("P50023500001", 30, 75, "41")
  bill(kuizhou, "XJ01CAA040A001010100001", 2, 75, { pric: 18.5 }) // hit: pharmacy ceiling 15.80
  bill(kuizhou, "ZC11BAF0013010100009", 1, 75, { pric: 29 }) // hit: pharmacy ceiling 26
  const renmin = scenario("H50023500001", 33, 80, "11")
  bill(renmin, "001204000010000", 1, 80, { pric: 12.01 }) // near miss: 三级 ceiling 12, within 0.01

  // Leads for the other rules of the library (demo-leads.ts).
  const leads = plantLeads({ open, bill, inst, person })
  return files(visits, leads)
}

const csv = (columns: ReadonlyArray<string>, rows: ReadonlyArray<Readonly<Record<string, unknown>>>): string => {
  const cell = (c: unknown) => {
    if (c === null || c === undefined) return ""
    const s = String(c)
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
  }
  return [columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c] ?? null)).join(","))].join("\n") + "\n"
}

const files = (visits: ReadonlyArray<Visit>, leads: Leads): ReadonlyMap<string, string> => {
  const sorted = [...visits].sort(
    (a, b) => a.begin - b.begin || a.beginMinute - b.beginMinute || (a.id < b.id ? -1 : 1)
  )
  const mdtrt = sorted.map((v) => ({
    mdtrt_id: v.id,
    psn_no: v.person.psn_no,
    fixmedins_code: v.inst.code,
    med_type: v.medType,
    begntime: at(v.begin, v.beginMinute),
    endtime: v.medType === "21" ? at(v.begin + v.days, 9 * 60 + 30) : null,
    dscg_way: v.medType === "21" ? (v.options.dscgWay ?? "1") : null,
    atddr_no: v.inst.fixmedins_type === "2" ? null : (v.options.doctor ?? v.inst.doctor),
    dept_code: v.inst.fixmedins_type === "2" ? null : v.inst.dept,
    adm_bed: v.medType === "21" ? `${pad((Number(v.id.slice(-2)) % 40) + 1, 2)}床` : null,
    dise_codg: v.medType === "41" ? null : v.dise[0],
    dise_name: v.medType === "41" ? null : v.dise[1]
  }))
  const corrected = sorted.find((v, i) => i >= 5 && v.medType === "11")
  const setlinfo = sorted.flatMap((v, i) => {
    const total = round2(v.lines.reduce((s, l) => s + Number(l.det_item_fee_sumamt), 0))
    // Pharmacies settle 门诊统筹 too (the outpatient pooling fund of seed 000).
    const ratio = v.medType === "21" ? (v.person.insutype === "310" ? 0.8 : 0.7) : 0.5
    const hifp = round2(total * ratio)
    const acct = v.person.insutype === "310" ? round2((total - hifp) * (v.medType === "41" ? 1 : 0.5)) : 0
    const base = {
      mdtrt_id: v.id,
      psn_no: v.person.psn_no,
      fixmedins_code: v.inst.code,
      med_type: v.medType,
      insutype: v.person.insutype,
      opter: v.medType === "41" ? "T01" : null
    }
    const setl = (n: number, time: string, sign: number, refd: string) => ({
      setl_id: `A${v.id.slice(1, -7)}${pad(n, 7)}`,
      ...base,
      setl_time: time,
      medfee_sumamt: round2(sign * total),
      hifp_pay: round2(sign * hifp),
      fund_pay_sumamt: round2(sign * hifp),
      acct_pay: round2(sign * acct),
      psn_cash_pay: round2(sign * (total - hifp - acct)),
      refd_setl_flag: refd
    })
    const end =
      v.medType === "21"
        ? at(v.begin + v.days, v.options.setlMinute ?? 10 * 60)
        : at(v.begin, v.options.setlMinute ?? v.beginMinute + 40)
    // One visit was settled, reversed and settled again, as happens when a bill is corrected.
    if (v === corrected) {
      return [
        setl(i * 3 + 1, end, 1, "0"),
        setl(i * 3 + 2, at(v.begin, v.beginMinute + 45), -1, "1"),
        setl(i * 3 + 3, at(v.begin, v.beginMinute + 50), 1, "0")
      ]
    }
    return [setl(i * 3 + 1, end, 1, "0")]
  })
  const feedetail = sorted.flatMap((v) => v.lines)
  const manifest = { format: "claims-extract/1", admdvs: "500235", period: { from: "2025-01-01", to: "2025-03-31" } }
  // The settlement still in force of each visit, which sales records and scans refer to.
  const settled = new Map(
    setlinfo.filter((r) => r.refd_setl_flag === "0").map((r) => [r.mdtrt_id, { setl_id: r.setl_id, time: r.setl_time }])
  )
  const pharmacy = pharmacyRecords(sorted, settled, leads)
  const staff = staffRecords(institutions)
  const diseinfo = sorted
    .filter((v) => v.medType === "21")
    .map((v) => ({
      mdtrt_id: v.id,
      diag_type: "1",
      diag_srt_no: "1",
      diag_code: v.dise[0],
      diag_name: v.dise[1],
      maindiag_flag: "1"
    }))
  const table = (name: string, rows: ReadonlyArray<Readonly<Record<string, unknown>>>): [string, string] => [
    `${name}.csv`,
    csv(Object.keys(rows[0]!), rows)
  ]
  return new Map([
    ["manifest.json", `${JSON.stringify(manifest, null, 2)}\n`],
    [
      "fixmedins.csv",
      csv(
        [
          "fixmedins_code",
          "fixmedins_name",
          "fixmedins_type",
          "hosp_lv",
          "org_kind",
          "admdvs",
          "aprv_bed_cnt",
          "supervisor_code",
          "open_24h"
        ],
        institutions.map((i) => ({ ...i, fixmedins_code: i.code, fixmedins_name: i.name }))
      )
    ],
    [
      "psn.csv",
      csv(
        ["psn_no", "gend", "brdy", "insutype", "insuplc_admdvs"],
        persons.map((p) => ({ ...p, insuplc_admdvs: "500235" }))
      )
    ],
    ["mdtrt.csv", csv(Object.keys(mdtrt[0]!), mdtrt)],
    ["feedetail.csv", csv(Object.keys(feedetail[0]!), feedetail)],
    ["setlinfo.csv", csv(Object.keys(setlinfo[0]!), setlinfo)],
    [
      "catalog.csv",
      csv(
        [
          "med_list_codg",
          "name",
          "list_type",
          "category",
          "pric_uplmt_lv1",
          "pric_uplmt_lv2",
          "pric_uplmt_lv3",
          "pric_uplmt_other",
          "lmt_gend",
          "lmt_age_min",
          "lmt_age_max",
          "lmt_med_type",
          "max_daily_cnt",
          "max_prd_days",
          "rx_flag"
        ],
        catalogItems.map((i) => ({
          ...i,
          med_list_codg: i.code,
          pric_uplmt_lv1: i.ceilings[0],
          pric_uplmt_lv2: i.ceilings[1],
          pric_uplmt_lv3: i.ceilings[2],
          pric_uplmt_other: i.ceilings[3]
        }))
      )
    ],
    table("catalog_pair", leads.catalogPairs),
    table("deaths", leads.deaths),
    table("diseinfo", diseinfo),
    table("inv_stock", pharmacy.stock),
    table("inv_purchase", pharmacy.purchases),
    table("inv_purchase_return", pharmacy.purchaseReturns),
    table("inv_sale", pharmacy.sales),
    table("inv_sale_return", pharmacy.saleReturns),
    table("drugtrac", pharmacy.traces),
    table("staff", staff.staff),
    table("duty", staff.duty)
  ])
}

/** Where the committed demo extract lives. */
export const demoExtractDir = join(dirname(fileURLToPath(import.meta.url)), "..", "demo", "extract")

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  mkdirSync(demoExtractDir, { recursive: true })
  for (const [name, text] of makeDemoExtract()) writeFileSync(join(demoExtractDir, name), text)
  console.log(`wrote ${demoExtractDir}`)
}
