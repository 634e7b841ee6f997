/**
 * Suspicions (疑点): leads the screening rules write for review. The JSONL shape is the contract of
 * `screening-rules.md`; the review statuses follow the NHSA two-library workflow.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { ViolationCode } from "../penalty/Violation.js"

/**
 * What one suspicion points at, which decides its key.
 *
 * @category models
 */
export const RuleLevel = Schema.Literal(
  "line",
  "visit",
  "person",
  "item",
  "institution",
  "staff",
  "trace",
  "settlement"
).annotations({ identifier: "RuleLevel" })
/** @category models */
export type RuleLevel = typeof RuleLevel.Type

/**
 * One line of `suspicions.jsonl`.
 *
 * @category models
 */
export const Suspicion = Schema.Struct({
  rule: Schema.String,
  ruleVersion: Schema.Int,
  level: RuleLevel,
  fixmedins_code: Schema.String,
  psn_no: Schema.NullOr(Schema.String),
  mdtrt_id: Schema.NullOr(Schema.String),
  setl_id: Schema.NullOr(Schema.String),
  feedetl_sn: Schema.Array(Schema.String),
  med_list_codg: Schema.NullOr(Schema.String),
  date: Schema.NullOr(Schema.String),
  amount: Schema.Number,
  violation: Schema.NullOr(Schema.Union(ViolationCode, Schema.String)),
  evidence: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  message: Schema.String
}).annotations({ identifier: "Suspicion" })
/** @category models */
export type Suspicion = typeof Suspicion.Type

/**
 * The key that makes a suspicion unique within its rule (the same rule never emits two with the
 * same key), by level as `screening-rules.md` defines it.
 *
 * @category rules
 */
export const suspicionKey = (s: Suspicion): string => {
  const ev = (k: string) => String(s.evidence[k] ?? "")
  const parts: Record<RuleLevel, ReadonlyArray<unknown>> = {
    line: [s.mdtrt_id, [...s.feedetl_sn].sort().join(",")],
    visit: [s.mdtrt_id],
    person: [s.psn_no, s.date],
    item: [s.fixmedins_code, s.med_list_codg],
    institution: [s.fixmedins_code, s.date, ev("group")],
    staff: [ev("staff_code"), s.date],
    trace: [ev("drug_trac_codg")],
    settlement: [s.setl_id]
  }
  return [s.rule, s.level, ...parts[s.level].map((p) => (p === null || p === undefined ? "" : String(p)))].join("|")
}

/**
 * Review status of a suspicion, following the NHSA two-library handling procedure (初审、复审、监管对象
 * 申诉、调查核实、违规处理; `ReviewWorkflow.ts` holds the transitions, `ReviewDeadlines.ts` the time
 * limits, `docs/domain/review-workflow.md` the whole picture).
 *
 * - violation path: 待初审 → 待复审 → 已推送机构 → 机构已反馈 → 核实中 → 待审批 → 确认违规 | 核实排除;
 *   初审 or 复审 may dismiss (审核排除).
 * - data-quality path (`SuspicionCategory`): 待初审 → 待机构更正 → 数据已更正, or back onto the
 *   violation path when the institution does not correct.
 *
 * @category models
 */
export const SuspicionStatus = Schema.Literal(
  "pending_first_review",
  "dismissed",
  "pending_second_review",
  "sent_to_institution",
  "institution_responded",
  "verifying",
  "pending_approval",
  "confirmed",
  "excluded",
  "awaiting_correction",
  "corrected"
).annotations({ identifier: "SuspicionStatus" })
/** @category models */
export type SuspicionStatus = typeof SuspicionStatus.Type

/** @category formatting */
export const suspicionStatusLabel: Readonly<Record<SuspicionStatus, string>> = {
  pending_first_review: "待初审",
  dismissed: "审核排除",
  pending_second_review: "待复审",
  sent_to_institution: "已推送机构",
  institution_responded: "机构已反馈",
  verifying: "核实中",
  pending_approval: "待审批",
  confirmed: "确认违规",
  excluded: "核实排除",
  awaiting_correction: "待机构更正",
  corrected: "数据已更正"
}

/**
 * Statuses in which a lead's handling is over: no step follows and no deadline runs.
 *
 * @category models
 */
export const closedSuspicionStatuses: ReadonlyArray<SuspicionStatus> = [
  "dismissed",
  "confirmed",
  "excluded",
  "corrected"
]

/**
 * Whether a status ends the handling of a lead.
 *
 * @category rules
 */
export const isClosedStatus = (status: SuspicionStatus): boolean => closedSuspicionStatuses.includes(status)
