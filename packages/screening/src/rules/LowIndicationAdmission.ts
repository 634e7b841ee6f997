/**
 * LOW_INDICATION_ADMISSION (低标准入院): a short stay that is mostly examinations and laboratory
 * tests, with no treatment or surgery.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { NonNegativeInt, Share, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Longest stay, in days (discharge day − admission day), that is checked. */
  D: withDefault(NonNegativeInt, 3),
  /** Smallest share of examination + laboratory fees in the stay's total that makes a lead. */
  S: withDefault(Share, 0.7)
})

/**
 * The rule. Visit level: a discharged inpatient stay of at most D days (discharge day − admission
 * day) whose examination and laboratory fees (charge types 03, 04) are at least S of its total,
 * with no treatment (05) or surgery (06) line — all net of refunds (a fully refunded treatment
 * line does not count). Stays whose settlements were all reversed are ignored. amount = the
 * stay's fund payment net of reversals.
 *
 * @category rules
 */
export const lowIndicationAdmission = defineRule({
  code: "LOW_INDICATION_ADMISSION",
  version: 1,
  level: "visit",
  violation: "A38-2-LOW_INDICATION_ADMISSION",
  requiredTables: ["mdtrt", "feedetail", "setlinfo", "fixmedins"],
  parameters: Parameters,
  partitionInputs: ["person", "institution"],
  title: {
    zh: "低标准入院（短期住院以检查检验为主）",
    en: "Short stay that is mostly tests (low-indication admission)"
  },
  description: {
    zh:
      "已出院的住院，住院天数（出院日期 − 入院日期）不超过 D 天（默认 3 天），检查费和化验费（收费类别 03、04）占总费用" +
      "不低于 S（默认 0.7），且没有治疗费（05）或手术费（06）明细，疑似以住院名义做检查（低标准入院）。均按退费冲销后的" +
      "净额计，全部退费的治疗明细不算；结算已全部冲销的住院不计。金额为该次住院的基金支付（冲销后净额）。证据给出天数、" +
      "检查检验金额、总金额和占比。",
    en:
      "A discharged inpatient stay of at most D days (default 3; discharge day − admission day) whose examination " +
      "and laboratory fees (charge types 03, 04) are at least S (default 0.7) of its total, with no treatment (05) " +
      "or surgery (06) line — admitted for tests. All net of refunds (a fully refunded treatment line does not " +
      "count); stays whose settlements were all reversed are ignored. Amount = the stay's fund payment net of " +
      "reversals. Evidence gives the length, the test amount, the total and the share."
  },
  sql: ({ D, S }) => `
    WITH stays AS (
      SELECT *, end_day - begin_day AS los FROM fg_visit
      WHERE inpatient AND NOT cancelled AND end_day IS NOT NULL AND end_day - begin_day <= ${numberLiteral(D)}
    ),
    fees AS (
      SELECT f.mdtrt_id, sum(f.net_amt) AS total,
             coalesce(sum(f.net_amt) FILTER (WHERE f.med_chrgitm_type IN ('03', '04')), 0) AS tests,
             coalesce(sum(f.net_amt) FILTER (WHERE f.med_chrgitm_type = '03'), 0) AS exams,
             coalesce(sum(f.net_amt) FILTER (WHERE f.med_chrgitm_type = '04'), 0) AS labs,
             count(*) FILTER (WHERE f.med_chrgitm_type IN ('05', '06')) AS treatments
      FROM fg_fee f SEMI JOIN stays s ON s.mdtrt_id = f.mdtrt_id
      GROUP BY f.mdtrt_id
    )
    SELECT s.fixmedins_code, s.psn_no, s.mdtrt_id, ${nullText} AS setl_id, ${noLines} AS feedetl_sn,
           ${nullText} AS med_list_codg, s.begin_day AS date, s.fund_pay AS amount,
           {
             'begntime': fg_ts(s.begntime),
             'endtime': fg_ts(s.endtime),
             'los_days': s.los,
             'exam_amount': round(f.exams, 2),
             'lab_amount': round(f.labs, 2),
             'test_amount': round(f.tests, 2),
             'total_amount': round(f.total, 2),
             'test_share': round(f.tests / f.total, 4),
             'dise_codg': s.dise_codg,
             'dise_name': s.dise_name,
             'D': ${numberLiteral(D)},
             'S': ${numberLiteral(S)}
           } AS evidence,
           '住院 ' || s.los || ' 天，检查化验费 ' || fg_yuan(f.tests) || ' 元占总费用 ' || fg_yuan(f.total) || ' 元的 ' ||
             CAST(round(100 * f.tests / f.total) AS INTEGER) || '%，无治疗或手术项目' AS message
    FROM stays s JOIN fees f ON f.mdtrt_id = s.mdtrt_id
    WHERE f.total > 0 AND f.treatments = 0 AND round(f.tests / f.total, 9) >= ${numberLiteral(S)}
  `
})
