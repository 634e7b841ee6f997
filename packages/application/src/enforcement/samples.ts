/**
 * Claim samples (抽样推算): draw an institution's settled claims at random from the extract a screening
 * run used (the seed given or generated, and recorded), record each sampled claim's review, conclude
 * by extrapolating the overpayment with its interval, and read a sample (人员编号 masked for roles
 * without `personal-data:unmasked`, the read audited). Load → the domain decides → the repository
 * writes with its audit entry in one transaction.
 *
 * `drawSample` also needs `ClaimFrames` (the extract reader, DuckDB in `@fundguard/screening`), which
 * the doors that draw provide beside `Services`.
 */
import { bureauToday } from "../internal/inputs.js"
import { can, maskIdentifier, type Role } from "@fundguard/domain/access"
import {
  ClaimFrames,
  ClaimReviewInput,
  defaultSampleSettings,
  InvalidSampleInput,
  planClaimReview,
  planConclusion,
  planSampleDraw,
  SamplePeriod,
  SampleRepository,
  type StoredSample
} from "@fundguard/domain/enforcement"
import { Ids, problemsOf, type Actor } from "@fundguard/domain/kernel"
import { OrganisationRepository } from "@fundguard/domain/responsibilities"
import { ScreeningRunRepository } from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

const today = bureauToday

/** Where the claims are sampled from: the extract of a screening run, or an extract directory. */
export type SampleSource = { readonly runId: string } | { readonly path: string }

/**
 * Draws a sample of `size` of the institution's effective settled claims (the period's, when given)
 * and stores it. The seed is the one given, or a new random id (`Ids`) — recorded either way, so the
 * same extract and seed draw the same claims again. Fails with `InvalidSampleInput` naming the field
 * (`$.institutionCode`, `$.extract`, `$.size`, `$.seed`, `$.period`) or `ClaimFrameUnavailable` (the
 * extract cannot be read, or has no such claims).
 */
export const drawSample = Effect.fn("Samples.draw")(function* (request: {
  readonly institutionCode: string
  readonly source: SampleSource
  readonly size: number
  readonly seed?: string
  readonly period?: unknown
  readonly actor: Actor
}) {
  const problems: Array<{ path: string; message: string }> = []
  const period =
    request.period === undefined
      ? null
      : yield* Schema.decodeUnknown(SamplePeriod, { errors: "all" })(request.period).pipe(
          Effect.mapError(
            (error) =>
              new InvalidSampleInput({
                problems: problemsOf(error).map((p) => ({ ...p, path: p.path.replace(/^\$/, "$.period") }))
              })
          )
        )
  if (period !== null && period.from > period.to)
    problems.push({ path: "$.period.to", message: "期间的截止日期不能早于开始日期" })
  const codes = yield* Effect.flatMap(OrganisationRepository, (o) => o.institutionCodes)
  if (!codes.has(request.institutionCode))
    problems.push({ path: "$.institutionCode", message: `机构 ${request.institutionCode} 不在定点机构名录中` })
  const extract =
    "runId" in request.source
      ? yield* Effect.flatMap(ScreeningRunRepository, (runs) =>
          runs.find((request.source as { runId: string }).runId)
        ).pipe(
          Effect.map((run) => ({ path: run.extract, runId: run.id as string | null })),
          Effect.catchTag("RunNotFound", () => {
            problems.push({ path: "$.extract", message: "所选筛查批次不存在" })
            return Effect.succeed(null)
          })
        )
      : { path: request.source.path, runId: null }
  if (problems.length > 0 || extract === null) return yield* new InvalidSampleInput({ problems })

  const seed = request.seed ?? (yield* Effect.flatMap(Ids, (ids) => ids.next))
  const frame = yield* Effect.flatMap(ClaimFrames, (frames) =>
    frames.read({ extract: extract.path, institutionCode: request.institutionCode, period })
  )
  const settings = defaultSampleSettings
  const draw = yield* planSampleDraw({ seed, size: request.size, frame }, settings)
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  const on = yield* today
  yield* Effect.flatMap(SampleRepository, (samples) =>
    samples.create({
      id,
      institutionCode: request.institutionCode,
      extract,
      period,
      draw,
      settings,
      actor: request.actor,
      today: on
    })
  )
  return { id, seed, frameSize: draw.frameSize }
})

/**
 * Records (or replaces, before the conclusion) the review of one sampled claim: how much of what the
 * fund paid was paid wrongly, and why. Fails with `SampleNotFound`, `InvalidSampleInput` (`$.claimId`,
 * `$.overpaid` above what was paid, `$.reason`) or `SampleStepRefused` (concluded).
 */
export const recordSampleReview = Effect.fn("Samples.recordReview")(function* (request: {
  readonly sampleId: string
  readonly input: unknown
  readonly actor: Actor
}) {
  const input = yield* Schema.decodeUnknown(ClaimReviewInput, { errors: "all", onExcessProperty: "error" })(
    request.input
  ).pipe(Effect.mapError((error) => new InvalidSampleInput({ problems: problemsOf(error) })))
  const samples = yield* SampleRepository
  const sample = yield* samples.load(request.sampleId)
  const plan = yield* planClaimReview(sample, input)
  const on = yield* today
  yield* samples.recordReview({
    sample,
    claimId: plan.claim.id,
    review: {
      overpaid: plan.overpaid,
      reason: plan.reason,
      reviewerId: request.actor.id,
      reviewerName: request.actor.name,
      reviewedOn: on
    },
    to: plan.to,
    actor: request.actor
  })
  const reviewed = sample.claims.filter((c) => c.review !== null || c.id === plan.claim.id).length
  return { id: sample.id, status: plan.to, reviewed, size: sample.claims.length }
})

/**
 * Concludes a sample whose claims are all reviewed: extrapolates the overpayment to the frame
 * (`planConclusion`) and stores the conclusion. Fails with `SampleNotFound` or `SampleStepRefused`.
 */
export const concludeSample = Effect.fn("Samples.conclude")(function* (request: {
  readonly sampleId: string
  readonly actor: Actor
}) {
  const samples = yield* SampleRepository
  const sample = yield* samples.load(request.sampleId)
  const extrapolation = yield* planConclusion(sample)
  const conclusion = {
    ...extrapolation,
    concludedOn: yield* today,
    concludedById: request.actor.id,
    concludedByName: request.actor.name
  }
  yield* samples.conclude({ sample, conclusion, actor: request.actor })
  return conclusion
})

/**
 * A sample as its reader may see it: the sampled claims' 人员编号 masked unless the role holds
 * `personal-data:unmasked`; the read is audited (who, which sample, masked or not). Fails with
 * `SampleNotFound`.
 */
export const viewSample = Effect.fn("Samples.view")(function* (request: {
  readonly sampleId: string
  readonly actor: Actor
  readonly role: Role
}) {
  const samples = yield* SampleRepository
  const sample = yield* samples.load(request.sampleId)
  const unmasked = can(request.role, "personal-data:unmasked")
  yield* samples.recordRead({ sample, actor: request.actor, masked: !unmasked })
  const shown: StoredSample = unmasked
    ? sample
    : { ...sample, claims: sample.claims.map((c) => ({ ...c, psnNo: maskIdentifier(c.psnNo) })) }
  return { sample: shown, masked: !unmasked }
})
