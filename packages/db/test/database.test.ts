import { describe, expect, it } from "vitest"
import { isoDate, type Institution } from "@fundguard/domain/kernel"
import { type Suspicion } from "@fundguard/domain/screening"
import {
  finishRun,
  listAudit,
  listInstitutions,
  listSuspicions,
  signIn,
  signOut,
  startRun,
  systemActor,
  upsertInstitutions,
  upsertUser,
  userForToken
} from "../src/index.js"
import { createScratchDatabase } from "../src/testing.js"

const institution = (code: string, name: string, orgKind: Institution["orgKind"]) =>
  ({
    code,
    name,
    orgKind,
    hospitalLevel: orgKind === "pharmacy" ? null : "2",
    admdvs: "500235",
    approvedBeds: orgKind === "pharmacy" ? null : 100,
    supervisorCode: null
  }) as unknown as Institution

const suspicion = (sn: string, amount: number): Suspicion => ({
  rule: "PRICE_OVER_CAP",
  ruleVersion: 1,
  level: "line",
  fixmedins_code: "H50023500001",
  psn_no: "P001",
  mdtrt_id: "M001",
  setl_id: null,
  feedetl_sn: [sn],
  med_list_codg: "X1",
  date: isoDate("2025-01-02"),
  amount,
  violation: "A38-3-OVER_STANDARD_CHARGE",
  evidence: { ceiling: 10 },
  message: "单价超过限价"
})

describe.each(["sqlite", "postgresql"] as const)("operational database on %s", (provider) => {
  it("migrates, stores institutions and audits every change", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const actor = systemActor("test")
      const first = await upsertInstitutions(scratch.db, actor, [
        institution("H50023500001", "奉节县人民医院", "public_hospital"),
        institution("P50023500001", "永安大药房", "pharmacy")
      ])
      expect(first).toEqual({ created: 2, updated: 0 })
      const again = await upsertInstitutions(scratch.db, actor, [
        institution("H50023500001", "奉节县人民医院（新院区）", "public_hospital")
      ])
      expect(again).toEqual({ created: 0, updated: 1 })
      const page = await listInstitutions(scratch.db, { q: "新院区" })
      expect(page.total).toBe(1)
      expect(page.items[0]?.name).toBe("奉节县人民医院（新院区）")
      expect((await listInstitutions(scratch.db, { orgKind: "pharmacy" })).items.map((i) => i.code)).toEqual([
        "P50023500001"
      ])
      const audit = await listAudit(scratch.db, { entityType: "institution" })
      expect(audit.map((a) => a.action).sort()).toEqual([
        "institution.create",
        "institution.create",
        "institution.update"
      ])
    } finally {
      await scratch.dispose()
    }
  })

  it("signs users in with scrypt-hashed passwords and revocable sessions", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const now = new Date("2025-06-01T08:00:00Z")
      await upsertUser(scratch.db, systemActor(), {
        username: "jihe",
        displayName: "王稽核",
        role: "supervisor",
        department: "基金监管科",
        password: "correct horse"
      })
      const stored = await scratch.db.user.findUniqueOrThrow({ where: { username: "jihe" } })
      expect(stored.passwordHash.startsWith("scrypt$")).toBe(true)
      expect(stored.passwordHash).not.toContain("correct horse")
      expect(await signIn(scratch.db, { username: "jihe", password: "wrong" }, now, 60)).toEqual({ kind: "invalid" })
      const session = await signIn(scratch.db, { username: "jihe", password: "correct horse" }, now, 60)
      if (session.kind !== "signed_in") throw new Error(`expected a session, got ${session.kind}`)
      expect(session.user.role).toBe("supervisor")
      const token = session.token
      expect((await userForToken(scratch.db, token, now))?.username).toBe("jihe")
      expect(await userForToken(scratch.db, token, new Date("2025-06-01T09:00:01Z"))).toBeNull()
      await signOut(scratch.db, token, { id: session.user.id, name: "jihe" }, now)
      expect(await userForToken(scratch.db, token, now)).toBeNull()
      const actions = (await listAudit(scratch.db, { entityType: "session" })).map((a) => a.action).sort()
      expect(actions).toEqual(["auth.login", "auth.login_failed", "auth.logout"])
    } finally {
      await scratch.dispose()
    }
  })

  it("locks a name out after repeated failures, known or not, and lifts it after the lock time", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const t0 = new Date("2025-06-01T08:00:00Z")
      const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)
      await upsertUser(scratch.db, systemActor(), {
        username: "jihe",
        displayName: "王稽核",
        role: "supervisor",
        department: null,
        password: "correct horse"
      })
      for (const username of ["jihe", "nobody"]) {
        const outcomes = []
        for (let i = 0; i < 6; i++)
          outcomes.push((await signIn(scratch.db, { username, password: `wrong${i}` }, at(i * 0.1), 60)).kind)
        expect(outcomes).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"])
      }
      // While locked, even the right password is refused, without being checked.
      expect((await signIn(scratch.db, { username: "jihe", password: "correct horse" }, at(5), 60)).kind).toBe("locked")
      expect((await signIn(scratch.db, { username: "JIHE", password: "correct horse" }, at(5), 60)).kind).toBe("locked")
      // After the lock time it works again, and success clears the count.
      expect((await signIn(scratch.db, { username: "jihe", password: "correct horse" }, at(16), 60)).kind).toBe(
        "signed_in"
      )
      expect(await scratch.db.loginThrottle.count({ where: { username: "jihe" } })).toBe(0)
      const actions = (await listAudit(scratch.db, { entityType: "session", take: 100 })).map((a) => a.action)
      expect(actions.filter((a) => a === "auth.login_lockout")).toHaveLength(2)
      expect(actions.filter((a) => a === "auth.login_locked").length).toBeGreaterThanOrEqual(4)
    } finally {
      await scratch.dispose()
    }
  })

  it("files a run's suspicions once and keeps their review status on a rerun", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const actor = systemActor("worker")
      const start = {
        trigger: "cli" as const,
        extract: "/tmp/extract",
        admdvs: "500235",
        periodFrom: "2025-01-01",
        periodTo: "2025-03-31",
        params: {}
      }
      const rules = [{ code: "PRICE_OVER_CAP", version: 1, status: "ran" as const, count: 2, durationMs: 3 }]
      const run1 = await startRun(scratch.db, actor, start)
      const first = await finishRun(scratch.db, actor, run1.id, {
        suspicions: [suspicion("1", 20), suspicion("2", 35.5)],
        rules
      })
      expect(first.created).toBe(2)
      await scratch.db.suspicion.updateMany({ where: { feedetlSn: { equals: ["1"] } }, data: { status: "dismissed" } })
      const run2 = await startRun(scratch.db, actor, start)
      const second = await finishRun(scratch.db, actor, run2.id, {
        suspicions: [suspicion("1", 20), suspicion("2", 35.5)],
        rules
      })
      expect(second.created).toBe(0)
      const page = await listSuspicions(scratch.db, {})
      expect(page.total).toBe(2)
      expect(page.totalAmount).toBe(55.5)
      expect(page.items.map((s) => s.status).sort()).toEqual(["dismissed", "pending_first_review"])
      expect(page.items.every((s) => s.lastRunId === run2.id)).toBe(true)
      expect((await listSuspicions(scratch.db, { minAmount: 30 })).items.map((s) => s.amount)).toEqual([35.5])
    } finally {
      await scratch.dispose()
    }
  })
})
