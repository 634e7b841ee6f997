/**
 * The review workflow of suspicions in the database. The domain decides (`decideReviewAction`,
 * `checkStepInput`, `deadlineFor`); this module applies a decision: the new state on the suspicion,
 * the step as a `ReviewEvent`, the institution's response or the outcome where the step has one, and
 * the audit entry — all in one transaction. Every step names the revision it was decided on and
 * bumps it, so of two reviewers acting on the same step only the first succeeds (optimistic
 * concurrency); the unique (suspicion, revision) of the events backs this up.
 */
import * as Schema from "effect/Schema"
import {
  checkStepInput,
  deadlineFor,
  decideAssignment,
  decideReviewAction,
  isOverdue,
  stepOfStatus,
  type IsoDate,
  type ReviewAction,
  type ReviewActor,
  type ReviewHistoryEntry,
  type ReviewLevel,
  type ReviewProposal,
  type ReviewSubject,
  type Role,
  type SuspicionStatus,
  can,
  suspicionCategory
} from "@fundguard/domain"
import { bureauDate, type WorkingCalendarShape } from "@fundguard/domain/WorkingCalendar"
import * as Either from "effect/Either"
import { recordAudit } from "./audit.js"
import type { Db } from "./client.js"

type Tx = Pick<
  Db,
  "suspicion" | "reviewEvent" | "institutionResponse" | "reviewOutcome" | "auditEvent" | "auditChainHead" | "user"
>

/** The suspicion does not exist. */
export class SuspicionNotFound extends Schema.TaggedError<SuspicionNotFound>()("SuspicionNotFound", {
  id: Schema.String
}) {
  override get message(): string {
    return `疑点 ${this.id} 不存在`
  }
}

/** The step was decided on a revision that is no longer current: someone else acted first. */
export class StaleRevision extends Schema.TaggedError<StaleRevision>()("StaleRevision", {
  expected: Schema.Number,
  actual: Schema.Number
}) {
  override get message(): string {
    return "该疑点已被他人处理或修改，请刷新后查看最新状态再操作"
  }
}

/** The person to assign to does not exist or is inactive. */
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

/** A signed-in person taking a step, with where the request came from. */
export interface ReviewCaller extends ReviewActor {
  readonly ip?: string | null
  /** How the audit log names the caller (`actorNameOf`); the display name when absent. */
  readonly auditName?: string
}

const toAuditActor = (caller: ReviewCaller) => ({
  id: caller.id,
  name: caller.auditName ?? caller.name,
  ip: caller.ip ?? null
})

const proposalFrom = (details: unknown): ReviewProposal | null => {
  const p = (details as { proposal?: ReviewProposal | null } | null)?.proposal
  return p === undefined || p === null ? null : p
}

/** The lead as the domain rules see it: state, category, assignee, history and pending proposal. */
const subjectOf = async (tx: Tx, id: string) => {
  const s = await tx.suspicion.findUnique({ where: { id } })
  if (s === null) throw new SuspicionNotFound({ id })
  const events = await tx.reviewEvent.findMany({ where: { suspicionId: id }, orderBy: { revision: "asc" } })
  const history: Array<ReviewHistoryEntry> = events.map((e) => ({
    action: e.action,
    level: e.level as ReviewLevel | null,
    actorId: e.actorId,
    actorName: e.actorName
  }))
  const lastProposal = [...events]
    .reverse()
    .find((e) => e.action === "propose_confirm" || e.action === "propose_exclude")
  const subject: ReviewSubject = {
    status: s.status as SuspicionStatus,
    category: suspicionCategory(s.ruleCode),
    assigneeId: s.assigneeId,
    assigneeName: s.assigneeName,
    dueDate: s.dueDate,
    history,
    proposal: s.status === "pending_approval" && lastProposal !== undefined ? proposalFrom(lastProposal.details) : null
  }
  return { suspicion: s, subject, events, lastProposal }
}

/** Loads what the domain needs to offer the steps of a lead to a person (the detail page's buttons). */
export const reviewSubject = async (db: Db, id: string) => (await subjectOf(db, id)).subject

/** A step to apply. */
export interface ReviewStepRequest {
  readonly suspicionId: string
  /** The revision the caller saw; the step is refused if the lead changed since. */
  readonly revision: number
  readonly action: ReviewAction
  readonly input: unknown
  readonly caller: ReviewCaller
  /** The bureau's date of the step (deadlines and lateness are counted from it). */
  readonly today: IsoDate
  readonly calendar: WorkingCalendarShape
}

/**
 * Applies one review step in one transaction. Throws `SuspicionNotFound`, `StaleRevision`, the
 * domain's `ReviewRefused` (a step the rules forbid) or `InvalidReviewInput`.
 */
