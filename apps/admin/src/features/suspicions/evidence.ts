/**
 * A lead's evidence in words: what each recorded fact means (Chinese labels for the national
 * field names the rules use), the lists in it as tables (flagged fee lines, settlements, scans…),
 * a few sentences per pattern, and — where a picture helps — a chart spec (price against ceiling,
 * stay timeline, inventory balance, a count against its limit). Pure; the page renders it.
 */
import { formatYuan } from "../../shared/format.js"

/** Chinese names of the evidence keys the rules write. Unknown keys are shown as they are. */
export const evidenceKeyLabel: Readonly<Record<string, string>> = {
  med_list_name: "项目名称",
  med_list_codg: "医保目录编码",
  mdtrt_id: "就诊ID",
  setl_id: "结算ID",
  feedetl_sn: "费用明细流水号",
  fixmedins_code: "机构编码",
  fixmedins_name: "机构名称",
  pric: "单价（元）",
  ceiling: "限价（元）",
  ceiling_column: "限价档次",
  hosp_lv: "医院等级",
  fixmedins_type: "机构类型",
  cnt: "数量",
  original_cnt: "原数量",
  refunded_cnt: "已退数量",
  excess_per_unit: "每单位超出（元）",
  amount: "金额（元）",
  category: "类别",
  check: "两库规则编码",
  fee_ocur_time: "费用发生时间",
  begntime: "入院（就诊）时间",
  endtime: "出院时间",
  position: "费用位置",
  days_outside: "超出住院期天数",
  previous_mdtrt_id: "前次住院就诊ID",
  gap_days: "距前次出院天数",
  previous_begntime: "前次入院时间",
  previous_endtime: "前次出院时间",
  previous_dscg_way: "前次离院方式",
  idle_from: "空床起始日",
  idle_to: "空床截止日",
  idle_days: "连续空床天数",
  bed_fee_amount: "期间床位费（元）",
  period_from: "期间起",
  period_to: "期间止",
  opening_stock: "期初库存",
  opening_stock_date: "期初库存盘点日",
  purchased: "期间采购",
  purchase_returned: "采购退货",
  available: "可供销售数量",
  settled: "医保结算数量",
  settled_lines: "结算明细",
  shortfall: "短缺数量",
  avg_pric: "平均单价（元）",
  inpatients_at_noon: "中午在院人数",
  aprv_bed_cnt: "核定床位数",
  capacity: "容许上限",
  excess: "超出",
  avg_daily_fund_pay: "日均统筹支付（元）",
  mdtrt_ids: "就诊ID",
  days: "天数",
  dates: "日期",
  los_days: "住院天数",
  exam_amount: "检查费（元）",
  lab_amount: "化验费（元）",
  test_amount: "检查化验合计（元）",
  total_amount: "住院总费用（元）",
  test_share: "检查化验占比",
  dise_codg: "主诊断编码",
  dise_name: "主诊断",
  setl_time: "结算时间",
  clock: "结算时刻",
  night_from: "夜间时段起",
  night_to: "夜间时段止",
  opter: "收款员",
  medfee_sumamt: "医疗费总额（元）",
  fund_pay_sumamt: "统筹支付（元）",
  missing_items: "无销售记录的药品",
  reported_sales: "已报销售记录",
  lmt_gend: "限定性别",
  gend: "参保人性别",
  age: "年龄",
  lmt_age_min: "限定最小年龄",
  lmt_age_max: "限定最大年龄",
  lmt_med_type: "限定医疗类别",
  day: "日期",
  units: "当日数量",
  max_daily_cnt: "每日最大数量",
  visits: "就诊",
  die_date: "死亡日期",
  days_after_death: "死亡后天数",
  med_type: "医疗类别",
  staff_code: "人员编码",
  staff_name: "人员姓名",
  limit: "上限",
  org_kind: "机构类别",
  institutions: "涉及机构数",
  first_visit: "首诊时间",
  last_visit: "末诊时间",
  drug_trac_codg: "药品追溯码",
  scans: "计数扫码次数",
  refs: "扫码记录",
  src: "来源",
  ref: "单据",
  scan_time: "扫码时间",
  counted: "是否计数",
  not_counted_because: "不计数原因",
  bundle: "打包项目编码",
  bundle_name: "打包项目",
  bundle_ceiling: "打包项目限价（元）",
  parts_amount: "拆分项目合计（元）",
  lines: "涉及费用明细",
  including_items: "包含该项的项目编码",
  including_names: "包含该项的项目",
  including_lines: "包含项目明细",
  other_bundles_with_same_parts: "同组成的其他打包项目",
  prd_days: "开药天数",
  limit_days: "限定天数",
  limit_source: "限定依据",
  special_days: "特殊情况最长天数",
  within_special_case: "在特殊情况天数内",
  window_from: "窗口起",
  window_to: "窗口止",
  supply_days: "累计供药天数",
  excess_days: "超出天数",
  drugs: "药品",
  settlements: "结算记录",
  setl_ids: "结算ID",
  episodes: "聚集结算",
  persons: "人数",
  items: "药品组合",
  from: "起",
  to: "止",
  overlapping: "重叠的住院",
  overlap_from: "重叠起",
  overlap_to: "重叠止",
  overlap_hours: "重叠小时数",
  sales: "销售记录",
  duty_periods_that_day: "当日药师在岗时段",
  pharmacists_registered: "登记药师人数",
  window: "30日窗口",
  pharmacies: "药店数",
  mean: "次均统筹支付（元）",
  peer_median: "同类机构中位数（元）",
  z: "稳健Z值",
  group: "分组"
}

const valueLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  position: { before_admission: "入院前", after_discharge: "出院后" },
  category: { data_quality: "数据质量", violation: "疑似违规" },
  gend: { "1": "男", "2": "女" },
  lmt_gend: { "1": "限男性", "2": "限女性" },
  previous_dscg_way: {
    "1": "医嘱离院",
    "2": "医嘱转院",
    "3": "转社区/乡镇卫生院",
    "4": "非医嘱离院",
    "5": "死亡",
    "9": "其他"
  },
  // National codes: hosp_lv 1 三级, 2 二级, 3 一级; fixmedins_type 1 医疗机构, 2 零售药店.
  hosp_lv: { "1": "三级", "2": "二级", "3": "一级" },
  fixmedins_type: { "1": "定点医疗机构", "2": "定点零售药店" },
  ceiling_column: {
    pric_uplmt_lv1: "三级医院限价",
    pric_uplmt_lv2: "二级医院限价",
    pric_uplmt_lv3: "一级医院限价",
    pric_uplmt_other: "药店及未定级机构限价"
  }
}

const yuanKeys =
  /(^|_)(pric|ceiling|amount|avg_pric|fund_pay|sumamt|mean|peer_median|bundle_ceiling|parts_amount|excess_per_unit)($|_)/

/** A value as text: amounts with two decimals, lists joined, yes/no, codes named. */
export const evidenceValueText = (key: string, value: unknown): string => {
  if (value === null || value === undefined || value === "") return "—"
  if (typeof value === "boolean") return value ? "是" : "否"
  if (typeof value === "number") {
    if (key === "test_share") return `${(value * 100).toFixed(1)}%`
    return yuanKeys.test(key) ? formatYuan(value) : String(value)
  }
  if (Array.isArray(value)) return value.map((v) => evidenceValueText(key, v)).join("、")
  if (typeof value === "object") return JSON.stringify(value)
  const text = String(value)
  return valueLabels[key]?.[text] ?? text
}

/** The label of a key. */
export const keyLabel = (key: string): string => evidenceKeyLabel[key] ?? key

/** One fact of the evidence. */
export interface EvidenceFact {
  readonly key: string
  readonly label: string
  readonly text: string
}

/** A list in the evidence shown as a table. */
export interface EvidenceTable {
  readonly key: string
  readonly title: string
  readonly columns: ReadonlyArray<{ readonly key: string; readonly label: string }>
  readonly rows: ReadonlyArray<Readonly<Record<string, string>>>
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)

/**
 * Splits the evidence into facts (scalars, lists of scalars; nested objects flattened as
 * `窗口·起`) and tables (lists of objects), keeping the rule's order.
 */
export const describeEvidence = (
  evidence: Readonly<Record<string, unknown>>
): { readonly facts: ReadonlyArray<EvidenceFact>; readonly tables: ReadonlyArray<EvidenceTable> } => {
  const facts: Array<EvidenceFact> = []
  const tables: Array<EvidenceTable> = []
  const walk = (prefix: string, obj: Readonly<Record<string, unknown>>) => {
    for (const [key, value] of Object.entries(obj)) {
      const label = prefix === "" ? keyLabel(key) : `${prefix}·${keyLabel(key)}`
      if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
        const keys = [...new Set(value.flatMap((r) => Object.keys(r)))]
        tables.push({
          key,
          title: label,
          columns: keys.map((k) => ({ key: k, label: keyLabel(k) })),
          rows: value.map((r) => Object.fromEntries(keys.map((k) => [k, evidenceValueText(k, r[k])])))
        })
      } else if (isRecord(value)) {
        walk(label, value)
      } else if (value !== null && value !== undefined) {
        facts.push({ key, label, text: evidenceValueText(key, value) })
      }
    }
  }
  walk("", evidence)
  return { facts, tables }
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null)
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null)

/**
 * Sentences that explain the pattern with the lead's own numbers, for the rules whose evidence
 * has a known shape; empty for others (the rule's message and the facts then speak).
 */
