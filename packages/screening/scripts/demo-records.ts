/**
 * The demo's records beyond claims: the pharmacies' 进销存 (stock counts, purchases, sales and
 * returns), drug traceability scans, and the staff register with the pharmacists' duty rota —
 * consistent with the pharmacy visits, except where a planted lead says otherwise (demo-leads.ts).
 */
import type { Institution } from "./demo-data.js"
import type { Leads } from "./demo-leads.js"
import type { Visit } from "./make-demo-extract.js"
import { at, pad } from "./demo-time.js"

type Row = Record<string, string | number | null>

const rxDrugs = new Set([
  "XJ01CAA040A001010100001",
  "XJ01DDC031A001010100002",
  "XA10BAE005A001010100004",
  "XC08CAN027A001010100005",
  "XJ01DDA063B001010100007",
  "XB05BBL001B002010100006"
])

/** The licence number of a pharmacy's pharmacist. */
const licence = (pharmacy: string) => `ZY${pharmacy.slice(-5)}2019`
/** The national practitioner code of a pharmacy's pharmacist. */
const pharmacist = (pharmacy: string) => `Y500235${pad(Number(pharmacy.slice(-5)) + 900, 6)}`
/** The batch of an item at a pharmacy (one batch per item in the demo). */
const batch = (pharmacy: string, item: string) => `B${pharmacy.slice(-2)}${item.slice(-6)}`

/**
 * Stock, purchases, sales and traceability scans of the pharmacies. `settled` maps a visit to the
 * settlement in force and its time.
 */
