/**
 * 条例 Art.38 (定点医药机构 violations causing loss) and its Art.40 ¶2 upgrade (the same acts done to
 * defraud the fund).
 *
 * @since 0.1.0
 */
import { bandWithin, recommendationWording, type Benchmark } from "./Benchmark.js"
import { factorLabel, gradeWithinRange, type FactorSummary } from "./Grade.js"
import type { IsoDate } from "./IsoDate.js"
import {
  article38Fine,
  article40Fine,
  departmentSuspension,
  inForceOrEarliest,
  type MultipleRange
} from "./LegalParameters.js"
import type { LimitationCheck as Limitation } from "./Limitation.js"
import { formatYuan, multiplyYuan, roundYuan } from "./Money.js"
import type { AssessmentInput, CaseFactors, ViolationFacts } from "./PenaltyInput.js"
import type { AssessedItem, FineRange, Grade, MonthsRecommendation } from "./PenaltyResult.js"
import { violationEntry } from "./Violation.js"

/** Everything the Art.38 assessment needs about one violation. */
export interface Article38Case {
  readonly facts: ViolationFacts
  readonly factors: FactorSummary
  readonly caseFactors: CaseFactors
  readonly limitation: Limitation
  readonly benchmark: Benchmark
  readonly input: AssessmentInput
}

const R735 = "《医疗保障基金使用监督管理条例》"
const APL = "《中华人民共和国行政处罚法》"

const fineFor = (
  amount: number,
  range: MultipleRange,
  grade: "从轻" | "一般" | "从重",
  benchmark: Benchmark
): FineRange => {
  const band = bandWithin(range, benchmark.bands[grade])
  return {
    basis: range.basis,
    multipleMin: band.min,
    multipleMax: band.max,
    recommendedMultiple: band.recommended,
    min: multiplyYuan(amount, band.min),
    max: multiplyYuan(amount, band.max),
    recommended: multiplyYuan(amount, band.recommended)
  }
}

const monthsFor = (grade: "从轻" | "一般" | "从重", benchmark: Benchmark, date: IsoDate): MonthsRecommendation => {
  const band = bandWithin(inForceOrEarliest(departmentSuspension, date).value, benchmark.bands[grade])
  return { min: Math.round(band.min), max: Math.round(band.max), recommended: Math.round(band.recommended) }
}

const noPenaltyGround = (c: Article38Case): string | null => {
  if (c.limitation._tag === "Expired")
    return `违法行为于 ${c.limitation.endedOn} 终了，至 ${c.limitation.expiredAfter} 已满追责时效（${c.limitation.source}），不再给予行政处罚。`
  if (c.caseFactors.noFault === true)
    return `当事人有证据足以证明没有主观过错，依据${APL}第三十三条第二款不予行政处罚。`
  if (c.facts.intentToDefraud) return null
  if (c.caseFactors.minorAndCorrected === true && c.facts.amount === 0)
    return `违法行为轻微并及时改正，没有造成危害后果，依据${APL}第三十三条第一款不予行政处罚。`
  if (c.caseFactors.minorAndCorrected === true && c.caseFactors.firstOffence === true)
    return `初次违法且危害后果轻微并及时改正，依据${APL}第三十三条第一款可以不予行政处罚。`
  return null
}

/**
 * Assesses one Art.38 violation.
 *
 * @category assessment
 * @see 《医疗保障基金使用监督管理条例》第三十八条、第四十条第二款
 */
