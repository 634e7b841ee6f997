/**
 * Claim samples (抽样推算) as the bureau keeps them: an institution's settled claims sampled at random
 * from a claims extract with a recorded seed (`drawClaimSample`), each sampled claim reviewed (how much
 * of what the fund paid was paid wrongly, and why), and the sample concluded by extrapolating the
 * overpayment to all the institution's claims (`extrapolateOverpayment`): the point estimate, its
 * interval, and the lower limit, which is what may be recovered.
 *
 * A sample moves drawn → reviewing → concluded. The rules here are pure; where samples are kept is
 * the `SampleRepository` tag, and where the frame (the claims sampled from) comes from is the
 * `ClaimFrames` tag (DuckDB over the extract, in `@fundguard/screening`).
 *
 * @see docs/domain/sampling.md
 * @since 0.4.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import { IsoDate } from "../kernel/IsoDate.js"
import type { InputProblem } from "../kernel/Problems.js"
import type { samplingAlgorithm } from "./Sampling.js"
import {
  defaultSamplingParameters,
  drawClaimSample,
  extrapolateOverpayment,
  type Extrapolation,
  type SamplingParameters
} from "./Sampling.js"

// ---------------------------------------------------------------------------------------------
// States and parameters

/** A sample's state: drawn → reviewing (a first review recorded) → concluded. @category models */
export const SampleStatus = Schema.Literal("drawn", "reviewing", "concluded")
/** @category models */
export type SampleStatus = typeof SampleStatus.Type

/** @category formatting */
export const sampleStatusLabel: Readonly<Record<SampleStatus, string>> = {
  drawn: "已抽样",
  reviewing: "审核中",
  concluded: "已推算"
}

/**
 * The settings of sampling in force: the extrapolation's (one-sided confidence of the lower limit,
 * PIM ch. 8 §8.4.5.1: 0.90; the size below which the result is flagged), and the largest sample
 * the bureau reviews at once (a bound, not a rule of law: a sample is reviewed claim by claim).
 * Stored with each sample, so that a sample concluded later still uses the settings it was drawn
 * under.
 *
 * @category models
 */
export interface SampleSettings extends SamplingParameters {
  readonly minSize: number
  readonly maxSize: number
}

/**
 * The default settings. `minSize` 2 is what a standard deviation needs; PIM ch. 8 §8.4.4.1 leaves
 * the size to the statistician and `warnBelowSize` (30) flags smaller samples.
 *
 * @category constructors
 */
export const defaultSampleSettings: SampleSettings = { ...defaultSamplingParameters, minSize: 2, maxSize: 1000 }

// ---------------------------------------------------------------------------------------------
// The frame: the claims sampled from

/**
 * One settled claim of the frame: settlement id (setl_id), visit, person, settlement time, medical
 * type and what the funds paid (fund_pay_sumamt, 基金支付).
 *
 * @category models
 */
export interface FrameClaim {
  readonly id: string
  readonly visitId: string
  readonly psnNo: string
  readonly settledAt: string
  readonly medType: string
  readonly paid: number
}

/** The period a sample covers (settlement dates, inclusive). @category models */
export const SamplePeriod = Schema.Struct({ from: IsoDate, to: IsoDate })
/** @category models */
export type SamplePeriod = typeof SamplePeriod.Type

/**
 * The claims extract cannot give a frame: unreadable or invalid, or no claims of the institution in
 * the period. `problems` names the request's field at fault (`$.extract`, `$.institutionCode`,
 * `$.period`) with the file and column of the extract in the message.
 *
 * @category errors
 */
export class ClaimFrameUnavailable extends Schema.TaggedError<ClaimFrameUnavailable>()("ClaimFrameUnavailable", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => p.message).join("；")
  }
}

/**
 * Where the frame of a sample is read: the effective settlements of one institution in a claims
 * extract (reversals and the settlements they cancel left out), optionally within a period.
 *
 * @category services
 */
export class ClaimFrames extends Context.Tag("@fundguard/domain/ClaimFrames")<
  ClaimFrames,
  {
    readonly read: (request: {
      readonly extract: string
      readonly institutionCode: string
      readonly period: SamplePeriod | null
    }) => Effect.Effect<ReadonlyArray<FrameClaim>, ClaimFrameUnavailable>
  }
>() {}

// ---------------------------------------------------------------------------------------------
// The sample

/** A sampled claim's review. @category models */
export interface ClaimReview {
  readonly overpaid: number
  readonly reason: string
  readonly reviewerId: string | null
  readonly reviewerName: string
  readonly reviewedOn: IsoDate
}

/** A claim of the sample, in draw order, with its review once recorded. @category models */
export interface SampledClaim extends FrameClaim {
  readonly position: number
  readonly review: ClaimReview | null
}

/**
 * The conclusion: the method in words, the settings, and the extrapolation (error rate, point
 * estimate, interval, lower limit and the recoverable amount, warnings).
 *
 * @category models
 */
