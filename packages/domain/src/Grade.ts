/**
 * How the circumstances of a case move it between discretion grades (行政处罚法 Art.32–33 and the
 * "typical lists" of provincial benchmarks, `regulations.md` §3.3).
 *
 * @since 0.1.0
 */
import type { CaseFactor, CaseFactors } from "./PenaltyInput.js"

/**
 * Chinese wording of every factor, as it reads in a decision's reasoning.
 *
 * @category formatting
 */
export const factorLabel: Readonly<Record<CaseFactor, string>> = {
  firstOffence: "初次违法",
  minorAndCorrected: "违法行为轻微并及时改正",
  noFault: "当事人有证据足以证明没有主观过错",
  refundedInFullByDeadline: "在责令退回期限内足额退回医保基金",
  selfReported: "在自查自纠中主动发现并退回（检查前）",
  cooperated: "积极配合调查、如实陈述违法事实",
  confessedUnknownFacts: "主动供述行政机关尚未掌握的违法行为",
  coercedOrLured: "受他人胁迫或者诱骗实施违法行为",
  meritoriousConduct: "配合行政机关查处违法行为有立功表现",
  otherStatutoryMitigation: "法律、法规、规章规定其他应当从轻或者减轻行政处罚的情形",
  obstructedInspection: "拒绝、阻碍监督检查或者提供虚假情况",
  destroyedEvidence: "伪造、隐匿、毁灭证据",
  repeatWithin12Months: "一年内因同类违法行为受过处罚后再次违法",
  duringEmergency: "在自然灾害、公共卫生事件等突发事件期间实施违法行为",
  leaderRole: "在共同违法中起组织、策划、主要作用",
  retaliatedAgainstInformant: "对举报人、证人打击报复",
  ignoredSelfCheckList: "对医保部门下发的问题清单自查敷衍、未整改"
}

/**
 * 行政处罚法 Art.32 (应当从轻或者减轻): statutory grounds, each of which on its own permits going below the floor.
 *
 * @category rules
 */
export const statutoryMitigation: ReadonlyArray<CaseFactor> = [
  "coercedOrLured",
  "confessedUnknownFacts",
  "meritoriousConduct",
  "otherStatutoryMitigation"
]

/**
 * Discretionary mitigating circumstances (可以从轻) used across provincial benchmarks.
 *
 * @category rules
 */
export const discretionaryMitigation: ReadonlyArray<CaseFactor> = [
  "firstOffence",
  "refundedInFullByDeadline",
  "selfReported",
  "cooperated"
]

/**
 * Aggravating circumstances (从重) used across provincial benchmarks.
 *
 * @category rules
 */
export const aggravation: ReadonlyArray<CaseFactor> = [
  "obstructedInspection",
  "destroyedEvidence",
  "repeatWithin12Months",
  "duringEmergency",
  "leaderRole",
  "retaliatedAgainstInformant",
  "ignoredSelfCheckList"
]

/**
 * The factors of a case sorted by the direction they push.
 *
 * @category models
 */
export interface FactorSummary {
  readonly statutoryMitigation: ReadonlyArray<CaseFactor>
  readonly mitigation: ReadonlyArray<CaseFactor>
  readonly aggravation: ReadonlyArray<CaseFactor>
}

/**
 * Sorts the factors that are set to `true`.
 *
 * @category rules
 */
export const summariseFactors = (factors: CaseFactors): FactorSummary => {
  const present = (list: ReadonlyArray<CaseFactor>) => list.filter((f) => factors[f] === true)
  return {
    statutoryMitigation: present(statutoryMitigation),
    mitigation: present(discretionaryMitigation),
    aggravation: present(aggravation)
  }
}

/**
 * The grade within the statutory range: 从重 when only aggravating factors are present, 从轻 when only
 * mitigating ones are, 一般 otherwise (none, or both pulling against each other).
 *
 * @category rules
 */
export const gradeWithinRange = (summary: FactorSummary): "从轻" | "一般" | "从重" => {
  const mitigating = summary.statutoryMitigation.length + summary.mitigation.length
  const aggravating = summary.aggravation.length
  if (aggravating > 0 && mitigating === 0) return "从重"
  if (mitigating > 0 && aggravating === 0) return "从轻"
  return "一般"
}
