/**
 * Complaints and tips over HTTP (inject, SQLite) in the demo county: intake with the informant kept
 * apart and masked; the reveal refused to a reviewer (403) and audited for a supervisor; unit scope (a
 * complaint about another unit's institution is not found, one about a person is bureau-wide); bad
 * input named by field; the national export refused whole naming file, line and column; deadlines in
 * working days; triage; a complaint opened as a case whose retaliation makes the assessment 从重; the
 * reward within the national bounds through 初审 → 复审 → 审批 by three people, then paid.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { seedCounty, signInAll, signInNewAccount, today, type Username } from "./utils/county.js"

describe("complaints over HTTP (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let tokens: Record<Username, string>
  let clock = new Date(`${today}T02:00:00Z`)
  const at = (day: string) => (clock = new Date(`${day}T02:00:00Z`))

  const call = (method: "GET" | "POST", url: string, user: Username, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-complaints-api-"))
    await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({
      db: scratch.db,
      now: () => clock,
      evidenceDir,
      sessionTtlMinutes: 60 * 24 * 400,
      logger: process.env["DEBUG_API"] ? { level: "error" } : false
    })
    await app.ready()
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  const informant = {
    anonymous: false,
    name: "王小明",
    phone: "13812345678",
    idNumber: "500236199001011234",
    address: "重庆市奉节县永安街道人民路1号"
  }
  const intake = (over: Record<string, unknown> = {}) => ({
    channel: "phone",
    receivedOn: "2025-11-10",
    subject: { kind: "institution", institutionCode: "H50023500001" },
    content: "县医院挂床住院、虚记检查费用",
    amountInvolved: 6000,
    informant,
    ...over
  })
  let hospitalComplaint = ""

  it("records a complaint with the informant apart, masked for everyone by default", async () => {
    const res = await call("POST", "/api/v1/complaints", "shenhe", intake())
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().number).toMatch(/^举〔2025〕\d+号$/)
    hospitalComplaint = res.json().id
    // The complaint's own table holds no identity; the informant's row is apart.
    const row = await scratch.db.complaint.findUniqueOrThrow({ where: { id: hospitalComplaint } })
    expect(JSON.stringify(row)).not.toContain("王小明")
    expect(
      (await scratch.db.complaintInformant.findUniqueOrThrow({ where: { complaintId: hospitalComplaint } })).name
    ).toBe("王小明")
    for (const user of ["shenhe", "jihe", "admin"] as const) {
      const view = await call("GET", `/api/v1/complaints/${hospitalComplaint}`, user)
      expect(view.statusCode).toBe(200)
      expect(view.json().informant).toEqual({
        anonymous: false,
        name: "王**",
        phone: "138****5678",
        idNumber: "500*************34",
        address: "重庆市奉节县****"
      })
      expect(view.body).not.toContain("13812345678")
    }
    const list = await call("GET", "/api/v1/complaints", "shenhe")
    expect(list.body).not.toContain("王小明")
    expect(list.body).not.toContain("王**")
  })

  it("reveals the identity only to informants:reveal, with a reason, and audits the reveal", async () => {
    const refused = await call("POST", `/api/v1/complaints/${hospitalComplaint}/informant/reveal`, "shenhe", {
      reason: "核实举报内容"
    })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().code).toBe("Forbidden")
    const noReason = await call("POST", `/api/v1/complaints/${hospitalComplaint}/informant/reveal`, "jihe", {})
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors[0].path).toBe("$.reason")
    const shown = await call("POST", `/api/v1/complaints/${hospitalComplaint}/informant/reveal`, "jihe", {
      reason: "联系举报人补充证据"
    })
    expect(shown.statusCode, shown.body).toBe(200)
    expect(shown.json()).toEqual(informant)
    const audit = await scratch.db.auditEvent.findMany({
      where: { entityId: hospitalComplaint, action: "informant.reveal" }
    })
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorName: "王稽核" })
    expect(audit[0]!.details).toMatchObject({ reason: "联系举报人补充证据" })
    expect(JSON.stringify(audit[0]!.details)).not.toContain("王小明")
    // Nobody's refusal was audited as a reveal.
    expect(await scratch.db.auditEvent.count({ where: { action: "informant.reveal" } })).toBe(1)
  })

  it("keeps another unit's complaints out of sight; a complaint about a person is the bureau's and its sections'", async () => {
    const clinic = (
      await call(
        "POST",
        "/api/v1/complaints",
        "jihe",
        intake({ subject: { kind: "institution", institutionCode: "H50023500008" } })
      )
    ).json().id
    const person = (
      await call(
        "POST",
        "/api/v1/complaints",
        "jihe",
        intake({ subject: { kind: "person", personName: "李某" }, informant: { anonymous: true } })
      )
    ).json().id
    expect((await call("GET", `/api/v1/complaints/${hospitalComplaint}`, "caotang")).statusCode).toBe(404)
    expect(
      (await call("POST", `/api/v1/complaints/${hospitalComplaint}/triage`, "caotang", { decision: "accept" }))
        .statusCode
    ).toBe(404)
    expect((await call("GET", `/api/v1/complaints/${clinic}`, "caotang")).statusCode).toBe(200)
    // A person reported belongs to no 卫生院's or 医保中心's institutions: not found there, as a transfer about one.
    for (const user of ["caotang", "shenhe"] as const)
      expect((await call("GET", `/api/v1/complaints/${person}`, user)).statusCode).toBe(404)
    expect((await call("GET", `/api/v1/complaints/${person}`, "jihe")).statusCode).toBe(200)
    const seen = (await call("GET", "/api/v1/complaints", "caotang")).json().items.map((c: { id: string }) => c.id)
    expect(seen).toContain(clinic)
    expect(seen).not.toContain(person)
    expect(seen).not.toContain(hospitalComplaint)
    // Recording one about another unit's institution is refused (403, naming it), and one about a person too.
    const outside = await call("POST", "/api/v1/complaints", "caotang", intake())
    expect(outside.statusCode).toBe(403)
    const aboutPerson = await call(
      "POST",
      "/api/v1/complaints",
      "caotang",
      intake({ subject: { kind: "person", personName: "王某" }, informant: { anonymous: true } })
    )
    expect(aboutPerson.statusCode).toBe(403)
    expect(aboutPerson.json().detail).toContain("须由医保局或局机关科室的人员受理")
    expect((await call("GET", "/api/v1/complaints/ZZ-NONE", "admin")).statusCode).toBe(404)
  })

  it("names the field of bad input (400), never a 5xx", async () => {
    const noCode = await call("POST", "/api/v1/complaints", "shenhe", intake({ subject: { kind: "institution" } }))
    expect(noCode.statusCode).toBe(400)
    expect(noCode.json().errors.map((e: { path: string }) => e.path)).toContain("$.subject.institutionCode")
    const noName = await call("POST", "/api/v1/complaints", "shenhe", intake({ informant: { anonymous: false } }))
    expect(noName.statusCode).toBe(400)
    expect(noName.json().errors[0]).toMatchObject({
      path: "$.informant.name",
      message: expect.stringContaining("姓名")
    })
    const future = await call("POST", "/api/v1/complaints", "shenhe", intake({ receivedOn: "2999-01-01" }))
    expect(future.statusCode).toBe(400)
    expect(future.json().errors[0].path).toBe("$.receivedOn")
    const unknown = await call(
      "POST",
      "/api/v1/complaints",
      "admin",
      intake({ subject: { kind: "institution", institutionCode: "H-NOT-THERE" } })
    )
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().errors).toEqual([
      { path: "$.subject.institutionCode", message: "定点医药机构 H-NOT-THERE 不存在" }
    ])
    const noReason = await call("POST", `/api/v1/complaints/${hospitalComplaint}/triage`, "shenhe", {
      decision: "not_accept"
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().errors).toEqual([{ path: "$.reason", message: expect.stringContaining("理由") }])
    const badDecision = await call("POST", `/api/v1/complaints/${hospitalComplaint}/triage`, "shenhe", {
      decision: "maybe"
    })
    expect(badDecision.statusCode).toBe(400)
    expect(badDecision.json().errors[0].path).toBe("$.decision")
  })

  it("refuses a date received before 2000-01-01 or after today at $.receivedOn, in form and import", async () => {
    const before = await scratch.db.complaint.count()
    for (const receivedOn of ["1900-01-01", "1999-12-31", "2025-11-21"]) {
      const res = await call("POST", "/api/v1/complaints", "shenhe", intake({ receivedOn }))
      expect(res.statusCode, `${receivedOn}: ${res.body}`).toBe(400)
      expect(res.json().errors).toEqual([{ path: "$.receivedOn", message: expect.stringMatching(/[\u4e00-\u9fa5]/) }])
    }
    expect(
      (await call("POST", "/api/v1/complaints", "shenhe", intake({ receivedOn: "1900-01-01" }))).json().errors[0]
        .message
    ).toContain("不得早于 2000-01-01")
    const old = await call("POST", "/api/v1/complaints/import", "admin", {
      fileName: "旧.csv",
      format: "csv",
      content: [
        "rpt_no,rpt_date,rptd_type,fixmedins_code,rptd_psn_name,rpt_cont,invo_amt,anon_flag,psn_name,tel,certno,addr",
        "GJ-1900-001,1900-01-01,2,,钱某,冒名就医,,1,,,,"
      ].join("\n")
    })
    expect(old.statusCode).toBe(400)
    expect(old.json().errors).toEqual([
      { path: "$.content", message: expect.stringContaining("文件 旧.csv 第 2 行「rpt_date」列") }
    ])
    expect(await scratch.db.complaint.count()).toBe(before)
    const first = await call("POST", "/api/v1/complaints", "shenhe", intake({ receivedOn: "2000-01-01" }))
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json().number).toMatch(/^举〔2000〕\d+号$/)
  })

  it("merges only into a complaint within the caller's scope; a missing or hidden one is a 400 at $.mergeInto", async () => {
    const about = (institutionCode: string) =>
      call("POST", "/api/v1/complaints", "jihe", intake({ subject: { kind: "institution", institutionCode } })).then(
        (r) => r.json().id as string
      )
    const source = await about("H50023500008")
    const target = await about("H50023500008")
    const hidden = await about("H50023500001")
    const merge = (into: string, id = source) =>
      call("POST", `/api/v1/complaints/${id}/triage`, "caotang", {
        decision: "merge",
        mergeInto: into,
        reason: "同一事实"
      })
    const outOfScope = await merge(hidden)
    const missing = await merge("ZZ-NONE")
    for (const [res, id] of [
      [outOfScope, hidden],
      [missing, "ZZ-NONE"]
    ] as const) {
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().errors).toEqual([{ path: "$.mergeInto", message: `并入的举报 ${id} 不存在` }])
    }
    // The two answers differ only by the id asked for: whether a hidden id exists cannot be told.
    expect(outOfScope.json().detail.replace(hidden, "X")).toBe(missing.json().detail.replace("ZZ-NONE", "X"))
    for (const id of [source, hidden])
      expect((await scratch.db.complaint.findUniqueOrThrow({ where: { id } })).status).toBe("received")
    expect(await scratch.db.auditEvent.count({ where: { entityId: source, action: "complaint.merge" } })).toBe(0)
    // Within scope it goes through, once; the second decision is refused in plain words.
    const ok = await merge(target)
    expect(ok.statusCode, ok.body).toBe(204)
    expect(await scratch.db.complaint.findUniqueOrThrow({ where: { id: source } })).toMatchObject({
      status: "merged",
      mergedInto: target
    })
    const again = await call("POST", `/api/v1/complaints/${source}/triage`, "caotang", { decision: "accept" })
    expect(again.statusCode).toBe(409)
    expect(again.json().detail).toBe("该举报已作出受理决定（已合并），不能再作受理决定")
    // A complaint already merged is not a target: named at the field too.
    const other = await about("H50023500008")
    const intoMerged = await merge(source, other)
    expect(intoMerged.statusCode).toBe(400)
    expect(intoMerged.json().errors).toEqual([{ path: "$.mergeInto", message: expect.stringContaining("本身已合并") }])
  })

  it("masks the person reported for a role without personal-data:unmasked, and audits every read", async () => {
    const id = (
      await call(
        "POST",
        "/api/v1/complaints",
        "jihe",
        intake({
          subject: {
            kind: "person",
            personName: "李四海",
            description: "身份证号500236198805051234，手机13987654321，住永安街道"
          },
          content: "李四海冒用他人医保卡就医，联系电话13987654321",
          informant: { anonymous: true }
        })
      )
    ).json().id
    const secrets = ["李四海", "500236198805051234", "13987654321"]
    // A reviewer of the 基金监管科 (no personal-data:unmasked) sees it, masked.
    const reviewer = await signInNewAccount(app, scratch.db, {
      username: "jjjg-reviewer",
      displayName: "赵科员",
      role: "reviewer",
      unitId: "SEC-JJJG"
    })
    const asReviewer = (url: string) =>
      app.inject({ method: "GET", url, headers: { authorization: `Bearer ${reviewer}` } })
    const view = await asReviewer(`/api/v1/complaints/${id}`)
    expect(view.statusCode, view.body).toBe(200)
    expect(view.json()).toMatchObject({
      subjectKind: "person",
      personName: "李**",
      subjectDescription: "身份证号500*************34，手机139******21，住永安街道",
      content: "李**冒用他人医保卡就医，联系电话139******21"
    })
    for (const secret of secrets) expect(view.body).not.toContain(secret)
    const list = await asReviewer("/api/v1/complaints")
    expect(list.json().items.find((c: { id: string }) => c.id === id)).toMatchObject({ personName: "李**" })
    for (const secret of secrets) expect(list.body).not.toContain(secret)
    // A supervisor (personal-data:unmasked) sees it in clear.
    const clear = (await call("GET", `/api/v1/complaints/${id}`, "jihe")).json()
    expect(clear).toMatchObject({
      personName: "李四海",
      subjectDescription: "身份证号500236198805051234，手机13987654321，住永安街道"
    })
    // Every read of the person's data is on the record, masked or not.
    const views = await scratch.db.auditEvent.findMany({
      where: { entityId: id, action: "complaint.view" },
      orderBy: { seq: "asc" }
    })
    expect(views.map((v) => [v.actorName, (v.details as { unmasked: boolean }).unmasked])).toEqual([
      ["赵科员", false],
      ["王稽核", true]
    ])
    const listed = await scratch.db.auditEvent.findMany({ where: { action: "complaint.list", actorName: "赵科员" } })
    expect(listed.length).toBeGreaterThan(0)
    expect(listed.at(-1)!.details).toMatchObject({ unmasked: false, complaints: expect.arrayContaining([id]) })
    for (const secret of secrets) expect(JSON.stringify(listed.map((l) => l.details))).not.toContain(secret)
  })

  it("imports the national export whole or not at all, naming file, line and column", async () => {
    const header =
      "rpt_no,rpt_date,rptd_type,fixmedins_code,rptd_psn_name,rpt_cont,invo_amt,anon_flag,psn_name,tel,certno,addr"
    const good = [
      header,
      'GJ-2025-001,2025-11-03,1,H50023500001,,"挂床住院, 虚记费用",1200.50,0,赵六,13900001111,,',
      "GJ-2025-002,2025-11-04,2,,钱某,冒名就医,,1,,,,"
    ]
    const before = await scratch.db.complaint.count()
    const bad = await call("POST", "/api/v1/complaints/import", "admin", {
      fileName: "国家平台导出.csv",
      format: "csv",
      content: [...good, "GJ-2025-003,2025-11-05,1,H50023500001,,串换药品,十二元,0,孙七,,,"].join("\n")
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: "ComplaintImportRefused" })
    expect(bad.json().errors).toEqual([
      {
        path: "$.content",
        message: expect.stringContaining("文件 国家平台导出.csv 第 4 行「invo_amt」列")
      }
    ])
    const unknownInstitution = await call("POST", "/api/v1/complaints/import", "admin", {
      fileName: "x.csv",
      format: "csv",
      content: [...good, "GJ-2025-003,2025-11-05,1,H-NOT-THERE,,串换药品,12,0,孙七,,,"].join("\n")
    })
    expect(unknownInstitution.statusCode).toBe(400)
    expect(unknownInstitution.json().errors[0]).toEqual({
      path: "$.content",
      message: expect.stringContaining("文件 x.csv 第 4 行「fixmedins_code」列")
    })
    expect(await scratch.db.complaint.count()).toBe(before)

    const ok = await call("POST", "/api/v1/complaints/import", "admin", {
      fileName: "国家平台导出.csv",
      format: "csv",
      content: good.join("\n")
    })
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toEqual({ imported: 2 })
    const again = await call("POST", "/api/v1/complaints/import", "admin", {
      fileName: "again.csv",
      format: "csv",
      content: good.join("\n")
    })
    expect(again.statusCode).toBe(400)
    expect(again.json().errors).toEqual([
      { path: "$.content", message: expect.stringContaining("文件 again.csv 第 2 行「rpt_no」列") },
      { path: "$.content", message: expect.stringContaining("文件 again.csv 第 3 行「rpt_no」列") }
    ])
    // A unit that does not see the whole county does not import the bureau's channel.
    expect(
      (
        await call("POST", "/api/v1/complaints/import", "caotang", {
          fileName: "x.csv",
          format: "csv",
          content: header
        })
      ).statusCode
    ).toBe(403)
    const format = await call("GET", "/api/v1/complaints/import-format", "shenhe")
    expect(format.json().columns.map((c: { name: string }) => c.name)).toContain("fixmedins_code")
  })

  it("shows the acceptance deadline in working days, overdue once passed", async () => {
    const old = (await call("POST", "/api/v1/complaints", "shenhe", intake({ receivedOn: "2025-10-09" }))).json().id
    const view = (await call("GET", `/api/v1/complaints/${old}`, "shenhe")).json()
    // 15 working days from Thursday 9 October 2025: Saturday 11 October is worked (调休).
    expect(view.deadlines[0]).toMatchObject({ step: "acceptance", dueOn: "2025-10-29", state: "overdue" })
    const listed = (await call("GET", "/api/v1/complaints", "shenhe"))
      .json()
      .items.find((c: { id: string }) => c.id === old)
    expect(listed.nextDue).toEqual({ label: "决定是否受理", dueOn: "2025-10-29", overdue: true })
    const fresh = (await call("GET", `/api/v1/complaints/${hospitalComplaint}`, "shenhe")).json()
    expect(fresh.deadlines[0]).toMatchObject({ step: "acceptance", dueOn: "2025-12-01", state: "open" })
    // Forwarded: not ours; the real-name informant is told within 5 working days.
    expect(
      (
        await call("POST", `/api/v1/complaints/${old}/triage`, "shenhe", {
          decision: "forward",
          forwardTo: "县卫生健康委员会",
          reason: "属医疗服务行为投诉"
        })
      ).statusCode
    ).toBe(204)
    const forwarded = (await call("GET", `/api/v1/complaints/${old}`, "shenhe")).json()
    expect(forwarded.status).toBe("forwarded")
    expect(forwarded.deadlines.map((d: { step: string; dueOn: string }) => [d.step, d.dueOn])).toEqual([
      ["acceptance", "2025-10-29"],
      ["reply", "2025-11-27"]
    ])
    expect((await call("POST", `/api/v1/complaints/${old}/triage`, "shenhe", { decision: "accept" })).statusCode).toBe(
      409
    )
  })

  it("opens a case on a complaint once, even when two people ask at the same time", async () => {
    const id = (
      await call(
        "POST",
        "/api/v1/complaints",
        "jihe",
        intake({ subject: { kind: "institution", institutionCode: "H50023500008" } })
      )
    ).json().id
    expect((await call("POST", `/api/v1/complaints/${id}/triage`, "jihe", { decision: "accept" })).statusCode).toBe(204)
    const cases = await scratch.db.enforcementCase.count()
    const both = await Promise.all([
      call("POST", `/api/v1/complaints/${id}/case`, "jihe", {}),
      call("POST", `/api/v1/complaints/${id}/case`, "shenhe", {})
    ])
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(await scratch.db.enforcementCase.count()).toBe(cases + 1)
    const opened = both.find((r) => r.statusCode === 201)!.json().caseId
    expect((await call("GET", `/api/v1/complaints/${id}`, "jihe")).json().caseId).toBe(opened)
  })

  it("opens an accepted complaint as a case; retaliation grades it 从重; a reward by three people, then paid", async () => {
    const id = hospitalComplaint
    expect((await call("POST", `/api/v1/complaints/${id}/case`, "shenhe", {})).statusCode).toBe(409)
    expect((await call("POST", `/api/v1/complaints/${id}/triage`, "shenhe", { decision: "accept" })).statusCode).toBe(
      204
    )
    const opened = await call("POST", `/api/v1/complaints/${id}/case`, "shenhe", {})
    expect(opened.statusCode, opened.body).toBe(201)
    const caseId = opened.json().caseId
    expect((await call("POST", `/api/v1/complaints/${id}/case`, "shenhe", {})).statusCode).toBe(409)
    // The case is read from the database here, not over HTTP, so that this test depends on the case
    // routes only for the steps it takes.
    const stored = await scratch.db.enforcementCase.findUniqueOrThrow({ where: { id: caseId } })
    expect(stored).toMatchObject({ source: "complaint", institutionCode: "H50023500001", status: "proposed" })
    expect((await scratch.db.complaint.findUniqueOrThrow({ where: { id } })).caseId).toBe(caseId)
    expect(
      (
        await call("POST", `/api/v1/complaints/${id}/retaliation`, "shenhe", {
          on: "2025-11-18",
          by: "被举报医院副院长",
          description: "得知举报后对举报人调岗降薪"
        })
      ).statusCode
    ).toBe(204)
    // A reward before the complaint is verified and the case decided: refused.
    const early = await call("POST", `/api/v1/complaints/${id}/rewards`, "shenhe", {
      caseValue: 6000,
      amount: 300,
      basis: "—"
    })
    expect(early.statusCode).toBe(409)
    expect(early.json().detail).toContain("查实")

    const step = async (user: Username, action: string, input: unknown) => {
      const { revision } = await scratch.db.enforcementCase.findUniqueOrThrow({ where: { id: caseId } })
      const res = await call("POST", `/api/v1/cases/${caseId}/steps`, user, { action, revision, input })
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
      return res.json()
    }
    await step("shenhe", "submit_filing", { opinion: "拟立案" })
    await step("jihe", "review_filing", { opinion: "同意" })
    await step("admin", "approve_filing", { opinion: "同意" })
    await step("shenhe", "record_inquiry", {
      on: today,
      startTime: "09:30",
      endTime: "10:40",
      place: "医院办公室",
      person: { name: "张某", position: "院长" },
      officers: [
        { name: "李审核", badge: "001" },
        { name: "赵审核", badge: "002" }
      ],
      recorder: "李审核",
      questions: [{ question: "是否挂床？", answer: "是" }]
    })
    await step("shenhe", "record_evidence", { items: [{ name: "住院记录", kind: "书证", source: "医院" }] })
    await step("shenhe", "assess", {
      summary: "超标准收费 6000 元",
      facts: {
        subject: { kind: "institution", orgKind: "public_hospital", hospLv: "2" },
        violations: [
          { code: "A38-3-OVER_STANDARD_CHARGE", amount: 6_000, occurredFrom: "2025-10-01", occurredTo: "2025-10-31" }
        ]
      }
    })
    const entry = await scratch.db.caseEntry.findFirstOrThrow({ where: { caseId, action: "assess" } })
    const details = entry.details as { assessment: { items: Array<{ grade: string }> }; complaints: Array<string> }
    expect(details.assessment.items[0]!.grade).toBe("从重")
    expect(JSON.stringify(details.assessment)).toContain("对举报人、证人打击报复")
    expect(details.complaints[0]).toContain("调岗降薪")
    await step("shenhe", "serve_notice", { servedOn: today, method: "direct", contact: "李审核 023-1" })
    at("2025-12-01")
    await step("shenhe", "submit_decision", { opinion: "拟从重处罚" })
    await step("jihe", "review_decision", { opinion: "同意" })
    await step("admin", "approve_decision", { opinion: "同意" })

    const unverified = await call("POST", `/api/v1/complaints/${id}/outcome`, "shenhe", {
      result: "verified",
      on: "2025-12-01",
      note: "查实"
    })
    expect(unverified.statusCode).toBe(400)
    expect(unverified.json().errors[0].path).toBe("$.verifiedAmount")
    expect(
      (
        await call("POST", `/api/v1/complaints/${id}/outcome`, "shenhe", {
          result: "verified",
          on: "2025-12-01",
          verifiedAmount: 6000,
          note: "查实挂床住院"
        })
      ).statusCode
    ).toBe(204)

    // The value a reward is computed on (案值) cannot exceed the amount verified (6,000 yuan).
    for (const caseValue of [1_000_000_000, 6000.01]) {
      const inflated = await call("POST", `/api/v1/complaints/${id}/rewards`, "shenhe", {
        caseValue,
        amount: 200_000,
        basis: "按案值计"
      })
      expect(inflated.statusCode, inflated.body).toBe(400)
      expect(inflated.json().errors).toEqual([
        { path: "$.caseValue", message: expect.stringContaining("不得超过登记的查实金额 6000 元") }
      ])
    }
    expect(await scratch.db.complaintReward.count({ where: { complaintId: id } })).toBe(0)
    // Chongqing holds no provincial scale: the amount is entered, within 200–200,000 yuan.
    const noAmount = await call("POST", `/api/v1/complaints/${id}/rewards`, "shenhe", { caseValue: 6000, basis: "—" })
    expect(noAmount.statusCode).toBe(400)
    expect(noAmount.json().errors[0].path).toBe("$.amount")
    const tooSmall = await call("POST", `/api/v1/complaints/${id}/rewards`, "shenhe", {
      caseValue: 6000,
      amount: 150,
      basis: "—"
    })
    expect(tooSmall.statusCode).toBe(400)
    expect(tooSmall.json().errors[0].message).toContain("不得少于 200 元")
    const proposed = await call("POST", `/api/v1/complaints/${id}/rewards`, "shenhe", {
      caseValue: 6000,
      amount: 300,
      basis: "按案值 5% 计"
    })
    expect(proposed.statusCode, proposed.body).toBe(201)
    const rewardId = proposed.json().id
    expect(
      (await call("POST", `/api/v1/complaints/${id}/rewards`, "shenhe", { caseValue: 6000, amount: 300, basis: "—" }))
        .statusCode
    ).toBe(409)

    // 初审 shenhe → 复审 by another (not shenhe) → 审批 by a third (the head); then paid.
    const own = await call("POST", `/api/v1/complaint-rewards/${rewardId}/review`, "shenhe", { note: "同意" })
    expect(own.statusCode).toBe(409)
    expect(own.json().detail).toContain("不相容岗位分离")
    expect(
      (await call("POST", `/api/v1/complaint-rewards/${rewardId}/approval`, "jihe", { note: "同意" })).statusCode
    ).toBe(403)
    expect(
      (await call("POST", `/api/v1/complaint-rewards/${rewardId}/approval`, "admin", { note: "同意" })).statusCode
    ).toBe(409)
    expect(
      (await call("POST", `/api/v1/complaint-rewards/${rewardId}/review`, "jihe", { note: "同意" })).statusCode
    ).toBe(204)
    const early2 = await call("POST", `/api/v1/complaint-rewards/${rewardId}/payment`, "shenhe", {
      paidOn: "2025-12-01",
      amount: 300,
      method: "bank_transfer",
      reference: "PZ-1"
    })
    expect(early2.statusCode).toBe(409)
    expect(
      (await call("POST", `/api/v1/complaint-rewards/${rewardId}/approval`, "admin", { note: "同意" })).statusCode
    ).toBe(204)
    const wrong = await call("POST", `/api/v1/complaint-rewards/${rewardId}/payment`, "shenhe", {
      paidOn: "2025-12-01",
      amount: 299,
      method: "bank_transfer",
      reference: "PZ-1"
    })
    expect(wrong.statusCode).toBe(409)
    const paid = await call("POST", `/api/v1/complaint-rewards/${rewardId}/payment`, "shenhe", {
      paidOn: "2025-12-01",
      amount: 300,
      method: "bank_transfer",
      reference: "PZ-1"
    })
    expect(paid.statusCode, paid.body).toBe(204)
    const view = (await call("GET", `/api/v1/complaints/${id}`, "shenhe")).json()
    expect(view.rewards).toEqual([
      expect.objectContaining({
        status: "paid",
        amount: 300,
        proposedByName: "李审核",
        reviewedByName: "王稽核",
        approvedByName: "管理员",
        paidOn: "2025-12-01",
        paymentMethod: "bank_transfer"
      })
    ])
    const actions = (await scratch.db.auditEvent.findMany({ where: { entityId: rewardId } })).map((a) => a.action)
    expect(actions).toEqual([
      "complaint_reward.propose",
      "complaint_reward.review",
      "complaint_reward.approve",
      "complaint_reward.pay"
    ])
    // The reward's routes are scoped like the complaint: another unit does not find it.
    expect(
      (await call("POST", `/api/v1/complaint-rewards/${rewardId}/review`, "caotang", { note: "—" })).statusCode
    ).toBe(404)
    // The reply to the informant, once.
    expect(
      (
        await call("POST", `/api/v1/complaints/${id}/reply`, "shenhe", {
          on: "2025-12-01",
          method: "phone",
          content: "已查实并处理"
        })
      ).statusCode
    ).toBe(204)
    const done = (await call("GET", `/api/v1/complaints/${id}`, "shenhe")).json()
    expect(done.deadlines.find((d: { step: string }) => d.step === "reply")).toMatchObject({ state: "met" })
  }, 60_000)
})
