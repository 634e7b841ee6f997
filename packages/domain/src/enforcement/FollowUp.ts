/**
 * What follows a finding besides the penalty case: the agreement track's measures (协议处理, decided
 * by the handling agency under 条例 Art.13 — kept apart from administrative penalties), the
 * rectification orders (整改: report, re-check, escalation), and self-inspection campaigns (自查自纠:
 * each institution's report, commitment and refunds). Inputs as Schemas with their rules, and the
 * services that keep them.
 *
 * @since 0.4.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import { OrgKind } from "../kernel/Institution.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { Yuan } from "../kernel/Money.js"
import { ViolationCode } from "../penalty/Violation.js"
import type { LevelHeld } from "../access/Separation.js"
import { AgreementAction, agreementActions } from "./AgreementActions.js"
import { internalControlConflict, type ControlLevel } from "./InternalControl.js"
import type { RectificationOrder } from "./Rectification.js"
import type { SelfCheckCampaign, SelfCheckReport } from "./SelfInspection.js"

const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))
const Code = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_.-]{1,64}$/))

/**
 * Something asked of a follow-up that its state or the rules forbid; `detail` says which, in Chinese.
 *
 * @category errors
 */
export class FollowUpRefused extends Schema.TaggedError<FollowUpRefused>()("FollowUpRefused", {
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * No such measure, order or campaign.
 *
 * @category errors
 */
export class FollowUpNotFound extends Schema.TaggedError<FollowUpNotFound>()("FollowUpNotFound", {
  kind: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `${this.kind} ${this.id} 不存在`
  }
}

// ── Agreement measures ────────────────────────────────────────────────────────────────────────────

/**
 * A measure proposed by the handling agency. Money measures carry their amount; a suspension asked
 * for in writing by a health centre (seed 000 二（四）) names who asked and for which month.
 *
 * @category models
 */
export const MeasureProposal = Schema.Struct({
  institutionCode: Code,
  action: AgreementAction,
  reason: Text(2000),
  amount: Schema.optional(Yuan),
  requestedBy: Schema.optional(Text(100)),
  month: Schema.optional(Schema.String.pipe(Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])$/))),
  caseId: Schema.optional(Code)
}).annotations({ identifier: "MeasureProposal" })
/** @category models */
export type MeasureProposal = typeof MeasureProposal.Type

/** The actions that move money, and so need an amount. @category rules */
export const moneyMeasures: ReadonlyArray<AgreementAction> = [
  "withhold_payment",
  "refuse_payment",
  "recover",
  "liquidated_damages"
]

/**
 * A proposal's own problems: an amount for money measures, none for the others.
 *
 * @category rules
 */
export const measureProposalProblems = (
  proposal: MeasureProposal
): ReadonlyArray<{ path: string; message: string }> => {
  const needsAmount = moneyMeasures.includes(proposal.action)
  if (needsAmount && (proposal.amount === undefined || proposal.amount <= 0))
    return [{ path: "$.amount", message: `「${agreementActions[proposal.action].label}」须填写大于 0 的金额` }]
  if (!needsAmount && proposal.amount !== undefined)
    return [{ path: "$.amount", message: `「${agreementActions[proposal.action].label}」不涉及金额` }]
  return []
}

/**
 * A stored measure, as the decision needs it.
 *
 * @category models
 */
export interface StoredMeasure {
  readonly id: string
  readonly action: AgreementAction
  readonly status: "proposed" | "decided" | "withdrawn"
  readonly proposedById: string | null
  readonly proposedByName: string
  readonly reviewedById: string | null
  readonly reviewedByName: string | null
  readonly statementOn: string | null
}

/** The levels a measure's people already hold, for 不相容岗位分离 (the proposer drafted it). */
const measureHistory = (measure: StoredMeasure): ReadonlyArray<LevelHeld<ControlLevel>> => [
  { actorId: measure.proposedById, level: "first" },
  ...(measure.reviewedById === null ? [] : [{ actorId: measure.reviewedById, level: "second" as const }])
]

/**
 * Whether the measure may be reviewed (复审) by this person: a money measure is a fund recovery —
 * 初审 by its proposer, 复审 and 审批 by two others (seed 003) — proposed and not yet reviewed.
 *
 * @category rules
 */
