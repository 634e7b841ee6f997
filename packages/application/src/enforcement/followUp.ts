/**
 * Follow-ups of a finding: agreement-track measures (propose → hear → decide by another person),
 * rectification orders (issue → report → re-check), self-inspection campaigns and reports, and the
 * penalty factors a campaign gives a later case in its scope (医保函〔2020〕9号 一（三）3).
 */
import { bureauToday, decodeOr } from "../internal/inputs.js"
import {
  CampaignDefinition,
  FollowUpRefused,
  FollowUpRepository,
  InvalidCaseInput,
  MeasureProposal,
  measureDecisionRefusal,
  measureReviewRefusal,
  measureProposalProblems,
  RectificationIssue,
  rectificationState,
  rectificationStepRefusal,
  ReportInput,
  selfCheckFactorsForFindings
} from "@fundguard/domain/enforcement"
import { Ids, IsoDate, type Actor } from "@fundguard/domain/kernel"
import type { CaseFactors, ViolationCode } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const today = bureauToday

const decode = decodeOr((problems) => new InvalidCaseInput({ problems }))

const notFuture = (on: IsoDate, path: string) =>
  Effect.flatMap(today, (t) =>
    on > t
      ? Effect.fail(new InvalidCaseInput({ problems: [{ path, message: `日期 ${on} 晚于今天（${t}）` }] }))
      : Effect.void
  )

/** Proposes an agreement-track measure (协议处理意见). */
export const proposeMeasure = Effect.fn("FollowUp.proposeMeasure")(function* (request: {
  readonly proposal: unknown
  readonly actor: Actor
}) {
  const proposal = yield* decode(MeasureProposal, request.proposal)
  const problems = measureProposalProblems(proposal)
  if (problems.length > 0) return yield* Effect.fail(new InvalidCaseInput({ problems }))
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  yield* Effect.flatMap(FollowUpRepository, (repo) =>
    Effect.flatMap(today, (on) => repo.proposeMeasure({ id, proposal, actor: request.actor, today: on }))
  )
  return { id }
})

/** Records the institution's statement (陈述、申辩) on a proposed measure. */
export const recordMeasureStatement = Effect.fn("FollowUp.recordMeasureStatement")(function* (request: {
  readonly id: string
  readonly statement: unknown
  readonly on: unknown
  readonly actor: Actor
}) {
  const input = yield* decode(
    Schema.Struct({ statement: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(5000)), on: IsoDate }),
    { statement: request.statement, on: request.on }
  )
  yield* notFuture(input.on, "$.on")
  const repo = yield* FollowUpRepository
  const measure = yield* repo.loadMeasure(request.id)
  if (measure.status !== "proposed") return yield* Effect.fail(new FollowUpRefused({ detail: "该措施已决定或已撤回" }))
  yield* repo.recordMeasureStatement({ id: request.id, statement: input.statement, on: input.on, actor: request.actor })
})

/** Reviews (复审) a fund-recovery measure: not by its proposer, once. */
export const reviewMeasure = Effect.fn("FollowUp.reviewMeasure")(function* (request: {
  readonly id: string
  readonly actor: Actor
}) {
  const repo = yield* FollowUpRepository
  const measure = yield* repo.loadMeasure(request.id)
  const refusal = measureReviewRefusal(measure, { id: request.actor.id ?? "system", name: request.actor.name })
  if (refusal) return yield* Effect.fail(refusal)
  yield* repo.reviewMeasure({ id: request.id, actor: request.actor, today: yield* today })
})

/** Decides a measure; refused to its proposer and before a required hearing. */
export const decideMeasure = Effect.fn("FollowUp.decideMeasure")(function* (request: {
  readonly id: string
  readonly decision: string
  readonly actor: Actor
}) {
  const repo = yield* FollowUpRepository
  const measure = yield* repo.loadMeasure(request.id)
  const refusal = measureDecisionRefusal(measure, { id: request.actor.id ?? "system", name: request.actor.name })
  if (refusal) return yield* Effect.fail(refusal)
  yield* repo.decideMeasure({ id: request.id, decision: request.decision, actor: request.actor, today: yield* today })
})

/** Issues a rectification order (整改通知). */
export const issueRectification = Effect.fn("FollowUp.issueRectification")(function* (request: {
  readonly issue: unknown
  readonly actor: Actor
}) {
  const issue = yield* decode(RectificationIssue, request.issue)
  const on = yield* today
  if (issue.dueOn <= on)
    return yield* Effect.fail(
      new InvalidCaseInput({ problems: [{ path: "$.dueOn", message: `整改期限须晚于今天（${on}）` }] })
    )
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  yield* Effect.flatMap(FollowUpRepository, (repo) =>
    repo.issueRectification({ id, issue, actor: request.actor, today: on })
  )
  return { id }
})

