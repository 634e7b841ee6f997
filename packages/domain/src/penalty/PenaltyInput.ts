/**
 * The facts of a case, as `penalty-assessment.md` defines the assessment input. Decoding is strict:
 * an unknown key anywhere is an error, so a typo cannot silently drop a mitigating factor.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { problemsOf } from "../kernel/Problems.js"
import { AdminDivision, HospitalLevel, OrgKind } from "../kernel/Institution.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { Yuan } from "../kernel/Money.js"
import { violationEntry, ViolationCode, type SubjectKind, type ViolationEntry } from "./Violation.js"
import { articleText, subjectKindLabel } from "./internal/Wording.js"

/**
 * Who is being assessed.
 *
 * @category models
 */
export const CaseSubject = Schema.Struct({
  kind: Schema.Literal("institution", "individual", "agency", "staff"),
  orgKind: Schema.optional(Schema.NullOr(OrgKind)),
  hospLv: Schema.optional(Schema.NullOr(HospitalLevel)),
  /** For individuals: whether the person is an insured person (参保人员). */
  insured: Schema.optional(Schema.NullOr(Schema.Boolean)),
  /** A public servant or a leader of a public institution (→ 纪委监委 transfer). */
  publicServant: Schema.optional(Schema.Boolean)
}).annotations({ identifier: "CaseSubject" })
/** @category models */
export type CaseSubject = typeof CaseSubject.Type

/**
 * One proven violation.
 *
 * @category models
 */
export const ViolationFacts = Schema.Struct({
  code: ViolationCode,
  /** 造成损失金额 for Art.38 items; 骗取金额 for fraud items. */
  amount: Yuan,
  occurredFrom: Schema.optional(IsoDate),
  occurredTo: Schema.optional(IsoDate),
  intentToDefraud: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  refusedToCorrect: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  seriousConsequence: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /**
   * 条例 Art.43: the act caused 医疗保障基金重大损失 or 其他严重不良社会影响 (officer's finding; a province's
   * benchmark may also set the amount from which a loss is 重大). Implies 严重后果 for Art.38.
   */
  majorLossOrSeriousImpact: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  /**
   * 行政处罚法 Art.29: items with the same `actId` are one act violating several provisions — only the
   * heavier fine is imposed and the money is refunded once.
   */
  actId: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))),
  /** Art.44 only: 违法所得 obtained from 侵占、挪用 (to be confiscated), besides the amount recovered. */
  illegalGains: Schema.optional(Yuan)
}).annotations({ identifier: "ViolationFacts" })
/** @category models */
export type ViolationFacts = typeof ViolationFacts.Type

/**
 * Every circumstance the contract knows, all optional booleans.
 *
 * @category models
 */
export const CaseFactors = Schema.Struct({
  firstOffence: Schema.optional(Schema.Boolean),
  minorAndCorrected: Schema.optional(Schema.Boolean),
  noFault: Schema.optional(Schema.Boolean),
  refundedInFullByDeadline: Schema.optional(Schema.Boolean),
  selfReported: Schema.optional(Schema.Boolean),
  cooperated: Schema.optional(Schema.Boolean),
  confessedUnknownFacts: Schema.optional(Schema.Boolean),
  coercedOrLured: Schema.optional(Schema.Boolean),
  meritoriousConduct: Schema.optional(Schema.Boolean),
  otherStatutoryMitigation: Schema.optional(Schema.Boolean),
  obstructedInspection: Schema.optional(Schema.Boolean),
  destroyedEvidence: Schema.optional(Schema.Boolean),
  repeatWithin12Months: Schema.optional(Schema.Boolean),
  duringEmergency: Schema.optional(Schema.Boolean),
  leaderRole: Schema.optional(Schema.Boolean),
  retaliatedAgainstInformant: Schema.optional(Schema.Boolean),
  ignoredSelfCheckList: Schema.optional(Schema.Boolean)
}).annotations({ identifier: "CaseFactors" })
/** @category models */
export type CaseFactors = typeof CaseFactors.Type
/** @category models */
export type CaseFactor = keyof CaseFactors

const subjectHint = (entry: ViolationEntry, kind: SubjectKind): string => {
  if (entry.article === 38 || entry.article === 39 || entry.article === 40) {
    if (kind === "individual") return "; an individual defrauding the fund falls under 第四十一条 (A41-…)"
    if (kind === "staff")
      return "; the penalty falls on the 定点医药机构 — its staff answer through 医保支付资格记分 (subject.kind institution)"
  }
  if (entry.article === 41 && kind !== "individual") return "; a 定点医药机构 falls under 第三十八条 or 第四十条"
  return ""
}

type FacetProblem = { readonly path: ReadonlyArray<PropertyKey>; readonly message: string }

/**
 * Problems no single field shows: a code used for a subject its article does not bind, facts that contradict
 * each other, dates out of order. Each is reported at the field to correct.
 */
