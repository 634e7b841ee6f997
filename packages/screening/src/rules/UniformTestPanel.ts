/**
 * UNIFORM_TEST_PANEL (套餐式检查): the same set of tests for nearly every inpatient, whatever
 * the diagnosis.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { numberLiteral } from "../internal/Duck.js"
import { PositiveInt, Share, withDefault } from "../internal/Params.js"
import { defineRule } from "../Rule.js"
import { noLines, nullText, sortedDistinct } from "./Sql.js"

const Parameters = Schema.Struct({
  /** Smallest share of the institution's inpatient stays carrying the panel. */
  P: withDefault(Share, 0.8),
  /** Fewest items in the panel. */
  K: withDefault(PositiveInt, 5),
  /** Fewest different main diagnoses among the stays with the panel. */
  D: withDefault(PositiveInt, 5)
})

/** Stays an institution needs before its panels mean anything. */
const minStays = 10

/**
 * The rule. Institution level (key: institution). For an institution with at least 10 inpatient
 * stays (not cancelled by reversals), the most common exact set of examination and laboratory
 * items (charge types 03, 04; billed net of refunds) per stay — ties: the larger set, then the
 * smaller codes — has at least K items and occurs in at least P of its stays, although those stays
 * have at least D different main diagnoses (`mdtrt.dise_codg`, else the `diseinfo` row with
 * `maindiag_flag` 1). amount = the net amount of the panel's lines in those stays.
 *
 * @category rules
 */
