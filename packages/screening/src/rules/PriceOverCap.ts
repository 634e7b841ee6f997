/**
 * PRICE_OVER_CAP (超标准收费): a fee line whose unit price is above the catalogue ceiling for the
 * institution's level.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { NonNegative, withDefault } from "../internal/Params.js"
import { ceilingFor, itemName, price, priceTier, qty, round6, tierLabel } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"

const Parameters = Schema.Struct({
  /** Yuan per unit by which a price may exceed the ceiling before it is flagged. */
  tolerance: withDefault(NonNegative, 0.01)
})

/**
 * The rule. Line level: one suspicion per original fee line (key `mdtrt_id`, `[feedetl_sn]`).
 *
 * - Ceiling: `pric_uplmt_lv1` / `_lv2` / `_lv3` for hosp_lv 1 (三级) / 2 (二级) / 3 (一级);
 *   `pric_uplmt_other` for pharmacies (fixmedins_type 2) and unlevelled institutions. An item with
 *   no ceiling for that tier, or not in the catalogue, is not checked.
 * - Refunds net out first: refund lines (cnt < 0) are added to the line named by their
 *   `init_feedetl_sn` in the same visit; a fully refunded line is not flagged, a partly refunded
 *   one counts its net quantity. Refund lines without `init_feedetl_sn` cannot be matched to a
 *   line and are ignored.
 * - Flagged when `pric − ceiling > tolerance` (compared at 6 decimals, so 100.01 against 100.00 is
 *   exactly 0.01 and within the default tolerance). amount = (pric − ceiling) × net cnt.
 *
 * @category rules
 */
