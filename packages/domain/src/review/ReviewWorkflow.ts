/**
 * The review workflow of suspicions (疑点处理程序) as a transition table and pure decisions: which
 * step may be taken from which status, by whom, with what input, and what state it leads to.
 *
 * Sources: the NHSA two-library measures (《医疗保障基金智能审核和监控知识库、规则库管理办法（试行）》,
 * 2022: 初审、复审、监管对象申诉、调查核实、违规处理, each time-limited — `ReviewDeadlines.ts`) and the
 * three-level review with separation of duties of seed 003 (经办人员初审、分管领导复审、主要领导审批；
 * 不相容岗位分离). `docs/domain/review-workflow.md` draws the whole graph.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { can, type Permission, type Role } from "../access/Access.js"
import { conflictingLevels, levelsHeldBy, threeLevelReview, type SeparationRule } from "../access/Separation.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import { isOverdue, stepOfStatus, type ReviewStep } from "./ReviewDeadlines.js"
import { isClosedStatus, type SuspicionStatus } from "../screening/Suspicion.js"
import type { SuspicionCategory } from "../screening/SuspicionCategory.js"

/**
 * Every step a person can take on a lead.
 *
 * @category models
 */
export const ReviewAction = Schema.Literal(
  "first_review_confirm",
  "first_review_dismiss",
  "request_correction",
  "mark_corrected",
  "escalate",
  "second_review_push",
  "second_review_dismiss",
  "second_review_return",
  "record_response",
  "mark_no_response",
  "start_verification",
  "propose_confirm",
  "propose_exclude",
  "approve",
  "return_to_verification"
).annotations({ identifier: "ReviewAction" })
/** @category models */
export type ReviewAction = typeof ReviewAction.Type

/** @category formatting */
export const reviewActionLabel: Readonly<Record<ReviewAction | "assign", string>> = {
  first_review_confirm: "初审确认，提交复审",
  first_review_dismiss: "初审排除",
  request_correction: "通知机构更正数据",
  mark_corrected: "确认数据已更正",
  escalate: "未更正，转违规核查",
  second_review_push: "复审通过，推送机构",
  second_review_dismiss: "复审排除",
  second_review_return: "退回初审",
  record_response: "登记机构反馈/申诉",
  mark_no_response: "逾期未反馈，视为无异议",
  start_verification: "开始调查核实",
  propose_confirm: "核实确认，提请审批",
  propose_exclude: "核实排除，提请审批",
  approve: "审批同意",
  return_to_verification: "审批退回，重新核实",
  assign: "分派"
}

/**
 * The three levels that must be held by different people (seed 003: 初审、复审、审批), plus the
 * verification that proposes what the approver decides.
 *
 * @category models
 */
export type ReviewLevel = "first" | "second" | "verification" | "approval"

/** @category formatting */
export const reviewLevelLabel: Readonly<Record<ReviewLevel, string>> = {
  first: "初审",
  second: "复审",
  verification: "调查核实",
  approval: "审批"
}

/**
 * One row of the transition table.
 *
 * @category models
 */
export interface ReviewTransition {
  readonly action: ReviewAction
  readonly from: SuspicionStatus
  /** The status reached; `approve` reaches what the verification proposed. */
  readonly to: SuspicionStatus | "as_proposed"
  readonly permission: Permission
  readonly level: ReviewLevel | null
  readonly categories: ReadonlyArray<SuspicionCategory>
  /** Whether the step needs a written reason or opinion (理由/意见). */
  readonly reasonRequired: boolean
}

const both: ReadonlyArray<SuspicionCategory> = ["violation", "data_quality"]
const dataQuality: ReadonlyArray<SuspicionCategory> = ["data_quality"]
const t = (
  action: ReviewAction,
  from: SuspicionStatus,
  to: ReviewTransition["to"],
  permission: Permission,
  level: ReviewLevel | null,
  reasonRequired: boolean,
  categories: ReadonlyArray<SuspicionCategory> = both
): ReviewTransition => ({ action, from, to, permission, level, categories, reasonRequired })

