/**
 * 抽样推算's page logic: the draw body (a seed left to the server when empty, the period both or
 * neither) and the problems it names as the server would; the runs offered; the review inputs and
 * their bodies (0 … paid, a reason for an overpayment); the progress; the result in figures and words.
 */
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import type { SampleConclusionView, SampleDetail } from "@fundguard/contracts/Samples"
import { defaultSamplingParameters, extrapolateOverpayment } from "@fundguard/domain/enforcement"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  drawBody,
  emptyDraw,
  formatPercent,
  methodInWords,
  resultRows,
  reviewBody,
  reviewDrafts,
  reviewProgress,
  runOptions
} from "../../../src/features/samples/samples.js"

const claim = (position: number, paid: number, overpaid: number | null): SampleDetail["claims"][number] => ({
  position,
  id: `A${position}`,
  visitId: `M${position}`,
  psnNo: "500***01",
  settledAt: "2025-01-02 09:00:00",
  medType: "11",
  paid,
  review:
    overpaid === null
      ? null
      : { overpaid, reason: overpaid > 0 ? "串换" : "", reviewerName: "李审核", reviewedOn: "2025-11-20" }
})

describe("the draw form", () => {
  it("sends what the contract takes, leaving an empty seed and period out", () => {
    const draft = { ...emptyDraw(), institutionCode: " H50023500010 ", runId: "run-1", size: "12" }
    expect(drawBody(draft)).toEqual({ body: { institutionCode: "H50023500010", extract: "run-1", size: 12 } })
    expect(drawBody({ ...draft, seed: " FJ-1 ", from: "2025-01-01", to: "2025-03-31" })).toEqual({
      body: {
        institutionCode: "H50023500010",
        extract: "run-1",
        size: 12,
        seed: "FJ-1",
        period: { from: "2025-01-01", to: "2025-03-31" }
      }
    })
  })

  it("names the fields at fault by the server's paths", () => {
    const paths = (draft: Partial<ReturnType<typeof emptyDraw>>) => {
      const result = drawBody({ ...emptyDraw(), institutionCode: "H1", runId: "r", ...draft })
      return "problems" in result ? result.problems.map((p) => p.path) : []
    }
    expect(paths({ institutionCode: "", runId: "" })).toEqual(["$.institutionCode", "$.extract"])
    expect(paths({ size: "1" })).toEqual(["$.size"])
    expect(paths({ size: "2.5" })).toEqual(["$.size"])
    expect(paths({ size: "1001" })).toEqual(["$.size"])
    expect(paths({ from: "2025-01-01" })).toEqual(["$.period"])
    expect(paths({ from: "2025-03-01", to: "2025-01-01" })).toEqual(["$.period.to"])
    expect(paths({})).toEqual([])
  })

  it("offers the runs that screened their extract, named by the extract's folder", () => {
    const run = (id: string, status: ScreeningRun["status"], extract: string) =>
      ({
        id,
        status,
        extract,
        startedAt: "2025-11-20T02:00:00Z",
        periodFrom: "2025-01-01",
        periodTo: "2025-03-31"
      }) as ScreeningRun
    const options = runOptions([run("a", "succeeded", "/srv/extracts/500235-2025Q1/"), run("b", "failed", "/x")])
    expect(options.map((o) => o.id)).toEqual(["a"])
    expect(options[0]!.label).toBe("2025-11-20 10:00 · 500235-2025Q1（2025-01-01 至 2025-03-31）")
  })
})

describe("reviewing the sampled claims", () => {
  it("starts from the reviews recorded", () => {
    expect(reviewDrafts([claim(1, 100, 20), claim(2, 50, null)])).toEqual({
      A1: { overpaid: "20", reason: "串换" },
      A2: { overpaid: "", reason: "" }
    })
  })

  it("sends 0 … paid, and asks for a reason when something was overpaid", () => {
    const c = { id: "A1", paid: 100 }
    expect(reviewBody(c, { overpaid: "0", reason: "" })).toEqual({ body: { claimId: "A1", overpaid: 0, reason: "" } })
    expect(reviewBody(c, { overpaid: "１００", reason: " 虚记 " })).toEqual({
      body: { claimId: "A1", overpaid: 100, reason: "虚记" }
    })
    const at = (draft: { overpaid: string; reason: string }) => {
      const result = reviewBody(c, draft)
      return "problems" in result ? result.problems.map((p) => p.path) : []
    }
    expect(at({ overpaid: "", reason: "" })).toEqual(["$.overpaid"])
    expect(at({ overpaid: "100.01", reason: "x" })).toEqual(["$.overpaid"])
    expect(at({ overpaid: "-1", reason: "x" })).toEqual(["$.overpaid"])
    expect(at({ overpaid: "5", reason: " " })).toEqual(["$.reason"])
  })

  it("allows the conclusion once every claim is reviewed", () => {
    expect(reviewProgress({ status: "reviewing", claims: [claim(1, 10, 0), claim(2, 10, null)] })).toMatchObject({
      reviewed: 1,
      size: 2,
      text: "已审核 1 / 2 笔",
      canConclude: false
    })
    expect(reviewProgress({ status: "reviewing", claims: [claim(1, 10, 0), claim(2, 10, 3)] }).canConclude).toBe(true)
    expect(reviewProgress({ status: "concluded", claims: [claim(1, 10, 0), claim(2, 10, 3)] }).canConclude).toBe(false)
  })
})

describe("the result", () => {
  const extrapolation = Either.getOrThrow(
    extrapolateOverpayment(
      {
        frameSize: 46,
        sample: [100, 80, 60, 40, 20, 10].map((paid, i) => ({ id: `A${i}`, paid, overpaid: i < 2 ? paid / 2 : 0 }))
      },
      defaultSamplingParameters
    )
  )
  const conclusion: SampleConclusionView = {
    ...extrapolation,
    concludedOn: "2025-11-20",
    concludedByName: "王稽核"
  }

  it("shows the error rate, the point estimate, the interval and the recoverable lower limit", () => {
    const rows = Object.fromEntries(resultRows(conclusion).map((r) => [r.key, r]))
    expect(rows["error-rate"]!.value).toBe("33.3%（2 笔有违规）")
    expect(rows["point"]!.value).toBe(
      `${conclusion.pointEstimate.toLocaleString("en-US", { minimumFractionDigits: 2 })} 元`
    )
    expect(rows["interval"]!.label).toBe("80% 置信区间")
    expect(rows["interval"]!.value).toContain(" 至 ")
    expect(rows["recoverable"]!.label).toBe("可追回金额（下限）")
    expect(conclusion.lowerLimit).toBeLessThanOrEqual(conclusion.pointEstimate)
  })

  it("states the method in words, with the confidence and its source", () => {
    const words = methodInWords(conclusion)
    expect(words).toContain("均值估计")
    expect(words).toContain("有限总体校正")
    expect(words).toContain("自由度 5")
    expect(words).toContain("单侧 90% 置信下限")
    expect(words).toContain("§8.4.5.1")
    expect(formatPercent(0.26666)).toBe("26.7%")
  })
})
