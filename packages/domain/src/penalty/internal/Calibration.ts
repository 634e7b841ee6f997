/**
 * 类案校准: the recommended multiple of a fine set by comparable published decisions — the median of those of
 * the same article, kind of party and circumstances (the case's province first, else the whole country),
 * kept inside the grade's band, which stays the benchmark's. With too few comparable decisions, or with the
 * benchmark's `precedents.enabled` off, the band's own point stands and the explanation says why.
 *
 * @since 0.5.0
 */
import { formatYuan, multiplyYuan } from "../../kernel/Money.js"
import { caseKey, precedentBasis, type PrecedentKey, precedentKeyText } from "../Precedents.js"
import type { FineRange } from "../PenaltyResult.js"
import { roundMultiple } from "./Band.js"
import type { ItemContext } from "./ItemContext.js"
import { multipleText } from "./Wording.js"

/** A fine's recommendation after calibration, the basis shown, and the sentence of the explanation. */
export interface Calibrated {
  readonly fine: FineRange
  readonly basis: {
    readonly comparison: string
    readonly scope: "本省" | "全国"
    readonly count: number
    readonly median: number
    readonly min: number
    readonly max: number
    readonly recommendedMultiple: number
    readonly decisionIds: ReadonlyArray<string>
  } | null
  readonly sentence: string | null
}

/**
 * Calibrates a multiple-based fine of an item assessed under `article` on the comparable published decisions.
 *
 * @category rules
 */
export const calibrateFine = (c: ItemContext, article: number, fine: FineRange, amount: number): Calibrated => {
  const setting = c.benchmark.precedents
  if (!setting.enabled || fine.multipleMin === null || fine.multipleMax === null)
    return { fine, basis: null, sentence: null }
  const key = caseKey(article, c.input.subject, c.summary, c.benchmark.factors.reduceBelowFloorFromGrounds)
  const basis = precedentBasis(c.precedents, key, c.input.region, setting.minimumComparable)
  if (basis === null)
    return {
      fine,
      basis: null,
      sentence: `同类公开案例不足${setting.minimumComparable}件（${precedentKeyText(key)}），建议倍数按本档规则确定。`
    }
  const recommendedMultiple = Math.min(fine.multipleMax, Math.max(fine.multipleMin, roundMultiple(basis.median)))
  const clamped = recommendedMultiple !== roundMultiple(basis.median)
  const recommended = multiplyYuan(amount, recommendedMultiple)
  return {
    fine: { ...fine, recommendedMultiple, recommended },
    basis: {
      comparison: precedentKeyText(key),
      scope: basis.scope,
      count: basis.count,
      median: basis.median,
      min: basis.min,
      max: basis.max,
      recommendedMultiple,
      decisionIds: basis.decisionIds
    },
    sentence: `同类公开案例${basis.count}件（${precedentKeyText(key)}，${basis.scope}），罚款倍数中位数${multipleText(basis.median)}，区间${Number(basis.min.toFixed(2))}–${multipleText(basis.max)}；本案建议${multipleText(recommendedMultiple)}${clamped ? `（限定在本档幅度${Number(fine.multipleMin.toFixed(2))}–${multipleText(fine.multipleMax)}内）` : ""}，罚款${formatYuan(recommended)}。`
  }
}

/**
 * Calibrates the recommendation to terminate the service agreement (解除服务协议, where the law allows it
 * without requiring it) on the comparable published decisions: recommended when most of them terminated, or
 * when most of those of lighter circumstances did (monotone: a heavier case is not recommended less). With too
 * few comparable decisions, or calibration off, the benchmark's grade rule stands.
 *
 * @category rules
 */
export const calibrateTermination = (
  c: ItemContext,
  article: number,
  termination: { readonly lawful: boolean; readonly recommended: boolean; readonly mandatory: boolean }
): { readonly recommended: boolean; readonly sentence: string | null } => {
  const setting = c.benchmark.precedents
  if (!setting.enabled || !termination.lawful || termination.mandatory)
    return { recommended: termination.recommended, sentence: null }
  const key = caseKey(article, c.input.subject, c.summary, c.benchmark.factors.reduceBelowFloorFromGrounds)
  // Whether bureaus terminate turns on the act more than on the article (published decisions that found forged
  // records terminated where those of fictitious services alone mostly did not): the decisions that also found
  // this item's behaviour decide where there are enough of them in its own circumstances, else all of the
  // article's. The lighter circumstances are then compared the same way, so that decisions on other acts cannot
  // come back through them.
  const byAct = { ...key, behaviour: c.facts.code }
  const narrowed = precedentBasis(c.precedents, byAct, c.input.region, setting.minimumComparable) !== null
  const terminatesMostly = (circumstances: PrecedentKey["circumstances"]) => {
    const basis = precedentBasis(
      c.precedents,
      { ...(narrowed ? byAct : key), circumstances },
      c.input.region,
      setting.minimumComparable
    )
    return basis === null ? null : { basis, terminates: basis.terminated * 2 > basis.count }
  }
  const own = terminatesMostly(key.circumstances)
  // Monotone in the circumstances: where the comparable decisions of the nearest lighter circumstances that have
  // enough of them mostly terminated, a case with heavier ones is not recommended less — however its own (often
  // few) comparable decisions went. The nearest class decides: a farther one is not searched for a termination.
  const nearestLighter = lighterCircumstances(key.circumstances)
    .map((circumstances) => ({ circumstances, found: terminatesMostly(circumstances) }))
    .find((l) => l.found !== null)
  const lighter = nearestLighter?.found?.terminates === true ? nearestLighter : undefined
  if (own === null && lighter === undefined) return { recommended: termination.recommended, sentence: null }
  const ownText =
    own === null
      ? ""
      : `同类公开案例${own.basis.count}件（${precedentKeyText(own.basis.key)}，${own.basis.scope}）中${own.basis.terminated}件解除服务协议`
  if (own?.terminates !== true && lighter !== undefined) {
    const l = lighter.found!.basis
    return {
      recommended: true,
      sentence: `${ownText === "" ? "" : `${ownText}；`}情节较轻的同类公开案例${l.count}件（${precedentKeyText(l.key)}，${l.scope}）中${l.terminated}件解除服务协议，本案情节更重，建议由医疗保障经办机构解除服务协议。`
    }
  }
  return {
    recommended: own!.terminates,
    sentence: `${ownText}，${own!.terminates ? "建议由医疗保障经办机构解除服务协议" : "本案不建议解除服务协议"}。`
  }
}

/** The circumstances lighter than these, nearest first (减轻 < 无从重情节 < 有从重情节). */
const lighterCircumstances = (
  circumstances: PrecedentKey["circumstances"]
): ReadonlyArray<PrecedentKey["circumstances"]> =>
  circumstances === "有从重情节" ? ["无从重情节", "减轻"] : circumstances === "无从重情节" ? ["减轻"] : []
