/**
 * DUPLICATE_CHARGE (重复收费): in one visit on one day, an item is billed together with an item
 * whose price already includes it (`catalog_pair` relation `includes`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { groupLines, itemName, monthDay, qty, yuan } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { joinedDistinct, linesEvidence, nullText, snList, sortedDistinct } from "./Sql.js"

/**
 * The rule. Line level, one suspicion per visit, day and included item B: its lines that day are
 * flagged (after refunds net out) when some item A that `includes` B is also billed (net) in the
 * same visit on the same day. amount = the net amount of the flagged B lines; the evidence names
 * the including items and their lines.
 *
 * @category rules
 */
export const duplicateCharge = defineRule({
  code: "DUPLICATE_CHARGE",
  version: 1,
  level: "line",
  violation: "A38-3-DUPLICATE_CHARGE",
  requiredTables: ["feedetail", "catalog_pair"],
  optionalTables: ["catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "重复收费（已含项目另行收费）", en: "Item billed with an item that already includes it" },
  description: {
    zh:
      "同一次就诊同一天内，既收取了项目 A，又收取了 A 的价格已包含的项目 B（两库知识 catalog_pair 中 relation 为 " +
      "includes）。退费先冲销，全部退费的明细不算收取。每个就诊、日期和被包含项目 B 生成一条疑点，标记当天 B 的全部明细；" +
      "金额为这些 B 明细的净金额。证据列出 B 的明细以及同日收取的包含项目 A 及其明细。",
    en:
      "In one visit on one day, item A and item B are both billed although A's price already includes B " +
      "(catalog_pair relation includes). Refunds net out first; a fully refunded line is not billed. One suspicion " +
      "per visit, day and included item B, flagging that day's B lines; amount = their net amount. Evidence lists " +
      "the B lines and the including items A billed that day with their lines."
  },
  sql: () => `
    WITH pairs AS (
      SELECT DISTINCT item_a, item_b FROM catalog_pair WHERE relation = 'includes' AND item_a <> item_b
    ),
    b_lines AS (
      SELECT f.* FROM fg_fee f SEMI JOIN pairs p ON p.item_b = f.med_list_codg
    ),
    -- An including line matters only on a day of its visit that bills an included item: the others (most lines of
    -- an item that includes another, such as a day's bed) are dropped before they are paired. The days are matched
    -- by their hash (a hash shared by two days only lets a few more lines through; \`hits\` and \`including\` match
    -- the days themselves), and before the lines are paired, in a CTE of its own: joined to the pairs first, the
    -- lines looked fewer to DuckDB than the days, and it built its hash table on 6.3 M paired lines of an
    -- independently made county-year (the rule 1.9 -> 1.4 s).
    b_days AS (SELECT DISTINCT hash(mdtrt_id, day) AS h FROM b_lines),
    a_day_lines AS MATERIALIZED (
      SELECT f.* FROM fg_fee f SEMI JOIN b_days d ON d.h = hash(f.mdtrt_id, f.day)
      WHERE list_contains((SELECT list(DISTINCT item_a) FROM pairs), f.med_list_codg)
    ),
    a_lines AS (
      SELECT f.*, p.item_b FROM a_day_lines f JOIN pairs p ON p.item_a = f.med_list_codg
    ),
    hits AS (
      SELECT b.mdtrt_id, b.day, b.med_list_codg
      FROM b_lines b
      SEMI JOIN a_lines a ON a.mdtrt_id = b.mdtrt_id AND a.day = b.day AND a.item_b = b.med_list_codg
      GROUP BY b.mdtrt_id, b.day, b.med_list_codg
    ),
    including AS (
      SELECT h.mdtrt_id, h.day, h.med_list_codg,
             ${sortedDistinct("a.med_list_codg")} AS codes,
             ${joinedDistinct("a.item_name", "'、'")} AS names,
             ${linesEvidence("a")} AS lines
      FROM hits h JOIN a_lines a ON a.mdtrt_id = h.mdtrt_id AND a.day = h.day AND a.item_b = h.med_list_codg
      GROUP BY h.mdtrt_id, h.day, h.med_list_codg
    )
    SELECT any_value(b.fixmedins_code) AS fixmedins_code, any_value(b.psn_no) AS psn_no, b.mdtrt_id,
           ${nullText} AS setl_id, ${snList("b")} AS feedetl_sn, b.med_list_codg, b.day AS date,
           sum(b.net_amt) AS amount,
           {
             'med_list_name': any_value(b.item_name),
             'day': CAST(b.day AS VARCHAR),
             'cnt': round(sum(b.net_cnt), 4),
             'lines': ${linesEvidence("b")},
             'including_items': any_value(i.codes),
             'including_names': any_value(i.names),
             'including_lines': any_value(i.lines)
           } AS evidence,
           fg_md(b.day) || '同次就诊已收取' || any_value(i.names) || '（价格已含' || any_value(b.item_name) ||
             '），又收取' || any_value(b.item_name) || ' ' || fg_qty(sum(b.net_cnt)) || ' 次，金额 ' ||
             fg_yuan(sum(b.net_amt)) || ' 元' AS message
    FROM b_lines b
    JOIN including i ON i.mdtrt_id = b.mdtrt_id AND i.day = b.day AND i.med_list_codg = b.med_list_codg
    GROUP BY b.mdtrt_id, b.day, b.med_list_codg
  `,
  precheck:
    () =>
    ({ visit, reference }) => {
      if (reference.includes.size === 0) return []
      const byDay = groupLines(visit.lines, (l) => l.day)
      return [...byDay].flatMap(([day, lines]) => {
        const billed = groupLines(lines, (l) => l.med_list_codg)
        return [...billed].flatMap(([code, bLines]) => {
          const including = lines.filter(
            (a) => a.med_list_codg !== code && (reference.includes.get(a.med_list_codg) ?? []).includes(code)
          )
          if (including.length === 0) return []
          const name = itemName(bLines[0]!, reference)
          const names = [...new Set(including.map((a) => itemName(a, reference)))].sort().join("、")
          const units = bLines.reduce((n, l) => n + l.net_cnt, 0)
          const amount = bLines.reduce((n, l) => n + l.net_amt, 0)
          return [
            {
              mdtrt_id: visit.mdtrt_id,
              flagged: bLines.map((l) => l.feedetl_sn),
              involved: including.map((line) => ({ mdtrt_id: visit.mdtrt_id, line })),
              med_list_codg: code,
              date: day,
              amount,
              message: `${monthDay(day)}同次就诊已收取${names}（价格已含${name}），又收取${name} ${qty(units)} 次，金额 ${yuan(amount)} 元`
            }
          ]
        })
      })
    }
})
