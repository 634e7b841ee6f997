/**
 * The choice between the law in force when the act happened and the law in force when the decision is made
 * (行政处罚法 Art.37 ✅: 从旧兼从轻), for the provisions of `Liability`.
 *
 * @since 0.2.0
 */
import type { IsoDate } from "../kernel/IsoDate.js"
import { regulationInForceFrom } from "./LegalParameters.js"
import { liabilityFor, provisionsFor, type Liability } from "./Liability.js"
import { R735 } from "./internal/Wording.js"

/**
 * How heavy a provision is for this party, compared field by field: the fine's ceiling, its floor, then the
 * heaviest other sanction (mandatory termination > department suspension > suspension of direct settlement),
 * then confiscation. A missing provision (null) is the lightest of all: no sanction.
 *
 * @category rules
 */
export const liabilitySeverity = (l: Liability | null, insured: boolean): ReadonlyArray<number> => {
  if (l === null) return [0, 0, 0, 0]
  const fineMax = l.fine === null ? 0 : l.fine.range.max
  const fineMin = l.fine === null ? 0 : l.fine.range.min
  const other =
    l.termination === "mandatory"
      ? 3
      : l.departmentSuspension?.when === "always"
        ? 2
        : l.settlementSuspension !== null && insured
          ? 1
          : 0
  return [fineMax, fineMin, other, l.confiscation === null ? 0 : 1]
}

/** Negative when `a` is lighter than `b`. */
export const compareLiabilitySeverity = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * The law chosen for one act, with the reasoning a decision states.
 *
 * @category models
 */
export interface LawChoice {
  /** The provision applied, or null: no administrative sanction existed for the act when it was done. */
  readonly applied: Liability | null
  /** The day the act is dated by (its end, for a continuing act), or null when unknown. */
  readonly actDate: IsoDate | null
  readonly explanation: string | null
}

/**
 * 行政处罚法 Art.37 ✅: 实施行政处罚，适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、
 * 法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的规定.
 *
 * A continuing act is dated by its end (it is governed by the law in force when it ended ⚠️ — the usual
 * reading, which the reference does not settle); an act without dates is taken to fall under the 条例.
 *
 * @category rules
 */
export const chooseLaw = (
  assessedUnder: { readonly article: number; readonly paragraph: number | null },
  subject: { readonly kind: string; readonly insured: boolean },
  actDate: IsoDate | null,
  decisionDate: IsoDate
): LawChoice => {
  const { current, before } = provisionsFor(assessedUnder, subject.kind)
  const now = liabilityFor(current, decisionDate)
  // Without dates the act is taken to fall under the 条例 — unless the decision itself predates it.
  if (actDate === null && decisionDate >= regulationInForceFrom) return { applied: now, actDate, explanation: null }
  if (actDate !== null && actDate >= regulationInForceFrom) return { applied: now, actDate, explanation: null }
  const dated = actDate ?? decisionDate
  const old = before === null ? null : liabilityFor(before, dated)
  // The new rule can be the lighter one only if it is in force when the decision is made.
  const newIsLighter =
    decisionDate >= regulationInForceFrom &&
    compareLiabilitySeverity(liabilitySeverity(now, subject.insured), liabilitySeverity(old, subject.insured)) < 0
  const applied = newIsLighter ? now : old
  const oldText =
    old === null ? "国家法律、行政法规对该行为未设定行政处罚（违规费用通过服务协议追回）" : `适用${old.citation}`
  const why = newIsLighter
    ? `${now.citation}的规定处罚较轻，依据《中华人民共和国行政处罚法》第三十七条（从旧兼从轻）适用新的规定`
    : `${now.citation}的规定并不更轻，依据《中华人民共和国行政处罚法》第三十七条适用行为发生时的规定`
  return {
    applied,
    actDate,
    explanation: `违法行为${actDate === null ? "发生于" : "终了于"}${dated}${actDate === null ? "之前" : ""}，早于${R735}施行之日（${regulationInForceFrom}）；行为发生时${oldText}。${why}。`
  }
}
