/**
 * The facts of a case, as `penalty-assessment.md` defines the assessment input. Decoding is strict:
 * an unknown key anywhere is an error, so a typo cannot silently drop a mitigating factor.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { AdminDivision, HospitalLevel, OrgKind } from "./Institution.js"
import { IsoDate } from "./IsoDate.js"
import { Yuan } from "./Money.js"
import { ViolationCode } from "./Violation.js"

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
  seriousConsequence: Schema.optionalWith(Schema.Boolean, { default: () => false })
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

/**
 * The whole assessment input.
 *
 * @category models
 */
export const AssessmentInput = Schema.Struct({
  subject: CaseSubject,
  region: AdminDivision,
  decisionDate: IsoDate,
  violations: Schema.NonEmptyArray(ViolationFacts),
  factors: Schema.optionalWith(CaseFactors, { default: () => ({}) }),
  factorNotes: Schema.optional(Schema.String)
}).annotations({ identifier: "AssessmentInput" })
/** @category models */
export type AssessmentInput = typeof AssessmentInput.Type
/** The JSON a caller sends. */
export type AssessmentInputJson = typeof AssessmentInput.Encoded

/**
 * One problem with the input, located by its JSON path (`$.violations[0].amount`).
 *
 * @category models
 */
export interface InputProblem {
  readonly path: string
  readonly message: string
}

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
 * Formats a property path the way JSONPath writes it.
 *
 * @category formatting
 */
export const jsonPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.reduce<string>(
    (acc, key) =>
      typeof key === "number"
        ? `${acc}[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${acc}.${String(key)}`
          : `${acc}[${JSON.stringify(String(key))}]`,
    "$"
  )

/**
 * Turns a Schema parse error into the list of problems with their paths.
 *
 * @category errors
 */
export const problemsOf = (error: ParseResult.ParseError): ReadonlyArray<InputProblem> => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  // An optional field decodes as `T | undefined`; when T fails deeper down, the union also reports
  // "Expected undefined" at the field itself. Keep the most specific problem of each branch.
  const isPrefix = (short: ReadonlyArray<PropertyKey>, long: ReadonlyArray<PropertyKey>) =>
    short.length < long.length && short.every((key, i) => key === long[i])
  return issues
    .filter((issue) => !issues.some((other) => isPrefix(issue.path, other.path)))
    .map((issue) => ({
      path: jsonPath(issue.path),
      message: issue._tag === "Unexpected" ? "unknown key (not in the contract)" : issue.message
    }))
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
