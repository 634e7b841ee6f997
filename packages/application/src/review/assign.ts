/**
 * Giving a lead's current step to a person (分派), or taking it oneself (领取): load the lead and the
 * person, let the domain decide whether the caller may and the person can, write it at the lead's
 * revision with its event and audit entry.
 */
import { decideAssignment, ReviewRepository, StaleRevision, type StepActor } from "@fundguard/domain/review"
import * as Effect from "effect/Effect"

/** An assignment someone asks for. */
export interface AssignRequest {
  readonly suspicionId: string
  /** The revision the person saw; refused if the lead changed since. */
  readonly revision: number
  readonly assigneeId: string
  readonly actor: StepActor
}

/**
 * Assigns. Fails with `SuspicionNotFound`, `StaleRevision`, `AssigneeNotFound` or `ReviewRefused`
 * (the caller may not assign, or the person may not hold the step).
 */
export const assignLead = Effect.fn("Review.assign")(function* (request: AssignRequest) {
  const leads = yield* ReviewRepository
  const lead = yield* leads.load(request.suspicionId)
  if (lead.revision !== request.revision)
    return yield* new StaleRevision({ expected: request.revision, actual: lead.revision })
  const assignee = yield* leads.findPerson(request.assigneeId)
  yield* decideAssignment(lead.subject, request.actor, assignee)
  const { revision } = yield* leads.recordAssignment(lead, assignee, request.actor)
  return { id: lead.id, status: lead.status, revision, assigneeId: assignee.id, assigneeName: assignee.name }
})
