/**
 * GENDER_RESTRICTED (限性别项目): an item for one sex billed to a person of the other.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { itemName, yuan } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { nullText } from "./Sql.js"

/**
 * The rule. Line level, one suspicion per fee line (net of refunds) whose catalogue item has
 * `lmt_gend` 1 or 2 while the person's `gend` is the other of 1 and 2 (unknown sex, 0 or 9, is
 * never flagged). amount = the line's net amount.
 *
 * @category rules
 */
export const genderRestricted = defineRule({
  code: "GENDER_RESTRICTED",
  version: 1,
  level: "line",
  violation: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
  requiredTables: ["feedetail", "psn", "catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "限性别项目用于另一性别", en: "Sex-restricted item billed to the other sex" },
  description: {
    zh:
      "目录限定性别（lmt_gend 为 1 男或 2 女）的药品或项目，收费给另一性别的参保人（性别未知的不提示）。退费先冲销，" +
      "每条明细一条疑点，金额为该明细净金额。证据给出项目的限定性别和参保人性别。",
    en:
      "An item restricted to one sex (catalogue lmt_gend 1 male, 2 female) billed to a person of the other sex " +
      "(persons of unknown sex are not flagged). Refunds net out first; one suspicion per line, amount = the line's " +
      "net amount. Evidence gives the item's restriction and the person's sex."
  },
  sql: () => `
    SELECT f.fixmedins_code, f.psn_no, f.mdtrt_id, ${nullText} AS setl_id, [f.feedetl_sn] AS feedetl_sn,
           f.med_list_codg, f.day AS date, f.net_amt AS amount,
           {
             'med_list_name': f.item_name,
             'lmt_gend': f.lmt_gend,
             'gend': p.gend,
             'cnt': round(f.net_cnt, 4),
             'pric': round(f.pric, 4),
             'fee_ocur_time': fg_ts(f.fee_ocur_time)
           } AS evidence,
           f.item_name || '限' || CASE f.lmt_gend WHEN '1' THEN '男' ELSE '女' END || '性使用，参保人为' ||
             CASE p.gend WHEN '1' THEN '男' ELSE '女' END || '性，金额 ' || fg_yuan(f.net_amt) || ' 元' AS message
    FROM (
      -- The lines of gender-restricted items first, then their persons: left to itself, DuckDB pairs every person
      -- with every item restricted to the other gender (6 M pairs on a county-year) and probes all fee lines with
      -- them (1.5-2.0 s there; 0.6-0.7 s this way).
      SELECT f.*, c.lmt_gend FROM fg_fee f JOIN catalog c ON c.med_list_codg = f.med_list_codg
      WHERE c.lmt_gend IN ('1', '2')
    ) AS f
    JOIN psn p ON p.psn_no = f.psn_no
    WHERE p.gend IN ('1', '2') AND p.gend <> f.lmt_gend
  `,
  precheck:
    () =>
    ({ visit, person, reference }) => {
      const gend = person?.gend
      if (gend !== "1" && gend !== "2") return []
      return visit.lines.flatMap((l) => {
        const limit = reference.catalog.get(l.med_list_codg)?.lmt_gend
        if ((limit !== "1" && limit !== "2") || limit === gend) return []
        const sex = (g: string) => (g === "1" ? "男" : "女")
        return [
          {
            mdtrt_id: visit.mdtrt_id,
            flagged: [l.feedetl_sn],
            involved: [],
            med_list_codg: l.med_list_codg,
            date: l.day,
            amount: l.net_amt,
            message: `${itemName(l, reference)}限${sex(limit)}性使用，参保人为${sex(gend)}性，金额 ${yuan(l.net_amt)} 元`
          }
        ]
      })
    }
})
