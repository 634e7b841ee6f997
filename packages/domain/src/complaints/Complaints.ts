/**
 * A complaint or tip (举报、投诉) as the bureau receives it: the channel, the subject reported (a
 * designated institution or a person), what is alleged and the amount involved. The informant's
 * identity (举报人身份) is a separate model, stored apart and masked everywhere unless revealed to a
 * holder of `informants:reveal` (《医疗保障基金使用监督管理举报处理暂行办法》，国家医疗保障局令第5号：
 * 对实名举报人的信息予以严格保密 🔶 — Xinhua's summary of the text, 2022-01-31).
 *
 * Triage (受理、不予受理、移交、合并), the outcome (查实、查否), the reply to the informant, and
 * retaliation against the informant (打击报复举报人) are rules here; storage is `ComplaintRepository`.
 *
 * @since 0.5.0
 */
import * as Schema from "effect/Schema"
import { maskIdentifier, maskName } from "../access/Access.js"
import { maskForPublication } from "../credit/Credit.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { Yuan } from "../kernel/Money.js"

const Text = (max: number) =>
  Schema.String.pipe(
    Schema.minLength(1, { message: () => "不得为空" }),
    Schema.maxLength(max, { message: () => `长度不得超过 ${max} 个字符` })
  )
const Code = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9_.-]{1,64}$/, { message: () => "须为 1–64 位字母、数字、_、- 或 ." })
)

/**
 * Where a complaint came in: the bureau's web form, a phone call recorded by staff (电话记录), a letter
 * (信件), a visit in person (来访), or the national platform's complaint channel (国家医保信息平台举报
 * 投诉模块), imported from its export file.
 *
 * @category models
 */
export const ComplaintChannel = Schema.Literal("web", "phone", "letter", "visit", "national_platform")
/** @category models */
export type ComplaintChannel = typeof ComplaintChannel.Type

/** @category formatting */
export const channelLabel: Readonly<Record<ComplaintChannel, string>> = {
  web: "网上举报",
  phone: "电话举报（记录）",
  letter: "信件举报",
  visit: "来访举报",
  national_platform: "国家医保信息平台举报渠道"
}

/**
 * Who is reported: a designated institution by its code (a complaint about one is within the scope of
 * the units overseeing it), or a person (an insured person, a doctor) by name, with no institution
 * (such a complaint is bureau-wide) unless one is given.
 *
 * @category models
 */
export const ComplaintSubject = Schema.Struct({
  kind: Schema.Literal("institution", "person"),
  institutionCode: Schema.optional(Code),
  personName: Schema.optional(Text(50)),
  description: Schema.optional(Text(500))
}).pipe(
  Schema.filter((s) =>
    s.kind === "institution" && s.institutionCode === undefined
      ? { path: ["institutionCode"], message: "被举报对象为定点医药机构时须填写机构编码" }
      : s.kind === "person" && s.personName === undefined
        ? { path: ["personName"], message: "被举报对象为个人时须填写姓名" }
        : true
  )
)
/** @category models */
export type ComplaintSubject = typeof ComplaintSubject.Type

const Phone = Schema.String.pipe(
  Schema.pattern(/^[0-9+\-() ]{5,20}$/, { message: () => "电话号码须为 5–20 位数字（可含 + - 空格 括号）" })
)
const IdNumber = Schema.String.pipe(
  Schema.pattern(/^(\d{15}|\d{17}[\dXx])$/, { message: () => "身份证号码须为 15 位数字或 18 位（末位可为 X）" })
)

/**
 * The informant's identity, kept apart from the complaint. Anonymous informants (匿名举报) are allowed
 * and may leave contact details or none; a real-name informant (实名举报) gives at least a name.
 *
 * @category models
 */
export const InformantIdentity = Schema.Struct({
  anonymous: Schema.Boolean,
  name: Schema.optional(Text(50)),
  phone: Schema.optional(Phone),
  idNumber: Schema.optional(IdNumber),
  address: Schema.optional(Text(200))
}).pipe(
  Schema.filter((i) =>
    !i.anonymous && i.name === undefined ? { path: ["name"], message: "实名举报须填写举报人姓名" } : true
  )
)
/** @category models */
export type InformantIdentity = typeof InformantIdentity.Type

