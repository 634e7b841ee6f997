/**
 * The sanctions of one administrative item once its provision and grade are known: the fine band (general
 * rule or the province's table), the suspensions, termination of the agreement, points for the responsible
 * staff. Each function returns the value and the sentence that explains it.
 *
 * @since 0.2.0
 */
import { bandFromRow, bandWithin, matchingRow, roundMonths, roundMultiple, type Band } from "./Band.js"
import type { BandGrade, TableLiability } from "../Benchmark.js"
import type { ResolvedBenchmark } from "../Benchmarks.js"
import type { Liability, LiabilityKey } from "../Liability.js"
import { formatYuan, multiplyYuan, roundYuan } from "../../kernel/Money.js"
import type { FineRange, MonthsRecommendation } from "../PenaltyResult.js"
import { monthsRangeText, multipleText } from "./Wording.js"

const tableKey: Partial<Record<LiabilityKey, TableLiability>> = {
  "R735-37": "37",
  "R735-38": "38",
  "R735-39": "39",
  "R735-40": "40",
  "R735-41-2": "41-2"
}

/** The grade order, lightest first. */
export const gradeRank: Readonly<Record<BandGrade, number>> = { 减轻: 0, 从轻: 1, 一般: 2, 从重: 3 }

/**
 * The fine of an item: its band and recommended point, in multiples or yuan, with the explanation.
 *
 * @category rules
 */
export const fineFor = (
  liability: Liability,
  grade: BandGrade,
  count: number,
  amount: number,
  refundedInFullByDeadline: boolean,
  benchmark: ResolvedBenchmark
): {
  readonly fine: FineRange
  readonly sentence: string
  /** The benchmark fixes the point itself (its table row names it, or the band is one value). */
  readonly pointFixed: boolean
} | null => {
  const spec = liability.fine
  if (spec === null) return null
  const gradeBand = benchmark.bands[grade]
  const key = tableKey[liability.key]
  const row =
    key === undefined ? undefined : matchingRow(benchmark.tables, key, grade, amount, refundedInFullByDeadline)
  if (spec.kind === "fixed") {
    const band: Band =
      row === undefined
        ? bandWithin(spec.range, grade, gradeBand, count, roundYuan)
        : bandFromRow(row, grade, gradeBand, count, roundYuan, "元")
    return {
      fine: {
        basis: "fixed",
        multipleMin: null,
        multipleMax: null,
        recommendedMultiple: null,
        min: band.min,
        max: band.max,
        recommended: band.recommended
      },
      sentence: `依据${spec.source}，拒不改正的，处${formatYuan(spec.range.min)}以上${formatYuan(spec.range.max)}以下的罚款；${band.rule}：${formatYuan(band.min)}–${formatYuan(band.max)}，建议罚款${formatYuan(band.recommended)}。`,
      pointFixed: true
    }
  }
  const band: Band =
    row === undefined
      ? bandWithin(spec.range, grade, gradeBand, count, roundMultiple)
      : bandFromRow(row, grade, gradeBand, count, roundMultiple, "倍")
  const basisWord = spec.range.basis === "loss" ? "造成损失金额" : "骗取金额"
  const fine: FineRange = {
    basis: spec.range.basis,
    multipleMin: band.min,
    multipleMax: band.max,
    recommendedMultiple: band.recommended,
    min: multiplyYuan(amount, band.min),
    max: multiplyYuan(amount, band.max),
    recommended: multiplyYuan(amount, band.recommended)
  }
  return {
    fine,
    pointFixed: row?.recommended !== undefined || band.min === band.max,
    sentence: `依据${spec.source}，处${basisWord}${spec.range.min}倍以上${spec.range.max}倍以下的罚款；${band.rule}：罚款倍数${band.min === band.max ? multipleText(band.min) : `${multipleText(band.min)}–${multipleText(band.max)}`}（${formatYuan(fine.min)}–${formatYuan(fine.max)}），建议处${multipleText(band.recommended)}罚款${formatYuan(fine.recommended)}。`
  }
}

/**
 * A suspension in months graded like a fine (the statutory months are the range).
 *
 * @category rules
 */
export const monthsFor = (
  range: { readonly min: number; readonly max: number },
  grade: BandGrade,
  count: number,
  benchmark: ResolvedBenchmark
): { readonly months: MonthsRecommendation; readonly rule: string } => {
  const band = bandWithin(range, grade, benchmark.bands[grade], count, roundMonths)
  return { months: { min: band.min, max: band.max, recommended: band.recommended }, rule: band.rule }
}

/**
 * Months as a sentence: `6–8个月，建议6个月`.
 *
 * @category formatting
 */
export const monthsSentence = (m: MonthsRecommendation): string =>
  `${monthsRangeText(m.min, m.max)}，建议${m.recommended}个月`

/**
 * Whether terminating the service agreement is recommended: mandatory under 《社会保险法》 Art.87; under
 * 条例 Art.40 (直至解除) from the benchmark's grade on (national default 从重).
 *
 * @category rules
 */
export const terminationFor = (
  liability: Liability,
  grade: BandGrade,
  benchmark: ResolvedBenchmark
): { readonly lawful: boolean; readonly recommended: boolean } => {
  if (liability.termination === null) return { lawful: false, recommended: false }
  if (liability.termination === "mandatory") return { lawful: true, recommended: true }
  const from = benchmark.agreementTermination.recommendFrom
  return { lawful: true, recommended: from !== null && gradeRank[grade] >= gradeRank[from] }
}

/** Sums amounts to the fen. */
export const sumYuan = (amounts: ReadonlyArray<number>): number => roundYuan(amounts.reduce((s, a) => s + a, 0))
