/**
 * Cases (案件): open one from its source, take a step of the procedure, and read a case as the case
 * officer sees it (its file, deadlines and the steps offered to them). Load → the domain decides →
 * the repository writes the step, its 文号 and its audit entry in one transaction.
 */
import { bureauToday } from "../internal/inputs.js"
import { can, type Role } from "@fundguard/domain/access"
import {
  caseFile,
  caseFileDeadlines,
  CaseOpening,
  CaseOpeningRefused,
  CaseRepository,
  offeredCaseSteps,
  planCaseStep,
  procedureLimitsOn,
  type CaseAction,
  type CaseActor,
  type CaseDeadline,
  type CaseFile,
  type NextDeadline,
  rectificationDays
} from "@fundguard/domain/enforcement"
import { campaignFactors } from "./followUp.js"
import { ComplaintRepository } from "@fundguard/domain/complaints"
import {
  addDays,
  covers,
  Ids,
  problemsOf,
  WorkingCalendar,
  weekendsBeyondCoverage,
  type Actor,
  type IsoDate
} from "@fundguard/domain/kernel"
import type { ViolationCode } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

/** A person acting on a case: who they are (for the record) and their role (for the rules). */
export interface CaseRequester {
  readonly actor: Actor
  readonly role: Role
}

const caseActor = ({ actor, role }: CaseRequester): CaseActor => ({
  id: actor.id ?? "system",
  name: actor.name,
  can: (permission) => can(role, permission)
})

const today = bureauToday

/** The bureau's next open deadline on a case, for the lists and the today view. */
const nextDeadline = (deadlines: ReadonlyArray<CaseDeadline>): NextDeadline | null => {
  const open = deadlines
    .filter((d) => d.by === "bureau" && (d.state === "open" || d.state === "overdue"))
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0]
  return open ? { dueOn: open.dueOn, step: open.label } : null
}

/**
 * The calendar a case counts with: the holiday data, and past the years it covers weekends only — a
 * case filed in December has deadlines in a year whose 节假日安排 is not yet published; they are shown
 * as provisional rather than refused.
 */
const caseCalendar = Effect.map(WorkingCalendar, (calendar) => ({
  exact: calendar,
  counting: weekendsBeyondCoverage(calendar)
}))

const deadlinesOf = (file: CaseFile, on: IsoDate) =>
  Effect.flatMap(caseCalendar, ({ exact, counting }) =>
    caseFileDeadlines(file, { today: on, calendar: counting, limits: procedureLimitsOn(on).value }).pipe(
      Either.map((deadlines) => deadlines.map((d) => ({ ...d, provisional: !covers(exact, d.dueOn) })))
    )
  )

/**
 * The assessment input with the factors the self-inspection campaigns give its violations (the
 * officer's own factors win), and the reasons; unchanged when the input is not an assessment's.
 */
const withCampaignFactors = (institutionCode: string, input: unknown) =>
  Effect.gen(function* () {
    const facts = (input as { facts?: { violations?: unknown; factors?: unknown } } | null)?.facts
    const violations = Array.isArray(facts?.violations) ? (facts.violations as Array<Record<string, unknown>>) : []
    const dated = violations.flatMap((v) => {
      const occurredOn = (v["occurredTo"] ?? v["occurredFrom"]) as string | undefined
      return typeof v["code"] === "string" && typeof v["amount"] === "number" && typeof occurredOn === "string"
        ? [{ code: v["code"] as ViolationCode, amount: v["amount"], occurredOn: occurredOn as IsoDate }]
        : []
    })
    if (dated.length === 0) return { input, reasons: [] as ReadonlyArray<string> }
    const found = yield* campaignFactors({ institutionCode, violations: dated })
    const given = (typeof facts?.factors === "object" && facts.factors !== null ? facts.factors : {}) as object
    return {
      input: { ...(input as object), facts: { ...facts, factors: { ...found.factors, ...given } } },
      reasons: found.reasons
    }
  })