/**
 * The transition table. 初审 and the institution-facing steps are the 审核员's (`suspicions:review`);
 * 复审 and 审批 are the senior levels (`suspicions:approve`, 稽核员 and above). Data-quality leads may
 * go to the institution for correction straight after 初审: nothing is deducted or penalised on
 * that path, so it needs no 复审; if the institution does not correct, the lead joins the violation
 * path at 复审.
 *
 * @category rules
 */
export const reviewTransitions: ReadonlyArray<ReviewTransition> = [
  t("first_review_confirm", "pending_first_review", "pending_second_review", "suspicions:review", "first", false),
  t("first_review_dismiss", "pending_first_review", "dismissed", "suspicions:review", "first", true),
  t(
    "request_correction",
    "pending_first_review",
    "awaiting_correction",
    "suspicions:review",
    "first",
    false,
    dataQuality
  ),
  t("mark_corrected", "awaiting_correction", "corrected", "suspicions:review", "first", true, dataQuality),
  t("escalate", "awaiting_correction", "pending_second_review", "suspicions:review", "first", true, dataQuality),
  t("second_review_push", "pending_second_review", "sent_to_institution", "suspicions:approve", "second", false),
  t("second_review_dismiss", "pending_second_review", "dismissed", "suspicions:approve", "second", true),
  t("second_review_return", "pending_second_review", "pending_first_review", "suspicions:approve", "second", true),
  t("record_response", "sent_to_institution", "institution_responded", "suspicions:review", null, false),
  t("mark_no_response", "sent_to_institution", "institution_responded", "suspicions:review", null, false),
  t("start_verification", "institution_responded", "verifying", "suspicions:review", "verification", false),
  t("propose_confirm", "verifying", "pending_approval", "suspicions:review", "verification", true),
  t("propose_exclude", "verifying", "pending_approval", "suspicions:review", "verification", true),
  t("approve", "pending_approval", "as_proposed", "suspicions:approve", "approval", false),
  t("return_to_verification", "pending_approval", "verifying", "suspicions:approve", "approval", true)
]

/**
 * The level of the step a lead in a status waits for (used to check an assignment).
 *
 * @category rules
 */
export const levelOfStatus = (status: SuspicionStatus): ReviewLevel | null => {
  switch (status) {
    case "pending_first_review":
    case "awaiting_correction":
      return "first"
    case "pending_second_review":
      return "second"
    case "sent_to_institution":
    case "institution_responded":
    case "verifying":
      return "verification"
    case "pending_approval":
      return "approval"
    default:
      return null
  }
}

/**
 * Levels a person who acted at one level may not take on the same lead: seed 003's three-level review
 * (`threeLevelReview`: 初审、复审、审批 by three different people), and nobody approves what they
 * verified.
 *
 * @category rules
 */
export const incompatibleLevels: Readonly<Record<ReviewLevel, ReadonlyArray<ReviewLevel>>> = {
  first: threeLevelReview.incompatible.first,
  second: threeLevelReview.incompatible.second,
  verification: ["approval"],
  approval: [...threeLevelReview.incompatible.approval, "verification"]
}

/**
 * A step already taken on the lead, as far as the rules need it.
 *
 * @category models
 */
export interface ReviewHistoryEntry {
  readonly action: string
  readonly level: ReviewLevel | null
  readonly actorId: string | null
  readonly actorName: string
}

/**
 * What verification proposed and the approver decides.
 *
 * @category models
 */
export const ReviewProposal = Schema.Struct({
  result: Schema.Literal("confirm", "exclude"),
  disposition: Schema.NullOr(Schema.Literal("deduction", "case")),
  deductionAmount: Schema.NullOr(Schema.Number)
}).annotations({ identifier: "ReviewProposal" })
/** @category models */
export type ReviewProposal = typeof ReviewProposal.Type

/**
 * The lead as the rules see it.
 *
 * @category models
 */
