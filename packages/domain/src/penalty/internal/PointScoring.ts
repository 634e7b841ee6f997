/**
 * 医保支付资格 记分 (“驾照式记分”, 医保发〔2024〕23号 🔶): once a 定点医药机构 is penalised or receives a heavier
 * agreement sanction, its responsible doctors, pharmacists and other registered staff are scored per event —
 * 1–3, 4–6, 7–9 or 10–12 points — by their share of responsibility (一般/重要/主要责任, points per share ⚠️
 * not published nationally). The tiers and the event mapping are benchmark data (Fujian's rules 🔶 as default).
 *
 * @since 0.2.0
 */
import type { ItemContext } from "./ItemContext.js"
import type { AgreementAction } from "../Benchmark.js"
import type { Liability } from "../Liability.js"
import type { Outcome } from "../PenaltyResult.js"

/**
 * The points for the responsible staff of an institution's item, or null when no scoring applies (not an
 * institution, no penalty or heavier agreement sanction, or decided before the scheme started).
 *
 * @category rules
 */
export const pointsFor = (
  c: ItemContext,
  applied: Liability | null,
  outcome: Outcome,
  agreementActions: ReadonlyArray<AgreementAction> = []
): {
  readonly points: { readonly min: number; readonly max: number; readonly event: string; readonly basis: string }
  readonly sentence: string
} | null => {
  const scheme = c.benchmark.pointScoring
  if (scheme === null || c.input.subject.kind !== "institution" || c.input.decisionDate < scheme.effectiveFrom)
    return null
  const repeat = c.input.factors.repeatWithin12Months === true
  const pick = (): { tier: { min: number; max: number }; event: string } | null => {
    if (applied === null) {
      if (!agreementActions.includes("支付违约金")) return null
      return { tier: scheme.agreementPenalty, event: "机构受到支付违约金的协议处理，相关人员负有责任" }
    }
    if (outcome !== "penalty") return null
    if (applied.article === 40 || applied.key === "SIL-87-institution")
      return { tier: scheme.article40, event: "机构因欺诈骗保（条例第四十条）受到行政处罚，相关人员负有责任" }
    if (applied.article === 38 || applied.article === 39)
      return repeat
        ? { tier: scheme.repeat, event: "同一年度内再次发生同类违法违规行为" }
        : {
            tier: scheme.article38or39,
            event: `机构因条例第${applied.article === 38 ? "三十八" : "三十九"}条受到行政处罚，相关人员负有责任`
          }
    return null
  }
  const chosen = pick()
  if (chosen === null) return null
  const points = { min: chosen.tier.min, max: chosen.tier.max, event: chosen.event, basis: scheme.source }
  return {
    points,
    sentence: `医保支付资格记分：${chosen.event}，对负有责任的医务人员、药学技术人员等按${points.min}–${points.max}分记分，具体分值按一般、重要、主要责任确定；年度累计满9分暂停、满12分终止医保支付资格（医保发〔2024〕23号，见记分依据）。`
  }
}
