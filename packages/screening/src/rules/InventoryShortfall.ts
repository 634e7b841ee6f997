/**
 * INVENTORY_SHORTFALL (进销存不符): more of an item settled with the fund than the institution
 * had in stock and bought.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { NonNegative, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Units by which the quantity settled may exceed the stock available before it is flagged. */
  T: withDefault(NonNegative, 0)
})

/**
 * The rule. Item level (key: institution, item), over the extract period (the manifest's, else the
 * span of the data). For an institution that reports inventory (any `inv_stock` or `inv_purchase`
 * row) and a drug or consumable it billed: the net quantity billed in the period on visits not
 * cancelled by reversals exceeds opening stock (the sum of `inv_cnt` on the latest `inv_stock` date
 * on or before the period start, else 0) + purchases − purchase returns stocked in the period, by
 * more than T units. amount = shortfall × the quantity-weighted average unit price billed.
 *
 * @category rules
 */
export const inventoryShortfall = defineRule({
  code: "INVENTORY_SHORTFALL",
  version: 1,
  level: "item",
  violation: "A38-4-SWAP",
  requiredTables: ["feedetail", "inv_purchase", "setlinfo"],
  optionalTables: ["inv_stock", "inv_purchase_return", "catalog"],
  parameters: Parameters,
  partitionInputs: ["institution"],
  title: { zh: "进销存不符（结算数量超过库存与采购）", en: "More settled than stocked and bought" },
  description: {
    zh:
      "在提取期内（以 manifest 为准，否则取数据的起止日期），上报进销存的机构（有盘存或采购记录）某药品或耗材的医保结算" +
      "数量（退费冲销后，不含结算已全部冲销的就诊），超过期初库存（期初当日或之前最近一次盘存的数量合计，没有则为 0）+ " +
      "期内采购 − 期内采购退货，且超出 T 个单位以上（默认 0），疑似串换或虚开。每机构每品种一条疑点，金额 = 短少数量 × " +
      "结算平均单价（按数量加权）。证据给出期初库存及日期、采购、退货、可售数量、结算数量和短少数量。",
    en:
      "Over the extract period (the manifest's, else the span of the data), at an institution that reports " +
      "inventory (any stock count or purchase) and for a drug or consumable, the quantity settled with the fund " +
      "(net of refunds, visits whose settlements were all reversed excluded) exceeds opening stock (the stock " +
      "count on the latest date on or before the period start, else 0) + purchases − purchase returns in the " +
      "period by more than T units (default 0) — a sign of swapped or invented items. One suspicion per " +
      "institution and item; amount = shortfall × the quantity-weighted average unit price settled. Evidence " +
      "gives opening stock and its date, purchases, returns, the quantity available, settled and short."
  },
  sql: ({ T }) => `
    WITH period AS (SELECT from_date, to_date FROM fg_period),
    reporting AS (
      SELECT DISTINCT fixmedins_code FROM inv_stock
      UNION SELECT DISTINCT fixmedins_code FROM inv_purchase
    ),
    settled AS (
      SELECT f.fixmedins_code, f.med_list_codg, any_value(f.item_name) AS item_name, sum(f.net_cnt) AS qty,
             sum(f.net_cnt * f.pric) / sum(f.net_cnt) AS avg_pric, count(*) AS lines
      FROM fg_fee f
      JOIN fg_visit v ON v.mdtrt_id = f.mdtrt_id
      CROSS JOIN period p
      WHERE NOT v.cancelled AND f.day BETWEEN p.from_date AND p.to_date
        AND (f.is_drug OR f.med_chrgitm_type = '08' OR coalesce(f.list_type = 'consumable', false))
        AND f.fixmedins_code IN (SELECT fixmedins_code FROM reporting)
      GROUP BY f.fixmedins_code, f.med_list_codg
    ),
    opening AS (
      SELECT s.fixmedins_code, s.med_list_codg, s.invdate, sum(s.inv_cnt) AS qty
      FROM inv_stock s CROSS JOIN period p
      WHERE s.invdate <= p.from_date
      GROUP BY s.fixmedins_code, s.med_list_codg, s.invdate
      QUALIFY row_number() OVER (PARTITION BY s.fixmedins_code, s.med_list_codg ORDER BY s.invdate DESC) = 1
    ),
    bought AS (
      SELECT b.fixmedins_code, b.med_list_codg, sum(b.purc_retn_cnt) AS qty, count(*) AS n
      FROM inv_purchase b CROSS JOIN period p
      WHERE CAST(b.purc_retn_stoin_time AS DATE) BETWEEN p.from_date AND p.to_date
      GROUP BY b.fixmedins_code, b.med_list_codg
    ),
    returned AS (
      SELECT r.fixmedins_code, r.med_list_codg, sum(abs(r.purc_retn_cnt)) AS qty
      FROM inv_purchase_return r CROSS JOIN period p
      WHERE CAST(r.purc_retn_stoin_time AS DATE) BETWEEN p.from_date AND p.to_date
      GROUP BY r.fixmedins_code, r.med_list_codg
    ),
    balance AS (
      SELECT s.*, o.invdate AS opening_date, coalesce(o.qty, 0) AS opening, coalesce(b.qty, 0) AS purchased,
             coalesce(r.qty, 0) AS purchase_returned,
             coalesce(o.qty, 0) + coalesce(b.qty, 0) - coalesce(r.qty, 0) AS available
      FROM settled s
      LEFT JOIN opening o ON o.fixmedins_code = s.fixmedins_code AND o.med_list_codg = s.med_list_codg
      LEFT JOIN bought b ON b.fixmedins_code = s.fixmedins_code AND b.med_list_codg = s.med_list_codg
      LEFT JOIN returned r ON r.fixmedins_code = s.fixmedins_code AND r.med_list_codg = s.med_list_codg
    )
    SELECT b.fixmedins_code, ${nullText} AS psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id,
           ${noLines} AS feedetl_sn, b.med_list_codg, ${nullText} AS date,
           (b.qty - b.available) * b.avg_pric AS amount,
           {
             'med_list_name': b.item_name,
             'period_from': CAST(p.from_date AS VARCHAR),
             'period_to': CAST(p.to_date AS VARCHAR),
             'opening_stock': round(b.opening, 4),
             'opening_stock_date': CAST(b.opening_date AS VARCHAR),
             'purchased': round(b.purchased, 4),
             'purchase_returned': round(b.purchase_returned, 4),
             'available': round(b.available, 4),
             'settled': round(b.qty, 4),
             'settled_lines': b.lines,
             'shortfall': round(b.qty - b.available, 4),
             'avg_pric': round(b.avg_pric, 4),
             'T': ${numberLiteral(T)}
           } AS evidence,
           b.item_name || '：' || fg_md(p.from_date) || '至' || fg_md(p.to_date) || '医保结算 ' || fg_qty(b.qty) ||
             '，超过期初库存 ' || fg_qty(b.opening) || ' + 采购 ' || fg_qty(b.purchased) || ' − 退货 ' ||
             fg_qty(b.purchase_returned) || ' = ' || fg_qty(b.available) || '，短少 ' || fg_qty(b.qty - b.available) AS message
    FROM balance b CROSS JOIN period p
    WHERE round(b.qty - b.available, 6) > ${numberLiteral(T)}
  `
})
