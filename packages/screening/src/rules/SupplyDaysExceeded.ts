/**
 * SUPPLY_DAYS_EXCEEDED (超量开药): an outpatient or pharmacy drug line supplying more days than
 * allowed.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { literal, numberLiteral } from "../internal/Duck.js"
import { withDefault } from "../internal/Params.js"
import {
  compareText,
  isDrugLine,
  isOutpatient,
  isPharmacyVisit,
  itemName,
  medTypeText,
  qty,
  round6,
  yuan
} from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { linesEvidence, medTypeLabel, nullText } from "./Sql.js"

const Days = Schema.Number.pipe(Schema.finite(), Schema.positive())
const Yuan = Schema.Number.pipe(Schema.finite(), Schema.nonNegative())

/**
 * The limit for one care setting: a number of days, or an object for local rules such as seed
 * 003's 门诊慢特病 rule (每次药量不得超过七天量，特殊情况最长不超过15天量，费用额不超过200元):
 * `{"days": 7, "special_days": 15, "visit_amount_cap": 200}`.
 *
 * - `days`: lines supplying more days are flagged.
 * - `special_days` (optional): the longest supply allowed in documented special cases. Lines above
 *   `days` are still flagged (the extract cannot tell a special case), but the evidence says
 *   whether the line is within the special-case allowance, so the reviewer knows what to ask for.
 * - `visit_amount_cap` (optional, yuan): when the net amount of a visit's drug lines is above it,
 *   the visit's drug lines are flagged together, in one suspicion (the visit is not reimbursable).
 *
 * @category models
 */
export const SupplyLimit = Schema.Union(
  Days,
  Schema.Struct({
    days: Days,
    special_days: Schema.optionalWith(Days, { exact: true }),
    visit_amount_cap: Schema.optionalWith(Yuan, { exact: true })
  })
).annotations({
  message: (issue) => ({
    message: `must be a number of days > 0 or {"days": …, "special_days"?: …, "visit_amount_cap"?: …}, got ${JSON.stringify(issue.actual)}`,
    override: true
  })
})
/** @category models */
export type SupplyLimit = typeof SupplyLimit.Type

const Raw = Schema.Struct(
  { default: withDefault(SupplyLimit, 7) },
  Schema.Record({ key: Schema.String.pipe(Schema.pattern(/^\d{2,6}$/)), value: SupplyLimit })
)

/**
 * Parameters: `default` (the limit of every outpatient or pharmacy visit) and one key per
 * `med_type` code whose limit differs; the spec's defaults are `{"default": 7, "14": 30}`. A file
 * that gives `"14"` replaces the default's 30 for 门诊慢特病.
 *
 * @category models
 */
export const SupplyDaysParameters = Schema.transform(Raw, Schema.typeSchema(Raw), {
  strict: false,
  decode: (p) => ({ "14": 30, ...p }),
  encode: (p) => p
})

interface Entry {
  readonly medType: string | null
  readonly days: number
  readonly special: number | null
  readonly cap: number | null
}

const entry = (medType: string | null, limit: SupplyLimit): Entry =>
  typeof limit === "number"
    ? { medType, days: limit, special: null, cap: null }
    : { medType, days: limit.days, special: limit.special_days ?? null, cap: limit.visit_amount_cap ?? null }

/** The limits of the lines over their days, as a capped visit's message names them. */
const overLimitsText = (limits: ReadonlyArray<number>): string => {
  const low = Math.min(...limits)
  const high = Math.max(...limits)
  return low < high ? `超过各自限定天数（${qty(low)}～${qty(high)} 天）` : `超过限定 ${qty(low)} 天`
}

const orNull = (n: number | null) => (n === null ? "NULL" : numberLiteral(n))

const limitsTable = (params: Readonly<Record<string, SupplyLimit>>): string => {
  const entries = Object.entries(params).map(([k, v]) => entry(k === "default" ? null : k, v))
  const rows = entries.map(
    (e) =>
      `(${e.medType === null ? "NULL" : literal(e.medType)}, ${numberLiteral(e.days)}::DOUBLE, ` +
      `${orNull(e.special)}::DOUBLE, ${orNull(e.cap)}::DOUBLE)`
  )
  return `SELECT * FROM (VALUES ${rows.join(", ")}) AS t(med_type, days, special_days, visit_amount_cap)`
}

