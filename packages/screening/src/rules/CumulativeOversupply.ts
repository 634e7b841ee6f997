/**
 * CUMULATIVE_OVERSUPPLY (重复开药): more days of one drug dispensed to a person within 30 days,
 * across all institutions, than 30 days can use.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { Positive, withDefault } from "../internal/Params.js"
import { chainCte } from "../internal/Windows.js"
import { defineRule } from "../Rule.js"
import { nullText, sortedList } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Days of supply per day of window above which a window is a lead (1.5 → more than 45 days in 30). */
  R: withDefault(Positive, 1.5)
})

/**
 * The rule. Person level: one person's days of supply (`prd_days`) of one drug (`med_list_codg`),
 * from all institutions, dispensed within a 30-day anchored window (`Windows.ts`) add up to more
 * than R × 30. Refunds net out first: a fully refunded line supplies nothing, a partly refunded
 * one supplies `prd_days × net cnt / cnt`. `date` = the first dispensing day of the window;
 * `feedetl_sn` lists every line of the drug in it; amount = their net amount. Two drugs whose
 * windows start on the same day share one suspicion (the person-level key is person and date);
 * `med_list_codg` is then the drug with the larger excess and the evidence lists both.
 *
 * @category rules
 */
export const cumulativeOversupply = defineRule({
  code: "CUMULATIVE_OVERSUPPLY",
  version: 1,
  level: "person",
  violation: "A38-2-DUPLICATE_PRESCRIPTION",
  requiredTables: ["feedetail"],
  optionalTables: ["catalog"],
  parameters: Parameters,
  partitionInputs: ["person"],
  title: { zh: "重复开药（30 天内同一药品累计用药天数过多）", en: "Cumulative oversupply of one drug in 30 days" },
  description: {
    zh:
      "同一参保人同一药品（跨所有机构）在 30 天锚定窗口内开药的用药天数（prd_days）合计超过 R × 30 天（默认 R = 1.5，即" +
      "超过 45 天）。退费先冲销：全部退费的明细不计，部分退费的按 prd_days × 净数量 / 原数量折算。date 为窗口内第一次" +
      "开药日，feedetl_sn 列出窗口内该药的全部明细，金额为这些明细的净金额。同一天起始的两种药品合并为一条疑点" +
      "（人员级疑点以人员和日期为键），med_list_codg 取超出较多的药品，证据列出各药品。",
    en:
      "One person's days of supply (prd_days) of one drug, from all institutions, dispensed within a 30-day " +
      "anchored window add up to more than R × 30 (default R = 1.5: more than 45 days). Refunds net out first: a " +
      "fully refunded line supplies nothing, a partly refunded one prd_days × net cnt / cnt. date = the window's " +
      "first dispensing day; feedetl_sn lists every line of the drug in it; amount = their net amount. Drugs whose " +
      "windows start on the same day share one suspicion (person-level key: person and date); med_list_codg is the " +
      "drug with the larger excess and the evidence lists each drug."
  },
  sql: ({ R }) => `
    WITH RECURSIVE supplied AS MATERIALIZED (
      SELECT f.psn_no, f.med_list_codg, f.mdtrt_id, f.feedetl_sn, f.fixmedins_code, f.fee_ocur_time, f.day,
             f.prd_days, f.net_cnt, f.net_amt, f.item_name, f.prd_days * f.net_cnt / f.cnt AS supply_days,
             CAST(f.day - DATE '2000-01-01' AS BIGINT) AS t
      FROM fg_fee f WHERE f.prd_days > 0
    ),
    -- A person's drug can only exceed R × 30 days in 30 if it does over the whole extract: most
    -- (person, drug) series stop here, before any window is computed.
    heavy AS (
      SELECT hash(psn_no, med_list_codg) AS h FROM supplied GROUP BY hash(psn_no, med_list_codg)
      HAVING round(sum(supply_days), 6) > ${numberLiteral(R * 30)}
    ),
    lines AS MATERIALIZED (
      SELECT s.* FROM supplied s SEMI JOIN heavy h ON h.h = hash(s.psn_no, s.med_list_codg)
    ),
    summed AS (
      SELECT psn_no, med_list_codg, t,
             sum(supply_days) OVER (PARTITION BY psn_no, med_list_codg ORDER BY t
                                    RANGE BETWEEN CURRENT ROW AND 29 FOLLOWING) AS supply
      FROM lines
    ),
    q AS MATERIALIZED (
      SELECT DISTINCT psn_no, med_list_codg, t FROM summed WHERE round(supply, 6) > ${numberLiteral(R * 30)}
    ),
    ${chainCte("chain", "q", ["psn_no", "med_list_codg"], 30)},
    windows AS (
      SELECT c.t AS start_t, l.*
      FROM chain c JOIN lines l ON l.psn_no = c.psn_no AND l.med_list_codg = c.med_list_codg
                               AND l.t >= c.t AND l.t < c.t + 30
    ),
    per_drug AS (
      SELECT w.psn_no, w.start_t, w.med_list_codg, any_value(w.item_name) AS item_name,
             sum(w.supply_days) AS supply, sum(w.supply_days) - ${numberLiteral(R * 30)} AS excess,
             min(w.day) AS first_day, max(w.day) AS last_day, sum(w.net_amt) AS amount,
             arg_min(w.fixmedins_code, (w.fee_ocur_time, w.mdtrt_id, w.feedetl_sn)) AS first_code,
             min(w.fee_ocur_time) AS first_time,
             count(DISTINCT w.fixmedins_code) AS institutions,
             list(w.feedetl_sn) AS sns,
             ${sortedList(
               `{'mdtrt_id': w.mdtrt_id, 'feedetl_sn': w.feedetl_sn, 'fixmedins_code': w.fixmedins_code,
                 'fee_ocur_time': fg_ts(w.fee_ocur_time), 'prd_days': w.prd_days,
                 'supply_days': round(w.supply_days, 2), 'cnt': round(w.net_cnt, 4),
                 'amount': round(w.net_amt, 2)}`,
               ["w.fee_ocur_time", "w.mdtrt_id", "w.feedetl_sn"]
             )} AS lines
      FROM windows w GROUP BY w.psn_no, w.start_t, w.med_list_codg
    )
    SELECT arg_max(first_code, (excess, med_list_codg)) AS fixmedins_code, psn_no, ${nullText} AS mdtrt_id,
           ${nullText} AS setl_id, list_sort(flatten(list(sns))) AS feedetl_sn,
           arg_max(med_list_codg, (excess, med_list_codg)) AS med_list_codg, min(first_day) AS date,
           sum(amount) AS amount,
           {
             'window_from': CAST(min(first_day) AS VARCHAR),
             'window_to': CAST(min(first_day) + 29 AS VARCHAR),
             'limit_days': ${numberLiteral(R * 30)},
             'R': ${numberLiteral(R)},
             'supply_days': round(arg_max(supply, (excess, med_list_codg)), 2),
             'drugs': ${sortedList(
               `{'med_list_codg': med_list_codg, 'med_list_name': item_name, 'supply_days': round(supply, 2),
                 'excess_days': round(excess, 2), 'institutions': institutions, 'lines': lines}`,
               ["med_list_codg"]
             )}
           } AS evidence,
           arg_max(item_name, (excess, med_list_codg)) || '：' || fg_md(min(first_day)) || '起 30 天内累计开药 ' ||
             fg_qty(round(arg_max(supply, (excess, med_list_codg)), 2)) || ' 天量（' ||
             arg_max(institutions, (excess, med_list_codg)) || ' 家机构），超过 ' || fg_qty(${numberLiteral(R * 30)}) ||
             ' 天' || CASE WHEN count(*) > 1 THEN '；另有 ' || (count(*) - 1) || ' 种药品同期超量' ELSE '' END AS message
    FROM per_drug
    GROUP BY psn_no, start_t
  `
})
