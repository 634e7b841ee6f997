/**
 * 抽样推算: sampling an institution's settled claims at random (with a recorded seed, by the same
 * published random stream as the draw) and extrapolating the overpayment found in the reviewed
 * sample to all its claims, with a confidence interval whose lower limit is what may be recovered.
 *
 * The method is the standard one for a simple random sample without replacement — the mean-per-unit
 * estimator with the finite population correction and Student's t (Cochran, *Sampling Techniques*,
 * 3rd ed., §2.4–2.5) — and the recovery rule of the US Medicare Program Integrity Manual, ch. 8
 * §8.4.5.1: demand the lower limit of a one-sided 90 % confidence interval. The confidence is a
 * parameter (`defaultSamplingParameters`): a bureau that adopts another rule (e.g. the OIG's
 * two-sided 90 %, i.e. one-sided 95 %) sets it; no Chinese national text fixes one.
 *
 * @since 0.4.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { roundYuan } from "../kernel/Money.js"
import type { InputProblem } from "../kernel/Problems.js"
import { drawStream } from "./Draw.js"
import { shuffledPrefix } from "./internal/Shuffle.js"
import { studentTQuantile } from "./internal/Student.js"
import * as Order from "effect/Order"

/**
 * The name and version of the sample selection: the frame sorted by claim id, then a partial
 * Fisher–Yates shuffle with the `sample` stream of `fundguard-draw/1` (`docs/domain/draws.md`).
 *
 * @category constants
 */
export const samplingAlgorithm = "fundguard-sample/1"

/**
 * The parameters of extrapolation: the one-sided confidence of the lower limit (PIM ch. 8
 * §8.4.5.1: 0.90), and the sample size below which the result carries a warning (PIM ch. 8
 * §8.4.4.1 leaves size to the statistician; 30 is the usual floor for the t interval).
 *
 * @category models
 */
export interface SamplingParameters {
  readonly confidence: number
  readonly warnBelowSize: number
}

/** @category constructors */
export const defaultSamplingParameters: SamplingParameters = { confidence: 0.9, warnBelowSize: 30 }

/**
 * A sampling or extrapolation that cannot be done as asked; `problems` names each input at fault.
 *
 * @category errors
 */
export class SamplingRefused extends Schema.TaggedError<SamplingRefused>()("SamplingRefused", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => p.message).join("；")
  }
}

/**
 * A sample as recorded and published: the seed, the algorithm, the frame (how many claims and how
 * much the fund paid for them) and the claims drawn, in draw order.
 *
 * @category models
 */
export interface ClaimSample {
  readonly seed: string
  readonly algorithm: typeof samplingAlgorithm
  readonly frameSize: number
  readonly frameAmount: number
  readonly claims: ReadonlyArray<string>
}

/**
 * Draws `size` claims from the frame (claim ids with what the fund paid), every claim with the same
 * chance. Refused when the size is not between 1 and the frame's size or an id appears twice.
 *
 * @category rules
 */
export const drawClaimSample = (request: {
  readonly seed: string
  readonly size: number
  readonly frame: ReadonlyArray<{ readonly id: string; readonly paid: number }>
}): Either.Either<ClaimSample, SamplingRefused> => {
  const problems: Array<InputProblem> = []
  const ids = request.frame.map((c) => c.id).sort(Order.string)
  if (!Number.isSafeInteger(request.size) || request.size < 1 || request.size > ids.length)
    problems.push({ path: "size", message: `样本量须为 1 至 ${ids.length}（总体结算笔数）之间的整数` })
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) problems.push({ path: "frame", message: `结算编号 ${id} 重复` })
    seen.add(id)
  }
  if (problems.length > 0) return Either.left(new SamplingRefused({ problems }))
  const claims = shuffledPrefix(ids, request.size, drawStream(request.seed, "sample").below)
  return Either.right({
    seed: request.seed,
    algorithm: samplingAlgorithm,
    frameSize: ids.length,
    frameAmount: roundYuan(request.frame.reduce((sum, c) => sum + c.paid, 0)),
    claims
  })
}

/**
 * One sampled claim as reviewed: what the fund paid, and how much of it was paid wrongly
 * (0 when the claim was right; never more than paid).
 *
 * @category models
 */
export interface ReviewedClaim {
  readonly id: string
  readonly paid: number
  readonly overpaid: number
}

