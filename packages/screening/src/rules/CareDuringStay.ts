/**
 * CARE_DURING_STAY (住院期间门诊/购药): while in hospital, the person settles outpatient or
 * pharmacy visits elsewhere on several days — a sign of 挂床住院 (an empty bed kept billing).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { PositiveInt, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { joinedDistinct, noLines, nullText, sortedDistinct, sortedList } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Fewest distinct days with such settlements that make a lead. */
  K: withDefault(PositiveInt, 2)
})

/**
 * The rule. Visit level: an inpatient stay during which (settlement time strictly between
 * admission and discharge; an open stay lasts to the end of the period) the same person has
 * effective (not reversed) outpatient (`med_type` 11–19) or pharmacy settlements at other
 * institutions on at least K distinct days. Stays whose settlements were all reversed are ignored.
 * Flags the stay; amount = its fund payment net of reversals.
 *
 * @category rules
 */
export const careDuringStay = defineRule({
  code: "CARE_DURING_STAY",
  version: 1,
  level: "visit",
  violation: "A38-1-BED_HANGING",
  requiredTables: ["mdtrt", "setlinfo", "fixmedins"],
  parameters: Parameters,
  partitionInputs: ["person"],
  title: { zh: "住院期间在其他机构门诊或购药（挂床迹象）", en: "Outpatient or pharmacy care elsewhere during a stay" },
  description: {
    zh:
      "住院期间（结算时间在入院与出院之间；未出院的算到提取期末），同一参保人在其他机构有门诊（医疗类别 11–19）或药店" +
      "购药结算，且分布在至少 K 个不同日期（默认 2 天），是挂床住院的迹象。已冲销的结算不计，结算已全部冲销的住院不计。" +
      "标记该次住院，金额为其基金支付（冲销后净额）。证据列出这些结算的机构、时间和医疗类别。",
    en:
      "During an inpatient stay (settlement time between admission and discharge; an open stay lasts to the end " +
      "of the period) the same person settles outpatient (med_type 11–19) or pharmacy visits at other " +
      "institutions on at least K distinct days (default 2) — a sign of bed hanging. Reversed settlements do not " +
      "count; stays whose settlements were all reversed are ignored. Flags the stay; amount = its fund payment net " +
      "of reversals. Evidence lists those settlements with institution, time and med_type."
  },
  sql: ({ K }) => `
    WITH stays AS (
      SELECT v.*, coalesce(v.endtime, CAST(p.to_date + 1 AS TIMESTAMP)) AS end_eff
      FROM fg_visit v CROSS JOIN fg_period p
      WHERE v.inpatient AND NOT v.cancelled
    ),
    elsewhere AS (
      SELECT st.mdtrt_id, s.setl_id, s.mdtrt_id AS other_mdtrt_id, s.fixmedins_code, s.setl_time, s.day, s.med_type,
             s.fund_pay_sumamt, i.fixmedins_name
      FROM stays st
      JOIN fg_setl s ON s.psn_no = st.psn_no AND s.fixmedins_code <> st.fixmedins_code
                    AND s.setl_time > st.begntime AND s.setl_time < st.end_eff
      LEFT JOIN fixmedins i ON i.fixmedins_code = s.fixmedins_code
      WHERE s.effective AND (fg_is_outpatient(s.med_type) OR s.pharmacy)
    ),
    grouped AS (
      SELECT mdtrt_id, count(DISTINCT day) AS days, count(*) AS settlements,
             ${sortedDistinct("day")} AS day_list,
             ${joinedDistinct("fixmedins_name", "'、'")} AS places,
             ${sortedList(
               `{'setl_id': setl_id, 'mdtrt_id': other_mdtrt_id, 'fixmedins_code': fixmedins_code,
                 'fixmedins_name': fixmedins_name, 'setl_time': fg_ts(setl_time), 'med_type': med_type,
                 'fund_pay_sumamt': round(fund_pay_sumamt, 2)}`,
               ["setl_time", "setl_id"]
             )} AS visits
      FROM elsewhere GROUP BY mdtrt_id
      HAVING count(DISTINCT day) >= ${numberLiteral(K)}
    )
    SELECT s.fixmedins_code, s.psn_no, s.mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg, s.begin_day AS date, s.fund_pay AS amount,
           {
             'begntime': fg_ts(s.begntime),
             'endtime': fg_ts(s.endtime),
             'days': g.days,
             'K': ${numberLiteral(K)},
             'dates': list_transform(g.day_list, d -> CAST(d AS VARCHAR)),
             'settlements': g.visits
           } AS evidence,
           '住院期间（' || fg_md(s.begntime) || '至' || CASE WHEN s.endtime IS NULL THEN '未出院' ELSE fg_md(s.endtime) END ||
             '）在' || g.places || '门诊或购药结算 ' || g.settlements || ' 次，分布在 ' || g.days || ' 天' AS message
    FROM stays s JOIN grouped g ON g.mdtrt_id = s.mdtrt_id
  `
})
