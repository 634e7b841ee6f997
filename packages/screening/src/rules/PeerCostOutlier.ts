/**
 * PEER_COST_OUTLIER (次均费用异常): an institution whose mean fund payment per visit stands far
 * above its peers'.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { Finite, PositiveInt, withDefault } from "../internal/Params.js"
import { defineRule, stageFactsRelation, verdictOverFacts } from "../Rule.js"
import { noLines, nullText } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Smallest robust z-score that makes a lead. */
  Z: withDefault(Finite, 3.5),
  /** Fewest visits of the group an institution needs to be judged. */
  V: withDefault(PositiveInt, 30)
})

/** Peers needed for a median and MAD worth comparing with. */
const minPeers = 5

/**
 * Each institution's visits per group (inpatient, outpatient): count, mean and total fund payment, with the peer
 * group it is compared in (`peer_group`: kind of institution, level and group). All of one institution's visits are
 * in its institution partition, so a province run works these out there (`RuleSpec.staged`) and compares them in
 * one verdict per part of the peer groups.
 */
const institutionFacts = `
    WITH visits AS (
      SELECT fixmedins_code, org_kind, CASE WHEN hosp_lv IN ('1', '2', '3') THEN hosp_lv ELSE '9' END AS lv,
             CASE WHEN inpatient THEN 'inpatient' ELSE 'outpatient' END AS grp, fund_pay
      FROM fg_visit
      WHERE NOT cancelled AND effective_settlements > 0 AND (inpatient OR (outpatient AND NOT pharmacy))
    ),
    inst AS (
      SELECT fixmedins_code, any_value(org_kind) AS org_kind, any_value(lv) AS lv, grp, count(*) AS n,
             avg(fund_pay) AS mean, sum(fund_pay) AS total
      FROM visits GROUP BY fixmedins_code, grp
    )
    SELECT *, org_kind || '/' || lv || '/' || grp AS peer_group FROM inst
`

/** The institutions far above their peers, from the facts (`fg_stage_facts`) of whole peer groups. */
const verdict = ({ V, Z }: { readonly V: number; readonly Z: number }) => `
    WITH inst AS (SELECT * EXCLUDE (peer_group) FROM ${stageFactsRelation}),
    peers AS (
      SELECT a.fixmedins_code, a.grp, b.fixmedins_code AS peer, b.mean AS peer_mean
      FROM inst a JOIN inst b ON b.org_kind = a.org_kind AND b.lv = a.lv AND b.grp = a.grp
                             AND b.fixmedins_code <> a.fixmedins_code
      WHERE a.n >= ${numberLiteral(V)}
    ),
    med AS (
      SELECT fixmedins_code, grp, median(peer_mean) AS median, count(*) AS peers
      FROM peers GROUP BY fixmedins_code, grp HAVING count(*) >= ${minPeers}
    ),
    spread AS (
      SELECT p.fixmedins_code, p.grp, median(abs(p.peer_mean - m.median)) AS mad,
             avg(abs(p.peer_mean - m.median)) AS meanad
      FROM peers p JOIN med m ON m.fixmedins_code = p.fixmedins_code AND m.grp = p.grp
      GROUP BY p.fixmedins_code, p.grp
    ),
    scored AS (
      SELECT i.*, m.median, m.peers, s.mad, s.meanad,
             CASE WHEN s.mad > 0 THEN 0.6745 * (i.mean - m.median) / s.mad
                  WHEN s.meanad > 0 THEN (i.mean - m.median) / (1.2533 * s.meanad) END AS z
      FROM inst i
      JOIN med m ON m.fixmedins_code = i.fixmedins_code AND m.grp = i.grp
      JOIN spread s ON s.fixmedins_code = i.fixmedins_code AND s.grp = i.grp
    )
    SELECT fixmedins_code, ${nullText} AS psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id,
           ${noLines} AS feedetl_sn, ${nullText} AS med_list_codg, ${nullText} AS date,
           (mean - median) * n AS amount,
           {
             'group': grp,
             'visits': n,
             'mean': round(mean, 2),
             'peer_median': round(median, 2),
             'mad': round(mad, 2),
             'z_score': round(z, 2),
             'peers': peers,
             'org_kind': org_kind,
             'hosp_lv': lv,
             'fund_pay_total': round(total, 2),
             'Z': ${numberLiteral(Z)},
             'V': ${numberLiteral(V)}
           } AS evidence,
           CASE grp WHEN 'inpatient' THEN '住院' ELSE '门诊' END || '次均基金支付 ' || fg_yuan(mean) || ' 元（' || n ||
             ' 次），同类机构（' || peers || ' 家）中位数 ' || fg_yuan(median) || ' 元，稳健 Z 值 ' ||
             printf('%.1f', z) AS message
    FROM scored
    WHERE z IS NOT NULL AND round(z, 9) >= ${numberLiteral(Z)}
  `

/**
 * The rule. Institution level (key: institution and `evidence.group`). Per group — `outpatient`
 * (`med_type` 11–19, pharmacies excluded) and `inpatient` (21–29) — an institution's mean fund
 * payment per settled visit (net of reversals; visits without an effective settlement left out)
 * is compared with its peers: the other institutions of the same `org_kind` and hospital level
 * (unlevelled = 9) with visits in the group, at least 5 of them. The robust z-score is
 * 0.6745 × (mean − peer median) / MAD (Iglewicz–Hoaglin modified z; when the MAD is 0, (mean −
 * median) / (1.2533 × mean absolute deviation)). Flagged when z ≥ Z and the institution has at
 * least V visits. amount = (mean − peer median) × visits, the payment above the peer level.
 *
 * @category rules
 */
export const peerCostOutlier = defineRule({
  code: "PEER_COST_OUTLIER",
  version: 1,
  level: "institution",
  violation: null,
  requiredTables: ["mdtrt", "setlinfo", "fixmedins"],
  parameters: Parameters,
  partitionInputs: [],
  title: { zh: "次均基金支付显著高于同类机构", en: "Mean fund payment per visit far above peers" },
  description: {
    zh:
      "按门诊（医疗类别 11–19，不含药店）和住院（21–29）分组，机构的次均基金支付（冲销后净额，只计有有效结算的就诊）" +
      "与同类机构（同一 org_kind 和医院等级，未定级按 9）比较：同类其他机构至少 5 家，稳健 Z 值 = 0.6745 ×（次均 − 同类" +
      "中位数）/ MAD（MAD 为 0 时用 1.2533 × 平均绝对偏差），Z 值不低于 Z（默认 3.5）且该机构该组就诊不少于 V 次（默认 " +
      "30）时提示。只是线索，不建议违规类型。金额 =（次均 − 同类中位数）× 就诊次数。证据给出分组、次均、同类中位数、" +
      "MAD、Z 值和同类机构数。",
    en:
      "Per group — outpatient (med_type 11–19, pharmacies excluded) and inpatient (21–29) — an institution's mean " +
      "fund payment per settled visit (net of reversals) compared with its peers: the other institutions of the " +
      "same org_kind and hospital level (unlevelled = 9), at least 5. Robust z = 0.6745 × (mean − peer median) / " +
      "MAD (1.2533 × mean absolute deviation when the MAD is 0); flagged when z ≥ Z (default 3.5) with at least V " +
      "visits (default 30). A lead only: no violation suggested. Amount = (mean − peer median) × visits. Evidence " +
      "gives the group, the mean, the peer median, the MAD, z and the number of peers."
  },
  staged: { key: "peer_group", facts: () => institutionFacts, verdict: (params) => verdict(params) },
  sql: (params) => verdictOverFacts(institutionFacts, verdict(params))
})
