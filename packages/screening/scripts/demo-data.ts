/**
 * Master data of the demo county (奉节县, admdvs 500235): institutions, insured persons and the
 * price catalogue. Names are plausible but invented; codes follow the national formats
 * (12-char `H…`/`P…` institution codes, 15-digit service codes, 23-char `X…` and 20-char `Z…`
 * drug codes, 20-char `C…` consumable codes).
 */

export interface Institution {
  readonly code: string
  readonly name: string
  readonly fixmedins_type: "1" | "2"
  readonly hosp_lv: string | null
  readonly org_kind: string
  readonly admdvs: "500235"
  readonly aprv_bed_cnt: number | null
  readonly supervisor_code: string | null
  readonly open_24h: string | null
  /** The institution's (one) doctor and department in the demo. */
  readonly doctor: string
  readonly dept: string
  /** Bills 一般诊疗费 rather than 门诊诊查费. */
  readonly primaryCare: boolean
  readonly tests: ReadonlyArray<string>
  readonly treatments: ReadonlyArray<string>
  readonly drugs: ReadonlyArray<string>
  /** Ordinary visits to generate (outpatient, or purchases for a pharmacy) and inpatient stays. */
  readonly outpatient: number
  readonly inpatient: number
}

export interface Item {
  readonly code: string
  readonly name: string
  readonly list_type: "drug" | "service" | "consumable"
  readonly category: string | null
  readonly chrg: string
  /** Ceilings for 三级 / 二级 / 一级 / others and pharmacies. */
  readonly ceilings: readonly [number | null, number | null, number | null, number | null]
  readonly lmt_gend: string | null
  readonly lmt_age_min: number | null
  readonly lmt_age_max: number | null
  readonly lmt_med_type: string | null
  readonly max_daily_cnt: number | null
  readonly max_prd_days: number | null
  readonly rx_flag: string | null
}

export interface Person {
  readonly psn_no: string
  readonly gend: "1" | "2"
  readonly brdy: string
  readonly insutype: "310" | "390"
}

const none = { lmt_gend: null, lmt_age_min: null, lmt_age_max: null, lmt_med_type: null, max_daily_cnt: null }

const service = (
  code: string,
  name: string,
  chrg: string,
  category: string,
  ceilings: Item["ceilings"],
  limits: Partial<Item> = {}
): Item => ({
  code,
  name,
  list_type: "service",
  category,
  chrg,
  ceilings,
  ...none,
  max_prd_days: null,
  rx_flag: null,
  ...limits
})

const drug = (
  code: string,
  name: string,
  chrg: string,
  price: number,
  rx: string,
  limits: Partial<Item> = {}
): Item => ({
  code,
  name,
  list_type: "drug",
  category: null,
  chrg,
  ceilings: [price, price, price, price],
  ...none,
  max_prd_days: null,
  rx_flag: rx,
  ...limits
})

const consumable = (code: string, name: string, price: number): Item => ({
  code,
  name,
  list_type: "consumable",
  category: null,
  chrg: "08",
  ceilings: [price, price, price, price],
  ...none,
  max_prd_days: null,
  rx_flag: null
})

