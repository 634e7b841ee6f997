/**
 * A builder for small hand-made extracts: tests state only what their case needs (a visit, a few
 * lines, a reversal…) and the builder fills in the rest consistently — persons, institutions and a
 * catalogue to start from, one settlement per visit unless told otherwise, line amounts = cnt ×
 * pric. `write()` produces a CSV extract directory.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import {
  findRule,
  importExtractScoped,
  isTableName,
  precheckDifferences,
  precheckRules,
  replayExtract,
  runScreening,
  tableSpec
} from "../../src/index.js"
import { type Cell, fixmedins as baseInstitutions, type Rows, type Tables, toCsv, writeDir } from "./extract.js"

type Row = Record<string, Cell>

/** Institution codes of the starting register. */
export const H1 = "H50023500001" // 奉节县人民医院, 三级, 600 beds
export const H2 = "H50023500002" // 奉节县中医院, 二级, 300 beds
export const H4 = "H50023500004" // 草堂镇卫生院, 一级, 40 beds
export const CLINIC = "H50023500012" // 李氏诊所, unlevelled
export const PHARMACY = "P50023500001" // 夔州大药房, not open at night
export const VILLAGE = "H50023500008" // 石马村卫生室
export const PHARMACY2 = "P50023500002" // 康佰家药店
export const PHARMACY3 = "P50023500003" // 济民药店, open 24 h

/** Persons of the starting register. */
export const MAN = "50023500000001" // 1960-05-12
export const WOMAN = "50023500000002" // 1985-11-03
export const BOY = "50023500000003" // 2012-02-29

/** Catalogue codes. */
export const Item = {
  BED: "001103000010000",
  NURSING: "001202000010000",
  CONSULT: "001102000010000",
  INFUSION: "001204000010000",
  INJECTION: "001203000010000",
  ACUPUNCTURE: "004301000010000",
  CHILD_MASSAGE: "004303000010000",
  APPENDECTOMY: "003309000010000",
  CBC: "003103000010000",
  URINE: "003104000010000",
  LIVER: "003105000010000",
  GLUCOSE: "003106000010000",
  PSA: "003107000010000",
  CERVICAL: "003108000010000",
  ECG: "002201000010000",
  ULTRASOUND: "002301000010000",
  DR: "002101000010000",
  CT: "002102000010000",
  AMOXICILLIN: "XJ01CAA040A001010100001",
  IBUPROFEN: "XM01AEI021E001010100003",
  METFORMIN: "XA10BAE005A001010100004",
  CEFTRIAXONE: "XJ01DDA063B001010100007",
  SYRINGE: "C0301020010000100002",
  // A bundle and its parts (catalog_pair part_of), and an item that includes another.
  LIPID_PANEL: "003120000010000",
  CHOLESTEROL: "003121000010000",
  TRIGLYCERIDE: "003122000010000",
  DRESSING_LARGE: "001301000010000",
  DRESSING_SMALL: "001302000010000"
} as const

const svc = (code: string, name: string, chrg: string, category: string, prices: ReadonlyArray<number | null>) => ({
  med_list_codg: code,
  name,
  list_type: "service",
  category,
  chrg,
  pric_uplmt_lv1: prices[0] ?? null,
  pric_uplmt_lv2: prices[1] ?? null,
  pric_uplmt_lv3: prices[2] ?? null,
  pric_uplmt_other: prices[3] ?? null
})
const drug = (code: string, name: string, price: number, rx: string) => ({
  med_list_codg: code,
  name,
  list_type: "drug",
  category: null,
  chrg: "09",
  pric_uplmt_lv1: price,
  pric_uplmt_lv2: price,
  pric_uplmt_lv3: price,
  pric_uplmt_other: price,
  rx_flag: rx
})

