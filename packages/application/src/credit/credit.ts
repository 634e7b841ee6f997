/**
 * Credit and points: registering practitioners, recording their 医保支付资格 points against a decided
 * source, the daily pass that records each consequence as it begins and is lifted, joint-punishment
 * notices to other departments, and the publication (曝光) of decisions — proposed, then approved by a
 * second person, published with names and identifiers masked.
 */
import { bureauToday, decodeOr } from "../internal/inputs.js"
import {
  CreditNotFound,
  CreditRepository,
  InvalidCreditInput,
  maskForPublication,
  NoticeInput,
  pointEventProblems,
  PointEventInput,
  PractitionerInput,
  PublicationProposal,
  publicationApprovalRefusal,
  qualificationStatus,
  schemeFor,
  transitionsUpTo,
  type PointSource
} from "@fundguard/domain/credit"
import { CaseRepository, caseFile, type StoredCase } from "@fundguard/domain/enforcement"
import { Ids, type Actor, type IsoDate } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"

const decode = decodeOr((problems) => new InvalidCreditInput({ problems }))
const refuse = (path: string, message: string) => Effect.fail(new InvalidCreditInput({ problems: [{ path, message }] }))
const newId = Effect.flatMap(Ids, (ids) => ids.next)

/** A case as a source: loaded, or a problem at `path` (unknown ids are named, not a 404 of the route). */
const caseAt = (id: string, path: string) =>
  Effect.flatMap(CaseRepository, (repo) => repo.load(id)).pipe(
    Effect.catchTag("CaseNotFound", () => refuse(path, `案件 ${id} 不存在`))
  )

/** What a decided penalty case allows: the tiers the engine gave its items (`paymentQualificationPoints`). */
const caseSource = (stored: StoredCase): PointSource => {
  const file = caseFile(stored.entries)
  const decidedOn = file.events.decidedOn ?? null
  const tiers =
    file.assessment?.items.flatMap((i) =>
      i.paymentQualificationPoints === null
        ? []
        : [{ min: i.paymentQualificationPoints.min, max: i.paymentQualificationPoints.max }]
    ) ?? []
  return {
    institutionCode: stored.institution.code,
    decidedOn,
    tiers: decidedOn === null ? [] : tiers,
    why:
      decidedOn === null
        ? "案件尚未作出处罚决定，不能记分"
        : tiers.length === 0
          ? "该案件的处罚结果不涉及医保支付资格记分（记分以机构受到行政处罚或较重的协议处理为前提）"
          : null
  }
}

/** Registers a practitioner (登记备案). */
export const registerPractitioner = Effect.fn("Credit.registerPractitioner")(function* (request: {
  readonly input: unknown
  readonly actor: Actor
}) {
  const input = yield* decode(PractitionerInput, request.input)
  const id = yield* newId
  yield* Effect.flatMap(CreditRepository, (repo) =>
    repo.registerPractitioner({ id, input, actor: request.actor })
  ).pipe(
    // The institution is a field of the input: an unknown one is a problem of that field.
    Effect.catchTag("CreditNotFound", (e) => refuse("$.institutionCode", e.message))
  )
  return { id }
})

/**
 * Records a point event: the scheme in force on the day, the source decided and of the person's
 * institution, the points within a tier the source allows. Answers the person's status after it.
 */
