/**
 * Transfers over HTTP (inject, SQLite and PostgreSQL) between the demo county's bureau and two departments that use the
 * API with their own keys: the health commission and the police. A transfer is drafted, approved by the
 * head (not by its drafter), sent and numbered; the health commission signs the receipt, asks for materials
 * (only after signing), gets them and answers; it sends the bureau a transfer of its own, which the bureau
 * signs for and opens as a case; the police's limits run across National Day; the yearly report is
 * generated from the ledger and completes the reporting duty. No department reads or touches another's
 * transfer; every department call is audited; keys are rotated and revoked.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import ExcelJS from "exceljs"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { seedCounty, signInAll, signInNewAccount, today, type CountyFixture, type Username } from "./utils/county.js"

describe.each(["sqlite", "postgresql"] as const)("transfers with other departments over HTTP on %s", (provider) => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let county: CountyFixture
  let tokens: Record<Username, string>
  let clock = new Date(`${today}T02:00:00Z`)
  const keys: Record<string, string> = {}

  const as = (token: string, method: "GET" | "POST", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    })
  const call = (method: "GET" | "POST", url: string, user: Username, payload?: unknown) =>
    as(tokens[user], method, url, payload)
  const view = async (id: string, user: Username = "jihe") =>
    (await call("GET", `/api/v1/transfers/${id}`, user)).json()
  const step = async (id: string, user: Username, body: unknown) => {
    const { revision } = await view(id)
    return call("POST", `/api/v1/transfers/${id}/steps`, user, { revision, step: body })
  }
  /** Another account (a role in a unit), signed in: its token. */
  const account = (username: string, role: "supervisor" | "reviewer", unitId: string) =>
    signInNewAccount(app, scratch.db, { username, role, unitId })
  const inboxStep = async (key: string, id: string, body: unknown) => {
    const { revision } = (await as(key, "GET", `/api/v1/inbox/transfers/${id}`)).json()
    return as(key, "POST", `/api/v1/inbox/transfers/${id}/steps`, { revision, step: body })
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-transfers-api-"))
    county = await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({ db: scratch.db, now: () => clock, evidenceDir, sessionTtlMinutes: 60 * 24 * 400 })
    await app.ready()
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("an administrator creates each department's API client; the key is shown once and only its hash is kept", async () => {
    for (const department of ["health_commission", "police"] as const) {
      const created = await call("POST", "/api/v1/department-clients", "admin", {
        department,
        name: `${department} 系统`
      })
      expect(created.statusCode).toBe(201)
      keys[department] = created.json().key
      expect(keys[department]).toMatch(/^fgd_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/)
    }
    const listed = await call("GET", "/api/v1/department-clients", "admin")
    expect(JSON.stringify(listed.json())).not.toContain(keys.police!.slice(18))
    const stored = await scratch.db.departmentClient.findMany()
    expect(stored.map((c) => c.secretHash).join()).not.toContain(keys.police!.slice(18))
    // Only administrators manage clients; a department's key reaches its inbox and nothing of the bureau's.
    expect(
      (await call("POST", "/api/v1/department-clients", "jihe", { department: "police", name: "x" })).statusCode
    ).toBe(403)
    expect((await as(keys.police!, "GET", "/api/v1/inbox/transfers")).statusCode).toBe(200)
    expect((await as(keys.police!, "GET", "/api/v1/transfers")).statusCode).toBe(403)
    expect((await as(keys.police!, "GET", "/api/v1/cases")).statusCode).toBe(403)
    const forged = `${keys.police!.slice(0, -1)}${keys.police!.endsWith("A") ? "B" : "A"}`
    expect((await as(forged, "GET", "/api/v1/inbox/transfers")).statusCode).toBe(401)
  })

  it("an outgoing transfer to the health commission: drafted, approved by the head only, sent and numbered", async () => {
    const bad = await call("POST", "/api/v1/transfers", "jihe", {
      department: "health_commission",
      institutionCode: "H50023500001",
      violations: ["NOT-A-CODE"],
      facts: "",
      officers: [],
      materials: []
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(["$.violations[0]", "$.facts"])
    )
    const id = county.transfers.hospital
    expect((await view(id)).status).toBe("awaiting_approval")
    // A department sees nothing of a draft.
    expect((await as(keys.health_commission!, "GET", `/api/v1/inbox/transfers/${id}`)).statusCode).toBe(404)
    expect((await step(id, "jihe", { _tag: "approve" })).statusCode).toBe(403)
    expect((await step(id, "jihe", { _tag: "send" })).statusCode).toBe(409)
    // The national rules ask only for the letter and the evidence (no 宁夏 7-working-day limit here).
    const draft = await view(id)
    expect(draft.missingMaterials).toEqual(["有关证据材料"])
    expect(draft.deadlines).toEqual([])
    expect(draft.sources.join()).not.toContain("宁夏")
    // Incomplete, it is not approved (an approved transfer could never be sent), naming what is missing …
    const unapprovable = await step(id, "admin", { _tag: "approve" })
    expect(unapprovable.statusCode).toBe(409)
    expect(unapprovable.json().detail).toContain("移送材料不全，须附：有关证据材料")
    expect((await view(id)).status).toBe("awaiting_approval")
    // … and the draft stays open: its officer adds the evidence (补正材料), then the head approves.
    expect((await view(id, "jihe")).nextSteps.map((s: { kind: string }) => s.kind)).toContain("supplement")
    expect(
      (
        await step(id, "jihe", {
          _tag: "supplement",
          materials: [{ kind: "evidence", title: "违法违规明细及证据材料", pages: 36 }]
        })
      ).statusCode
    ).toBe(200)
    expect((await view(id)).missingMaterials).toEqual([])
    expect((await step(id, "admin", { _tag: "approve" })).statusCode).toBe(200)
    expect((await step(id, "jihe", { _tag: "send" })).statusCode).toBe(200)
    expect((await view(id)).number).toMatch(/医保案移〔2025〕1号$/)
  })

  it("the health commission signs the receipt, asks for materials only after signing, and answers", async () => {
    const id = county.transfers.hospital
    const health = keys.health_commission!
    const inbox = (await as(health, "GET", "/api/v1/inbox/transfers")).json()
    expect(inbox.items.map((t: { id: string }) => t.id)).toEqual([id])
    expect((await as(keys.police!, "GET", "/api/v1/inbox/transfers")).json().items).toEqual([])
    // No way to refuse: asking for materials before the receipt is signed is refused.
    const early = await inboxStep(health, id, { _tag: "request_supplement", missing: ["检验报告"] })
    expect(early.statusCode).toBe(409)
    expect(early.json().detail).toContain("不得以材料不全为由不接受移送")
    // The bureau cannot sign the department's receipt.
    expect((await step(id, "jihe", { _tag: "receive", signedBy: "王稽核" })).statusCode).toBe(403)
    expect((await inboxStep(health, id, { _tag: "receive", signedBy: "县卫健委 刘某" })).statusCode).toBe(200)
    expect((await inboxStep(health, id, { _tag: "request_supplement", missing: ["检验报告"] })).statusCode).toBe(200)
    const waiting = await view(id)
    expect(waiting.status).toBe("awaiting_supplement")
    expect(waiting.nextSteps.map((s: { kind: string }) => s.kind)).toEqual(["supplement"])
    expect(
      (
        await step(id, "jihe", {
          _tag: "supplement",
          materials: [{ kind: "test_report", title: "CT检查适应证鉴定意见", pages: 4 }]
        })
      ).statusCode
    ).toBe(200)
    expect(
      (await inboxStep(health, id, { _tag: "result", outcome: "disciplined", summary: "对涉事医师给予警告" }))
        .statusCode
    ).toBe(200)
    const closed = await view(id)
    expect(closed.status).toBe("closed")
    expect(closed.materials).toHaveLength(3)
    expect(closed.events.map((e: { kind: string; side: string }) => `${e.kind}:${e.side}`)).toEqual([
      "supplement:bureau",
      "approve:bureau",
      "send:bureau",
      "receive:department",
      "request_supplement:department",
      "supplement:bureau",
      "result:department"
    ])
    // The letter and the signed receipt, for both sides.
    const letter = await as(health, "GET", `/api/v1/inbox/transfers/${id}/document`)
    expect(letter.statusCode).toBe(200)
    expect(letter.headers["content-type"]).toBe("application/pdf")
    expect(letter.rawPayload.subarray(0, 5).toString()).toBe("%PDF-")
    const receipt = await call("GET", `/api/v1/transfers/${id}/document?kind=receipt&format=html`, "jihe")
    expect(receipt.body).toContain("县卫健委 刘某")
    expect(receipt.body).toContain("CT检查适应证鉴定意见")
    // Another department's transfer is not found, whatever it asks.
    expect((await as(keys.police!, "GET", `/api/v1/inbox/transfers/${id}`)).statusCode).toBe(404)
    expect((await as(keys.police!, "GET", `/api/v1/inbox/transfers/${id}/document`)).statusCode).toBe(404)
    const foreign = await as(keys.police!, "POST", `/api/v1/inbox/transfers/${id}/steps`, {
      revision: 6,
      step: { _tag: "result", outcome: "filed", summary: "x" }
    })
    expect(foreign.statusCode).toBe(404)
    expect(foreign.body).not.toContain("卫生健康")
  })

  it("the health commission sends the bureau a transfer; the bureau signs, and it becomes a case", async () => {
    const health = keys.health_commission!
    const bad = await as(health, "POST", "/api/v1/inbox/transfers", {
      institutionCode: "H50023500008",
      discoveredOn: "2999-01-01",
      violations: ["A38-1-BED_HANGING"],
      facts: "住院患者不在床",
      materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe("$.discoveredOn")
    const sent = await as(health, "POST", "/api/v1/inbox/transfers", {
      number: "奉卫移〔2025〕3号",
      institutionCode: "H50023500008",
      discoveredOn: "2025-11-18",
      violations: ["A38-1-BED_HANGING"],
      listItems: [1],
      facts: "行业检查发现住院患者3人不在床",
      materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
    })
    expect(sent.statusCode).toBe(201)
    const id = sent.json().id
    // Within the unit scope of 草堂镇卫生院, not another's.
    expect((await call("GET", `/api/v1/transfers/${id}`, "caotang")).statusCode).toBe(200)
    expect((await call("GET", "/api/v1/transfers?direction=incoming", "caotang")).json().items).toHaveLength(1)
    const opening = await call("POST", `/api/v1/transfers/${id}/case`, "jihe", { revision: 1 })
    expect(opening.statusCode).toBe(409)
    expect((await step(id, "jihe", { _tag: "receive", signedBy: "王稽核" })).statusCode).toBe(200)
    const opened = await call("POST", `/api/v1/transfers/${id}/case`, "jihe", { revision: 2 })
    expect(opened.statusCode).toBe(201)
    const caseView = (await call("GET", `/api/v1/cases/${opened.json().caseId}`, "jihe")).json()
    expect(JSON.stringify(caseView)).toContain("奉卫移〔2025〕3号")
    expect((await view(id)).caseId).toBe(opened.json().caseId)
    // The bureau feeds back the result.
    expect((await step(id, "jihe", { _tag: "result", outcome: "filed", summary: "已立案调查" })).statusCode).toBe(200)
    expect((await as(health, "GET", `/api/v1/inbox/transfers/${id}`)).json().status).toBe("closed")
  })

  it("a transfer to the police: the head's 3 days and the police's 3 days run across National Day", async () => {
    clock = new Date("2025-09-30T01:00:00Z")
    const toPolice = {
      department: "police",
      institutionCode: "H50023500001",
      violations: ["A40-3-FICTITIOUS_SERVICE"],
      facts: "虚构诊疗项目骗取医保基金8万元",
      amount: 80_000,
      officers: ["王稽核"],
      materials: [
        { kind: "transfer_letter", title: "涉嫌犯罪案件移送书", pages: 2 },
        { kind: "investigation_report", title: "调查报告", pages: 12 }
      ]
    }
    // One officer: refused at once (国务院令第310号: two or more), since no later step could add one.
    const one = await call("POST", "/api/v1/transfers", "jihe", toPolice)
    expect(one.statusCode).toBe(400)
    expect(one.json().errors).toEqual([{ path: "$.officers", message: expect.stringContaining("2名以上") }])
    const drafted = await call("POST", "/api/v1/transfers", "jihe", { ...toPolice, officers: ["王稽核", "张稽核"] })
    expect(drafted.statusCode).toBe(201)
    const id = drafted.json().id
    const approval = (await view(id)).deadlines[0]
    // 3 days from 09-30 end on 10-03, a holiday: the last day is the next working day, 10-09.
    expect([approval.key, approval.dueOn, approval.state]).toEqual(["approval", "2025-10-09", "open"])
    clock = new Date("2025-10-09T01:00:00Z")
    expect((await step(id, "admin", { _tag: "approve" })).statusCode).toBe(200)
    clock = new Date("2025-10-10T02:00:00Z")
    expect((await step(id, "jihe", { _tag: "send" })).statusCode).toBe(200)
    const late = (await view(id)).deadlines.find((d: { key: string }) => d.key === "handover")
    expect([late.dueAt, late.state]).toEqual(["2025-10-10T01:00:00.000Z", "met_late"])
    expect((await inboxStep(keys.police!, id, { _tag: "receive", signedBy: "赵警官" })).statusCode).toBe(200)
    const penalty = await inboxStep(keys.police!, id, { _tag: "result", outcome: "penalised", summary: "x" })
    expect(penalty.statusCode).toBe(409)
    expect(
      (await inboxStep(keys.police!, id, { _tag: "result", outcome: "not_filed", summary: "证据不足" })).statusCode
    ).toBe(200)
    const challenge = (await view(id)).deadlines.find((d: { key: string }) => d.key === "reconsideration_request")
    expect([challenge.by, challenge.dueOn, challenge.state]).toEqual(["bureau", "2025-10-13", "open"])
    clock = new Date(`${today}T02:00:00Z`)
  })

  it("the yearly report is generated from the ledger and completes the reporting duty's task", async () => {
    const file = await call("GET", "/api/v1/transfer-reports/2025?department=health_commission", "jihe")
    expect(file.statusCode).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    const rows = sheet.getSheetValues().slice(2) as Array<Array<unknown>>
    expect(rows.map((r) => [r[3], r[5], r[10]])).toEqual([
      ["移出", "奉节县人民医院", "已办结"],
      ["移入", expect.any(String), "已办结"]
    ])
    // 宁夏's reporting duty (seed 004) does not bind this 重庆 county: submitting completes no task …
    expect(await scratch.db.dutyVersion.count({ where: { code: { startsWith: "NX-" } } })).toBe(0)
    const unbound = await call("POST", "/api/v1/transfer-reports/2025/submit", "jihe", {
      department: "health_commission"
    })
    expect([unbound.statusCode, unbound.json().taskId]).toEqual([200, null])
    // … until the bureau defines a reporting duty of its own (its evidence counts the clues transferred).
    const own = {
      code: "CQ-TRANSFER-REPORT-Y",
      title: "每年1月15日前报送上一年度移送卫健部门的线索及处理结果",
      description: "本局工作制度",
      category: "report",
      source: { seed: null, document: "本局医保基金监管工作制度", clause: "第十条", text: "", region: null },
      effectiveFrom: "2025-01-01",
      effectiveTo: null,
      responsible: { unitKind: "section", unitIds: ["SEC-JJJG"] },
      object: { kind: "none" },
      scope: "unit",
      frequency: { kind: "every", unit: "year" },
      requiredCount: 1,
      coverageTarget: 1,
      deadline: { kind: "day_of_following_month", day: 15 },
      evidence: [
        { key: "cluesTransferred", label: "移送线索（问题）数", type: "count", required: true, min: 0 },
        { key: "files", label: "报送材料", type: "files", required: true, min: 1 }
      ],
      campaign: null
    }
    expect((await call("POST", "/api/v1/duties", "admin", own)).statusCode).toBe(201)
    expect(
      (await call("POST", "/api/v1/tasks/generate", "admin", { from: "2025-01-01", through: today })).statusCode
    ).toBe(200)
    const seeded = await scratch.db.dutyTask.findFirstOrThrow({
      where: { dutyCode: "CQ-TRANSFER-REPORT-Y", periodKey: "2025" }
    })
    const submitted = await call("POST", "/api/v1/transfer-reports/2025/submit", "jihe", {
      department: "health_commission"
    })
    expect(submitted.statusCode).toBe(200)
    const task = submitted.json().taskId
    expect(task).toBe(seeded.id)
    const stored = await scratch.db.dutyTask.findUniqueOrThrow({
      where: { id: task },
      include: { completions: { include: { files: true } } }
    })
    expect(stored.completedOn).toBe(today)
    // The report itself is the evidence: its hash is the one answered.
    expect(stored.completions[0]?.files.map((f) => f.sha256)).toEqual([submitted.json().sha256])
  })

  it("every department call is audited; a rotated or revoked key stops working at once", async () => {
    const calls = await scratch.db.auditEvent.count({ where: { action: "department_api.call" } })
    expect(calls).toBeGreaterThan(10)
    const clients = (await call("GET", "/api/v1/department-clients", "admin")).json().items
    const police = clients.find((c: { department: string }) => c.department === "police")
    const rotated = await call("POST", `/api/v1/department-clients/${police.id}/rotate`, "admin")
    expect(rotated.statusCode).toBe(200)
    expect((await as(keys.police!, "GET", "/api/v1/inbox/transfers")).statusCode).toBe(401)
    const fresh = rotated.json().key
    expect((await as(fresh, "GET", "/api/v1/inbox/transfers")).statusCode).toBe(200)
    expect((await call("POST", `/api/v1/department-clients/${police.id}/revoke`, "admin")).statusCode).toBe(204)
    expect((await as(fresh, "GET", "/api/v1/inbox/transfers")).statusCode).toBe(401)
    expect((await call("POST", `/api/v1/department-clients/${police.id}/revoke`, "admin")).statusCode).toBe(404)
  })
  it("a transfer's case must exist, be within the caller's scope and be of the transfer's institution", async () => {
    // A 卫生院 supervisor: his scope is 草堂镇's institutions, not the county hospital.
    const township = await account("caotang-sup", "supervisor", "HC-CAOTANG")
    const draft = {
      department: "health_commission",
      institutionCode: "H50023500008",
      violations: ["A38-2-OVER_EXAMINATION"],
      facts: "无指征检查",
      officers: ["张医保", "李医保"],
      materials: [
        { kind: "transfer_letter", title: "移送书", pages: 1 },
        { kind: "evidence", title: "证据", pages: 3 }
      ]
    }
    const draftAs = (token: string, body: object) => as(token, "POST", "/api/v1/transfers", body)
    // Another institution's case, outside his scope, is answered like one that does not exist.
    const foreign = await draftAs(township, { ...draft, caseId: county.cases.hospital })
    const missing = await draftAs(township, { ...draft, caseId: "does-not-exist" })
    for (const refused of [foreign, missing]) {
      expect(refused.statusCode).toBe(400)
      expect(refused.json().errors).toEqual([{ path: "$.caseId", message: expect.stringMatching(/^案件 .+ 不存在$/) }])
    }
    expect(foreign.json().errors[0].message).toBe(`案件 ${county.cases.hospital} 不存在`)
    const byCase = (caseId: string) => call("GET", `/api/v1/transfers?caseId=${caseId}`, "admin")
    expect((await byCase(county.cases.hospital)).json().items).toEqual([])
    expect((await byCase("does-not-exist")).json().items).toEqual([])
    // Within the scope, but the case of another institution than the transfer's.
    const mismatch = await draftAs(tokens.jihe, { ...draft, caseId: county.cases.hospital })
    expect(mismatch.statusCode).toBe(400)
    expect(mismatch.json().errors).toEqual([{ path: "$.caseId", message: expect.stringContaining("同一机构") }])
    // Its own institution's case is taken, and the transfer shows under it.
    const own = await draftAs(township, { ...draft, caseId: county.cases.caotang })
    expect(own.statusCode).toBe(201)
    expect((await byCase(county.cases.caotang)).json().items.map((t: { id: string }) => t.id)).toEqual([own.json().id])
  })

  it("a transfer about a person is seen only bureau-wide, masked without personal-data:unmasked, and each read audited", async () => {
    const idNumber = "500235198001011234"
    const phone = "13812345678"
    const aboutPerson = {
      department: "police",
      subject: `参保人赵大勇（身份证${idNumber}，电话${phone}）`,
      violations: ["A40-3-FICTITIOUS_SERVICE"],
      facts: `冒用他人医保凭证购药，当事人身份证${idNumber}`,
      officers: ["王稽核", "张稽核"],
      materials: [
        { kind: "transfer_letter", title: "涉嫌犯罪案件移送书", pages: 2 },
        { kind: "investigation_report", title: "调查报告", pages: 5 }
      ]
    }
    // Only the bureau and its sections (局机关科室) make one: a 卫生院's supervisor may not.
    const township = await account("caotang-person-sup", "supervisor", "HC-CAOTANG")
    const byTownship = await as(township, "POST", "/api/v1/transfers", aboutPerson)
    expect(byTownship.statusCode).toBe(403)
    expect(byTownship.json().detail).toContain("须由医保局或局机关科室的人员办理")
    const drafted = await call("POST", "/api/v1/transfers", "jihe", aboutPerson)
    expect(drafted.statusCode).toBe(201)
    const id = drafted.json().id as string
    // For a 卫生院's reviewer and its supervisor it does not exist.
    const caotangToken = tokens.caotang
    for (const token of [caotangToken, township]) {
      const listed = (await as(token, "GET", "/api/v1/transfers")).json().items.map((t: { id: string }) => t.id)
      expect(listed).not.toContain(id)
      expect((await as(token, "GET", `/api/v1/transfers/${id}`)).statusCode).toBe(404)
      expect((await as(token, "GET", `/api/v1/transfers/${id}/document?format=html`)).statusCode).toBe(404)
    }
    // The section that drafted it (personal-data:unmasked) reads it whole.
    expect((await view(id, "jihe")).subject).toBe(aboutPerson.subject)
    // A reviewer of the bureau itself sees it, with the ID and phone numbers masked everywhere.
    const bureauReviewer = await account("bureau-reviewer", "reviewer", "BUREAU")
    const seen = await as(bureauReviewer, "GET", `/api/v1/transfers/${id}`)
    expect(seen.statusCode).toBe(200)
    expect(seen.json().subject).toBe("参保人赵大勇（身份证500*************34，电话138******78）")
    const listed = await as(bureauReviewer, "GET", "/api/v1/transfers")
    const letter = await as(bureauReviewer, "GET", `/api/v1/transfers/${id}/document?format=html`)
    expect(letter.statusCode).toBe(200)
    for (const body of [seen.body, listed.body, letter.body]) {
      expect(body).not.toContain(idNumber)
      expect(body).not.toContain(phone)
    }
    expect(listed.json().items.map((t: { id: string }) => t.id)).toContain(id)
    // The head (personal-data:unmasked) reads it whole.
    expect((await view(id, "admin")).subject).toBe(aboutPerson.subject)
    const views = await scratch.db.auditEvent.findMany({ where: { entityId: id, action: "transfer.view" } })
    expect(views.map((v) => [v.actorName, (v.details as { unmasked: boolean }).unmasked])).toEqual(
      expect.arrayContaining([
        ["bureau-reviewer", false],
        ["管理员", true]
      ])
    )
    const lists = await scratch.db.auditEvent.findMany({
      where: { action: "transfer.list", actorName: "bureau-reviewer" }
    })
    expect(lists.map((l) => (l.details as { transfers: Array<string> }).transfers)).toEqual([[id]])
    // A department's transfer about a person, sent to the bureau, is bureau-wide as well.
    const incoming = await as(keys.health_commission!, "POST", "/api/v1/inbox/transfers", {
      subject: `参保人钱某（身份证${idNumber}）`,
      discoveredOn: "2025-11-18",
      violations: ["A38-1-BED_HANGING"],
      facts: "冒名住院",
      materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
    })
    expect(incoming.statusCode).toBe(201)
    expect((await call("GET", `/api/v1/transfers/${incoming.json().id}`, "caotang")).statusCode).toBe(404)
    expect((await as(bureauReviewer, "GET", `/api/v1/transfers/${incoming.json().id}`)).statusCode).toBe(200)
  })

  it("an amount above ten billion yuan or a code outside the catalogue is refused in Chinese, naming the field", async () => {
    const departmentCalls = () => scratch.db.auditEvent.count({ where: { action: "department_api.call" } })
    const before = await departmentCalls()
    const incoming = await as(keys.health_commission!, "POST", "/api/v1/inbox/transfers", {
      institutionCode: "H50023500008",
      discoveredOn: "2025-11-18",
      violations: ["A38-1-BED_HANGING"],
      facts: "住院患者不在床",
      amount: 10_000_000_000.01,
      materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
    })
    expect(incoming.statusCode).toBe(400)
    expect(incoming.json().errors).toEqual([{ path: "$.amount", message: "金额不得超过 10000000000 元" }])
    // The refused call is audited too (after the answer: waited for, so the suite does not close under it).
    await expect.poll(departmentCalls, { timeout: 10_000 }).toBe(before + 1)
    const res = await call("POST", "/api/v1/transfers", "jihe", {
      department: "health_commission",
      institutionCode: "H50023500001",
      violations: ["NOT-A-CODE"],
      facts: "无指征检查",
      amount: 1e11,
      officers: ["王稽核", "张稽核"],
      materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
    })
    expect(res.statusCode).toBe(400)
    const errors = res.json().errors as Array<{ path: string; message: string }>
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: "$.amount", message: "金额不得超过 10000000000 元" },
        { path: "$.violations[0]", message: expect.stringContaining("应为违法行为目录中的代码") }
      ])
    )
  })
})
