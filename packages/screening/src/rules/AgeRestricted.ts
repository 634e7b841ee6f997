/**
 * AGE_RESTRICTED (限年龄项目): an item billed to a person outside its allowed age range.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ageOn, itemName, qty, yuan } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { nullText } from "./Sql.js"

/**
 * The rule. Line level, one suspicion per fee line (net of refunds) whose catalogue item has
 * `lmt_age_min` and/or `lmt_age_max` and the person's age — whole years from `brdy` to the day of
 * the charge — is below the minimum or above the maximum (both inclusive bounds). amount = the
 * line's net amount.
 *
 * @category rules
 */
export const ageRestricted = defineRule({
  code: "AGE_RESTRICTED",
  version: 1,
  level: "line",
  violation: "A38-6-OUT_OF_SCOPE_SETTLEMENT",
  requiredTables: ["feedetail", "psn", "catalog"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "限年龄项目超出年龄范围", en: "Age-restricted item outside its age range" },
  description: {
    zh:
      "目录限定年龄（lmt_age_min 至 lmt_age_max，含两端，单位为周岁）的药品或项目，收费时参保人年龄（出生日期到收费" +
      "当天的周岁数）不在范围内。退费先冲销，每条明细一条疑点，金额为该明细净金额。证据给出出生日期、收费日、年龄和范围。",
    en:
      "An item restricted to an age range (catalogue lmt_age_min … lmt_age_max, whole years, inclusive) billed to " +
      "a person whose age — whole years from brdy to the charge day — is outside it. Refunds net out first; one " +
      "suspicion per line, amount = the line's net amount. Evidence gives the birth date, the charge day, the age " +
      "and the range."
  },
  sql: () => `
    WITH aged AS (
      SELECT f.*, p.brdy, c.lmt_age_min, c.lmt_age_max, fg_age(p.brdy, f.day) AS age
      FROM fg_fee f
      JOIN catalog c ON c.med_list_codg = f.med_list_codg
      JOIN psn p ON p.psn_no = f.psn_no
      WHERE c.lmt_age_min IS NOT NULL OR c.lmt_age_max IS NOT NULL
    )
    SELECT fixmedins_code, psn_no, mdtrt_id, ${nullText} AS setl_id, [feedetl_sn] AS feedetl_sn,
           med_list_codg, day AS date, net_amt AS amount,
           {
             'med_list_name': item_name,
             'age': age,
             'brdy': CAST(brdy AS VARCHAR),
             'day': CAST(day AS VARCHAR),
             'lmt_age_min': lmt_age_min,
             'lmt_age_max': lmt_age_max,
             'cnt': round(net_cnt, 4),
             'pric': round(pric, 4)
           } AS evidence,
           item_name || '限' ||
             CASE WHEN lmt_age_min IS NOT NULL AND lmt_age_max IS NOT NULL
                    THEN fg_qty(lmt_age_min) || '至' || fg_qty(lmt_age_max) || '周岁'
                  WHEN lmt_age_min IS NOT NULL THEN fg_qty(lmt_age_min) || '周岁及以上'
                  ELSE fg_qty(lmt_age_max) || '周岁及以下' END ||
             '使用，参保人收费当日 ' || age || ' 周岁，金额 ' || fg_yuan(net_amt) || ' 元' AS message
    FROM aged
    WHERE age < lmt_age_min OR age > lmt_age_max
  `,
  precheck:
    () =>
    ({ visit, person, reference }) => {
      if (person === null) return []
      return visit.lines.flatMap((l) => {
        const item = reference.catalog.get(l.med_list_codg)
        const min = item?.lmt_age_min ?? null
        const max = item?.lmt_age_max ?? null
        if (min === null && max === null) return []
        const age = ageOn(person.brdy, l.day)
        if (!((min !== null && age < min) || (max !== null && age > max))) return []
        const range =
          min !== null && max !== null
            ? `${qty(min)}至${qty(max)}周岁`
            : min !== null
              ? `${qty(min)}周岁及以上`
              : `${qty(max!)}周岁及以下`
        return [
          {
            mdtrt_id: visit.mdtrt_id,
            flagged: [l.feedetl_sn],
            involved: [],
            med_list_codg: l.med_list_codg,
            date: l.day,
            amount: l.net_amt,
            message: `${itemName(l, reference)}限${range}使用，参保人收费当日 ${age} 周岁，金额 ${yuan(l.net_amt)} 元`
          }
        ]
      })
    }
})
