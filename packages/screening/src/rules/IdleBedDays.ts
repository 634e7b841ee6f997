/**
 * IDLE_BED_DAYS (空床/挂床): consecutive whole days of a stay billed only for the bed, or not at
 * all.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { PositiveInt, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Fewest consecutive idle whole days that make a lead. */
  K: withDefault(PositiveInt, 3)
})

/**
 * The rule. Visit level: an inpatient stay with at least K consecutive whole days — the days
 * strictly between the admission day and the discharge day (an open stay: up to the end of the
 * period) — on which every fee line still billed after refunds is a bed fee (charge type 01), or
 * there is none. The longest such run is reported. Stays whose settlements were all reversed are
 * ignored. amount = the stay's fund payment net of reversals.
 *
 * @category rules
 */
export const idleBedDays = defineRule({
  code: "IDLE_BED_DAYS",
  version: 1,
  level: "visit",
  violation: "A38-1-BED_HANGING",
  requiredTables: ["mdtrt", "feedetail", "setlinfo", "fixmedins"],
  parameters: Parameters,
  partitionInputs: ["person", "institution"],
  title: { zh: "住院期间连续多日仅收床位费", en: "Consecutive stay days billed only for the bed" },
  description: {
    zh:
      "住院期间连续至少 K 个整日（默认 3 天；整日指入院当天与出院当天之间的日期，未出院的算到提取期末）只有床位费" +
      "（收费类别 01）或没有任何收费，即无诊疗、无用药、无护理，是空床或挂床的迹象。退费先冲销；结算已全部冲销的住院" +
      "不计。金额为该次住院的基金支付（冲销后净额）。证据给出最长一段的起止日期、天数和期间床位费。",
    en:
      "An inpatient stay with at least K consecutive whole days (default 3; the days strictly between admission " +
      "day and discharge day, an open stay up to the end of the period) billed only for the bed (charge type 01) " +
      "or not at all — no treatment, drugs or nursing: a sign of an empty or kept bed. Refunds net out first; stays " +
      "whose settlements were all reversed are ignored. Amount = the stay's fund payment net of reversals. " +
      "Evidence gives the longest run's first and last day, its length and the bed fees in it."
  },
  sql: ({ K }) => `
    WITH stays AS (
      SELECT v.*, coalesce(v.end_day, p.to_date + 1) AS end_day_eff
      FROM fg_visit v CROSS JOIN fg_period p
      WHERE v.inpatient AND NOT v.cancelled
        AND coalesce(v.end_day, p.to_date + 1) - v.begin_day > ${numberLiteral(K)}
    ),
    whole_days AS (
      SELECT s.mdtrt_id, s.begin_day + CAST(k AS INTEGER) AS day
      FROM stays s, unnest(range(1, s.end_day_eff - s.begin_day)) AS r(k)
    ),
    stay_fees AS (
      SELECT f.mdtrt_id, f.day, f.med_chrgitm_type, f.net_amt
      FROM fg_fee f SEMI JOIN stays s ON s.mdtrt_id = f.mdtrt_id
    ),
    busy AS (SELECT DISTINCT mdtrt_id, day FROM stay_fees WHERE med_chrgitm_type <> '01'),
    idle AS (
      SELECT d.mdtrt_id, d.day FROM whole_days d
      ANTI JOIN busy b ON b.mdtrt_id = d.mdtrt_id AND b.day = d.day
    ),
    runs AS (
      SELECT mdtrt_id, day, day - CAST(row_number() OVER (PARTITION BY mdtrt_id ORDER BY day) AS INTEGER) AS run
      FROM idle
    ),
    longest AS (
      SELECT mdtrt_id, min(day) AS from_day, max(day) AS to_day, count(*) AS days
      FROM runs GROUP BY mdtrt_id, run
      QUALIFY row_number() OVER (PARTITION BY mdtrt_id ORDER BY count(*) DESC, min(day)) = 1
    ),
    bed AS (
      SELECT l.mdtrt_id, coalesce(sum(f.net_amt), 0) AS bed_amount
      FROM longest l LEFT JOIN stay_fees f ON f.mdtrt_id = l.mdtrt_id AND f.day BETWEEN l.from_day AND l.to_day
      GROUP BY l.mdtrt_id
    )
    SELECT s.fixmedins_code, s.psn_no, s.mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg, s.begin_day AS date, s.fund_pay AS amount,
           {
             'begntime': fg_ts(s.begntime),
             'endtime': fg_ts(s.endtime),
             'idle_from': CAST(l.from_day AS VARCHAR),
             'idle_to': CAST(l.to_day AS VARCHAR),
             'idle_days': l.days,
             'bed_fee_amount': round(b.bed_amount, 2),
             'K': ${numberLiteral(K)}
           } AS evidence,
           '住院期间连续 ' || l.days || ' 个整日（' || fg_md(l.from_day) || '至' || fg_md(l.to_day) ||
             '）仅收床位费或无任何收费' AS message
    FROM stays s
    JOIN longest l ON l.mdtrt_id = s.mdtrt_id
    JOIN bed b ON b.mdtrt_id = s.mdtrt_id
    WHERE l.days >= ${numberLiteral(K)}
  `
})
