/**
 * From a statutory range and a grade to the concrete band `[min, max]` and the recommended point inside it,
 * with the sentence that explains how the point was chosen. Bands never leave the statutory range except
 * downward under 减轻, and never exceed the ceiling.
 *
 * @since 0.2.0
 */
import type { BandGrade, GradeBand, TableLiability, TableRow } from "../Benchmark.js"

/**
 * A concrete band with its recommended point and the reason for the point.
 *
 * @category models
 */
export interface Band {
  readonly min: number
  readonly max: number
  readonly recommended: number
  /** How the band was obtained and the point chosen, in Chinese. */
  readonly rule: string
}

/** How a quantity is rounded: multiples to 0.01, yuan to the fen, months to whole months. */
export type Rounding = (n: number) => number

/** @category rounding */
export const roundMultiple: Rounding = (n) => Math.round(n * 100 + 1e-9) / 100
/** @category rounding */
export const roundMonths: Rounding = (n) => Math.round(n + 1e-9)

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n))

const pointWording = (grade: BandGrade, band: GradeBand, count: number): string => {
  switch (band.recommend) {
    case "floor":
      return "取该档下限"
    case "ceiling":
      return "取该档上限"
    case "middle":
      return "取该档中间值"
    case "stepped": {
      const step = Math.round((band.step ?? 0) * 100)
      const inner = grade === "从重" ? "下限" : "上限"
      const direction = grade === "从重" ? "上移" : "下移"
      return `按情节个数递进（1个情节取该档${inner}，每增加1个${direction}该档宽度的${step}%；本案${count}个）`
    }
  }
}

/**
 * The recommended point of `[lo, hi]` for a grade under a rule. `count` is the number of factors pushing
 * toward the grade (aggravating factors for 从重, mitigating ones for 从轻 and 减轻).
 *
 * @category rules
 */
export const recommendedPoint = (
  lo: number,
  hi: number,
  grade: BandGrade,
  band: Pick<GradeBand, "recommend" | "step">,
  count: number,
  round: Rounding
): number => {
  const width = hi - lo
  const shift = Math.min(1, Math.max(0, count - 1) * (band.step ?? 0)) * width
  const raw =
    band.recommend === "floor"
      ? lo
      : band.recommend === "ceiling"
        ? hi
        : band.recommend === "middle" || grade === "一般"
          ? (lo + hi) / 2
          : grade === "从重"
            ? lo + shift
            : hi - shift
  return clamp(round(raw), lo, hi)
}

/**
 * The band of a grade inside a statutory range `[floor, ceiling]`. For 从轻, 一般 and 从重 the band's
 * fractions are of the range's width; for 减轻 they are of the floor (减轻 goes below the floor only).
 *
 * @category rules
 */
export const bandWithin = (
  range: { readonly min: number; readonly max: number },
  grade: BandGrade,
  band: GradeBand,
  count: number,
  round: Rounding
): Band => {
  const width = range.max - range.min
  const [rawLo, rawHi] =
    grade === "减轻"
      ? [range.min * band.from, range.min * band.to]
      : [range.min + width * band.from, range.min + width * band.to]
  const floor = grade === "减轻" ? 0 : range.min
  const ceiling = grade === "减轻" ? range.min : range.max
  const lo = clamp(round(rawLo), floor, ceiling)
  const hi = clamp(round(rawHi), lo, ceiling)
  const recommended = recommendedPoint(lo, hi, grade, band, count, round)
  const share =
    grade === "减轻"
      ? `法定下限以下的${Math.round(band.from * 100)}%–${Math.round(band.to * 100)}%`
      : `法定幅度的${Math.round(band.from * 100)}%–${Math.round(band.to * 100)}%`
  return { min: lo, max: hi, recommended, rule: `“${grade}”档为${share}，${pointWording(grade, band, count)}` }
}

/**
 * The first table row of the benchmark for this article, grade, amount and refund that applies, if any.
 * `amountOver` is exclusive and `amountUpTo` inclusive (以上/以下 include the number).
 *
 * @category rules
 */
export const matchingRow = (
  rows: ReadonlyArray<TableRow>,
  liability: TableLiability,
  grade: BandGrade,
  amount: number,
  refundedInFullByDeadline: boolean
): TableRow | undefined =>
  rows.find(
    (r) =>
      r.liability === liability &&
      r.grades.includes(grade) &&
      (r.amountOver === null || amount > r.amountOver) &&
      (r.amountUpTo === null || amount <= r.amountUpTo) &&
      (r.refundedInFullByDeadline === null || r.refundedInFullByDeadline === refundedInFullByDeadline)
  )

/**
 * A band from a table row (the province's own numbers); the recommended point is the row's, or chosen by
 * the grade's rule inside the row.
 *
 * @category rules
 */
export const bandFromRow = (
  row: TableRow,
  grade: BandGrade,
  band: GradeBand,
  count: number,
  round: Rounding,
  unit: string
): Band => {
  const recommended =
    row.recommended === undefined ? recommendedPoint(row.min, row.max, grade, band, count, round) : row.recommended
  const bracket = [
    row.amountOver === null ? null : `${row.amountOver}元以上（不含）`,
    row.amountUpTo === null ? null : `${row.amountUpTo}元以下（含）`,
    row.refundedInFullByDeadline === null
      ? null
      : row.refundedInFullByDeadline
        ? "在责令期限内足额退回"
        : "未在责令期限内足额退回"
  ]
    .filter((x) => x !== null)
    .join("、")
  const point =
    row.recommended !== undefined
      ? `取本省标准规定的${row.recommended}${unit}`
      : row.min === row.max
        ? "本省标准规定为定值"
        : pointWording(grade, band, count)
  return {
    min: row.min,
    max: row.max,
    recommended,
    rule: `适用本省裁量标准${bracket === "" ? "" : `（${bracket}）`}：${row.min === row.max ? `${row.min}${unit}` : `${row.min}–${row.max}${unit}`}${row.source === undefined ? "" : `（${row.source}）`}，${point}`
  }
}
