/**
 * Signing in and out through the use cases on real databases, at times the test sets: scrypt
 * hashes, sessions that expire and can be ended, a lockout per name whether the account exists or
 * not, lifted after the lock time; every attempt audited.
 */
import { clocksReading } from "@fundguard/calendar"
import { listAudit, systemActor, upsertUser, userForToken } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { defaultLoginThrottling } from "@fundguard/domain/access"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { signIn, signOut } from "../src/access/index.js"
import { useCasesOn } from "./harness.js"

const t0 = new Date("2025-06-01T08:00:00Z")
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000)

describe.each(["sqlite", "postgresql"] as const)("signing in and out on %s", (provider) => {
  let scratch: ScratchDatabase
  let now = t0
  const run = useCasesOn(
    () => scratch.db,
    clocksReading(() => now)
  )
  const attempt = (username: string, password: string, when: Date) => {
    now = when
    return run(signIn({ username, password, ip: "10.0.0.9", ttlMinutes: 60, throttling: defaultLoginThrottling }))
  }

  beforeEach(async () => {
    scratch = await createScratchDatabase(provider)
    await upsertUser(scratch.db, systemActor(), {
      username: "jihe",
      displayName: "王稽核",
      role: "supervisor",
      department: "基金监管科",
      password: "correct horse"
    })
  }, 120_000)
  afterEach(async () => scratch?.dispose())

  it("signs a user in with a scrypt-hashed password into a session that expires and can be ended", async () => {
    const stored = await scratch.db.user.findUniqueOrThrow({ where: { username: "jihe" } })
    expect(stored.passwordHash.startsWith("scrypt$")).toBe(true)
    expect(stored.passwordHash).not.toContain("correct horse")
    expect(await attempt("jihe", "wrong", t0)).toEqual({ kind: "invalid" })
    const session = await attempt("jihe", "correct horse", t0)
    if (session.kind !== "signed_in") throw new Error(`expected a session, got ${session.kind}`)
    expect(session.user.role).toBe("supervisor")
    expect(session.expiresAt).toEqual(at(60))
    expect((await userForToken(scratch.db, session.token, t0))?.username).toBe("jihe")
    expect(await userForToken(scratch.db, session.token, new Date("2025-06-01T09:00:01Z"))).toBeNull()
    await run(signOut({ token: session.token, actor: { id: session.user.id, name: "王稽核（jihe）", ip: null } }))
    expect(await userForToken(scratch.db, session.token, t0)).toBeNull()
    const audit = await listAudit(scratch.db, { entityType: "session" })
    expect(audit.map((a) => a.action).sort()).toEqual(["auth.login", "auth.login_failed", "auth.logout"])
    expect(audit.find((a) => a.action === "auth.login")).toMatchObject({ actorName: "王稽核（jihe）", ip: "10.0.0.9" })
  })

  it("locks a name out after repeated failures, known or not, and lifts it after the lock time", async () => {
    for (const username of ["jihe", "nobody"]) {
      const outcomes = []
      for (let i = 0; i < 6; i++) outcomes.push((await attempt(username, `wrong${i}`, at(i * 0.1))).kind)
      expect(outcomes).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"])
    }
    // While locked, even the right password is refused, without being checked; the name's case does not matter.
    expect((await attempt("jihe", "correct horse", at(5))).kind).toBe("locked")
    expect((await attempt("JIHE", "correct horse", at(5))).kind).toBe("locked")
    // After the lock time it works again, and success clears the count.
    expect((await attempt("jihe", "correct horse", at(16))).kind).toBe("signed_in")
    expect(await scratch.db.loginThrottle.count({ where: { username: "jihe" } })).toBe(0)
    const actions = (await listAudit(scratch.db, { entityType: "session", take: 100 })).map((a) => a.action)
    expect(actions.filter((a) => a === "auth.login_lockout")).toHaveLength(2)
    expect(actions.filter((a) => a === "auth.login_locked").length).toBeGreaterThanOrEqual(4)
  })

  it("refuses a disabled account with the right password, as if the password were wrong", async () => {
    await scratch.db.user.update({ where: { username: "jihe" }, data: { active: false } })
    expect(await attempt("jihe", "correct horse", t0)).toEqual({ kind: "invalid" })
  })
})
