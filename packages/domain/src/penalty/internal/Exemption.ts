/**
 * When no penalty may (or need) be imposed although the violation is established (行政处罚法 Art.33).
 *
 * @since 0.2.0
 */
import type { ItemContext } from "./ItemContext.js"
import { revisedPenaltyLawInForceFrom } from "../LegalParameters.js"
import { formatYuan } from "../../kernel/Money.js"
import { APL } from "./Wording.js"

/**
 * 行政处罚法 Art.33 ✅: 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚 (mandatory); 初次违法且危害后果轻微
 * 并及时改正的，可以不予行政处罚 (the engine recommends using it, and says it is discretionary); 当事人有证据足以
 * 证明没有主观过错的，不予行政处罚. Fraud is never 轻微 nor without fault; a refusal to correct is not 及时改正.
 * The first-offence and no-fault rules exist from the 2021 revision (in force 2021-07-15).
 *
 * @category rules
 */
export const exemption = (c: ItemContext, fraud: boolean, harmless: boolean): string | null => {
  const f = c.input.factors
  const since2021 = c.input.decisionDate >= revisedPenaltyLawInForceFrom
  if (f.noFault === true && since2021)
    return `当事人有证据足以证明没有主观过错，依据${APL}第三十三条第二款，不予行政处罚。`
  if (fraud || c.facts.refusedToCorrect || f.minorAndCorrected !== true) return null
  if (harmless) return `违法行为轻微并及时改正，没有造成危害后果，依据${APL}第三十三条第一款，不予行政处罚。`
  const cap = c.benchmark.firstOffence.slightHarmMaxAmount
  if (
    since2021 &&
    f.firstOffence === true &&
    c.summary.aggravation.length === 0 &&
    (cap === null || c.facts.amount <= cap)
  )
    return `初次违法且危害后果轻微并及时改正，依据${APL}第三十三条第一款“可以不予行政处罚”，建议不予行政处罚${cap === null ? "（危害后果是否轻微由办案人员认定）" : `（本基准：金额不超过${formatYuan(cap)}）`}。`
  return null
}
