/**
 * Writes `docs/domain/screening-rules.md` from the rule library — code, level, key, suggested
 * violation, kind, input tables, parameters with their defaults and the description in Chinese and
 * English — plus the evidence fields listed here, so the document cannot drift from the code.
 * `test/RulesDoc.test.ts` fails when the file is stale and when a rule's evidence on the demo
 * extract has fields this list does not name.
 *
 * Run: `pnpm --filter @fundguard/screening docs:rules`.
 */
import { writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { type Rule, ruleLibrary } from "../src/index.js"

/** The document's path. */
export const rulesDocPath = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "..",
  "docs",
  "domain",
  "screening-rules.md"
)

/** Evidence fields of each rule: what a reviewer reads to confirm or dismiss a lead. */
export const evidenceFields: Readonly<Record<string, ReadonlyArray<string>>> = {
  PRICE_OVER_CAP: [
    "med_list_name",
    "pric",
    "ceiling",
    "ceiling_column",
    "hosp_lv",
    "fixmedins_type",
    "cnt",
    "original_cnt",
    "refunded_cnt",
    "excess_per_unit"
  ],
  DUPLICATE_CHARGE: ["med_list_name", "day", "cnt", "lines", "including_items", "including_names", "including_lines"],
  UNBUNDLED_CHARGE: [
    "bundle",
    "bundle_name",
    "bundle_ceiling",
    "ceiling_column",
    "parts_amount",
    "day",
    "lines",
    "other_bundles_with_same_parts"
  ],
  FREQUENCY_EXCEEDED: ["med_list_name", "day", "units", "max_daily_cnt", "excess", "visits", "lines"],
  GENDER_RESTRICTED: ["med_list_name", "lmt_gend", "gend", "cnt", "pric", "fee_ocur_time"],
  AGE_RESTRICTED: ["med_list_name", "age", "brdy", "day", "lmt_age_min", "lmt_age_max", "cnt", "pric"],
  CARE_SETTING_RESTRICTED: ["med_list_name", "med_type", "lmt_med_type", "cnt", "pric", "fee_ocur_time"],
  SUPPLY_DAYS_EXCEEDED: [
    "med_list_name",
    "prd_days",
    "limit_days",
    "limit_source",
    "med_type",
    "special_days",
    "within_special_case",
    "cnt",
    "pric",
    "fee_ocur_time",
    "visit_drug_amount",
    "visit_amount_cap",
    "days_exceeded",
    "lines"
  ],
  CHARGE_OUTSIDE_STAY: [
    "category",
    "check",
    "med_list_name",
    "fee_ocur_time",
    "begntime",
    "endtime",
    "position",
    "days_outside",
    "cnt",
    "pric"
  ],
  SPLIT_ADMISSION: [
    "previous_mdtrt_id",
    "gap_days",
    "previous_begntime",
    "previous_endtime",
    "previous_dscg_way",
    "begntime",
    "endtime",
    "N"
  ],
  OVERLAPPING_STAYS: ["begntime", "endtime", "overlapping"],
  CARE_DURING_STAY: ["begntime", "endtime", "days", "K", "dates", "settlements"],
  IDLE_BED_DAYS: ["begntime", "endtime", "idle_from", "idle_to", "idle_days", "bed_fee_amount", "K"],
  LOW_INDICATION_ADMISSION: [
    "begntime",
    "endtime",
    "los_days",
    "exam_amount",
    "lab_amount",
    "test_amount",
    "total_amount",
    "test_share",
    "dise_codg",
    "dise_name",
    "D",
    "S"
  ],
  BILLING_AFTER_DEATH: ["die_date", "begntime", "days_after_death", "med_type"],
  FREQUENT_PHARMACY: ["window", "day", "N", "M", "settlements"],
  CUMULATIVE_OVERSUPPLY: ["window_from", "window_to", "limit_days", "R", "supply_days", "drugs"],
  BED_OVER_CAPACITY: [
    "inpatients_at_noon",
    "aprv_bed_cnt",
    "T",
    "capacity",
    "excess",
    "avg_daily_fund_pay",
    "mdtrt_ids"
  ],
  DOCTOR_DAILY_OVERLOAD: [
    "staff_code",
    "staff_name",
    "visits",
    "limit",
    "org_kind",
    "institutions",
    "first_visit",
    "last_visit"
  ],
  INVENTORY_SHORTFALL: [
    "med_list_name",
    "period_from",
    "period_to",
    "opening_stock",
    "opening_stock_date",
    "purchased",
    "purchase_returned",
    "available",
    "settled",
    "settled_lines",
    "shortfall",
    "avg_pric",
    "T"
  ],
  SETTLED_NOT_SOLD: ["setl_time", "missing_items", "lines", "reported_sales"],
  TRACE_CODE_REUSED: ["drug_trac_codg", "scans", "institutions", "refs"],
  NIGHT_SETTLEMENT: ["setl_time", "clock", "night_from", "night_to", "open_24h", "opter", "medfee_sumamt"],
  CARD_POOLING: ["setl_ids", "episodes", "N", "M"],
  PHARMACIST_ABSENT: ["sales", "duty_periods_that_day", "pharmacists_registered"],
  PEER_COST_OUTLIER: [
    "group",
    "visits",
    "mean",
    "peer_median",
    "mad",
    "z_score",
    "peers",
    "org_kind",
    "hosp_lv",
    "fund_pay_total",
    "Z",
    "V"
  ],
  UNIFORM_TEST_PANEL: [
    "items",
    "stays_with_panel",
    "stays",
    "share",
    "diagnoses",
    "diagnosis_codes",
    "mdtrt_ids",
    "P",
    "K",
    "D"
  ]
}