/**
 * The assessment input with the factor that complaints carried into the case give it: retaliation
 * against an informant (打击报复举报人, recorded on the complaint) is `retaliatedAgainstInformant`, 从重
 * (the officer's own factors win), with the reasons; unchanged when there is none.
 */
const withComplaintFactors = (caseId: string, input: unknown) =>
  Effect.gen(function* () {
    const found = yield* Effect.flatMap(ComplaintRepository, (repo) => repo.retaliationsOfCase(caseId))
    const facts = (input as { facts?: { factors?: unknown } } | null)?.facts
    if (found.length === 0 || typeof facts !== "object" || facts === null)
      return { input, reasons: [] as ReadonlyArray<string> }
    const given = (typeof facts.factors === "object" && facts.factors !== null ? facts.factors : {}) as object
    return {
      input: { ...(input as object), facts: { ...facts, factors: { retaliatedAgainstInformant: true, ...given } } },
      reasons: found.map(
        (f) => `举报 ${f.complaintNumber}：${f.report.on} ${f.report.by}对举报人打击报复（${f.report.description}）`
      )
    }
  })

/** The problems a decision's rectification order lists: each clause, then the facts, within 5,000 characters. */
const rectificationProblems = (file: CaseFile): string => {
  const clauses = [...new Set((file.assessment?.items ?? []).map((i) => i.clause))].join("、")
  const summary = file.findings ?? file.opening.summary
  return `${clauses}：${summary}`.slice(0, 5000)
}

/**
 * Opens a case (登记案源) on a lead, an inspection, a complaint or a transfer. Fails with
 * `CaseOpeningRefused` naming the fields (unknown institution; leads not confirmed for 立案, of
 * another institution, or already in a case).
 */
export const openCase = Effect.fn("Cases.open")(function* (request: { readonly opening: unknown } & CaseRequester) {
  const opening = yield* Schema.decodeUnknown(CaseOpening, { errors: "all", onExcessProperty: "error" })(
    request.opening
  ).pipe(Effect.mapError((error) => new CaseOpeningRefused({ problems: problemsOf(error) })))
  const on = yield* today
  if (opening.discoveredOn > on)
    return yield* Effect.fail(
      new CaseOpeningRefused({ problems: [{ path: "$.discoveredOn", message: `发现日期不能晚于今天（${on}）` }] })
    )
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  const file = caseFile([
    {
      revision: 1,
      action: "open",
      actorId: request.actor.id,
      actorName: request.actor.name,
      recordedOn: on,
      details: opening,
      documentNumber: null
    }
  ])
  const next = nextDeadline(yield* deadlinesOf(file, on))
  yield* Effect.flatMap(CaseRepository, (cases) => cases.open({ id, opening, actor: request.actor, today: on, next }))
  return { id }
})

/**
 * Takes one step of the procedure. Fails with `CaseNotFound`, `StaleCase`, `CaseStepRefused` (role,
 * status, 不相容岗位分离, a gate of the law) or `InvalidCaseInput` (naming the fields).
 */