/** The catalogue: 22 services, 10 drugs, 2 consumables. */
export const catalogItems: ReadonlyArray<Item> = [
  service("001102000010000", "普通门诊诊查费", "02", "consult", [10, 8, 6, null], { max_daily_cnt: 1 }),
  service("001101000010000", "一般诊疗费", "12", "consult", [null, null, 10, 10], { max_daily_cnt: 1 }),
  service("001103000010000", "普通病房床位费", "01", "bed", [50, 40, 25, 20], { max_daily_cnt: 1, lmt_med_type: "21" }),
  service("001202000010000", "Ⅰ级护理", "07", "nursing", [28, 22, 16, 12], { max_daily_cnt: 1, lmt_med_type: "21" }),
  service("001204000010000", "静脉输液", "05", "treatment", [12, 10, 8, 6]),
  service("001203000010000", "肌肉注射", "05", "treatment", [3, 2.5, 2, 2]),
  service("004301000010000", "普通针刺", "05", "rehab", [22, 18, 15, 12], { max_daily_cnt: 1 }),
  service("004302000010000", "推拿治疗", "05", "rehab", [40, 32, 25, 20], { max_daily_cnt: 2 }),
  service("004303000010000", "小儿推拿", "05", "rehab", [30, 25, 20, null], { lmt_age_max: 14, max_daily_cnt: 1 }),
  service("003103000010000", "血细胞分析（血常规）", "04", "lab", [20, 18, 15, 12]),
  service("003104000010000", "尿液分析（尿常规）", "04", "lab", [8, 7, 6, 5]),
  service("003105000010000", "肝功能检查", "04", "lab", [60, 50, 40, null]),
  service("003106000010000", "血糖测定", "04", "lab", [6, 5, 4, 4], { max_daily_cnt: 4 }),
  service("003107000010000", "前列腺特异性抗原测定", "04", "lab", [80, 70, 60, null], {
    lmt_gend: "1",
    lmt_age_min: 18
  }),
  service("003108000010000", "宫颈细胞学检查", "04", "lab", [60, 50, 40, null], { lmt_gend: "2", lmt_age_min: 18 }),
  service("002201000010000", "常规心电图检查", "03", "exam", [25, 22, 18, 15]),
  service("002301000010000", "腹部彩色多普勒超声", "03", "exam", [120, 100, 80, null]),
  service("002101000010000", "数字化摄影（DR）", "03", "exam", [80, 70, 60, null]),
  service("002102000010000", "X线计算机体层（CT）平扫", "03", "exam", [200, 180, null, null]),
  service("003309000010000", "阑尾切除术", "06", "surgery", [1200, 1000, 800, null], { lmt_med_type: "21" }),
  drug("XJ01CAA040A001010100001", "阿莫西林胶囊", "09", 15.8, "1", { max_prd_days: 7 }),
  drug("XJ01DDC031A001010100002", "头孢克肟分散片", "09", 28.5, "1", { max_prd_days: 7 }),
  drug("XM01AEI021E001010100003", "布洛芬缓释胶囊", "09", 18, "0"),
  drug("XA10BAE005A001010100004", "盐酸二甲双胍片", "09", 9.6, "1", { max_prd_days: 30 }),
  drug("XC08CAN027A001010100005", "硝苯地平控释片", "09", 32.4, "1", { max_prd_days: 30 }),
  drug("XJ01DDA063B001010100007", "注射用头孢曲松钠", "09", 6.8, "1", { lmt_med_type: "13;21" }),
  drug("ZA06CAL0012010100008", "连花清瘟胶囊", "11", 14.8, "0"),
  drug("ZC11BAF0013010100009", "复方丹参滴丸", "11", 26, "0", { max_prd_days: 30 }),
  drug("ZA04BAX0029010100010", "小儿豉翘清热颗粒", "11", 22, "0", { lmt_age_max: 14 }),
  drug("XB05BBL001B002010100006", "氯化钠注射液（0.9% 250ml）", "09", 3.5, "1"),
  consumable("C0305010010000100001", "一次性使用输液器", 2.5),
  consumable("C0301020010000100002", "一次性使用无菌注射器", 0.5),
  // A bundle and its second part (the first is 肝功能检查), billed only by the planted leads.
  service("003111000010000", "肾功能检查", "04", "lab", [50, 40, 35, null]),
  service("003110000010000", "肝肾功能组合检查", "04", "lab", [90, 75, 60, null])
]

const hospitalTests = [
  "003103000010000",
  "003104000010000",
  "003105000010000",
  "003106000010000",
  "003107000010000",
  "003108000010000",
  "002201000010000",
  "002301000010000",
  "002101000010000",
  "002102000010000"
]
const primaryTests = [
  "003103000010000",
  "003104000010000",
  "003106000010000",
  "002201000010000",
  "002301000010000",
  "002101000010000"
]
const oralDrugs = [
  "XJ01CAA040A001010100001",
  "XJ01DDC031A001010100002",
  "XM01AEI021E001010100003",
  "XA10BAE005A001010100004",
  "XC08CAN027A001010100005",
  "ZA06CAL0012010100008",
  "ZC11BAF0013010100009",
  "ZA04BAX0029010100010"
]
const villageDrugs = [
  "XJ01CAA040A001010100001",
  "XM01AEI021E001010100003",
  "XA10BAE005A001010100004",
  "XC08CAN027A001010100005",
  "ZA06CAL0012010100008"
]
const care = ["001204000010000", "001203000010000", "004301000010000", "004302000010000"]