/**
 * The earliest day a complaint may be recorded as received. No text sets a floor: this is FundGuard's
 * plausibility bound ⚠️, well before the bureau's first complaints (the basic medical insurance for urban
 * employees dates from 1998-12, 国发〔1998〕44号; the 举报奖励 rules from 2018-11, the 条例 from 2021-05-01),
 * so that an old complaint entered late is taken while a typing slip (1900, 0202) is refused. The
 * upper bound is today (the use cases check it against the bureau's clock).
 *
 * @category rules
 */
export const earliestReceivedOn = "2000-01-01"

/**
 * A complaint as recorded at intake.
 *
 * @category models
 */
export const ComplaintIntake = Schema.Struct({
  channel: ComplaintChannel,
  receivedOn: IsoDate.pipe(
    Schema.filter((d) => d >= earliestReceivedOn || `收到举报的日期不得早于 ${earliestReceivedOn}`)
  ),
  subject: ComplaintSubject,
  content: Text(5000),
  amountInvolved: Schema.optional(Yuan),
  informant: InformantIdentity,
  /** The reference the channel gave it (the national platform's 举报编号, a letter's number). */
  externalRef: Schema.optional(Text(64))
}).annotations({ identifier: "ComplaintIntake" })
/** @category models */
export type ComplaintIntake = typeof ComplaintIntake.Type

/**
 * Where a complaint stands: received and awaiting triage; accepted (受理) and being handled; not
 * accepted (不予受理, with the reason); forwarded to the body that handles it (移交, not ours); merged
 * into an earlier complaint on the same facts (合并).
 *
 * @category models
 */
export const ComplaintStatus = Schema.Literal("received", "accepted", "not_accepted", "forwarded", "merged")
/** @category models */
export type ComplaintStatus = typeof ComplaintStatus.Type

/** @category formatting */
export const complaintStatusLabel: Readonly<Record<ComplaintStatus, string>> = {
  received: "待受理",
  accepted: "已受理",
  not_accepted: "不予受理",
  forwarded: "已移交",
  merged: "已合并"
}

/**
 * A triage decision. `reason` is required to refuse, forward or merge; `forwardTo` names the body a
 * forwarded complaint goes to; `mergeInto` the complaint it joins.
 *
 * @category models
 */
export const TriageDecision = Schema.Struct({
  decision: Schema.Literal("accept", "not_accept", "forward", "merge"),
  reason: Schema.optional(Text(2000)),
  forwardTo: Schema.optional(Text(100)),
  mergeInto: Schema.optional(Code)
}).annotations({ identifier: "TriageDecision" })
/** @category models */
export type TriageDecision = typeof TriageDecision.Type

/**
 * The handling's result (查实 / 查否): verified with the amount found (查实金额), or unfounded.
 *
 * @category models
 */
export const ComplaintOutcome = Schema.Struct({
  result: Schema.Literal("verified", "unfounded"),
  on: IsoDate,
  verifiedAmount: Schema.optional(Yuan),
  note: Text(2000)
}).annotations({ identifier: "ComplaintOutcome" })
/** @category models */
export type ComplaintOutcome = typeof ComplaintOutcome.Type

/**
 * The reply to the informant (告知举报人): when, how, what was said.
 *
 * @category models
 */
export const ComplaintReply = Schema.Struct({
  on: IsoDate,
  method: Schema.Literal("phone", "letter", "sms", "in_person", "platform"),
  content: Text(2000)
}).annotations({ identifier: "ComplaintReply" })
/** @category models */
export type ComplaintReply = typeof ComplaintReply.Type

/**
 * Retaliation against the informant (打击报复举报人) by the party reported: when, what, by whom. It
 * is an aggravating factor of the case on the complaint (`retaliatedAgainstInformant`, 从重).
 *
 * @category models
 */
export const RetaliationReport = Schema.Struct({
  on: IsoDate,
  by: Text(100),
  description: Text(2000)
}).annotations({ identifier: "RetaliationReport" })
/** @category models */
export type RetaliationReport = typeof RetaliationReport.Type

/**
 * A complaint as stored, without the informant's identity (which is never loaded with it).
 *
 * @category models
 */
