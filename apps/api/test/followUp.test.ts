/**
 * Follow-ups over HTTP (inject, SQLite) in the demo county: an agreement measure proposed, refused to
 * its proposer and before the institution is heard, then decided; a health centre's written request
 * to suspend payment; rectification orders reported, re-checked and escalated when overdue, and the
 * problems common to two village clinics for a county-wide notice; a self-inspection campaign with
 * reports, its statistics form and spot-check list, and the campaign's factors applied automatically
 * to a later case's assessment.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { seedCounty, signInAll, today, type Username } from "./utils/county.js"

describe("follow-ups over HTTP (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let tokens: Record<Username, string>
  let clock = new Date(`${today}T02:00:00Z`)

  const call = (method: "GET" | "POST" | "PUT", url: string, user: Username, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-followup-api-"))
    await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({ db: scratch.db, now: () => clock, evidenceDir, sessionTtlMinutes: 60 * 24 * 400 })
    await app.ready()
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("an agreement measure: an amount where money moves, heard first, decided by someone else", async () => {
    const noAmount = await call("POST", "/api/v1/agreement-measures", "jihe", {
      institutionCode: "H50023500001",
      action: "refuse_payment",
      reason: "超限价收费部分不予拨付"
    })
    expect(noAmount.statusCode).toBe(400)
    expect(noAmount.json().errors).toEqual([{ path: "$.amount", message: expect.stringContaining("金额") }])
    const proposed = await call("POST", "/api/v1/agreement-measures", "shenhe", {
      institutionCode: "H50023500001",
      action: "refuse_payment",
      reason: "超限价收费部分不予拨付",
      amount: 1200
    })
    expect(proposed.statusCode).toBe(201)
    const id = proposed.json().id
    // A fund recovery: 初审 (the proposal) → 复审 by another person → 审批 by a third.
    const unreviewed = await call("POST", `/api/v1/agreement-measures/${id}/decision`, "admin", { decision: "同意" })
    expect(unreviewed.statusCode).toBe(409)
    expect(unreviewed.json().detail).toContain("须经复审")
    expect((await call("POST", `/api/v1/agreement-measures/${id}/review`, "shenhe")).statusCode).toBe(403)
    expect((await call("POST", `/api/v1/agreement-measures/${id}/review`, "jihe")).statusCode).toBe(204)
    expect((await call("POST", `/api/v1/agreement-measures/${id}/review`, "admin")).statusCode).toBe(409)
    const beforeHearing = await call("POST", `/api/v1/agreement-measures/${id}/decision`, "admin", { decision: "同意" })
    expect(beforeHearing.statusCode).toBe(409)
    expect(beforeHearing.json().detail).toContain("陈述、申辩")
    expect(
      (await call("POST", `/api/v1/agreement-measures/${id}/statement`, "jihe", { statement: "无异议", on: today }))
        .statusCode
    ).toBe(204)
    // 稽核员 may propose but not decide; the 局长 may not decide a measure of their own.
    expect(
      (await call("POST", `/api/v1/agreement-measures/${id}/decision`, "jihe", { decision: "同意" })).statusCode
    ).toBe(403)
    const interview = await call("POST", "/api/v1/agreement-measures", "admin", {
      institutionCode: "H50023500001",
      action: "interview",
      reason: "约谈院长"
    })
    const own = await call("POST", `/api/v1/agreement-measures/${interview.json().id}/decision`, "admin", {
      decision: "同意"
    })
    expect(own.statusCode).toBe(409)
    expect(own.json().detail).toContain("不相容岗位分离")
    expect(
      (await call("POST", `/api/v1/agreement-measures/${id}/decision`, "admin", { decision: "同意拒付" })).statusCode
    ).toBe(204)
    // Seed 000 二（四）: a health centre's written request to suspend a village clinic's payment.
    const suspension = await call("POST", "/api/v1/agreement-measures", "caotang", {
      institutionCode: "H50023500008",
      action: "withhold_payment",
      reason: "门诊统筹费用审核发现分解处方",
      amount: 347.52,
      requestedBy: "草堂镇卫生院",
      month: "2025-10"
    })
    expect(suspension.statusCode, suspension.body).toBe(201)
    const outOfScope = await call("POST", "/api/v1/agreement-measures", "caotang", {
      institutionCode: "H50023500001",
      action: "interview",
      reason: "约谈"
    })
    expect(outOfScope.statusCode).toBe(403)
    const list = (await call("GET", "/api/v1/agreement-measures", "caotang")).json().items
    expect(list.map((m: { institutionCode: string }) => m.institutionCode)).not.toContain("H50023500001")
    const decided = (await call("GET", "/api/v1/agreement-measures", "admin"))
      .json()
      .items.find((m: { id: string }) => m.id === id)
    expect(decided).toMatchObject({
      status: "decided",
      reviewedByName: "王稽核",
      decidedByName: "管理员",
      statementOn: today,
      hearFirst: true,
      needsReview: true
    })
    expect(decided.basis).toContain("第十三条")
  })

  it("rectification: report, re-check, escalation when overdue, and problems common to two clinics", async () => {
    const issue = (code: string) =>
      call("POST", "/api/v1/rectifications", "jihe", {
        institutionCode: code,
        source: "inspection",
        violations: ["A38-2-SPLIT_PRESCRIPTION"],
        problems: "分解处方",
        dueOn: "2025-12-05"
      })
    const clinics = (
      await scratch.db.institution.findMany({ where: { orgKind: "village_clinic" }, orderBy: { code: "asc" } })
    ).map((i) => i.code)
    const [a, b] = [(await issue(clinics[0]!)).json().id, (await issue(clinics[1]!)).json().id]
    const past = await call("POST", "/api/v1/rectifications", "jihe", {
      institutionCode: clinics[0],
      source: "notice",
      violations: [],
      problems: "x",
      dueOn: today
    })
    expect(past.json().errors[0].path).toBe("$.dueOn")
    const early = await call("POST", `/api/v1/rectifications/${a}/recheck`, "jihe", {
      on: today,
      text: "复查",
      passed: true
    })
    expect(early.statusCode).toBe(409)
    expect(
      (await call("POST", `/api/v1/rectifications/${a}/report`, "jihe", { on: today, text: "已整改" })).statusCode
    ).toBe(204)
    expect(
      (await call("POST", `/api/v1/rectifications/${a}/recheck`, "jihe", { on: today, text: "复查到位", passed: true }))
        .statusCode
    ).toBe(204)
    clock = new Date("2025-12-08T02:00:00Z")
    const items = (await call("GET", "/api/v1/rectifications", "admin")).json().items
    const state = (id: string) => items.find((r: { id: string }) => r.id === id)?.state
    expect([state(a), state(b)]).toEqual(["closed", "overdue"])
    expect(items.find((r: { id: string }) => r.id === b).escalatedOn).toBeNull()
    const common = (await call("GET", "/api/v1/rectifications/common-problems", "admin")).json().items
    expect(common).toContainEqual(
      expect.objectContaining({
        violation: "A38-2-SPLIT_PRESCRIPTION",
        orgKind: "village_clinic",
        institutions: [expect.objectContaining({ code: clinics[0] }), expect.objectContaining({ code: clinics[1] })],
        toSelfCheck: clinics.length
      })
    )
    clock = new Date(`${today}T02:00:00Z`)
  })

  it("a self-inspection campaign: reports, the statistics form, the spot-check list, and the factors of a later case", async () => {
    const hospitals = (
      await scratch.db.institution.findMany({ where: { orgKind: "public_hospital" }, orderBy: { code: "asc" } })
    ).map((i) => i.code)
    const campaign = {
      code: "ZXZL-2025",
      title: "2025年医保基金专项治理自查自纠",
      orgKinds: ["public_hospital"],
      dataFrom: "2025-01-01",
      dataTo: "2025-09-30",
      reportDue: "2025-10-31",
      refundDue: "2025-10-31",
      source: "种子001 三（二）"
    }
    const wrong = await call("PUT", "/api/v1/self-check/campaigns/ZXZL-2025", "admin", {
      ...campaign,
      dataTo: "2024-12-31"
    })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().errors[0].path).toBe("$.dataTo")
    expect((await call("PUT", "/api/v1/self-check/campaigns/ZXZL-2025", "admin", campaign)).statusCode).toBe(200)
    const report = await call("PUT", "/api/v1/self-check/campaigns/ZXZL-2025/reports", "jihe", {
      institutionCode: hospitals[0],
      submittedOn: "2025-10-20",
      commitmentSigned: true,
      problems: ["超限价收费", "分解住院"],
      refunds: [{ amount: 5000, paidOn: "2025-10-25", violation: "A38-3-OVER_STANDARD_CHARGE" }]
    })
    expect(report.statusCode, report.body).toBe(204)
    const stats = (await call("GET", "/api/v1/self-check/campaigns/ZXZL-2025/statistics", "admin")).json()
    expect(stats.rows.length).toBe(hospitals.length)
    expect(stats.rows[0]).toMatchObject({
      institutionCode: hospitals[0],
      reportedOnTime: true,
      problems: 2,
      refundedByDeadline: 5000,
      spotCheck: null
    })
    expect(
      stats.rows.slice(1).every((r: { spotCheck: string | null }) => r.spotCheck?.includes("未报送自查报告"))
    ).toBe(true)
    expect(stats.totals).toMatchObject({
      reported: 1,
      commitments: 1,
      refundedByDeadline: 5000,
      spotCheck: hospitals.length - 1
    })

    // A later case at the same hospital on a problem of the campaign's scope and window: refunded in
    // full by the deadline → the mitigating factor; at a hospital that did not report → aggravating.
    const assessFor = async (code: string) => {
      const opened = await call("POST", "/api/v1/cases", "shenhe", {
        source: "complaint",
        institutionCode: code,
        discoveredOn: today,
        summary: "超限价收费",
        references: [`JB-${code}-2`]
      })
      const id = opened.json().id
      const step = async (user: Username, action: string, input: unknown) => {
        const { revision } = (await call("GET", `/api/v1/cases/${id}`, "admin")).json()
        const res = await call("POST", `/api/v1/cases/${id}/steps`, user, { action, revision, input })
        expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
      }
      await step("shenhe", "submit_filing", { opinion: "立案" })
      await step("jihe", "review_filing", { opinion: "同意" })
      await step("admin", "approve_filing", { opinion: "同意" })
      await step("shenhe", "assess", {
        summary: "超限价收费 4000 元",
        facts: {
          subject: { kind: "institution", orgKind: "public_hospital" },
          violations: [
            { code: "A38-3-OVER_STANDARD_CHARGE", amount: 4000, occurredFrom: "2025-03-01", occurredTo: "2025-06-30" }
          ]
        }
      })
      const entry = await scratch.db.caseEntry.findFirstOrThrow({ where: { caseId: id, action: "assess" } })
      return entry.details as unknown as {
        facts: { factors: Record<string, boolean> }
        selfCheck?: ReadonlyArray<string>
      }
    }
    const lenient = await assessFor(hospitals[0]!)
    expect(lenient.facts.factors).toEqual({ refundedInFullByDeadline: true })
    expect(lenient.selfCheck?.[0]).toContain("医保函〔2020〕9号")
    const severe = await assessFor(hospitals[1]!)
    expect(severe.facts.factors).toEqual({ ignoredSelfCheckList: true })
  })
})