const keyOf: Readonly<Record<Rule["level"], string>> = {
  line: "`mdtrt_id`, `feedetl_sn`",
  visit: "`mdtrt_id`",
  person: "`psn_no`, `date`",
  item: "`fixmedins_code`, `med_list_codg`",
  institution: "`fixmedins_code`, `date` (per-day rules), `evidence.group` (PEER_COST_OUTLIER)",
  staff: "`evidence.staff_code`, `date`",
  trace: "`evidence.drug_trac_codg`",
  settlement: "`setl_id`"
}

const kindLabel: Readonly<Record<Rule["kind"], string>> = {
  violation: "suspected violation 疑似违规",
  data_quality: "data quality 数据质量 (`violation` null, `evidence.category` = `data_quality`)",
  lead: "statistical lead 统计线索 (no violation suggested)"
}

const groups: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  [
    "Policy limits 政策限定类",
    [
      "PRICE_OVER_CAP",
      "DUPLICATE_CHARGE",
      "UNBUNDLED_CHARGE",
      "FREQUENCY_EXCEEDED",
      "GENDER_RESTRICTED",
      "AGE_RESTRICTED",
      "CARE_SETTING_RESTRICTED",
      "SUPPLY_DAYS_EXCEEDED",
      "CHARGE_OUTSIDE_STAY"
    ]
  ],
  [
    "Behaviour of persons and institutions 行为主体类",
    [
      "SPLIT_ADMISSION",
      "OVERLAPPING_STAYS",
      "CARE_DURING_STAY",
      "IDLE_BED_DAYS",
      "LOW_INDICATION_ADMISSION",
      "BILLING_AFTER_DEATH",
      "FREQUENT_PHARMACY",
      "CUMULATIVE_OVERSUPPLY",
      "BED_OVER_CAPACITY",
      "DOCTOR_DAILY_OVERLOAD"
    ]
  ],
  [
    "Pharmacies and inventory 进销存、追溯码",
    [
      "INVENTORY_SHORTFALL",
      "SETTLED_NOT_SOLD",
      "TRACE_CODE_REUSED",
      "NIGHT_SETTLEMENT",
      "CARD_POOLING",
      "PHARMACIST_ABSENT"
    ]
  ],
  ["Statistical 统计指标类", ["PEER_COST_OUTLIER", "UNIFORM_TEST_PANEL"]]
]

