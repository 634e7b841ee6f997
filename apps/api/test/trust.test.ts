/**
 * The holes found from outside, each as it was reported: sign-in without throttling, usernames told
 * apart by timing, accounts and passwords, unbounded numbers and texts, personal data read without
 * a trace, and an audit log that could be changed unseen.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { now, password, seedCounty, signInAll, type CountyFixture, type Username } from "./utils/county.js"

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

describe("trust: the holes found from outside stay closed (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let county: CountyFixture
  let tokens: Record<Username, string>

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-evidence-"))
    county = await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({ db: scratch.db, now, evidenceDir })
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    if (evidenceDir !== undefined) rmSync(evidenceDir, { recursive: true, force: true })
  })

  const call = (method: Method, url: string, token?: string, payload?: unknown, ip = "127.0.0.1") =>
    app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object })
    })
  const login = (username: string, pw: string, ip = "10.1.0.1") =>
    call("POST", "/api/auth/login", undefined, { username, password: pw }, ip)

  it("throttles 25 wrong passwords in a row: 429 with a Chinese message and Retry-After, for known and unknown names alike", async () => {
    for (const [username, ip] of [
      ["jihe", "10.2.0.1"],
      ["nobody-here", "10.2.0.2"]
    ] as const) {
      const answers = []
      for (let i = 0; i < 25; i++) answers.push(await login(username, `wrong-${i}`, ip))
      const statuses = answers.map((a) => a.statusCode)
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401])
      expect(
        statuses.slice(4).every((s) => s === 429),
        `${username}: ${statuses.join(",")}`
      ).toBe(true)
      // The fifth failure locks the name; from the 21st the address is over its minute's limit too.
      const locked = answers[4]!
      expect((locked.json() as { code: string }).code).toBe("AccountLocked")
      expect((locked.json() as { detail: string }).detail).toMatch(/登录失败次数过多.*后再试/)
      expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0)
      const last = answers[24]!.json() as { code: string; detail: string }
      expect(["AccountLocked", "TooManyRequests"]).toContain(last.code)
      expect(last.detail).toMatch(/后再试/)
    }
    // Even the right password waits out the lock.
    expect((await login("jihe", password, "10.2.0.3")).statusCode).toBe(429)
  }, 120_000)

  it("limits one address's sign-in attempts a minute, whatever the names", async () => {
    const statuses: Array<number> = []
    for (let i = 0; i < 22; i++) statuses.push((await login(`someone-${i}`, "x", "10.3.0.1")).statusCode)
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
    expect(statuses.slice(20)).toEqual([429, 429])
    // Another address is not affected.
    expect((await login("someone-else", "x", "10.3.0.2")).statusCode).toBe(401)
  }, 120_000)

  it("does the same work for an unknown name as for a known one (no telling them apart by timing)", async () => {
    const time = async (username: string, ip: string) => {
      const started = performance.now()
      await login(username, "not-the-password", ip)
      return performance.now() - started
    }
    const known: Array<number> = []
    const unknown: Array<number> = []
    for (let i = 0; i < 3; i++) {
      known.push(await time("shenhe", `10.4.0.${i}`))
      unknown.push(await time(`ghost-${i}`, `10.4.1.${i}`))
    }
    const median = (xs: Array<number>) => [...xs].sort((a, b) => a - b)[1]!
    // Found from outside: about 970 ms for a real user, 20 ms for an unknown one (48×).
    expect(median(unknown)).toBeGreaterThan(median(known) / 3)
    expect(median(known)).toBeGreaterThan(median(unknown) / 3)
  }, 120_000)

  it("creates accounts with an initial password the user must change before anything else", async () => {
    const weak = await call("POST", "/api/v1/users", tokens.admin, {
      username: "wangwu",
      displayName: "王五",
      role: "reviewer",
      unitId: "HC-TUXIANG",
      initialPassword: "12345678"
    })
    expect(weak.statusCode).toBe(400)
    expect((weak.json() as { errors: Array<{ path: string }> }).errors[0]!.path).toBe("$.initialPassword")
    const created = await call("POST", "/api/v1/users", tokens.admin, {
      username: "wangwu",
      displayName: "王五",
      role: "reviewer",
      unitId: "HC-TUXIANG"
    })
    expect(created.statusCode).toBe(201)
    const { initialPassword, user } = created.json() as {
      initialPassword: string
      user: { id: string; mustChangePassword: boolean }
    }
    expect(user.mustChangePassword).toBe(true)
    const session = await login("wangwu", initialPassword, "10.5.0.1")
    expect(session.statusCode).toBe(200)
    const token = (session.json() as { token: string }).token
    const blocked = await call("GET", "/api/v1/tasks", token)
    expect(blocked.statusCode).toBe(403)
    expect((blocked.json() as { code: string }).code).toBe("PasswordChangeRequired")
    expect((await call("GET", "/api/auth/me", token)).statusCode).toBe(200)
    const tooWeak = await call("POST", "/api/auth/password", token, {
      currentPassword: initialPassword,
      newPassword: "wangwu12345"
    })
    expect(tooWeak.statusCode).toBe(400)
    expect((tooWeak.json() as { errors: Array<{ path: string }> }).errors.map((p) => p.path)).toContain("$.newPassword")
    const wrongCurrent = await call("POST", "/api/auth/password", token, {
      currentPassword: "nope",
      newPassword: "Tuxiang-2025-ok"
    })
    expect((wrongCurrent.json() as { errors: Array<{ path: string }> }).errors[0]!.path).toBe("$.currentPassword")
    expect(
      (
        await call("POST", "/api/auth/password", token, {
          currentPassword: initialPassword,
          newPassword: "Tuxiang-2025-ok"
        })
      ).statusCode
    ).toBe(204)
    const tasks = await call("GET", "/api/v1/tasks?to=2025-12-31", token)
    expect(tasks.statusCode).toBe(200)
    expect(new Set((tasks.json() as { items: Array<{ unitId: string }> }).items.map((t) => t.unitId))).toEqual(
      new Set(["HC-TUXIANG"])
    )
    // Disabling signs the account out at once; a reset password must be changed again.
    expect((await call("PATCH", `/api/v1/users/${user.id}`, tokens.admin, { active: false })).statusCode).toBe(200)
    expect((await call("GET", "/api/auth/me", token)).statusCode).toBe(401)
    expect((await call("PATCH", `/api/v1/users/${user.id}`, tokens.admin, { active: true })).statusCode).toBe(200)
    const reset = await call("POST", `/api/v1/users/${user.id}/password-reset`, tokens.admin, {})
    const again = await login("wangwu", (reset.json() as { initialPassword: string }).initialPassword, "10.5.0.2")
    expect((again.json() as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true)
    // Staff need a unit that exists; other departments have none.
    const noUnit = await call("PATCH", `/api/v1/users/${user.id}`, tokens.admin, { unitId: "NO-SUCH-UNIT" })
    expect((noUnit.json() as { errors: Array<{ path: string }> }).errors[0]!.path).toBe("$.unitId")
  }, 120_000)

  it("refuses unbounded input found from outside, naming the field", async () => {
    const problemPaths = async (res: Awaited<ReturnType<typeof call>>) => {
      expect(res.statusCode, res.body).toBe(400)
      return (res.json() as { errors: Array<{ path: string }> }).errors.map((p) => p.path)
    }
    // A deduction of 1e300 yuan on a 347.52-yuan lead.
    const lead = county.leads.caotang
    expect(
      await problemPaths(
        await call("POST", `/api/v1/suspicions/${lead}/steps`, tokens.jihe, {
          action: "first_review_confirm",
          revision: null
        })
      )
    ).toEqual(["$.revision"])
    const deduction = await call("POST", `/api/v1/suspicions/${lead}/steps`, tokens.jihe, {
      action: "propose_confirm",
      revision: 0,
      reason: "核实",
      proposal: { disposition: "deduction", deductionAmount: 1e300 }
    })
    expect(await problemPaths(deduction)).toContain("$.proposal.deductionAmount")
    // amount: 1e308 on penalty assessment.
    const assessed = await call("POST", "/api/v1/penalties/assess", tokens.jihe, {
      subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2", insured: null },
      region: "500235",
      decisionDate: "2025-09-18",
      violations: [{ code: "A38-2-OVER_PRESCRIPTION", amount: 1e308 }]
    })
    expect(await problemPaths(assessed)).toEqual(["$.violations[0].amount"])
    expect(assessed.body).not.toContain("∞")
    // A 100,000-character name and a 10,000-item jurisdictions list, refused before any write.
    const longName = await call("PUT", "/api/v1/organisation/units/SSO-CAOTANG", tokens.admin, {
      name: "长".repeat(100_000),
      kind: "social_security_office"
    })
    expect(await problemPaths(longName)).toEqual(["$.name"])
    const started = performance.now()
    const many = await call("PUT", "/api/v1/organisation/units/SSO-CAOTANG", tokens.admin, {
      name: "草堂镇社保所",
      kind: "social_security_office",
      jurisdictions: Array.from({ length: 10_000 }, () => ({ areaCode: "caotang", orgKinds: ["clinic"] }))
    })
    expect(await problemPaths(many)).toEqual(["$.jurisdictions"])
    expect(performance.now() - started).toBeLessThan(5_000)
    expect((await scratch.db.orgUnit.findUniqueOrThrow({ where: { id: "SSO-CAOTANG" } })).name).toBe("草堂镇社保所")
    // Search text is matched literally: % and _ are not wildcards.
    const wildcard = await call("GET", "/api/v1/institutions?q=%25", tokens.admin)
    expect((wildcard.json() as { total: number }).total).toBe(0)
    expect((await call("GET", "/api/v1/institutions?q=%E8%8D%89%E5%A0%82", tokens.admin)).json()).toMatchObject({
      total: 3
    })
  })

  it("puts reads of personal data on the record, and the record cannot be changed unseen", async () => {
    const before = await scratch.db.auditEvent.count({ where: { action: "suspicion.view" } })
    expect((await call("GET", `/api/v1/suspicions/${county.leads.hospital}`, tokens.shenhe)).statusCode).toBe(200)
    const views = await scratch.db.auditEvent.findMany({
      where: { action: "suspicion.view" },
      orderBy: { seq: "desc" }
    })
    expect(views.length).toBe(before + 1)
    expect(views[0]).toMatchObject({ entityId: county.leads.hospital, actorName: "李审核（shenhe）" })
    const found = await call(
      "GET",
      `/api/v1/audit?entityId=${county.leads.hospital}&action=suspicion.view`,
      tokens.admin
    )
    expect((found.json() as { total: number }).total).toBe(1)

    // A page of the list shown with 人员编号 in clear is a read of personal data too; a masked page is not.
    const lists = () => scratch.db.auditEvent.count({ where: { action: "suspicion.list" } })
    const listsBefore = await lists()
    const masked = await call("GET", "/api/v1/suspicions?pageSize=5", tokens.shenhe)
    const maskedItems = (masked.json() as { items: Array<{ psnNo: string | null }> }).items
    expect(maskedItems.some((i) => i.psnNo !== null && i.psnNo.includes("*"))).toBe(true)
    expect(await lists()).toBe(listsBefore)
    const clear = await call("GET", "/api/v1/suspicions?pageSize=5", tokens.jihe)
    const clearItems = (clear.json() as { items: Array<{ id: string; psnNo: string | null }> }).items
    expect(clearItems.some((i) => i.psnNo !== null && !i.psnNo.includes("*"))).toBe(true)
    const listed = await scratch.db.auditEvent.findMany({
      where: { action: "suspicion.list" },
      orderBy: { seq: "desc" }
    })
    expect(listed.length).toBe(listsBefore + 1)
    expect(listed[0]!.actorName).toContain("jihe")
    expect((listed[0]!.details as { ids: Array<string> }).ids).toEqual(
      clearItems.filter((i) => i.psnNo !== null).map((i) => i.id)
    )

    const ok = await call("GET", "/api/v1/audit/verify", tokens.admin)
    expect(ok.json()).toMatchObject({ ok: true, broken: null })
    await scratch.db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only_update"`)
    const target = views[0]!.seq!
    await scratch.db.auditEvent.updateMany({ where: { seq: target }, data: { actorName: "someone else" } })
    const broken = await call("GET", "/api/v1/audit/verify", tokens.admin)
    expect(broken.json()).toMatchObject({ ok: false, broken: { seq: target, reason: "hash" } })
  })
})
