/**
 * Cases over HTTP (inject) on SQLite and PostgreSQL with the real holiday calendar: two confirmed
 * leads proposed as one case, the case walked from 登记案源 to 结案 by three people (李审核 drafts,
 * 王稽核 复审, the 局长 审批), the gates of the law answered as 409s with the rule, 不相容岗位分离 on the
 * decision, the 文号 of each document, both money ledgers paid, and the printed documents.
 */
import { finishRun, startRun, systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { Institution } from "@fundguard/domain/kernel"
import type { Suspicion } from "@fundguard/domain/screening"
import type { FastifyInstance } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"

const password = "s3cret-for-tests"
const users = [
  { username: "juzhang", displayName: "刘局长", role: "admin", department: "医保局" },
  { username: "jihe", displayName: "王稽核", role: "supervisor", department: "基金监管科" },
  { username: "jihe2", displayName: "陈稽核", role: "supervisor", department: "基金监管科" },
  { username: "shenhe", displayName: "李审核", role: "reviewer", department: "医保中心" },
  { username: "shenhe2", displayName: "赵审核", role: "reviewer", department: "医保中心" },
  { username: "weijian", displayName: "卫健委", role: "department", department: "卫健委" }
] as const

const lead = (sn: string, amount: number): Suspicion => ({
  rule: "PRICE_OVER_CAP",
  ruleVersion: 1,
  level: "line",
  fixmedins_code: "H50023500001",
  psn_no: "500235199001011234",
  mdtrt_id: `M-${sn}`,
  setl_id: null,
  feedetl_sn: [sn],
  med_list_codg: "X1",
  date: "2025-10-02",
  amount,
  violation: "A38-3-OVER_STANDARD_CHARGE",
  evidence: { pric: 50, ceiling: 10 },
  message: `疑点 ${sn}`
})

describe.each(["sqlite", "postgresql"] as const)("cases over HTTP on %s", (provider) => {
  let scratch: ScratchDatabase
  let app: FastifyInstance
  // Monday 3 November 2025, 10:00 in Beijing.
  let clock = new Date("2025-11-03T02:00:00Z")
  const at = (day: string) => (clock = new Date(`${day}T02:00:00Z`))
  const tokens: Record<string, string> = {}
  const leads: Record<string, string> = {}

  const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` })
  const get = (url: string, user: string) => app.inject({ method: "GET", url, headers: auth(user) })
  const post = (url: string, user: string, payload: unknown) =>
    app.inject({ method: "POST", url, headers: auth(user), payload: payload as Record<string, unknown> })

  /** Carries a lead through review to 确认违规 with disposition 立案查处 (the review's own steps). */
  const confirmForCase = async (sn: string) => {
    const act = async (user: string, action: string, input: Record<string, unknown> = {}) => {
      const { revision } = (await get(`/api/v1/suspicions/${leads[sn]}`, "juzhang")).json()
      const res = await post(`/api/v1/suspicions/${leads[sn]}/steps`, user, { action, revision, ...input })
      expect(res.statusCode, res.body).toBe(200)
    }
    await act("shenhe", "first_review_confirm")
    await act("jihe", "second_review_push")
    const { revision } = (await get(`/api/v1/suspicions/${leads[sn]}`, "juzhang")).json()
    const responded = await post(`/api/v1/suspicions/${leads[sn]}/institution-response`, "shenhe", {
      revision,
      kind: "accepted",
      statement: "认可",
      receivedOn: "2025-11-03"
    })
    expect(responded.statusCode, responded.body).toBe(200)
    await act("shenhe2", "start_verification")
    await act("shenhe2", "propose_confirm", { reason: "超限价收费属实", proposal: { disposition: "case" } })
    await act("juzhang", "approve")
  }

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
      } as unknown as Institution,
      {
        code: "H50023500002",
        name: "奉节县中医院",
        orgKind: "public_hospital",
        hospitalLevel: "2",
        admdvs: "500235",
        approvedBeds: 200,
        supervisorCode: null
      } as unknown as Institution
    ])
    const run = await startRun(scratch.db, systemActor(), {
      trigger: "cli",
      extract: "demo",
      admdvs: "500235",
      periodFrom: "2025-10-01",
      periodTo: "2025-10-31",
      params: {}
    })
    await finishRun(scratch.db, systemActor(), run.id, {
      rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 3, durationMs: 5 }],
      suspicions: [lead("A", 4_000), lead("B", 2_000), lead("C", 100)]
    })
    app = await buildApp({ db: scratch.db, now: () => clock, sessionTtlMinutes: 60 * 24 * 400 })
    for (const u of users) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: u.username, password }
      })
      tokens[u.username] = res.json().token
    }
    for (const s of (await get("/api/v1/suspicions", "juzhang")).json().items) leads[s.feedetlSn[0]] = s.id
    await confirmForCase("A")
    await confirmForCase("B")
  })
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
  })

  let caseId = ""
  const detail = async (user = "shenhe") => (await get(`/api/v1/cases/${caseId}`, user)).json()
  const step = async (user: string, action: string, input: unknown) => {
    const { revision } = await detail("juzhang")
    return post(`/api/v1/cases/${caseId}/steps`, user, { action, revision, input })
  }
  const must = async (user: string, action: string, input: unknown) => {
    const res = await step(user, action, input)
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
    return res.json()
  }

  it("proposes confirmed leads as one case per institution and opens it, refusing leads not confirmed", async () => {
    const proposals = (await get("/api/v1/cases/proposals", "shenhe")).json().items
    expect(proposals).toHaveLength(1)
    expect(proposals[0]).toMatchObject({
      institutionCode: "H50023500001",
      amount: 6_000,
      discoveredOn: "2025-11-03",
      inspections: []
    })
    expect([...proposals[0].leads].sort()).toEqual([leads["A"], leads["B"]].sort())

    const unconfirmed = await post("/api/v1/cases", "shenhe", {
      source: "suspicion",
      institutionCode: "H50023500001",
      discoveredOn: "2025-11-03",
      summary: "超限价收费",
      references: [leads["A"], leads["C"]],
      inspections: ["ZZ-NO-INSPECTION"]
    })
    expect(unconfirmed.statusCode).toBe(400)
    expect(unconfirmed.json().errors).toEqual([
      { path: "$.references[1]", message: expect.stringContaining("未经审批确认为「立案查处」") },
      { path: "$.inspections[0]", message: expect.stringContaining("不是本机构已完成的现场检查") }
    ])
    expect((await post("/api/v1/cases", "weijian", proposals[0])).statusCode).toBe(403)

    const opened = await post("/api/v1/cases", "shenhe", {
      source: "suspicion",
      institutionCode: "H50023500001",
      discoveredOn: proposals[0].discoveredOn,
      summary: "超限价收费 2 条，合计 6000 元",
      references: proposals[0].leads
    })
    expect(opened.statusCode, opened.body).toBe(201)
    caseId = opened.json().id
    expect((await get("/api/v1/cases/proposals", "shenhe")).json().items).toEqual([])
    const again = await post("/api/v1/cases", "shenhe", {
      source: "suspicion",
      institutionCode: "H50023500001",
      discoveredOn: "2025-11-03",
      summary: "重复",
      references: [leads["A"]]
    })
    expect(again.json().errors[0].message).toContain("已在其他案件中")

    // Whoever registers a case drafts its filing: the 局长 who registered a complaint may not approve it.
    const complaint = await post("/api/v1/cases", "juzhang", {
      source: "complaint",
      institutionCode: "H50023500001",
      discoveredOn: "2025-11-03",
      summary: "举报：挂床住院",
      references: ["JB-2025-001"]
    })
    const complaintId = complaint.json().id
    // A registered complaint is linked by its own 立案, and only to a case on the institution it reports.
    const registered = async (institutionCode: string) => {
      const res = await post("/api/v1/complaints", "juzhang", {
        channel: "phone",
        receivedOn: "2025-11-03",
        subject: { kind: "institution", institutionCode },
        content: "挂床住院",
        informant: { anonymous: true }
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as { id: string; number: string }
    }
    const elsewhere = await registered("H50023500002")
    const own = await registered("H50023500001")
    const linked = await post("/api/v1/cases", "juzhang", {
      source: "complaint",
      institutionCode: "H50023500001",
      discoveredOn: "2025-11-03",
      summary: "举报：挂床住院",
      references: ["JB-2025-002", elsewhere.id, own.id]
    })
    expect(linked.statusCode).toBe(400)
    expect(linked.json().errors).toEqual([
      { path: "$.references[1]", message: `举报 ${elsewhere.number} 不是针对本机构的举报` },
      { path: "$.references[2]", message: `举报 ${own.number} 须在举报处理中「立案」，案件才与举报关联` }
    ])
    const onComplaint = async (user: string, action: string) => {
      const { revision } = (await get(`/api/v1/cases/${complaintId}`, "juzhang")).json()
      return post(`/api/v1/cases/${complaintId}/steps`, user, { action, revision, input: { opinion: "同意" } })
    }
    expect((await onComplaint("jihe", "submit_filing")).statusCode).toBe(200)
    expect((await onComplaint("jihe2", "review_filing")).statusCode).toBe(200)
    const ownFiling = await onComplaint("juzhang", "approve_filing")
    expect(ownFiling.statusCode).toBe(403)
    expect(ownFiling.json()).toMatchObject({ code: "SeparationOfDuties" })
    expect(ownFiling.json().detail).toContain("任何人不得审批本人经办的事项")

    const d = await detail()
    expect(d).toMatchObject({ status: "proposed", statusLabel: "待立案", number: null })
    // 立案 within 15 working days of discovery: 3 Nov 2025 + 15 working days.
    expect(d.deadlines).toEqual([expect.objectContaining({ step: "filing", dueOn: "2025-11-24", state: "open" })])
    expect(d.offered.map((o: { action: string }) => o.action)).toEqual(["submit_filing"])
  })

  it("walks the case to closure by three people, with every gate and 文号", async () => {
    await must("shenhe", "submit_filing", { opinion: "拟立案调查" })
    const self = await step("shenhe", "review_filing", { opinion: "同意" })
    expect(self.statusCode).toBe(403)
    await must("jihe", "review_filing", { opinion: "同意立案" })
    const early = await step("juzhang", "approve_filing", { opinion: "同意" })
    expect(early.statusCode, early.body).toBe(200)
    const filed = await detail()
    expect(filed.status).toBe("investigating")
    expect(filed.number).toMatch(/^测医保立〔2025〕1号$/)

    at("2025-11-05")
    const lone = await step("shenhe", "record_inquiry", {
      on: "2025-11-05",
      startTime: "09:30",
      endTime: "10:40",
      place: "医院办公室",
      person: { name: "张某", position: "院长" },
      officers: [{ name: "李审核", badge: "001" }],
      recorder: "李审核",
      questions: [{ question: "是否知悉限价？", answer: "知悉" }]
    })
    expect(lone.statusCode).toBe(400)
    expect(lone.json().errors[0].path).toBe("$.officers")
    const notice = await step("shenhe", "serve_notice", {
      servedOn: "2025-11-05",
      method: "direct",
      contact: "李审核 023-1"
    })
    expect(notice.statusCode).toBe(409)
    expect(notice.json()).toMatchObject({ code: "CaseStepRefused" })
    await must("shenhe", "record_inquiry", {
      on: "2025-11-05",
      startTime: "09:30",
      endTime: "10:40",
      place: "医院办公室",
      person: { name: "张某", position: "院长" },
      officers: [
        { name: "李审核", badge: "001" },
        { name: "赵审核", badge: "002" }
      ],
      recorder: "李审核",
      questions: [{ question: "是否知悉限价？", answer: "知悉" }]
    })
    // The person questioned is personal data: masked for a 审核员, shown to the 局长; each read recorded.
    const inquiryOf = (d: { timeline: Array<{ action: string; details: { person: { name: string } } }> }) =>
      d.timeline.find((e) => e.action === "record_inquiry")?.details.person.name
    expect(inquiryOf(await detail("shenhe"))).toBe("张*")
    expect(inquiryOf(await detail("juzhang"))).toBe("张某")
    const views = await scratch.db.auditEvent.findMany({ where: { entityId: caseId, action: "case.view" } })
    expect(views.map((v) => (v.details as { unmasked: boolean }).unmasked)).toEqual(
      expect.arrayContaining([false, true])
    )
    await must("shenhe", "record_evidence", { items: [{ name: "收费明细", kind: "书证", source: "医保结算系统" }] })
    const badFacts = await step("shenhe", "assess", {
      summary: "x",
      facts: { subject: { kind: "institution" }, violations: [] }
    })
    expect(badFacts.statusCode).toBe(400)
    expect(badFacts.json().errors.map((e: { path: string }) => e.path)).toContain("$.facts.violations[0]")
    await must("shenhe", "assess", {
      summary: "超标准收费 6000 元",
      facts: {
        subject: { kind: "institution", orgKind: "public_hospital", hospLv: "2" },
        violations: [
          { code: "A38-3-OVER_STANDARD_CHARGE", amount: 6_000, occurredFrom: "2025-10-01", occurredTo: "2025-10-31" }
        ]
      }
    })
    await must("shenhe", "serve_notice", { servedOn: "2025-11-05", method: "direct", contact: "李审核 023-1" })
    const assessed = await detail()
    expect(assessed.assessment.totals.refund).toBe(6_000)
    expect(assessed.documents.find((x: { kind: string }) => x.kind === "penalty_notice").number).toBe(
      "测医保告〔2025〕1号"
    )

    const waiting = await step("shenhe", "submit_decision", { opinion: "拟处罚" })
    expect(waiting.statusCode).toBe(409)
    expect(waiting.json().detail).toContain("陈述、申辩期")

    at("2025-11-14")
    // 6,000 yuan: neither a hearing right nor a mandatory legal review (the domain test walks both).
    expect(assessed.assessment.procedure).toMatchObject({ hearingRight: false, legalReviewRequired: false })
    await must("shenhe", "submit_decision", { opinion: "拟按基准处罚" })
    await must("jihe", "review_decision", { opinion: "同意" })
    // 王稽核 reviewed; the one who drafted cannot approve, and the approver must be a third person.
    const drafterApproves = await step("shenhe", "approve_decision", { opinion: "同意" })
    expect(drafterApproves.statusCode).toBe(403)
    const decided = await must("juzhang", "approve_decision", { opinion: "同意" })
    expect(decided).toMatchObject({ status: "decided", documentNumber: "测医保罚〔2025〕1号" })
    // The decision issued its rectification order, due 30 days later, in the same transaction.
    const orders = (await get("/api/v1/rectifications", "shenhe")).json().items
    expect(orders.filter((o: { sourceId: string }) => o.sourceId === caseId)).toEqual([
      expect.objectContaining({
        source: "case",
        dueOn: "2025-12-14",
        state: "open",
        violations: ["A38-3-OVER_STANDARD_CHARGE"]
      })
    ])

    await must("shenhe", "serve_decision", {
      servedOn: "2025-11-14",
      method: "direct",
      recipient: "张某",
      servers: ["李审核", "赵审核"]
    })
    const serving = await detail()
    const payment = serving.deadlines.find((x: { step: string }) => x.step === "payment")
    // 15 days from 14 November end on Saturday 29 November: the next working day (民法典 Art.203).
    expect(payment).toMatchObject({ by: "party", dueOn: "2025-12-01", state: "open" })
    const refusedClose = await step("shenhe", "submit_closure", { opinion: "结案" })
    expect(refusedClose.statusCode).toBe(409)
    expect(refusedClose.json().detail).toContain("未缴")
    for (const l of serving.ledgers)
      await must("shenhe", "record_payment", {
        ledger: l.ledger,
        amount: l.due,
        paidOn: "2025-11-14",
        reference: `缴款-${l.ledger}`
      })
    await must("shenhe", "submit_closure", { opinion: "款项缴清" })
    await must("jihe", "review_closure", { opinion: "同意" })
    await must("juzhang", "approve_closure", { opinion: "同意结案" })
    const closed = await detail()
    expect(closed.status).toBe("closed")
    expect(closed.ledgers.every((l: { outstanding: number }) => l.outstanding === 0)).toBe(true)
    expect(closed.control.map((c: { label: string; actorName: string }) => `${c.label}/${c.actorName}`)).toEqual([
      "初审/李审核",
      "复审/王稽核",
      "审批/刘局长",
      "初审/李审核",
      "复审/王稽核",
      "审批/刘局长",
      "初审/李审核",
      "复审/王稽核",
      "审批/刘局长"
    ])
    const audit = await scratch.db.auditEvent.findMany({ where: { entityType: "case", entityId: caseId } })
    expect(audit.map((a) => a.action)).toContain("case.approve_decision")
    // Every document the case made, printed as HTML and as PDF, with its 文号 and the party.
    const printable = closed.documents
      .filter((x: { available: boolean }) => x.available)
      .map((x: { kind: string }) => x.kind)
    expect(printable).toEqual([
      "filing_approval",
      "inquiry_record",
      "penalty_notice",
      "penalty_decision",
      "service_receipt",
      "rectification_notice"
    ])
    for (const kind of printable) {
      const html = await get(`/api/v1/cases/${caseId}/documents/${kind}`, "shenhe")
      expect(html.statusCode, `${kind}: ${html.body.slice(0, 200)}`).toBe(200)
      expect(html.headers["content-type"]).toContain("text/html")
      expect(html.body).toContain("奉节县人民医院")
      expect(html.body).toContain("测试县医疗保障局")
    }
    const decisionHtml = (await get(`/api/v1/cases/${caseId}/documents/penalty_decision`, "shenhe")).body
    expect(decisionHtml).toContain("测医保罚〔2025〕1号")
    expect(decisionHtml).toContain("第三十八条")
    const filingHtml = (await get(`/api/v1/cases/${caseId}/documents/filing_approval`, "shenhe")).body
    for (const name of ["李审核", "王稽核", "刘局长", "测医保立〔2025〕1号"]) expect(filingHtml).toContain(name)
    const pdf = await get(`/api/v1/cases/${caseId}/documents/penalty_decision/pdf`, "shenhe")
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers["content-type"]).toBe("application/pdf")
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-")
    expect((await get(`/api/v1/cases/${caseId}/documents/hearing_notice`, "shenhe")).statusCode).toBe(409)
    const prints = await scratch.db.auditEvent.count({ where: { entityId: caseId, action: "case.print" } })
    expect(prints).toBe(printable.length + 3)

    const list = (await get("/api/v1/cases", "shenhe")).json()
    expect(list.items.find((c: { id: string }) => c.id === caseId)).toMatchObject({ status: "closed", nextDueOn: null })
  })
})