/**
 * The rule. Line level. Drug lines (charge type 09/10/11 or catalogue `drug`) of outpatient
 * (`med_type` 11–19) or pharmacy visits with `prd_days` above the limit: the catalogue's
 * `max_prd_days` when set, else the parameter for the visit's `med_type`, else `default`. One
 * suspicion per line; amount = its net amount. Where the visit's setting has a
 * `visit_amount_cap` and its drug lines total more, one suspicion for the visit's drug lines
 * instead (amount = their net total). Version 2: that suspicion's message names the limits of the lines over
 * their days (one value, or the lowest～highest), where version 1 named any line's.
 *
 * @category rules
 */
export const supplyDaysExceeded = defineRule({
  code: "SUPPLY_DAYS_EXCEEDED",
  version: 2,
  level: "line",
  violation: "A38-2-OVER_PRESCRIPTION",
  requiredTables: ["feedetail", "mdtrt", "fixmedins", "setlinfo"],
  optionalTables: ["catalog"],
  parameters: SupplyDaysParameters,
  partitionInputs: ["person", "institution"],
  title: { zh: "超量开药（超过限定用药天数）", en: "Drug supplied for more days than allowed" },
  description: {
    zh:
      "门诊（医疗类别 11–19）或药店购药的药品明细，用药天数 prd_days 超过限定：目录设有 max_prd_days 时按目录，否则按" +
      "参数中该医疗类别的限定，再否则按 default（默认 7 天，门诊慢特病 14 为 30 天）。退费先冲销，每条明细一条疑点，" +
      "金额为该明细净金额。地方规则可按医疗类别写成对象，如奉节门诊慢特病“每次不超过 7 天量，特殊情况最长 15 天，费用" +
      '不超过 200 元”写作 {"days":7,"special_days":15,"visit_amount_cap":200}：超过 7 天即提示，证据注明是否在' +
      "特殊情况 15 天以内；一次就诊药品金额超过 200 元时，该次就诊全部药品明细合并为一条疑点。",
    en:
      "A drug line of an outpatient (med_type 11–19) or pharmacy visit whose days of supply (prd_days) exceed the " +
      "limit: the catalogue's max_prd_days when set, else the parameter for the visit's med_type, else default " +
      "(7 days; 30 for 14 门诊慢特病). Refunds net out first; one suspicion per line, amount = its net amount. A " +
      "local rule can be written per med_type as an object, e.g. 奉节's 门诊慢特病 rule (7 days, 15 in special " +
      'cases, 200 yuan a visit) as {"days":7,"special_days":15,"visit_amount_cap":200}: above 7 days is flagged and ' +
      "the evidence says whether the line is within the 15-day special-case allowance; a visit whose drugs total " +
      "more than 200 yuan yields one suspicion for all its drug lines."
  },
  sql: (params) => {
    const limits = params as Readonly<Record<string, SupplyLimit>>
    // The visit totals (a window over every drug line) are only needed when a setting caps them.
    const capped = Object.values(limits).some((l) => typeof l !== "number" && l.visit_amount_cap !== undefined)
    const daysOver = "l.prd_days IS NOT NULL AND round(l.prd_days - l.limit_days, 6) > 0"
    return `
    WITH limits AS (${limitsTable(limits)}),
    drug_lines AS (
      SELECT f.*, v.med_type, c.max_prd_days,
             coalesce(l.days, d.days) AS setting_days,
             CASE WHEN l.med_type IS NULL THEN d.special_days ELSE l.special_days END AS special_days,
             CASE WHEN l.med_type IS NULL THEN d.visit_amount_cap ELSE l.visit_amount_cap END AS visit_amount_cap,
             CASE WHEN c.max_prd_days IS NOT NULL THEN 'catalog' WHEN l.med_type IS NOT NULL THEN 'med_type'
                  ELSE 'default' END AS limit_source
      FROM fg_fee f
      JOIN fg_visit v ON v.mdtrt_id = f.mdtrt_id
      LEFT JOIN catalog c ON c.med_list_codg = f.med_list_codg
      LEFT JOIN limits l ON l.med_type = v.med_type
      CROSS JOIN (SELECT * FROM limits WHERE med_type IS NULL) d
      WHERE f.is_drug AND (v.outpatient OR v.pharmacy) ${capped ? "" : "AND f.prd_days IS NOT NULL"}
    ),
    lines AS (
      SELECT *, coalesce(max_prd_days, setting_days) AS limit_days,
             ${capped ? "sum(net_amt) OVER (PARTITION BY mdtrt_id)" : "CAST(NULL AS DOUBLE)"} AS visit_drug_amount
      FROM drug_lines
    ),
    capped AS (
      SELECT * FROM lines WHERE visit_amount_cap IS NOT NULL AND round(visit_drug_amount - visit_amount_cap, 6) > 0
    ),
    per_line AS (
      SELECT l.fixmedins_code, l.psn_no, l.mdtrt_id, [l.feedetl_sn] AS feedetl_sn, l.med_list_codg, l.day AS date,
             l.net_amt AS amount,
             {
               'med_list_name': l.item_name,
               'prd_days': l.prd_days,
               'limit_days': l.limit_days,
               'limit_source': l.limit_source,
               'med_type': l.med_type,
               'special_days': l.special_days,
               'within_special_case': CASE WHEN l.special_days IS NULL THEN NULL ELSE l.prd_days <= l.special_days END,
               'cnt': round(l.net_cnt, 4),
               'pric': round(l.pric, 4),
               'fee_ocur_time': fg_ts(l.fee_ocur_time)
             }::JSON AS evidence,
             l.item_name || '：' || ${medTypeLabel("l.med_type")} || '开药 ' || fg_qty(l.prd_days) || ' 天，超过限定 ' ||
               fg_qty(l.limit_days) || ' 天' ||
               CASE WHEN l.limit_source = 'catalog' THEN '（目录限定）' ELSE '' END ||
               CASE WHEN l.special_days IS NULL THEN ''
                    WHEN l.prd_days <= l.special_days THEN '（特殊情况最长 ' || fg_qty(l.special_days) || ' 天，请核实是否属特殊情况）'
                    ELSE '，也超过特殊情况上限 ' || fg_qty(l.special_days) || ' 天' END ||
               '，金额 ' || fg_yuan(l.net_amt) || ' 元' AS message
      FROM lines l ${capped ? "ANTI JOIN capped c ON c.mdtrt_id = l.mdtrt_id" : ""}
      WHERE ${daysOver}
    ),
    per_visit AS (
      SELECT any_value(l.fixmedins_code) AS fixmedins_code, any_value(l.psn_no) AS psn_no, l.mdtrt_id,
             list_sort(list(l.feedetl_sn)) AS feedetl_sn,
             arg_min(l.med_list_codg, (l.fee_ocur_time, l.feedetl_sn)) AS med_list_codg,
             min(l.day) AS date, sum(l.net_amt) AS amount,
             {
               'med_type': any_value(l.med_type),
               'visit_drug_amount': round(sum(l.net_amt), 2),
               'visit_amount_cap': any_value(l.visit_amount_cap),
               'days_exceeded': list_sort(list(l.feedetl_sn) FILTER (WHERE ${daysOver})),
               'lines': ${linesEvidence("l")}
             }::JSON AS evidence,
             ${medTypeLabel("any_value(l.med_type)")} || '一次就诊药品金额 ' || fg_yuan(sum(l.net_amt)) || ' 元，超过限额 ' ||
               fg_yuan(any_value(l.visit_amount_cap)) || ' 元' ||
               CASE WHEN count(*) FILTER (WHERE ${daysOver}) > 0
                    THEN '，其中 ' || count(*) FILTER (WHERE ${daysOver}) || ' 条明细用药天数也' ||
                         -- The limits of those lines (drugs of one visit can have different ones), not any line's;
                         -- worded as overLimitsText words them for the pre-settlement check.
                         CASE WHEN min(l.limit_days) FILTER (WHERE ${daysOver}) < max(l.limit_days) FILTER (WHERE ${daysOver})
                              THEN '超过各自限定天数（' || fg_qty(min(l.limit_days) FILTER (WHERE ${daysOver})) || '～' ||
                                   fg_qty(max(l.limit_days) FILTER (WHERE ${daysOver})) || ' 天）'
                              ELSE '超过限定 ' || fg_qty(min(l.limit_days) FILTER (WHERE ${daysOver})) || ' 天' END
                    ELSE '' END AS message
      FROM capped l
      GROUP BY l.mdtrt_id
    )
    SELECT fixmedins_code, psn_no, mdtrt_id, ${nullText} AS setl_id, feedetl_sn, med_list_codg, date, amount,
           evidence, message FROM per_line
    UNION ALL
    SELECT fixmedins_code, psn_no, mdtrt_id, ${nullText} AS setl_id, feedetl_sn, med_list_codg, date, amount,
           evidence, message FROM per_visit
  `
  },
  precheck: (params) => {
    const limits = params as Readonly<Record<string, SupplyLimit>>
    const fallback = entry(null, limits["default"]!)
    return ({ visit, institution, reference }) => {
      if (!(isOutpatient(visit.med_type) || isPharmacyVisit(visit, institution))) return []
      const own = limits[visit.med_type]
      const setting = own === undefined || visit.med_type === "default" ? fallback : entry(visit.med_type, own)
      const lines = visit.lines
        .filter((l) => isDrugLine(l, reference.catalog.get(l.med_list_codg)))
        .map((l) => {
          const catalogDays = reference.catalog.get(l.med_list_codg)?.max_prd_days ?? null
          return { l, limitDays: catalogDays ?? setting.days, fromCatalog: catalogDays !== null }
        })
      const over = lines.filter(({ l, limitDays }) => l.prd_days !== null && round6(l.prd_days - limitDays) > 0)
      const visitAmount = lines.reduce((n, { l }) => n + l.net_amt, 0)
      if (setting.cap !== null && lines.length > 0 && round6(visitAmount - setting.cap) > 0) {
        // The visit's drug amount above the setting's cap: one warning for all its drug lines.
        const first = [...lines].sort(
          (a, b) => compareText(a.l.fee_ocur_time, b.l.fee_ocur_time) || compareText(a.l.feedetl_sn, b.l.feedetl_sn)
        )[0]!.l
        return [
          {
            mdtrt_id: visit.mdtrt_id,
            flagged: lines.map(({ l }) => l.feedetl_sn).sort(),
            involved: [],
            med_list_codg: first.med_list_codg,
            date: lines.map(({ l }) => l.day).sort()[0]!,
            amount: visitAmount,
            message:
              `${medTypeText(visit.med_type)}一次就诊药品金额 ${yuan(visitAmount)} 元，超过限额 ${yuan(setting.cap)} 元` +
              (over.length > 0
                ? `，其中 ${over.length} 条明细用药天数也${overLimitsText(over.map((o) => o.limitDays))}`
                : "")
          }
        ]
      }
      return over.map(({ l, limitDays, fromCatalog }) => ({
        mdtrt_id: visit.mdtrt_id,
        flagged: [l.feedetl_sn],
        involved: [],
        med_list_codg: l.med_list_codg,
        date: l.day,
        amount: l.net_amt,
        message:
          `${itemName(l, reference)}：${medTypeText(visit.med_type)}开药 ${qty(l.prd_days!)} 天，超过限定 ${qty(limitDays)} 天` +
          (fromCatalog ? "（目录限定）" : "") +
          (setting.special === null
            ? ""
            : l.prd_days! <= setting.special
              ? `（特殊情况最长 ${qty(setting.special)} 天，请核实是否属特殊情况）`
              : `，也超过特殊情况上限 ${qty(setting.special)} 天`) +
          `，金额 ${yuan(l.net_amt)} 元`
      }))
    }
  }
})
