/**
 * Claim samples (抽样推算) end to end on real databases (SQLite and PostgreSQL) over the demo extract
 * read with DuckDB: a draw from a screening run's extract with a given seed, the same seed drawing the
 * same claims, a generated seed recorded; reviews refused outside 0 … paid or for a claim outside the
 * sample; the conclusion refused until every claim is reviewed, then equal to
 * `extrapolateOverpayment` on the stored numbers; reads masked for a role without
 * `personal-data:unmasked`; every change and read in the audit log.
 */
import { startRun, systemActor, upsertInstitutions } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import {
  ClaimFrameUnavailable,
  defaultSampleSettings,
  extrapolateOverpayment,
  InvalidSampleInput,
  SampleNotFound,
  SampleStepRefused
} from "@fundguard/domain/enforcement"
import { BureauClock } from "@fundguard/domain/kernel"
import { demoExtractDir, demoRegister, DuckDbClaimFrames } from "@fundguard/screening"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { concludeSample, drawSample, recordSampleReview, viewSample } from "../src/enforcement/index.js"
import { refusal, useCasesOn } from "./harness.js"

const today = "2025-11-20"
const reviewer = { id: "U-LI", name: "李审核", ip: null }

describe.each(["sqlite", "postgresql"] as const)("claim samples (use cases over %s)", (provider) => {
  let scratch: ScratchDatabase
  let runId: string
  const run = useCasesOn(() => scratch.db, Layer.mergeAll(BureauClock.fixed(today), DuckDbClaimFrames))

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    await upsertInstitutions(scratch.db, systemActor("test"), demoRegister())
    runId = (
      await startRun(scratch.db, systemActor("test"), {
        trigger: "cli",
        extract: demoExtractDir,
        admdvs: "500235",
        periodFrom: "2025-01-01",
        periodTo: "2025-03-31",
        params: {}
      })
    ).id
  }, 120_000)
  afterAll(async () => {
    await scratch?.dispose()
  })

  it("draws from a run's extract, reviews, refuses what the rules refuse, and concludes", async () => {
    const drawn = await run(
      drawSample({
        institutionCode: "H50023500010",
        source: { runId },
        size: 12,
        seed: "FJ-2025-Q1-H010",
        actor: reviewer
      })
    )
    expect(drawn).toMatchObject({ seed: "FJ-2025-Q1-H010", frameSize: 46 })
    const again = await run(
      drawSample({
        institutionCode: "H50023500010",
        source: { path: demoExtractDir },
        size: 12,
        seed: "FJ-2025-Q1-H010",
        actor: reviewer
      })
    )
    const first = (await run(viewSample({ sampleId: drawn.id, actor: reviewer, role: "supervisor" }))).sample
    const second = (await run(viewSample({ sampleId: again.id, actor: reviewer, role: "supervisor" }))).sample
    expect(first.claims.map((c) => c.id)).toEqual(second.claims.map((c) => c.id))
    expect(first).toMatchObject({
      status: "drawn",
      algorithm: "fundguard-sample/1",
      extract: { path: demoExtractDir, runId },
      institution: { code: "H50023500010" },
      settings: defaultSampleSettings
    })
    expect(second.extract.runId).toBeNull()
    expect(first.claims).toHaveLength(12)
    expect(first.claims.map((c) => c.position)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))

    // Refusals of the draw name the field.
    const paths = async (promise: Promise<unknown>) => {
      const error = await refusal(promise)
      expect(error, String(error)).toBeInstanceOf(InvalidSampleInput)
      return (error as InvalidSampleInput).problems.map((p) => p.path)
    }
    expect(
      await paths(run(drawSample({ institutionCode: "H50023500010", source: { runId }, size: 47, actor: reviewer })))
    ).toEqual(["$.size"])
    expect(
      await paths(
        run(drawSample({ institutionCode: "H50023500010", source: { runId: "nope" }, size: 5, actor: reviewer }))
      )
    ).toEqual(["$.extract"])
    expect(
      await paths(run(drawSample({ institutionCode: "H99999999999", source: { runId }, size: 5, actor: reviewer })))
    ).toEqual(["$.institutionCode"])
    expect(
      await paths(
        run(
          drawSample({
            institutionCode: "H50023500010",
            source: { runId },
            size: 5,
            period: { from: "2025-03-01", to: "2025-02-01" },
            actor: reviewer
          })
        )
      )
    ).toEqual(["$.period.to"])
    const noClaims = await refusal(
      run(
        drawSample({
          institutionCode: "H50023500010",
          source: { runId },
          size: 5,
          period: { from: "2025-06-01", to: "2025-06-30" },
          actor: reviewer
        })
      )
    )
    expect(noClaims).toBeInstanceOf(ClaimFrameUnavailable)

    // Reviews: outside the sample, above what was paid, before every claim is reviewed.
    const claims = first.claims
    const outside = await refusal(
      run(recordSampleReview({ sampleId: drawn.id, input: { claimId: "X", overpaid: 0, reason: "" }, actor: reviewer }))
    )
    expect((outside as InvalidSampleInput).problems.map((p) => p.path)).toEqual(["$.claimId"])
    const tooMuch = await refusal(
      run(
        recordSampleReview({
          sampleId: drawn.id,
          input: { claimId: claims[0]!.id, overpaid: claims[0]!.paid + 0.01, reason: "超额" },
          actor: reviewer
        })
      )
    )
    expect((tooMuch as InvalidSampleInput).problems.map((p) => p.path)).toEqual(["$.overpaid"])
    const amounts = claims.map((c, i) => (i < 3 ? Math.round(c.paid * 60) / 100 : 0))
    for (const [i, c] of claims.entries()) {
      const recorded = await run(
        recordSampleReview({
          sampleId: drawn.id,
          input: { claimId: c.id, overpaid: amounts[i]!, reason: amounts[i]! > 0 ? "超标准收费" : "" },
          actor: reviewer
        })
      )
      expect(recorded).toMatchObject({ status: "reviewing", reviewed: i + 1, size: 12 })
      if (i === 5) {
        const early = await refusal(run(concludeSample({ sampleId: drawn.id, actor: reviewer })))
        expect(early).toBeInstanceOf(SampleStepRefused)
        expect((early as SampleStepRefused).message).toContain("尚有 6 笔")
      }
    }
    const conclusion = await run(concludeSample({ sampleId: drawn.id, actor: reviewer }))
    const direct = extrapolateOverpayment(
      { frameSize: 46, sample: claims.map((c, i) => ({ id: c.id, paid: c.paid, overpaid: amounts[i]! })) },
      defaultSampleSettings
    )
    expect(Either.isRight(direct)).toBe(true)
    expect(conclusion).toMatchObject(Either.getOrThrow(direct))
    expect(conclusion).toMatchObject({ concludedOn: today, concludedByName: "李审核", errorCount: 3 })
    expect(conclusion.lowerLimit).toBeLessThanOrEqual(conclusion.pointEstimate)
    expect(conclusion.pointEstimate).toBeLessThanOrEqual(conclusion.upperLimit)

    // Concluded: stored with the sample, and nothing more may change.
    const stored = (await run(viewSample({ sampleId: drawn.id, actor: reviewer, role: "admin" }))).sample
    expect(stored.status).toBe("concluded")
    expect(stored.conclusion).toEqual(conclusion)
    expect(await refusal(run(concludeSample({ sampleId: drawn.id, actor: reviewer })))).toBeInstanceOf(
      SampleStepRefused
    )
    expect(
      await refusal(
        run(
          recordSampleReview({
            sampleId: drawn.id,
            input: { claimId: claims[0]!.id, overpaid: 0, reason: "" },
            actor: reviewer
          })
        )
      )
    ).toBeInstanceOf(SampleStepRefused)

    // The audit log: the draw, every review, the conclusion, each read.
    const audit = await scratch.db.auditEvent.findMany({ where: { entityType: "sample", entityId: drawn.id } })
    const actions = audit.map((a) => a.action)
    expect(actions.filter((a) => a === "sample.draw")).toHaveLength(1)
    expect(actions.filter((a) => a === "sample.review")).toHaveLength(12)
    expect(actions.filter((a) => a === "sample.conclude")).toHaveLength(1)
    expect(actions.filter((a) => a === "sample.read_claims").length).toBeGreaterThanOrEqual(2)
    expect(audit.find((a) => a.action === "sample.draw")?.details).toMatchObject({ seed: "FJ-2025-Q1-H010" })
  })

  it("generates and records a seed when none is given, and masks 人员编号 for a reviewer", async () => {
    const drawn = await run(
      drawSample({ institutionCode: "H50023500007", source: { runId }, size: 3, actor: reviewer })
    )
    expect(drawn.seed.length).toBeGreaterThan(8)
    expect(drawn.frameSize).toBe(8)
    const masked = await run(viewSample({ sampleId: drawn.id, actor: reviewer, role: "reviewer" }))
    const plain = await run(viewSample({ sampleId: drawn.id, actor: reviewer, role: "supervisor" }))
    expect(masked.masked).toBe(true)
    expect(plain.masked).toBe(false)
    expect(masked.sample.seed).toBe(drawn.seed)
    for (const [i, c] of masked.sample.claims.entries()) {
      expect(c.psnNo).toContain("*")
      expect(c.psnNo).not.toBe(plain.sample.claims[i]!.psnNo)
    }
    const reads = await scratch.db.auditEvent.findMany({
      where: { entityId: drawn.id, action: "sample.read_claims" },
      orderBy: { seq: "asc" }
    })
    expect(reads.map((r) => (r.details as { masked: boolean }).masked)).toEqual([true, false])
    expect(await refusal(run(viewSample({ sampleId: "nope", actor: reviewer, role: "admin" })))).toBeInstanceOf(
      SampleNotFound
    )
  })
})
