/**
 * FREQUENT_PHARMACY (频繁购药): many pharmacy settlements in 30 days, or several pharmacies in
 * one day — a sign of drugs bought for resale.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { PositiveInt, withDefault } from "../internal/Params.js"
import { chainCte } from "../internal/Windows.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText, sortedDistinct, sortedList } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Fewest pharmacy settlements in a 30-day window that make a lead. */
  N: withDefault(PositiveInt, 10),
  /** Fewest different pharmacies in one day that make a lead. */
  M: withDefault(PositiveInt, 3)
})

/**
 * The rule. Person level, over a person's effective (not reversed) pharmacy settlements
 * (`med_type` 41 or at an institution of `fixmedins_type` 2):
 *
 * - at least N of them in a 30-day window (anchored, non-overlapping windows: `Windows.ts`);
 *   `date` = the window's first day;
 * - at least M different pharmacies on one day; `date` = that day.
 *
 * A window and a day with the same first day make one suspicion with both in the evidence.
 * `fixmedins_code` is the pharmacy of the first settlement; amount = the fund payment of the
 * settlements involved.
 *
 * @category rules
 */
export const frequentPharmacy = defineRule({
  code: "FREQUENT_PHARMACY",
  version: 1,
  level: "person",
  violation: "A41-1-RESALE",
  requiredTables: ["setlinfo", "fixmedins"],
  parameters: Parameters,
  partitionInputs: ["person"],
  title: { zh: "频繁购药（疑似倒卖药品）", en: "Frequent pharmacy purchases (possible resale)" },
  description: {
    zh:
      "同一参保人在 30 天窗口内药店购药结算（医疗类别 41 或定点零售药店的结算）不少于 N 次（默认 10 次），或一天内在" +
      "不少于 M 家（默认 3 家）不同药店结算，疑似购药倒卖。已冲销的结算不计。30 天窗口按规范的锚定不重叠窗口计算，date " +
      "为窗口第一天或该日；同一天既是窗口起点又满足多药店条件的合并为一条。fixmedins_code 为第一笔结算的药店，金额为" +
      "涉及结算的基金支付合计。证据列出窗口、结算和药店。",
    en:
      "A person with at least N (default 10) pharmacy settlements (med_type 41, or at a retail pharmacy) in a " +
      "30-day window, or at M (default 3) or more different pharmacies on one day — buying for resale. Reversed " +
      "settlements do not count. Windows are the spec's anchored, non-overlapping windows; date is the window's " +
      "first day or the day, and a window and a day starting on the same date make one suspicion. fixmedins_code " +
      "is the pharmacy of the first settlement; amount = the fund payment of the settlements involved. Evidence " +
      "lists the window, the settlements and the pharmacies."
  },
  sql: ({ M, N }) => `
    WITH RECURSIVE ps AS MATERIALIZED (
      SELECT s.setl_id, s.psn_no, s.fixmedins_code, s.setl_time, s.day, s.fund_pay_sumamt,
             CAST(s.day - DATE '2000-01-01' AS BIGINT) AS t, i.fixmedins_name
      FROM fg_setl s LEFT JOIN fixmedins i ON i.fixmedins_code = s.fixmedins_code
      WHERE s.effective AND s.pharmacy
    ),
    counted AS (
      SELECT psn_no, t,
             count(*) OVER (PARTITION BY psn_no ORDER BY t RANGE BETWEEN CURRENT ROW AND 29 FOLLOWING) AS n
      FROM ps
    ),
    q AS MATERIALIZED (SELECT DISTINCT psn_no, t FROM counted WHERE n >= ${numberLiteral(N)}),
    ${chainCte("chain", "q", ["psn_no"], 30)},
    windows AS (
      SELECT c.t AS start_t, p.*
      FROM chain c JOIN ps p ON p.psn_no = c.psn_no AND p.t >= c.t AND p.t < c.t + 30
    ),
    days AS (
      SELECT p.t AS start_t, p.*
      FROM ps p
      SEMI JOIN (SELECT psn_no, t FROM ps GROUP BY psn_no, t
                 HAVING count(DISTINCT fixmedins_code) >= ${numberLiteral(M)}) d ON d.psn_no = p.psn_no AND d.t = p.t
    ),
    window_ev AS (
      SELECT psn_no, start_t, count(*) AS settlements, count(DISTINCT fixmedins_code) AS pharmacies,
             min(day) AS first_day, max(day) AS last_day,
             ${sortedList("setl_id", ["setl_time", "setl_id"])} AS setl_ids
      FROM windows GROUP BY psn_no, start_t
    ),
    day_ev AS (
      SELECT psn_no, start_t, count(DISTINCT fixmedins_code) AS pharmacies, count(*) AS settlements,
             ${sortedDistinct("fixmedins_name")} AS names,
             ${sortedList("setl_id", ["setl_time", "setl_id"])} AS setl_ids
      FROM days GROUP BY psn_no, start_t
    ),
    involved AS (
      SELECT DISTINCT psn_no, start_t, setl_id, fixmedins_code, setl_time, day, fund_pay_sumamt, fixmedins_name
      FROM (SELECT * FROM windows UNION ALL SELECT * FROM days)
    ),
    merged AS (
      SELECT psn_no, start_t, arg_min(fixmedins_code, (setl_time, setl_id)) AS fixmedins_code,
             sum(fund_pay_sumamt) AS amount, min(day) AS date,
             ${sortedList(
               `{'setl_id': setl_id, 'fixmedins_code': fixmedins_code, 'fixmedins_name': fixmedins_name,
                 'setl_time': fg_ts(setl_time), 'fund_pay_sumamt': round(fund_pay_sumamt, 2)}`,
               ["setl_time", "setl_id"]
             )} AS settlements
      FROM involved GROUP BY psn_no, start_t
    )
    SELECT m.fixmedins_code, m.psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg, m.date, m.amount,
           {
             'window': CASE WHEN w.psn_no IS NULL THEN NULL ELSE
               {'from': CAST(m.date AS VARCHAR), 'to': CAST(m.date + 29 AS VARCHAR), 'settlements': w.settlements,
                'pharmacies': w.pharmacies, 'setl_ids': w.setl_ids} END,
             'day': CASE WHEN d.psn_no IS NULL THEN NULL ELSE
               {'date': CAST(m.date AS VARCHAR), 'pharmacies': d.pharmacies, 'pharmacy_names': d.names,
                'setl_ids': d.setl_ids} END,
             'N': ${numberLiteral(N)},
             'M': ${numberLiteral(M)},
             'settlements': m.settlements
           } AS evidence,
           concat_ws('；',
             CASE WHEN w.psn_no IS NOT NULL THEN fg_md(m.date) || '起 30 天内药店购药结算 ' || w.settlements ||
               ' 次（' || w.pharmacies || ' 家药店）' END,
             CASE WHEN d.psn_no IS NOT NULL THEN fg_md(m.date) || '一天内在 ' || d.pharmacies || ' 家药店购药' END
           ) AS message
    FROM merged m
    LEFT JOIN window_ev w ON w.psn_no = m.psn_no AND w.start_t = m.start_t
    LEFT JOIN day_ev d ON d.psn_no = m.psn_no AND d.start_t = m.start_t
  `
})