/** The starting catalogue; `chrg` is the item's charge type, used for its fee lines. */
export const baseCatalog: ReadonlyArray<Row> = [
  { ...svc(Item.BED, "普通病房床位费", "01", "bed", [50, 40, 25, 20]), max_daily_cnt: 1 },
  { ...svc(Item.NURSING, "Ⅰ级护理", "07", "nursing", [28, 22, 16, 12]), max_daily_cnt: 1 },
  { ...svc(Item.CONSULT, "普通门诊诊查费", "02", "consult", [10, 8, 6, 6]), max_daily_cnt: 1 },
  svc(Item.INFUSION, "静脉输液", "05", "treatment", [12, 10, 8, 6]),
  svc(Item.INJECTION, "肌肉注射", "05", "treatment", [3, 2.5, 2, 2]),
  { ...svc(Item.ACUPUNCTURE, "普通针刺", "05", "rehab", [22, 18, 15, 12]), max_daily_cnt: 1 },
  { ...svc(Item.CHILD_MASSAGE, "小儿推拿", "05", "rehab", [30, 25, 20, 20]), lmt_age_max: 14 },
  { ...svc(Item.APPENDECTOMY, "阑尾切除术", "06", "surgery", [1200, 1000, 800, null]), lmt_med_type: "21" },
  svc(Item.CBC, "血细胞分析", "04", "lab", [20, 18, 15, 12]),
  svc(Item.URINE, "尿液分析", "04", "lab", [8, 7, 6, 5]),
  svc(Item.LIVER, "肝功能检查", "04", "lab", [60, 50, 40, 40]),
  { ...svc(Item.GLUCOSE, "血糖测定", "04", "lab", [6, 5, 4, 4]), max_daily_cnt: 4 },
  { ...svc(Item.PSA, "前列腺特异性抗原测定", "04", "lab", [80, 70, 60, 60]), lmt_gend: "1" },
  { ...svc(Item.CERVICAL, "宫颈细胞学检查", "04", "lab", [60, 50, 40, 40]), lmt_gend: "2", lmt_age_min: 18 },
  svc(Item.ECG, "常规心电图检查", "03", "exam", [25, 22, 18, 15]),
  svc(Item.ULTRASOUND, "腹部彩色多普勒超声", "03", "exam", [120, 100, 80, 80]),
  svc(Item.DR, "数字化摄影（DR）", "03", "exam", [80, 70, 60, 60]),
  svc(Item.CT, "X线计算机体层（CT）平扫", "03", "exam", [200, 180, 160, 160]),
  { ...drug(Item.AMOXICILLIN, "阿莫西林胶囊", 15.8, "1"), max_prd_days: 7 },
  drug(Item.IBUPROFEN, "布洛芬缓释胶囊", 18, "0"),
  drug(Item.METFORMIN, "盐酸二甲双胍片", 9.6, "1"),
  { ...drug(Item.CEFTRIAXONE, "注射用头孢曲松钠", 6.8, "1"), lmt_med_type: "13;21" },
  {
    med_list_codg: Item.SYRINGE,
    name: "一次性使用无菌注射器",
    list_type: "consumable",
    chrg: "08",
    pric_uplmt_other: 0.5
  },
  svc(Item.LIPID_PANEL, "血脂四项", "04", "lab", [60, 50, 45, 40]),
  svc(Item.CHOLESTEROL, "总胆固醇测定", "04", "lab", [20, 18, 15, 12]),
  svc(Item.TRIGLYCERIDE, "甘油三酯测定", "04", "lab", [20, 18, 15, 12]),
  svc(Item.DRESSING_LARGE, "大换药", "05", "treatment", [40, 35, 30, 30]),
  svc(Item.DRESSING_SMALL, "小换药", "05", "treatment", [15, 12, 10, 10])
]

const extraInstitutions: Rows = [
  {
    fixmedins_code: VILLAGE,
    fixmedins_name: "奉节县草堂镇石马村卫生室",
    fixmedins_type: "1",
    hosp_lv: "9",
    org_kind: "village_clinic",
    admdvs: "500235",
    aprv_bed_cnt: 0,
    supervisor_code: H4
  },
  {
    fixmedins_code: PHARMACY2,
    fixmedins_name: "奉节县康佰家药店永安店",
    fixmedins_type: "2",
    org_kind: "pharmacy",
    admdvs: "500235",
    open_24h: "0"
  },
  {
    fixmedins_code: PHARMACY3,
    fixmedins_name: "奉节县吐祥镇济民药店",
    fixmedins_type: "2",
    org_kind: "pharmacy",
    admdvs: "500235",
    open_24h: "1"
  }
]

const persons: Rows = [
  { psn_no: MAN, gend: "1", brdy: "1960-05-12", insutype: "390" },
  { psn_no: WOMAN, gend: "2", brdy: "1985-11-03", insutype: "310" },
  { psn_no: BOY, gend: "1", brdy: "2012-02-29", insutype: "390" }
]

/** A visit to add. Times are `yyyy-MM-dd HH:mm:ss`; a bare date means 09:00 that day. */
export interface VisitInput {
  readonly id?: string
  readonly psn?: string
  readonly inst?: string
  readonly medType?: string
  readonly begin: string
  readonly end?: string | null
  readonly dscgWay?: string | null
  readonly doctor?: string | null
  readonly dise?: string | null
  /** Fund payment of the one settlement created for the visit; `false`: no settlement. */
  readonly fund?: number | false
  readonly opter?: string | null
  /** Settlement time; default: the end (inpatient) or 30 minutes after the beginning. */
  readonly setlTime?: string
}

