/**
 * The API from outside, as an attacker and as a careless user would use it: every route's declared
 * access by role, the data scope of each unit, path variants that must not slip past
 * authentication, login throttling, security headers and evidence downloads. Routes are taken from
 * the server's own route table, so a new route is covered — or the suite says it is unclassified.
 */
import { can, type Permission } from "@fundguard/domain/access"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance, LightMyRequestResponse } from "fastify"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import type { DeclaredRoute } from "../src/plugins/auth.js"
import { accounts, now, password, seedCounty, signInAll, type CountyFixture, type Username } from "./utils/county.js"

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

/** Values for path parameters that name nothing: a route reached with them does no harm. */
const absent: Readonly<Record<string, string>> = {
  id: "ZZ-NONE",
  code: "zz-none",
  areaCode: "zz-none",
  // A kind the contract accepts, so that the route reaches its scope check.
  kind: "filing_approval"
}
const fill = (url: string, values: Readonly<Record<string, string>>) =>
  url.replace(/:([A-Za-z]+)/g, (_, name: string) => values[name] ?? absent[name] ?? "ZZ-NONE")

describe("security from outside (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let uiDir: string
  let app: FastifyInstance
  let county: CountyFixture
  let tokens: Record<Username, string>
  let routes: ReadonlyArray<DeclaredRoute>

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-evidence-"))
    // The UI is served too, as in production: its index.html is the fallback of unknown GET paths,
    // which must never be what a variant of an API path gets.
    uiDir = mkdtempSync(join(tmpdir(), "fundguard-ui-"))
    writeFileSync(join(uiDir, "index.html"), "<!doctype html><title>FundGuard</title>")
    county = await seedCounty(scratch.db, evidenceDir, { credit: true })
    app = await buildApp({ db: scratch.db, now, evidenceDir, adminDist: uiDir })
    await app.ready()
    routes = app.declaredRoutes.filter((r) => r.method !== "HEAD")
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    if (evidenceDir !== undefined) rmSync(evidenceDir, { recursive: true, force: true })
    if (uiDir !== undefined) rmSync(uiDir, { recursive: true, force: true })
  })

  const call = (method: Method, url: string, user?: Username, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: user === undefined ? {} : { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as object })
    })

  const apiRoutes = () => routes.filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs"))

  it("every API route declares public access or a permission, and only sign-in, health and docs are public", () => {
    expect(apiRoutes().length).toBeGreaterThan(40)
    for (const r of routes) expect(r.public || r.permission !== null, `${r.method} ${r.url}`).toBe(true)
    const open = apiRoutes()
      .filter((r) => r.public)
      .map((r) => `${r.method} ${r.url}`)
    // The published decisions (曝光台) are public by law (行政处罚法 Art.48), masked.
    expect(open.sort()).toEqual(["GET /api/health", "GET /api/v1/public/exposures", "POST /api/auth/login"])
  })

  it("every API route is mounted from its contract in packages/contracts (no hand-written shapes)", () => {
    const without = apiRoutes()
      .filter((r) => r.contract !== `${r.method === "HEAD" ? "GET" : r.method} ${r.url}`)
      .map((r) => `${r.method} ${r.url}`)
    expect(without).toEqual([])
  })

  it("the authorisation matrix: every route × every role (and no sign-in) gets exactly what its permission says", async () => {
    let cells = 0
    for (const route of apiRoutes().filter((r) => !r.public)) {
      const url = fill(route.url, {})
      const anonymous = await call(route.method as Method, url)
      expect(anonymous.statusCode, `no token: ${route.method} ${route.url}`).toBe(401)
      cells++
      for (const a of accounts) {
        // Signing out ends the session under test: it is exercised with a session of its own.
        const token =
          route.url === "/api/auth/logout"
            ? (
                (
                  await app.inject({
                    method: "POST",
                    url: "/api/auth/login",
                    payload: { username: a.username, password }
                  })
                ).json() as { token: string }
              ).token
            : tokens[a.username]
        const res = await app.inject({
          method: route.method as Method,
          url,
          headers: { authorization: `Bearer ${token}` }
        })
        const allowed = can(a.role, route.permission as Permission)
        const where = `${a.username} (${a.role}) ${route.method} ${route.url} → ${res.statusCode} ${res.body.slice(0, 120)}`
        if (allowed) {
          expect(res.statusCode, where).not.toBe(401)
          expect(res.statusCode === 403 && (res.json() as { code: string }).code === "Forbidden", where).toBe(false)
          expect(res.statusCode, where).toBeLessThan(500)
        } else {
          expect(res.statusCode, where).toBe(403)
          // The pre-settlement check answers in the national interface's form (precheck.md).
          if (route.url === "/api/v1/precheck")
            expect(res.json(), where).toMatchObject({ infcode: -1, err_msg: "当前角色无权执行此操作" })
          else expect((res.json() as { code: string }).code, where).toBe("Forbidden")
        }
        cells++
      }
    }
    expect(cells).toBeGreaterThan(250)
  })

  /**
   * Routes that name one unit-scoped object, with the object kind their parameter names. A route
   * with a parameter missing from here and from `bureauWide` fails the next test: it must be
   * classified before it ships.
   */
  /**
   * Bodies of the right shape that still change nothing (a stale revision, a day before the task's
   * period): inside the scope they reach the object and are refused by it, outside it they are not found.
   */
  const harmless: Readonly<Record<string, unknown>> = {
    // Dates in the future, or a decision before the required hearing: refused inside the scope.
    "POST /api/v1/agreement-measures/:id/statement": { statement: "—", on: "2999-01-01" },
    "POST /api/v1/agreement-measures/:id/decision": { decision: "—" },
    "POST /api/v1/rectifications/:id/report": { on: "2999-01-01", text: "—" },
    "POST /api/v1/rectifications/:id/recheck": { on: "2999-01-01", text: "—", passed: true },
    "POST /api/v1/tasks/:id/completions": { completedOn: "2000-01-03", record: "—" },
    "POST /api/v1/suspicions/:id/steps": { action: "first_review_confirm", revision: 999_999 },
    "POST /api/v1/suspicions/:id/institution-response": {
      revision: 999_999,
      kind: "accepted",
      statement: "认可",
      receivedOn: "2025-11-03"
    },
    "POST /api/v1/suspicions/:id/assign": { revision: 999_999, assigneeId: "ZZ-NONE" },
    "POST /api/v1/cases/:id/steps": { action: "submit_filing", revision: 999_999, input: { opinion: "—" } },
    // One officer: refused by the rule (400) inside the scope; an empty file: refused before storing.
    "PUT /api/v1/inspections/:id/record": {
      finish: false,
      record: {
        startTime: "09:00",
        endTime: "10:00",
        place: "—",
        recorder: "—",
        presentPerson: { name: "—", position: "—" },
        officers: [{ name: "—", badge: "—" }],
        items: [],
        sampledPersons: [],
        findings: []
      }
    },
    "POST /api/v1/inspections/:id/files": { kind: "photo", fileName: "x.jpg", contentBase64: "=" },
    // A claim not in the sample: refused by the rule (400) inside the scope.
    "POST /api/v1/samples/:id/reviews": { claimId: "ZZ-NONE", overpaid: 0, reason: "" },
    // Transfers: sending a transfer the head has not approved (409), a stale revision (409).
    "POST /api/v1/transfers/:id/steps": { revision: 999_999, step: { _tag: "send" } },
    "POST /api/v1/transfers/:id/case": { revision: 999_999 },
    // Complaints: accepted and in a case already, dates in the future, not verified; rewards paid.
    "POST /api/v1/complaints/:id/triage": { decision: "accept" },
    "POST /api/v1/complaints/:id/case": {},
    "POST /api/v1/complaints/:id/outcome": { result: "unfounded", on: "2999-01-01", note: "—" },
    "POST /api/v1/complaints/:id/reply": { on: "2999-01-01", method: "phone", content: "—" },
    "POST /api/v1/complaints/:id/retaliation": { on: "2999-01-01", by: "—", description: "—" },
    "POST /api/v1/complaints/:id/informant/reveal": { reason: "安全测试" },
    "POST /api/v1/complaints/:id/rewards": { caseValue: 0, basis: "—" },
    "POST /api/v1/complaint-rewards/:id/review": { note: "—" },
    "POST /api/v1/complaint-rewards/:id/approval": { note: "—" },
    "POST /api/v1/complaint-rewards/:id/return": { note: "—" },
    // Credit: a 记分 dated in the future; a publication approved already.
    "POST /api/v1/practitioners/:id/points": {
      decidedOn: "2999-01-01",
      points: 5,
      responsibility: "general",
      source: "case",
      sourceId: "ZZ-NONE",
      event: "—"
    },
    "POST /api/v1/complaint-rewards/:id/payment": {
      paidOn: "2025-11-20",
      amount: 200,
      method: "bank_transfer",
      reference: "—"
    }
  }
  const scopedObjects: Readonly<
    Record<
      string,
      | "task"
      | "evidence"
      | "lead"
      | "case"
      | "inspection"
      | "measure"
      | "rectification"
      | "sample"
      | "transfer"
      | "complaint"
      | "reward"
      | "practitioner"
      | "institution"
      | "publication"
    >
  > = {
    "POST /api/v1/agreement-measures/:id/statement": "measure",
    "POST /api/v1/agreement-measures/:id/decision": "measure",
    "POST /api/v1/agreement-measures/:id/review": "measure",
    "POST /api/v1/rectifications/:id/report": "rectification",
    "POST /api/v1/rectifications/:id/recheck": "rectification",
    "GET /api/v1/inspections/:id": "inspection",
    "PUT /api/v1/inspections/:id/record": "inspection",
    "POST /api/v1/inspections/:id/files": "inspection",
    "GET /api/v1/inspections/:id/record": "inspection",
    "GET /api/v1/inspections/:id/record/pdf": "inspection",
    "GET /api/v1/samples/:id": "sample",
    "POST /api/v1/samples/:id/reviews": "sample",
    "POST /api/v1/samples/:id/conclusion": "sample",
    "GET /api/v1/cases/:id": "case",
    "POST /api/v1/cases/:id/steps": "case",
    "GET /api/v1/cases/:id/documents/:kind": "case",
    "GET /api/v1/cases/:id/documents/:kind/pdf": "case",
    "GET /api/v1/tasks/:id": "task",
    "POST /api/v1/tasks/:id/completions": "task",
    "GET /api/v1/evidence-files/:id": "evidence",
    "GET /api/v1/suspicions/:id": "lead",
    "POST /api/v1/suspicions/:id/steps": "lead",
    "POST /api/v1/suspicions/:id/institution-response": "lead",
    "POST /api/v1/suspicions/:id/assign": "lead",
    // Transfers about an institution are the scope of its units (one about a person is bureau-wide).
    "GET /api/v1/transfers/:id": "transfer",
    "POST /api/v1/transfers/:id/steps": "transfer",
    "POST /api/v1/transfers/:id/case": "transfer",
    "GET /api/v1/transfers/:id/document": "transfer",
    // Complaints about an institution are the scope of its units (one about a person is bureau-wide).
    "GET /api/v1/complaints/:id": "complaint",
    "POST /api/v1/complaints/:id/triage": "complaint",
    "POST /api/v1/complaints/:id/case": "complaint",
    "POST /api/v1/complaints/:id/outcome": "complaint",
    "POST /api/v1/complaints/:id/reply": "complaint",
    "POST /api/v1/complaints/:id/retaliation": "complaint",
    "POST /api/v1/complaints/:id/informant/reveal": "complaint",
    "POST /api/v1/complaints/:id/rewards": "complaint",
    "POST /api/v1/complaint-rewards/:id/review": "reward",
    "POST /api/v1/complaint-rewards/:id/approval": "reward",
    "POST /api/v1/complaint-rewards/:id/return": "reward",
    "POST /api/v1/complaint-rewards/:id/payment": "reward",
    // Credit: a practitioner, an institution's credit record and a publication are their institution's.
    "GET /api/v1/practitioners/:id": "practitioner",
    "POST /api/v1/practitioners/:id/points": "practitioner",
    "GET /api/v1/institutions/:code/credit": "institution",
    "POST /api/v1/publications/:id/approval": "publication"
  }
  /** Objects of the bureau as a whole (not of one unit): people, runs, duties, the organisation. */
  const bureauWide = [
    /^\S+ \/api\/v1\/checklists\/:code/,
    /^\S+ \/api\/v1\/self-check\/campaigns\/:code/,
    /^\S+ \/api\/v1\/users\/:id/,
    /^\S+ \/api\/v1\/screening\/runs\/:id/,
    /^\S+ \/api\/v1\/duties\/:code/,
    /^\S+ \/api\/v1\/organisation\//,
    // The inspector register, plans and draws are the bureau's as a whole.
    /^\S+ \/api\/v1\/inspectors\/:code$/,
    /^\S+ \/api\/v1\/inspection-plans\/:id\//,
    /^\S+ \/api\/v1\/inspection-draws\/:id/,
    // A department's inbox is scoped by its department, not by a unit (transfers.test.ts: another
    // department's transfer is not found); API clients are the bureau's to manage.
    /^\S+ \/api\/v1\/inbox\/transfers\/:id/,
    /^\S+ \/api\/v1\/department-clients\/:id\//,
    // Institutions' interface keys are the bureau's to manage (precheck.test.ts).
    /^\S+ \/api\/v1\/institution-clients\/:id\//,
    // The yearly transfer report covers the bureau's ledger as a whole.
    /^\S+ \/api\/v1\/transfer-reports\/:year/
  ]

  it("every route that names an object is classified as unit-scoped or bureau-wide", () => {
    const unclassified = apiRoutes()
      .filter((r) => r.url.includes(":"))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => scopedObjects[key] === undefined && !bureauWide.some((p) => p.test(key)))
    expect(unclassified).toEqual([])
  })

  it("the data-scope matrix: each unit reads and acts on its own objects and not on another unit's", async () => {
    // Which objects each account's unit covers: the bureau all; the section its 卫生院 and 社保所;
    // the handling centre every institution's claims but only its own tasks; 草堂镇卫生院 its own.
    const own: Readonly<Record<Username, ReadonlyArray<string>>> = {
      admin: [
        county.tasks["HC-CAOTANG"],
        county.tasks["HC-TUXIANG"],
        county.tasks.CENTRE,
        county.leads.caotang,
        county.leads.hospital,
        county.cases.caotang,
        county.measures.caotang,
        county.rectifications.caotang,
        county.cases.hospital,
        county.measures.hospital,
        county.rectifications.hospital,
        county.inspections.caotang,
        county.inspections.hospital,
        county.samples.caotang,
        county.samples.hospital,
        county.transfers.caotang,
        county.transfers.hospital,
        county.complaints.caotang,
        county.complaints.hospital,
        county.rewards.caotang,
        county.rewards.hospital,
        county.credit!.practitioners.caotang,
        county.credit!.practitioners.hospital,
        "H50023500008",
        "H50023500001",
        county.credit!.publications.caotang,
        county.credit!.publications.hospital
      ],
      jihe: [
        county.tasks["HC-CAOTANG"],
        county.tasks["HC-TUXIANG"],
        county.evidence["HC-CAOTANG"],
        county.evidence["HC-TUXIANG"],
        county.leads.caotang,
        county.leads.hospital,
        county.cases.caotang,
        county.measures.caotang,
        county.rectifications.caotang,
        county.cases.hospital,
        county.measures.hospital,
        county.rectifications.hospital,
        county.inspections.caotang,
        county.inspections.hospital,
        county.samples.caotang,
        county.samples.hospital,
        county.transfers.caotang,
        county.transfers.hospital,
        county.complaints.caotang,
        county.complaints.hospital,
        county.rewards.caotang,
        county.rewards.hospital,
        county.credit!.practitioners.caotang,
        county.credit!.practitioners.hospital,
        "H50023500008",
        "H50023500001",
        county.credit!.publications.caotang,
        county.credit!.publications.hospital
      ],
      shenhe: [
        county.tasks.CENTRE,
        county.leads.caotang,
        county.leads.hospital,
        county.cases.caotang,
        county.measures.caotang,
        county.rectifications.caotang,
        county.cases.hospital,
        county.measures.hospital,
        county.rectifications.hospital,
        county.inspections.caotang,
        county.inspections.hospital,
        county.samples.caotang,
        county.samples.hospital,
        county.transfers.caotang,
        county.transfers.hospital,
        county.complaints.caotang,
        county.complaints.hospital,
        county.rewards.caotang,
        county.rewards.hospital,
        county.credit!.practitioners.caotang,
        county.credit!.practitioners.hospital,
        "H50023500008",
        "H50023500001",
        county.credit!.publications.caotang,
        county.credit!.publications.hospital
      ],
      caotang: [
        county.tasks["HC-CAOTANG"],
        county.evidence["HC-CAOTANG"],
        county.leads.caotang,
        county.cases.caotang,
        county.measures.caotang,
        county.rectifications.caotang,
        county.inspections.caotang,
        county.samples.caotang,
        county.transfers.caotang,
        county.complaints.caotang,
        county.rewards.caotang,
        county.credit!.practitioners.caotang,
        "H50023500008",
        county.credit!.publications.caotang
      ],
      weijian: []
    }
    const objects = {
      task: [county.tasks["HC-CAOTANG"], county.tasks["HC-TUXIANG"], county.tasks.CENTRE],
      evidence: [county.evidence["HC-CAOTANG"], county.evidence["HC-TUXIANG"]],
      lead: [county.leads.caotang, county.leads.hospital],
      case: [county.cases.caotang, county.cases.hospital],
      inspection: [county.inspections.caotang, county.inspections.hospital],
      measure: [county.measures.caotang, county.measures.hospital],
      rectification: [county.rectifications.caotang, county.rectifications.hospital],
      sample: [county.samples.caotang, county.samples.hospital],
      transfer: [county.transfers.caotang, county.transfers.hospital],
      complaint: [county.complaints.caotang, county.complaints.hospital],
      reward: [county.rewards.caotang, county.rewards.hospital],
      practitioner: [county.credit!.practitioners.caotang, county.credit!.practitioners.hospital],
      institution: ["H50023500008", "H50023500001"],
      publication: [county.credit!.publications.caotang, county.credit!.publications.hospital]
    }
    let cells = 0
    for (const [key, kind] of Object.entries(scopedObjects)) {
      const [method, url] = key.split(" ") as [Method, string]
      const permission = routes.find((r) => r.method === method && r.url === url)?.permission
      expect(permission, key).toBeDefined()
      for (const a of accounts.filter((x) => can(x.role, permission as Permission))) {
        for (const id of objects[kind]) {
          const mine = own[a.username].includes(id) || a.username === "admin"
          const res = await call(method, fill(url, { id, code: id }), a.username, harmless[key])
          const where = `${a.username} ${key} ${kind} ${id} → ${res.statusCode} ${res.body.slice(0, 100)}`
          if (mine) expect([200, 400, 409], where).toContain(res.statusCode)
          else expect(res.statusCode, where).toBe(404)
          cells++
        }
      }
    }
    // Lists show only what is in scope.
    const leadIds = async (user: Username) =>
      ((await call("GET", "/api/v1/suspicions", user)).json() as { items: Array<{ id: string }> }).items.map(
        (s) => s.id
      )
    expect((await leadIds("caotang")).sort()).toEqual([county.leads.caotang])
    expect((await leadIds("shenhe")).sort()).toEqual([county.leads.caotang, county.leads.hospital].sort())
    const taskUnits = async (user: Username) =>
      new Set(
        (
          (await call("GET", "/api/v1/tasks?to=2025-12-31", user)).json() as { items: Array<{ unitId: string }> }
        ).items.map((t) => t.unitId)
      )
    expect([...(await taskUnits("caotang"))]).toEqual(["HC-CAOTANG"])
    expect(await taskUnits("shenhe")).toEqual(new Set(["CENTRE"]))
    expect((await taskUnits("jihe")).has("CENTRE")).toBe(false)
    expect((await taskUnits("admin")).size).toBeGreaterThan(10)
    const institutions = (
      (await call("GET", "/api/v1/institutions", "caotang")).json() as {
        items: Array<{ code: string }>
      }
    ).items.map((i) => i.code)
    expect(institutions).toEqual(["H50023500008", "H50023500009"])
    // Asking for another unit's tasks by name is refused, naming the parameter.
    const other = await call("GET", "/api/v1/tasks?unit=HC-TUXIANG", "caotang")
    expect(other.statusCode).toBe(403)
    expect((other.json() as { errors: Array<{ path: string }> }).errors[0]!.path).toBe("$.query.unit")
    expect(cells).toBeGreaterThan(40)
  })

  it("the 医保中心 reviewer cannot record a completion on a 卫生院's task (found from outside)", async () => {
    const res = await call("POST", `/api/v1/tasks/${county.tasks["HC-CAOTANG"]}/completions`, "shenhe", {
      completedOn: "2025-11-03",
      record: "检查了",
      values: { personsSampled: 12 },
      files: [{ fileName: "a.txt", contentBase64: Buffer.from("x").toString("base64") }]
    })
    expect(res.statusCode).toBe(404)
    expect(
      await scratch.db.taskCompletion.count({
        where: { taskId: county.tasks["HC-CAOTANG"], actorName: { contains: "李审核" } }
      })
    ).toBe(0)
  })

  it("no path variant of any route answers without a session", async () => {
    const variants = (path: string): ReadonlyArray<string> => [
      path.replace("/api", "/%61pi"),
      path.replace("/api", "/ap%69"),
      path.replace("/api", "/API"),
      path.replace("/api", "/Api"),
      `/${path}`,
      path.replace("/api/", "/api//"),
      `${path}/`,
      path.replace("/api/", "/api/./"),
      path.replace("/api/", "/x/../api/"),
      path.replace(/\/([^/]+)$/, "/%2e/$1"),
      path.replace(/\/([^/]+)$/, "/$1%2f"),
      `${path}%00`,
      `${path};`,
      `${path}?`,
      path.replace(/v1/, "v%31")
    ]
    let tried = 0
    const ids = { id: county.leads.caotang }
    for (const route of apiRoutes().filter((r) => !r.public)) {
      for (const url of variants(fill(route.url, ids))) {
        const res: LightMyRequestResponse = await call(route.method as Method, url)
        const where = `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 80)}`
        expect(res.statusCode >= 400 && res.statusCode < 500, where).toBe(true)
        expect(res.body, where).not.toContain("H50023500008")
        expect(res.body, where).not.toContain("<title>FundGuard")
        tried++
      }
    }
    expect(tried).toBeGreaterThan(600)
  })

  it("answers a path parameter too long for the router as a problem in Chinese, without echoing the path", async () => {
    const long = "A".repeat(2_000)
    const res = await call("GET", `/api/v1/cases/${long}`, "admin")
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(res.headers["content-type"]).toContain("application/problem+json")
    expect(res.json().detail).toMatch(/[\u4e00-\u9fff]/)
    expect(res.body).not.toContain(long.slice(0, 200))
    expect(res.body).not.toContain("FST_")
  })

  it("sends security headers: a CSP without inline scripts, no framing, nosniff", async () => {
    const res = await call("GET", "/api/health")
    const csp = String(res.headers["content-security-policy"])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain("upgrade-insecure-requests")
    expect(res.headers["x-frame-options"]).toBe("DENY")
    expect(res.headers["x-content-type-options"]).toBe("nosniff")
    expect(res.headers["referrer-policy"]).toBe("no-referrer")
  })

  it("serves evidence back as an attachment with a safe type, whatever the uploader declared", async () => {
    const task = await scratch.db.dutyTask.findFirstOrThrow({ where: { unitId: "HC-CAOTANG", completedOn: null } })
    const res = await call("POST", `/api/v1/tasks/${task.id}/completions`, "caotang", {
      completedOn: task.periodStart,
      record: "检查记录",
      values: Object.fromEntries(
        (
          (await call("GET", `/api/v1/tasks/${task.id}`, "caotang")).json() as {
            evidence: Array<{ key: string; type: string; min: number | null }>
          }
        ).evidence
          .filter((f) => f.type === "count" || f.type === "flag")
          .map((f) => [f.key, f.type === "count" ? Math.max(f.min ?? 0, 10) : true])
      ),
      files: [
        {
          fileName: "evil.html",
          mediaType: "text/html",
          contentBase64: Buffer.from("<script>alert(document.cookie)</script>").toString("base64")
        },
        { fileName: "photo.png", mediaType: "image/png", contentBase64: Buffer.from("\x89PNG....").toString("base64") }
      ]
    })
    expect(res.statusCode, res.body).toBe(201)
    const files = await scratch.db.evidenceFile.findMany({
      where: { completionId: (res.json() as { completionId: string }).completionId }
    })
    const html = files.find((f) => f.fileName === "evil.html")!
    const download = await call("GET", `/api/v1/evidence-files/${html.id}`, "caotang")
    expect(download.statusCode).toBe(200)
    expect(download.headers["content-type"]).toBe("application/octet-stream")
    expect(String(download.headers["content-disposition"])).toMatch(/^attachment;/)
    expect(String(download.headers["content-security-policy"])).toContain("sandbox")
    expect(download.headers["x-content-type-options"]).toBe("nosniff")
    const png = files.find((f) => f.fileName === "photo.png")!
    expect((await call("GET", `/api/v1/evidence-files/${png.id}`, "caotang")).headers["content-type"]).toBe("image/png")
  })
})