type Kind = Pick<Institution, "fixmedins_type" | "org_kind" | "primaryCare" | "tests" | "treatments" | "drugs">
const hospital: Kind = {
  fixmedins_type: "1",
  org_kind: "public_hospital",
  primaryCare: false,
  tests: hospitalTests,
  treatments: [...care, "004303000010000"],
  drugs: oralDrugs
}
const township: Kind = {
  fixmedins_type: "1",
  org_kind: "township_health_center",
  primaryCare: true,
  tests: primaryTests,
  treatments: care,
  drugs: oralDrugs
}
const village: Kind = {
  fixmedins_type: "1",
  org_kind: "village_clinic",
  primaryCare: true,
  tests: ["003106000010000"],
  treatments: ["001203000010000", "001204000010000"],
  drugs: villageDrugs
}
const clinic: Kind = {
  fixmedins_type: "1",
  org_kind: "clinic",
  primaryCare: true,
  tests: [],
  treatments: care,
  drugs: villageDrugs
}
const pharmacy: Kind = {
  fixmedins_type: "2",
  org_kind: "pharmacy",
  primaryCare: false,
  tests: [],
  treatments: [],
  drugs: oralDrugs
}

const H = (n: number) => `H500235${String(n).padStart(5, "0")}`
const P = (n: number) => `P500235${String(n).padStart(5, "0")}`
const doctor = (n: number) => `D500235${String(100000 + n * 17).padStart(6, "0")}`

const institution = (
  code: string,
  name: string,
  kind: Kind,
  hosp_lv: string | null,
  beds: number | null,
  visits: readonly [number, number],
  extra: { readonly supervisor_code?: string; readonly open_24h?: string; readonly dept?: string } = {}
): Institution => ({
  code,
  name,
  ...kind,
  hosp_lv,
  admdvs: "500235",
  aprv_bed_cnt: beds,
  supervisor_code: extra.supervisor_code ?? null,
  open_24h: extra.open_24h ?? null,
  doctor: doctor(Number(code.slice(-5)) + (code.startsWith("P") ? 50 : 0)),
  dept: extra.dept ?? (kind.org_kind === "village_clinic" || kind.primaryCare ? "A02" : "A03"),
  outpatient: visits[0],
  inpatient: visits[1]
})

/** 16 institutions: every org_kind, hospital levels 1, 2, 3 and unlevelled, three pharmacies. */
export const institutions: ReadonlyArray<Institution> = [
  institution(H(1), "奉节县人民医院", hospital, "1", 600, [12, 5]),
  institution(H(2), "奉节县中医院", hospital, "2", 300, [10, 3], { dept: "A50" }),
  institution(H(3), "奉节康华医院", { ...hospital, org_kind: "private_hospital" }, "3", 80, [6, 2]),
  institution(H(4), "奉节县草堂镇卫生院", township, "3", 40, [6, 1]),
  institution(H(5), "奉节县吐祥镇中心卫生院", township, "3", 60, [6, 2]),
  institution(H(6), "奉节县青龙镇卫生院", township, "3", 30, [5, 1]),
  institution(
    H(7),
    "奉节县鱼复街道社区卫生服务中心",
    { ...township, org_kind: "community_health_center" },
    "3",
    20,
    [7, 0]
  ),
  institution(H(8), "奉节县草堂镇石马村卫生室", village, "9", 0, [4, 0], { supervisor_code: H(4) }),
  institution(H(9), "奉节县草堂镇欧营村卫生室", village, null, 0, [4, 0], { supervisor_code: H(4) }),
  institution(H(10), "奉节县吐祥镇中坝村卫生室", village, "9", 0, [4, 0], { supervisor_code: H(5) }),
  institution(H(11), "奉节县青龙镇大窝村卫生室", village, null, 0, [4, 0], { supervisor_code: H(6) }),
  institution(H(12), "奉节县永安街道李氏诊所", clinic, "9", 0, [4, 0]),
  institution(H(13), "奉节县夔门街道康宁中医诊所", clinic, null, 0, [4, 0], { dept: "A50" }),
  institution(P(1), "奉节县夔州大药房", pharmacy, null, null, [8, 0], { open_24h: "1" }),
  institution(P(2), "奉节县康佰家药店永安店", pharmacy, null, null, [8, 0], { open_24h: "0" }),
  institution(P(3), "奉节县吐祥镇济民药店", pharmacy, null, null, [8, 0], { open_24h: "0" })
]

/** 40 insured persons with fixed, varied ages (a few children) and schemes. */
export const persons: ReadonlyArray<Person> = Array.from({ length: 40 }, (_, i) => {
  const n = i + 1
  // Spread birth years 1938 … 2021 without a PRNG so that the list reads the same in review.
  const year = 1938 + ((n * 37) % 84)
  const month = ((n * 5) % 12) + 1
  const dayOfMonth = ((n * 11) % 28) + 1
  const age = 2025 - year
  return {
    psn_no: `500235000000${String(n).padStart(2, "0")}`,
    gend: n % 2 === 1 ? "1" : "2",
    brdy: `${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`,
    insutype: age >= 22 && age < 60 && n % 3 !== 0 ? "310" : "390"
  }
})