export const pharmacyRecords = (
  visits: ReadonlyArray<Visit>,
  settled: ReadonlyMap<unknown, { readonly setl_id: unknown; readonly time: unknown }>,
  leads: Leads
) => {
  const sales: Array<Row> = []
  const traces: Array<Row> = []
  const sold = new Map<string, number>()
  let serial = 0
  const codesOf = new Map<Visit, Array<string>>()
  for (const v of visits) {
    if (v.inst.fixmedins_type !== "2") continue
    const setl = settled.get(v.id)!
    const setlId = String(setl.setl_id)
    const time = String(setl.time)
    const docno = `R${setlId.slice(-10)}`
    const codes: Array<string> = []
    for (const line of v.lines) {
      const item = String(line.med_list_codg)
      const cnt = Number(line.cnt)
      sold.set(`${v.inst.code}|${item}`, (sold.get(`${v.inst.code}|${item}`) ?? 0) + cnt)
      if (v.options.unsold !== true) {
        sales.push({
          fixmedins_code: v.inst.code,
          med_list_codg: item,
          sel_retn_cnt: cnt,
          sel_retn_time: time,
          rtal_docno: docno,
          setl_id: setlId,
          psn_no: v.person.psn_no,
          rx_flag: rxDrugs.has(item) ? "1" : "0",
          phar_prac_cert_no: licence(v.inst.code),
          finl_trns_pric: Number(line.pric),
          fixmedins_bchno: batch(v.inst.code, item)
        })
      }
      // One traceability code per box, scanned at sale (stock) and at settlement (fee line).
      for (let k = 0; k < cnt; k++) {
        serial++
        const reused = v === leads.traceReuse.to && k === 0 ? codesOf.get(leads.traceReuse.from)?.[0] : undefined
        const codeValue = reused ?? `8${pad(serial * 7919, 19)}`
        codes.push(codeValue)
        if (v.options.unsold !== true) {
          traces.push({
            drug_trac_codg: codeValue,
            fixmedins_code: v.inst.code,
            src: "sale",
            ref: docno,
            mdtrt_id: null,
            scan_time: time
          })
        }
        traces.push({
          drug_trac_codg: codeValue,
          fixmedins_code: v.inst.code,
          src: "fee",
          ref: String(line.feedetl_sn),
          mdtrt_id: v.id,
          scan_time: String(line.fee_ocur_time)
        })
      }
    }
    codesOf.set(v, codes)
  }

  // A cash sale (no settlement) returned the same day: its scan does not count as a sale.
  const cash = { pharmacy: "P50023500001", item: "XM01AEI021E001010100003" }
  sales.push({
    fixmedins_code: cash.pharmacy,
    med_list_codg: cash.item,
    sel_retn_cnt: 1,
    sel_retn_time: at(40, 10 * 60),
    rtal_docno: "RCASH0001",
    setl_id: null,
    psn_no: null,
    rx_flag: "0",
    phar_prac_cert_no: licence(cash.pharmacy),
    finl_trns_pric: 18,
    fixmedins_bchno: batch(cash.pharmacy, cash.item)
  })
  traces.push({
    drug_trac_codg: "89000000000000000001",
    fixmedins_code: cash.pharmacy,
    src: "sale",
    ref: "RCASH0001",
    mdtrt_id: null,
    scan_time: at(40, 10 * 60)
  })
  const saleReturns: Array<Row> = [
    {
      fixmedins_code: cash.pharmacy,
      med_list_codg: cash.item,
      sel_retn_cnt: 1,
      sel_retn_time: at(40, 11 * 60),
      setl_id: null,
      fixmedins_bchno: batch(cash.pharmacy, cash.item)
    }
  ]

  // Opening stock of 10 and purchases covering every sale — except the planted shortfall, which
  // starts from nothing and is bought 6 short.
  const stock: Array<Row> = []
  const purchases: Array<Row> = []
  for (const [key, qty] of [...sold].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [pharmacy = "", item = ""] = key.split("|")
    const short = pharmacy === leads.shortfall.pharmacy && item === leads.shortfall.item
    stock.push({
      fixmedins_code: pharmacy,
      med_list_codg: item,
      invdate: "2024-12-31",
      inv_cnt: short ? 0 : 10,
      fixmedins_bchno: batch(pharmacy, item),
      rx_flag: rxDrugs.has(item) ? "1" : "0"
    })
    purchases.push({
      fixmedins_code: pharmacy,
      med_list_codg: item,
      purc_retn_cnt: short ? Math.max(0, qty - 6) : qty + 2,
      purc_retn_stoin_time: at(1, 10 * 60),
      fixmedins_bchno: batch(pharmacy, item),
      spler_name: "重庆医药（集团）股份有限公司",
      purc_invo_no: `FP${pharmacy.slice(-3)}${item.slice(-6)}`,
      finl_trns_pric: null,
      rx_flag: rxDrugs.has(item) ? "1" : "0"
    })
  }
  // Two boxes of each item go back to the supplier in February (the purchase above bought them).
  const purchaseReturns: Array<Row> = purchases
    .filter((p) => p.fixmedins_code === "P50023500001")
    .map((p) => ({
      fixmedins_code: p.fixmedins_code ?? null,
      med_list_codg: p.med_list_codg ?? null,
      purc_retn_cnt: 2,
      purc_retn_stoin_time: at(45, 14 * 60),
      fixmedins_bchno: p.fixmedins_bchno ?? null
    }))
  return { stock, purchases, purchaseReturns, sales, saleReturns, traces }
}

/**
 * The staff register (one doctor per institution, one pharmacist per pharmacy) and the
 * pharmacists' duty: all day at a 24-hour pharmacy, 08:00–22:00 elsewhere, every day of the period.
 */
export const staffRecords = (institutions: ReadonlyArray<Institution>) => {
  const staff: Array<Row> = []
  const duty: Array<Row> = []
  for (const i of institutions) {
    if (i.fixmedins_type === "2") {
      staff.push({
        staff_code: pharmacist(i.code),
        staff_name: `${i.name.slice(3, 5)}药师`,
        staff_type: "pharmacist",
        fixmedins_code: i.code,
        prac_cert_no: licence(i.code)
      })
      for (let d = 0; d < 90; d++) {
        const allDay = i.open_24h === "1"
        duty.push({
          fixmedins_code: i.code,
          staff_code: pharmacist(i.code),
          begntime: at(d, allDay ? 0 : 8 * 60),
          endtime: allDay ? `${at(d, 23 * 60 + 59).slice(0, 16)}:59` : at(d, 22 * 60)
        })
      }
    } else {
      staff.push({
        staff_code: i.doctor,
        staff_name: `${i.name.slice(3, 5)}医师`,
        staff_type: "doctor",
        fixmedins_code: i.code,
        prac_cert_no: `ZY${i.code.slice(-5)}2015`
      })
    }
  }
  return { staff, duty }
}
