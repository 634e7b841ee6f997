/**
 * Claim samples (抽样推算) as stored objects: the draw names `$.size` when it cannot be done and gives
 * the same claims for the same seed; a review is refused for a claim outside the sample, above what
 * the fund paid (`$.overpaid`) or without a reason, and after the conclusion; the conclusion needs
 * every claim reviewed and is `extrapolateOverpayment` on the sample's numbers and settings.
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  defaultSampleSettings,
  extrapolateOverpayment,
  planClaimReview,
  planConclusion,
  planSampleDraw,
  type FrameClaim,
  type InvalidSampleInput,
  type SampledClaim,
  type SampleStepRefused,
  type StoredSample
} from "../src/enforcement/index.js"
import type { IsoDate } from "../src/kernel/index.js"

const right = <A, E>(either: Either.Either<A, E>): A => {
  if (Either.isLeft(either)) throw either.left
  return either.right
}
const left = <A, E>(either: Either.Either<A, E>): E => {
  if (Either.isRight(either)) throw new Error(`expected a refusal, got ${JSON.stringify(either.right)}`)
  return either.left
}

const frame: ReadonlyArray<FrameClaim> = Array.from({ length: 40 }, (_, i) => ({
  id: `S${String(i + 1).padStart(3, "0")}`,
  visitId: `M${i + 1}`,
  psnNo: `5002350000${String(i).padStart(4, "0")}`,
  settledAt: "2025-02-01 10:00:00",
  medType: "11",
  paid: 100 + i
}))

const sampleOf = (claims: ReadonlyArray<SampledClaim>, status: StoredSample["status"] = "drawn") => ({
  id: "SMP-1",
  status,
  claims,
  frameSize: frame.length,
  settings: defaultSampleSettings
})

const drawn = (size: number, seed = "seed-1") =>
  right(planSampleDraw({ seed, size, frame })).claims.map(
    (c, i): SampledClaim => ({ ...c, position: i + 1, review: null })
  )

const reviewed = (claim: SampledClaim, overpaid: number): SampledClaim => ({
  ...claim,
  review: {
    overpaid,
    reason: overpaid > 0 ? "串换项目" : "",
    reviewerId: "u1",
    reviewerName: "李审核",
    reviewedOn: "2025-11-20" as IsoDate
  }
})

describe("drawing a sample", () => {
  it("gives the same claims for the same seed, others for another, with the frame's figures", () => {
    const a = right(planSampleDraw({ seed: "seed-1", size: 10, frame }))
    const b = right(planSampleDraw({ seed: "seed-1", size: 10, frame: [...frame].reverse() }))
    const c = right(planSampleDraw({ seed: "seed-2", size: 10, frame }))
    expect(a.claims.map((x) => x.id)).toEqual(b.claims.map((x) => x.id))
    expect(a.claims.map((x) => x.id)).not.toEqual(c.claims.map((x) => x.id))
    expect(new Set(a.claims.map((x) => x.id)).size).toBe(10)
    expect(a.frameSize).toBe(40)
    expect(a.frameAmount).toBe(frame.reduce((s, x) => s + x.paid, 0))
    expect(a.algorithm).toBe("fundguard-sample/1")
    // The sampled claims carry the frame's facts (paid, person) with them.
    for (const claim of a.claims) expect(claim).toEqual(frame.find((f) => f.id === claim.id))
  })

  it("refuses a size outside the settings or above the frame, naming $.size", () => {
    for (const size of [0, 1, 2.5, 41, 5000]) {
      const refused = left(planSampleDraw({ seed: "s", size, frame })) as InvalidSampleInput
      expect(refused._tag).toBe("InvalidSampleInput")
      expect(refused.problems.map((p) => p.path)).toEqual(["$.size"])
    }
    expect(left(planSampleDraw({ seed: "", size: 5, frame })).problems.map((p) => p.path)).toEqual(["$.seed"])
  })
})

describe("reviewing a sampled claim", () => {
  const claims = drawn(5)
  const first = claims[0]!

  it("accepts 0 … paid for a claim of the sample and moves the sample to reviewing", () => {
    expect(right(planClaimReview(sampleOf(claims), { claimId: first.id, overpaid: 0, reason: "" })).to).toBe(
      "reviewing"
    )
    const full = right(planClaimReview(sampleOf(claims), { claimId: first.id, overpaid: first.paid, reason: " 虚记 " }))
    expect(full.overpaid).toBe(first.paid)
    expect(full.reason).toBe("虚记")
  })

  it("refuses an amount above what the fund paid, negative or with fractions of a cent, naming $.overpaid", () => {
    for (const overpaid of [first.paid + 0.01, -1, 1.005, Number.NaN]) {
      const refused = left(planClaimReview(sampleOf(claims), { claimId: first.id, overpaid, reason: "x" }))
      expect(refused._tag).toBe("InvalidSampleInput")
      expect((refused as InvalidSampleInput).problems.map((p) => p.path)).toEqual(["$.overpaid"])
    }
  })

  it("refuses a claim outside the sample and an overpayment without a reason", () => {
    const outside = frame.find((f) => !claims.some((c) => c.id === f.id))!
    const refused = left(planClaimReview(sampleOf(claims), { claimId: outside.id, overpaid: 0, reason: "" }))
    expect((refused as InvalidSampleInput).problems.map((p) => p.path)).toEqual(["$.claimId"])
    const noReason = left(planClaimReview(sampleOf(claims), { claimId: first.id, overpaid: 5, reason: "  " }))
    expect((noReason as InvalidSampleInput).problems.map((p) => p.path)).toEqual(["$.reason"])
  })

  it("refuses any review once the sample is concluded", () => {
    const refused = left(
      planClaimReview(
        sampleOf(
          claims.map((c) => reviewed(c, 0)),
          "concluded"
        ),
        {
          claimId: first.id,
          overpaid: 0,
          reason: ""
        }
      )
    )
    expect(refused._tag).toBe("SampleStepRefused")
  })
})

describe("concluding a sample", () => {
  it("needs every sampled claim reviewed, and says how many are not", () => {
    const claims = drawn(6)
    const partly = claims.map((c, i) => (i < 4 ? reviewed(c, 0) : c))
    const refused = left(planConclusion(sampleOf(partly, "reviewing"))) as SampleStepRefused
    expect(refused._tag).toBe("SampleStepRefused")
    expect(refused.message).toContain("尚有 2 笔")
  })

  it("is extrapolateOverpayment on the reviewed amounts, with the lower limit ≤ point ≤ upper limit", () => {
    const claims = drawn(12).map((c, i) => reviewed(c, i % 3 === 0 ? Math.round(c.paid * 50) / 100 : 0))
    const conclusion = right(planConclusion(sampleOf(claims, "reviewing")))
    const direct = right(
      extrapolateOverpayment(
        {
          frameSize: frame.length,
          sample: claims.map((c) => ({ id: c.id, paid: c.paid, overpaid: c.review!.overpaid }))
        },
        defaultSampleSettings
      )
    )
    expect(conclusion).toEqual(direct)
    expect(conclusion.errorCount).toBe(4)
    expect(conclusion.lowerLimit).toBeLessThanOrEqual(conclusion.pointEstimate)
    expect(conclusion.pointEstimate).toBeLessThanOrEqual(conclusion.upperLimit)
    expect(conclusion.lowerLimit).toBeGreaterThan(0)
    // 12 claims: below the 30 that the settings flag.
    expect(conclusion.warnings.some((w) => w.includes("样本量 12"))).toBe(true)
    expect(conclusion.method).toContain("单侧 90%")
  })

  it("is refused a second time", () => {
    const claims = drawn(3).map((c) => reviewed(c, 0))
    expect(left(planConclusion(sampleOf(claims, "concluded")))._tag).toBe("SampleStepRefused")
  })
})
