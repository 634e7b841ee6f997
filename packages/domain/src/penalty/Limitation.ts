/**
 * 追责时效 (行政处罚法 Art.36 ✅): 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有
 * 危害后果的，上述期限延长至五年。期限从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算.
 *
 * @since 0.1.0
 */
import { addYears, type IsoDate } from "../kernel/IsoDate.js"
import { inForce, inForceOrEarliest, limitationYears } from "./LegalParameters.js"
import type { ViolationFacts } from "./PenaltyInput.js"

/** @category models */
export type LimitationCheck =
  | { readonly _tag: "Unknown" }
  | {
      readonly _tag: "Expired" | "Within"
      readonly endedOn: IsoDate
      /** The last day on which discovering the act still allowed a penalty. */
      readonly lastDay: IsoDate
      readonly years: number
      /** The day compared against `lastDay`: the discovery date, or the decision date standing in for it. */
      readonly discovered: IsoDate
      readonly discoveredIsDecisionDate: boolean
      readonly source: string
    }

/**
 * Checks one violation's limitation period. The period runs from the end of the act to its discovery
 * (`discoveredOn`; without it the decision date stands in, which can only make the period look shorter).
 * `extended` asks for the five-year period (the benchmark says 医保 fraud endangers 金融安全 and harm occurred);
 * it applies only under the 2021 law and never revives a period that had already run out before it.
 *
 * @category rules
 */
export const checkLimitation = (
  facts: Pick<ViolationFacts, "occurredFrom" | "occurredTo">,
  decisionDate: IsoDate,
  discoveredOn: IsoDate | undefined,
  extended: boolean
): LimitationCheck => {
  const endedOn = facts.occurredTo ?? facts.occurredFrom
  if (endedOn === undefined) return { _tag: "Unknown" }
  const discovered = discoveredOn ?? decisionDate
  const ordinary = inForceOrEarliest(limitationYears, endedOn)
  const ordinaryLastDay = addYears(endedOn, ordinary.value.ordinary)
  // The five-year rule exists from the revised law's entry into force; an act whose two years had already
  // run out by then stays barred (no retroactive revival of liability).
  const revised = inForce(limitationYears, ordinaryLastDay) ?? ordinary
  const canExtend = extended && revised.value.extended > revised.value.ordinary
  const years = canExtend ? revised.value.extended : revised.value.ordinary
  const law = revised
  const lastDay = addYears(endedOn, years)
  return {
    _tag: discovered > lastDay ? "Expired" : "Within",
    endedOn,
    lastDay,
    years,
    discovered,
    discoveredIsDecisionDate: discoveredOn === undefined,
    source: law.source
  }
}

/**
 * The limitation sentence of an explanation.
 *
 * @category formatting
 */
export const limitationWording = (check: LimitationCheck): string | null => {
  if (check._tag === "Unknown") return null
  const by = check.discoveredIsDecisionDate
    ? `处罚决定日期${check.discovered}（未提供发现日期，以决定日期代替）`
    : `发现之日${check.discovered}`
  return check._tag === "Expired"
    ? `违法行为终了于${check.endedOn}，至${by}已超过${check.years}年追责时效（届满日${check.lastDay}，${check.source}），不再给予行政处罚。`
    : `违法行为终了于${check.endedOn}，至${by}未超过${check.years}年追责时效（届满日${check.lastDay}，${check.source}）。`
}
