/**
 * 追责时效 (行政处罚法 Art.36): no penalty for an act not discovered within two years of its end.
 *
 * @since 0.1.0
 */
import { addYears, type IsoDate } from "./IsoDate.js"
import { inForceOrEarliest, limitationYears } from "./LegalParameters.js"
import type { ViolationFacts } from "./PenaltyInput.js"

/** @category models */
export type LimitationCheck =
  | { readonly _tag: "Unknown" }
  | { readonly _tag: "Expired"; readonly endedOn: IsoDate; readonly expiredAfter: IsoDate; readonly source: string }
  | { readonly _tag: "Within"; readonly endedOn: IsoDate; readonly expiresAfter: IsoDate; readonly source: string }

/**
 * Checks the limitation period of one violation against the decision date (the latest day the act
 * can have been discovered by). The ordinary two years apply; the five-year extension needs harm to
 * life, health or financial security, which a bureau's benchmark must assert.
 *
 * @category rules
 */
export const checkLimitation = (facts: ViolationFacts, decisionDate: IsoDate): LimitationCheck => {
  const endedOn = facts.occurredTo ?? facts.occurredFrom
  if (endedOn === undefined) return { _tag: "Unknown" }
  const law = inForceOrEarliest(limitationYears, decisionDate)
  const lastDay = addYears(endedOn, law.value.ordinary)
  return decisionDate > lastDay
    ? { _tag: "Expired", endedOn, expiredAfter: lastDay, source: law.source }
    : { _tag: "Within", endedOn, expiresAfter: lastDay, source: law.source }
}
