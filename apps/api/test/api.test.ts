import { upsertInstitutions, upsertUser, systemActor, startRun, finishRun } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { Institution } from "@fundguard/domain/kernel"
import type { FastifyInstance } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"

const password = "s3cret-for-tests"
const users = [
  { username: "admin", displayName: "管理员", role: "admin", department: "医保局" },
  { username: "shenhe", displayName: "李审核", role: "reviewer", department: "医保中心" },
  { username: "weijian", displayName: "卫健委", role: "department", department: "卫健委" }
] as const

const specExample = {
  subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2", insured: null },
  region: "500235",
  decisionDate: "2025-09-18",
  violations: [
    { code: "A38-2-OVER_PRESCRIPTION", amount: 13791.6, occurredFrom: "2024-01-01", occurredTo: "2024-12-31" }
  ],
  factors: { firstOffence: true, refundedInFullByDeadline: true }
}

describe.each(["sqlite", "postgresql"] as const)("API over HTTP (inject) on %s", (provider) => {
  let scratch: ScratchDatabase
  let app: FastifyInstance
  const tokens: Record<string, string> = {}

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    const bureau = await addBureauUnit(scratch.db)
    for (const u of users)
      await upsertUser(scratch.db, systemActor(), { ...u, unitId: u.role === "department" ? null : bureau, password })
    await upsertInstitutions(scratch.db, systemActor(), [
      {
        code: "H50023500001",
        name: "奉节县人民医院",
        orgKind: "public_hospital",
        hospitalLevel: "2",
        admdvs: "500235",
        approvedBeds: 300,
        supervisorCode: null
      } as unknown as Institution
    ])
    const run = await startRun(scratch.db, systemActor(), {
      trigger: "cli",
      extract: "demo",
      admdvs: "500235",
      periodFrom: null,
      periodTo: null,
      params: {}
    })
    await finishRun(scratch.db, systemActor(), run.id, {
      rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 1, durationMs: 1 }],
      suspicions: [
        {
          rule: "PRICE_OVER_CAP",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: "H50023500001",
          psn_no: "500235199001011234",
          mdtrt_id: "M1",
          setl_id: null,
          feedetl_sn: ["F1"],
          med_list_codg: "X",
          date: "2025-01-02",
          amount: 40,
          violation: "A38-3-OVER_STANDARD_CHARGE",
          evidence: {},
          message: "单价超过限价"
        }
      ]
    })
    app = await buildApp({ db: scratch.db })
    for (const u of users) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: u.username, password }
      })
      expect(res.statusCode).toBe(200)
      tokens[u.username] = res.json().token
    }
  })
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
  })

  const get = (url: string, user?: string) =>
    app.inject({ method: "GET", url, headers: user ? { authorization: `Bearer ${tokens[user]}` } : {} })

  it("answers health without signing in", async () => {
    const res = await get("/api/health")
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: "ok", database: "ok" })
  })

  it("rejects wrong passwords without saying which part was wrong", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin", password: "x" }
    })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toMatchObject({ code: "InvalidCredentials", detail: "用户名或密码错误", status: 401 })
  })

  it("requires a token on data routes and checks the role", async () => {
    expect((await get("/api/v1/institutions")).statusCode).toBe(401)
    expect((await get("/api/v1/institutions", "shenhe")).statusCode).toBe(200)
    // Other departments' accounts see what is addressed to them, not the bureau's register.
    expect((await get("/api/v1/institutions", "weijian")).statusCode).toBe(403)
    const forbidden = await get("/api/v1/suspicions", "weijian")
    expect(forbidden.statusCode).toBe(403)
    expect(forbidden.json().code).toBe("Forbidden")
  })

  it("lists institutions with filters and rejects unknown filters with a 400 naming them", async () => {
    const res = await get("/api/v1/institutions?orgKind=public_hospital", "admin")
    expect(res.json()).toMatchObject({ total: 1, items: [{ code: "H50023500001", name: "奉节县人民医院" }] })
    const bad = await get("/api/v1/institutions?orgKind=castle", "admin")
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe("$.query.orgKind")
  })

  it("masks personal numbers for roles without access to personal data", async () => {
    const reviewer = (await get("/api/v1/suspicions", "shenhe")).json()
    expect(reviewer.items[0].psnNo).toBe("500*************34")
    const admin = (await get("/api/v1/suspicions", "admin")).json()
    expect(admin.items[0].psnNo).toBe("500235199001011234")
    expect(admin.totalAmount).toBe(40)
  })

  it("assesses a penalty with the same result as the library, and lists every input problem", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/penalties/assess",
      headers: { authorization: `Bearer ${tokens["weijian"]}` },
      payload: specExample
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      outcome: "penalty",
      totals: { refund: 13791.6, fineMin: 13791.6, fineMax: 17929.08, fineRecommended: 13791.6 }
    })
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/penalties/assess",
      headers: { authorization: `Bearer ${tokens["admin"]}` },
      payload: { ...specExample, region: "5002", factors: { firstOfence: true } }
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe("InvalidAssessmentInput")
    expect(
      bad
        .json()
        .errors.map((p: { path: string }) => p.path)
        .sort()
    ).toEqual(["$.factors.firstOfence", "$.region"])
    const notJson = await app.inject({
      method: "POST",
      url: "/api/v1/penalties/assess",
      headers: { authorization: `Bearer ${tokens["admin"]}`, "content-type": "application/json" },
      payload: "{not json"
    })
    expect(notJson.statusCode).toBe(400)
  })

  it("publishes the OpenAPI document", async () => {
    const res = await get("/api/docs/json")
    expect(res.statusCode).toBe(200)
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/auth/login", "/api/v1/institutions", "/api/v1/penalties/assess"])
    )
  })

  it("logs out: the token stops working", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "shenhe", password }
    })
    const token = login.json().token
    const out = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { authorization: `Bearer ${token}` }
    })
    expect(out.statusCode).toBe(204)
    const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: { authorization: `Bearer ${token}` } })
    expect(me.statusCode).toBe(401)
  })
})
