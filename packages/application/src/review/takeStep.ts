/**
 * Taking a review step (初审、复审、推送、反馈、核实、审批): load the lead, let the domain decide the
 * whole step, write it with its audit entry in one transaction.
 */
import { BureauClock, WorkingCalendar } from "@fundguard/domain/kernel"
import { planReviewStep, ReviewRepository, type ReviewAction, type StepActor } from "@fundguard/domain/review"
import * as Effect from "effect/Effect"

/** A step someone asks to take. */
export interface StepRequest {
  readonly suspicionId: string
  /** The revision the person saw; the step is refused if the lead changed since. */
  readonly revision: number
  readonly action: ReviewAction
  /** What they wrote (reason, response, proposal, case number), checked by the domain. */
  readonly input: unknown
  readonly actor: StepActor
}

/**
 * Takes one step. Fails with `SuspicionNotFound`, `StaleRevision`, `ReviewRefused` (the rules
 * forbid it: role, 三级审核, assignment, status) or `InvalidReviewInput` (naming the fields).
 */
export const takeReviewStep = Effect.fn("Review.takeStep")(function* (request: StepRequest) {
  const leads = yield* ReviewRepository
  const calendar = yield* WorkingCalendar
  // The bureau's date of the step: deadlines and lateness count from it.
  const today = yield* Effect.flatMap(BureauClock, (clock) => clock.today)
  const lead = yield* leads.load(request.suspicionId)
  const plan = yield* planReviewStep(lead, { ...request, today }, calendar)
  yield* leads.recordStep(lead, plan, request.actor)
  return { id: lead.id, status: plan.to, revision: plan.revision, dueDate: plan.dueDate }
})
