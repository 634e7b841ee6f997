/**
 * 抽样推算: Student's t against published tables, a worked example computed by hand, every claim
 * with the same chance of being sampled, the one-sided 90 % lower limit below the true overpayment
 * in about 90 % of samples, and refusals naming the input.
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  drawClaimSample,
  extrapolateOverpayment,
  type ClaimSample,
  type Extrapolation,
  type ReviewedClaim
} from "../src/enforcement/index.js"
import { studentTCdf, studentTQuantile } from "../src/enforcement/internal/Student.js"

const right = <A, E>(either: Either.Either<A, E>): A => {
  if (Either.isLeft(either)) throw either.left
  return either.right
}

describe("Student's t", () => {
  it("matches the published table to six decimals", () => {
    // Critical values of t (e.g. NIST/SEMATECH e-Handbook, 1.3.6.7.2).
    const table: ReadonlyArray<readonly [number, number, number]> = [
      [0.9, 1, 3.077684],
      [0.9, 3, 1.637744],
      [0.9, 10, 1.372184],
      [0.9, 29, 1.311434],
      [0.95, 10, 1.812461],
      [0.95, 100, 1.660234],
      [0.975, 5, 2.570582],
      [0.99, 2, 6.964557]
    ]
    for (const [p, df, t] of table) {
      expect(studentTQuantile(p, df)).toBeCloseTo(t, 5)
      expect(studentTCdf(t, df)).toBeCloseTo(p, 6)
      expect(studentTCdf(-t, df)).toBeCloseTo(1 - p, 6)
    }
  })
})

describe("sampling settled claims and extrapolating the overpayment", () => {
  const frame = Array.from({ length: 200 }, (_, i) => ({
    id: `A${String(i).padStart(6, "0")}`,
    paid: 100 + (i % 7) * 10
  }))

  it("draws the same sample for the same seed, each claim once, with the frame's size and amount", () => {
    const sample: ClaimSample = right(drawClaimSample({ seed: "抽样-2026-01", size: 30, frame }))
    expect(right(drawClaimSample({ seed: "抽样-2026-01", size: 30, frame: [...frame].reverse() }))).toEqual(sample)
    expect(sample).toMatchObject({ algorithm: "fundguard-sample/1", frameSize: 200 })
    expect(sample.frameAmount).toBe(frame.reduce((s, c) => s + c.paid, 0))
    expect(new Set(sample.claims).size).toBe(30)
  })

  it("gives every claim the same chance (3,000 seeds, 10 of 40: χ² within bounds)", () => {
    const small = frame.slice(0, 40)
    const counts = new Map(small.map((c) => [c.id, 0]))
    for (let s = 0; s < 3000; s++)
      for (const id of right(drawClaimSample({ seed: `s${s}`, size: 10, frame: small })).claims)
        counts.set(id, counts.get(id)! + 1)
    const expected = (3000 * 10) / 40
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0)
    // 39 degrees of freedom: P(χ² > 72.1) = 0.001.
    expect(chiSquare).toBeLessThan(72.1)
  })

  it("computes the worked example: N = 100, overpayments 0, 10, 20, 30", () => {
    const sample: Array<ReviewedClaim> = [0, 10, 20, 30].map((overpaid, i) => ({ id: `c${i}`, paid: 50, overpaid }))
    const result: Extrapolation = right(extrapolateOverpayment({ frameSize: 100, sample }))
    // mean 15; s = 12.9099; SE = 100 × s × √(1 − 4/100) ÷ √4 = 632.46; t(0.90, 3) = 1.637744.
    expect(result).toMatchObject({
      sampleSize: 4,
      errorCount: 3,
      errorRate: 0.75,
      sampleOverpayment: 60,
      meanOverpayment: 15,
      standardDeviation: 12.91,
      pointEstimate: 1500,
      standardError: 632.46,
      confidence: 0.9,
      t: 1.637744,
      lowerLimit: 464.2,
      upperLimit: 2535.8,
      recoverable: 464.2
    })
    expect(result.warnings).toEqual(["样本量 4 小于 30，区间估计的可靠性有限，宜扩大样本"])
    // A stricter confidence gives a lower limit further down.
    const strict = right(extrapolateOverpayment({ frameSize: 100, sample }, { confidence: 0.95, warnBelowSize: 30 }))
    expect(strict.lowerLimit).toBeLessThan(result.lowerLimit)
  })

  it("puts the one-sided 90 % lower limit below the true overpayment in about 90 % of samples", () => {
    // A frame where one claim in five was overpaid by 20–80 yuan.
    const overpaid = new Map(frame.map((c, i) => [c.id, i % 5 === 0 ? 20 + ((i * 37) % 61) : 0]))
    const truth = [...overpaid.values()].reduce((s, v) => s + v, 0)
    let covered = 0
    const runs = 400
    for (let s = 0; s < runs; s++) {
      const { claims } = right(drawClaimSample({ seed: `cov-${s}`, size: 50, frame }))
      const sample = claims.map((id) => ({ id, paid: 200, overpaid: overpaid.get(id)! }))
      if (right(extrapolateOverpayment({ frameSize: frame.length, sample })).lowerLimit <= truth) covered++
    }
    expect(covered / runs).toBeGreaterThan(0.85)
    expect(covered / runs).toBeLessThan(0.97)
  })

  it("recovers at least what the sample found, and refuses bad input naming it", () => {
    const found = right(
      extrapolateOverpayment({
        frameSize: 3,
        sample: [
          { id: "a", paid: 100, overpaid: 100 },
          { id: "b", paid: 100, overpaid: 0 }
        ]
      })
    )
    expect(found.recoverable).toBeGreaterThanOrEqual(100)
    const refused = extrapolateOverpayment({
      frameSize: 1,
      sample: [
        { id: "a", paid: 100, overpaid: 120 },
        { id: "a", paid: 100, overpaid: -1 }
      ]
    })
    if (Either.isRight(refused)) throw new Error("expected a refusal")
    expect(refused.left.problems.map((p) => p.path)).toEqual([
      "frameSize",
      "sample[0].overpaid",
      "sample[1].id",
      "sample[1].overpaid"
    ])
    const tooMany = drawClaimSample({ seed: "s", size: 201, frame })
    expect(Either.isLeft(tooMany) && tooMany.left.problems[0]?.message).toBe(
      "样本量须为 1 至 200（总体结算笔数）之间的整数"
    )
  })
})
