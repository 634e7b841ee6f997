/**
 * Inspections over HTTP (inject, SQLite; the use cases' own test covers PostgreSQL) in the demo
 * county: the register, a plan serving the 双随机 duty (二级医院 ≥ 50 %), a draw with its recorded
 * seed, the re-draw verification, publication, an on-site record refused with one officer and
 * finished with two — which completes the duty's task of the section — a case opened from the
 * inspection, and its 现场检查笔录 printed.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { now, seedCounty, signInAll, signInNewAccount, today, type Username } from "./utils/county.js"

describe("inspections over HTTP (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let tokens: Record<Username, string>

  const call = (method: "GET" | "POST" | "PUT", url: string, user: Username, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-inspections-api-"))
    await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({ db: scratch.db, now, evidenceDir })
    await app.ready()
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("plan → draw → verify → publish → on-site record → duty task → case → 现场检查笔录", async () => {
    // The register, kept by the 基金监管科 that plans the draws: its two inspectors (own area 永安街道) and two of
    // the handling centre (a section of the bureau keeps every unit's register: `bureauWide`).
    for (const [code, name, unitId, by] of [
      ["JC-W1", "王检查", "SEC-JJJG", "jihe"],
      ["JC-W2", "吴检查", "SEC-JJJG", "jihe"],
      ["JC-Z1", "周检查", "CENTRE", "jihe"],
      ["JC-Z2", "郑检查", "CENTRE", "jihe"]
    ] as const) {
      const res = await call("PUT", `/api/v1/inspectors/${code}`, by, {
        name,
        unitId,
        badge: `渝医保执 ${code}`,
        active: true,
        conflicts: code === "JC-Z1" ? ["H50023500002"] : []
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    const reviewerPut = await call("PUT", "/api/v1/inspectors/JC-X", "shenhe", {
      name: "x",
      unitId: "CENTRE",
      badge: "b",
      active: true,
      conflicts: []
    })
    expect(reviewerPut.statusCode).toBe(403)
    const badUnit = await call("PUT", "/api/v1/inspectors/JC-X", "jihe", {
      name: "x",
      unitId: "NOWHERE",
      badge: "b",
      active: true,
      conflicts: []
    })
    expect(badUnit.statusCode).toBe(400)
    expect(badUnit.json().errors[0].path).toBe("$.unitId")
    const register = (await call("GET", "/api/v1/inspectors", "jihe")).json()
    expect(register.items.find((i: { staffCode: string }) => i.staffCode === "JC-W1").ownArea).toContain("H50023500001")

    const plan = await call("POST", "/api/v1/inspection-plans", "jihe", {
      kind: "routine",
      title: "2025年“双随机、一公开”检查",
      dutyCode: "SJ-DOUBLE-RANDOM-Y",
      periodFrom: "2025-11-01",
      periodTo: "2025-12-31"
    })
    expect(plan.statusCode, plan.body).toBe(201)
    const planId = plan.json().id as string
    const badPlan = await call("POST", "/api/v1/inspection-plans", "jihe", {
      kind: "routine",
      title: "x",
      dutyCode: "NO-SUCH-DUTY",
      periodFrom: "2025-11-01",
      periodTo: "2025-12-31"
    })
    expect(badPlan.statusCode).toBe(400)
    expect(badPlan.json().errors[0].path).toBe("$.dutyCode")

    // 二级医院 ≥ 50 %: the county has one (奉节县中医院), so it is drawn; JC-Z1 declared a conflict on it.
    const spec = {
      method: "random",
      seed: "2025-11-20 局务会公开抽取",
      strata: [
        { name: "二级医院", orgKinds: ["public_hospital", "private_hospital"], hospitalLevels: ["2"], share: 0.5 }
      ],
      excludeDays: 180,
      inspectors: ["JC-W1", "JC-W2", "JC-Z1", "JC-Z2"],
      plannedOn: today
    }
    const drawn = await call("POST", `/api/v1/inspection-plans/${planId}/draws`, "jihe", spec)
    expect(drawn.statusCode, drawn.body).toBe(201)
    const draw = drawn.json()
    expect(draw.seed).toBe(spec.seed)
    expect(draw.algorithm).toBe("fundguard-draw/1")
    expect(draw.targets.map((t: { institutionCode: string }) => t.institutionCode)).toEqual(["H50023500002"])
    const team = draw.targets[0].team.map((m: { staffCode: string }) => m.staffCode)
    expect(team).toHaveLength(2)
    expect(team).not.toContain("JC-Z1")
    expect(JSON.parse(draw.inputs).inspectors).toHaveLength(4)

    // Before publication only the planners see (and re-draw) it; a second draw of the plan is refused.
    const unseen = await call("POST", `/api/v1/inspection-draws/${draw.id}/verify`, "caotang")
    expect(unseen.statusCode).toBe(409)
    expect((await call("GET", `/api/v1/inspection-draws/${draw.id}`, "caotang")).statusCode).toBe(403)
    const verified = await call("POST", `/api/v1/inspection-draws/${draw.id}/verify`, "jihe")
    expect(verified.statusCode, verified.body).toBe(200)
    expect(verified.json()).toMatchObject({ same: true, problem: null })
    expect(verified.json().recomputed).toBe(draw.result)

    const early = await call("GET", `/api/v1/inspection-draws/${draw.id}/publication`, "jihe")
    expect(early.statusCode).toBe(409)
    const published = await call("POST", `/api/v1/inspection-draws/${draw.id}/publish`, "jihe")
    expect(published.statusCode, published.body).toBe(200)
    const reverified = await call("POST", `/api/v1/inspection-draws/${draw.id}/verify`, "caotang")
    expect(reverified.statusCode, reverified.body).toBe(200)
    expect(reverified.json()).toMatchObject({ same: true })
    const publication = (await call("GET", `/api/v1/inspection-draws/${draw.id}/publication`, "jihe")).json()
    expect(publication).toMatchObject({ seed: spec.seed, algorithm: "fundguard-draw/1" })
    expect(publication.items[0].institutionName).toBe("奉节县中医院")
    expect(publication.items[0].inspectors).toHaveLength(2)
    const csv = await call("GET", `/api/v1/inspection-draws/${draw.id}/publication.csv`, "jihe")
    expect(csv.statusCode).toBe(200)
    expect(csv.body).toContain("奉节县中医院")
    expect(csv.body).not.toContain("渝医保执")

    // Today's inspections: the section sees it; 草堂镇卫生院 (neither the institution nor the team) does not.
    const inspectionId = draw.targets[0].inspectionId as string
    const todayOf = async (user: Username) =>
      ((await call("GET", "/api/v1/inspections?view=today", user)).json().items as Array<{ id: string }>).map(
        (i) => i.id
      )
    expect(await todayOf("jihe")).toContain(inspectionId)
    expect(await todayOf("caotang")).not.toContain(inspectionId)
    expect((await call("GET", `/api/v1/inspections/${inspectionId}`, "caotang")).statusCode).toBe(404)

    const detail = (await call("GET", `/api/v1/inspections/${inspectionId}`, "jihe")).json()
    expect(detail.checklist.code).toBe("CL-HOSPITAL")
    const items = detail.checklist.items as Array<{ code: string }>
    const record = (officers: number) => ({
      startTime: "09:10",
      endTime: "11:40",
      place: "奉节县中医院住院部及收费处",
      recorder: "吴检查",
      presentPerson: { name: "孙院长", position: "副院长", phone: "023-56550000" },
      officers: [
        { name: "王检查", badge: "渝医保执 JC-W1" },
        { name: "吴检查", badge: "渝医保执 JC-W2" }
      ].slice(0, officers),
      items: items.map((i) =>
        i.code === "HO-BED"
          ? { code: i.code, result: "nonconform", note: "3 名住院患者不在床" }
          : { code: i.code, result: "conform" }
      ),
      sampledPersons: [{ psnNo: "500235199001011234", name: "王小明" }],
      findings: [{ violation: "A38-1-BED_HANGING", description: "挂床住院 3 人次", amount: 2460 }]
    })
    const one = await call("PUT", `/api/v1/inspections/${inspectionId}/record`, "shenhe", {
      record: record(1),
      finish: true
    })
    expect(one.statusCode, one.body).toBe(400)
    expect(one.json().errors.map((e: { path: string }) => e.path)).toEqual(["$.officers"])
    expect(one.json().errors[0].message).toContain("不得少于 2 人")

    const photo = await call("POST", `/api/v1/inspections/${inspectionId}/files`, "shenhe", {
      kind: "photo",
      fileName: "病房.jpg",
      mediaType: "image/jpeg",
      contentBase64: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString("base64")
    })
    expect(photo.statusCode, photo.body).toBe(201)
    expect(photo.json().sha256).toMatch(/^[0-9a-f]{64}$/)

    const finished = await call("PUT", `/api/v1/inspections/${inspectionId}/record`, "shenhe", {
      record: record(2),
      finish: true
    })
    expect(finished.statusCode, finished.body).toBe(200)
    expect(finished.json().status).toBe("finished")
    expect(finished.json().dutyTask.completed, finished.json().dutyTask.message).toBe(true)
    const task = await scratch.db.dutyTask.findUniqueOrThrow({ where: { id: finished.json().dutyTask.taskId } })
    expect(task).toMatchObject({ dutyCode: "SJ-DOUBLE-RANDOM-Y", unitId: "SEC-JJJG", objectCode: "H50023500002" })
    expect(task.completedOn).toBe(today)
    const again = await call("PUT", `/api/v1/inspections/${inspectionId}/record`, "shenhe", {
      record: record(2),
      finish: true
    })
    expect(again.statusCode).toBe(409)

    // The sampled persons: masked for a reviewer, in the clear for the section; both reads audited.
    const masked = (await call("GET", `/api/v1/inspections/${inspectionId}`, "shenhe")).json()
    expect(masked.record.sampledPersons[0].psnNo).toBe("500*************34")
    const clear = (await call("GET", `/api/v1/inspections/${inspectionId}`, "jihe")).json()
    expect(clear.record.sampledPersons[0].psnNo).toBe("500235199001011234")
    const reads = await scratch.db.auditEvent.findMany({
      where: { entityId: inspectionId, action: "inspection.read_persons" }
    })
    expect(reads.length).toBeGreaterThanOrEqual(2)

    const html = await call("GET", `/api/v1/inspections/${inspectionId}/record`, "jihe")
    expect(html.statusCode).toBe(200)
    expect(html.body).toContain("现场检查笔录")
    expect(html.body).toContain("挂床住院 3 人次")

    // A case from the inspection: its 现场检查笔录 is the inspection's record.
    const elsewhere = await call("POST", "/api/v1/cases", "jihe", {
      source: "inspection",
      institutionCode: "H50023500001",
      discoveredOn: today,
      summary: "另一机构",
      references: [inspectionId]
    })
    expect(elsewhere.statusCode).toBe(400)
    expect(elsewhere.json().errors).toEqual([
      { path: "$.references[0]", message: expect.stringContaining("不是本机构已完成的现场检查") }
    ])
    const opened = await call("POST", "/api/v1/cases", "jihe", {
      source: "inspection",
      institutionCode: "H50023500002",
      discoveredOn: today,
      summary: "现场检查发现挂床住院",
      references: [inspectionId]
    })
    expect(opened.statusCode, opened.body).toBe(201)
    const caseId = opened.json().id as string
    const file = (await call("GET", `/api/v1/cases/${caseId}`, "jihe")).json()
    expect(file.documents.find((d: { kind: string }) => d.kind === "onsite_record").available).toBe(true)
    const printed = await call("GET", `/api/v1/cases/${caseId}/documents/onsite_record`, "jihe")
    expect(printed.statusCode, printed.body).toBe(200)
    expect(printed.body).toContain("奉节县中医院")
    expect(printed.body).toContain("渝医保执 JC-W1")
    const pdf = await call("GET", `/api/v1/cases/${caseId}/documents/onsite_record/pdf`, "jihe")
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-")
  }, 120_000)

  it("refuses malformed draws naming the field, and a draw on an unknown plan is 404", async () => {
    const noPlan = await call("POST", "/api/v1/inspection-plans/ZZ-NONE/draws", "jihe", {
      method: "weighted",
      seed: "s",
      count: 1,
      excludeDays: 0,
      plannedOn: today
    })
    expect(noPlan.statusCode).toBe(404)
    const plan = (
      await call("POST", "/api/v1/inspection-plans", "jihe", {
        kind: "unannounced",
        title: "四不两直",
        periodFrom: today,
        periodTo: today
      })
    ).json()
    const noStrata = await call("POST", `/api/v1/inspection-plans/${plan.id}/draws`, "jihe", {
      method: "random",
      seed: "s",
      excludeDays: 0,
      plannedOn: today
    })
    expect(noStrata.statusCode, noStrata.body).toBe(400)
    expect(noStrata.json().errors.map((e: { path: string }) => e.path)).toContain("$.strata")
    const weighted = await call("POST", `/api/v1/inspection-plans/${plan.id}/draws`, "jihe", {
      method: "weighted",
      seed: "重点",
      count: 2,
      excludeDays: 0,
      plannedOn: today
    })
    expect(weighted.statusCode, weighted.body).toBe(201)
    expect(weighted.json().statement).toContain("重点抽查")
  })
  it("a unit edits only its own inspectors; the bureau and its sections edit everyone's", async () => {
    // A 卫生院 supervisor (inspections:plan; his scope is his 卫生院's).
    const township = await signInNewAccount(app, scratch.db, {
      username: "caotang-sup",
      displayName: "草堂监管",
      role: "supervisor",
      unitId: "HC-CAOTANG"
    })
    const put = (token: string, code: string, body: object) =>
      app.inject({
        method: "PUT",
        url: `/api/v1/inspectors/${code}`,
        headers: { authorization: `Bearer ${token}` },
        payload: body
      })
    const entry = { name: "周检查", unitId: "CENTRE", badge: "渝医保执 JC-Z1", active: true, conflicts: [] }
    await put(tokens.admin, "JC-Z1", entry)
    // Another unit's inspector: neither deactivated nor moved into his unit.
    for (const body of [
      { ...entry, active: false, conflicts: [] },
      { ...entry, unitId: "HC-CAOTANG" }
    ]) {
      const refused = await put(township, "JC-Z1", body)
      expect(refused.statusCode).toBe(403)
      expect(refused.json().detail).toContain("JC-Z1")
    }
    expect(await scratch.db.inspector.findUnique({ where: { staffCode: "JC-Z1" } })).toMatchObject({
      active: true,
      unitId: "CENTRE"
    })
    // Nor a new inspector of another unit; one of his own unit is his to add and edit.
    expect((await put(township, "JC-T9", { ...entry, name: "x" })).statusCode).toBe(403)
    const ownUnit = { name: "草堂检查", unitId: "HC-CAOTANG", badge: "渝医保执 CT-1", active: true, conflicts: [] }
    expect((await put(township, "CT-1", ownUnit)).json()).toEqual({ created: true })
    expect((await put(township, "CT-1", { ...ownUnit, active: false })).json()).toEqual({ created: false })
    // Nor can he move his own out of his scope; the bureau can edit any unit's.
    expect((await put(township, "CT-1", { ...ownUnit, unitId: "CENTRE" })).statusCode).toBe(403)
    expect((await put(tokens.admin, "CT-1", { ...ownUnit, unitId: "CENTRE" })).statusCode).toBe(200)
    expect((await put(tokens.admin, "JC-Z1", { ...entry, active: false })).statusCode).toBe(200)
    expect((await put(tokens.jihe, "JC-Z1", { ...entry, active: true })).statusCode).toBe(200)
  })
})