export const assessArticle38 = (c: Article38Case): AssessedItem => {
  const entry = violationEntry(c.facts.code)
  const upgraded = c.facts.intentToDefraud
  const assessedUnder = upgraded ? 40 : 38
  const date = c.input.decisionDate
  const amount = roundYuan(c.facts.amount)
  const citations = [...entry.citations]
  const explanation: Array<string> = [
    `认定事实：${entry.behaviour}，${upgraded ? "骗取" : "造成基金损失"}金额 ${formatYuan(amount)}，违反${R735}${entry.clause}。`
  ]
  if (upgraded) {
    explanation.push(`经查以骗取医疗保障基金为目的，依据${R735}第四十条第二款，按第四十条处理。`)
    citations.push(`${R735}第四十条第二款`)
  }
  const base = {
    violation: c.facts.code,
    article: entry.article,
    clause: entry.clause,
    assessedUnder,
    settlementSuspensionMonths: null,
    citations
  }

  const ground = noPenaltyGround(c)
  if (ground !== null) {
    citations.push(c.limitation._tag === "Expired" ? c.limitation.source : `${APL}第三十三条`)
    return {
      ...base,
      outcome: "no_penalty",
      grade: "不予处罚" as Grade,
      refund: c.limitation._tag === "Expired" ? 0 : amount,
      fine: null,
      suspensionMonths: null,
      agreementTermination: { lawful: upgraded, recommended: false },
      measures: c.limitation._tag === "Expired" ? [] : ["责令改正", ...(amount > 0 ? ["责令退回"] : []), "批评教育"],
      explanation: [...explanation, ground]
    }
  }

  const grade = gradeWithinRange(c.factors)
  const reasons = [
    ...c.factors.statutoryMitigation.map((f) => `${factorLabel[f]}（${APL}第三十二条，应当从轻或者减轻）`),
    ...c.factors.mitigation.map((f) => `${factorLabel[f]}（可以从轻）`),
    ...c.factors.aggravation.map((f) => `${factorLabel[f]}（从重）`)
  ]
  explanation.push(
    reasons.length === 0
      ? "无从轻、从重情节，按一般情形裁量，罚款倍数覆盖法定幅度。"
      : `裁量情节：${reasons.join("；")}。综合认定为“${grade}”。`
  )

  const law = inForceOrEarliest(upgraded ? article40Fine : article38Fine, date)
  const fine = amount > 0 ? fineFor(amount, law.value, grade, c.benchmark) : null
  if (fine !== null) {
    const band = c.benchmark.bands[grade]
    explanation.push(
      `依据${law.source}，${upgraded ? "处骗取金额" : "处造成损失金额"}${law.value.min}倍以上${law.value.max}倍以下罚款；“${grade}”档为 ${fine.multipleMin}–${fine.multipleMax} 倍（${formatYuan(fine.min)}–${formatYuan(fine.max)}），${recommendationWording[band.recommend]} ${fine.recommendedMultiple} 倍，建议罚款 ${formatYuan(fine.recommended)}。`
    )
  } else {
    explanation.push(`未造成基金损失，依据${R735}第三十八条责令改正，可以约谈有关负责人；不予罚款。`)
  }

  const suspends = upgraded || c.facts.refusedToCorrect || c.facts.seriousConsequence
  const suspensionMonths = suspends ? monthsFor(grade, c.benchmark, date) : null
  if (suspensionMonths !== null) {
    const why = upgraded
      ? "第四十条"
      : c.facts.refusedToCorrect
        ? "拒不改正（第三十八条）"
        : "造成严重后果（第三十八条）"
    explanation.push(
      `因${why}，责令暂停相关责任部门${suspensionMonths.min}–${suspensionMonths.max}个月涉及医保基金使用的医药服务，建议${suspensionMonths.recommended}个月。`
    )
  }
  const terminationRecommended =
    upgraded && c.benchmark.agreementTerminationFrom !== null && grade === c.benchmark.agreementTerminationFrom
  if (upgraded) {
    explanation.push(
      terminationRecommended
        ? `依据${R735}第四十条，建议由医疗保障经办机构解除服务协议。`
        : `依据${R735}第四十条，经办机构可以解除服务协议（本案未达建议解除的情形）。`
    )
  }
  const measures = [
    "责令改正",
    ...(amount > 0 ? ["责令退回"] : []),
    ...(fine !== null ? ["罚款"] : []),
    ...(suspensionMonths !== null ? ["暂停相关责任部门涉及医保基金使用的医药服务"] : []),
    ...(terminationRecommended ? ["解除服务协议"] : [])
  ]
  return {
    ...base,
    outcome: fine !== null || suspensionMonths !== null ? "penalty" : "no_penalty",
    grade,
    refund: amount,
    fine,
    suspensionMonths,
    agreementTermination: { lawful: upgraded, recommended: terminationRecommended },
    measures,
    explanation
  }
}