export const applyReviewStep = async (db: Db, request: ReviewStepRequest) =>
  db.$transaction(async (tx) => {
    const { suspicion, subject, lastProposal } = await subjectOf(tx, request.suspicionId)
    if (suspicion.revision !== request.revision)
      throw new StaleRevision({ expected: request.revision, actual: suspicion.revision })
    const decision = decideReviewAction(subject, request.caller, request.action, request.today)
    if (Either.isLeft(decision)) throw decision.left
    const checked = checkStepInput(request.action, request.input, request.today, suspicion.amount)
    if (Either.isLeft(checked)) throw checked.left
    const { to, from, level, nextStep, late } = decision.right
    const details = checked.right

    // The verification deadline runs from the response, not from when someone opens the file.
    const keepsDeadline = nextStep !== null && stepOfStatus(from) === nextStep
    const deadline = nextStep === null || keepsDeadline ? null : deadlineFor(nextStep, request.today, request.calendar)
    const dueDate = nextStep === null ? null : keepsDeadline ? suspicion.dueDate : (deadline?.dueDate ?? null)
    // Whoever starts verifying holds the verification; every other step leaves the next one open.
    const assignee = request.action === "start_verification" ? request.caller : null
    const revision = suspicion.revision + 1

    const updated = await tx.suspicion.updateMany({
      where: { id: suspicion.id, revision: suspicion.revision, status: suspicion.status },
      data: {
        status: to,
        revision,
        dueDate,
        assigneeId: assignee?.id ?? null,
        assigneeName: assignee?.name ?? null
      }
    })
    if (updated.count !== 1) throw new StaleRevision({ expected: request.revision, actual: revision })

    const event = await tx.reviewEvent.create({
      data: {
        suspicionId: suspicion.id,
        revision,
        action: request.action,
        fromStatus: from,
        toStatus: to,
        level,
        actorId: request.caller.id,
        actorName: request.caller.name,
        actorRole: request.caller.role,
        reason: details.reason,
        details: { response: details.response, proposal: details.proposal, caseNumber: details.caseNumber } as never,
        assigneeId: assignee?.id ?? null,
        assigneeName: assignee?.name ?? null,
        dueDate,
        deadlineSource: deadline?.source ?? null,
        late
      }
    })

    if (request.action === "record_response" && details.response !== null) {
      await tx.institutionResponse.create({
        data: {
          suspicionId: suspicion.id,
          kind: details.response.kind,
          statement: details.response.statement,
          receivedOn: details.response.receivedOn,
          documents: [...details.response.documents] as never,
          late: isOverdue(suspicion.dueDate, details.response.receivedOn),
          recordedById: request.caller.id,
          recordedByName: request.caller.name
        }
      })
    }
    if (request.action === "mark_no_response") {
      await tx.institutionResponse.create({
        data: {
          suspicionId: suspicion.id,
          kind: "none",
          statement: `反馈期限 ${suspicion.dueDate ?? ""} 届满未收到反馈，视为无异议`,
          receivedOn: request.today,
          documents: [] as never,
          late: true,
          recordedById: request.caller.id,
          recordedByName: request.caller.name
        }
      })
    }
    if (request.action === "approve" && subject.proposal !== null && lastProposal !== undefined) {
      await tx.reviewOutcome.create({
        data: {
          suspicionId: suspicion.id,
          result: to,
          disposition: subject.proposal.disposition,
          deductionAmount: subject.proposal.deductionAmount,
          caseNumber: details.caseNumber,
          reason: lastProposal.reason ?? "",
          proposedById: lastProposal.actorId,
          proposedByName: lastProposal.actorName,
          approvedById: request.caller.id,
          approvedByName: request.caller.name
        }
      })
    }
    await recordAudit(tx, toAuditActor(request.caller), {
      action: `suspicion.${request.action}`,
      entityType: "suspicion",
      entityId: suspicion.id,
      details: {
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
    return { id: suspicion.id, status: to, revision, dueDate, event }
  })

/** An assignment to apply. */
export interface AssignRequest {
  readonly suspicionId: string
  readonly revision: number
  readonly assigneeId: string
  readonly caller: ReviewCaller
}

/**
 * Assigns the lead's current step to a person (or lets a person claim it), in one transaction with
 * its event and audit entry. Throws `SuspicionNotFound`, `AssigneeNotFound`, `StaleRevision` or
 * `ReviewRefused`.
 */
export const assignSuspicion = async (db: Db, request: AssignRequest) =>
  db.$transaction(async (tx) => {
    const { suspicion, subject } = await subjectOf(tx, request.suspicionId)
    if (suspicion.revision !== request.revision)
      throw new StaleRevision({ expected: request.revision, actual: suspicion.revision })
    const user = await tx.user.findUnique({ where: { id: request.assigneeId } })
    if (user === null || !user.active) throw new AssigneeNotFound({ id: request.assigneeId })
    const assignee: ReviewActor = { id: user.id, name: user.displayName, role: user.role as Role }
    const decision = decideAssignment(subject, request.caller, assignee)
    if (Either.isLeft(decision)) throw decision.left
    const revision = suspicion.revision + 1
    const updated = await tx.suspicion.updateMany({
      where: { id: suspicion.id, revision: suspicion.revision },
      data: { revision, assigneeId: assignee.id, assigneeName: assignee.name }
    })
    if (updated.count !== 1) throw new StaleRevision({ expected: request.revision, actual: revision })
    await tx.reviewEvent.create({
      data: {
        suspicionId: suspicion.id,
        revision,
        action: "assign",
        fromStatus: suspicion.status,
        toStatus: suspicion.status,
        level: null,
        actorId: request.caller.id,
        actorName: request.caller.name,
        actorRole: request.caller.role,
        reason: null,
        details: { previousAssignee: suspicion.assigneeName } as never,
        assigneeId: assignee.id,
        assigneeName: assignee.name,
        dueDate: suspicion.dueDate
      }
    })
    await recordAudit(tx, toAuditActor(request.caller), {
      action: "suspicion.assign",
      entityType: "suspicion",
      entityId: suspicion.id,
      details: { assignee: assignee.name, assigneeId: assignee.id, previous: suspicion.assigneeName, revision }
    })
    return {
      id: suspicion.id,
      status: suspicion.status,
      revision,
      assigneeId: assignee.id,
      assigneeName: assignee.name
    }
  })

/**
 * Sets the first-review deadline of newly filed leads. Screening files leads without knowing the
 * holiday calendar; the deadline is a pure function of the day a lead was filed (in the bureau's
 * time zone), so stamping it on the next read gives the same date as stamping it at filing.
 * Returns how many leads were stamped.
 */
export const stampFirstReviewDeadlines = async (db: Db, calendar: WorkingCalendarShape): Promise<number> => {
  const missing = await db.suspicion.findMany({
    where: { dueDate: null, status: "pending_first_review" },
    select: { id: true, createdAt: true }
  })
  const byDay = new Map<IsoDate, Array<string>>()
  for (const s of missing) {
    const day = bureauDate(s.createdAt)
    byDay.set(day, [...(byDay.get(day) ?? []), s.id])
  }
  let stamped = 0
  for (const [day, ids] of byDay) {
    const { dueDate } = deadlineFor("first_review", day, calendar)
    for (let i = 0; i < ids.length; i += 500) {
      const result = await db.suspicion.updateMany({
        where: { id: { in: ids.slice(i, i + 500) }, dueDate: null, status: "pending_first_review" },
        data: { dueDate }
      })
      stamped += result.count
    }
  }
  return stamped
}

/** Everything the detail page shows about a lead. */
export const suspicionDetail = async (db: Db, id: string) => {
  const s = await db.suspicion.findUnique({
    where: { id },
    include: {
      reviewEvents: { orderBy: { revision: "asc" } },
      responses: { orderBy: { createdAt: "asc" } },
      outcome: true
    }
  })
  if (s === null) throw new SuspicionNotFound({ id })
  const [institution, firstRun, lastRun] = await Promise.all([
    db.institution.findUnique({ where: { code: s.fixmedinsCode } }),
    db.screeningRun.findUnique({ where: { id: s.firstRunId } }),
    db.screeningRun.findUnique({ where: { id: s.lastRunId } })
  ])
  return { suspicion: s, institution, firstRun, lastRun }
}

/** Active users who can take review steps, for the assignment picker. */
export const listReviewers = async (db: Db) =>
  (
    await db.user.findMany({
      where: { active: true },
      orderBy: [{ role: "asc" }, { displayName: "asc" }],
      select: { id: true, displayName: true, role: true, department: true }
    })
  ).filter((u) => can(u.role as Role, "suspicions:review"))

/** The bureau's date now. */
export const bureauToday = (now: Date = new Date()): IsoDate => bureauDate(now)

/** The institution a lead is about, or null when there is no such lead (for scope checks). */
export const institutionOfSuspicion = async (db: Db, id: string): Promise<string | null> =>
  (await db.suspicion.findUnique({ where: { id }, select: { fixmedinsCode: true } }))?.fixmedinsCode ?? null