export interface SampleConclusion extends Extrapolation {
  readonly concludedOn: IsoDate
  readonly concludedById: string | null
  readonly concludedByName: string
}

/** A sample as stored. @category models */
export interface StoredSample {
  readonly id: string
  readonly institution: { readonly code: string; readonly name: string }
  readonly extract: { readonly path: string; readonly runId: string | null }
  readonly period: SamplePeriod | null
  readonly seed: string
  readonly algorithm: typeof samplingAlgorithm
  readonly frameSize: number
  readonly frameAmount: number
  readonly settings: SampleSettings
  readonly status: SampleStatus
  readonly drawnOn: IsoDate
  readonly drawnByName: string
  readonly claims: ReadonlyArray<SampledClaim>
  readonly conclusion: SampleConclusion | null
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * No sample with this id.
 *
 * @category errors
 */
export class SampleNotFound extends Schema.TaggedError<SampleNotFound>()("SampleNotFound", { id: Schema.String }) {
  override get message(): string {
    return `抽样 ${this.id} 不存在`
  }
}

/**
 * The input of a draw or a review is wrong; `problems` names each field by JSON path (`$.size`,
 * `$.overpaid`).
 *
 * @category errors
 */
export class InvalidSampleInput extends Schema.TaggedError<InvalidSampleInput>()("InvalidSampleInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * The step cannot be taken in the sample's state: a review or conclusion after the conclusion, a
 * conclusion with claims not yet reviewed.
 *
 * @category errors
 */
export class SampleStepRefused extends Schema.TaggedError<SampleStepRefused>()("SampleStepRefused", {
  id: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return this.reason
  }
}

// ---------------------------------------------------------------------------------------------
// Rules

/**
 * What a draw asks for, checked: the sample's size (within the settings and the frame), the seed
 * (any text of 1–200 characters; it is recorded and published with the sample).
 *
 * @category models
 */
export const SampleSeed = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))

/**
 * A drawn sample before it is stored: the frame's figures and the sampled claims in draw order.
 *
 * @category models
 */
export interface SampleDraw {
  readonly seed: string
  readonly algorithm: typeof samplingAlgorithm
  readonly frameSize: number
  readonly frameAmount: number
  readonly claims: ReadonlyArray<FrameClaim>
}

/**
 * Draws `size` claims from the frame with the seed (`fundguard-sample/1`: every claim has the same
 * chance, the same frame and seed give the same claims). Refused, naming `$.size`, when the size is
 * outside the settings' bounds or larger than the frame.
 *
 * @category rules
 */
export const planSampleDraw = (
  request: { readonly seed: string; readonly size: number; readonly frame: ReadonlyArray<FrameClaim> },
  settings: SampleSettings = defaultSampleSettings
): Either.Either<SampleDraw, InvalidSampleInput> => {
  const problems: Array<InputProblem> = []
  const { size, frame } = request
  if (!Number.isSafeInteger(size) || size < settings.minSize || size > settings.maxSize)
    problems.push({ path: "$.size", message: `样本量须为 ${settings.minSize} 至 ${settings.maxSize} 之间的整数` })
  else if (size > frame.length)
    problems.push({ path: "$.size", message: `样本量 ${size} 超过总体结算笔数 ${frame.length}` })
  if (request.seed.length === 0 || request.seed.length > 200)
    problems.push({ path: "$.seed", message: "随机种子须为 1 至 200 个字符" })
  if (problems.length > 0) return Either.left(new InvalidSampleInput({ problems }))
  const drawn = drawClaimSample({ seed: request.seed, size, frame })
  if (Either.isLeft(drawn))
    return Either.left(
      new InvalidSampleInput({
        problems: drawn.left.problems.map((p) => ({
          path: p.path === "size" ? "$.size" : "$.extract",
          message: p.message
        }))
      })
    )
  const byId = new Map(frame.map((c) => [c.id, c]))
  return Either.right({
    seed: drawn.right.seed,
    algorithm: drawn.right.algorithm,
    frameSize: drawn.right.frameSize,
    frameAmount: drawn.right.frameAmount,
    claims: drawn.right.claims.map((id) => byId.get(id)!)
  })
}

/** What a reviewer records for one sampled claim. @category models */
export const ClaimReviewInput = Schema.Struct({
  claimId: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64)),
  overpaid: Schema.Number,
  reason: Schema.String.pipe(Schema.maxLength(2000))
})
/** @category models */
export type ClaimReviewInput = typeof ClaimReviewInput.Type

const hasCents = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6

/**
 * Decides a review of one sampled claim: refused after the conclusion (`SampleStepRefused`); the
 * claim must be one of the sample (`$.claimId`), the overpaid amount within 0 … paid in yuan with at
 * most two decimals (`$.overpaid`), and a reason given when something was overpaid (`$.reason`).
 * Recording a claim again before the conclusion replaces its review.
 *
 * @category rules
 */
