/**
 * DOCTOR_DAILY_OVERLOAD (医师日接诊量异常): a doctor with more outpatient visits in one day than a
 * person can see.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { PositiveInt, withDefault } from "../internal/Params.js"
import { defineRule, stageFactsRelation, verdictOverFacts } from "../Rule.js"
import { noLines, nullText, sortedList } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Most outpatient visits a doctor may have in one day. */
  N: withDefault(PositiveInt, 80),
  /** The same for a doctor whose day is mainly at a village clinic (村卫生室). */
  N_village_clinic: withDefault(PositiveInt, 40)
})

/**
 * Every outpatient visit with a doctor, and every name a doctor's code is listed with (`kind` = `visit` or `name`,
 * the code in `atddr_no`): what the verdict needs of one institution, so that a province run works it out in each
 * institution partition (`RuleSpec.staged`).
 */
const visitFacts = `
    SELECT 'visit' AS kind, atddr_no, mdtrt_id, fixmedins_code, org_kind, begntime, begin_day, fund_pay,
           CAST(NULL AS VARCHAR) AS staff_name
    FROM fg_visit WHERE outpatient AND NOT cancelled AND atddr_no IS NOT NULL
    UNION ALL
    SELECT 'name', staff_code, NULL, fixmedins_code, NULL, NULL, NULL, NULL, staff_name FROM staff
`

/** The doctors' days over the limit, from the facts (`fg_stage_facts`) of whole doctors. */
const verdict = ({ N, N_village_clinic }: { readonly N: number; readonly N_village_clinic: number }) => `
    WITH visits AS (
      SELECT mdtrt_id, atddr_no, fixmedins_code, org_kind, begntime, begin_day, fund_pay
      FROM ${stageFactsRelation} WHERE kind = 'visit'
    ),
    per_place AS (
      SELECT atddr_no, begin_day, fixmedins_code, any_value(org_kind) AS org_kind, count(*) AS n
      FROM visits GROUP BY atddr_no, begin_day, fixmedins_code
    ),
    -- Only days above the lower limit can be over either; the rest need no further work.
    busy AS (
      SELECT atddr_no, begin_day, sum(n) AS n FROM per_place GROUP BY atddr_no, begin_day
      HAVING sum(n) > ${numberLiteral(Math.min(N, N_village_clinic))}
    ),
    per_day AS (
      SELECT b.atddr_no, b.begin_day, any_value(b.n) AS n,
             arg_min(p.fixmedins_code, (-p.n, p.fixmedins_code)) AS main_code,
             ${sortedList("{'fixmedins_code': p.fixmedins_code, 'visits': p.n}", ["p.fixmedins_code"])} AS places
      FROM busy b JOIN per_place p ON p.atddr_no = b.atddr_no AND p.begin_day = b.begin_day
      GROUP BY b.atddr_no, b.begin_day
    ),
    limited AS (
      SELECT d.*, p.org_kind,
             CASE WHEN p.org_kind = 'village_clinic' THEN ${numberLiteral(N_village_clinic)} ELSE ${numberLiteral(N)} END AS lim
      FROM per_day d JOIN per_place p ON p.atddr_no = d.atddr_no AND p.begin_day = d.begin_day AND p.fixmedins_code = d.main_code
    ),
    over AS (SELECT * FROM limited WHERE n > lim),
    ranked AS (
      SELECT v.*, o.lim, row_number() OVER (PARTITION BY v.atddr_no, v.begin_day ORDER BY v.begntime, v.mdtrt_id) AS k
      FROM visits v JOIN over o ON o.atddr_no = v.atddr_no AND o.begin_day = v.begin_day
    ),
    excess AS (
      SELECT atddr_no, begin_day, sum(fund_pay) FILTER (WHERE k > lim) AS amount, min(begntime) AS first_visit,
             max(begntime) AS last_visit
      FROM ranked GROUP BY atddr_no, begin_day
    ),
    -- One name for a code listed at several institutions, the same every run.
    names AS (
      SELECT atddr_no AS staff_code, min(staff_name) AS staff_name FROM ${stageFactsRelation} WHERE kind = 'name'
      GROUP BY atddr_no
    )
    SELECT o.main_code AS fixmedins_code, ${nullText} AS psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id,
           ${noLines} AS feedetl_sn, ${nullText} AS med_list_codg, o.begin_day AS date, coalesce(e.amount, 0) AS amount,
           {
             'staff_code': o.atddr_no,
             'staff_name': s.staff_name,
             'visits': o.n,
             'limit': o.lim,
             'org_kind': o.org_kind,
             'institutions': o.places,
             'first_visit': fg_ts(e.first_visit),
             'last_visit': fg_ts(e.last_visit)
           } AS evidence,
           '医师 ' || coalesce(s.staff_name || '（' || o.atddr_no || '）', o.atddr_no) || ' 于' || fg_md(o.begin_day) || '接诊门诊 ' ||
             o.n || ' 人次，超过' || CASE WHEN o.org_kind = 'village_clinic' THEN '村卫生室' ELSE '' END ||
             '每日 ' || o.lim || ' 人次' AS message
    FROM over o
    LEFT JOIN excess e ON e.atddr_no = o.atddr_no AND e.begin_day = o.begin_day
    LEFT JOIN names s ON s.staff_code = o.atddr_no
  `

/**
 * The rule. Staff level (key: `evidence.staff_code`, `date`): a doctor (`atddr_no`) with more
 * than N outpatient visits (`med_type` 11–19, by visit day, across all institutions) in one day.
 * The day's institution is where the doctor had most of those visits (ties: smallest code); when
 * it is a village clinic the limit is `N_village_clinic`. Visits whose settlements were all
 * reversed do not count. amount = the fund payment of the visits beyond the limit, in time order.
 * Version 2: a doctor's code listed with different names takes the first name in sort order (version 1 took
 * any of them).
 *
 * @category rules
 */
export const doctorDailyOverload = defineRule({
  code: "DOCTOR_DAILY_OVERLOAD",
  version: 2,
  level: "staff",
  violation: "A40-3-FICTITIOUS_SERVICE",
  requiredTables: ["mdtrt", "fixmedins", "setlinfo"],
  optionalTables: ["staff"],
  parameters: Parameters,
  partitionInputs: [],
  title: { zh: "医师单日门诊量过多", en: "Doctor with too many outpatient visits in a day" },
  description: {
    zh:
      "同一医师（接诊医师 atddr_no）一天内（跨所有机构）的门诊就诊（医疗类别 11–19）超过 N 人次（默认 80；当天主要执业" +
      "机构为村卫生室时为 N_village_clinic，默认 40），疑似虚构就诊。当天主要机构为该医师就诊最多的机构。结算已全部冲销" +
      "的就诊不计。金额为超出限额部分（按就诊时间排在限额之后）就诊的基金支付。证据给出人次、限额、各机构人次和首末" +
      "就诊时间。",
    en:
      "A doctor (attending doctor atddr_no) with more than N outpatient visits (med_type 11–19) in one day across " +
      "all institutions (default 80; N_village_clinic, default 40, when the day's main institution is a village " +
      "clinic) — fictitious visits. The day's institution is where the doctor had most visits. Visits whose " +
      "settlements were all reversed do not count. Amount = the fund payment of the visits beyond the limit in " +
      "time order. Evidence gives the count, the limit, the visits per institution and the first and last visit."
  },
  staged: { key: "atddr_no", facts: () => visitFacts, verdict: (params) => verdict(params) },
  sql: (params) => verdictOverFacts(visitFacts, verdict(params))
})
