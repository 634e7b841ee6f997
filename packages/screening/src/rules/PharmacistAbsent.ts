/**
 * PHARMACIST_ABSENT (执业药师不在岗): a prescription drug sold when no pharmacist of the pharmacy
 * was on duty.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { defineRule } from "../Rule.js"
import { sortedDistinct, sortedList } from "./Sql.js"

/**
 * The rule. Settlement level: `inv_sale` rows of prescription drugs (the sale's `rx_flag`, else
 * the catalogue's, is 1) with a `setl_id`, sold (`sel_retn_time`) at a time covered by no `duty`
 * period (`begntime` ≤ time ≤ `endtime`) of a pharmacist (`staff_type` pharmacist) registered at
 * that pharmacy. One suspicion per settlement; sales on a settlement cancelled by a reversal are
 * ignored. Flagged lines are the settlement's fee lines of the drugs sold unattended; amount = their
 * net amount, or, when the settlement has no such line, quantity × `finl_trns_pric` of the sales. Version 2:
 * `evidence.sales` in one order every run (version 1 left sales of one time, document and item in any order).
 *
 * @category rules
 */
export const pharmacistAbsent = defineRule({
  code: "PHARMACIST_ABSENT",
  version: 2,
  level: "settlement",
  violation: "AGR-PHARMACIST_ABSENT",
  requiredTables: ["inv_sale", "duty", "staff", "setlinfo"],
  optionalTables: ["catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["institution"],
  title: { zh: "销售处方药时执业药师不在岗", en: "Prescription drug sold with no pharmacist on duty" },
  description: {
    zh:
      "进销存销售记录中的处方药（销售记录的 rx_flag，缺失时按目录，为 1）销售时间不在该药店任何药师（staff 中 " +
      "staff_type 为 pharmacist 的本店人员）的在岗时段（duty）内，违反协议中执业药师在岗要求。只看有结算 ID 的销售，" +
      "结算已冲销的不计。每笔结算一条疑点，标记该结算中这些药品的费用明细，金额为这些明细的净金额（无对应明细时按销售" +
      "数量 × 最终成交价）。证据列出销售记录和当天的药师在岗时段。",
    en:
      "A prescription drug (the sale's rx_flag, else the catalogue's, is 1) sold (inv_sale) at a time covered by " +
      "no duty period of a pharmacist (staff_type pharmacist) of that pharmacy — an agreement breach. Only sales " +
      "with a setl_id; settlements cancelled by a reversal are ignored. One suspicion per settlement, flagging its " +
      "fee lines of those drugs; amount = their net amount (quantity × final price of the sales when there is no " +
      "such line). Evidence lists the sales and the pharmacists' duty periods that day."
  },
  sql: () => `
    WITH sales AS (
      SELECT s.*, CAST(s.sel_retn_time AS DATE) AS day
      FROM inv_sale s LEFT JOIN catalog c ON c.med_list_codg = s.med_list_codg
      WHERE s.setl_id IS NOT NULL AND coalesce(s.rx_flag, c.rx_flag) = '1'
    ),
    pharmacists AS (
      SELECT DISTINCT staff_code, fixmedins_code, staff_name FROM staff WHERE staff_type = 'pharmacist'
    ),
    on_duty AS (
      SELECT d.*, p.staff_name FROM duty d
      JOIN pharmacists p ON p.staff_code = d.staff_code AND p.fixmedins_code = d.fixmedins_code
    ),
    -- A sale at t is attended when a period of its institution has begntime <= t <= endtime, that is when the
    -- latest endtime of the periods begun by t is t or later: one as-of lookup per sale instead of comparing it with
    -- every period of its institution (a county-year's rule: 2.6 -> 2.1 s, a quarter less CPU).
    covered_until AS (
      SELECT fixmedins_code, begntime,
             max(endtime) OVER (PARTITION BY fixmedins_code ORDER BY begntime RANGE UNBOUNDED PRECEDING) AS until
      FROM on_duty
    ),
    unattended AS (
      SELECT s.* FROM sales s
      ASOF LEFT JOIN covered_until d ON d.fixmedins_code = s.fixmedins_code AND s.sel_retn_time >= d.begntime
      WHERE NOT coalesce(d.until >= s.sel_retn_time, false)
        AND NOT EXISTS (SELECT 1 FROM fg_setl x WHERE x.setl_id = s.setl_id AND (x.cancelled OR x.is_reversal))
    ),
    per_setl AS (
      SELECT u.setl_id, any_value(u.fixmedins_code) AS fixmedins_code, any_value(u.psn_no) AS psn_no,
             min(u.day) AS day, min(u.sel_retn_time) AS first_time,
             ${sortedDistinct("u.med_list_codg")} AS items,
             sum(u.sel_retn_cnt * coalesce(u.finl_trns_pric, 0)) AS sale_amount,
             ${sortedList(
               `{'rtal_docno': u.rtal_docno, 'med_list_codg': u.med_list_codg, 'sel_retn_time': fg_ts(u.sel_retn_time),
                 'cnt': round(u.sel_retn_cnt, 4), 'phar_prac_cert_no': u.phar_prac_cert_no}`,
               ["u.sel_retn_time", "u.rtal_docno", "u.med_list_codg", "u.sel_retn_cnt", "u.phar_prac_cert_no"]
             )} AS sales
      FROM unattended u GROUP BY u.setl_id
    ),
    lines AS (
      SELECT p.setl_id, list_sort(list(f.feedetl_sn)) AS sns, sum(f.net_amt) AS amount
      FROM per_setl p
      JOIN fg_setl s ON s.setl_id = p.setl_id
      JOIN fg_fee f ON f.mdtrt_id = s.mdtrt_id AND list_contains(p.items, f.med_list_codg)
      GROUP BY p.setl_id
    ),
    duty_that_day AS (
      SELECT p.setl_id,
             ${sortedList(
               `{'staff_code': d.staff_code, 'staff_name': d.staff_name, 'begntime': fg_ts(d.begntime),
                 'endtime': fg_ts(d.endtime)}`,
               ["d.begntime", "d.staff_code"]
             )} AS periods
      FROM per_setl p JOIN on_duty d ON d.fixmedins_code = p.fixmedins_code
       AND CAST(d.begntime AS DATE) <= p.day AND CAST(d.endtime AS DATE) >= p.day
      GROUP BY p.setl_id
    )
    SELECT p.fixmedins_code, coalesce(p.psn_no, s.psn_no) AS psn_no, s.mdtrt_id, p.setl_id,
           coalesce(l.sns, CAST([] AS VARCHAR[])) AS feedetl_sn,
           CASE WHEN len(p.items) = 1 THEN p.items[1] END AS med_list_codg, p.day AS date,
           coalesce(l.amount, p.sale_amount) AS amount,
           {
             'sales': p.sales,
             'duty_periods_that_day': t.periods,
             'pharmacists_registered': (SELECT count(*) FROM pharmacists r WHERE r.fixmedins_code = p.fixmedins_code)
           } AS evidence,
           fg_ts(p.first_time) || ' 销售处方药 ' || len(p.items) || ' 种，当时无本店药师在岗登记' ||
             CASE WHEN t.periods IS NULL THEN '（当天无药师在岗记录）' ELSE '' END AS message
    FROM per_setl p
    LEFT JOIN fg_setl s ON s.setl_id = p.setl_id
    LEFT JOIN lines l ON l.setl_id = p.setl_id
    LEFT JOIN duty_that_day t ON t.setl_id = p.setl_id
  `
})
