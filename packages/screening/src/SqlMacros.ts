/**
 * SQL macros shared by the rules, installed on the connection before a run. They keep conventions
 * that several rules need (price tier of an institution, number formatting in messages) in one
 * place instead of one copy per rule.
 *
 * @since 0.1.0
 */

/**
 * The macro definitions, as `CREATE OR REPLACE TEMP MACRO` statements (idempotent).
 *
 * - `fg_price_tier(fixmedins_type, hosp_lv)`: which catalogue ceiling applies to an institution:
 *   `lv1`, `lv2`, `lv3` for hospital levels 1 (三级), 2 (二级), 3 (一级); `other` for pharmacies
 *   (`fixmedins_type` 2) and for unlevelled institutions (hosp_lv 9, empty or unknown).
 * - `fg_ceiling(tier, lv1, lv2, lv3, other)`: picks the ceiling column for a tier.
 * - `fg_tier_label(tier, fixmedins_type)`: 三级医院 / 二级医院 / 一级医院 / 定点药店 / 未定级机构.
 * - `fg_yuan(x)`: an amount with two decimals (`20.00`).
 * - `fg_price(x)`: a unit price with two decimals, or up to four when it has them (`0.1234`).
 * - `fg_qty(x)`: a quantity without trailing zeros (`3`, `2.5`).
 * - `fg_is_inpatient(med_type)`, `fg_is_outpatient(med_type)`: `med_type` 21–29, 11–19.
 * - `fg_age(brdy, d)`: whole years between a birth date and a date.
 * - `fg_ts(t)`: a timestamp as `yyyy-MM-dd HH:mm:ss` (for evidence and messages).
 * - `fg_md(d)`: a date as `M月d日` (for messages).
 *
 * @category rules
 */
export const sqlMacros: ReadonlyArray<string> = [
  `CREATE OR REPLACE TEMP MACRO fg_price_tier(fixmedins_type, hosp_lv) AS
     CASE WHEN fixmedins_type = '2' THEN 'other'
          WHEN hosp_lv IN ('1', '2', '3') THEN 'lv' || hosp_lv
          ELSE 'other' END`,
  `CREATE OR REPLACE TEMP MACRO fg_ceiling(tier, lv1, lv2, lv3, other) AS
     CASE tier WHEN 'lv1' THEN lv1 WHEN 'lv2' THEN lv2 WHEN 'lv3' THEN lv3 ELSE other END`,
  `CREATE OR REPLACE TEMP MACRO fg_tier_label(tier, fixmedins_type) AS
     CASE tier WHEN 'lv1' THEN '三级医院' WHEN 'lv2' THEN '二级医院' WHEN 'lv3' THEN '一级医院'
          ELSE CASE WHEN fixmedins_type = '2' THEN '定点药店' ELSE '未定级机构' END END`,
  `CREATE OR REPLACE TEMP MACRO fg_yuan(x) AS printf('%.2f', round(CAST(x AS DOUBLE), 2))`,
  `CREATE OR REPLACE TEMP MACRO fg_price(x) AS
     CASE WHEN round(CAST(x AS DOUBLE), 2) = round(CAST(x AS DOUBLE), 4) THEN printf('%.2f', round(CAST(x AS DOUBLE), 2))
          ELSE rtrim(printf('%.4f', round(CAST(x AS DOUBLE), 4)), '0') END`,
  `CREATE OR REPLACE TEMP MACRO fg_qty(x) AS
     CASE WHEN CAST(x AS DOUBLE) = round(CAST(x AS DOUBLE)) THEN CAST(CAST(round(CAST(x AS DOUBLE)) AS BIGINT) AS VARCHAR)
          ELSE rtrim(rtrim(printf('%.4f', CAST(x AS DOUBLE)), '0'), '.') END`,
  `CREATE OR REPLACE TEMP MACRO fg_is_inpatient(med_type) AS
     coalesce(med_type IN ('21', '22', '23', '24', '25', '26', '27', '28', '29'), false)`,
  `CREATE OR REPLACE TEMP MACRO fg_is_outpatient(med_type) AS
     coalesce(med_type IN ('11', '12', '13', '14', '15', '16', '17', '18', '19'), false)`,
  `CREATE OR REPLACE TEMP MACRO fg_age(brdy, d) AS
     year(d) - year(brdy) - CASE WHEN month(d) * 100 + day(d) < month(brdy) * 100 + day(brdy) THEN 1 ELSE 0 END`,
  `CREATE OR REPLACE TEMP MACRO fg_ts(t) AS strftime(CAST(t AS TIMESTAMP), '%Y-%m-%d %H:%M:%S')`,
  `CREATE OR REPLACE TEMP MACRO fg_md(d) AS
     CAST(month(CAST(d AS DATE)) AS VARCHAR) || '月' || CAST(day(CAST(d AS DATE)) AS VARCHAR) || '日'`
]
