/**
 * The penalty routes over HTTP (inject): every catalogue code assesses with the library's result, a
 * bureau's own benchmark can be sent with the case, and bad input is a 400 listing every problem.
 */
import { systemActor, upsertUser } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { assessPenalty, violationCatalogue } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import type { FastifyInstance } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"

const password = "s3cret-for-penalty-tests"

const subjects = {
  institution: { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
  individual: { kind: "individual", insured: true },
  agency: { kind: "agency" },
  staff: { kind: "staff", publicServant: true }
} as const

const caseOf = (kind: keyof typeof subjects, codes: ReadonlyArray<string>, region = "500235") => ({
  subject: subjects[kind],
  region,
  decisionDate: "2025-09-18",
  discoveredOn: "2025-06-01",
  violations: codes.map((code) => ({ code, amount: 6000, occurredTo: "2025-03-31", refusedToCorrect: true })),
  factors: { firstOffence: true }
})

const ownBenchmark = {
  id: "fengjie-2025",
  regions: ["500235"],
  name: "奉节县医保行政处罚裁量基准（测试）",
  version: "2025-01",
  effectiveFrom: "2025-01-01",
  source: "测试数据",
  confidence: "unverified",
  tables: [{ liability: "38", grades: ["从轻"], min: 1, max: 1.1, recommended: 1.1 }]
}

describe("penalty routes", () => {
  let scratch: ScratchDatabase
  let app: FastifyInstance
  let token = ""

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    await upsertUser(scratch.db, systemActor(), {
      username: "weijian",
      displayName: "卫健委",
      role: "department",
      department: "卫健委",
      password
    })
    app = await buildApp({ db: scratch.db })
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "weijian", password }
    })
    token = login.json().token
  })
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
  })

  const post = (url: string, payload: unknown) =>
    app.inject({ method: "POST", url, headers: { authorization: `Bearer ${token}` }, payload: payload as object })
  const get = (url: string) => app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } })

  it("assesses every catalogue code with the same result as the library", async () => {
    for (const kind of Object.keys(subjects) as Array<keyof typeof subjects>) {
      const codes = violationCatalogue.filter((e) => e.subjectKinds.includes(kind)).map((e) => e.code)
      const input = caseOf(kind, codes)
      const res = await post("/api/v1/penalties/assess", input)
      expect(res.statusCode, res.body).toBe(200)
      const expected = await Effect.runPromise(assessPenalty(input))
      expect(res.json()).toEqual(JSON.parse(JSON.stringify(expected)))
      expect(res.json().items).toHaveLength(codes.length)
    }
  })

  it("answers 400 InvalidAssessmentInput with every problem and its path", async () => {
    const res = await post("/api/v1/penalties/assess", {
      ...caseOf("individual", ["A38-4-SWAP", "A41-1-RESALE"]),
      subject: { kind: "individual" },
      factors: { noFault: true, firstOfence: true }
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe("InvalidAssessmentInput")
    expect(res.json().errors.map((p: { path: string }) => p.path)).toEqual(["$.factors.firstOfence"])
    const inconsistent = await post("/api/v1/penalties/assess", {
      ...caseOf("individual", ["A38-4-SWAP", "A41-1-RESALE"]),
      subject: { kind: "individual" }
    })
    expect(inconsistent.statusCode).toBe(400)
    expect(
      inconsistent
        .json()
        .errors.map((p: { path: string }) => p.path)
        .sort()
    ).toEqual(["$.subject.insured", "$.violations[0].code"])
  })

  it("assesses with the bureau's own benchmark, and reports problems of either part under its member", async () => {
    const input = caseOf("institution", ["A38-3-DUPLICATE_CHARGE"])
    const res = await post("/api/v1/penalties/assess-with-benchmark", { case: input, benchmark: ownBenchmark })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().benchmark).toMatchObject({ id: "fengjie-2025", custom: true })
    expect(res.json().items[0].fine.recommendedMultiple).toBe(1.1)
    const bad = await post("/api/v1/penalties/assess-with-benchmark", {
      case: { ...input, region: "5002" },
      benchmark: { ...ownBenchmark, tables: [{ liability: "38", min: 1, max: 2.5 }] },
      extra: 1
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((p: { path: string }) => p.path)
        .sort()
    ).toEqual(["$.benchmark.tables[0].max", "$.case.region", "$.extra"])
  })

  it("lists and validates benchmarks", async () => {
    const list = await get("/api/v1/penalties/benchmarks")
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual(
      expect.arrayContaining(["cn-national-default", "xj-2025", "cq-fraud-thresholds", "gd-fraud-thresholds"])
    )
    const ok = await post("/api/v1/penalties/benchmarks/validate", ownBenchmark)
    expect(ok.statusCode).toBe(200)
    expect(ok.json().inheritedFromNationalDefault).toContain("bands")
    const bad = await post("/api/v1/penalties/benchmarks/validate", { ...ownBenchmark, regions: [] })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: "InvalidBenchmark", errors: [{ path: "$.regions[0]" }] })
  })

  it("describes the routes, the input and the result in OpenAPI, and lists the catalogue", async () => {
    const doc = (await get("/api/docs/json")).json()
    for (const path of [
      "/api/v1/penalties/assess",
      "/api/v1/penalties/assess-with-benchmark",
      "/api/v1/penalties/benchmarks"
    ])
      expect(Object.keys(doc.paths)).toContain(path)
    expect(JSON.stringify(doc.paths["/api/v1/penalties/assess"].post.responses["200"])).toContain(
      "settlementSuspensionMonths"
    )
    const catalogue = (await get("/api/v1/violations")).json()
    expect(catalogue.items).toHaveLength(violationCatalogue.length)
    expect(catalogue.items.find((i: { code: string }) => i.code === "A46-DATA_LEAK").subjectKinds).toEqual([
      "agency",
      "staff"
    ])
  })
})