export const takeCaseStep = Effect.fn("Cases.takeStep")(function* (
  request: {
    readonly caseId: string
    readonly action: CaseAction
    readonly revision: number
    readonly input: unknown
  } & CaseRequester
) {
  const cases = yield* CaseRepository
  const calendar = (yield* caseCalendar).counting
  const on = yield* today
  const stored = yield* cases.load(request.caseId)
  const file = caseFile(stored.entries)
  const withCampaigns =
    request.action === "assess" ? yield* withCampaignFactors(stored.institution.code, request.input) : null
  const withComplaints =
    request.action === "assess" ? yield* withComplaintFactors(stored.id, withCampaigns?.input ?? request.input) : null
  const decided = yield* planCaseStep(
    file,
    {
      action: request.action,
      revision: request.revision,
      input: withComplaints?.input ?? withCampaigns?.input ?? request.input,
      actor: caseActor(request)
    },
    { today: on, calendar, limits: procedureLimitsOn(on).value, region: stored.institution.admdvs }
  )
  // The reasons the campaigns gave their factors are recorded with the assessment.
  const campaignsNoted =
    withCampaigns !== null && withCampaigns.reasons.length > 0
      ? { ...decided, details: { ...(decided.details as object), selfCheck: withCampaigns.reasons } }
      : decided
  const plan =
    withComplaints !== null && withComplaints.reasons.length > 0
      ? { ...campaignsNoted, details: { ...(campaignsNoted.details as object), complaints: withComplaints.reasons } }
      : campaignsNoted
  const after = caseFile([
    ...stored.entries,
    {
      revision: plan.revision,
      action: plan.action,
      actorId: request.actor.id,
      actorName: request.actor.name,
      recordedOn: on,
      details: plan.details,
      documentNumber: null
    }
  ])
  const next = nextDeadline(yield* deadlinesOf(after, on))
  // A penalty decision orders the findings put right (责令改正): its rectification order is written
  // with the decision, in the same transaction.
  const rectification =
    plan.action === "approve_decision" && after.assessment !== null
      ? {
          id: yield* Effect.flatMap(Ids, (ids) => ids.next),
          issue: {
            institutionCode: stored.institution.code,
            source: "case" as const,
            sourceId: stored.id,
            violations: after.assessment.items.map((i) => i.violation),
            problems: rectificationProblems(after),
            dueOn: addDays(on, rectificationDays)
          }
        }
      : undefined
  const { documentNumber } = yield* cases.record({
    stored,
    plan,
    actor: request.actor,
    today: on,
    next,
    ...(rectification ? { rectification } : {})
  })
  return { id: stored.id, status: plan.to, revision: plan.revision, documentNumber }
})

/**
 * A case as the case officer sees it: the stored case, its file, every deadline today, and the steps
 * the requester could take now. Fails with `CaseNotFound`.
 */
export const viewCase = Effect.fn("Cases.view")(function* (request: { readonly caseId: string } & CaseRequester) {
  const stored = yield* Effect.flatMap(CaseRepository, (cases) => cases.load(request.caseId))
  const file = caseFile(stored.entries)
  const on = yield* today
  const deadlines = yield* deadlinesOf(file, on).pipe(
    Effect.map(Either.right),
    Effect.catchTag("CalendarYearNotCovered", (e) => Effect.succeed(Either.left(e)))
  )
  return {
    stored,
    file,
    deadlines: Either.isRight(deadlines) ? deadlines.right : [],
    calendarProblem: Either.isLeft(deadlines) ? deadlines.left.message : null,
    offered: offeredCaseSteps(file, caseActor(request))
  }
})

/** A case whose next deadline is close or past, for the reminders. */
export interface CaseReminder {
  readonly id: string
  readonly number: string | null
  readonly institution: string
  readonly step: string
  readonly dueOn: IsoDate
  readonly overdue: boolean
}

/**
 * The daily pass over running cases (the worker's reminders): recomputes each case's next deadline —
 * the day moved, a party's window closed, the holiday data for a provisional year arrived — stores
 * it, and answers the cases whose next bureau deadline is within `withinDays` calendar days or past.
 */
export const refreshCaseDeadlines = Effect.fn("Cases.refreshDeadlines")(function* (request: {
  readonly withinDays: number
}) {
  const cases = yield* CaseRepository
  const on = yield* today
  const reminders: Array<CaseReminder> = []
  const ids = yield* cases.running
  for (const id of ids) {
    const stored = yield* cases.load(id)
    const next = nextDeadline(yield* deadlinesOf(caseFile(stored.entries), on))
    yield* cases.setNext(id, next)
    if (next !== null && next.dueOn <= addDays(on, request.withinDays))
      reminders.push({
        id,
        number: stored.number,
        institution: stored.institution.name,
        step: next.step,
        dueOn: next.dueOn,
        overdue: next.dueOn < on
      })
  }
  return {
    checked: ids.length,
    reminders: reminders.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
  }
})