export interface StoredComplaint {
  readonly id: string
  readonly number: string
  readonly channel: ComplaintChannel
  readonly receivedOn: IsoDate
  readonly subject: ComplaintSubject
  readonly institutionCode: string | null
  readonly content: string
  readonly amountInvolved: number | null
  readonly anonymous: boolean
  readonly externalRef: string | null
  readonly status: ComplaintStatus
  readonly triagedOn: IsoDate | null
  readonly triageReason: string | null
  readonly forwardTo: string | null
  readonly mergedInto: string | null
  readonly caseId: string | null
  readonly outcome: ComplaintOutcome | null
  readonly repliedOn: IsoDate | null
  readonly retaliations: ReadonlyArray<RetaliationReport>
}

/**
 * No complaint (or reward) with this id — also the answer for one outside the caller's scope.
 *
 * @category errors
 */
export class ComplaintNotFound extends Schema.TaggedError<ComplaintNotFound>()("ComplaintNotFound", {
  id: Schema.String
}) {
  override get message(): string {
    return `举报 ${this.id} 不存在`
  }
}

/**
 * Input with problems, each at its JSON path.
 *
 * @category errors
 */
export class InvalidComplaintInput extends Schema.TaggedError<InvalidComplaintInput>()("InvalidComplaintInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * A step the complaint's state or the rules forbid; `detail` says which, in Chinese.
 *
 * @category errors
 */
export class ComplaintRefused extends Schema.TaggedError<ComplaintRefused>()("ComplaintRefused", {
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * The triage decision's own problems (naming the field), or the refusal of the complaint's state.
 *
 * @category rules
 */
export const triageProblems = (
  complaint: Pick<StoredComplaint, "id" | "status" | "receivedOn">,
  decision: TriageDecision,
  on: IsoDate
): ReadonlyArray<{ path: string; message: string }> => {
  const problems: Array<{ path: string; message: string }> = []
  if (decision.decision !== "accept" && decision.reason === undefined)
    problems.push({ path: "$.reason", message: "不予受理、移交或合并须说明理由" })
  if (decision.decision === "forward" && decision.forwardTo === undefined)
    problems.push({ path: "$.forwardTo", message: "移交须写明移交的部门" })
  if (decision.decision !== "forward" && decision.forwardTo !== undefined)
    problems.push({ path: "$.forwardTo", message: "只有移交才填写移交部门" })
  if (decision.decision === "merge" && decision.mergeInto === undefined)
    problems.push({ path: "$.mergeInto", message: "合并须写明并入的举报编号" })
  if (decision.decision !== "merge" && decision.mergeInto !== undefined)
    problems.push({ path: "$.mergeInto", message: "只有合并才填写并入的举报" })
  if (decision.mergeInto === complaint.id) problems.push({ path: "$.mergeInto", message: "不能并入本举报自身" })
  if (on < complaint.receivedOn)
    problems.push({ path: "$", message: `受理决定日期不能早于收到举报的日期（${complaint.receivedOn}）` })
  return problems
}

/**
 * Whether a complaint may be triaged now: only once, while received.
 *
 * @category rules
 */
export const triageRefusal = (complaint: Pick<StoredComplaint, "status">): ComplaintRefused | null =>
  complaint.status === "received"
    ? null
    : new ComplaintRefused({
        detail: `该举报已作出受理决定（${complaintStatusLabel[complaint.status]}），不能再作受理决定`
      })

/**
 * The merge target's problems, at `$.mergeInto`: none such (`null` — also the answer for a complaint
 * outside the caller's scope, in the same words, so that ids cannot be probed), or itself merged.
 *
 * @category rules
 */
export const mergeTargetProblems = (
  mergeInto: string,
  target: Pick<StoredComplaint, "number" | "status"> | null
): ReadonlyArray<{ path: string; message: string }> =>
  target === null
    ? [{ path: "$.mergeInto", message: `并入的举报 ${mergeInto} 不存在` }]
    : target.status === "merged"
      ? [{ path: "$.mergeInto", message: `举报 ${target.number} 本身已合并，请并入其主举报` }]
      : []

/**
 * Whether the complaint can be opened as a case (登记案源 — `CaseSource` "complaint"): accepted, about
 * a designated institution (a case is against an institution), not yet in a case.
 *
 * @category rules
 */
export const caseOpeningRefusal = (complaint: StoredComplaint): ComplaintRefused | null => {
  if (complaint.status !== "accepted") return new ComplaintRefused({ detail: "只有已受理的举报才能立为案源" })
  if (complaint.caseId !== null) return new ComplaintRefused({ detail: `该举报已登记为案件 ${complaint.caseId}` })
  if (complaint.institutionCode === null)
    return new ComplaintRefused({
      detail: "被举报对象不是定点医药机构：行政处罚案件须针对机构登记，请先核实所属机构或按个人违法另行办理"
    })
  return null
}

/**
 * The outcome's problems: only for an accepted complaint, once; a verification with the amount found;
 * not before the complaint was accepted.
 *
 * @category rules
 */
export const outcomeProblems = (
  complaint: StoredComplaint,
  outcome: ComplaintOutcome
): ComplaintRefused | ReadonlyArray<{ path: string; message: string }> => {
  if (complaint.status !== "accepted") return new ComplaintRefused({ detail: "只有已受理的举报才能登记查处结果" })
  if (complaint.outcome !== null) return new ComplaintRefused({ detail: "查处结果已登记" })
  const problems: Array<{ path: string; message: string }> = []
  if (outcome.result === "verified" && (outcome.verifiedAmount === undefined || outcome.verifiedAmount <= 0))
    problems.push({ path: "$.verifiedAmount", message: "查实须填写大于 0 的查实金额（案值）" })
  if (outcome.result === "unfounded" && outcome.verifiedAmount !== undefined)
    problems.push({ path: "$.verifiedAmount", message: "查否不填写查实金额" })
  if (complaint.triagedOn !== null && outcome.on < complaint.triagedOn)
    problems.push({ path: "$.on", message: `查处结果日期不能早于受理日期（${complaint.triagedOn}）` })
  return problems
}

// ── Masking ──────────────────────────────────────────────────────────────────────────────────────

/**
 * A phone number with its middle hidden (138****5678).
 *
 * @category rules
 */
export const maskPhone = (value: string): string => {
  const digits = value.replace(/\s/g, "")
  return digits.length <= 7 ? "*".repeat(digits.length) : `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/**
 * An address with all but its first six characters hidden.
 *
 * @category rules
 */
export const maskAddress = (value: string): string => {
  const chars = Array.from(value)
  return chars.length <= 6 ? "*".repeat(chars.length) : `${chars.slice(0, 6).join("")}****`
}

/**
 * The identity as everyone sees it by default: each field masked.
 *
 * @category rules
 */
export const maskedInformant = (identity: InformantIdentity): InformantIdentity => ({
  anonymous: identity.anonymous,
  ...(identity.name === undefined ? {} : { name: maskName(identity.name) }),
  ...(identity.phone === undefined ? {} : { phone: maskPhone(identity.phone) }),
  ...(identity.idNumber === undefined ? {} : { idNumber: maskIdentifier(identity.idNumber) }),
  ...(identity.address === undefined ? {} : { address: maskAddress(identity.address) })
})

/**
 * A complaint as a role without `personal-data:unmasked` sees it: the person reported masked (张**),
 * and in the subject's description and the content that name and every ID-number-like or
 * mobile-number-like sequence masked (`maskForPublication`, the credit module's masking of texts).
 *
 * @category rules
 */
export const maskedPersonalData = <C extends Pick<StoredComplaint, "subject" | "content">>(complaint: C): C => {
  const { personName, description } = complaint.subject
  const names = personName === undefined ? [] : [personName]
  return {
    ...complaint,
    subject: {
      ...complaint.subject,
      ...(personName === undefined ? {} : { personName: maskName(personName) }),
      ...(description === undefined ? {} : { description: maskForPublication(description, names) })
    },
    content: maskForPublication(complaint.content, names)
  }
}

/**
 * Whether a complaint shows personal data beyond the (separately kept) informant: a person reported,
 * or an ID-number-like or mobile-number-like sequence in its texts. Every read of one is audited.
 *
 * @category rules
 */
export const holdsPersonalData = (complaint: Pick<StoredComplaint, "subject" | "content">): boolean => {
  const masked = maskedPersonalData(complaint)
  return (
    complaint.subject.personName !== undefined ||
    masked.content !== complaint.content ||
    masked.subject.description !== complaint.subject.description
  )
}

/**
 * The complaint's number as the bureau writes it: 举〔2026〕12号 (year of receipt, sequence).
 *
 * @category formatting
 */
export const complaintNumber = (year: number, sequence: number): string => `举〔${year}〕${sequence}号`