/**
 * An extrapolation: the sample's findings, the estimate for the whole frame with its two-sided
 * interval at the configured confidence, and the amount that may be recovered.
 *
 * @category models
 */
export interface Extrapolation {
  readonly method: string
  readonly frameSize: number
  readonly sampleSize: number
  /** Sampled claims with an overpayment, and their share of the sample. */
  readonly errorCount: number
  readonly errorRate: number
  readonly sampleOverpayment: number
  readonly meanOverpayment: number
  readonly standardDeviation: number
  /** N × mean: the point estimate of the frame's overpayment. */
  readonly pointEstimate: number
  readonly standardError: number
  /** One-sided confidence of the lower limit (the upper limit is symmetric). */
  readonly confidence: number
  readonly t: number
  readonly lowerLimit: number
  readonly upperLimit: number
  /** The lower limit, but never less than the overpayment actually found in the sample. */
  readonly recoverable: number
  readonly warnings: ReadonlyArray<string>
}

/**
 * Extrapolates the reviewed sample to the frame of `frameSize` claims. Refused when the sample is
 * larger than the frame, a claim appears twice, or an overpayment is negative or above what was
 * paid.
 *
 * @category rules
 */
export const extrapolateOverpayment = (
  request: { readonly frameSize: number; readonly sample: ReadonlyArray<ReviewedClaim> },
  parameters: SamplingParameters = defaultSamplingParameters
): Either.Either<Extrapolation, SamplingRefused> => {
  const { frameSize, sample } = request
  const n = sample.length
  const problems: Array<InputProblem> = []
  if (n < 2) problems.push({ path: "sample", message: "样本至少须有 2 笔已审核的结算" })
  if (!Number.isSafeInteger(frameSize) || frameSize < n)
    problems.push({ path: "frameSize", message: `总体结算笔数须为不小于样本量（${n}）的整数` })
  const seen = new Set<string>()
  sample.forEach((c, i) => {
    if (seen.has(c.id)) problems.push({ path: `sample[${i}].id`, message: `结算编号 ${c.id} 重复` })
    seen.add(c.id)
    if (!Number.isFinite(c.overpaid) || c.overpaid < 0 || c.overpaid > c.paid + 1e-9)
      problems.push({ path: `sample[${i}].overpaid`, message: `结算 ${c.id} 的违规金额须在 0 至 ${c.paid} 元之间` })
  })
  if (!(parameters.confidence > 0.5 && parameters.confidence < 1))
    problems.push({ path: "confidence", message: "置信度须在 0.5 与 1 之间" })
  if (problems.length > 0) return Either.left(new SamplingRefused({ problems }))

  const values = sample.map((c) => c.overpaid)
  const total = values.reduce((sum, v) => sum + v, 0)
  const mean = total / n
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1)
  const sd = Math.sqrt(variance)
  const fpc = Math.sqrt(1 - n / frameSize)
  const standardError = (frameSize * sd * fpc) / Math.sqrt(n)
  const t = studentTQuantile(parameters.confidence, n - 1)
  const pointEstimate = frameSize * mean
  const lowerLimit = Math.max(0, pointEstimate - t * standardError)
  const errorCount = values.filter((v) => v > 0).length
  const warnings: Array<string> = []
  if (n < parameters.warnBelowSize)
    warnings.push(`样本量 ${n} 小于 ${parameters.warnBelowSize}，区间估计的可靠性有限，宜扩大样本`)
  if (errorCount === 0) warnings.push("样本中未发现违规支付，不作推算追回")
  return Either.right({
    method: `简单随机抽样（不放回）· 均值估计 · 有限总体校正 · t 分布（自由度 ${n - 1}）· 下限取单侧 ${Math.round(parameters.confidence * 100)}% 置信限`,
    frameSize,
    sampleSize: n,
    errorCount,
    errorRate: errorCount / n,
    sampleOverpayment: roundYuan(total),
    meanOverpayment: roundYuan(mean),
    standardDeviation: roundYuan(sd),
    pointEstimate: roundYuan(pointEstimate),
    standardError: roundYuan(standardError),
    confidence: parameters.confidence,
    t: Math.round(t * 1e6) / 1e6,
    lowerLimit: roundYuan(lowerLimit),
    upperLimit: roundYuan(pointEstimate + t * standardError),
    recoverable: roundYuan(Math.max(lowerLimit, total)),
    warnings
  })
}
