/**
 * BILLING_AFTER_DEATH (死亡后就诊): a visit that begins after the person's recorded death.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { daysBetween } from "../precheck/Claim.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

/**
 * The rule. Visit level: a visit whose admission or visit day is after the person's `die_date`
 * (the earliest when `deaths` has several; a visit on the day of death is not flagged). Visits
 * whose settlements were all reversed are ignored. amount = the visit's fund payment net of
 * reversals.
 *
 * @category rules
 */
export const billingAfterDeath = defineRule({
  code: "BILLING_AFTER_DEATH",
  version: 1,
  level: "visit",
  violation: "A40-3-FICTITIOUS_SERVICE",
  requiredTables: ["mdtrt", "deaths", "setlinfo", "fixmedins"],
  parameters: Schema.Struct({}),
  partitionInputs: ["person", "institution"],
  title: { zh: "死亡后仍发生就诊", en: "Visit after the person's death" },
  description: {
    zh:
      "就诊（或入院）日期晚于民政、公安死亡登记中参保人的死亡日期（有多条时取最早一条；死亡当天的就诊不提示），疑似" +
      "虚构医药服务或冒用死者医保凭证。结算已全部冲销的就诊不计。金额为该次就诊的基金支付（冲销后净额）。证据给出死亡" +
      "日期、就诊时间和相隔天数。",
    en:
      "A visit or admission dated after the person's death date in the civil-affairs or police records (the " +
      "earliest when there are several; a visit on the day of death is not flagged) — fictitious care or a dead " +
      "person's credential used. Visits whose settlements were all reversed are ignored. Amount = the visit's fund " +
      "payment net of reversals. Evidence gives the death date, the visit time and the days between."
  },
  sql: () => `
    WITH died AS (SELECT psn_no, min(die_date) AS die_date FROM deaths GROUP BY psn_no)
    SELECT v.fixmedins_code, v.psn_no, v.mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg, v.begin_day AS date, v.fund_pay AS amount,
           {
             'die_date': CAST(d.die_date AS VARCHAR),
             'begntime': fg_ts(v.begntime),
             'days_after_death': v.begin_day - d.die_date,
             'med_type': v.med_type
           } AS evidence,
           '参保人已于' || CAST(d.die_date AS VARCHAR) || '死亡，' || (v.begin_day - d.die_date) ||
             ' 天后仍在' || coalesce(v.fixmedins_name, v.fixmedins_code) || '发生就诊' AS message
    FROM fg_visit v JOIN died d ON d.psn_no = v.psn_no
    WHERE NOT v.cancelled AND v.begin_day > d.die_date
  `,
  precheck:
    () =>
    ({ visit, institution, reference }) => {
      const died = reference.deaths.get(visit.psn_no)
      const day = visit.begntime.slice(0, 10)
      if (died === undefined || visit.cancelled || !(day > died)) return []
      return [
        {
          mdtrt_id: visit.mdtrt_id,
          flagged: [],
          involved: [],
          med_list_codg: null,
          date: day,
          // Before settlement the fund's share is not known: the claim's total (precheck.md).
          amount: visit.lines.reduce((n, l) => n + l.net_amt, 0),
          message: `参保人已于${died}死亡，${daysBetween(died, day)} 天后仍在${institution?.fixmedins_name ?? visit.fixmedins_code}发生就诊`
        }
      ]
    }
})