export const evidenceSentences = (rule: string, e: Readonly<Record<string, unknown>>): ReadonlyArray<string> => {
  const out: Array<string> = []
  const name = str(e["med_list_name"]) ?? str(e["med_list_codg"]) ?? "该项目"
  if (num(e["pric"]) !== null && num(e["ceiling"]) !== null) {
    out.push(
      `${name}单价 ${formatYuan(num(e["pric"]))} 元，${str(e["ceiling_column"]) === null ? "限价" : evidenceValueText("ceiling_column", e["ceiling_column"])} ${formatYuan(num(e["ceiling"]))} 元，每单位超出 ${formatYuan(num(e["pric"])! - num(e["ceiling"])!)} 元。`
    )
  }
  if (num(e["refunded_cnt"]) !== null && num(e["refunded_cnt"])! > 0) {
    out.push(
      `原数量 ${String(e["original_cnt"])}，已退 ${String(e["refunded_cnt"])}，按净数量 ${String(e["cnt"])} 计算。`
    )
  }
  if (str(e["begntime"]) !== null && str(e["endtime"]) !== null) {
    out.push(`本次住院自 ${str(e["begntime"])} 至 ${str(e["endtime"])}。`)
  }
  if (str(e["fee_ocur_time"]) !== null && str(e["position"]) !== null) {
    out.push(
      `费用发生于 ${str(e["fee_ocur_time"])}，在${evidenceValueText("position", e["position"])}${num(e["days_outside"]) === null ? "" : ` ${num(e["days_outside"])} 天`}。这是数据质量问题，先核对机构上传的时间或结算记录。`
    )
  }
  if (num(e["gap_days"]) !== null && str(e["previous_endtime"]) !== null) {
    out.push(
      `前次住院（${str(e["previous_mdtrt_id"]) ?? ""}）于 ${str(e["previous_endtime"])} 出院，${num(e["gap_days"])} 天后再次入院。`
    )
  }
  if (num(e["idle_days"]) !== null) {
    out.push(`${str(e["idle_from"])} 至 ${str(e["idle_to"])} 连续 ${num(e["idle_days"])} 天只有床位费或没有费用。`)
  }
  if (num(e["available"]) !== null && num(e["settled"]) !== null) {
    out.push(
      `期初库存 ${String(e["opening_stock"] ?? 0)} + 采购 ${String(e["purchased"] ?? 0)} − 退货 ${String(e["purchase_returned"] ?? 0)} = 可供 ${String(e["available"])}；期间医保结算 ${String(e["settled"])}，短缺 ${String(e["shortfall"] ?? "")}。`
    )
  }
  if (num(e["units"]) !== null && num(e["max_daily_cnt"]) !== null) {
    out.push(`${str(e["day"]) ?? "当日"}共计 ${num(e["units"])} 单位，每日最多 ${num(e["max_daily_cnt"])} 单位。`)
  }
  if (num(e["prd_days"]) !== null && num(e["limit_days"]) !== null) {
    out.push(
      `开药 ${num(e["prd_days"])} 天，限定 ${num(e["limit_days"])} 天${str(e["limit_source"]) === null ? "" : `（${str(e["limit_source"])}）`}。`
    )
  }
  if (num(e["inpatients_at_noon"]) !== null && num(e["capacity"]) !== null) {
    out.push(
      `中午在院 ${num(e["inpatients_at_noon"])} 人，核定床位 ${String(e["aprv_bed_cnt"])} 张，容许上限 ${num(e["capacity"])}。`
    )
  }
  if (num(e["test_share"]) !== null) {
    out.push(
      `住院 ${String(e["los_days"] ?? "")} 天，检查化验费占总费用 ${evidenceValueText("test_share", e["test_share"])}，无手术和治疗项目。`
    )
  }
  if (str(e["die_date"]) !== null) {
    out.push(
      `参保人死亡日期为 ${str(e["die_date"])}，就诊开始于 ${str(e["begntime"]) ?? ""}（死亡后 ${String(e["days_after_death"] ?? "")} 天）。`
    )
  }
  if (rule === "CHARGE_OUTSIDE_STAY" && out.length === 0) out.push("费用时间不在住院期间内，属数据质量问题。")
  return out
}

/** What to draw, if anything. */
export type EvidenceChart =
  | {
      readonly kind: "bars"
      readonly title: string
      readonly unit: string
      readonly bars: ReadonlyArray<{ readonly label: string; readonly value: number; readonly flagged: boolean }>
    }
  | {
      readonly kind: "timeline"
      readonly title: string
      readonly ranges: ReadonlyArray<{ readonly label: string; readonly from: string; readonly to: string }>
      readonly points: ReadonlyArray<{ readonly label: string; readonly at: string }>
    }

