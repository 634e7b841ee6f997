/**
 * Complaints and tips (举报投诉): intake (form, phone record, letter, visit) and the national
 * channel's export; triage (受理、不予受理、移交、合并); an accepted complaint opened as a case (案件来源
 * "complaint"); the outcome, the reply to the informant, retaliation; the informant's identity revealed
 * with an audit entry; rewards (举报奖励) proposed, reviewed, approved by three people and paid.
 */
import { bureauToday, decodeOr } from "../internal/inputs.js"
import { openCase, type CaseRequester } from "../enforcement/cases.js"
import {
  caseClaimToken,
  caseOpeningRefusal,
  ComplaintImportRefused,
  ComplaintIntake,
  ComplaintOutcome,
  ComplaintRefused,
  ComplaintReply,
  ComplaintRepository,
  complaintDeadlines,
  InvalidComplaintInput,
  maskedPersonalData,
  mergeTargetProblems,
  outcomeProblems,
  parseNationalExport,
  paymentRefusal,
  RetaliationReport,
  RewardPayment,
  RewardProposal,
  rewardAmount,
  rewardProposalRefusal,
  rewardStepRefusal,
  TriageDecision,
  triageProblems,
  triageRefusal
} from "@fundguard/domain/complaints"
import { caseFile, CaseRepository } from "@fundguard/domain/enforcement"
import {
  covers,
  Ids,
  WorkingCalendar,
  weekendsBeyondCoverage,
  type Actor,
  type IsoDate
} from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

const today = bureauToday
const decode = decodeOr((problems) => new InvalidComplaintInput({ problems }))
const newId = Effect.flatMap(Ids, (ids) => ids.next)

const notFuture = (on: IsoDate, path: string) =>
  Effect.flatMap(today, (t) =>
    on > t
      ? Effect.fail(new InvalidComplaintInput({ problems: [{ path, message: `日期 ${on} 晚于今天（${t}）` }] }))
      : Effect.void
  )

/** Records a complaint received through a form, a phone call, a letter or a visit. */
export const intakeComplaint = Effect.fn("Complaints.intake")(function* (request: {
  readonly input: unknown
  readonly actor: Actor
}) {
  const intake = yield* decode(ComplaintIntake, request.input)
  yield* notFuture(intake.receivedOn, "$.receivedOn")
  const id = yield* newId
  const { number } = yield* Effect.flatMap(ComplaintRepository, (repo) =>
    repo.intake({ id, intake, actor: request.actor })
  )
  return { id, number }
})

/**
 * Imports the national platform's export (CSV or JSON, FundGuard's documented format ⚠️): the whole
 * file or nothing; every bad line refused naming file, line and column.
 */
export const importNationalExport = Effect.fn("Complaints.importNationalExport")(function* (request: {
  readonly file: string
  readonly format: "csv" | "json"
  readonly content: string
  readonly actor: Actor
}) {
  const parsed = parseNationalExport(request.file, request.format, request.content)
  if (Either.isLeft(parsed)) return yield* Effect.fail(parsed.left)
  const on = yield* today
  const future = parsed.right.filter((r) => r.intake.receivedOn > on)
  if (future.length > 0)
    return yield* Effect.fail(
      new ComplaintImportRefused({
        file: request.file,
        lines: future.map((r) => ({
          file: request.file,
          line: r.line,
          column: "rpt_date",
          message: `日期 ${r.intake.receivedOn} 晚于今天（${on}）`
        }))
      })
    )
  const items: Array<{ id: string; line: number; intake: ComplaintIntake }> = []
  for (const r of parsed.right) items.push({ id: yield* newId, line: r.line, intake: r.intake })
  yield* Effect.flatMap(ComplaintRepository, (repo) =>
    repo.importMany({ file: request.file, items, actor: request.actor })
  )
  return { imported: items.length }
})

/**
 * Decides whether to accept the complaint: accept, not accept (with the reason), forward, merge (into
 * a complaint that exists and is not itself merged — named at `$.mergeInto` otherwise; the caller
 * checks first that the target is within the requester's scope, answering as if it did not exist).
 */
