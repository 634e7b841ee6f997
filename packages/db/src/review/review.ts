/**
 * The review workflow of suspicions in the database: the domain's `ReviewRepository` (a lead as the
 * rules see it; a step planned by the domain written in one transaction), assignment, and the
 * queries of the detail page. Every step names the revision it was decided on and bumps it, so of
 * two reviewers acting on the same step only the first succeeds (optimistic concurrency); the
 * unique (suspicion, revision) of the events backs this up.
 */
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { type Role, can } from "@fundguard/domain/access"
import { type IsoDate } from "@fundguard/domain/kernel"
import {
  AssigneeNotFound,
  ReviewRepository,
  StaleRevision,
  SuspicionNotFound,
  type LeadState,
  deadlineFor,
  type ReviewActor,
  type ReviewStepPlan,
  type StepActor,
  type ReviewHistoryEntry,
  type ReviewLevel,
  type ReviewProposal,
  type ReviewSubject
} from "@fundguard/domain/review"
import { type SuspicionStatus, suspicionCategory } from "@fundguard/domain/screening"
import { bureauDate, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import { recordAudit } from "../access/audit.js"
import { sqlReader, type Db } from "../client.js"
import { attempt } from "../effects.js"
import { suspicionsStamp, type OutcomeRow } from "./queries.js"
import { dueForSettling } from "../kernel/changeStamp.js"

type Tx = Pick<
  Db,
  "suspicion" | "reviewEvent" | "institutionResponse" | "reviewOutcome" | "auditEvent" | "auditChainHead" | "user"
>

const proposalFrom = (details: unknown): ReviewProposal | null => {
  const p = (details as { proposal?: ReviewProposal | null } | null)?.proposal
  return p === undefined || p === null ? null : p
}

/** The lead as the domain rules see it: state, category, assignee, history and pending proposal. */
const subjectOf = async (tx: Tx, id: string) => {
  const s = await tx.suspicion.findUnique({ where: { id } })
  if (s === null) throw new SuspicionNotFound({ id })
  const events = await tx.reviewEvent.findMany({ where: { suspicionId: id }, orderBy: { revision: "asc" } })
  return subjectFrom(s, events)
}

type SuspicionRow = NonNullable<Awaited<ReturnType<Tx["suspicion"]["findUnique"]>>>
type EventRow = Awaited<ReturnType<Tx["reviewEvent"]["findMany"]>>[number]

/** The lead as the domain rules see it, from the lead and its events (in revision order). */
const subjectFrom = (s: SuspicionRow, events: ReadonlyArray<EventRow>) => {
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

/** The same, from a lead already read with its events (`suspicionDetail`), without reading it again. */
export const reviewSubjectOf = (detail: {
  readonly suspicion: SuspicionRow & { readonly reviewEvents: ReadonlyArray<EventRow> }
}) => subjectFrom(detail.suspicion, detail.suspicion.reviewEvents).subject

/**
 * Where leads and their steps are kept (the domain's `ReviewRepository`), in this database.
 * `recordStep` writes a step planned by the domain in one transaction — the lead, only if still at
 * the revision the plan was made on; the step's event; the response or the outcome; the audit entry.
 */
export const reviewRepository = (db: Db): ReviewRepository["Type"] => ({
  load: (id) =>
    attempt(() => subjectOf(db, id), SuspicionNotFound).pipe(
      Effect.map(({ suspicion, subject, lastProposal }) => ({
        id: suspicion.id,
        status: suspicion.status as SuspicionStatus,
        revision: suspicion.revision,
        amount: suspicion.amount,
        dueDate: suspicion.dueDate,
        subject,
        lastProposal:
          lastProposal === undefined
            ? null
            : { reason: lastProposal.reason, actorId: lastProposal.actorId, actorName: lastProposal.actorName }
      }))
    ),
  recordStep: (lead, plan, actor) => attempt(() => recordStep(db, lead, plan, actor), StaleRevision),
  findPerson: (id) =>
    Effect.flatMap(
      Effect.promise(() => db.user.findUnique({ where: { id } })),
      (user) =>
        user === null || !user.active
          ? Effect.fail(new AssigneeNotFound({ id }))
          : Effect.succeed({ id: user.id, name: user.displayName, role: user.role as Role })
    ),
  recordAssignment: (lead, assignee, actor) => attempt(() => recordAssignment(db, lead, assignee, actor), StaleRevision)
})

const recordAssignment = (db: Db, lead: LeadState, assignee: ReviewActor, actor: StepActor) =>
  db.$transaction(async (tx) => {
    const revision = lead.revision + 1
    const updated = await tx.suspicion.updateMany({
      where: { id: lead.id, revision: lead.revision },
      data: { revision, assigneeId: assignee.id, assigneeName: assignee.name }
    })
    if (updated.count !== 1) throw new StaleRevision({ expected: lead.revision, actual: revision })
    await tx.reviewEvent.create({
      data: {
        suspicionId: lead.id,
        revision,
        action: "assign",
        fromStatus: lead.status,
        toStatus: lead.status,
        level: null,
        actorId: actor.id,
        actorName: actor.name,
        actorRole: actor.role,
        reason: null,
        details: { previousAssignee: lead.subject.assigneeName } as never,
        assigneeId: assignee.id,
        assigneeName: assignee.name,
        dueDate: lead.dueDate
      }
    })
    await recordAudit(
      tx,
      { id: actor.id, name: actor.auditName, ip: actor.ip },
      {
        action: "suspicion.assign",
        entityType: "suspicion",
        entityId: lead.id,
        details: {
          assignee: assignee.name,
          assigneeId: assignee.id,
          previous: lead.subject.assigneeName,
          revision
        }
      }
    )
    return { revision }
  })

/** The repository as a layer, for the application's runtime. */
export const ReviewRepositoryLive = (db: Db): Layer.Layer<ReviewRepository> =>
  Layer.succeed(ReviewRepository, reviewRepository(db))

const recordStep = (db: Db, lead: LeadState, plan: ReviewStepPlan, actor: StepActor) =>
  db.$transaction(async (tx) => {
    const updated = await tx.suspicion.updateMany({
      where: { id: lead.id, revision: lead.revision, status: lead.status },
      data: {
        status: plan.to,
        revision: plan.revision,
        dueDate: plan.dueDate,
        assigneeId: plan.assignee?.id ?? null,
        assigneeName: plan.assignee?.name ?? null
      }
    })
    if (updated.count !== 1) throw new StaleRevision({ expected: lead.revision, actual: plan.revision })
    await tx.reviewEvent.create({
      data: {
        suspicionId: lead.id,
        revision: plan.revision,
        action: plan.action,
        fromStatus: plan.from,
        toStatus: plan.to,
        level: plan.level,
        actorId: actor.id,
        actorName: actor.name,
        actorRole: actor.role,
        reason: plan.details.reason,
        details: {
          response: plan.details.response,
          proposal: plan.details.proposal,
          caseNumber: plan.details.caseNumber
        } as never,
        assigneeId: plan.assignee?.id ?? null,
        assigneeName: plan.assignee?.name ?? null,
        dueDate: plan.dueDate,
        deadlineSource: plan.deadlineSource,
        late: plan.late
      }
    })
    if (plan.response !== null) {
      await tx.institutionResponse.create({
        data: {
          suspicionId: lead.id,
          kind: plan.response.kind,
          statement: plan.response.statement,
          receivedOn: plan.response.receivedOn,
          documents: [...plan.response.documents] as never,
          late: plan.response.late,
          recordedById: actor.id,
          recordedByName: actor.name
        }
      })
    }
    if (plan.outcome !== null) {
      await tx.reviewOutcome.create({
        data: {
          suspicionId: lead.id,
          result: plan.outcome.result,
          disposition: plan.outcome.proposal.disposition,
          deductionAmount: plan.outcome.proposal.deductionAmount,
          caseNumber: plan.details.caseNumber,
          reason: plan.outcome.reason,
          proposedById: plan.outcome.proposedBy.id,
          proposedByName: plan.outcome.proposedBy.name,
          approvedById: actor.id,
          approvedByName: actor.name
        }
      })
    }
    await recordAudit(
      tx,
      { id: actor.id, name: actor.auditName, ip: actor.ip },
      { action: `suspicion.${plan.action}`, entityType: "suspicion", entityId: lead.id, details: { ...plan.audit } }
    )
  })

/**
 * Sets the first-review deadline of newly filed leads. Screening files leads without knowing the
 * holiday calendar; the deadline is a pure function of the day a lead was filed (in the bureau's
 * time zone), so stamping it on the next read gives the same date as stamping it at filing.
 * Returns how many leads were stamped.
 */
export const stampFirstReviewDeadlines = async (db: Db, calendar: WorkingCalendarShape): Promise<number> =>
  (await stampDeadlinesIfChanged(db, calendar)).stamped

/**
 * Stamps first-review deadlines (`stampFirstReviewDeadlines`) only when leads changed since the last look, and
 * returns the leads' change stamp for the reads that follow (the list's remembered totals): a read of the list
 * costs one indexed look at the newest change instead of a search for unstamped leads.
 */
export const readySuspicionReads = async (db: Db, calendar: WorkingCalendarShape): Promise<number> =>
  (await stampDeadlinesIfChanged(db, calendar)).stamp

/**
 * The change stamp up to which no lead is left unstamped, per database, and when that was seen: trusted while the
 * stamp stays, once settled (`changeStamp.ts`); before that the search runs once more after the stamp settles.
 */
const stampedUpTo = new WeakMap<Db, { readonly stamp: number; readonly at: number }>()

const stampDeadlinesIfChanged = async (db: Db, calendar: WorkingCalendarShape) => {
  const before = await suspicionsStamp(db)
  const seen = stampedUpTo.get(db)
  const now = Date.now()
  if (seen !== undefined && seen.stamp === before && !dueForSettling(seen.stamp, seen.at, now))
    return { stamped: 0, stamp: before }
  const stamped = await stampNow(db, calendar)
  // Stamping moves the stamp on; the next look then searches once more and finds nothing.
  const stamp = stamped === 0 ? before : await suspicionsStamp(db)
  if (stamped === 0) stampedUpTo.set(db, { stamp: before, at: now })
  return { stamped, stamp }
}

const stampNow = async (db: Db, calendar: WorkingCalendarShape): Promise<number> => {
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

/** The detail's statements have fixed texts and run on every view: prepared once per connection. */
const prepared = { prepare: true } as const

/** Everything the detail page shows about a lead. */
export const suspicionDetail = async (db: Db, id: string) => {
  // In SQL: the detail is the review's busiest read after the list, and Prisma's query compiler costs more than
  // the database for each of these small reads (docs/benchmarks.md, reads at scale).
  const sql = sqlReader(db)
  const [s] = await sql<SuspicionRow>(`SELECT * FROM "Suspicion" WHERE "id" = $1`, [id], prepared)
  if (s === undefined) throw new SuspicionNotFound({ id })
  const [events, responses, outcomes, institutions, runs] = await Promise.all([
    sql<EventRow>(`SELECT * FROM "ReviewEvent" WHERE "suspicionId" = $1 ORDER BY "revision" ASC`, [id], prepared),
    sql<ResponseRow>(
      `SELECT * FROM "InstitutionResponse" WHERE "suspicionId" = $1 ORDER BY "createdAt" ASC`,
      [id],
      prepared
    ),
    sql<OutcomeRow>(`SELECT * FROM "ReviewOutcome" WHERE "suspicionId" = $1`, [id], prepared),
    sql<InstitutionRow>(`SELECT * FROM "Institution" WHERE "code" = $1`, [s.fixmedinsCode], prepared),
    // The run's identity only: its figures (per-rule statistics, progress) are large and not shown here.
    sql<RunIdentity>(
      `SELECT "id", "startedAt", "extract" FROM "ScreeningRun" WHERE "id" IN ($1, $2)`,
      [s.firstRunId, s.lastRunId],
      prepared
    )
  ])
  const suspicion = {
    ...s,
    reviewEvents: events,
    responses,
    outcome: outcomes[0] ?? null
  }
  const firstRun = runs.find((r) => r.id === s.firstRunId) ?? null
  const lastRun = runs.find((r) => r.id === s.lastRunId) ?? null
  return { suspicion, institution: institutions[0] ?? null, firstRun, lastRun }
}

type ResponseRow = Awaited<ReturnType<Db["institutionResponse"]["findFirstOrThrow"]>>
type InstitutionRow = Awaited<ReturnType<Db["institution"]["findFirstOrThrow"]>>
interface RunIdentity {
  readonly id: string
  readonly startedAt: Date
  readonly extract: string
}

/** Active users who can take review steps, for the assignment picker. */
export const listReviewers = async (db: Db) =>
  (
    await db.user.findMany({
      where: { active: true },
      orderBy: [{ role: "asc" }, { displayName: "asc" }],
      select: { id: true, displayName: true, role: true, department: true }
    })
  )
    .map((u) => ({ ...u, role: u.role as Role }))
    .filter((u) => can(u.role, "suspicions:review"))

/** The bureau's date now. */
export const bureauToday = (now: Date = new Date()): IsoDate => bureauDate(now)

/** The institution a lead is about, or null when there is no such lead (for scope checks). */
export const institutionOfSuspicion = async (db: Db, id: string): Promise<string | null> =>
  (
    await sqlReader(db)<{ fixmedinsCode: string }>(
      `SELECT "fixmedinsCode" FROM "Suspicion" WHERE "id" = $1`,
      [id],
      prepared
    )
  )[0]?.fixmedinsCode ?? null