export const priceOverCap = defineRule({
  code: "PRICE_OVER_CAP",
  version: 1,
  level: "line",
  violation: "A38-3-OVER_STANDARD_CHARGE",
  requiredTables: ["feedetail", "fixmedins", "catalog"],
  parameters: Parameters,
  partitionInputs: ["person", "institution"],
  title: { zh: "超标准收费（单价超过限价）", en: "Unit price above the catalogue ceiling" },
  description: {
    zh:
      "费用明细的单价高于医保目录中该机构等级对应的最高限价（三级、二级、一级医院分别对应 pric_uplmt_lv1、" +
      "pric_uplmt_lv2、pric_uplmt_lv3，定点药店和未定级机构对应 pric_uplmt_other）。先按 init_feedetl_sn 冲销退费明细，全部退费的明细不计，" +
      "部分退费的按净数量计。超出容差（默认 0.01 元）才提示。金额 =（单价 − 限价）× 净数量。",
    en:
      "A fee line whose unit price is above the catalogue ceiling for the institution's level (pric_uplmt_lv1, " +
      "pric_uplmt_lv2, pric_uplmt_lv3 for hospital levels 1 (三级), 2 (二级), 3 (一级); pric_uplmt_other for pharmacies and unlevelled " +
      "institutions). Refund lines are netted against their original (init_feedetl_sn) first: a fully refunded " +
      "line is not flagged, a partly refunded one counts its net quantity. Flagged only above the tolerance " +
      "(default 0.01 yuan). Amount = (price − ceiling) × net quantity."
  },
  sql: ({ tolerance }) => `
    -- The ceiling of each (tier, item) and the tier of each institution are small tables: joining
    -- them is much cheaper than working the tier out again for each of millions of lines.
    WITH tiers AS (
      SELECT fixmedins_code, fixmedins_type, hosp_lv, fg_price_tier(fixmedins_type, hosp_lv) AS tier FROM fixmedins
    ),
    ceilings AS (
      SELECT c.med_list_codg, t.tier,
             fg_ceiling(t.tier, c.pric_uplmt_lv1, c.pric_uplmt_lv2, c.pric_uplmt_lv3, c.pric_uplmt_other) AS ceiling
      FROM catalog c CROSS JOIN (VALUES ('lv1'), ('lv2'), ('lv3'), ('other')) AS t(tier)
    ),
    -- A line whose price is not above the lowest ceiling of its item by more than the tolerance (most lines) cannot be
    -- above its own tier's, and is left out first by one join to the catalogue: joining each line to its
    -- institution's tier and then to the ceiling of that tier took twice as long.
    lowest AS (
      SELECT med_list_codg, min(ceiling) AS ceiling FROM ceilings GROUP BY med_list_codg HAVING min(ceiling) IS NOT NULL
    ),
    priced_above AS (
      SELECT f.* FROM fg_fee f JOIN lowest m ON m.med_list_codg = f.med_list_codg
      WHERE f.pric - m.ceiling > ${numberLiteral(tolerance)} - 0.000001
    ),
    capped AS (
      SELECT f.*, i.fixmedins_type, i.hosp_lv, i.tier, c.ceiling
      FROM priced_above f
      JOIN tiers i ON i.fixmedins_code = f.fixmedins_code
      JOIN ceilings c ON c.med_list_codg = f.med_list_codg AND c.tier = i.tier
      -- The plain difference first: rounding only the few lines that can be above the ceiling.
      WHERE c.ceiling IS NOT NULL AND f.pric - c.ceiling > ${numberLiteral(tolerance)} - 0.000001
        AND round(f.pric - c.ceiling, 6) > ${numberLiteral(tolerance)}
    )
    SELECT
      fixmedins_code,
      psn_no,
      mdtrt_id,
      CAST(NULL AS VARCHAR) AS setl_id,
      [feedetl_sn] AS feedetl_sn,
      med_list_codg,
      day AS date,
      (pric - ceiling) * net_cnt AS amount,
      {
        'med_list_name': item_name,
        'pric': round(pric, 4),
        'ceiling': round(ceiling, 4),
        'ceiling_column': 'pric_uplmt_' || tier,
        'hosp_lv': hosp_lv,
        'fixmedins_type': fixmedins_type,
        'cnt': round(net_cnt, 4),
        'original_cnt': round(cnt, 4),
        'refunded_cnt': round(refunded_cnt, 4),
        'excess_per_unit': round(pric - ceiling, 4)
      } AS evidence,
      item_name || '：单价 ' || fg_price(pric) || ' 元超过' || fg_tier_label(tier, fixmedins_type) ||
        '限价 ' || fg_price(ceiling) || ' 元，超出 ' || fg_price(pric - ceiling) || ' 元 × ' || fg_qty(net_cnt) ||
        CASE WHEN refunded_cnt > 0
             THEN '（原数量 ' || fg_qty(cnt) || '，已退 ' || fg_qty(refunded_cnt) || '）' ELSE '' END
        AS message
    FROM capped
  `,
  precheck:
    ({ tolerance }) =>
    ({ visit, institution, reference }) => {
      if (institution === null) return []
      const tier = priceTier(institution.fixmedins_type, institution.hosp_lv)
      return visit.lines.flatMap((l) => {
        const item = reference.catalog.get(l.med_list_codg)
        const ceiling = item === undefined ? null : ceilingFor(tier, item)
        if (ceiling === null || !(round6(l.pric - ceiling) > tolerance)) return []
        return [
          {
            mdtrt_id: visit.mdtrt_id,
            flagged: [l.feedetl_sn],
            involved: [],
            med_list_codg: l.med_list_codg,
            date: l.day,
            amount: (l.pric - ceiling) * l.net_cnt,
            message:
              `${itemName(l, reference)}：单价 ${price(l.pric)} 元超过${tierLabel(tier, institution.fixmedins_type)}` +
              `限价 ${price(ceiling)} 元，超出 ${price(l.pric - ceiling)} 元 × ${qty(l.net_cnt)}` +
              (l.refunded_cnt > 0 ? `（原数量 ${qty(l.cnt)}，已退 ${qty(l.refunded_cnt)}）` : "")
          }
        ]
      })
    }
})