export const triageComplaint = Effect.fn("Complaints.triage")(function* (request: {
  readonly id: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const decision = yield* decode(TriageDecision, request.input)
  const repo = yield* ComplaintRepository
  const complaint = yield* repo.load(request.id)
  const refusal = triageRefusal(complaint)
  if (refusal) return yield* Effect.fail(refusal)
  const on = yield* today
  const mergeInto =
    decision.decision === "merge" && decision.mergeInto !== complaint.id ? decision.mergeInto : undefined
  const target =
    mergeInto === undefined
      ? []
      : mergeTargetProblems(
          mergeInto,
          yield* repo.load(mergeInto).pipe(Effect.catchTag("ComplaintNotFound", () => Effect.succeed(null)))
        )
  const problems = [...triageProblems(complaint, decision, on), ...target]
  if (problems.length > 0) return yield* Effect.fail(new InvalidComplaintInput({ problems }))
  yield* repo.triage({ id: request.id, decision, on, actor: request.actor })
})

/**
 * Opens an accepted complaint about an institution as a case (登记案源, source "complaint", the
 * complaint's id as its reference, discovered on the day it was received) and links the two.
 */
export const openCaseFromComplaint = Effect.fn("Complaints.openCase")(function* (
  request: { readonly id: string; readonly summary?: string | undefined } & CaseRequester
) {
  const repo = yield* ComplaintRepository
  const complaint = yield* repo.load(request.id)
  const refusal = caseOpeningRefusal(complaint)
  if (refusal) return yield* Effect.fail(refusal)
  // The case's summary is read by every role that handles cases: the complaint's text goes there masked (the
  // complaint itself keeps it, for the roles that may read it in clear).
  const summary = (request.summary ?? `${complaint.number}：${maskedPersonalData(complaint).content}`).slice(0, 5000)
  // Claimed first, so that two people opening a case on it at once cannot both write a case; the
  // claim is released if the case cannot be opened.
  const token = caseClaimToken(yield* newId)
  yield* repo.claimForCase({ id: complaint.id, token })
  const { id: caseId } = yield* openCase({
    opening: {
      source: "complaint",
      institutionCode: complaint.institutionCode,
      discoveredOn: complaint.receivedOn,
      summary,
      references: [complaint.id]
    },
    actor: request.actor,
    role: request.role
  }).pipe(Effect.onError(() => repo.releaseClaim({ id: complaint.id, token })))
  yield* repo.linkCase({ id: complaint.id, token, caseId, actor: request.actor })
  return { caseId }
})

/** Records the handling's result: verified (查实, with the amount found) or unfounded. */
export const recordComplaintOutcome = Effect.fn("Complaints.recordOutcome")(function* (request: {
  readonly id: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const outcome = yield* decode(ComplaintOutcome, request.input)
  yield* notFuture(outcome.on, "$.on")
  const repo = yield* ComplaintRepository
  const complaint = yield* repo.load(request.id)
  const problems = outcomeProblems(complaint, outcome)
  if (problems instanceof ComplaintRefused) return yield* Effect.fail(problems)
  if (problems.length > 0) return yield* Effect.fail(new InvalidComplaintInput({ problems }))
  yield* repo.recordOutcome({ id: request.id, outcome, actor: request.actor })
})

/** Records the reply to the informant (告知举报人); not for an anonymous informant, once. */
export const recordComplaintReply = Effect.fn("Complaints.recordReply")(function* (request: {
  readonly id: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const reply = yield* decode(ComplaintReply, request.input)
  yield* notFuture(reply.on, "$.on")
  const repo = yield* ComplaintRepository
  const complaint = yield* repo.load(request.id)
  if (complaint.anonymous) return yield* Effect.fail(new ComplaintRefused({ detail: "匿名举报无须告知举报人" }))
  if (complaint.status === "received") return yield* Effect.fail(new ComplaintRefused({ detail: "尚未作出受理决定" }))
  if (reply.on < (complaint.triagedOn ?? complaint.receivedOn))
    return yield* Effect.fail(
      new InvalidComplaintInput({ problems: [{ path: "$.on", message: "告知日期不能早于受理决定日期" }] })
    )
  yield* repo.recordReply({ id: request.id, reply, actor: request.actor })
})

/** Records retaliation against the informant (打击报复举报人): the case's aggravating factor. */
export const recordRetaliation = Effect.fn("Complaints.recordRetaliation")(function* (request: {
  readonly id: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const report = yield* decode(RetaliationReport, request.input)
  yield* notFuture(report.on, "$.on")
  const repo = yield* ComplaintRepository
  const complaint = yield* repo.load(request.id)
  if (report.on < complaint.receivedOn)
    return yield* Effect.fail(
      new InvalidComplaintInput({
        problems: [{ path: "$.on", message: `打击报复应发生在举报之后（${complaint.receivedOn}）` }]
      })
    )
  yield* repo.recordRetaliation({ id: request.id, report, actor: request.actor })
})

/** Reveals the informant's identity to the requester, with the reason, audited. */
export const revealInformant = Effect.fn("Complaints.revealInformant")(function* (request: {
  readonly id: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const { reason } = yield* decode(
    Schema.Struct({
      reason: Schema.String.pipe(
        Schema.minLength(2, { message: () => "须说明查看理由（至少 2 个字）" }),
        Schema.maxLength(500)
      )
    }),
    request.input
  )
  return yield* Effect.flatMap(ComplaintRepository, (repo) =>
    repo.revealInformant({ id: request.id, reason, actor: request.actor })
  )
})

/** The calendar complaints count with: the holiday data, weekends only past it (provisional). */
const complaintCalendar = Effect.map(WorkingCalendar, (calendar) => ({
  exact: calendar,
  counting: weekendsBeyondCoverage(calendar)
}))

/** A complaint as its handler sees it: the complaint, its deadlines today, the masked informant, rewards. */
export const viewComplaint = Effect.fn("Complaints.view")(function* (request: { readonly id: string }) {
  const repo = yield* ComplaintRepository
  const complaint = yield* repo.load(request.id)
  const on = yield* today
  const deadlines = yield* deadlinesOf(complaint, on)
  return {
    complaint,
    deadlines,
    informant: yield* repo.maskedInformant(request.id),
    rewards: yield* repo.rewardsOf(request.id)
  }
})

/** The complaint's deadlines on a day, each flagged provisional past the calendar's years. */
export const deadlinesOf = (complaint: Parameters<typeof complaintDeadlines>[1], on: IsoDate) =>
  Effect.flatMap(complaintCalendar, ({ exact, counting }) =>
    complaintDeadlines(counting, complaint, on).pipe(
      Either.map((list) => list.map((d) => ({ ...d, provisional: !covers(exact, d.dueOn) })))
    )
  )

/**
 * Proposes a reward (初审): the complaint verified, its case decided, the value it is computed on (案值)
 * not more than the amount verified (查实金额); the amount by the province's scale where FundGuard
 * holds one (the case's institution's region), else as entered — within the national bounds of the
 * day either way.
 */
export const proposeReward = Effect.fn("Complaints.proposeReward")(function* (request: {
  readonly complaintId: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const proposal = yield* decode(RewardProposal, request.input)
  const repo = yield* ComplaintRepository
  const complaint = yield* repo.load(request.complaintId)
  const stored =
    complaint.caseId === null
      ? null
      : yield* Effect.flatMap(CaseRepository, (cases) => cases.load(complaint.caseId!)).pipe(
          Effect.catchTag("CaseNotFound", () => Effect.succeed(null))
        )
  const existing = (yield* repo.rewardsOf(complaint.id)).map((r) => r.status)
  const refusal = rewardProposalRefusal({
    verified: complaint.outcome?.result === "verified",
    caseStatus: stored === null ? null : caseFile(stored.entries).status,
    existing
  })
  if (refusal) return yield* Effect.fail(refusal)
  const on = yield* today
  const { amount, problems } = rewardAmount(
    proposal,
    stored!.institution.admdvs,
    on,
    complaint.outcome?.verifiedAmount ?? 0
  )
  if (problems.length > 0 || amount === null) return yield* Effect.fail(new InvalidComplaintInput({ problems }))
  const id = yield* newId
  yield* repo.proposeReward({
    id,
    complaintId: complaint.id,
    amount,
    caseValue: proposal.caseValue,
    insider: proposal.insider,
    basis: proposal.basis,
    on,
    actor: request.actor
  })
  return { id, amount }
})

/** 复审, 审批 or 退回 of a reward, each by a person who held no other level on it. */
export const rewardStep = Effect.fn("Complaints.rewardStep")(function* (request: {
  readonly rewardId: string
  readonly step: "review" | "approve" | "reject"
  readonly input: unknown
  readonly actor: Actor
}) {
  const { note } = yield* decode(
    Schema.Struct({
      note: Schema.String.pipe(Schema.minLength(1, { message: () => "不得为空" }), Schema.maxLength(2000))
    }),
    request.input
  )
  const repo = yield* ComplaintRepository
  const reward = yield* repo.loadReward(request.rewardId)
  const refusal = rewardStepRefusal(reward, request.step, {
    id: request.actor.id ?? "system",
    name: request.actor.name
  })
  if (refusal) return yield* Effect.fail(refusal)
  yield* repo.rewardStep({
    id: reward.id,
    step: request.step,
    from: reward.status,
    note,
    on: yield* today,
    actor: request.actor
  })
})

/** Records the payment of an approved reward: the day, the approved amount, how, the voucher. */
export const payReward = Effect.fn("Complaints.payReward")(function* (request: {
  readonly rewardId: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const payment = yield* decode(RewardPayment, request.input)
  yield* notFuture(payment.paidOn, "$.paidOn")
  const repo = yield* ComplaintRepository
  const reward = yield* repo.loadReward(request.rewardId)
  const refusal = paymentRefusal(reward, payment)
  if (refusal) return yield* Effect.fail(refusal)
  yield* repo.payReward({ id: reward.id, payment, actor: request.actor })
})
