/**
 * SPLIT_ADMISSION (分解住院): a stay that begins soon after the same person's discharge from the
 * same institution.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { NonNegativeInt, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Largest gap in days (admission day − previous discharge day) that is flagged. */
  N: withDefault(NonNegativeInt, 15)
})

/**
 * The rule. Visit level: an inpatient stay (`med_type` 21–29) whose admission day is at most N
 * days after the discharge day of the same person's previous stay at the same institution (the
 * stay with the latest discharge at or before this admission). Not flagged when that stay ended by
 * transfer (`dscg_way` 2) or death (5). Stays whose settlements were all reversed are ignored.
 * Flags the later stay; amount = its fund payment net of reversals.
 *
 * @category rules
 */
export const splitAdmission = defineRule({
  code: "SPLIT_ADMISSION",
  version: 1,
  level: "visit",
  violation: "A38-1-SPLIT_ADMISSION",
  requiredTables: ["mdtrt", "setlinfo", "fixmedins"],
  parameters: Parameters,
  partitionInputs: ["person", "institution"],
  title: { zh: "分解住院（出院后短期内再次入院）", en: "Readmission soon after discharge (split admission)" },
  description: {
    zh:
      "住院（医疗类别 21–29）入院日距同一参保人在同一机构上一次住院的出院日不超过 N 天（默认 15 天，同日再入院为 0 天）。" +
      "上一次住院以医嘱转院（dscg_way 2）或死亡（5）离院的不提示；结算已全部冲销的住院不计。标记后一次住院，金额为其" +
      "基金支付（冲销后净额）。证据给出前次就诊、出院时间、离院方式和间隔天数。",
    en:
      "An inpatient stay (med_type 21–29) admitted at most N days (default 15; same-day readmission is 0) after " +
      "the discharge day of the same person's previous stay at the same institution. Not flagged when that stay " +
      "ended by transfer (dscg_way 2) or death (5); stays whose settlements were all reversed are ignored. Flags " +
      "the later stay; amount = its fund payment net of reversals. Evidence gives the previous visit, its " +
      "discharge, discharge way and the gap in days."
  },
  sql: ({ N }) => `
    WITH stays AS (SELECT * FROM fg_visit WHERE inpatient AND NOT cancelled),
    previous AS (
      SELECT s.*, p.mdtrt_id AS prev_id, p.begntime AS prev_begin, p.endtime AS prev_end, p.dscg_way AS prev_way,
             s.begin_day - p.end_day AS gap_days
      FROM stays s
      JOIN stays p ON p.psn_no = s.psn_no AND p.fixmedins_code = s.fixmedins_code AND p.mdtrt_id <> s.mdtrt_id
                  AND p.endtime IS NOT NULL AND p.endtime <= s.begntime
      QUALIFY row_number() OVER (PARTITION BY s.mdtrt_id ORDER BY p.endtime DESC, p.mdtrt_id DESC) = 1
    )
    SELECT fixmedins_code, psn_no, mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg, begin_day AS date, fund_pay AS amount,
           {
             'previous_mdtrt_id': prev_id,
             'gap_days': gap_days,
             'previous_begntime': fg_ts(prev_begin),
             'previous_endtime': fg_ts(prev_end),
             'previous_dscg_way': prev_way,
             'begntime': fg_ts(begntime),
             'endtime': fg_ts(endtime),
             'N': ${numberLiteral(N)}
           } AS evidence,
           '出院后' || gap_days || '天再次入住同一机构（前次就诊' || prev_id || '）' AS message
    FROM previous
    WHERE gap_days <= ${numberLiteral(N)} AND coalesce(prev_way, '') NOT IN ('2', '5')
  `
})
