/**
 * Claim samples (抽样推算): draw an institution's settled claims at random from a screening run's
 * extract (recorded seed), review each sampled claim, conclude with the extrapolated overpayment and
 * its interval (the lower limit is what may be recovered), and read them.
 *
 * @since 0.4.0
 */
import { SampleStatus } from "@fundguard/domain/enforcement"
import * as Schema from "effect/Schema"
import { Bounded, DateText, Id, Instant, Int, optional, Paging, Remark, Text } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

const tags = ["samples"]

/** The extrapolation as stored with a concluded sample. @category models */
export const SampleConclusionView = Schema.Struct({
  /** The method in words (estimator, correction, distribution, the confidence of the lower limit). */
  method: Schema.String,
  frameSize: Schema.Number,
  sampleSize: Schema.Number,
  errorCount: Schema.Number,
  errorRate: Schema.Number,
  sampleOverpayment: Schema.Number,
  meanOverpayment: Schema.Number,
  standardDeviation: Schema.Number,
  pointEstimate: Schema.Number,
  standardError: Schema.Number,
  /** One-sided confidence of the lower limit (0.9: Medicare PIM ch. 8 §8.4.5.1). */
  confidence: Schema.Number,
  t: Schema.Number,
  lowerLimit: Schema.Number,
  upperLimit: Schema.Number,
  /** 可追回金额: the lower limit, never below the overpayment found in the sample itself. */
  recoverable: Schema.Number,
  warnings: Schema.Array(Schema.String),
  concludedOn: Schema.String,
  concludedByName: Schema.String
})
/** @category models */
export type SampleConclusionView = typeof SampleConclusionView.Type

/** A sample in a list. @category models */
export const SampleSummary = Schema.Struct({
  id: Schema.String,
  institutionCode: Schema.String,
  institutionName: Schema.String,
  runId: Schema.NullOr(Schema.String),
  periodFrom: Schema.NullOr(Schema.String),
  periodTo: Schema.NullOr(Schema.String),
  seed: Schema.String,
  algorithm: Schema.String,
  frameSize: Schema.Number,
  frameAmount: Schema.Number,
  size: Schema.Number,
  reviewed: Schema.Number,
  status: SampleStatus,
  statusLabel: Schema.String,
  drawnOn: Schema.String,
  drawnByName: Schema.String,
  /** The point estimate and the recoverable lower limit once concluded. */
  pointEstimate: Schema.NullOr(Schema.Number),
  recoverable: Schema.NullOr(Schema.Number),
  createdAt: Instant
})
/** @category models */
export type SampleSummary = typeof SampleSummary.Type

/** @category endpoints */
export const listSamples = endpoint({
  method: "GET",
  path: "/api/v1/samples",
  access: { permission: "inspections:read" },
  tags,
  summary: "List claim samples (抽样推算) within the caller's scope, newest first",
  query: Schema.Struct({ institution: optional(Id), ...Paging.fields }),
  success: json(Schema.Struct({ items: Schema.Array(SampleSummary), total: Schema.Number }))
})

/** @category endpoints */
export const drawSample = endpoint({
  method: "POST",
  path: "/api/v1/samples",
  access: { permission: "inspections:record" },
  tags,
  summary: "Draw a random sample of an institution's settled claims from a screening run's extract",
  description:
    "`extract` is the id of the screening run whose claims extract is sampled. Without `seed` one is generated; either way it is recorded, and the same extract, institution, period, size and seed draw the same claims (fundguard-sample/1, docs/domain/sampling.md). Errors: 400 naming the field ($.institutionCode, $.extract, $.size, $.seed, $.period; an unreadable extract or no effective settlements of the institution); 403 an institution outside the caller's scope.",
  body: Schema.Struct({
    institutionCode: Id,
    extract: Id,
    size: Int(2, 1000),
    seed: optional(Text(200, { min: 1 })),
    period: optional(Schema.Struct({ from: DateText, to: DateText }))
  }),
  success: json(Schema.Struct({ id: Schema.String, seed: Schema.String, frameSize: Schema.Number }), 201)
})

/** A sampled claim with its review (人员编号 masked unless the caller may see it). @category models */
export const SampledClaimView = Schema.Struct({
  position: Schema.Number,
  id: Schema.String,
  visitId: Schema.String,
  psnNo: Schema.String,
  settledAt: Schema.String,
  medType: Schema.String,
  paid: Schema.Number,
  review: Schema.NullOr(
    Schema.Struct({
      overpaid: Schema.Number,
      reason: Schema.String,
      reviewerName: Schema.String,
      reviewedOn: Schema.String
    })
  )
})

/** One sample with its claims and, once concluded, the extrapolation. @category models */
export const SampleDetail = Schema.Struct({
  ...SampleSummary.fields,
  extractPath: Schema.String,
  settings: Schema.Struct({
    confidence: Schema.Number,
    warnBelowSize: Schema.Number,
    minSize: Schema.Number,
    maxSize: Schema.Number
  }),
  claims: Schema.Array(SampledClaimView),
  conclusion: Schema.NullOr(SampleConclusionView),
  /** Whether 人员编号 are masked for the caller. */
  masked: Schema.Boolean
})
/** @category models */
export type SampleDetail = typeof SampleDetail.Type

const SampleParams = Schema.Struct({ id: Id })

/** @category endpoints */
export const getSample = endpoint({
  method: "GET",
  path: "/api/v1/samples/:id",
  access: { permission: "inspections:read" },
  tags,
  summary: "One claim sample: the sampled claims with their reviews, and the extrapolation once concluded",
  description:
    "人员编号 are masked for roles without personal-data:unmasked; every read is audited. 404 a sample outside the caller's scope.",
  params: SampleParams,
  success: json(SampleDetail)
})

/** @category endpoints */
export const recordSampleReview = endpoint({
  method: "POST",
  path: "/api/v1/samples/:id/reviews",
  access: { permission: "inspections:record" },
  tags,
  summary: "Record (or replace, before the conclusion) the review of one sampled claim",
  description:
    "`overpaid` is the part of the fund's payment for the claim that was paid wrongly (0 … paid, yuan). Errors: 400 naming $.claimId (not in the sample), $.overpaid (above what the fund paid) or $.reason (missing for an overpayment); 404 outside the caller's scope; 409 the sample is concluded.",
  params: SampleParams,
  body: Schema.Struct({ claimId: Id, overpaid: Bounded(0, 10_000_000_000), reason: Remark }),
  success: json(
    Schema.Struct({ id: Schema.String, status: SampleStatus, reviewed: Schema.Number, size: Schema.Number })
  )
})

/** @category endpoints */
export const concludeSample = endpoint({
  method: "POST",
  path: "/api/v1/samples/:id/conclusion",
  access: { permission: "inspections:record" },
  tags,
  summary: "Conclude a sample: extrapolate the overpayment to all the claims, with the interval",
  description:
    "Mean-per-unit estimate with the finite population correction and Student's t; the lower limit of the one-sided 90 % interval is what may be recovered (Medicare PIM ch. 8 §8.4.5.1). 409 while a sampled claim is not reviewed, or when already concluded; 404 outside the caller's scope.",
  params: SampleParams,
  success: json(SampleConclusionView)
})
