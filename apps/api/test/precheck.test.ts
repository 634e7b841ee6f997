/**
 * The pre-settlement check over HTTP (`precheck.md`), on SQLite and PostgreSQL: an administrator gives a
 * hospital its interface key; the hospital's system checks its own claims (3101/3102) and is warned as the
 * nightly rules would flag; history kept in the database counts across requests and across a restart
 * (FREQUENCY_EXCEEDED); feedback (3103) is stored with the warning and audited; another institution's claim,
 * a bad request, a missing or revoked key are each refused in the interface's own form, nothing half stored.
 */
import { finishRun, startRun, systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoExtractDir, demoRegister } from "@fundguard/screening"
import type { FastifyInstance } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"

const password = "Precheck-Test-2025!"
const HOSPITAL = "H50023500001" // 奉节县人民医院, 三级
const OTHER = "H50023500002"

/** A 3101 request for one visit of the county hospital: 普通门诊诊查费 (三级 ceiling 10 yuan, 1 a day). */
const request = (visit: string, price: number, options: { medins?: string; day?: string } = {}) => ({
  infno: "3101",
  input: {
    data: {
      trig_scen: "6",
      patient_dtos: [
        {
          patn_id: "50023500000001",
          patn_name: "张三",
          gend: "1",
          brdy: "1960-05-12",
          curr_mdtrt_id: visit,
          fsi_encounter_dtos: [
            {
              mdtrt_id: visit,
              medins_id: options.medins ?? HOSPITAL,
              adm_date: `${options.day ?? "2025-03-14"} 08:30:00`,
              med_type: "11",
              dr_codg: "D500235000123",
              fsi_order_dtos: [
                {
                  rx_id: `${visit}-1`,
                  hilist_code: "001102000010000",
                  chrg_type: "01",
                  cnt: 1,
                  pric: price,
                  sumamt: price,
                  drord_begn_date: `${options.day ?? "2025-03-14"} 09:00:00`
                }
              ]
            }
          ]
        }
      ]
    }
  }
})