/** A fee line to add to a visit. */
export interface LineInput {
  readonly item: string
  readonly cnt?: number
  readonly pric?: number
  /** Default: the visit's beginning (inpatient: its admission day at 10:00). */
  readonly time?: string
  readonly prdDays?: number | null
  readonly chrg?: string
  readonly sn?: string
  readonly init?: string
}

const at = (t: string): string => (t.length === 10 ? `${t} 09:00:00` : t)

const addMinutes = (t: string, minutes: number): string => {
  const d = new Date(`${at(t).replace(" ", "T")}Z`)
  d.setUTCMinutes(d.getUTCMinutes() + minutes)
  return d.toISOString().slice(0, 19).replace("T", " ")
}

/** Builds an extract step by step. */
export class ExtractBuilder {
  readonly fixmedins: Array<Row> = [...baseInstitutions, ...extraInstitutions].map((r) => ({ ...r }))
  readonly psn: Array<Row> = persons.map((r) => ({ ...r }))
  readonly catalog: Array<Row> = baseCatalog.map((r) => ({ ...r }))
  readonly mdtrt: Array<Row> = []
  readonly feedetail: Array<Row> = []
  readonly setlinfo: Array<Row> = []
  readonly optional: Record<string, Array<Row>> = {}
  /** Written as `manifest.json` when set. */
  manifest: Readonly<Record<string, unknown>> | null = null
  private visits = 0
  private settlements = 0

  /** Adds a row to an optional table (deaths, catalog_pair, inv_*, drugtrac, staff, duty, diseinfo). */
  add(table: string, ...rows: ReadonlyArray<Row>): this {
    ;(this.optional[table] ??= []).push(...rows)
    return this
  }

  person(psn_no: string, gend: string, brdy: string): string {
    this.psn.push({ psn_no, gend, brdy, insutype: "390" })
    return psn_no
  }

  institution(row: Row): string {
    this.fixmedins.push({ admdvs: "500235", ...row })
    return String(row.fixmedins_code)
  }

  /** Adds a visit and (unless `fund: false`) its settlement; returns the visit id. */
  visit(input: VisitInput): string {
    this.visits++
    const id = input.id ?? `M${String(this.visits).padStart(4, "0")}`
    const inst = input.inst ?? H1
    const isPharmacy = this.fixmedins.find((f) => f.fixmedins_code === inst)?.fixmedins_type === "2"
    const medType = input.medType ?? (isPharmacy ? "41" : "11")
    const inpatient = medType.startsWith("2")
    const begin = at(input.begin)
    const end = input.end === undefined ? (inpatient ? null : null) : input.end === null ? null : at(input.end)
    this.mdtrt.push({
      mdtrt_id: id,
      psn_no: input.psn ?? MAN,
      fixmedins_code: inst,
      med_type: medType,
      begntime: begin,
      endtime: end,
      dscg_way: input.dscgWay ?? (inpatient && end !== null ? "1" : null),
      atddr_no: input.doctor ?? null,
      dise_codg: input.dise ?? null
    })
    if (input.fund !== false) {
      this.settle(id, input.fund ?? 100, input.setlTime ?? end ?? addMinutes(begin, 30), { opter: input.opter ?? null })
    }
    return id
  }

  /** A settlement of a visit; returns its id. */
  settle(mdtrt_id: string, fund: number, time: string, extra: Row = {}): string {
    const v = this.mdtrt.find((m) => m.mdtrt_id === mdtrt_id)!
    this.settlements++
    const setl_id = `S${String(this.settlements).padStart(4, "0")}`
    this.setlinfo.push({
      setl_id,
      mdtrt_id,
      psn_no: v.psn_no ?? null,
      fixmedins_code: v.fixmedins_code ?? null,
      setl_time: at(time),
      med_type: v.med_type ?? null,
      medfee_sumamt: fund * 2,
      hifp_pay: fund,
      fund_pay_sumamt: fund,
      refd_setl_flag: "0",
      ...extra
    })
    return setl_id
  }

  /** Reverses a settlement (a row with `refd_setl_flag` 1 and negated amounts); returns its id. */
  reverse(setl_id: string, time?: string): string {
    const s = this.setlinfo.find((r) => r.setl_id === setl_id)!
    this.settlements++
    const id = `S${String(this.settlements).padStart(4, "0")}`
    this.setlinfo.push({
      ...s,
      setl_id: id,
      setl_time: time === undefined ? addMinutes(String(s.setl_time), 5) : at(time),
      medfee_sumamt: -Number(s.medfee_sumamt),
      hifp_pay: -Number(s.hifp_pay),
      fund_pay_sumamt: -Number(s.fund_pay_sumamt),
      refd_setl_flag: "1"
    })
    return id
  }