export interface ReviewSubject {
  readonly status: SuspicionStatus
  readonly category: SuspicionCategory
  readonly assigneeId: string | null
  readonly assigneeName: string | null
  readonly dueDate: string | null
  readonly history: ReadonlyArray<ReviewHistoryEntry>
  /** The proposal of the latest verification, while the lead waits for approval. */
  readonly proposal: ReviewProposal | null
}

/**
 * Who wants to act.
 *
 * @category models
 */
export interface ReviewActor {
  readonly id: string
  readonly name: string
  readonly role: Role
}

/**
 * Why a step was refused. `status`, `category` and `not_yet_due` conflict with the lead's state
 * (HTTP 409); `role`, `separation_of_duties` and `not_assignee` are about the person (HTTP 403).
 *
 * @category errors
 */
export class ReviewRefused extends Schema.TaggedError<ReviewRefused>()("ReviewRefused", {
  reason: Schema.Literal("status", "category", "not_yet_due", "role", "separation_of_duties", "not_assignee"),
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * The levels a person has held on a lead.
 *
 * @category rules
 */
export const levelsHeld = (history: ReadonlyArray<ReviewHistoryEntry>, actorId: string): ReadonlyArray<ReviewLevel> =>
  levelsHeldBy(history, actorId)

/**
 * The review's chain of levels for 不相容岗位分离: seed 003's three levels, and verification, whose
 * officer may not approve what they verified.
 *
 * @category statute
 */
export const reviewSeparation: SeparationRule<ReviewLevel> = {
  incompatible: incompatibleLevels,
  label: reviewLevelLabel
}

/**
 * The three-level rule: a refusal when the person already held a level incompatible with `level`.
 *
 * @category rules
 */
export const separationConflict = (
  history: ReadonlyArray<ReviewHistoryEntry>,
  personId: string,
  level: ReviewLevel,
  personName = "您"
): ReviewRefused | null => {
  const held = conflictingLevels(reviewSeparation, history, personId, level)
  if (held.length === 0) return null
  return new ReviewRefused({
    reason: "separation_of_duties",
    detail: `三级审核不相容岗位分离：${personName}已担任本疑点的${held.map((l) => reviewLevelLabel[l]).join("、")}，不能再办理${reviewLevelLabel[level]}（初审、复审、审批须由不同人员办理，核实人不得审批本人核实的疑点）`
  })
}

/**
 * What a permitted step does.
 *
 * @category models
 */
export interface ReviewDecision {
  readonly action: ReviewAction
  readonly from: SuspicionStatus
  readonly to: SuspicionStatus
  readonly level: ReviewLevel | null
  /** The step the new status waits for (its deadline is set from it), or null when closed. */
  readonly nextStep: ReviewStep | null
  /** Whether the step was taken after its deadline. */
  readonly late: boolean
}

/**
 * Decides whether `actor` may take `action` on `subject` today, and where it leads. Input (reasons,
 * responses, proposals) is checked separately by `ReviewStepInput`.
 *
 * @category rules
 */
export const decideReviewAction = (
  subject: ReviewSubject,
  actor: ReviewActor,
  action: ReviewAction,
  today: IsoDate
): Either.Either<ReviewDecision, ReviewRefused> => {
  const rows = reviewTransitions.filter((r) => r.action === action)
  const row = rows.find((r) => r.from === subject.status)
  if (row === undefined) {
    return Either.left(
      new ReviewRefused({
        reason: "status",
        detail: `疑点当前状态不能执行“${reviewActionLabel[action]}”，请刷新后查看最新状态`
      })
    )
  }
  if (!row.categories.includes(subject.category)) {
    return Either.left(
      new ReviewRefused({ reason: "category", detail: `“${reviewActionLabel[action]}”只适用于数据质量类疑点` })
    )
  }
  if (!can(actor.role, row.permission)) {
    return Either.left(
      new ReviewRefused({
        reason: "role",
        detail: `当前角色无权执行“${reviewActionLabel[action]}”（${row.permission === "suspicions:approve" ? "复审、审批须由稽核员或以上人员办理" : "须由审核人员办理"}）`
      })
    )
  }
  if (subject.assigneeId !== null && subject.assigneeId !== actor.id) {
    return Either.left(
      new ReviewRefused({
        reason: "not_assignee",
        detail: `本环节已分派给${subject.assigneeName ?? "其他人员"}，请由其办理或先重新分派`
      })
    )
  }
  if (row.level !== null) {
    const conflict = separationConflict(subject.history, actor.id, row.level)
    if (conflict !== null) return Either.left(conflict)
  }
  if (action === "mark_no_response" && !isOverdue(subject.dueDate, today)) {
    return Either.left(
      new ReviewRefused({
        reason: "not_yet_due",
        detail: `机构反馈期限${subject.dueDate === null ? "" : `（${subject.dueDate}）`}尚未届满，不能按逾期未反馈处理`
      })
    )
  }
  let to: SuspicionStatus
  if (row.to === "as_proposed") {
    if (subject.proposal === null) {
      return Either.left(new ReviewRefused({ reason: "status", detail: "没有待审批的核实意见" }))
    }
    to = subject.proposal.result === "confirm" ? "confirmed" : "excluded"
  } else {
    to = row.to
  }
  return Either.right({
    action,
    from: subject.status,
    to,
    level: row.level,
    nextStep: isClosedStatus(to) ? null : stepOfStatus(to),
    late: isOverdue(subject.dueDate, today)
  })
}

/**
 * A step the lead's status and category offer, and whether this person may take it (with the
 * reason when not).
 *
 * @category models
 */
export interface OfferedAction {
  readonly action: ReviewAction
  readonly label: string
  readonly allowed: boolean
  readonly refusal: string | null
  readonly reasonRequired: boolean
}

/**
 * The steps the lead's current status offers, each marked allowed or refused for this person —
 * what the UI shows as buttons.
 *
 * @category rules
 */
export const offeredActions = (
  subject: ReviewSubject,
  actor: ReviewActor,
  today: IsoDate
): ReadonlyArray<OfferedAction> =>
  reviewTransitions
    .filter((r) => r.from === subject.status && r.categories.includes(subject.category))
    .map((r) => {
      const decision = decideReviewAction(subject, actor, r.action, today)
      return {
        action: r.action,
        label: reviewActionLabel[r.action],
        allowed: Either.isRight(decision),
        refusal: Either.isLeft(decision) ? decision.left.detail : null,
        reasonRequired: r.reasonRequired
      }
    })

/**
 * Decides an assignment of the lead's current step to `assignee`: by someone who may assign
 * (`suspicions:assign`), or a person claiming an unassigned step for themselves; the assignee must
 * be able to take the step and not be barred from it by the three-level rule.
 *
 * @category rules
 */
export const decideAssignment = (
  subject: ReviewSubject,
  actor: ReviewActor,
  assignee: ReviewActor
): Either.Either<{ readonly level: ReviewLevel | null }, ReviewRefused> => {
  if (isClosedStatus(subject.status)) {
    return Either.left(new ReviewRefused({ reason: "status", detail: "疑点已办结，无需分派" }))
  }
  const claiming = assignee.id === actor.id && subject.assigneeId === null
  if (!can(actor.role, "suspicions:assign") && !claiming) {
    return Either.left(
      new ReviewRefused({ reason: "role", detail: "当前角色只能领取未分派的疑点，分派给他人须由稽核员或以上人员办理" })
    )
  }
  const steps = reviewTransitions.filter((r) => r.from === subject.status && r.categories.includes(subject.category))
  if (!steps.some((r) => can(assignee.role, r.permission))) {
    return Either.left(
      new ReviewRefused({ reason: "role", detail: `${assignee.name}的角色不能办理本环节，不能分派给其办理` })
    )
  }
  const level = levelOfStatus(subject.status)
  if (level !== null) {
    const conflict = separationConflict(subject.history, assignee.id, level, assignee.name)
    if (conflict !== null) return Either.left(conflict)
  }
  return Either.right({ level })
}
