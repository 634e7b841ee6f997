/**
 * BED_OVER_CAPACITY (超核定床位收治): more inpatients present at noon than the institution's
 * approved beds allow.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { NonNegative, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Tolerated occupancy above the approved beds, as a share (0.2 → up to 120 %). */
  T: withDefault(NonNegative, 0.2)
})

/**
 * The rule. Institution level, per day: the inpatients present at noon — admitted at or before
 * 12:00 that day and not discharged before 12:00 (an open stay lasts to the end of the period) —
 * exceed `aprv_bed_cnt` × (1 + T). Institutions with no `aprv_bed_cnt` are not checked; 0 beds
 * means any inpatient is over capacity. Stays whose settlements were all reversed do not count.
 * amount = excess patients (present − the whole number of patients the ceiling allows) × the average
 * fund payment per day of the stays present (each stay's
 * net fund payment over its days), an estimate of what the excess bed-days cost the fund.
 *
 * @category rules
 */
export const bedOverCapacity = defineRule({
  code: "BED_OVER_CAPACITY",
  version: 1,
  level: "institution",
  violation: "A40-3-FICTITIOUS_SERVICE",
  requiredTables: ["mdtrt", "fixmedins", "setlinfo"],
  parameters: Parameters,
  partitionInputs: ["institution"],
  title: { zh: "在院人数超过核定床位", en: "More inpatients than approved beds" },
  description: {
    zh:
      "某日中午 12:00 在院的住院人数（12:00 前入院且未在 12:00 前出院；未出院的算到提取期末）超过核定床位数 × (1 + T)" +
      "（默认 T = 0.2，即 120%）。未填核定床位的机构不检查，核定床位为 0 的机构有住院即提示；结算已全部冲销的住院不计。" +
      "每机构每天一条疑点。金额为超出人数 × 当日在院住院的日均基金支付（各住院基金支付净额 ÷ 住院天数的平均），用于估计" +
      "超出床日的基金支出。证据给出在院人数、核定床位、容许上限和在院就诊清单。",
    en:
      "A day on which the institution's inpatients present at noon (admitted at or before 12:00, not discharged " +
      "before 12:00; open stays last to the end of the period) exceed aprv_bed_cnt × (1 + T) (default T = 0.2, " +
      "i.e. 120 %). Institutions without aprv_bed_cnt are not checked; with 0 beds any inpatient is over " +
      "capacity; stays whose settlements were all reversed do not count. One suspicion per institution and day. " +
      "Amount = excess patients × the average daily fund payment of the stays present (each stay's net fund " +
      "payment over its days), an estimate of the excess bed-days' cost. Evidence gives the count, the approved " +
      "beds, the ceiling and the visits present."
  },
  sql: ({ T }) => `
    WITH stays AS (
      SELECT v.mdtrt_id, v.fixmedins_code, v.begntime, v.fund_pay, v.begin_day,
             coalesce(v.endtime, CAST(p.to_date + 1 AS TIMESTAMP)) AS end_eff,
             greatest(CAST(coalesce(v.endtime, CAST(p.to_date + 1 AS TIMESTAMP)) AS DATE) - v.begin_day, 1) AS los
      FROM fg_visit v CROSS JOIN fg_period p
      WHERE v.inpatient AND NOT v.cancelled AND v.aprv_bed_cnt IS NOT NULL
    ),
    present AS (
      SELECT s.fixmedins_code, s.mdtrt_id, s.fund_pay / s.los AS daily_pay, s.begin_day + CAST(r.k AS INTEGER) AS day
      FROM stays s, unnest(range(0, CAST(s.end_eff AS DATE) - s.begin_day + 1)) AS r(k)
      WHERE s.begntime <= CAST(s.begin_day + CAST(k AS INTEGER) AS TIMESTAMP) + INTERVAL 12 HOUR
        AND s.end_eff >= CAST(s.begin_day + CAST(k AS INTEGER) AS TIMESTAMP) + INTERVAL 12 HOUR
    ),
    totals AS (
      SELECT p.fixmedins_code, p.day, count(*) AS n, avg(p.daily_pay) AS avg_daily_pay
      FROM present p GROUP BY p.fixmedins_code, p.day
    ),
    over AS (
      SELECT t.* FROM totals t JOIN fixmedins i ON i.fixmedins_code = t.fixmedins_code
      WHERE t.n > round(i.aprv_bed_cnt * (1 + ${numberLiteral(T)}), 6)
    ),
    counted AS (
      SELECT o.*, list_sort(list(p.mdtrt_id)) AS ids
      FROM over o JOIN present p ON p.fixmedins_code = o.fixmedins_code AND p.day = o.day
      GROUP BY ALL
    )
    SELECT c.fixmedins_code, ${nullText} AS psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id,
           ${noLines} AS feedetl_sn, ${nullText} AS med_list_codg, c.day AS date,
           (c.n - floor(round(i.aprv_bed_cnt * (1 + ${numberLiteral(T)}), 6))) * c.avg_daily_pay AS amount,
           {
             'inpatients_at_noon': c.n,
             'aprv_bed_cnt': i.aprv_bed_cnt,
             'T': ${numberLiteral(T)},
             'capacity': round(i.aprv_bed_cnt * (1 + ${numberLiteral(T)}), 2),
             'excess': c.n - CAST(floor(round(i.aprv_bed_cnt * (1 + ${numberLiteral(T)}), 6)) AS INTEGER),
             'avg_daily_fund_pay': round(c.avg_daily_pay, 2),
             'mdtrt_ids': c.ids
           } AS evidence,
           CASE WHEN i.aprv_bed_cnt = 0 THEN fg_md(c.day) || '中午在院 ' || c.n || ' 人，该机构无核定床位'
                ELSE fg_md(c.day) || '中午在院 ' || c.n || ' 人，超过核定床位 ' || fg_qty(i.aprv_bed_cnt) || ' 张的 ' ||
                     fg_qty(round(100 * (1 + ${numberLiteral(T)}), 2)) || '%（' ||
                     fg_qty(round(i.aprv_bed_cnt * (1 + ${numberLiteral(T)}), 2)) || ' 人）' END AS message
    FROM counted c JOIN fixmedins i ON i.fixmedins_code = c.fixmedins_code
  `
})
