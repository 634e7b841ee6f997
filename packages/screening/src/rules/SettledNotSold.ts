/**
 * SETTLED_NOT_SOLD (结算无对应销售): a pharmacy settlement with a drug that the pharmacy's own
 * sales records (进销存 3505) do not show as sold on that settlement.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { defineRule } from "../Rule.js"
import { joinedDistinct, linesEvidence, snList, sortedDistinct, sortedList } from "./Sql.js"

/**
 * The rule. Settlement level: an effective (not reversed) pharmacy settlement (`med_type` 41 or
 * at an institution of `fixmedins_type` 2) whose visit has a drug line (net of refunds) with no
 * `inv_sale` row for that `setl_id` and `med_list_codg`. One suspicion per settlement, flagging the
 * unmatched lines; amount = their net amount.
 *
 * @category rules
 */
export const settledNotSold = defineRule({
  code: "SETTLED_NOT_SOLD",
  version: 1,
  level: "settlement",
  violation: "A38-4-SWAP",
  requiredTables: ["setlinfo", "feedetail", "inv_sale", "fixmedins"],
  optionalTables: ["catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["institution"],
  title: { zh: "医保结算的药品无对应销售记录", en: "Settled drug missing from the pharmacy's sales records" },
  description: {
    zh:
      "定点药店的医保结算（医疗类别 41 或定点零售药店的结算，未冲销）中有药品明细（退费冲销后），但进销存销售记录" +
      "（3505）中没有该结算 ID 和该药品的销售，疑似串换（以医保结算换取其他商品）或虚构销售。每笔结算一条疑点，标记无对应" +
      "销售的明细，金额为这些明细的净金额。证据列出缺少销售的药品和该结算已上报的销售。",
    en:
      "An effective pharmacy settlement (med_type 41 or at a retail pharmacy) with a drug line (net of refunds) " +
      "for which the pharmacy's sales records (3505 inv_sale) have no row with that setl_id and item — swapped " +
      "goods or an invented sale. One suspicion per settlement flagging the unmatched lines; amount = their net " +
      "amount. Evidence lists the drugs without a sale and the sales reported for the settlement."
  },
  sql: () => `
    WITH ps AS (SELECT * FROM fg_setl WHERE effective AND pharmacy),
    sold AS (
      SELECT setl_id, med_list_codg, sum(sel_retn_cnt) AS cnt FROM inv_sale WHERE setl_id IS NOT NULL
      GROUP BY setl_id, med_list_codg
    ),
    missing AS (
      SELECT s.setl_id, s.setl_time, s.fixmedins_code AS setl_code, s.psn_no AS setl_psn, s.mdtrt_id AS setl_mdtrt, f.*
      FROM ps s JOIN fg_fee f ON f.mdtrt_id = s.mdtrt_id
      ANTI JOIN sold x ON x.setl_id = s.setl_id AND x.med_list_codg = f.med_list_codg
      WHERE f.is_drug
    ),
    reported AS (
      SELECT x.setl_id, ${sortedList("{'med_list_codg': x.med_list_codg, 'cnt': round(x.cnt, 4)}", ["x.med_list_codg"])} AS sales
      FROM sold x SEMI JOIN missing m ON m.setl_id = x.setl_id
      GROUP BY x.setl_id
    )
    SELECT any_value(m.setl_code) AS fixmedins_code, any_value(m.setl_psn) AS psn_no,
           any_value(m.setl_mdtrt) AS mdtrt_id, m.setl_id, ${snList("m")} AS feedetl_sn,
           CASE WHEN count(DISTINCT m.med_list_codg) = 1 THEN any_value(m.med_list_codg) END AS med_list_codg,
           CAST(any_value(m.setl_time) AS DATE) AS date, sum(m.net_amt) AS amount,
           {
             'setl_time': fg_ts(any_value(m.setl_time)),
             'missing_items': ${sortedDistinct("m.med_list_codg")},
             'lines': ${linesEvidence("m")},
             'reported_sales': any_value(r.sales)
           } AS evidence,
           '结算中' || ${joinedDistinct("m.item_name", "'、'")} || '在进销存销售记录中无对应销售（结算 ' ||
             m.setl_id || '，金额 ' || fg_yuan(sum(m.net_amt)) || ' 元）' AS message
    FROM missing m LEFT JOIN reported r ON r.setl_id = m.setl_id
    GROUP BY m.setl_id
  `
})
