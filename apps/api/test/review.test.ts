/**
 * The review workflow over HTTP (inject) on SQLite and PostgreSQL, with the real holiday calendar:
 * steps by different people, the three-level rule, stale revisions, bulk steps, the institution's
 * response, the .xlsx export read back with exceljs, masking, and the runs list.
 */
import { finishRun, startRun, systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { Institution } from "@fundguard/domain/kernel"
import type { Suspicion } from "@fundguard/domain/screening"
import ExcelJS from "exceljs"
import type { FastifyInstance } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"

const password = "s3cret-for-tests"
const users = [
  { username: "admin", displayName: "管理员", role: "admin", department: "医保局" },
  { username: "jihe", displayName: "王稽核", role: "supervisor", department: "基金监管科" },
  { username: "jihe2", displayName: "陈稽核", role: "supervisor", department: "基金监管科" },
  { username: "shenhe", displayName: "李审核", role: "reviewer", department: "医保中心" },
  { username: "shenhe2", displayName: "赵审核", role: "reviewer", department: "医保中心" },
  { username: "weijian", displayName: "卫健委", role: "department", department: "卫健委" }
] as const

const lead = (rule: string, sn: string, amount: number, evidence: Record<string, unknown> = {}): Suspicion => ({
  rule,
  ruleVersion: 1,
  level: "line",
  fixmedins_code: "H50023500001",
  psn_no: "500235199001011234",
  mdtrt_id: `M-${sn}`,
  setl_id: null,
  feedetl_sn: [sn],
  med_list_codg: "X1",
  date: "2025-01-02",
  amount,
  violation: rule === "PRICE_OVER_CAP" ? "A38-3-OVER_STANDARD_CHARGE" : null,
  evidence: { pric: 50, ceiling: 10, ...evidence },
  message: `疑点 ${sn}`
})

describe.each(["sqlite", "postgresql"] as const)("review workflow over HTTP on %s", (provider) => {
  let scratch: ScratchDatabase
  let app: FastifyInstance
  // Tuesday 30 September 2025, 10:00 in Beijing: the National Day holiday starts the next day.
  let clock = new Date("2025-09-30T02:00:00Z")
  const tokens: Record<string, string> = {}
  const ids: Record<string, string> = {}

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
      periodFrom: "2025-01-01",
      periodTo: "2025-03-31",
      params: {}
    })
    await finishRun(scratch.db, systemActor(), run.id, {
      rules: [
        { code: "CHARGE_OUTSIDE_STAY", version: 1, status: "ran", count: 1, durationMs: 2 },
        { code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 5, durationMs: 5 }
      ],
      suspicions: [
        lead("PRICE_OVER_CAP", "A", 400, { psn_name: "张三丰" }),
        lead("PRICE_OVER_CAP", "B", 300),
        lead("PRICE_OVER_CAP", "C", 200),
        lead("PRICE_OVER_CAP", "D", 100),
        lead("PRICE_OVER_CAP", "E", 50),
        lead("CHARGE_OUTSIDE_STAY", "Q", 80, { admission: "2025-01-02", discharge: "2025-01-05" })
      ]
    })
    await startRun(scratch.db, systemActor(), {
      trigger: "schedule",
      extract: "inbox/2025Q2",
      admdvs: "500235",
      periodFrom: null,
      periodTo: null,
      params: {}
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
    const list = await get("/api/v1/suspicions", "admin")
    for (const s of list.json().items) ids[s.feedetlSn[0]] = s.id
  })
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
  })

  const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` })
  const get = (url: string, user: string) => app.inject({ method: "GET", url, headers: auth(user) })
  const post = (url: string, user: string, payload: unknown) =>
    app.inject({ method: "POST", url, headers: auth(user), payload: payload as Record<string, unknown> })
  const detail = async (sn: string, user = "admin") => (await get(`/api/v1/suspicions/${ids[sn]}`, user)).json()
  const act = async (sn: string, user: string, action: string, input: Record<string, unknown> = {}) => {
    const { revision } = await detail(sn)
    return post(`/api/v1/suspicions/${ids[sn]}/steps`, user, { action, revision, ...input })
  }

  it("lists leads with category, deadline and masking, and filters them", async () => {
    const reviewer = (await get("/api/v1/suspicions", "shenhe")).json()
    expect(reviewer.total).toBe(6)
    const a = reviewer.items.find((s: { feedetlSn: Array<string> }) => s.feedetlSn[0] === "A")
    expect(a).toMatchObject({ psnNo: "500*************34", category: "violation", status: "pending_first_review" })
    expect(a.evidence.psn_name).toBe("张**")
    expect(a.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const admin = (await get("/api/v1/suspicions?category=data_quality", "admin")).json()
    expect(admin.items.map((s: { feedetlSn: Array<string> }) => s.feedetlSn[0])).toEqual(["Q"])
    expect(admin.items[0].psnNo).toBe("500235199001011234")
    const range = (await get("/api/v1/suspicions?minAmount=100&maxAmount=300&rule=PRICE_OVER_CAP", "admin")).json()
    expect(range).toMatchObject({ total: 3, totalAmount: 600 })
    const bad = await get("/api/v1/suspicions?status=pending,closed", "admin")
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors[0].path).toBe("$.query.status")
    expect((await get("/api/v1/suspicions", "weijian")).statusCode).toBe(403)
    expect((await get(`/api/v1/suspicions/${ids["A"]}`, "weijian")).statusCode).toBe(403)
  })

  it("pages by keyset cursor, and names a bad cursor", async () => {
    const sns = (body: { items: Array<{ feedetlSn: Array<string> }> }) => body.items.map((s) => s.feedetlSn[0])
    const first = (await get("/api/v1/suspicions?pageSize=2", "admin")).json()
    expect(sns(first)).toEqual(["A", "B"])
    expect(first.total).toBe(6)
    const second = (await get(`/api/v1/suspicions?pageSize=2&after=${first.nextCursor}`, "admin")).json()
    expect(sns(second)).toEqual(["C", "D"])
    const third = (await get(`/api/v1/suspicions?pageSize=2&after=${second.nextCursor}`, "admin")).json()
    expect(sns(third)).toEqual(["Q", "E"])
    expect(third.nextCursor).toBeNull()
    for (const [query, message] of [
      ["after=not-a-cursor!", "须为上一页返回的 nextCursor"],
      [`after=${Buffer.from("[1]").toString("base64url")}`, "须为上一页返回的 nextCursor"],
      [`page=2&after=${first.nextCursor}`, "不能与 page 同时使用"]
    ] as const) {
      const bad = await get(`/api/v1/suspicions?${query}`, "admin")
      expect(bad.statusCode).toBe(400)
      expect(bad.json().errors[0]).toMatchObject({ path: "$.query.after", message: expect.stringContaining(message) })
    }
  })

  it("walks a lead through 初审, 复审, the institution's appeal, verification and approval", async () => {
    const first = await detail("A", "shenhe")
    expect(first.actions.map((a: { action: string }) => a.action)).toEqual([
      "first_review_confirm",
      "first_review_dismiss"
    ])
    expect(first.deadlineSource).toContain("知识库、规则库管理办法")
    expect((await act("A", "shenhe", "first_review_confirm", { reason: "单价超限价4倍" })).json()).toMatchObject({
      status: "pending_second_review",
      revision: 1,
      // Five working days after 30 September across the National Day holiday (1–8 October).
      dueDate: "2025-10-14"
    })

    const asReviewer = await act("A", "shenhe2", "second_review_push")
    expect(asReviewer.statusCode).toBe(403)
    expect(asReviewer.json().code).toBe("Forbidden")
    const pushed = await act("A", "jihe", "second_review_push", { reason: "同意推送" })
    // Ten working days, counting Saturday 11 October, a working day in exchange for the holiday.
    expect(pushed.json()).toMatchObject({ status: "sent_to_institution", dueDate: "2025-10-21" })

    const early = await act("A", "shenhe", "mark_no_response")
    expect(early.statusCode).toBe(409)
    expect(early.json().detail).toContain("尚未届满")

    clock = new Date("2025-10-10T02:00:00Z")
    const { revision } = await detail("A")
    const responded = await post(`/api/v1/suspicions/${ids["A"]}/institution-response`, "shenhe", {
      revision,
      kind: "appeal",
      statement: "该耗材为新型号，物价部门已备案",
      receivedOn: "2025-10-09",
      documents: ["物价备案函"]
    })
    expect(responded.statusCode).toBe(200)
    expect(responded.json().dueDate).toBe("2025-10-30")

    expect((await act("A", "shenhe2", "start_verification")).statusCode).toBe(200)
    const held = await act("A", "shenhe", "propose_confirm", { reason: "x", proposal: { disposition: "case" } })
    expect(held.statusCode).toBe(403)
    expect(held.json()).toMatchObject({ code: "NotAssignee" })
    const noAmount = await act("A", "shenhe2", "propose_confirm", {
      reason: "备案不含该型号",
      proposal: { disposition: "deduction" }
    })
    expect(noAmount.statusCode).toBe(400)
    expect(noAmount.json().errors).toEqual([
      { path: "$.proposal.deductionAmount", message: "扣款/核减须填写大于 0 的金额" }
    ])
    expect(
      (
        await act("A", "shenhe2", "propose_confirm", {
          reason: "备案不含该型号",
          proposal: { disposition: "deduction", deductionAmount: 400 }
        })
      ).statusCode
    ).toBe(200)

    const byPusher = await act("A", "jihe", "approve")
    expect(byPusher.statusCode).toBe(403)
    expect(byPusher.json()).toMatchObject({ code: "SeparationOfDuties" })
    expect(byPusher.json().detail).toContain("已担任本疑点的复审")
    expect((await act("A", "jihe2", "approve")).json()).toMatchObject({ status: "confirmed", dueDate: null })

    const done = await detail("A", "shenhe")
    expect(done.history.map((h: { label: string; actorName: string }) => `${h.label}/${h.actorName}`)).toEqual([
      "初审确认，提交复审/李审核",
      "复审通过，推送机构/王稽核",
      "登记机构反馈/申诉/李审核",
      "开始调查核实/赵审核",
      "核实确认，提请审批/赵审核",
      "审批同意/陈稽核"
    ])
    expect(done.responses[0]).toMatchObject({
      kind: "appeal",
      kindLabel: "申诉",
      documents: ["物价备案函"],
      late: false
    })
    expect(done.outcome).toMatchObject({ result: "confirmed", dispositionLabel: "扣款/核减", deductionAmount: 400 })
    expect(done.actions).toEqual([])
  })

  it("refuses the first reviewer's own second review with a clear message, and stale or misplaced steps", async () => {
    expect((await act("B", "jihe", "first_review_confirm")).statusCode).toBe(200)
    const own = await act("B", "jihe", "second_review_push")
    expect(own.statusCode).toBe(403)
    expect(own.json()).toMatchObject({ code: "SeparationOfDuties" })
    expect(own.json().detail).toContain("三级审核不相容岗位分离：您已担任本疑点的初审")
    const offered = await detail("B", "jihe")
    expect(offered.actions.every((a: { allowed: boolean }) => !a.allowed)).toBe(true)

    const stale = await post(`/api/v1/suspicions/${ids["B"]}/steps`, "jihe2", {
      action: "second_review_push",
      revision: 0
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().code).toBe("StaleRevision")
    const wrong = await act("B", "shenhe", "first_review_dismiss", { reason: "x" })
    expect(wrong.statusCode).toBe(409)
    expect(wrong.json().code).toBe("WrongStatus")
    const noReason = await act("C", "shenhe", "first_review_dismiss")
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors[0].path).toBe("$.reason")
    const unknown = await act("C", "shenhe", "first_review_dismiss", { reason: "x", opinion: "y" })
    expect(unknown.statusCode).toBe(400)
    expect((await get("/api/v1/suspicions/nope", "admin")).statusCode).toBe(404)
  })

  it("assigns, and lets the assignee alone act", async () => {
    const { revision } = await detail("C")
    const users = (await get("/api/v1/review/reviewers", "jihe")).json().items
    const zhao = users.find((u: { displayName: string }) => u.displayName === "赵审核")
    expect(users.some((u: { role: string }) => u.role === "department")).toBe(false)
    const byReviewer = await post(`/api/v1/suspicions/${ids["C"]}/assign`, "shenhe", { revision, assigneeId: zhao.id })
    expect(byReviewer.statusCode).toBe(403)
    expect(
      (await post(`/api/v1/suspicions/${ids["C"]}/assign`, "jihe", { revision, assigneeId: zhao.id })).statusCode
    ).toBe(200)
    expect((await detail("C")).assigneeName).toBe("赵审核")
    expect((await act("C", "shenhe", "first_review_confirm")).json().code).toBe("NotAssignee")
    expect(
      (await get("/api/v1/suspicions?assignee=me", "shenhe2")).json().items.map((s: { id: string }) => s.id)
    ).toEqual([ids["C"]])
  })

  it("takes bulk steps lead by lead and reports each", async () => {
    const d = await detail("D")
    const e = await detail("E")
    const res = await post("/api/v1/suspicions/bulk", "shenhe", {
      action: "first_review_dismiss",
      reason: "金额较小，经核对为物价调整过渡期",
      items: [
        { id: ids["D"], revision: d.revision },
        { id: ids["E"], revision: e.revision + 7 }
      ]
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      done: 1,
      failed: 1,
      results: [
        { id: ids["D"], ok: true, status: "dismissed" },
        { id: ids["E"], ok: false, code: "StaleRevision" }
      ]
    })
    const noAssignee = await post("/api/v1/suspicions/bulk", "jihe", {
      action: "assign",
      items: [{ id: ids["E"], revision: 0 }]
    })
    expect(noAssignee.statusCode).toBe(400)
    expect(noAssignee.json().errors[0].path).toBe("$.assigneeId")
  })

  it("sends a data-quality lead to the institution for correction without 复审", async () => {
    expect((await detail("Q", "shenhe")).actions.map((a: { action: string }) => a.action)).toEqual([
      "first_review_confirm",
      "first_review_dismiss",
      "request_correction"
    ])
    expect((await act("Q", "shenhe", "request_correction", { reason: "出院时间与费用时间不符" })).json().status).toBe(
      "awaiting_correction"
    )
    expect((await act("Q", "shenhe", "mark_corrected", { reason: "机构已重传结算清单" })).json().status).toBe(
      "corrected"
    )
  })

  it("filters overdue leads once their deadline has passed", async () => {
    clock = new Date("2025-10-20T02:00:00Z")
    const overdue = (await get("/api/v1/suspicions?overdue=true", "admin")).json()
    // B waits for 复审 since 30 September (due 14 October); A is closed, D and Q are closed.
    expect(overdue.items.map((s: { feedetlSn: Array<string> }) => s.feedetlSn[0])).toEqual(["B"])
    expect(overdue.items[0].overdue).toBe(true)
  })

  it("exports the filtered list as an .xlsx that reads back, masked for the reviewer", async () => {
    const res = await get("/api/v1/suspicions/export?rule=PRICE_OVER_CAP", "shenhe")
    expect(res.statusCode).toBe(200)
    expect(res.headers["content-type"]).toContain("spreadsheetml")
    expect(res.headers["content-disposition"]).toContain(".xlsx")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet("疑点清单")!
    expect(sheet.rowCount).toBe(6)
    const header = (sheet.getRow(1).values as Array<unknown>).slice(1)
    expect(header).toEqual(
      expect.arrayContaining(["疑点编号", "机构名称", "人员编号", "金额（元）", "审核状态", "办理期限"])
    )
    const col = (name: string) => header.indexOf(name) + 1
    const first = sheet.getRow(2)
    expect(first.getCell(col("金额（元）")).value).toBe(400)
    expect(first.getCell(col("人员编号")).value).toBe("500*************34")
    expect(first.getCell(col("审核状态")).value).toBe("确认违规")
    expect(first.getCell(col("扣款/核减金额（元）")).value).toBe(400)
    expect(workbook.getWorksheet("导出说明")?.getRow(2).getCell(2).value).toBe("李审核")

    const admin = await get("/api/v1/suspicions/export?category=data_quality", "admin")
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(admin.rawPayload as unknown as ArrayBuffer)
    expect(book.getWorksheet("疑点清单")!.rowCount).toBe(2)
    expect(book.getWorksheet("疑点清单")!.getRow(2).getCell(col("人员编号")).value).toBe("500235199001011234")
    const audited = await scratch.db.auditEvent.count({ where: { action: "suspicion.export" } })
    expect(audited).toBe(2)
  })

  it("lists screening runs with counts per rule, duration, new leads and progress", async () => {
    const running = await scratch.db.screeningRun.findFirstOrThrow({ where: { status: "running" } })
    await scratch.db.screeningRun.update({
      where: { id: running.id },
      data: { progress: { rule: "SPLIT_ADMISSION", done: 3, total: 27 } }
    })
    const runs = (await get("/api/v1/screening/runs", "shenhe")).json().items
    const done = runs.find((r: { status: string }) => r.status === "succeeded")
    expect(done).toMatchObject({
      suspicionCount: 6,
      newCount: 6,
      ruleCounts: { CHARGE_OUTSIDE_STAY: 1, PRICE_OVER_CAP: 5 },
      statusCounts: { confirmed: 1, dismissed: 1, corrected: 1 }
    })
    expect(done.durationMs).toBeGreaterThanOrEqual(0)
    const live = runs.find((r: { status: string }) => r.status === "running")
    expect(live).toMatchObject({ durationMs: null, progress: { rule: "SPLIT_ADMISSION", done: 3, total: 27 } })
    expect((await get(`/api/v1/screening/runs/${done.id}`, "shenhe")).json().rules).toHaveLength(2)
    expect((await get("/api/v1/screening/runs/none", "shenhe")).statusCode).toBe(404)
    // A run of one process has no partitions; a partitioned run shows each with its figures.
    expect(done.partitions).toEqual([])
    await scratch.db.runPartition.createMany({
      data: [
        { runId: running.id, job: "person", index: 1, count: 2, status: "running", attempts: 2, worker: "w1:7" },
        {
          runId: running.id,
          job: "person",
          index: 0,
          count: 2,
          status: "done",
          attempts: 1,
          durationMs: 2400,
          suspicions: 5
        }
      ]
    })
    const split = (await get(`/api/v1/screening/runs/${running.id}`, "shenhe")).json().partitions
    expect(split).toMatchObject([
      { job: "person", index: 0, status: "done", attempts: 1, durationMs: 2400, suspicions: 5, worker: null },
      { job: "person", index: 1, status: "running", attempts: 2, worker: "w1:7", durationMs: null, suspicions: null }
    ])
  })

  it("documents the review routes in OpenAPI", async () => {
    const paths = Object.keys((await get("/api/docs/json", "admin")).json().paths)
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/suspicions/{id}",
        "/api/v1/suspicions/{id}/steps",
        "/api/v1/suspicions/{id}/institution-response",
        "/api/v1/suspicions/bulk",
        "/api/v1/suspicions/export",
        "/api/v1/screening/runs/{id}"
      ])
    )
  })
})
