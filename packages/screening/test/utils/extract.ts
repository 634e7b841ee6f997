/**
 * Small hand-made extracts for tests: a valid minimal county (one hospital of each price tier, a
 * pharmacy, a few persons, visits, fee lines and a catalogue) that each test bends to its case,
 * written as CSV to a fresh temporary directory.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

export type Cell = string | number | null
export type Rows = ReadonlyArray<Readonly<Record<string, Cell>>>

const quote = (cell: Cell): string => {
  if (cell === null) return ""
  const s = String(cell)
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

/** CSV text with a header: the given columns, or the keys of the first row. */
export const toCsv = (rows: Rows, columns: ReadonlyArray<string> = Object.keys(rows[0] ?? {})): string =>
  [columns.join(","), ...rows.map((r) => columns.map((c) => quote(r[c] ?? null)).join(","))].join("\n") + "\n"

/** JSONL text, one object per row. */
export const toJsonl = (rows: Rows): string => rows.map((r) => JSON.stringify(r)).join("\n") + "\n"

const dirs: Array<string> = []

/** Writes files (name → text) into a new temporary directory and returns its path. */
export const writeDir = (files: Readonly<Record<string, string>>): string => {
  const dir = mkdtempSync(join(tmpdir(), "fg-extract-"))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

/** Removes every directory `writeDir` created. */
export const cleanupDirs = (): void => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export type Tables = Record<string, Rows>

/** Institutions: a 三级, a 二级 and a 一级 hospital, an unlevelled clinic and a pharmacy. */
export const fixmedins: Rows = [
  {
    fixmedins_code: "H50023500001",
    fixmedins_name: "奉节县人民医院",
    fixmedins_type: "1",
    hosp_lv: "1",
    org_kind: "public_hospital",
    admdvs: "500235",
    aprv_bed_cnt: 600
  },
  {
    fixmedins_code: "H50023500002",
    fixmedins_name: "奉节县中医院",
    fixmedins_type: "1",
    hosp_lv: "2",
    org_kind: "public_hospital",
    admdvs: "500235",
    aprv_bed_cnt: 300
  },
  {
    fixmedins_code: "H50023500004",
    fixmedins_name: "奉节县草堂镇卫生院",
    fixmedins_type: "1",
    hosp_lv: "3",
    org_kind: "township_health_center",
    admdvs: "500235",
    aprv_bed_cnt: 40
  },
  {
    fixmedins_code: "H50023500012",
    fixmedins_name: "奉节县永安街道李氏诊所",
    fixmedins_type: "1",
    hosp_lv: "9",
    org_kind: "clinic",
    admdvs: "500235",
    aprv_bed_cnt: 0
  },
  {
    fixmedins_code: "P50023500001",
    fixmedins_name: "奉节县夔州大药房",
    fixmedins_type: "2",
    hosp_lv: null,
    org_kind: "pharmacy",
    admdvs: "500235",
    aprv_bed_cnt: null
  }
]

export const psn: Rows = [
  { psn_no: "50023500000001", gend: "1", brdy: "1960-05-12", insutype: "390" },
  { psn_no: "50023500000002", gend: "2", brdy: "1985-11-03", insutype: "310" },
  { psn_no: "50023500000003", gend: "1", brdy: "2012-02-29", insutype: "390" }
]

/** Catalogue: a service with a ceiling per tier, and a drug with one ceiling for all. */
export const catalog: Rows = [
  {
    med_list_codg: "001204000010000",
    name: "静脉输液",
    list_type: "service",
    category: "treatment",
    pric_uplmt_lv1: 12,
    pric_uplmt_lv2: 10,
    pric_uplmt_lv3: 8,
    pric_uplmt_other: 6
  },
  {
    med_list_codg: "XJ01CAA040A001010100001",
    name: "阿莫西林胶囊",
    list_type: "drug",
    category: null,
    pric_uplmt_lv1: 15.8,
    pric_uplmt_lv2: 15.8,
    pric_uplmt_lv3: 15.8,
    pric_uplmt_other: 15.8,
    rx_flag: "1"
  },
  {
    med_list_codg: "002301000010000",
    name: "腹部彩色多普勒超声",
    list_type: "service",
    category: "exam",
    pric_uplmt_lv1: 120,
    pric_uplmt_lv2: 100,
    pric_uplmt_lv3: 80,
    pric_uplmt_other: null
  }
]

/** One outpatient visit per institution, all on 2025-01-06, person 1 except the pharmacy (person 2). */
export const mdtrt: Rows = fixmedins.map((f, i) => ({
  mdtrt_id: `M${i + 1}`,
  psn_no: f.fixmedins_type === "2" ? "50023500000002" : "50023500000001",
  fixmedins_code: f.fixmedins_code ?? null,
  med_type: f.fixmedins_type === "2" ? "41" : "11",
  begntime: "2025-01-06 09:00:00",
  endtime: null
}))

export interface LineInput {
  readonly sn: string
  readonly visit: number
  readonly item: string
  readonly cnt: number
  readonly pric: number
  readonly init?: string
}

/** A fee line of visit `M<visit>`, amounts consistent with cnt × pric. */
export const line = ({ sn, visit, item, cnt, pric, init }: LineInput): Readonly<Record<string, Cell>> => {
  const v = mdtrt[visit - 1]!
  return {
    feedetl_sn: sn,
    mdtrt_id: v.mdtrt_id ?? null,
    psn_no: v.psn_no ?? null,
    fixmedins_code: v.fixmedins_code ?? null,
    med_list_codg: item,
    med_chrgitm_type: item.startsWith("X") ? "09" : "05",
    fee_ocur_time: "2025-01-06 09:30:00",
    cnt,
    pric,
    det_item_fee_sumamt: Math.round(cnt * pric * 100) / 100,
    init_feedetl_sn: init ?? null
  }
}

export const INFUSION = "001204000010000"
export const AMOXICILLIN = "XJ01CAA040A001010100001"
export const ULTRASOUND = "002301000010000"

/** Settlements, one per visit. */
export const setlinfo: Rows = mdtrt.map((m, i) => ({
  setl_id: `S${i + 1}`,
  mdtrt_id: m.mdtrt_id ?? null,
  psn_no: m.psn_no ?? null,
  fixmedins_code: m.fixmedins_code ?? null,
  setl_time: "2025-01-06 10:00:00",
  med_type: m.med_type ?? null,
  medfee_sumamt: 100,
  hifp_pay: 50,
  fund_pay_sumamt: 50
}))

/** The minimal extract with the given fee lines, as CSV files; override or drop any table. */
export const baseTables = (feedetail: Rows, overrides: Partial<Tables> = {}): Tables => ({
  fixmedins,
  psn,
  mdtrt,
  feedetail,
  setlinfo,
  catalog,
  ...overrides
})

/** Writes tables as `<name>.csv` files. Columns: union of keys over all rows, in first-seen order. */
export const writeCsvExtract = (tables: Tables, extra: Readonly<Record<string, string>> = {}): string =>
  writeDir({
    ...Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => {
        const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))]
        return [`${name}.csv`, toCsv(rows, columns)]
      })
    ),
    ...extra
  })
