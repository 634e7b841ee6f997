/**
 * CHARGE_OUTSIDE_STAY (计费日期与住院时间不符): an inpatient fee line dated before the admission
 * day or after the discharge day. A data-quality lead (两库 GZ10000201008000), not a suspected
 * violation.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { isInpatient, itemName, yuan } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { nullText } from "./Sql.js"

/**
 * The rule. Line level, one suspicion per fee line (net of refunds) of an inpatient visit
 * (`med_type` 21–29) whose charge day is before the admission day or after the discharge day (a
 * stay without `endtime` is only checked against admission). amount = the line's net amount. Kind
 * `data_quality`: no violation is suggested (`violation` null) and the evidence carries
 * `category: "data_quality"` and the 两库 rule code, so these leads never mix with suspected
 * violations.
 *
 * @category rules
 */
export const chargeOutsideStay = defineRule({
  code: "CHARGE_OUTSIDE_STAY",
  version: 1,
  level: "line",
  violation: null,
  kind: "data_quality",
  requiredTables: ["feedetail", "mdtrt"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "计费日期与住院时间不符（数据质量）", en: "Charge dated outside the stay (data quality)" },
  description: {
    zh:
      "住院就诊（医疗类别 21–29）的费用明细，发生日期早于入院当天或晚于出院当天（无出院时间的只检查入院）。对应两库规则" +
      " GZ10000201008000，属于数据质量问题而非违规：不建议违规类型（violation 为 null），证据标注 category=data_quality，" +
      "由机构核对更正数据。退费先冲销，每条明细一条疑点，金额为该明细净金额。",
    en:
      "A fee line of an inpatient visit (med_type 21–29) dated before the admission day or after the discharge day " +
      "(a stay without endtime is only checked against admission). Two-library rule GZ10000201008000; a " +
      "data-quality lead, not a suspected violation: no violation is suggested (violation null) and the evidence " +
      "says category=data_quality, for the institution to correct. Refunds net out first; one suspicion per line, " +
      "amount = its net amount."
  },
  sql: () => `
    SELECT f.fixmedins_code, f.psn_no, f.mdtrt_id, ${nullText} AS setl_id, [f.feedetl_sn] AS feedetl_sn,
           f.med_list_codg, f.day AS date, f.net_amt AS amount,
           {
             'category': 'data_quality',
             'check': 'GZ10000201008000',
             'med_list_name': f.item_name,
             'fee_ocur_time': fg_ts(f.fee_ocur_time),
             'begntime': fg_ts(m.begntime),
             'endtime': fg_ts(m.endtime),
             'position': CASE WHEN f.day < CAST(m.begntime AS DATE) THEN 'before_admission' ELSE 'after_discharge' END,
             'days_outside': CASE WHEN f.day < CAST(m.begntime AS DATE) THEN CAST(m.begntime AS DATE) - f.day
                                  ELSE f.day - CAST(m.endtime AS DATE) END,
             'cnt': round(f.net_cnt, 4),
             'pric': round(f.pric, 4)
           } AS evidence,
           '【数据质量】' || f.item_name || '计费时间 ' || fg_ts(f.fee_ocur_time) ||
             CASE WHEN f.day < CAST(m.begntime AS DATE) THEN ' 早于入院时间 ' || fg_ts(m.begntime)
                  ELSE ' 晚于出院时间 ' || fg_ts(m.endtime) END || '，金额 ' || fg_yuan(f.net_amt) || ' 元' AS message
    FROM fg_fee f
    JOIN mdtrt m ON m.mdtrt_id = f.mdtrt_id
    WHERE fg_is_inpatient(m.med_type)
      AND (f.day < CAST(m.begntime AS DATE) OR (m.endtime IS NOT NULL AND f.day > CAST(m.endtime AS DATE)))
  `,
  precheck:
    () =>
    ({ visit, reference }) => {
      if (!isInpatient(visit.med_type)) return []
      const admitted = visit.begntime.slice(0, 10)
      const discharged = visit.endtime?.slice(0, 10) ?? null
      return visit.lines.flatMap((l) => {
        const before = l.day < admitted
        if (!before && !(discharged !== null && l.day > discharged)) return []
        return [
          {
            mdtrt_id: visit.mdtrt_id,
            flagged: [l.feedetl_sn],
            involved: [],
            med_list_codg: l.med_list_codg,
            date: l.day,
            amount: l.net_amt,
            message:
              `【数据质量】${itemName(l, reference)}计费时间 ${l.fee_ocur_time}` +
              (before ? ` 早于入院时间 ${visit.begntime}` : ` 晚于出院时间 ${visit.endtime}`) +
              `，金额 ${yuan(l.net_amt)} 元`
          }
        ]
      })
    }
})
