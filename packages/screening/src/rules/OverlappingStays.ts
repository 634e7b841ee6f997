/**
 * OVERLAPPING_STAYS (住院时间重叠): one person in hospital at two institutions at the same time.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { defineRule } from "../Rule.js"
import { noLines, nullText, sortedList } from "./Sql.js"

/**
 * The rule. Visit level: two inpatient stays of one person at different institutions whose time
 * ranges overlap by at least one whole day (24 hours: from the later admission to the earlier
 * discharge). Both stays are flagged, each once with every stay it overlaps in its evidence. A
 * stay without `endtime` is taken to last to the end of the extract period. Stays whose
 * settlements were all reversed are ignored. amount = the flagged stay's own fund payment.
 *
 * @category rules
 */
export const overlappingStays = defineRule({
  code: "OVERLAPPING_STAYS",
  version: 1,
  level: "visit",
  violation: "A40-1-IMPERSONATION_OR_FAKE_CARE",
  requiredTables: ["mdtrt", "setlinfo", "fixmedins"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person"],
  title: { zh: "同时在两家机构住院", en: "Stays at two institutions at the same time" },
  description: {
    zh:
      "同一参保人在不同机构的两次住院，时间重叠至少一个整日（24 小时：从较晚的入院到较早的出院）。两次住院都标记，" +
      "每次住院一条疑点，证据列出与之重叠的全部住院、重叠起止时间和重叠小时数。无出院时间的住院按持续到提取期末计；" +
      "结算已全部冲销的住院不计。金额为被标记住院自身的基金支付（冲销后净额）。",
    en:
      "Two inpatient stays of one person at different institutions overlapping by at least one whole day (24 " +
      "hours, from the later admission to the earlier discharge). Both are flagged, one suspicion per stay listing " +
      "every stay it overlaps, the overlap and its length in hours. A stay without endtime lasts to the end of the " +
      "extract period; stays whose settlements were all reversed are ignored. Amount = the flagged stay's own " +
      "fund payment net of reversals."
  },
  sql: () => `
    WITH stays AS (
      SELECT v.*, coalesce(v.endtime, CAST(p.to_date + 1 AS TIMESTAMP)) AS end_eff
      FROM fg_visit v CROSS JOIN fg_period p
      WHERE v.inpatient AND NOT v.cancelled
    ),
    pairs AS (
      SELECT a.mdtrt_id, b.mdtrt_id AS other_id, b.fixmedins_code AS other_code, b.fixmedins_name AS other_name,
             b.begntime AS other_begin, b.endtime AS other_end,
             greatest(a.begntime, b.begntime) AS overlap_from, least(a.end_eff, b.end_eff) AS overlap_to
      FROM stays a
      JOIN stays b ON b.psn_no = a.psn_no AND b.fixmedins_code <> a.fixmedins_code
                  AND b.begntime < a.end_eff AND a.begntime < b.end_eff
      WHERE least(a.end_eff, b.end_eff) - greatest(a.begntime, b.begntime) >= INTERVAL 1 DAY
    ),
    grouped AS (
      SELECT mdtrt_id,
             ${sortedList(
               `{'mdtrt_id': other_id, 'fixmedins_code': other_code, 'fixmedins_name': other_name,
                 'begntime': fg_ts(other_begin), 'endtime': fg_ts(other_end),
                 'overlap_from': fg_ts(overlap_from), 'overlap_to': fg_ts(overlap_to),
                 'overlap_hours': round(epoch(overlap_to - overlap_from) / 3600, 1)}`,
               ["overlap_from", "other_id"]
             )} AS others,
             arg_min(other_name, (overlap_from, other_id)) AS first_name,
             arg_min(other_id, (overlap_from, other_id)) AS first_id,
             max(epoch(overlap_to - overlap_from)) / 86400 AS longest_days,
             count(*) AS n
      FROM pairs GROUP BY mdtrt_id
    )
    SELECT s.fixmedins_code, s.psn_no, s.mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg, s.begin_day AS date, s.fund_pay AS amount,
           {
             'begntime': fg_ts(s.begntime),
             'endtime': fg_ts(s.endtime),
             'overlapping': g.others
           } AS evidence,
           '住院期间（' || fg_md(s.begntime) || '至' || CASE WHEN s.endtime IS NULL THEN '未出院' ELSE fg_md(s.endtime) END ||
             '）同时在' || g.first_name || '住院（就诊' || g.first_id || '），重叠约 ' ||
             fg_qty(round(g.longest_days, 1)) || ' 天' ||
             CASE WHEN g.n > 1 THEN '，另有 ' || (g.n - 1) || ' 次重叠住院' ELSE '' END AS message
    FROM stays s JOIN grouped g ON g.mdtrt_id = s.mdtrt_id
  `
})