  /** The settlement ids of a visit. */
  settlementsOf(mdtrt_id: string): ReadonlyArray<string> {
    return this.setlinfo.filter((s) => s.mdtrt_id === mdtrt_id).map((s) => String(s.setl_id))
  }

  /** Adds a fee line; returns its serial. */
  line(mdtrt_id: string, input: LineInput): string {
    const v = this.mdtrt.find((m) => m.mdtrt_id === mdtrt_id)!
    const item = this.catalog.find((c) => c.med_list_codg === input.item)
    const sn = input.sn ?? String(this.feedetail.filter((f) => f.mdtrt_id === mdtrt_id).length + 1).padStart(4, "0")
    const pric = input.pric ?? Number(item?.pric_uplmt_other ?? item?.pric_uplmt_lv1 ?? 10)
    const cnt = input.cnt ?? 1
    const isDrug = item?.list_type === "drug"
    this.feedetail.push({
      feedetl_sn: sn,
      mdtrt_id,
      psn_no: v.psn_no ?? null,
      fixmedins_code: v.fixmedins_code ?? null,
      med_list_codg: input.item,
      med_chrgitm_type: input.chrg ?? String(item?.chrg ?? "14"),
      fee_ocur_time: at(input.time ?? String(v.begntime)),
      cnt,
      pric,
      det_item_fee_sumamt: Math.round(cnt * pric * 100) / 100,
      prd_days: input.prdDays === undefined ? (isDrug ? 3 : null) : input.prdDays,
      init_feedetl_sn: input.init ?? null
    })
    return sn
  }

  /** A refund line reversing `cnt` units (default: all) of line `sn`; returns its serial. */
  refund(mdtrt_id: string, sn: string, cnt?: number): string {
    const original = this.feedetail.find((f) => f.mdtrt_id === mdtrt_id && f.feedetl_sn === sn)!
    return this.line(mdtrt_id, {
      item: String(original.med_list_codg),
      cnt: -(cnt ?? Number(original.cnt)),
      pric: Number(original.pric),
      time: String(original.fee_ocur_time),
      chrg: String(original.med_chrgitm_type),
      prdDays: original.prd_days === null ? null : Number(original.prd_days),
      init: sn
    })
  }

  tables(): Tables {
    return {
      fixmedins: this.fixmedins,
      psn: this.psn,
      mdtrt: this.mdtrt,
      feedetail: this.feedetail,
      setlinfo: this.setlinfo,
      catalog: this.catalog.map(({ chrg: _chrg, ...rest }) => rest),
      ...this.optional
    }
  }

  /** Sets the manifest's period (and region 500235). */
  period(from: string, to: string): this {
    this.manifest = { format: "claims-extract/1", admdvs: "500235", period: { from, to } }
    return this
  }

  /** Writes the extract as CSV files; an empty table still gets its header. */
  write(): string {
    const files = Object.entries(this.tables()).map(([name, rows]) => {
      const seen = [...new Set(rows.flatMap((r) => Object.keys(r)))]
      const columns = seen.length > 0 || !isTableName(name) ? seen : tableSpec(name).columns.map((c) => c.name)
      return [`${name}.csv`, toCsv(rows, columns)] as const
    })
    const manifest = this.manifest === null ? [] : [["manifest.json", JSON.stringify(this.manifest)] as const]
    return writeDir(Object.fromEntries([...files, ...manifest]))
  }
}

/** A fresh builder. */
export const extract = (): ExtractBuilder => new ExtractBuilder()

/**
 * Runs one rule over the builder's extract (written as CSV). When the rule is also decided before
 * settlement, the same extract is replayed visit by visit through its pre-settlement check, which must flag
 * exactly what the nightly run flagged (`precheck.md`, "Equivalence with the nightly run") — so every rule
 * test is also a test of the two evaluations' agreement.
 */
export const screen = (b: ExtractBuilder, code: string, params?: Readonly<Record<string, unknown>>) =>
  Effect.gen(function* () {
    const dir = b.write()
    const result = yield* runScreening({
      extract: dir,
      rules: [code],
      ...(params === undefined ? {} : { params: { [code]: params } })
    })
    if (findRule(code)?.precheck === true) {
      const rules = Either.getOrThrow(precheckRules(params === undefined ? {} : { [code]: params })).filter(
        (r) => r.rule.code === code
      )
      const replay = yield* Effect.scoped(
        Effect.flatMap(importExtractScoped(dir), (handle) => replayExtract(handle, rules))
      ).pipe(Effect.orDie)
      const differences = precheckDifferences(result.suspicions, replay, [code])
      if (differences.length > 0)
        throw new Error(`pre-settlement check disagrees with the nightly run:\n${differences.join("\n")}`)
    }
    return result
  })
