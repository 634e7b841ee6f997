/**
 * UNBUNDLED_CHARGE (分解项目收费): every part of a bundle billed on one day of a visit, and the
 * bundle itself not billed (`catalog_pair` relation `part_of`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ceilingFor, groupLines, itemName, monthDay, price, priceTier, yuan } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { joinedDistinct, linesEvidence, nullText, snList } from "./Sql.js"

/**
 * The rule. Line level, one suspicion per visit, day and bundle A whose parts (every B with
 * `B part_of A`) are all billed (net of refunds) that day while A is not. The part lines are
 * flagged; `med_list_codg` is the bundle A. amount = net amount of the part lines − the ceiling
 * price of A for the institution's tier, not below 0 (the whole part amount when A has no ceiling
 * there). When two bundles have exactly the same parts, the one with the smaller code is reported
 * and the other named in the evidence.
 *
 * @category rules
 */
export const unbundledCharge = defineRule({
  code: "UNBUNDLED_CHARGE",
  version: 1,
  level: "line",
  violation: "A38-3-UNBUNDLED_CHARGE",
  requiredTables: ["feedetail", "fixmedins", "catalog_pair"],
  optionalTables: ["catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "分解项目收费", en: "Bundle billed as its parts" },
  description: {
    zh:
      "同一次就诊同一天内，某打包项目 A 的全部组成项目（catalog_pair 中 B part_of A）都被收取，而 A 本身未收取。" +
      "退费先冲销。标记各组成项目的明细，med_list_codg 为打包项目 A。金额 = 组成项目净金额合计 − 该机构等级下 A 的" +
      "限价（不低于 0；A 无限价时按组成项目合计）。证据列出组成项目明细、A 的限价和差额。",
    en:
      "In one visit on one day, every part B of a bundle A (catalog_pair B part_of A) is billed and A itself is " +
      "not. Refunds net out first. The part lines are flagged; med_list_codg is the bundle A. Amount = the parts' " +
      "net amount − A's ceiling price for the institution's tier (not below 0; the parts' total when A has no " +
      "ceiling there). Evidence lists the part lines, A's ceiling and the difference."
  },
  sql: () => `
    WITH parts AS (
      SELECT DISTINCT item_a, item_b FROM catalog_pair WHERE relation = 'part_of' AND item_a <> item_b
    ),
    bundles AS (SELECT item_a, count(*) AS n FROM parts GROUP BY item_a),
    part_lines AS (
      SELECT f.*, p.item_a FROM fg_fee f JOIN parts p ON p.item_b = f.med_list_codg
    ),
    complete AS (
      SELECT l.mdtrt_id, l.day, l.item_a
      FROM part_lines l JOIN bundles b ON b.item_a = l.item_a
      GROUP BY l.mdtrt_id, l.day, l.item_a
      HAVING count(DISTINCT l.med_list_codg) = any_value(b.n)
    ),
    bundle_billed AS (
      SELECT DISTINCT f.mdtrt_id, f.day, f.med_list_codg AS item_a
      FROM fg_fee f SEMI JOIN bundles b ON b.item_a = f.med_list_codg
    ),
    hits AS (
      SELECT c.* FROM complete c
      ANTI JOIN bundle_billed x ON x.mdtrt_id = c.mdtrt_id AND x.day = c.day AND x.item_a = c.item_a
    ),
    grouped AS (
      SELECT l.mdtrt_id, l.day, l.item_a, any_value(l.fixmedins_code) AS fixmedins_code,
             any_value(l.psn_no) AS psn_no, ${snList("l")} AS feedetl_sn, sum(l.net_amt) AS parts_amount,
             ${linesEvidence("l")} AS lines,
             ${joinedDistinct("l.item_name", "'、'")} AS part_names
      FROM hits h JOIN part_lines l ON l.mdtrt_id = h.mdtrt_id AND l.day = h.day AND l.item_a = h.item_a
      GROUP BY l.mdtrt_id, l.day, l.item_a
    ),
    priced AS (
      SELECT g.*, coalesce(c.name, g.item_a) AS bundle_name, fg_price_tier(i.fixmedins_type, i.hosp_lv) AS tier,
             fg_ceiling(fg_price_tier(i.fixmedins_type, i.hosp_lv), c.pric_uplmt_lv1, c.pric_uplmt_lv2,
                        c.pric_uplmt_lv3, c.pric_uplmt_other) AS bundle_ceiling,
             list(g.item_a) OVER (PARTITION BY g.mdtrt_id, g.feedetl_sn) AS same_parts,
             row_number() OVER (PARTITION BY g.mdtrt_id, g.feedetl_sn ORDER BY g.item_a) AS pick
      FROM grouped g
      LEFT JOIN fixmedins i ON i.fixmedins_code = g.fixmedins_code
      LEFT JOIN catalog c ON c.med_list_codg = g.item_a
    )
    SELECT fixmedins_code, psn_no, mdtrt_id, ${nullText} AS setl_id, feedetl_sn, item_a AS med_list_codg,
           day AS date, greatest(parts_amount - coalesce(bundle_ceiling, 0), 0) AS amount,
           {
             'bundle': item_a,
             'bundle_name': bundle_name,
             'bundle_ceiling': round(bundle_ceiling, 4),
             'ceiling_column': 'pric_uplmt_' || tier,
             'parts_amount': round(parts_amount, 2),
             'day': CAST(day AS VARCHAR),
             'lines': lines,
             'other_bundles_with_same_parts': list_sort(list_filter(same_parts, x -> x <> item_a))
           } AS evidence,
           fg_md(day) || '分项收取' || part_names || '共 ' || fg_yuan(parts_amount) || ' 元，构成打包项目' ||
             bundle_name || '的全部组成而未按打包项目收费' ||
             CASE WHEN bundle_ceiling IS NULL THEN '（打包项目无该级别限价）'
                  ELSE '（打包限价 ' || fg_price(bundle_ceiling) || ' 元）' END AS message
    FROM priced
    WHERE pick = 1
  `,
  precheck:
    () =>
    ({ visit, institution, reference }) => {
      if (reference.bundles.size === 0) return []
      const tier = priceTier(institution?.fixmedins_type ?? null, institution?.hosp_lv ?? null)
      const candidates = [...groupLines(visit.lines, (l) => l.day)].flatMap(([day, lines]) => {
        const codes = new Set(lines.map((l) => l.med_list_codg))
        return [...reference.bundles]
          .filter(([bundle, parts]) => !codes.has(bundle) && parts.every((p) => codes.has(p)))
          .map(([bundle, parts]) => {
            const partLines = lines.filter((l) => parts.includes(l.med_list_codg))
            const sns = partLines.map((l) => l.feedetl_sn).sort()
            return { bundle, day, partLines, key: sns.join("\u0000") }
          })
      })
      // Bundles made of exactly the same lines: the first by code speaks for them (as at night).
      const picked = candidates
        .sort((a, b) => (a.bundle < b.bundle ? -1 : a.bundle > b.bundle ? 1 : 0))
        .filter((c, i, all) => all.findIndex((o) => o.key === c.key) === i)
      return picked.map(({ bundle, day, partLines }) => {
        const item = reference.catalog.get(bundle)
        const ceiling = item === undefined ? null : ceilingFor(tier, item)
        const partsAmount = partLines.reduce((n, l) => n + l.net_amt, 0)
        const names = [...new Set(partLines.map((l) => itemName(l, reference)))].sort().join("、")
        return {
          mdtrt_id: visit.mdtrt_id,
          flagged: partLines.map((l) => l.feedetl_sn),
          involved: [],
          med_list_codg: bundle,
          date: day,
          amount: Math.max(partsAmount - (ceiling ?? 0), 0),
          message:
            `${monthDay(day)}分项收取${names}共 ${yuan(partsAmount)} 元，构成打包项目${item?.name ?? bundle}的全部组成而未按打包项目收费` +
            (ceiling === null ? "（打包项目无该级别限价）" : `（打包限价 ${price(ceiling)} 元）`)
        }
      })
    }
})
