/**
 * One review step, decided whole: given the lead as it stands, who acts, what they ask and what
 * they wrote, everything the step changes — the new status and revision, the next deadline and its
 * source, who holds the next step, the institution's response or the outcome to record, and the
 * audit entry. Pure: the application loads the lead, calls this, and hands the plan to the
 * `ReviewRepository` to write in one transaction.
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { IsoDate } from "../kernel/IsoDate.js"
import { deadlineFor, isOverdue, stepOfStatus } from "./ReviewDeadlines.js"
import { checkStepInput, type InvalidReviewInput, type ReviewStepDetails } from "./ReviewInput.js"
import {
  decideReviewAction,
  type ReviewAction,
  type ReviewActor,
  type ReviewLevel,
  type ReviewProposal,
  type ReviewRefused,
  type ReviewSubject
} from "./ReviewWorkflow.js"
import type { SuspicionStatus } from "../screening/Suspicion.js"
import type { WorkingCalendarShape } from "../kernel/WorkingCalendar.js"

/**
 * A lead as a step finds it: the rules' view (`subject`) and the stored facts a step reads.
 *
 * @category models
 */
export interface LeadState {
  readonly id: string
  readonly status: SuspicionStatus
  readonly revision: number
  readonly amount: number
  readonly dueDate: string | null
  readonly subject: ReviewSubject
  /** The latest verification proposal (propose_confirm / propose_exclude), if any. */
  readonly lastProposal: {
    readonly reason: string | null
    readonly actorId: string | null
    readonly actorName: string
  } | null
}

/**
 * Everything one step writes.
 *
 * @category models
 */
export interface ReviewStepPlan {
  readonly action: ReviewAction
  readonly from: SuspicionStatus
  readonly to: SuspicionStatus
  readonly level: ReviewLevel | null
  /** The lead's revision after the step. */
  readonly revision: number
  readonly dueDate: string | null
  readonly deadlineSource: string | null
  readonly late: boolean
  /** Who holds the next step (whoever starts verifying), or nobody. */
  readonly assignee: { readonly id: string; readonly name: string } | null
  readonly details: ReviewStepDetails
  /** The institution's answer to record (登记反馈, or 逾期未反馈). */
  readonly response: {
    readonly kind: "accepted" | "appeal" | "none"
    readonly statement: string
    readonly receivedOn: string
    readonly documents: ReadonlyArray<string>
    readonly late: boolean
  } | null
  /** How the lead ended (审批). */
  readonly outcome: {
    readonly result: SuspicionStatus
    readonly proposal: ReviewProposal
    readonly proposedBy: { readonly id: string | null; readonly name: string }
    readonly reason: string
  } | null
  /** The audit entry's details. */
  readonly audit: Readonly<Record<string, unknown>>
}

/**
 * The lead changed since the person looked at it: someone else acted first.
 *
 * @category errors
 */
export class StaleRevision extends Schema.TaggedError<StaleRevision>()("StaleRevision", {
  expected: Schema.Number,
  actual: Schema.Number
}) {
  override get message(): string {
    return "该疑点已被他人处理或修改，请刷新后查看最新状态再操作"
  }
}

/**
 * Plans a step, or says why it may not be taken (the lead changed, the rules forbid it, the input
 * is wrong).
 *
 * @category rules
 */