export const measureReviewRefusal = (
  measure: StoredMeasure,
  reviewer: { readonly id: string; readonly name: string }
): FollowUpRefused | null => {
  if (measure.status !== "proposed") return new FollowUpRefused({ detail: "该协议处理措施已决定或已撤回" })
  if (!moneyMeasures.includes(measure.action))
    return new FollowUpRefused({
      detail: `「${agreementActions[measure.action].label}」不涉及基金追回，无须复审，可直接决定`
    })
  if (measure.reviewedById !== null) return new FollowUpRefused({ detail: `已由${measure.reviewedByName ?? ""}复审` })
  const conflict = internalControlConflict("fund_recovery", measureHistory(measure), reviewer, "second")
  return conflict === null ? null : new FollowUpRefused({ detail: conflict.detail })
}

/**
 * Whether the measure may be decided now by `decider`: still proposed; a fund-recovery measure (money
 * moves) after its 复审 and by a third person, any other by someone other than its proposer
 * (不相容岗位分离, seed 003); and, where the institution must be heard first
 * (`hearFirst`: 拒付、追回、违约金、中止、解除), its statement recorded.
 *
 * @category rules
 */
export const measureDecisionRefusal = (
  measure: StoredMeasure,
  decider: { readonly id: string; readonly name: string }
): FollowUpRefused | null => {
  if (measure.status !== "proposed") return new FollowUpRefused({ detail: "该协议处理措施已决定或已撤回" })
  if (moneyMeasures.includes(measure.action)) {
    // A fund recovery: 初审 (the proposal) → 复审 → 审批, three different people.
    if (measure.reviewedById === null)
      return new FollowUpRefused({
        detail: `「${agreementActions[measure.action].label}」属基金追回事项，须经复审后方可审批（初审 → 复审 → 审批）`
      })
    const conflict = internalControlConflict("fund_recovery", measureHistory(measure), decider, "approval")
    if (conflict) return new FollowUpRefused({ detail: conflict.detail })
  } else if (measure.proposedById !== null && measure.proposedById === decider.id)
    return new FollowUpRefused({ detail: "不相容岗位分离：提出协议处理意见的人员不能决定本人提出的措施" })
  if (agreementActions[measure.action].hearFirst && measure.statementOn === null)
    return new FollowUpRefused({
      detail: `「${agreementActions[measure.action].label}」须先听取定点医药机构的陈述、申辩（服务协议、条例第十三条），请先登记陈述申辩`
    })
  return null
}

/**
 * The days an institution is given to rectify after a penalty decision (整改期限). ⚠️ No statute fixes
 * it; seed 000's 限期整改 leaves it to the bureau — FundGuard's default, to be confirmed locally.
 *
 * @category parameters
 */
export const rectificationDays = 30

// ── Rectification orders ─────────────────────────────────────────────────────────────────────────

/**
 * A rectification order as issued.
 *
 * @category models
 */
export const RectificationIssue = Schema.Struct({
  institutionCode: Code,
  source: Schema.Literal("case", "inspection", "notice"),
  sourceId: Schema.optional(Code),
  violations: Schema.Array(ViolationCode).pipe(Schema.maxItems(50)),
  problems: Text(5000),
  dueOn: IsoDate
}).annotations({ identifier: "RectificationIssue" })
/** @category models */
export type RectificationIssue = typeof RectificationIssue.Type

/**
 * A stored order.
 *
 * @category models
 */
export interface StoredRectification extends RectificationOrder {
  readonly id: string
}

/**
 * Whether a report can be recorded (not yet reported or re-checked) or a re-check (reported, not yet
 * re-checked).
 *
 * @category rules
 */
export const rectificationStepRefusal = (
  order: StoredRectification,
  step: "report" | "recheck"
): FollowUpRefused | null => {
  if (order.recheckPassed !== null) return new FollowUpRefused({ detail: "该整改已复查，不能再修改" })
  if (step === "report" && order.reportedOn !== null) return new FollowUpRefused({ detail: "已登记整改报告" })
  if (step === "recheck" && order.reportedOn === null)
    return new FollowUpRefused({ detail: "机构尚未报送整改报告，不能复查（逾期未报的按逾期升级处理）" })
  return null
}

// ── Self-inspection campaigns ────────────────────────────────────────────────────────────────────

/**
 * A campaign as the bureau defines it (seed 001: the data since 2018-01-01, the report and refunds
 * by the end of the self-check phase).
 *
 * @category models
 */