const bars = (
  title: string,
  unit: string,
  items: ReadonlyArray<readonly [string, unknown, boolean]>
): EvidenceChart | null => {
  const values = items.map(([label, v, flagged]) => ({ label, value: num(v), flagged }))
  if (values.some((v) => v.value === null)) return null
  return { kind: "bars", title, unit, bars: values.map((v) => ({ ...v, value: v.value! })) }
}

/** The chart that helps for this lead, or null. */
export const evidenceChart = (rule: string, e: Readonly<Record<string, unknown>>): EvidenceChart | null => {
  if (num(e["pric"]) !== null && num(e["ceiling"]) !== null) {
    return bars("单价与限价", "元", [
      ["限价", e["ceiling"], false],
      ["收费单价", e["pric"], true]
    ])
  }
  if (num(e["bundle_ceiling"]) !== null && num(e["parts_amount"]) !== null) {
    return bars("拆分收费与打包限价", "元", [
      ["打包项目限价", e["bundle_ceiling"], false],
      ["拆分项目合计", e["parts_amount"], true]
    ])
  }
  if (num(e["available"]) !== null && num(e["settled"]) !== null) {
    return bars("进销存平衡", "数量", [
      ["期初库存", e["opening_stock"] ?? 0, false],
      ["采购", e["purchased"] ?? 0, false],
      ["采购退货", e["purchase_returned"] ?? 0, false],
      ["可供销售", e["available"], false],
      ["医保结算", e["settled"], true]
    ])
  }
  if (num(e["units"]) !== null && num(e["max_daily_cnt"]) !== null) {
    return bars("当日数量与上限", "单位", [
      ["每日最大数量", e["max_daily_cnt"], false],
      ["当日数量", e["units"], true]
    ])
  }
  if (num(e["prd_days"]) !== null && num(e["limit_days"]) !== null) {
    return bars("开药天数与限定", "天", [
      ["限定天数", e["limit_days"], false],
      ["开药天数", e["prd_days"], true]
    ])
  }
  if (num(e["inpatients_at_noon"]) !== null && num(e["capacity"]) !== null) {
    return bars("在院人数与床位", "人", [
      ["核定床位", e["aprv_bed_cnt"], false],
      ["容许上限", e["capacity"], false],
      ["中午在院", e["inpatients_at_noon"], true]
    ])
  }
  if (num(e["visits"]) !== null && num(e["limit"]) !== null) {
    return bars("日接诊量与上限", "人次", [
      ["上限", e["limit"], false],
      ["当日接诊", e["visits"], true]
    ])
  }
  if (num(e["mean"]) !== null && num(e["peer_median"]) !== null) {
    return bars("次均费用与同类机构", "元", [
      ["同类机构中位数", e["peer_median"], false],
      ["本机构次均", e["mean"], true]
    ])
  }
  const begin = str(e["begntime"])
  const end = str(e["endtime"])
  if (begin !== null && end !== null) {
    const ranges: Array<{ label: string; from: string; to: string }> = []
    const points: Array<{ label: string; at: string }> = []
    const prevBegin = str(e["previous_begntime"])
    const prevEnd = str(e["previous_endtime"])
    if (prevBegin !== null && prevEnd !== null) ranges.push({ label: "前次住院", from: prevBegin, to: prevEnd })
    ranges.push({ label: "本次住院", from: begin, to: end })
    if (Array.isArray(e["overlapping"])) {
      for (const [i, o] of (e["overlapping"] as Array<unknown>).entries()) {
        if (isRecord(o) && str(o["begntime"]) !== null && str(o["endtime"]) !== null) {
          ranges.push({ label: `重叠住院${i + 1}`, from: str(o["begntime"])!, to: str(o["endtime"])! })
        }
      }
    }
    if (str(e["idle_from"]) !== null && str(e["idle_to"]) !== null) {
      ranges.push({ label: "空床日", from: str(e["idle_from"])!, to: `${str(e["idle_to"])!} 23:59` })
    }
    if (str(e["fee_ocur_time"]) !== null) points.push({ label: "费用发生", at: str(e["fee_ocur_time"])! })
    if (str(e["die_date"]) !== null) points.push({ label: "死亡日期", at: str(e["die_date"])! })
    if (Array.isArray(e["settlements"])) {
      for (const s of e["settlements"] as Array<unknown>) {
        if (isRecord(s) && str(s["setl_time"]) !== null) {
          points.push({
            label: `院外结算（${str(s["fixmedins_name"]) ?? str(s["fixmedins_code"]) ?? ""}）`,
            at: str(s["setl_time"])!
          })
        }
      }
    }
    return {
      kind: "timeline",
      title: rule === "CHARGE_OUTSIDE_STAY" ? "住院期间与费用时间" : "住院时间线",
      ranges,
      points
    }
  }
  return null
}