export const planReviewStep = (
  lead: LeadState,
  request: {
    readonly revision: number
    readonly action: ReviewAction
    readonly input: unknown
    readonly actor: ReviewActor
    readonly today: IsoDate
  },
  calendar: WorkingCalendarShape
): Either.Either<ReviewStepPlan, StaleRevision | ReviewRefused | InvalidReviewInput> => {
  if (lead.revision !== request.revision)
    return Either.left(new StaleRevision({ expected: request.revision, actual: lead.revision }))
  const decision = decideReviewAction(lead.subject, request.actor, request.action, request.today)
  if (Either.isLeft(decision)) return Either.left(decision.left)
  const checked = checkStepInput(request.action, request.input, request.today, lead.amount)
  if (Either.isLeft(checked)) return Either.left(checked.left)
  const { to, from, level, nextStep, late } = decision.right
  const details = checked.right
  // The verification deadline runs from the response, not from when someone opens the file.
  const keepsDeadline = nextStep !== null && stepOfStatus(from) === nextStep
  const deadline = nextStep === null || keepsDeadline ? null : deadlineFor(nextStep, request.today, calendar)
  const dueDate = nextStep === null ? null : keepsDeadline ? lead.dueDate : (deadline?.dueDate ?? null)
  // Whoever starts verifying holds the verification; every other step leaves the next one open.
  const assignee = request.action === "start_verification" ? { id: request.actor.id, name: request.actor.name } : null
  const revision = lead.revision + 1
  const response =
    request.action === "record_response" && details.response !== null
      ? { ...details.response, late: isOverdue(lead.dueDate, details.response.receivedOn) }
      : request.action === "mark_no_response"
        ? {
            kind: "none" as const,
            statement: `反馈期限 ${lead.dueDate ?? ""} 届满未收到反馈，视为无异议`,
            receivedOn: request.today,
            documents: [],
            late: true
          }
        : null
  const outcome =
    request.action === "approve" && lead.subject.proposal !== null && lead.lastProposal !== null
      ? {
          result: to,
          proposal: lead.subject.proposal,
          proposedBy: { id: lead.lastProposal.actorId, name: lead.lastProposal.actorName },
          reason: lead.lastProposal.reason ?? ""
        }
      : null
  return Either.right({
    action: request.action,
    from,
    to,
    level,
    revision,
    dueDate,
    deadlineSource: deadline?.source ?? null,
    late,
    assignee,
    details,
    response,
    outcome,
    audit: {
      from,
      to,
      revision,
      reason: details.reason,
      dueDate,
      late,
      ...(details.proposal === null ? {} : { proposal: details.proposal }),
      ...(details.response === null ? {} : { response: details.response.kind })
    }
  })
}

/**
 * Who is recorded as acting: the person as the workflow shows them, and as the audit log names them.
 *
 * @category models
 */
export interface StepActor extends ReviewActor {
  readonly auditName: string
  readonly ip: string | null
}

/**
 * Where leads and their steps are kept. `recordStep` writes a plan in one transaction — the lead
 * (only if still at the revision the plan was made on), the step's event, the response or outcome,
 * the audit entry — or fails with `StaleRevision`.
 *
 * @category services
 */
export class ReviewRepository extends Context.Tag("@fundguard/domain/ReviewRepository")<
  ReviewRepository,
  {
    readonly load: (id: string) => Effect.Effect<LeadState, SuspicionNotFound>
    readonly recordStep: (lead: LeadState, plan: ReviewStepPlan, actor: StepActor) => Effect.Effect<void, StaleRevision>
    /** A person who may be given a lead's step: active, with their role. */
    readonly findPerson: (id: string) => Effect.Effect<ReviewActor, AssigneeNotFound>
    /** Gives the lead's current step to a person (only at the lead's revision), with its event and audit entry. */
    readonly recordAssignment: (
      lead: LeadState,
      assignee: ReviewActor,
      actor: StepActor
    ) => Effect.Effect<{ readonly revision: number }, StaleRevision>
  }
>() {}

/**
 * There is no such lead (or it is outside the caller's scope, which is told the same way).
 *
 * @category errors
 */
export class SuspicionNotFound extends Schema.TaggedError<SuspicionNotFound>()("SuspicionNotFound", {
  id: Schema.String
}) {
  override get message(): string {
    return `疑点 ${this.id} 不存在`
  }
}

/**
 * The person to assign to does not exist or is not active.
 *
 * @category errors
 */
export class AssigneeNotFound extends Schema.TaggedError<AssigneeNotFound>()("AssigneeNotFound", {
  id: Schema.String
}) {
  override get message(): string {
    return "被分派人员不存在或已停用"
  }
  /** The field at fault. */
  get problems(): ReadonlyArray<{ readonly path: string; readonly message: string }> {
    return [{ path: "$.assigneeId", message: this.message }]
  }
}