/** Records the institution's report (整改报告) or the bureau's re-check (复查) on an order. */
export const recordRectification = Effect.fn("FollowUp.recordRectification")(function* (request: {
  readonly id: string
  readonly step: "report" | "recheck"
  readonly input: unknown
  readonly actor: Actor
}) {
  const input = yield* decode(
    Schema.Struct({
      on: IsoDate,
      text: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(5000)),
      passed: Schema.optional(Schema.Boolean)
    }),
    request.input
  )
  yield* notFuture(input.on, "$.on")
  if (request.step === "recheck" && input.passed === undefined)
    return yield* Effect.fail(
      new InvalidCaseInput({ problems: [{ path: "$.passed", message: "复查须写明是否整改到位" }] })
    )
  const repo = yield* FollowUpRepository
  const order = yield* repo.loadRectification(request.id)
  const refusal = rectificationStepRefusal(order, request.step)
  if (refusal) return yield* Effect.fail(refusal)
  yield* repo.recordRectification({
    id: request.id,
    step: request.step,
    on: input.on,
    text: input.text,
    passed: request.step === "recheck" ? (input.passed ?? null) : null,
    actor: request.actor
  })
})

/** Defines (or redefines) a self-inspection campaign. */
export const saveCampaign = Effect.fn("FollowUp.saveCampaign")(function* (request: {
  readonly campaign: unknown
  readonly actor: Actor
}) {
  const campaign = yield* decode(CampaignDefinition, request.campaign)
  yield* Effect.flatMap(FollowUpRepository, (repo) => repo.saveCampaign({ campaign, actor: request.actor }))
  return { code: campaign.code }
})

/** Records an institution's self-check report, commitment and refunds. */
export const saveSelfCheckReport = Effect.fn("FollowUp.saveSelfCheckReport")(function* (request: {
  readonly campaignCode: string
  readonly report: unknown
  readonly actor: Actor
}) {
  const report = yield* decode(ReportInput, request.report)
  if (report.submittedOn !== null) yield* notFuture(report.submittedOn, "$.submittedOn")
  yield* Effect.forEach(report.refunds, (r, i) => notFuture(r.paidOn, `$.refunds[${i}].paidOn`), { discard: true })
  yield* Effect.flatMap(FollowUpRepository, (repo) =>
    repo.saveReport({ campaignCode: request.campaignCode, report, actor: request.actor })
  )
})

/**
 * The penalty factors the self-inspection campaigns give findings at an institution: for each
 * violation in a campaign's scope and data window, 按期足额退回 (mitigating) or 自查不力 (aggravating),
 * with the reasons. Applied automatically to a case's assessment; factors the officer set win.
 */
export const campaignFactors = Effect.fn("FollowUp.campaignFactors")(function* (request: {
  readonly institutionCode: string
  readonly violations: ReadonlyArray<{
    readonly code: ViolationCode
    readonly amount: number
    readonly occurredOn: IsoDate
  }>
}) {
  const campaigns = yield* Effect.flatMap(FollowUpRepository, (repo) => repo.campaignsOf(request.institutionCode))
  const factors: Partial<Record<keyof CaseFactors, boolean>> = {}
  const reasons: Array<string> = []
  for (const { campaign, report, orgKind } of campaigns) {
    const found = selfCheckFactorsForFindings(
      campaign,
      { code: request.institutionCode, orgKind },
      report,
      request.violations.map((v) => ({ violation: v.code, amount: v.amount, occurredOn: v.occurredOn }))
    )
    if (found === null) continue
    Object.assign(factors, found.factors)
    reasons.push(found.reason)
  }
  // Both at once cannot stand: one violation refunded in time does not excuse another left unrefunded;
  // the aggravating factor wins for the case as a whole, and the reasons say why.
  if (factors.ignoredSelfCheckList) delete factors.refundedInFullByDeadline
  return { factors, reasons }
})

/**
 * The daily escalation (升级督办) of rectification orders past their deadline without a report: each
 * is marked escalated once, with its audit entry; answers the orders escalated today.
 */
export const escalateOverdueRectifications = Effect.fn("FollowUp.escalateOverdue")(function* (request: {
  readonly actor: Actor
}) {
  const repo = yield* FollowUpRepository
  const on = yield* today
  const overdue = (yield* repo.unescalated).filter((order) => rectificationState(order, on) === "overdue")
  const escalated: Array<(typeof overdue)[number]> = []
  for (const order of overdue)
    if (yield* repo.markEscalated({ id: order.id, today: on, actor: request.actor })) escalated.push(order)
  return escalated
})