describe.each(["sqlite", "postgresql"] as const)("the pre-settlement check over HTTP on %s", (provider) => {
  let scratch: ScratchDatabase
  let app: FastifyInstance
  let admin = ""
  let supervisor = ""
  let key = ""
  let clientId = ""

  const start = async () => {
    app = await buildApp({ db: scratch.db, precheckReference: demoExtractDir })
    await app.ready()
  }
  const post = (url: string, token: string | null, payload: unknown) =>
    app.inject({
      method: "POST",
      url,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        "content-type": "application/json"
      },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload)
    })
  const signIn = async (username: string) =>
    (await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } })).json()
      .token as string

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    const unitId = await addBureauUnit(scratch.db)
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    for (const [username, role] of [
      ["admin", "admin"],
      ["jihe", "supervisor"]
    ] as const)
      await upsertUser(scratch.db, systemActor(), {
        username,
        displayName: username,
        role,
        unitId,
        department: null,
        password
      })
    await start()
    admin = await signIn("admin")
    supervisor = await signIn("jihe")
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
  })

  it("an administrator gives a hospital its key (shown once), only for an institution of the register", async () => {
    const unknown = await post("/api/v1/institution-clients", admin, { institutionCode: "H99999999999", name: "x" })
    expect(unknown.statusCode).toBe(422)
    const created = await post("/api/v1/institution-clients", admin, { institutionCode: HOSPITAL, name: "县医院HIS" })
    expect(created.statusCode).toBe(201)
    key = created.json().key
    clientId = created.json().client.id
    expect(key).toMatch(/^fgi_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/)
    const listed = await app.inject({
      method: "GET",
      url: "/api/v1/institution-clients",
      headers: { authorization: `Bearer ${admin}` }
    })
    expect(listed.json().items).toMatchObject([{ institutionCode: HOSPITAL, name: "县医院HIS" }])
    expect(listed.body).not.toContain(key.slice(18))
    // A bureau supervisor may not manage keys, nor call the institutions' door.
    expect(
      (await post("/api/v1/institution-clients", supervisor, { institutionCode: HOSPITAL, name: "y" })).statusCode
    ).toBe(403)
    expect((await post("/api/v1/precheck", supervisor, request("V0", 15))).statusCode).toBe(403)
  })

  it("warns a hospital before settlement as the nightly rule would, and stores the warning with its jr_id", async () => {
    const res = await post("/api/v1/precheck", key, request("V1", 15))
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ infcode: 0, err_msg: null })
    const warning = body.output.result.find((w: { rule_id: string }) => w.rule_id === "PRICE_OVER_CAP")
    expect(warning).toMatchObject({ mdtrt_id: "V1", vola_amt: 5, sev_deg: "1", patn_id: "50023500000001" })
    expect(warning.vola_cont).toContain("限价 10.00 元")
    expect(warning.judge_result_detail_dtos).toMatchObject([{ rx_id: "V1-1", vola_item_type: "1", vola_amt: 5 }])
    // The records are written by the door's group commit, right after the answer.
    await app.precheckRecordsWritten()
    const stored = await scratch.db.precheckWarning.findUniqueOrThrow({ where: { id: warning.jr_id } })
    expect(stored).toMatchObject({
      ruleCode: "PRICE_OVER_CAP",
      institutionCode: HOSPITAL,
      doctorCode: "D500235000123",
      amount: 5
    })
  })

  it("counts the day's earlier units from the database, across a restart (FREQUENCY_EXCEEDED)", async () => {
    // V1 already billed the consultation once that day (limit 1 a day); restart before the second visit.
    await app.close()
    await start()
    const second = (await post("/api/v1/precheck", key, request("V2", 10))).json()
    const frequency = second.output.result.find((w: { rule_id: string }) => w.rule_id === "FREQUENCY_EXCEEDED")
    expect(frequency).toMatchObject({ mdtrt_id: "V2", vola_amt: 10 })
    expect(frequency.judge_result_detail_dtos).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mdtrt_id: "V2", rx_id: "V2-1", vola_item_type: "1" }),
        expect.objectContaining({ mdtrt_id: "V1", rx_id: "V1-1", vola_item_type: "2" })
      ])
    )
    // Checking V2 again (3102 after 3101) replaces its lines rather than counting them twice.
    await post("/api/v1/precheck", key, { ...request("V2", 10), infno: "3102" })
    await app.precheckRecordsWritten()
    expect(await scratch.db.precheckLine.count({ where: { mdtrtId: "V2" } })).toBe(1)
    // Another day: no warning.
    const other = (await post("/api/v1/precheck", key, request("V3", 10, { day: "2025-03-15" }))).json()
    expect(other.output.result).toEqual([])
  })

  it("stores and audits what the hospital did with a warning (3103); an override needs its reason", async () => {
    const warned = (await post("/api/v1/precheck", key, request("V4", 15, { day: "2025-03-16" }))).json()
    const jr = warned.output.result[0].jr_id as string
    const feedback = (way: string, reason?: string) => ({
      infno: "3103",
      input: { data: { warn_rslt_id: jr, dspo_way: way, ...(reason === undefined ? {} : { dspo_way_rea: reason }) } }
    })
    const noReason = (await post("/api/v1/precheck", key, feedback("1"))).json()
    expect(noReason.infcode).toBe(-1)
    expect(noReason.err_msg).toContain("dspo_way_rea")
    expect((await post("/api/v1/precheck", key, feedback("1", "患者病情需要"))).json()).toEqual({
      infcode: 0,
      err_msg: null,
      output: { result: [] }
    })
    expect(await scratch.db.precheckWarning.findUniqueOrThrow({ where: { id: jr } })).toMatchObject({
      dispoWay: "1",
      dispoReason: "患者病情需要"
    })
    expect(await scratch.db.auditEvent.count({ where: { action: "precheck.feedback", entityId: jr } })).toBe(1)
    const unknown = (
      await post("/api/v1/precheck", key, {
        ...feedback("2"),
        input: { data: { warn_rslt_id: "nope", dspo_way: "2" } }
      })
    ).json()
    expect(unknown).toMatchObject({ infcode: -1, err_msg: expect.stringContaining("warn_rslt_id") })
  })

  it("links the nightly suspicion on a warned line to the warning and what the hospital did with it", async () => {
    // V4 was warned (PRICE_OVER_CAP) and the hospital overrode it with a reason; the nightly run flags it.
    const run = await startRun(scratch.db, systemActor("test"), {
      trigger: "cli",
      extract: "/srv/extracts/500235-2025-03",
      admdvs: "500235",
      periodFrom: null,
      periodTo: null,
      params: {}
    })
    await finishRun(scratch.db, systemActor("test"), run.id, {
      rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 1, durationMs: 1 }],
      suspicions: [
        {
          rule: "PRICE_OVER_CAP",
          ruleVersion: 1,
          level: "line",
          fixmedins_code: HOSPITAL,
          psn_no: "50023500000001",
          mdtrt_id: "V4",
          setl_id: null,
          feedetl_sn: ["V4-1"],
          med_list_codg: "001102000010000",
          date: "2025-03-16",
          amount: 5,
          violation: "A38-3-OVER_STANDARD_CHARGE",
          evidence: {},
          message: "单价超过限价"
        }
      ]
    })
    const lead = await scratch.db.suspicion.findFirstOrThrow({ where: { mdtrtId: "V4" } })
    const detail = (
      await app.inject({
        method: "GET",
        url: `/api/v1/suspicions/${lead.id}`,
        headers: { authorization: `Bearer ${supervisor}` }
      })
    ).json()
    expect(detail.precheckWarnings).toMatchObject([
      {
        mdtrtId: "V4",
        disposition: "override",
        dispositionLabel: "继续执行（未修改）",
        reason: "患者病情需要",
        amount: 5
      }
    ])
    expect(detail.precheckWarnings[0].message).toContain("限价")
  })

  it("reports per institution and per doctor: warnings, overrides, overrides confirmed, what the warnings saved", async () => {
    // V5 warned at 15 yuan, then checked again at 10: the warning saved its 5 yuan.
    await post("/api/v1/precheck", key, request("V5", 15, { day: "2025-03-17" }))
    await post("/api/v1/precheck", key, { ...request("V5", 10, { day: "2025-03-17" }), infno: "3102" })
    // V4's override was later confirmed by review.
    const lead = await scratch.db.suspicion.findFirstOrThrow({ where: { mdtrtId: "V4" } })
    await scratch.db.reviewOutcome.create({
      data: {
        suspicionId: lead.id,
        result: "confirmed",
        reason: "核实确认",
        proposedByName: "王稽核",
        approvedByName: "刘局长"
      }
    })
    const res = await app.inject({
      method: "GET",
      url: "/api/v1/precheck/report?from=2025-03-01&to=2025-03-31",
      headers: { authorization: `Bearer ${supervisor}` }
    })
    expect(res.statusCode, res.body).toBe(200)
    const report = res.json()
    // Warnings: V1 (price), V2 twice (frequency, 3101 and 3102), V4 (price), V5 (price).
    expect(report.institutions).toEqual([
      {
        institutionCode: HOSPITAL,
        institutionName: "奉节县人民医院",
        doctorCode: null,
        warnings: 5,
        overrides: 1,
        edited: 0,
        noFeedback: 4,
        overridesConfirmed: 1,
        saved: 5
      }
    ])
    expect(report.doctors).toMatchObject([{ institutionCode: HOSPITAL, doctorCode: "D500235000123", warnings: 5 }])
    const backwards = await app.inject({
      method: "GET",
      url: "/api/v1/precheck/report?from=2025-03-31&to=2025-03-01",
      headers: { authorization: `Bearer ${supervisor}` }
    })
    expect(backwards.statusCode).toBe(400)
  })

  it("refuses another institution's claim, bad requests and bad keys in the interface's form, storing nothing", async () => {
    await app.precheckRecordsWritten()
    const before = await scratch.db.precheckLine.count()
    const other = await post("/api/v1/precheck", key, request("X1", 15, { medins: OTHER }))
    expect(other.statusCode).toBe(403)
    expect(other.json()).toMatchObject({ infcode: -1, err_msg: expect.stringContaining("medins_id") })
    const missing = JSON.parse(JSON.stringify(request("X2", 15)))
    delete missing.input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[0].pric
    const invalid = await post("/api/v1/precheck", key, missing)
    expect(invalid.statusCode).toBe(200)
    expect(invalid.json()).toMatchObject({
      infcode: -1,
      err_msg: expect.stringContaining("$.input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[0].pric")
    })
    const huge = JSON.parse(JSON.stringify(request("X3", 15)))
    huge.input.data.patient_dtos[0].fsi_encounter_dtos[0].fsi_order_dtos[0].cnt = 1e300
    expect((await post("/api/v1/precheck", key, huge)).json().infcode).toBe(-1)
    const notJson = await post("/api/v1/precheck", key, "{not json")
    expect(notJson.statusCode).toBe(400)
    expect(notJson.json()).toMatchObject({ infcode: -1, err_msg: expect.stringContaining("JSON") })
    const anonymous = await post("/api/v1/precheck", null, request("X4", 15))
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json().infcode).toBe(-1)
    for (const r of [other, invalid, notJson, anonymous]) expect(r.body).not.toMatch(/\bat .*\.(ts|js):\d+/)
    await app.precheckRecordsWritten()
    expect(await scratch.db.precheckLine.count()).toBe(before)
    // Revoked: the key stops at once.
    expect((await post(`/api/v1/institution-clients/${clientId}/revoke`, admin, {})).statusCode).toBe(204)
    expect((await post("/api/v1/precheck", key, request("X5", 15))).statusCode).toBe(401)
  })
})
