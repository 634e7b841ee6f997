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
  selfReported: "在自查自纠中主动发现并足额退回（检查前），主动消除违法行为危害后果",
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
 * 行政处罚法 Art.32 (应当从轻或者减轻) in the national default: (1) 主动消除或者减轻违法行为危害后果 — found and
 * refunded in 自查自纠 before inspection (seed 003, 医保函〔2020〕9号: 可依法依规从轻、减轻或免于处罚);
 * (2) 受他人胁迫或者诱骗; (3) 主动供述行政机关尚未掌握的违法行为; (4) 立功表现; (5) other law.
 * A province's benchmark may list others (its `factors` section).
 *
 * @category rules
 */
export const statutoryMitigation: ReadonlyArray<CaseFactor> = [
  "selfReported",
  "coercedOrLured",
  "confessedUnknownFacts",
  "meritoriousConduct",
  "otherStatutoryMitigation"
]

/**
 * Discretionary mitigating circumstances (可以从轻) used across provincial benchmarks (national default).
 *
 * @category rules
 */
export const discretionaryMitigation: ReadonlyArray<CaseFactor> = [
  "firstOffence",
  "refundedInFullByDeadline",
  "cooperated"
]

/**
 * Aggravating circumstances (从重) used across provincial benchmarks (national default; seed 003: 自查整改不力、
 * 未按时足额退回 → 从重处罚).
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
 * The factor lists a benchmark uses.
 *
 * @category models
 */
export interface FactorLists {
  readonly statutoryMitigation: ReadonlyArray<CaseFactor>
  readonly mitigation: ReadonlyArray<CaseFactor>
  readonly aggravation: ReadonlyArray<CaseFactor>
  /** How many statutory grounds make 减轻 rather than 从轻. */
  readonly reduceBelowFloorFromGrounds: number
}

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
 * Sorts the factors that are set to `true` by the benchmark's lists (national default when none is given).
 *
 * @category rules
 */
export const summariseFactors = (
  factors: CaseFactors,
  lists: Omit<FactorLists, "reduceBelowFloorFromGrounds"> = {
    statutoryMitigation,
    mitigation: discretionaryMitigation,
    aggravation
  }
): FactorSummary => {
  const present = (list: ReadonlyArray<CaseFactor>) => list.filter((f) => factors[f] === true)
  return {
    statutoryMitigation: present(lists.statutoryMitigation),
    mitigation: present(lists.mitigation),
    aggravation: present(lists.aggravation)
  }
}

/**
 * The grade inside (or, for 减轻, below) the statutory range:
 *
 * - a 行政处罚法 Art.32 ground makes mitigation mandatory: 减轻 from `reduceBelowFloorFromGrounds` grounds on
 *   (when nothing aggravates), otherwise 从轻 — never 一般 or 从重 (应当从轻或者减轻);
 * - otherwise 从重 when only aggravating factors are present, 从轻 when only mitigating ones are, 一般 when
 *   none are or both pull against each other.
 *
 * @category rules
 */
export const gradeWithinRange = (
  summary: FactorSummary,
  reduceBelowFloorFromGrounds = 2
): "减轻" | "从轻" | "一般" | "从重" => {
  const grounds = summary.statutoryMitigation.length
  const aggravating = summary.aggravation.length
  if (grounds > 0) return grounds >= reduceBelowFloorFromGrounds && aggravating === 0 ? "减轻" : "从轻"
  const mitigating = summary.mitigation.length
  if (aggravating > 0 && mitigating === 0) return "从重"
  if (mitigating > 0 && aggravating === 0) return "从轻"
  return "一般"
}

/**
 * The number of factors pushing toward a grade (for the `stepped` recommendation rule).
 *
 * @category rules
 */
export const factorCount = (summary: FactorSummary, grade: "减轻" | "从轻" | "一般" | "从重"): number =>
  grade === "从重"
    ? summary.aggravation.length
    : grade === "一般"
      ? 0
      : summary.statutoryMitigation.length + summary.mitigation.length

/**
 * The factors as the reasoning of a decision states them.
 *
 * @category formatting
 */
export const factorReasons = (summary: FactorSummary): ReadonlyArray<string> => [
  ...summary.statutoryMitigation.map(
    (f) => `${factorLabel[f]}（《中华人民共和国行政处罚法》第三十二条，应当从轻或者减轻）`
  ),
  ...summary.mitigation.map((f) => `${factorLabel[f]}（可以从轻）`),
  ...summary.aggravation.map((f) => `${factorLabel[f]}（从重）`)
]
