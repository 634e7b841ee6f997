/**
 * Claim samples (抽样推算) over HTTP (inject, SQLite; the use cases' own test covers PostgreSQL) in the
 * demo county, over the demo extract read with DuckDB: a draw with a recorded seed, the same seed
 * drawing the same claims, every claim reviewed, an overpayment above what the fund paid refused
 * naming `$.overpaid`, the conclusion — its lower limit ≤ point estimate ≤ upper limit, equal to
 * `extrapolateOverpayment` on the same numbers — and the permissions, the data scope, the masking of
 * 人员编号 and the audit of reads.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { defaultSamplingParameters, extrapolateOverpayment } from "@fundguard/domain/enforcement"
import * as Either from "effect/Either"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { now, seedCounty, signInAll, type CountyFixture, type Username } from "./utils/county.js"

describe("claim samples over HTTP (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let tokens: Record<Username, string>
  let county: CountyFixture

  const call = (method: "GET" | "POST", url: string, user: Username, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-samples-api-"))
    county = await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({ db: scratch.db, now, evidenceDir })
    await app.ready()
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("draw → same seed, same sample → review every claim → conclude with the interval", async () => {
    const body = { institutionCode: "H50023500010", extract: county.demoRunId, size: 15, seed: "奉节-2025Q1-H010" }
    const drawn = await call("POST", "/api/v1/samples", "shenhe", body)
    expect(drawn.statusCode, drawn.body).toBe(201)
    expect(drawn.json()).toMatchObject({ seed: "奉节-2025Q1-H010", frameSize: 46 })
    const id = drawn.json().id as string
    const again = await call("POST", "/api/v1/samples", "jihe", body)
    expect(again.statusCode, again.body).toBe(201)

    const sample = (await call("GET", `/api/v1/samples/${id}`, "jihe")).json()
    const repeat = (await call("GET", `/api/v1/samples/${again.json().id}`, "jihe")).json()
    expect(sample).toMatchObject({
      status: "drawn",
      statusLabel: "已抽样",
      seed: "奉节-2025Q1-H010",
      algorithm: "fundguard-sample/1",
      runId: county.demoRunId,
      frameSize: 46,
      size: 15,
      reviewed: 0,
      masked: false,
      conclusion: null
    })
    expect(sample.claims.map((c: { id: string }) => c.id)).toEqual(repeat.claims.map((c: { id: string }) => c.id))
    // The reviewer (no personal-data:unmasked) sees 人员编号 masked; the supervisor does not.
    const asReviewer = (await call("GET", `/api/v1/samples/${id}`, "shenhe")).json()
    expect(asReviewer.masked).toBe(true)
    expect(asReviewer.claims[0].psnNo).toContain("*")
    expect(sample.claims[0].psnNo).not.toContain("*")

    // More than the fund paid: refused naming $.overpaid.
    const claims = sample.claims as ReadonlyArray<{ id: string; paid: number }>
    const over = await call("POST", `/api/v1/samples/${id}/reviews`, "shenhe", {
      claimId: claims[0]!.id,
      overpaid: claims[0]!.paid + 1,
      reason: "超标准收费"
    })
    expect(over.statusCode, over.body).toBe(400)
    expect(over.json().code).toBe("InvalidSampleInput")
    expect(over.json().errors.map((e: { path: string }) => e.path)).toEqual(["$.overpaid"])
    expect(over.json().errors[0].message).toMatch(/超过该笔结算的基金支付/)

    // Concluding before every claim is reviewed: 409.
    const early = await call("POST", `/api/v1/samples/${id}/conclusion`, "shenhe")
    expect(early.statusCode, early.body).toBe(409)
    expect(early.json().code).toBe("SampleStepRefused")

    const overpaid = claims.map((c, i) => (i % 4 === 0 ? Math.round(c.paid * 40) / 100 : 0))
    for (const [i, c] of claims.entries()) {
      const res = await call("POST", `/api/v1/samples/${id}/reviews`, "shenhe", {
        claimId: c.id,
        overpaid: overpaid[i],
        reason: overpaid[i]! > 0 ? "串换诊疗项目" : ""
      })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ status: "reviewing", reviewed: i + 1, size: 15 })
    }
    const concluded = await call("POST", `/api/v1/samples/${id}/conclusion`, "jihe")
    expect(concluded.statusCode, concluded.body).toBe(200)
    const result = concluded.json()
    const direct = Either.getOrThrow(
      extrapolateOverpayment(
        { frameSize: 46, sample: claims.map((c, i) => ({ id: c.id, paid: c.paid, overpaid: overpaid[i]! })) },
        defaultSamplingParameters
      )
    )
    expect(result).toMatchObject({ ...direct, warnings: [...direct.warnings] })
    expect(result.errorCount).toBe(4)
    expect(result.lowerLimit).toBeLessThanOrEqual(result.pointEstimate)
    expect(result.pointEstimate).toBeLessThanOrEqual(result.upperLimit)
    expect(result.lowerLimit).toBeGreaterThan(0)
    expect(result.concludedByName).toBe("王稽核")

    // Stored, listed, and closed to further change.
    const after = (await call("GET", `/api/v1/samples/${id}`, "jihe")).json()
    expect(after).toMatchObject({ status: "concluded", reviewed: 15, recoverable: result.recoverable })
    // SQLite's JSON keeps 15 significant digits of the error rate; everything else is as concluded.
    expect(after.conclusion).toEqual({ ...result, errorRate: expect.closeTo(result.errorRate, 12) })
    const list = (await call("GET", "/api/v1/samples?institution=H50023500010", "jihe")).json()
    expect(list.items.map((s: { id: string }) => s.id)).toContain(id)
    expect(list.items.every((s: { institutionCode: string }) => s.institutionCode === "H50023500010")).toBe(true)
    const late = await call("POST", `/api/v1/samples/${id}/reviews`, "shenhe", {
      claimId: claims[1]!.id,
      overpaid: 0,
      reason: ""
    })
    expect(late.statusCode).toBe(409)

    // Audited: the draw, 15 reviews, the conclusion, and each read (masked or not).
    const audit = await scratch.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } })
    const count = (action: string) => audit.filter((a) => a.action === action).length
    expect(count("sample.draw")).toBe(1)
    expect(count("sample.review")).toBe(15)
    expect(count("sample.conclude")).toBe(1)
    expect(count("sample.read_claims")).toBe(3)
    expect(audit.filter((a) => a.action === "sample.read_claims").map((a) => a.actorName)).toEqual([
      "王稽核",
      "李审核",
      "王稽核"
    ])
  })

  it("a generated seed is recorded; bad input is a 400 naming the field in Chinese", async () => {
    const drawn = await call("POST", "/api/v1/samples", "jihe", {
      institutionCode: "H50023500007",
      extract: county.demoRunId,
      size: 4,
      period: { from: "2025-01-01", to: "2025-03-31" }
    })
    expect(drawn.statusCode, drawn.body).toBe(201)
    expect(drawn.json().frameSize).toBe(8)
    const seed = drawn.json().seed as string
    expect(seed.length).toBeGreaterThan(8)
    const stored = (await call("GET", `/api/v1/samples/${drawn.json().id}`, "jihe")).json()
    expect(stored).toMatchObject({ seed, periodFrom: "2025-01-01", periodTo: "2025-03-31" })

    const refused = async (payload: Record<string, unknown>, path: string) => {
      const res = await call("POST", "/api/v1/samples", "jihe", {
        institutionCode: "H50023500010",
        extract: county.demoRunId,
        size: 5,
        ...payload
      })
      expect(res.statusCode, res.body).toBe(400)
      const errors = res.json().errors as ReadonlyArray<{ path: string; message: string }>
      expect(errors.map((e) => e.path)).toContain(path)
      expect(errors.find((e) => e.path === path)?.message).toMatch(/[\u4e00-\u9fff]/)
    }
    await refused({ size: 47 }, "$.size")
    await refused({ size: 1 }, "$.size")
    await refused({ extract: "no-such-run" }, "$.extract")
    // The county's other run names an extract that is not there.
    await refused({ extract: county.runId }, "$.extract")
    await refused({ period: { from: "2025-06-01", to: "2025-06-30" } }, "$.institutionCode")
    await refused({ period: { from: "2025-03-01", to: "2025-01-01" } }, "$.period.to")
    const unknown = await call("POST", "/api/v1/samples", "admin", {
      institutionCode: "H99999999999",
      extract: county.demoRunId,
      size: 5
    })
    expect(unknown.statusCode, unknown.body).toBe(400)
    expect(unknown.json().errors[0]).toMatchObject({
      path: "$.institutionCode",
      message: "机构 H99999999999 不在定点机构名录中"
    })
  })

  it("permissions and the data scope: drawing outside the scope is 403, reading is 404", async () => {
    // 张医保 (草堂镇卫生院) sees the village clinic it oversees, not the county hospital.
    const outside = await call("POST", "/api/v1/samples", "caotang", {
      institutionCode: "H50023500001",
      extract: county.demoRunId,
      size: 3
    })
    expect(outside.statusCode).toBe(403)
    expect((await call("GET", `/api/v1/samples/${county.samples.hospital}`, "caotang")).statusCode).toBe(404)
    expect((await call("GET", `/api/v1/samples/${county.samples.caotang}`, "caotang")).statusCode).toBe(200)
    const mine = (await call("GET", "/api/v1/samples", "caotang")).json()
    expect(mine.items.map((s: { id: string }) => s.id)).toEqual([county.samples.caotang])
    const review = await call("POST", `/api/v1/samples/${county.samples.hospital}/reviews`, "caotang", {
      claimId: "X",
      overpaid: 0,
      reason: ""
    })
    expect(review.statusCode).toBe(404)
    // 卫健委 holds no inspections permission.
    expect((await call("GET", "/api/v1/samples", "weijian")).statusCode).toBe(403)
  })
})
