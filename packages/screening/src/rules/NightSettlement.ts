/**
 * NIGHT_SETTLEMENT (夜间结算): a pharmacy settlement at night at a pharmacy not approved to open
 * at night.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { ClockTime, clockLabel, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Night begins (inclusive), `"HH:mm"` or a whole hour. */
  H1: withDefault(ClockTime, 23 * 60),
  /** Night ends (exclusive). */
  H2: withDefault(ClockTime, 6 * 60)
})

/**
 * The rule. Settlement level: an effective (not reversed) pharmacy settlement (`med_type` 41 or at
 * an institution of `fixmedins_type` 2) whose clock time is ≥ H1 or < H2 (when H1 < H2, between
 * them), at a pharmacy whose `open_24h` is not 1. amount = the settlement's `fund_pay_sumamt`.
 *
 * @category rules
 */
export const nightSettlement = defineRule({
  code: "NIGHT_SETTLEMENT",
  version: 1,
  level: "settlement",
  violation: "A40-1-IMPERSONATION_OR_FAKE_CARE",
  requiredTables: ["setlinfo", "fixmedins"],
  parameters: Parameters,
  partitionInputs: ["person", "institution"],
  title: { zh: "药店夜间结算（未批准夜间营业）", en: "Night-time settlement at a pharmacy not open at night" },
  description: {
    zh:
      "定点药店（未批准 24 小时营业，open_24h 不为 1）的医保结算（医疗类别 41 或该药店的结算，未冲销）发生在夜间：" +
      "时刻不早于 H1（默认 23:00）或早于 H2（默认 06:00），疑似盗刷医保卡或虚假购药。每笔结算一条疑点，金额为该笔结算的" +
      "基金支付。证据给出结算时间、夜间时段和药店的营业批准。",
    en:
      "An effective pharmacy settlement (med_type 41 or at a retail pharmacy) at night — clock time at or after " +
      "H1 (default 23:00) or before H2 (default 06:00) — at a pharmacy not approved to open at night (open_24h " +
      "not 1): a stolen card or a fake purchase. One suspicion per settlement; amount = its fund payment. " +
      "Evidence gives the settlement time, the night window and the pharmacy's approval."
  },
  sql: ({ H1, H2 }) => {
    const minute = "(hour(s.setl_time) * 60 + minute(s.setl_time))"
    const night =
      H1 > H2
        ? `(${minute} >= ${numberLiteral(H1)} OR ${minute} < ${numberLiteral(H2)})`
        : `(${minute} >= ${numberLiteral(H1)} AND ${minute} < ${numberLiteral(H2)})`
    return `
    SELECT s.fixmedins_code, s.psn_no, s.mdtrt_id, s.setl_id, ${noLines} AS feedetl_sn, ${nullText} AS med_list_codg,
           s.day AS date, s.fund_pay_sumamt AS amount,
           {
             'setl_time': fg_ts(s.setl_time),
             'clock': strftime(s.setl_time, '%H:%M:%S'),
             'night_from': '${clockLabel(H1)}',
             'night_to': '${clockLabel(H2)}',
             'open_24h': i.open_24h,
             'opter': s.opter,
             'medfee_sumamt': round(s.medfee_sumamt, 2)
           } AS evidence,
           coalesce(i.fixmedins_name, s.fixmedins_code) || '（未批准夜间营业）于 ' || fg_ts(s.setl_time) ||
             ' 医保结算，基金支付 ' || fg_yuan(s.fund_pay_sumamt) || ' 元' AS message
    FROM fg_setl s JOIN fixmedins i ON i.fixmedins_code = s.fixmedins_code
    WHERE s.effective AND s.pharmacy AND coalesce(i.open_24h, '') <> '1' AND ${night}
  `
  }
})
