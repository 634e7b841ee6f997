/**
 * Procedural consequences of an intended decision: the right to a hearing (行政处罚法 Art.63), the
 * legal review before deciding (Art.58) and the limitation period (Art.36).
 *
 * @since 0.1.0
 */
import { hearingThresholds, inForceOrEarliest } from "./LegalParameters.js"
import type { LimitationCheck } from "./Limitation.js"
import type { AssessmentInput } from "./PenaltyInput.js"
import type { AssessedItem, AssessmentResult } from "./PenaltyResult.js"

/**
 * The procedure block of the result.
 *
 * @category rules
 */
export const procedureFor = (
  input: AssessmentInput,
  items: ReadonlyArray<AssessedItem>,
  totals: AssessmentResult["totals"],
  limitations: ReadonlyArray<LimitationCheck>
): AssessmentResult["procedure"] => {
  const thresholds = inForceOrEarliest(hearingThresholds, input.decisionDate).value
  const threshold = input.subject.kind === "individual" ? thresholds.individual : thresholds.organisation
  const heavy = items.some(
    (i) => i.suspensionMonths !== null || i.settlementSuspensionMonths !== null || i.agreementTermination.recommended
  )
  const hearingRight = totals.fineRecommended >= threshold || heavy
  const legalReviewRequired = totals.refund + totals.fineRecommended >= threshold || heavy
  const limitationExpired = limitations.length > 0 && limitations.every((l) => l._tag === "Expired")
  const limitationChecked = limitations.every((l) => l._tag !== "Unknown")
  return { hearingRight, legalReviewRequired, limitationExpired, limitationChecked }
}
