/**
 * Discretion benchmarks (行政处罚裁量基准). The national default invents no precision the law lacks:
 * 一般 spans the whole statutory range; 从轻 and 从重 narrow it toward the floor or the ceiling.
 *
 * @since 0.1.0
 */
import type { Grade } from "./PenaltyResult.js"

/**
 * A band inside the statutory range, as fractions of its width (0 = floor, 1 = ceiling), and the
 * point inside the band that is recommended.
 *
 * @category models
 */
export interface GradeBand {
  readonly from: number
  readonly to: number
  readonly recommend: "low" | "middle" | "high"
}

/** @category models */
export interface Benchmark {
  readonly region: string
  readonly name: string
  readonly version: string
  readonly source: string
  readonly bands: Readonly<Record<"从轻" | "一般" | "从重", GradeBand>>
  /** Recommend terminating the service agreement (where lawful) from this grade on. */
  readonly agreementTerminationFrom: Grade | null
}

/**
 * The national default: 医保发〔2021〕35号 leaves the numbers to the provinces, so 一般 is the whole range;
 * 从轻 / 从重 take the lower / upper 30 % (the split the reference calls common practice ⚠️ — a province's
 * own file replaces it).
 *
 * @category benchmarks
 */
export const nationalDefaultBenchmark: Benchmark = {
  region: "000000",
  name: "国家默认裁量基准（法定幅度内三档）",
  version: "2021-07-15",
  source: "《规范医疗保障基金使用监督管理行政处罚裁量权办法》(医保发〔2021〕35号)；《行政处罚法》第三十四条",
  bands: {
    从轻: { from: 0, to: 0.3, recommend: "low" },
    一般: { from: 0, to: 1, recommend: "middle" },
    从重: { from: 0.7, to: 1, recommend: "high" }
  },
  agreementTerminationFrom: "从重"
}

/**
 * The concrete band `[min, max]` and recommended point for a statutory range under a grade.
 *
 * @category rules
 */
export const bandWithin = (
  range: { readonly min: number; readonly max: number },
  band: GradeBand
): { readonly min: number; readonly max: number; readonly recommended: number } => {
  const width = range.max - range.min
  const round = (x: number) => Math.round(x * 100) / 100
  const min = round(range.min + width * band.from)
  const max = round(range.min + width * band.to)
  const recommended = band.recommend === "low" ? min : band.recommend === "high" ? max : round((min + max) / 2)
  return { min, max, recommended }
}

/** Describes how the recommended point was chosen, for the explanation. */
export const recommendationWording: Readonly<Record<GradeBand["recommend"], string>> = {
  low: "取该档下限",
  middle: "取该档中间值",
  high: "取该档上限"
}
