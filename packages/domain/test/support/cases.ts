import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type { InputProblem } from "../../src/kernel/index.js"
import { assessPenalty, type AssessmentResult, type AssessOptions } from "../../src/penalty/index.js"

/** The spec's example case (penalty-assessment.md), decided in 奉节县 (Chongqing). */
export const specExample = {
  subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2", insured: null },
  region: "500235",
  decisionDate: "2025-09-18",
  violations: [
    {
      code: "A38-2-OVER_PRESCRIPTION",
      amount: 13791.6,
      occurredFrom: "2024-01-01",
      occurredTo: "2024-12-31",
      intentToDefraud: false,
      refusedToCorrect: false,
      seriousConsequence: false
    }
  ],
  factors: { firstOffence: true, refundedInFullByDeadline: true }
}

type Json = Record<string, unknown>

/** A case of one violation, decided 2025-09-18 for acts ending 2025-03-31 (inside every limitation period). */
export const oneCase = (
  violation: Json,
  options: { subject?: Json; factors?: Json; region?: string; decisionDate?: string; extra?: Json } = {}
): Json => ({
  subject: options.subject ?? { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
  region: options.region ?? "500235",
  decisionDate: options.decisionDate ?? "2025-09-18",
  violations: [{ occurredFrom: "2025-01-01", occurredTo: "2025-03-31", ...violation }],
  factors: options.factors ?? {},
  ...(options.extra ?? {})
})

/** Assesses and returns the result; throws with the problems when the input is rejected. */
export const assess = (input: unknown, options: AssessOptions = {}): AssessmentResult => {
  const result = Effect.runSync(Effect.either(assessPenalty(input, options)))
  if (Either.isLeft(result)) throw new Error(`unexpected problems: ${JSON.stringify(result.left.problems)}`)
  return result.right
}

/**
 * Assesses with the statute's and the benchmark's bands alone, without published decisions to calibrate the
 * recommended point on (the tests of the bands; calibration has its own).
 */
export const assessBands = (input: unknown): AssessmentResult => assess(input, { precedents: [] })

/** Assesses input that must be rejected, and returns its problems. */
export const problems = (input: unknown): ReadonlyArray<InputProblem> => {
  const result = Effect.runSync(Effect.either(assessPenalty(input)))
  if (Either.isRight(result)) throw new Error("expected the input to be rejected")
  return result.left.problems
}

export const institution = { kind: "institution", orgKind: "private_hospital", hospLv: "2" }
export const insuredPerson = { kind: "individual", insured: true }
export const agency = { kind: "agency" }