export const recordPoints = Effect.fn("Credit.recordPoints")(function* (request: {
  readonly practitionerId: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const repo = yield* CreditRepository
  const practitioner = yield* repo.loadPractitioner(request.practitionerId)
  const input = yield* decode(PointEventInput, request.input)
  const today = yield* bureauToday
  if (input.decidedOn > today) return yield* refuse("$.decidedOn", `日期 ${input.decidedOn} 晚于今天（${today}）`)
  const scheme = schemeFor(practitioner.admdvs, input.decidedOn)
  const source: PointSource =
    input.source === "case"
      ? caseSource(yield* caseAt(input.sourceId, "$.sourceId"))
      : scheme === null
        ? { institutionCode: practitioner.institutionCode, decidedOn: null, tiers: [], why: null }
        : yield* repo
            .measureSource(input.sourceId, scheme)
            .pipe(
              Effect.catchTag("CreditNotFound", () => refuse("$.sourceId", `协议处理措施 ${input.sourceId} 不存在`))
            )
  const problems = [
    ...pointEventProblems(input, practitioner, source, scheme),
    // One event is scored once per person (⚠️ FundGuard's reading: a second score needs a second event).
    ...((yield* repo.pointEventsOf(practitioner.id)).some(
      (e) => e.source === input.source && e.sourceId === input.sourceId
    )
      ? [{ path: "$.sourceId", message: "该人员已就此处理决定记分，同一事件不重复记分" }]
      : [])
  ]
  if (problems.length > 0 || scheme === null) return yield* Effect.fail(new InvalidCreditInput({ problems }))
  const tier = source.tiers.find((t) => input.points >= t.min && input.points <= t.max)!
  const id = yield* newId
  yield* repo.recordPointEvent({
    id,
    practitionerId: practitioner.id,
    input,
    tier,
    schemeId: scheme.id,
    actor: request.actor
  })
  const events = yield* repo.pointEventsOf(practitioner.id)
  return { id, status: qualificationStatus(events, today, schemeFor(practitioner.admdvs, today) ?? scheme) }
})

/**
 * The daily pass: for every scored person, each consequence that began or was lifted up to today
 * (暂停、终止 and their end) is recorded once, with its audit entry. Answers what was recorded now.
 */
export const applyQualificationConsequences = Effect.fn("Credit.applyQualificationConsequences")(function* (request: {
  readonly actor: Actor
}) {
  const repo = yield* CreditRepository
  const today = yield* bureauToday
  const recorded: Array<{
    readonly practitionerId: string
    readonly institutionCode: string
    readonly kind: string
    readonly on: IsoDate
    readonly until: IsoDate
  }> = []
  for (const { practitioner, events } of yield* repo.scored) {
    const scheme = schemeFor(practitioner.admdvs, today)
    if (scheme === null) continue
    for (const t of transitionsUpTo(events, today, scheme)) {
      const fresh = yield* repo.recordTransition({
        practitionerId: practitioner.id,
        kind: t.kind,
        on: t.on,
        until: t.period.until,
        causeEventId: t.period.causeEventId,
        actor: request.actor
      })
      if (fresh)
        recorded.push({
          practitionerId: practitioner.id,
          institutionCode: practitioner.institutionCode,
          kind: t.kind,
          on: t.on,
          until: t.period.until
        })
    }
  }
  return recorded
})

/**
 * Issues a joint-punishment notice (联合惩戒) to another department. Its subject must have poor credit
 * on record: an institution a decided penalty case (named), a person a suspension or termination.
 */
export const issueNotice = Effect.fn("Credit.issueNotice")(function* (request: {
  readonly input: unknown
  readonly actor: Actor
}) {
  const input = yield* decode(NoticeInput, request.input)
  const repo = yield* CreditRepository
  const today = yield* bureauToday
  let institutionCode: string
  let subjectName: string
  if (input.subject === "institution") {
    if (input.caseId === undefined) return yield* refuse("$.caseId", "对机构的联合惩戒须注明所依据的处罚案件")
    const stored = yield* caseAt(input.caseId, "$.caseId")
    if (stored.institution.code !== input.subjectId) return yield* refuse("$.caseId", "该案件不是对此机构作出的")
    const source = caseSource(stored)
    if (source.decidedOn === null) return yield* refuse("$.caseId", "该案件尚未作出处罚决定")
    institutionCode = stored.institution.code
    subjectName = stored.institution.name
  } else {
    const practitioner = yield* repo
      .loadPractitioner(input.subjectId)
      .pipe(Effect.catchTag("CreditNotFound", () => refuse("$.subjectId", `人员 ${input.subjectId} 不存在`)))
    const events = yield* repo.pointEventsOf(practitioner.id)
    const scheme = schemeFor(practitioner.admdvs, today)
    const status = scheme === null ? null : qualificationStatus(events, today, scheme)
    if (status === null || status.state === "normal")
      return yield* refuse("$.subjectId", "该人员未处于暂停或终止医保支付资格期间，不属于失信人员")
    institutionCode = practitioner.institutionCode
    subjectName = practitioner.name
  }
  const id = yield* newId
  yield* repo.issueNotice({ id, input, institutionCode, subjectName, today, actor: request.actor })
  return { id, institutionCode }
})

/** Proposes the publication (曝光) of a decided penalty case. */
export const proposePublication = Effect.fn("Credit.proposePublication")(function* (request: {
  readonly proposal: unknown
  readonly actor: Actor
}) {
  const proposal = yield* decode(PublicationProposal, request.proposal)
  const stored = yield* caseAt(proposal.caseId, "$.caseId")
  const file = caseFile(stored.entries)
  if (file.events.decidedOn === undefined || file.events.decidedOn === null || file.assessment?.outcome !== "penalty")
    return yield* refuse("$.caseId", "只有已作出行政处罚决定的案件才能曝光")
  const id = yield* newId
  yield* Effect.flatMap(CreditRepository, (repo) =>
    Effect.flatMap(bureauToday, (today) =>
      repo.proposePublication({
        id,
        proposal,
        institutionCode: stored.institution.code,
        today,
        actor: request.actor
      })
    )
  )
  return { id, institutionCode: stored.institution.code }
})

/**
 * Approves a publication (by someone other than its proposer) and publishes it with every name and
 * identifier the bureau knows of masked: the persons it lists, the institution's registered staff,
 * the persons questioned in the case.
 */
export const approvePublication = Effect.fn("Credit.approvePublication")(function* (request: {
  readonly id: string
  readonly actor: Actor
}) {
  const repo = yield* CreditRepository
  const publication = yield* repo.loadPublication(request.id)
  const refusal = publicationApprovalRefusal(publication, request.actor)
  if (refusal) return yield* Effect.fail(refusal)
  const staff = yield* repo.practitionersOf(publication.institutionCode)
  const stored = yield* Effect.flatMap(CaseRepository, (cases) => cases.load(publication.caseId)).pipe(
    Effect.catchTag("CaseNotFound", () => Effect.fail(new CreditNotFound({ kind: "案件", id: publication.caseId })))
  )
  const questioned = stored.entries.flatMap((e) => {
    if (e.action !== "record_inquiry") return []
    const person = (e.details as { person?: { name?: string; idNumber?: string } }).person
    return person === undefined ? [] : [person]
  })
  const names = [
    ...publication.persons,
    ...staff.map((s) => s.name),
    ...questioned.flatMap((p) => (p.name === undefined ? [] : [p.name]))
  ]
  const identifiers = [
    ...staff.map((s) => s.nationalCode),
    ...questioned.flatMap((p) => (p.idNumber === undefined ? [] : [p.idNumber]))
  ]
  yield* repo.approvePublication({
    id: request.id,
    publicTitle: maskForPublication(publication.title, names, identifiers),
    publicSummary: maskForPublication(publication.summary, names, identifiers),
    today: yield* bureauToday,
    actor: request.actor
  })
})
