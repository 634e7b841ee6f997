/**
 * Credit and points over HTTP (inject, SQLite) in the demo county: two penalty cases on the county
 * hospital decided through the whole procedure; its doctor reaches 12 points in 2025 (终止, no
 * re-registration for a year) and its pharmacist 9 (暂停 for the 3 months chosen, lifted on time, the
 * points reset in 2026); every refusal names its field; names and national codes masked for roles
 * without `personal-data:unmasked`; a 卫生院's reviewer sees only its own institutions' staff; the
 * hospital's credit record shows events and counts and no grade; a joint-punishment notice reaches
 * the health commission's inbox; a publication approved by a second person is listed publicly with
 * names and identifiers masked.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { jointPunishmentNoticesFor, upsertUser } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { decidePenaltyCase, type CaseRequester } from "@fundguard/demo"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { password, seedCounty, signInAll, today, type CountyFixture, type Username } from "./utils/county.js"

const hospital = "H50023500001"
const clinic = "H50023500008"

describe("credit and points over HTTP (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let county: CountyFixture
  let tokens: Record<Username | "juzhang2", string>
  let clock = new Date(`${today}T02:00:00Z`)
  const cases: Array<{ id: string; decidedOn: string }> = []
  const people: Record<string, string> = {}

  const call = (method: "GET" | "POST", url: string, user: Username | "juzhang2" | null, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: user === null ? {} : { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-credit-api-"))
    county = await seedCounty(scratch.db, evidenceDir)
    // A second leader, so that a publication can be approved by someone other than its proposer.
    await upsertUser(
      scratch.db,
      { id: null, name: "test", ip: null },
      {
        username: "juzhang2",
        displayName: "赵副局长",
        role: "admin",
        unitId: "BUREAU",
        department: null,
        password
      }
    )
    const as = (username: Username, name: string, role: CaseRequester["role"]): CaseRequester => ({
      actor: { id: county.userIds[username], name, ip: null },
      role
    })
    const officers = {
      handler: as("shenhe", "李审核", "reviewer"),
      reviewer: as("jihe", "王稽核", "supervisor"),
      approver: as("admin", "管理员", "admin")
    }
    const facts = (code: string, amount: number) => ({
      subject: { kind: "institution", orgKind: "public_hospital", hospLv: "1" },
      violations: [{ code, amount, occurredFrom: "2025-06-01", occurredTo: "2025-06-30" }]
    })
    const options = { calendar: chineseWorkingCalendar(), evidenceDir }
    cases.push(
      await decidePenaltyCase(scratch.db, options, {
        institutionCode: hospital,
        summary: "超标准收费 6000 元",
        reference: "JB-C-1",
        facts: facts("A38-3-OVER_STANDARD_CHARGE", 6000),
        openedOn: "2025-09-01",
        officers
      }),
      await decidePenaltyCase(scratch.db, options, {
        institutionCode: hospital,
        summary: "过度检查 8000 元",
        reference: "JB-C-2",
        facts: facts("A38-2-OVER_PRESCRIPTION", 8000),
        openedOn: "2025-10-01",
        officers
      })
    )
    app = await buildApp({ db: scratch.db, now: () => clock, evidenceDir, sessionTtlMinutes: 60 * 24 * 400 })
    await app.ready()
    const signedIn = await signInAll(app)
    const second = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "juzhang2", password }
    })
    tokens = { ...signedIn, juzhang2: (second.json() as { token: string }).token }
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("registers practitioners within the caller's scope, refusing bad input by field", async () => {
    const bad = await call("POST", "/api/v1/practitioners", "jihe", {
      nationalCode: "d5002",
      name: "",
      kind: "surgeon",
      institutionCode: hospital
    })
    expect(bad.statusCode).toBe(400)
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort()
    ).toEqual(["$.kind", "$.name", "$.nationalCode"])
    expect(bad.json().errors.find((e: { path: string }) => e.path === "$.nationalCode").message).toContain(
      "国家医保人员代码"
    )
    const outside = await call("POST", "/api/v1/practitioners", "caotang", {
      nationalCode: "D500235000009",
      name: "钱多多",
      kind: "doctor",
      institutionCode: hospital
    })
    // A 卫生院's reviewer reads credit but does not record it.
    expect(outside.statusCode).toBe(403)
    expect(outside.json().code).toBe("Forbidden")
    for (const [key, nationalCode, name, kind, institutionCode, user] of [
      ["doctor", "D500235000001", "王大明", "doctor", hospital, "jihe"],
      ["pharmacist", "Y500235000002", "周小敏", "pharmacist", hospital, "jihe"],
      ["village", "D500235000003", "李乡医", "doctor", clinic, "jihe"]
    ] as const) {
      const res = await call("POST", "/api/v1/practitioners", user, { nationalCode, name, kind, institutionCode })
      expect(res.statusCode, res.body).toBe(201)
      people[key] = res.json().id
    }
    const unknown = await call("POST", "/api/v1/practitioners", "admin", {
      nationalCode: "D500235000008",
      name: "钱多多",
      kind: "doctor",
      institutionCode: "H99999999999"
    })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toEqual([{ path: "$.institutionCode", message: expect.stringContaining("不存在") }])
    const twice = await call("POST", "/api/v1/practitioners", "jihe", {
      nationalCode: "D500235000001",
      name: "王大明",
      kind: "doctor",
      institutionCode: hospital
    })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().detail).toContain("已登记")
  })

  it("refuses points that the source does not allow, naming the field", async () => {
    const points = (body: Record<string, unknown>) =>
      call("POST", `/api/v1/practitioners/${people["doctor"]}/points`, "jihe", {
        decidedOn: "2025-09-20",
        points: 5,
        responsibility: "primary",
        source: "case",
        sourceId: cases[0]!.id,
        event: "机构因条例第三十八条受到行政处罚",
        ...body
      })
    const expectField = async (body: Record<string, unknown>, path: string, text: string) => {
      const res = await points(body)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().errors).toEqual([{ path, message: expect.stringContaining(text) }])
    }
    await expectField({ points: 7 }, "$.points", "4–6分")
    await expectField({ points: 0 }, "$.points", "1 至 12")
    await expectField({ sourceId: county.cases.hospital }, "$.sourceId", "尚未作出处罚决定")
    await expectField({ sourceId: "ZZ-NONE" }, "$.sourceId", "不存在")
    await expectField({ decidedOn: "2025-09-01" }, "$.decidedOn", "早于处理决定日期")
    await expectField({ decidedOn: "2025-12-01" }, "$.decidedOn", "晚于今天")
    await expectField({ decidedOn: "2025-02-30" }, "$.decidedOn", "yyyy-MM-dd")
    await expectField({ suspensionMonths: 7 }, "$.suspensionMonths", "1–6")
    await expectField({ responsibility: "total" }, "$.responsibility", "general")
    // A village doctor cannot be scored for the hospital's case.
    const other = await call("POST", `/api/v1/practitioners/${people["village"]}/points`, "jihe", {
      decidedOn: "2025-09-20",
      points: 5,
      responsibility: "primary",
      source: "case",
      sourceId: cases[0]!.id,
      event: "—"
    })
    expect(other.statusCode).toBe(400)
    expect(other.json().errors[0]).toMatchObject({
      path: "$.sourceId",
      message: expect.stringContaining("所在定点医药机构")
    })
    // A department has no credit rights at all.
    expect((await call("GET", "/api/v1/practitioners", "weijian")).statusCode).toBe(403)
    expect(await scratch.db.paymentPointEvent.count()).toBe(0)
  })

  it("suspends at 9 and terminates at 12 points in a year, with the dates the scheme gives", async () => {
    const record = async (who: string, decidedOn: string, points: number, source: number, extra = {}) => {
      const res = await call("POST", `/api/v1/practitioners/${people[who]}/points`, "jihe", {
        decidedOn,
        points,
        responsibility: points >= 6 ? "primary" : "important",
        source: "case",
        sourceId: cases[source]!.id,
        event: "机构因条例第三十八条受到行政处罚，本人负有责任",
        ...extra
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().status
    }
    expect(await record("doctor", "2025-09-20", 6, 0)).toMatchObject({
      state: "normal",
      yearPoints: 6,
      toSuspension: 3
    })
    expect(await record("doctor", "2025-10-20", 6, 1)).toMatchObject({
      state: "terminated",
      from: "2025-10-20",
      until: "2026-10-19",
      liftedOn: "2026-10-20",
      singleEvent: false,
      yearPoints: 12,
      fundSettles: false
    })
    expect(await record("pharmacist", "2025-09-20", 5, 0)).toMatchObject({ state: "normal", yearPoints: 5 })
    expect(await record("pharmacist", "2025-10-20", 4, 1, { suspensionMonths: 3 })).toMatchObject({
      state: "suspended",
      from: "2025-10-20",
      until: "2026-01-19",
      liftedOn: "2026-01-20"
    })
    // One event is scored once per person.
    const again = await call("POST", `/api/v1/practitioners/${people["doctor"]}/points`, "jihe", {
      decidedOn: "2025-10-21",
      points: 4,
      responsibility: "general",
      source: "case",
      sourceId: cases[1]!.id,
      event: "重复"
    })
    expect(again.statusCode).toBe(400)
    expect(again.json().errors).toEqual([{ path: "$.sourceId", message: expect.stringContaining("不重复记分") }])
    const history = (await call("GET", `/api/v1/practitioners/${people["doctor"]}`, "admin")).json()
    expect(history.events.map((e: { points: number }) => e.points)).toEqual([6, 6])
    expect(history.years).toEqual([{ year: 2025, points: 12 }])
    expect(history.periods).toEqual([
      expect.objectContaining({ kind: "termination", from: "2025-10-20", until: "2026-10-19", length: 1 })
    ])
    expect(history.scheme.sources.join("")).toContain("医保发〔2024〕23号")
    expect(history.practitioner.name).toBe("王大明")
  })

  it("scores an agreement measure only once decided with 违约金, within tier 1–3", async () => {
    const score = (sourceId: string, points: number) =>
      call("POST", `/api/v1/practitioners/${people["village"]}/points`, "jihe", {
        decidedOn: today,
        points,
        responsibility: "general",
        source: "agreement_measure",
        sourceId,
        event: "村卫生室受到支付违约金的协议处理，本人负有责任"
      })
    // The fixture's 追回 on the clinic is still proposed.
    const undecided = await score(county.measures.caotang, 1)
    expect(undecided.statusCode).toBe(400)
    expect(undecided.json().errors[0]).toMatchObject({
      path: "$.sourceId",
      message: expect.stringContaining("尚未决定")
    })
    const proposed = await call("POST", "/api/v1/agreement-measures", "shenhe", {
      institutionCode: clinic,
      action: "liquidated_damages",
      reason: "违反服务协议，支付违约金",
      amount: 500
    })
    expect(proposed.statusCode, proposed.body).toBe(201)
    const id = proposed.json().id
    expect((await call("POST", `/api/v1/agreement-measures/${id}/review`, "jihe")).statusCode).toBe(204)
    expect(
      (await call("POST", `/api/v1/agreement-measures/${id}/statement`, "jihe", { statement: "无异议", on: today }))
        .statusCode
    ).toBe(204)
    expect(
      (await call("POST", `/api/v1/agreement-measures/${id}/decision`, "admin", { decision: "同意" })).statusCode
    ).toBe(204)
    const tooMany = await score(id, 4)
    expect(tooMany.statusCode).toBe(400)
    expect(tooMany.json().errors).toEqual([{ path: "$.points", message: expect.stringContaining("1–3分") }])
    const scored = await score(id, 2)
    expect(scored.statusCode, scored.body).toBe(201)
    expect(scored.json().status).toMatchObject({ state: "normal", yearPoints: 2 })
  })

  it("masks names and national codes for roles without personal-data:unmasked, within each unit's scope", async () => {
    const list = async (user: Username) => (await call("GET", "/api/v1/practitioners", user)).json()
    const admin = await list("admin")
    expect(admin.unmasked).toBe(true)
    expect(admin.items.map((p: { name: string }) => p.name).sort()).toEqual(["周小敏", "李乡医", "王大明"].sort())
    const reviewer = await list("shenhe")
    expect(reviewer.unmasked).toBe(false)
    const doctor = reviewer.items.find((p: { id: string }) => p.id === people["doctor"])
    expect(doctor).toMatchObject({ name: "王**", nationalCode: "D50********01", status: { state: "terminated" } })
    expect(JSON.stringify(reviewer)).not.toMatch(/王大明|周小敏|D500235000001/)
    // The 草堂镇卫生院's reviewer sees its village clinic's doctor only, and not the hospital's people.
    expect((await list("caotang")).items.map((p: { id: string }) => p.id)).toEqual([people["village"]])
    expect((await call("GET", `/api/v1/practitioners/${people["doctor"]}`, "caotang")).statusCode).toBe(404)
    const masked = (await call("GET", `/api/v1/practitioners/${people["doctor"]}`, "shenhe")).json()
    expect(masked.practitioner.name).toBe("王**")
    const views = await scratch.db.auditEvent.findMany({
      where: { entityId: people["doctor"]!, action: "practitioner.view" }
    })
    expect(views.map((v) => (v.details as { unmasked: boolean }).unmasked)).toEqual(
      expect.arrayContaining([false, true])
    )
  })

  it("lifts the suspension on time and resets the points in the new year", async () => {
    clock = new Date("2026-01-19T02:00:00Z")
    const on = async () =>
      (await call("GET", `/api/v1/practitioners/${people["pharmacist"]}`, "admin")).json().practitioner.status
    expect(await on()).toMatchObject({ state: "suspended", yearPoints: 0 })
    clock = new Date("2026-01-20T02:00:00Z")
    expect(await on()).toMatchObject({ state: "normal", yearPoints: 0, toSuspension: 9, fundSettles: true })
    const doctor = (await call("GET", `/api/v1/practitioners/${people["doctor"]}`, "admin")).json().practitioner.status
    expect(doctor).toMatchObject({ state: "terminated", yearPoints: 0, liftedOn: "2026-10-20" })
    clock = new Date(`${today}T02:00:00Z`)
  })

  it("shows the hospital's credit record as events and counts, without a grade", async () => {
    const record = (await call("GET", `/api/v1/institutions/${hospital}/credit`, "shenhe")).json()
    expect(record.institution).toEqual({ code: hospital, name: "奉节县人民医院" })
    expect(record.counts).toEqual(
      expect.arrayContaining([
        { kind: "penalty_decision", label: "行政处罚决定", count: 2 },
        { kind: "practitioner_points", label: "相关人员医保支付资格记分", count: 4 }
      ])
    )
    expect(
      record.events.filter((e: { kind: string }) => e.kind === "penalty_decision").map((e: { on: string }) => e.on)
    ).toEqual(cases.map((c) => c.decidedOn).reverse())
    expect(record.gradeNote).toContain("不评定等级")
    expect(JSON.stringify(record)).not.toMatch(/"grade"/)
    expect(record.practitioners.map((p: { name: string }) => p.name).sort()).toEqual(["周**", "王**"])
    expect((await call("GET", `/api/v1/institutions/${hospital}/credit`, "caotang")).statusCode).toBe(404)
    expect((await call("GET", "/api/v1/institutions/zz-none/credit", "admin")).statusCode).toBe(404)
  })

  it("sends a joint-punishment notice to the health commission's inbox, for a person with poor credit only", async () => {
    const notice = (body: Record<string, unknown>) =>
      call("POST", "/api/v1/joint-punishment-notices", "jihe", {
        department: "health_commission",
        subject: "practitioner",
        subjectId: people["doctor"],
        reason: "年度累计记分达到12分，已终止医保支付资格",
        request: "请依法处理并反馈",
        ...body
      })
    const clean = await notice({ subjectId: people["village"] })
    expect(clean.statusCode).toBe(400)
    expect(clean.json().errors[0]).toMatchObject({ path: "$.subjectId", message: expect.stringContaining("失信") })
    const badDepartment = await notice({ department: "tax_bureau" })
    expect(badDepartment.statusCode).toBe(400)
    expect(badDepartment.json().errors[0].path).toBe("$.department")
    const noCase = await notice({ subject: "institution", subjectId: hospital })
    expect(noCase.json().errors[0].path, noCase.body).toBe("$.caseId")
    expect((await notice({})).statusCode).toBe(201)
    expect(
      (
        await notice({
          subject: "institution",
          subjectId: hospital,
          caseId: cases[1]!.id,
          department: "market_regulation"
        })
      ).statusCode
    ).toBe(201)
    const inbox = await jointPunishmentNoticesFor(scratch.db, "health_commission")
    expect(inbox).toEqual([expect.objectContaining({ subjectName: "王大明", institutionCode: hospital })])
    expect(await jointPunishmentNoticesFor(scratch.db, "police")).toEqual([])
    const listed = (await call("GET", "/api/v1/joint-punishment-notices", "shenhe")).json().items
    expect(listed.map((n: { subjectName: string }) => n.subjectName).sort()).toEqual(["奉节县人民医院", "王**"])
    expect((await call("GET", "/api/v1/joint-punishment-notices", "caotang")).json().items).toEqual([])
  })

  it("publishes a decision approved by a second person, masked, on the public list", async () => {
    const undecided = await call("POST", "/api/v1/publications", "jihe", {
      caseId: county.cases.hospital,
      title: "—",
      summary: "—"
    })
    expect(undecided.statusCode).toBe(400)
    expect(undecided.json().errors[0].path).toBe("$.caseId")
    const proposed = await call("POST", "/api/v1/publications", "admin", {
      caseId: cases[1]!.id,
      title: "奉节县人民医院过度检查案",
      summary:
        "经查，奉节县人民医院无指征开展检查 8000 元，责任医师王大明（代码 D500235000001，身份证 500235198001011234），药师周小敏。询问医务科科长孙建国。"
    })
    expect(proposed.statusCode, proposed.body).toBe(201)
    const id = proposed.json().id
    const own = await call("POST", `/api/v1/publications/${id}/approval`, "admin")
    expect(own.statusCode).toBe(409)
    expect(own.json().detail).toContain("提出人以外")
    expect((await call("POST", `/api/v1/publications/${id}/approval`, "jihe")).statusCode).toBe(403)
    expect((await call("GET", "/api/v1/public/exposures", null)).json().items).toEqual([])
    expect((await call("POST", `/api/v1/publications/${id}/approval`, "juzhang2")).statusCode).toBe(204)
    expect((await call("POST", `/api/v1/publications/${id}/approval`, "juzhang2")).statusCode).toBe(409)
    const open = await call("GET", "/api/v1/public/exposures", null)
    expect(open.statusCode).toBe(200)
    const [item] = open.json().items
    expect(item).toMatchObject({
      title: "奉节县人民医院过度检查案",
      institutionName: "奉节县人民医院",
      decisionNumber: expect.stringMatching(/医保罚〔2025〕\d+号/),
      publishedOn: today
    })
    expect(item.summary).toContain("责任医师王**")
    expect(item.summary).toContain("药师周**")
    expect(item.summary).toContain("孙**")
    expect(open.body).not.toMatch(/王大明|周小敏|孙建国|D500235000001|500235198001011234/)
    expect(Object.keys(item).sort()).toEqual([
      "decisionNumber",
      "id",
      "institutionName",
      "publishedOn",
      "summary",
      "title"
    ])
    expect(
      await scratch.db.auditEvent.count({
        where: { entityId: id, action: { in: ["publication.propose", "publication.approve"] } }
      })
    ).toBe(2)
  })
})