export const CampaignDefinition = Schema.Struct({
  code: Code,
  title: Text(200),
  orgKinds: Schema.Array(OrgKind).pipe(Schema.minItems(1), Schema.maxItems(7)),
  dataFrom: IsoDate,
  dataTo: IsoDate,
  reportDue: IsoDate,
  refundDue: IsoDate,
  source: Text(500)
}).pipe(
  Schema.filter((c) =>
    c.dataFrom > c.dataTo
      ? { path: ["dataTo"], message: "数据截止日期不能早于起始日期" }
      : c.refundDue < c.dataTo
        ? { path: ["refundDue"], message: "退款期限不能早于数据截止日期" }
        : true
  )
)
/** @category models */
export type CampaignDefinition = typeof CampaignDefinition.Type

/**
 * An institution's self-check report as recorded by the bureau.
 *
 * @category models
 */
export const ReportInput = Schema.Struct({
  institutionCode: Code,
  submittedOn: Schema.NullOr(IsoDate),
  commitmentSigned: Schema.Boolean,
  problems: Schema.Array(Text(500)).pipe(Schema.maxItems(200)),
  refunds: Schema.Array(Schema.Struct({ amount: Yuan, paidOn: IsoDate, violation: Schema.NullOr(ViolationCode) })).pipe(
    Schema.maxItems(500)
  )
}).annotations({ identifier: "SelfCheckReportInput" })
/** @category models */
export type ReportInput = typeof ReportInput.Type

// ── Services ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Where follow-ups are kept; every write carries its audit entry in the same transaction.
 *
 * @category services
 */
export class FollowUpRepository extends Context.Tag("@fundguard/domain/FollowUpRepository")<
  FollowUpRepository,
  {
    readonly proposeMeasure: (request: {
      readonly id: string
      readonly proposal: MeasureProposal
      readonly actor: Actor
      readonly today: IsoDate
    }) => Effect.Effect<void, FollowUpNotFound>
    readonly loadMeasure: (id: string) => Effect.Effect<StoredMeasure, FollowUpNotFound>
    readonly recordMeasureStatement: (request: {
      readonly id: string
      readonly statement: string
      readonly on: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<void, FollowUpRefused>
    /** Decides the measure only if it is still proposed (two deciders at once: the second is refused). */
    /** Records the 复审 of a fund-recovery measure, only if still proposed and not yet reviewed. */
    readonly reviewMeasure: (request: {
      readonly id: string
      readonly actor: Actor
      readonly today: IsoDate
    }) => Effect.Effect<void, FollowUpRefused>
    readonly decideMeasure: (request: {
      readonly id: string
      readonly decision: string
      readonly actor: Actor
      readonly today: IsoDate
    }) => Effect.Effect<void, FollowUpRefused>
    readonly issueRectification: (request: {
      readonly id: string
      readonly issue: RectificationIssue
      readonly actor: Actor
      readonly today: IsoDate
    }) => Effect.Effect<void, FollowUpNotFound>
    readonly loadRectification: (id: string) => Effect.Effect<StoredRectification, FollowUpNotFound>
    readonly recordRectification: (request: {
      readonly id: string
      readonly step: "report" | "recheck"
      readonly on: IsoDate
      readonly text: string
      readonly passed: boolean | null
      readonly actor: Actor
    }) => Effect.Effect<void, FollowUpRefused>
    /** Orders not yet escalated and not yet reported or re-checked (the candidates for 升级督办). */
    readonly unescalated: Effect.Effect<ReadonlyArray<StoredRectification & { readonly problems: string }>>
    /** Marks an order escalated on `today`, once (a second call changes nothing), with its audit entry. */
    readonly markEscalated: (request: {
      readonly id: string
      readonly today: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<boolean>
    readonly saveCampaign: (request: {
      readonly campaign: CampaignDefinition
      readonly actor: Actor
    }) => Effect.Effect<void>
    readonly saveReport: (request: {
      readonly campaignCode: string
      readonly report: ReportInput
      readonly actor: Actor
    }) => Effect.Effect<void, FollowUpNotFound>
    /** The campaigns covering an institution's kind, with its report in each (for the penalty factors). */
    readonly campaignsOf: (institutionCode: string) => Effect.Effect<
      ReadonlyArray<{
        readonly campaign: SelfCheckCampaign
        readonly report: SelfCheckReport | undefined
        readonly orgKind: OrgKind
      }>
    >
  }
>() {}