const consistency = (input: {
  readonly subject: CaseSubject
  readonly decisionDate: IsoDate
  readonly discoveredOn?: IsoDate | undefined
  readonly violations: ReadonlyArray<ViolationFacts>
  readonly factors: CaseFactors
  readonly factorNotes?: string | undefined
}): ReadonlyArray<FacetProblem> => {
  const problems: Array<FacetProblem> = []
  const kind = input.subject.kind
  input.violations.forEach((v, i) => {
    const entry = violationEntry(v.code)
    const at = (key: string) => ["violations", i, key]
    if (!entry.subjectKinds.includes(kind)) {
      const article = entry.article === null ? "服务协议" : articleText(entry.article)
      problems.push({
        path: at("code"),
        message: `${v.code} (${article}) applies to ${entry.subjectKinds.map((k) => `${subjectKindLabel[k]} (${k})`).join(", ")}, not to subject.kind "${kind}"${subjectHint(entry, kind)}`
      })
    }
    if (v.occurredFrom !== undefined && v.occurredTo !== undefined && v.occurredFrom > v.occurredTo)
      problems.push({ path: at("occurredTo"), message: "the act cannot end before it began (occurredFrom)" })
    if (v.occurredTo !== undefined && v.occurredTo > input.decisionDate)
      problems.push({ path: at("occurredTo"), message: "the act cannot end after the decision date" })
    if (v.occurredFrom !== undefined && v.occurredFrom > input.decisionDate)
      problems.push({ path: at("occurredFrom"), message: "the act cannot begin after the decision date" })
    if (v.illegalGains !== undefined && entry.article !== 44)
      problems.push({
        path: at("illegalGains"),
        message: "only for A44-EMBEZZLEMENT (第四十四条 有违法所得的，没收违法所得)"
      })
    if (input.factors.noFault === true && (entry.fraud || v.intentToDefraud))
      problems.push({
        path: ["factors", "noFault"],
        message: `contradicts violations[${i}]: ${entry.fraud ? `${v.code} is fraud (骗取)` : "intentToDefraud is true"} — 没有主观过错 cannot coexist with 以骗取为目的`
      })
  })
  if (
    kind === "individual" &&
    typeof input.subject.insured !== "boolean" &&
    input.violations.some((v) => violationEntry(v.code).article === 41)
  )
    problems.push({
      path: ["subject", "insured"],
      message:
        "required for 第四十一条: whether the person is an insured person (参保人员), since only then is direct settlement suspended"
    })
  if (input.discoveredOn !== undefined && input.discoveredOn > input.decisionDate)
    problems.push({ path: ["discoveredOn"], message: "the act cannot be discovered after the decision date" })
  if (input.factors.otherStatutoryMitigation === true && (input.factorNotes ?? "").trim() === "")
    problems.push({
      path: ["factorNotes"],
      message:
        "give the basis of otherStatutoryMitigation (行政处罚法 Art.32(5): which law, regulation, rule or provincial list)"
    })
  return problems.filter(
    (p, i) => problems.findIndex((q) => q.message === p.message && String(q.path) === String(p.path)) === i
  )
}

/**
 * The whole assessment input.
 *
 * @category models
 */
export const AssessmentInput = Schema.Struct({
  subject: CaseSubject,
  region: AdminDivision,
  decisionDate: IsoDate,
  /**
   * The day the bureau discovered the act (立案 or the inspection that found it), for the limitation period of
   * 行政处罚法 Art.36 (二年内未被发现的). Without it the decision date stands in, which can only err toward
   * finding the period expired — the explanation says so.
   */
  discoveredOn: Schema.optional(IsoDate),
  violations: Schema.NonEmptyArray(ViolationFacts).pipe(Schema.maxItems(100)),
  factors: Schema.optionalWith(CaseFactors, { default: () => ({}) }),
  factorNotes: Schema.optional(Schema.String.pipe(Schema.maxLength(2000)))
})
  .pipe(Schema.filter((input) => consistency(input)))
  .annotations({ identifier: "AssessmentInput" })
/** @category models */
export type AssessmentInput = typeof AssessmentInput.Type
/** The JSON a caller sends. */
export type AssessmentInputJson = typeof AssessmentInput.Encoded

/**
 * The input could not be decoded; `problems` lists every one of them.
 *
 * @category errors
 */
export class InvalidAssessmentInput extends Schema.TaggedError<InvalidAssessmentInput>()("InvalidAssessmentInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * Decodes unknown JSON into an `AssessmentInput`, collecting every problem.
 *
 * @category decoding
 */
export const decodeAssessmentInput = (input: unknown): Effect.Effect<AssessmentInput, InvalidAssessmentInput> =>
  Schema.decodeUnknown(AssessmentInput, { errors: "all", onExcessProperty: "error" })(input).pipe(
    Effect.mapError((error) => new InvalidAssessmentInput({ problems: problemsOf(error) }))
  )