export const uniformTestPanel = defineRule({
  code: "UNIFORM_TEST_PANEL",
  version: 1,
  level: "institution",
  violation: "A38-2-OVER_EXAMINATION",
  requiredTables: ["mdtrt", "feedetail", "setlinfo", "fixmedins"],
  optionalTables: ["diseinfo", "catalog"],
  parameters: Parameters,
  partitionInputs: ["institution"],
  title: { zh: "套餐式检查（住院患者检查检验项目高度雷同）", en: "Same test panel for nearly every inpatient" },
  description: {
    zh:
      "住院不少于 10 次的机构，每次住院的检查化验项目集合（收费类别 03、04，退费冲销后）中最常见的一种，项目数不少于 K" +
      "（默认 5），出现在不少于 P（默认 80%）的住院中，而这些住院的主要诊断有不少于 D 种（默认 5 种），即不论病情都做" +
      "同一套检查（套餐式检查）。主要诊断取就诊的 dise_codg，缺失时取诊断信息中 maindiag_flag 为 1 的诊断。结算已全部" +
      "冲销的住院不计。金额为这些住院中该套项目明细的净金额。证据列出项目、住院次数、占比和诊断。",
    en:
      "At an institution with at least 10 inpatient stays, the most common exact set of examination and lab items " +
      "(charge types 03, 04, net of refunds) per stay has at least K items (default 5) and occurs in at least P " +
      "(default 80 %) of its stays, although those stays carry at least D (default 5) different main diagnoses — " +
      "the same panel whatever the illness. Main diagnosis: the visit's dise_codg, else the diseinfo row with " +
      "maindiag_flag 1. Stays whose settlements were all reversed are ignored. Amount = the net amount of the " +
      "panel's lines in those stays. Evidence lists the items, the stays, the share and the diagnoses."
  },
  sql: ({ D, K, P }) => `
    WITH inpatient AS (SELECT * FROM fg_visit WHERE inpatient AND NOT cancelled),
    -- Only the stays without a dise_codg look their main diagnosis up: grouping every visit's diagnoses took most of
    -- the rule (1.6 M rows of an independently made county-year, for 28 K stays).
    main_dx AS (
      SELECT d.mdtrt_id, min(d.diag_code) AS diag_code
      FROM diseinfo d SEMI JOIN (SELECT mdtrt_id FROM inpatient WHERE dise_codg IS NULL) v ON v.mdtrt_id = d.mdtrt_id
      WHERE d.maindiag_flag = '1' GROUP BY d.mdtrt_id
    ),
    stays AS (
      SELECT v.mdtrt_id, v.fixmedins_code, coalesce(v.dise_codg, d.diag_code) AS dx
      FROM inpatient v LEFT JOIN main_dx d ON d.mdtrt_id = v.mdtrt_id
    ),
    test_lines AS (
      SELECT f.* FROM fg_fee f SEMI JOIN stays s ON s.mdtrt_id = f.mdtrt_id
      WHERE f.med_chrgitm_type IN ('03', '04')
    ),
    panels AS (
      SELECT mdtrt_id, list_sort(list_distinct(list(med_list_codg))) AS items FROM test_lines GROUP BY mdtrt_id
    ),
    stay_panels AS (
      SELECT s.*, coalesce(p.items, CAST([] AS VARCHAR[])) AS items,
             count(*) OVER (PARTITION BY s.fixmedins_code) AS stays
      FROM stays s LEFT JOIN panels p ON p.mdtrt_id = s.mdtrt_id
    ),
    commonest AS (
      SELECT fixmedins_code, items, any_value(stays) AS stays, count(*) AS n
      FROM stay_panels WHERE stays >= ${minStays}
      GROUP BY fixmedins_code, items
      QUALIFY row_number() OVER (PARTITION BY fixmedins_code ORDER BY count(*) DESC, len(items) DESC, items) = 1
    ),
    candidates AS (
      SELECT * FROM commonest WHERE len(items) >= ${numberLiteral(K)} AND round(n / stays, 9) >= ${numberLiteral(P)}
    ),
    panel_stays AS (
      SELECT c.fixmedins_code, p.mdtrt_id, p.dx
      FROM candidates c JOIN stay_panels p ON p.fixmedins_code = c.fixmedins_code AND p.items = c.items
    ),
    hits AS (
      SELECT c.*, count(DISTINCT s.dx) AS diagnoses, ${sortedDistinct("s.dx")} AS dx_list,
             list_sort(list(s.mdtrt_id)) AS ids
      FROM candidates c JOIN panel_stays s ON s.fixmedins_code = c.fixmedins_code
      GROUP BY ALL
      HAVING count(DISTINCT s.dx) >= ${numberLiteral(D)}
    ),
    amounts AS (
      SELECT s.fixmedins_code, sum(t.net_amt) AS amount,
             list(DISTINCT {'med_list_codg': t.med_list_codg, 'med_list_name': t.item_name}) AS named
      FROM panel_stays s
      SEMI JOIN hits h ON h.fixmedins_code = s.fixmedins_code
      JOIN test_lines t ON t.mdtrt_id = s.mdtrt_id
      GROUP BY s.fixmedins_code
    )
    SELECT h.fixmedins_code, ${nullText} AS psn_no, ${nullText} AS mdtrt_id, ${nullText} AS setl_id,
           ${noLines} AS feedetl_sn, ${nullText} AS med_list_codg, ${nullText} AS date, a.amount,
           {
             'items': list_sort(a.named),
             'stays_with_panel': h.n,
             'stays': h.stays,
             'share': round(h.n / h.stays, 4),
             'diagnoses': h.diagnoses,
             'diagnosis_codes': h.dx_list,
             'mdtrt_ids': h.ids,
             'P': ${numberLiteral(P)},
             'K': ${numberLiteral(K)},
             'D': ${numberLiteral(D)}
           } AS evidence,
           h.stays || ' 次住院中 ' || h.n || ' 次（' || CAST(round(100 * h.n / h.stays) AS INTEGER) ||
             '%）检查检验项目完全相同（' || len(h.items) || ' 项），涉及 ' || h.diagnoses || ' 种主要诊断' AS message
    FROM hits h JOIN amounts a ON a.fixmedins_code = h.fixmedins_code
  `
})
