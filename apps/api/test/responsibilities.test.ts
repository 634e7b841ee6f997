import { chineseWorkingCalendar } from "@fundguard/calendar"
import { listAudit, systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { seedResponsibilitiesDemo } from "@fundguard/demo"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import ExcelJS from "exceljs"
import { createHash } from "node:crypto"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { FastifyInstance } from "fastify"
import { demoRegister } from "@fundguard/screening"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"

const password = "s3cret-for-tests"
const users = [
  { username: "admin", displayName: "管理员", role: "admin", department: "奉节县医疗保障局", unitId: "BUREAU" },
  { username: "jihe", displayName: "王稽核", role: "supervisor", department: "基金监管科", unitId: "SEC-JJJG" },
  { username: "weijian", displayName: "卫健委", role: "department", department: "卫健委", unitId: null }
] as const

const today = "2025-11-20"

describe.each(["sqlite", "postgresql"] as const)("responsibilities API (inject) on %s", (provider) => {
  let scratch: ScratchDatabase
  let app: FastifyInstance
  let evidenceDir: string
  const tokens: Record<string, string> = {}
  let checkedUnit = ""

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-evidence-"))
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    await seedResponsibilitiesDemo(scratch.db, systemActor("seed"), {
      calendar: chineseWorkingCalendar(),
      today,
      evidenceDir
    })
    for (const u of users) await upsertUser(scratch.db, systemActor(), { ...u, password })
    app = await buildApp({ db: scratch.db, now: () => new Date(`${today}T02:00:00Z`), evidenceDir })
    for (const u of users) {
      const res = await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: u.username, password }
      })
      tokens[u.username] = res.json().token
    }
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    if (evidenceDir !== undefined) rmSync(evidenceDir, { recursive: true, force: true })
  })

  const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, user?: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: user === undefined ? {} : { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as object })
    })

  it("checks permissions: departments see no duties; supervisors read and complete but do not edit", async () => {
    expect((await call("GET", "/api/v1/tasks/due")).statusCode).toBe(401)
    expect((await call("GET", "/api/v1/tasks/due", "weijian")).statusCode).toBe(403)
    expect((await call("GET", "/api/v1/tasks/due", "jihe")).statusCode).toBe(200)
    expect((await call("POST", "/api/v1/duties", "jihe", {})).statusCode).toBe(403)
    expect((await call("PUT", "/api/v1/organisation/areas/xx", "jihe", { name: "x", kind: "town" })).statusCode).toBe(
      403
    )
  })

  it("serves the 奉节 organisation: streets with their leaders and sections (seed 000 §三(一))", async () => {
    const org = (await call("GET", "/api/v1/organisation", "jihe")).json()
    expect(org.units.map((u: { id: string }) => u.id)).toEqual(
      expect.arrayContaining(["BUREAU", "SEC-JJJG", "CENTRE", "SSO-KUIZHOU", "HC-ZHUYI"])
    )
    expect(org.assignments).toEqual(
      expect.arrayContaining([
        { areaCode: "kuizhou", sectionId: "SEC-YWGL", leaderName: "刘次权", leaderTitle: "局长" },
        { areaCode: "kuimen", sectionId: "SEC-XXFW", leaderName: "邓芳", leaderTitle: "医保中心副主任" }
      ])
    )
    expect(org.jurisdictions).toEqual(
      expect.arrayContaining([{ unitId: "HC-ZHUYI", areaCode: "kuizhou", orgKinds: ["village_clinic"] }])
    )
  })

  it("lists what is due today with deadlines, overdue flagged, and accepts a completion only with its evidence", async () => {
    const due = (await call("GET", `/api/v1/tasks/due?on=${today}`, "jihe")).json()
    expect(due.on).toBe(today)
    const check = due.items.find(
      (t: { dutyCode: string; periodKey: string }) =>
        t.dutyCode === "FJ-SSO-CLINIC-CHECK-Q" && t.periodKey === "2025-Q4"
    )
    expect(check).toMatchObject({ deadline: "2025-12-31", state: "open", generated: true })
    checkedUnit = check.unitId
    const mine = (await call("GET", `/api/v1/tasks/due?unit=${checkedUnit}&on=${today}`, "jihe")).json()
    expect(mine.items.every((t: { unitId: string }) => t.unitId === checkedUnit)).toBe(true)
    expect(due.overdue).toBe(due.items.filter((t: { state: string }) => t.state === "overdue").length)
    expect(due.overdue).toBeGreaterThan(0)
    expect(check.evidence.map((f: { key: string }) => f.key)).toContain("personsSampled")

    const bad = await call("POST", `/api/v1/tasks/${check.id}/completions`, "jihe", {
      completedOn: today,
      record: "现场检查",
      values: { personsSampled: 8, problemsFound: 0 }
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors).toEqual([{ path: "$.values.personsSampled", message: "抽查参保人数：不得少于 10" }])

    const content = Buffer.from("现场检查记录表（扫描件）")
    const good = await call("POST", `/api/v1/tasks/${check.id}/completions`, "jihe", {
      completedOn: today,
      record: "现场检查药师在岗、购销存台账，抽查12名参保人",
      values: { personsSampled: 12, problemsFound: 1, rectificationsVerified: 0 },
      files: [{ fileName: "检查记录.pdf", mediaType: "application/pdf", contentBase64: content.toString("base64") }]
    })
    expect(good.statusCode).toBe(201)
    expect(good.json().task).toMatchObject({ state: "done", completedOn: today, completedCount: 1 })
    const file = good.json().task.completions[0].files[0]
    expect(file.sha256).toBe(createHash("sha256").update(content).digest("hex"))
    const download = await call("GET", `/api/v1/evidence-files/${file.id}`, "jihe")
    expect(download.statusCode).toBe(200)
    expect(download.rawPayload.equals(content)).toBe(true)
    const audit = await listAudit(scratch.db, { entityType: "task" })
    expect(
      audit.some((a) => a.action === "task.complete" && a.entityId === check.id && a.actorName.includes("jihe"))
    ).toBe(true)

    const overdue = (
      await call("GET", `/api/v1/tasks?state=overdue&unit=SEC-JJJG&includeSupervised=true&on=${today}`, "jihe")
    ).json()
    expect(overdue.items.length).toBeGreaterThan(0)
    expect(
      overdue.items.every((t: { state: string; deadline: string }) => t.state === "overdue" && t.deadline < today)
    ).toBe(true)
    expect(new Set(overdue.items.map((t: { unitId: string }) => t.unitId)).size).toBeGreaterThan(1)

    const badDate = await call("GET", "/api/v1/tasks/due?on=2025-13-01", "jihe")
    expect(badDate.statusCode).toBe(400)
    expect(badDate.json().errors[0].path).toBe("$.query.on")
  })

  it("shows a month with holidays, adjusted working days and deadlines moved past National Day", async () => {
    const month = (await call("GET", "/api/v1/calendar/month?month=2025-09&unit=SSO-YONGAN", "jihe")).json()
    expect(month.days).toHaveLength(30)
    const sept28 = month.days.find((d: { date: string }) => d.date === "2025-09-28")
    expect(sept28.day).toMatchObject({ working: true, adjusted: true })
    const october = (await call("GET", "/api/v1/calendar/month?month=2025-10&unit=SSO-YONGAN", "jihe")).json()
    const oct9 = october.days.find((d: { date: string }) => d.date === "2025-10-09")
    // The September ledger (每月5日前) is due on 9 October: 5 October is in the holiday.
    expect(oct9.tasks.map((t: { dutyCode: string; periodKey: string }) => `${t.dutyCode}:${t.periodKey}`)).toContain(
      "FJ-SSO-LEDGER-M:2025-09"
    )
    expect(october.days.find((d: { date: string }) => d.date === "2025-10-01").day).toMatchObject({
      working: false,
      name: "国庆节"
    })
  })

  it("adds and revises a duty without code; refuses a bad one naming every field", async () => {
    const duty = {
      code: "FJ-TEST-PATROL-M",
      title: "每月对辖区药店开展一次夜间巡查",
      description: "",
      category: "inspection",
      source: { seed: null, document: "奉节县医疗保障局内部工作安排", clause: "一", text: "每月夜查" },
      effectiveFrom: "2025-12-01",
      effectiveTo: null,
      responsible: { unitKind: "social_security_office", unitIds: [] },
      object: { kind: "institutions", orgKinds: ["pharmacy"], hospitalLevels: [], withBeds: false },
      scope: "each_object",
      frequency: { kind: "every", unit: "month" },
      requiredCount: 1,
      coverageTarget: 1,
      deadline: { kind: "period_end" },
      evidence: [{ key: "problemsFound", label: "发现问题数", type: "count", required: true, min: 0 }],
      campaign: null
    }
    const created = await call("POST", "/api/v1/duties", "admin", duty)
    expect(created.statusCode).toBe(201)
    expect(created.json().version).toBe(1)
    const revised = await call("POST", "/api/v1/duties", "admin", {
      ...duty,
      effectiveFrom: "2026-03-01",
      frequency: { kind: "every", unit: "quarter" }
    })
    expect(revised.json().version).toBe(2)
    const all = (await call("GET", "/api/v1/duties?all=true", "admin"))
      .json()
      .items.filter((d: { code: string }) => d.code === duty.code)
    expect(all.map((d: { version: number; effectiveTo: string | null }) => [d.version, d.effectiveTo])).toEqual([
      [1, "2026-02-28"],
      [2, null]
    ])
    const bad = await call("POST", "/api/v1/duties", "admin", {
      ...duty,
      code: "x",
      frequency: { kind: "every", unit: "week" },
      colour: "red"
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().code).toBe("InvalidDuty")
    expect(bad.json().errors.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(["$.code", "$.frequency.unit", "$.colour"])
    )
    const early = await call("POST", "/api/v1/duties", "admin", { ...duty, effectiveFrom: "2025-01-01" })
    expect(early.json().errors[0]).toMatchObject({ path: "$.effectiveFrom" })
  })

  it("imports duties from .xlsx — a bad row is named, nothing is written — and exports them", async () => {
    const exported = await call("GET", "/api/v1/duties/export.xlsx?on=2025-11-20", "admin")
    expect(exported.headers["content-type"]).toContain("spreadsheetml")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    const sheet = workbook.getWorksheet("职责")!
    expect(sheet.getRow(1).getCell(1).text).toBe("编码")
    const codeRow = (code: string) => {
      let found = 0
      sheet.eachRow((row, n) => {
        if (row.getCell(1).text === code) found = n
      })
      return found
    }
    // Cells by their column's heading, as a person edits the sheet.
    const column = (heading: string) => {
      let found = 0
      sheet.getRow(1).eachCell((cell, n) => {
        if (cell.text === heading) found = n
      })
      return found
    }
    const row = codeRow("FJ-HC-TRAINING-Y")
    sheet.getRow(row).getCell(column("生效日期")).value = "2026-01-01"
    sheet.getRow(row).getCell(column("次数")).value = "3" // three trainings a year
    const broken = codeRow("FJ-SSO-LEDGER-M")
    sheet.getRow(broken).getCell(column("期限")).value = "下个月"
    // Keep only the two edited rows.
    const keep = new Set([1, row, broken])
    for (let n = sheet.rowCount; n >= 2; n--) if (!keep.has(n)) sheet.spliceRows(n, 1)
    const upload = async () => ({
      fileName: "职责.xlsx",
      contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64")
    })
    const rejected = await call("POST", "/api/v1/duties/import", "admin", await upload())
    expect(rejected.statusCode).toBe(400)
    expect(rejected.json().errors).toEqual([expect.objectContaining({ path: "职责 第3行 期限" })])
    sheet.spliceRows(3, 1)
    const imported = await call("POST", "/api/v1/duties/import", "admin", await upload())
    expect(imported.statusCode).toBe(200)
    expect(imported.json().items).toEqual([{ code: "FJ-HC-TRAINING-Y", version: 2, effectiveFrom: "2026-01-01" }])
  })

  it("imports the organisation from CSV and .xlsx, naming every bad row", async () => {
    const csv = "编码,名称,类型,上级单位,所在区域\nSSO-NEW,新城社保所,社保所,SEC-JJJG,kuizhou\nbad id,,城堡,,\n"
    const bad = await call("POST", "/api/v1/organisation/import", "admin", {
      fileName: "单位.csv",
      table: "units",
      contentBase64: Buffer.from(csv).toString("base64")
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().errors.map((p: { path: string }) => p.path)).toEqual([
      "单位 第3行 编码",
      "单位 第3行 名称",
      "单位 第3行 类型"
    ])
    const unknownParent = await call("POST", "/api/v1/organisation/import", "admin", {
      fileName: "单位.csv",
      table: "units",
      contentBase64: Buffer.from(
        "编码,名称,类型,上级单位,所在区域\nSSO-NEW,新城社保所,社保所,SEC-NOPE,kuizhou\n"
      ).toString("base64")
    })
    expect(unknownParent.json().errors[0].message).toContain("上级单位 SEC-NOPE 不存在")
    // A quoted cell across two lines keeps the next row's line number right; an unclosed quote is a
    // 400 naming the file, not a half-read sheet.
    const multiline = await call("POST", "/api/v1/organisation/import", "admin", {
      fileName: "单位.csv",
      table: "units",
      contentBase64: Buffer.from(
        '\uFEFF编码,名称,类型,上级单位,所在区域\nSSO-NEW,"新城\n社保所",社保所,SEC-JJJG,kuizhou\nbad id,,城堡,,\n'
      ).toString("base64")
    })
    expect(multiline.json().errors.map((p: { path: string }) => p.path)).toContain("单位 第4行 编码")
    const unclosed = await call("POST", "/api/v1/organisation/import", "admin", {
      fileName: "单位.csv",
      table: "units",
      contentBase64: Buffer.from('编码,名称\nSSO-NEW,"新城社保所\n').toString("base64")
    })
    expect(unclosed.statusCode).toBe(400)
    expect(unclosed.json()).toMatchObject({ code: "UnreadableFile", detail: expect.stringContaining("单位.csv") })
    const exported = await call("GET", "/api/v1/organisation/export.xlsx", "admin")
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(exported.rawPayload as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["区域", "单位", "辖区", "片区责任", "机构归属"])
    workbook
      .getWorksheet("单位")!
      .addRow(["SSO-NEW", "新城社保所", "乡镇（街道）社保所", "SEC-JJJG", "kuizhou", "", "", "", "是"])
    const ok = await call("POST", "/api/v1/organisation/import", "admin", {
      fileName: "组织机构.xlsx",
      contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64")
    })
    expect(ok.statusCode).toBe(200)
    expect(ok.json().counts.units).toBe(20)
    const org = (await call("GET", "/api/v1/organisation", "admin")).json()
    expect(org.units.find((u: { id: string }) => u.id === "SSO-NEW")).toMatchObject({
      name: "新城社保所",
      kind: "social_security_office"
    })
  })

  it("reports coverage per unit and county against target, per period and per campaign", async () => {
    const year = (await call("GET", "/api/v1/coverage?period=2025", "jihe")).json()
    const county = year.rows.find(
      (r: { dutyCode: string; unitId: string | null; periodKey: string }) =>
        r.dutyCode === "FJ-HC-VILLAGE-CHECK-Q" && r.unitId === null && r.periodKey === "2025-Q1"
    )
    expect(county).toMatchObject({ objects: 5, target: 1, unitName: "全县合计" })
    const campaign = (await call("GET", "/api/v1/coverage?campaign=FJ-2025-ZXZL", "jihe")).json()
    const village = campaign.rows.find(
      (r: { dutyCode: string; unitId: string | null }) => r.dutyCode === "FJ2025-CHECK-VILLAGE" && r.unitId === null
    )
    expect(village).toMatchObject({ target: 0.5, objects: 5, required: 3 })
    expect(village.campaign.phase).toBe("专项检查")
    const campaigns = (await call("GET", "/api/v1/campaigns", "jihe")).json().items
    // The county's own campaign; 奈曼旗's 2020 campaign (seed 001) binds 奈曼旗 only and is not the county's.
    expect(campaigns.map((c: { code: string }) => c.code)).toEqual(["FJ-2025-ZXZL"])
    expect((await call("GET", "/api/v1/coverage", "jihe")).statusCode).toBe(400)
  })

  it("ranks the health centres and social-security offices for a quarter and a year, explaining each place", async () => {
    for (const period of ["2025-Q3", "2025"]) {
      const res = await call("GET", `/api/v1/rankings?period=${period}`, "jihe")
      expect(res.statusCode).toBe(200)
      const { groups, scheme } = res.json()
      expect(scheme.code).toBe("FJ-RANKING")
      const centres = groups.find((g: { unitKind: string }) => g.unitKind === "health_centre")
      expect(centres.rows).toHaveLength(5)
      const ranks = centres.rows.map((r: { rank: number }) => r.rank)
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
      expect(centres.rows[0].explanation).toContain("得分")
      expect(centres.rows.some((r: { outcome: string | null }) => r.outcome === "interviewed")).toBe(true)
      // The eight 社保所 of the demo, and the one the organisation import added.
      expect(groups.find((g: { unitKind: string }) => g.unitKind === "social_security_office").rows).toHaveLength(9)
    }
    expect((await call("GET", "/api/v1/rankings?period=2025-Q5", "jihe")).statusCode).toBe(400)
  })

  it("exports the monthly inspection ledger as .xlsx with the seal box", async () => {
    const res = await call("GET", `/api/v1/ledger.xlsx?month=2025-11&unit=${checkedUnit}`, "jihe")
    expect(res.statusCode).toBe(200)
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("月度检查台账"))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
    const ws = workbook.getWorksheet("月度检查台账")!
    const text: Array<string> = []
    ws.eachRow((row) => row.eachCell((cell) => text.push(cell.text)))
    expect(text.join("|")).toMatch(/社保所门诊统筹费用使用监督检查台账（2025年11月）/)
    expect(text.join("|")).toContain("盖章处")
    expect(text.join("|")).toContain("抽查12名参保人")
  })

  it("generates tasks idempotently and publishes the routes in OpenAPI", async () => {
    // The organisation import above added a 社保所: its tasks are created once, then never again.
    const first = (await call("POST", "/api/v1/tasks/generate", "admin", {})).json()
    expect(first.planned).toBeGreaterThan(300)
    const again = (await call("POST", "/api/v1/tasks/generate", "admin", {})).json()
    expect([again.created, again.planned]).toEqual([0, first.planned])
    const docs = (await call("GET", "/api/docs/json")).json()
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/tasks/due",
        "/api/v1/duties",
        "/api/v1/rankings",
        "/api/v1/coverage",
        "/api/v1/ledger.xlsx",
        "/api/v1/organisation/import"
      ])
    )
  })
})