export const planClaimReview = (
  sample: Pick<StoredSample, "id" | "status" | "claims">,
  input: ClaimReviewInput
): Either.Either<
  { readonly claim: SampledClaim; readonly overpaid: number; readonly reason: string; readonly to: SampleStatus },
  InvalidSampleInput | SampleStepRefused
> => {
  if (sample.status === "concluded")
    return Either.left(new SampleStepRefused({ id: sample.id, reason: "抽样已完成推算，不能再修改审核结果" }))
  const problems: Array<InputProblem> = []
  const claim = sample.claims.find((c) => c.id === input.claimId)
  if (claim === undefined) problems.push({ path: "$.claimId", message: `结算 ${input.claimId} 不在本次样本中` })
  if (!Number.isFinite(input.overpaid) || input.overpaid < 0 || !hasCents(input.overpaid))
    problems.push({ path: "$.overpaid", message: "违规金额须为不小于 0 的金额（元，至多两位小数）" })
  else if (claim !== undefined && input.overpaid > claim.paid + 1e-9)
    problems.push({
      path: "$.overpaid",
      message: `违规金额 ${input.overpaid} 元超过该笔结算的基金支付 ${claim.paid} 元`
    })
  const reason = input.reason.trim()
  if (input.overpaid > 0 && reason === "") problems.push({ path: "$.reason", message: "有违规金额时须填写违规理由" })
  if (problems.length > 0 || claim === undefined) return Either.left(new InvalidSampleInput({ problems }))
  return Either.right({ claim, overpaid: input.overpaid, reason, to: "reviewing" })
}

/**
 * Concludes a sample: every sampled claim must be reviewed (`SampleStepRefused` names how many are
 * not) and the sample not concluded already; then the overpayment is extrapolated to the frame with
 * the sample's settings — the mean-per-unit estimator of a simple random sample without replacement
 * with the finite population correction and Student's t, and the lower limit of the one-sided
 * confidence interval as the amount that may be recovered.
 *
 * @see Medicare Program Integrity Manual, ch. 8 §8.4.5.1 (recover the lower limit of a one-sided 90 % interval)
 * @see W. G. Cochran, *Sampling Techniques*, 3rd ed., §2.4–2.5 (the estimator and its variance)
 * @category rules
 */
export const planConclusion = (
  sample: Pick<StoredSample, "id" | "status" | "claims" | "frameSize" | "settings">
): Either.Either<Extrapolation, SampleStepRefused> => {
  if (sample.status === "concluded")
    return Either.left(new SampleStepRefused({ id: sample.id, reason: "抽样已完成推算" }))
  const open = sample.claims.filter((c) => c.review === null)
  if (open.length > 0)
    return Either.left(
      new SampleStepRefused({
        id: sample.id,
        reason: `尚有 ${open.length} 笔样本结算未审核（${open
          .slice(0, 5)
          .map((c) => c.id)
          .join("、")}${open.length > 5 ? " 等" : ""}），全部审核后才能推算`
      })
    )
  const result = extrapolateOverpayment(
    {
      frameSize: sample.frameSize,
      sample: sample.claims.map((c) => ({ id: c.id, paid: c.paid, overpaid: c.review?.overpaid ?? 0 }))
    },
    sample.settings
  )
  if (Either.isLeft(result)) return Either.left(new SampleStepRefused({ id: sample.id, reason: result.left.message }))
  return Either.right(result.right)
}

// ---------------------------------------------------------------------------------------------
// Storage

/**
 * Where samples are kept. Every write records its audit entry in the same transaction.
 *
 * @category services
 */
export class SampleRepository extends Context.Tag("@fundguard/domain/SampleRepository")<
  SampleRepository,
  {
    /** Stores a drawn sample; the institution must be in the register (`$.institutionCode`). */
    readonly create: (request: {
      readonly id: string
      readonly institutionCode: string
      readonly extract: { readonly path: string; readonly runId: string | null }
      readonly period: SamplePeriod | null
      readonly draw: SampleDraw
      readonly settings: SampleSettings
      readonly actor: Actor
      readonly today: IsoDate
    }) => Effect.Effect<void, InvalidSampleInput>
    readonly load: (id: string) => Effect.Effect<StoredSample, SampleNotFound>
    /** Records (or replaces) a sampled claim's review; the sample must still be at `status`. */
    readonly recordReview: (request: {
      readonly sample: StoredSample
      readonly claimId: string
      readonly review: ClaimReview
      readonly to: SampleStatus
      readonly actor: Actor
    }) => Effect.Effect<void, SampleStepRefused>
    readonly conclude: (request: {
      readonly sample: StoredSample
      readonly conclusion: SampleConclusion
      readonly actor: Actor
    }) => Effect.Effect<void, SampleStepRefused>
    /** Records that someone read the sampled claims (人员编号: personal data), masked or not. */
    readonly recordRead: (request: {
      readonly sample: StoredSample
      readonly actor: Actor
      readonly masked: boolean
    }) => Effect.Effect<void>
  }
>() {}