const section = (rule: Rule): string => {
  const params = Object.entries(rule.defaults)
  const lines = [
    `### ${rule.code} — ${rule.title.zh}`,
    "",
    `_${rule.title.en}_`,
    "",
    `- Level 层级: \`${rule.level}\` — key 键: ${keyOf[rule.level]}`,
    `- Suggests 建议违规类型: ${rule.violation === null ? "—" : `\`${rule.violation}\``}; kind 性质: ${kindLabel[rule.kind]}`,
    `- Tables 输入表: ${rule.requiredTables.map((t) => `\`${t}\``).join(", ")}` +
      (rule.optionalTables.length > 0
        ? ` (optional 可选: ${rule.optionalTables.map((t) => `\`${t}\``).join(", ")})`
        : ""),
    `- Parameters 参数 (defaults 默认值): ${
      params.length === 0 ? "none 无" : params.map(([k, v]) => `\`${k}\` = \`${JSON.stringify(v)}\``).join(", ")
    }`,
    `- Evidence 证据: ${(evidenceFields[rule.code] ?? []).map((f) => `\`${f}\``).join(", ")}`,
    "",
    rule.description.zh,
    "",
    rule.description.en,
    ""
  ]
  return lines.join("\n")
}

/** The document's text. */
export const rulesDocText = (): string => {
  const byCode = new Map(ruleLibrary.map((r) => [r.code, r]))
  return [
    "# Screening rules 筛查规则",
    "",
    "<!-- Generated by packages/screening/scripts/rules-doc.ts from the rule library; edit the rules, then run",
    "     `pnpm --filter @fundguard/screening docs:rules`. -->",
    "",
    "The 27 rules of `shared/spec/screening-rules.md` (version 1) as `packages/screening` implements them. Each",
    "rule is defined once (`src/rules/*.ts`) with its SQL, parameters and text; this page is generated from those",
    "definitions. 本页由规则库自动生成，列出每条规则的层级、建议违规类型、参数默认值、证据字段及中英文说明。",
    "",
    "## Conventions 通用约定",
    "",
    "- **Refunds 退费冲销**: refund lines (`cnt` < 0) are added to the line their `init_feedetl_sn` names in the same",
    "  visit before any rule counts quantities or amounts; a fully refunded line is gone, a partly refunded one",
    "  counts its net quantity and amount. Settlements with `refd_setl_flag` = 1 cancel a settlement of the same",
    "  visit (same absolute `medfee_sumamt` first, else in time order). A visit whose every settlement is cancelled",
    "  is ignored by the visit, person and institution rules. 退费明细按原明细冲销；冲销结算按同一就诊的结算抵消。",
    "- **Care settings 医疗类别**: inpatient `med_type` 21–29, outpatient 11–19, pharmacy 41 or an institution of",
    "  `fixmedins_type` 2. **Day 日**: the calendar day of a local timestamp. **Age 年龄**: whole years from `brdy` to",
    "  the charge day.",
    "- **Amount 金额**: fund exposure in yuan — for line rules the net `det_item_fee_sumamt` of the flagged lines",
    "  unless the rule says otherwise; for visit rules the visit's `fund_pay_sumamt` net of reversals.",
    "- **Windows 窗口**: anchored, non-overlapping (a window starts at an event and covers [t, t + length); after a",
    "  hit the next window starts at the first event at or after t + length).",
    "- **Parameters 参数**: a JSON object keyed by rule code, merged over the defaults (`--params FILE`); a region",
    "  keeps its file in `packages/screening/params/<admdvs>.json` (奉节: `500235.json`), checked against",
    "  `params/schema.json`. Unknown codes or names and wrong types are errors naming the key.",
    "- **Data quality 数据质量**: `CHARGE_OUTSIDE_STAY` is a data-quality lead, kept apart from suspected violations",
    "  (`violation` null, `evidence.category` = `data_quality`, kind `data_quality` in the run report).",
    "",
    ...groups.flatMap(([title, codes]) => [`## ${title}`, "", ...codes.map((code) => section(byCode.get(code)!))])
  ].join("\n")
}

if (process.argv[1]?.endsWith("rules-doc.ts")) {
  writeFileSync(rulesDocPath, rulesDocText())
  console.log(`wrote ${rulesDocPath}`)
}
