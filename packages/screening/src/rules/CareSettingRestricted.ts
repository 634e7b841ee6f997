/**
 * CARE_SETTING_RESTRICTED (限就医方式): an item billed in a care setting its catalogue entry
 * does not allow.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { itemName, medTypeText, yuan } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { medTypeLabel, nullText } from "./Sql.js"

/**
 * The rule. Line level, one suspicion per fee line (net of refunds) whose catalogue item has a
 * non-empty `lmt_med_type` (codes separated by `;`) that does not contain the visit's `med_type`.
 * amount = the line's net amount.
 *
 * @category rules
 */
export const careSettingRestricted = defineRule({
  code: "CARE_SETTING_RESTRICTED",
  version: 1,
  level: "line",
  violation: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
  requiredTables: ["feedetail", "mdtrt", "catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "限就医方式项目用于其他医疗类别", en: "Item billed in a care setting it is not allowed in" },
  description: {
    zh:
      "目录限定医疗类别（lmt_med_type，以分号分隔）的药品或项目，在不属于这些类别的就诊中收费（例如限住院使用的项目" +
      "在门诊收费）。退费先冲销，每条明细一条疑点，金额为该明细净金额。证据给出允许的医疗类别和本次就诊的医疗类别。",
    en:
      "An item whose catalogue entry allows only some care settings (lmt_med_type, codes separated by ';') billed " +
      "in a visit of another med_type (e.g. an inpatient-only item billed to an outpatient). Refunds net out " +
      "first; one suspicion per line, amount = the line's net amount. Evidence gives the allowed codes and the " +
      "visit's med_type."
  },
  sql: () => `
    WITH restricted AS (
      SELECT med_list_codg,
             list_filter(list_transform(string_split(lmt_med_type, ';'), x -> trim(x)), x -> x <> '') AS allowed
      FROM catalog WHERE trim(coalesce(lmt_med_type, '')) <> ''
    )
    SELECT f.fixmedins_code, f.psn_no, f.mdtrt_id, ${nullText} AS setl_id, [f.feedetl_sn] AS feedetl_sn,
           f.med_list_codg, f.day AS date, f.net_amt AS amount,
           {
             'med_list_name': f.item_name,
             'med_type': m.med_type,
             'lmt_med_type': r.allowed,
             'cnt': round(f.net_cnt, 4),
             'pric': round(f.pric, 4),
             'fee_ocur_time': fg_ts(f.fee_ocur_time)
           } AS evidence,
           f.item_name || '限' || list_aggregate(list_transform(r.allowed, x -> ${medTypeLabel("x")}), 'string_agg', '、') ||
             '使用，本次就诊为' || ${medTypeLabel("m.med_type")} || '，金额 ' || fg_yuan(f.net_amt) || ' 元' AS message
    FROM fg_fee f
    JOIN restricted r ON r.med_list_codg = f.med_list_codg
    JOIN mdtrt m ON m.mdtrt_id = f.mdtrt_id
    WHERE NOT list_contains(r.allowed, m.med_type)
  `,
  precheck:
    () =>
    ({ visit, reference }) =>
      visit.lines.flatMap((l) => {
        const allowed = (reference.catalog.get(l.med_list_codg)?.lmt_med_type ?? "")
          .split(";")
          .map((x) => x.trim())
          .filter((x) => x !== "")
        if (allowed.length === 0 || allowed.includes(visit.med_type)) return []
        return [
          {
            mdtrt_id: visit.mdtrt_id,
            flagged: [l.feedetl_sn],
            involved: [],
            med_list_codg: l.med_list_codg,
            date: l.day,
            amount: l.net_amt,
            message: `${itemName(l, reference)}限${allowed.map(medTypeText).join("、")}使用，本次就诊为${medTypeText(visit.med_type)}，金额 ${yuan(l.net_amt)} 元`
          }
        ]
      })
})
