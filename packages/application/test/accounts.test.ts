/**
 * The account use cases end to end on real databases: creating (unit and password checked, the
 * generated password meets the policy and is stored only as a hash), changing (nobody disables
 * themselves, disabling signs out), resetting a password and changing one's own — each refusal
 * writes nothing, each write has its audit entry.
 */
import { Ids } from "@fundguard/domain/kernel"
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { listAudit, userForToken } from "@fundguard/db"
import {
  defaultLoginThrottling,
  InvalidAccount,
  passwordProblems,
  UsernameTaken,
  UserNotFound,
  WeakPassword,
  WrongPassword,
  type AuditActor
} from "@fundguard/domain/access"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  changeOwnPassword,
  createAccount,
  resetAccountPassword,
  revokeAccountSessions,
  signIn,
  updateAccount
} from "../src/access/index.js"
import { refusal, useCasesOn } from "./harness.js"

const administrator: AuditActor = { id: "admin-1", name: "管理员", ip: "10.0.0.1" }

describe.each(["sqlite", "postgresql"] as const)("account use cases on %s", (provider) => {
  let scratch: ScratchDatabase
  const run = useCasesOn(() => scratch.db)
  const signInAs = async (username: string, password: string) => {
    const result = await run(
      signIn({ username, password, ip: null, ttlMinutes: 60, throttling: defaultLoginThrottling })
    )
    if (result.kind !== "signed_in") throw new Error(`${username} could not sign in: ${result.kind}`)
    return result.token
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    await addBureauUnit(scratch.db)
  }, 120_000)
  afterAll(async () => scratch?.dispose())

  it("creates an account with a generated password that meets the policy and is kept only as a hash", async () => {
    const created = await run(
      createAccount({
        account: { username: "lisi", displayName: "李四", role: "reviewer", department: null, unitId: "BUREAU" },
        actor: administrator
      })
    )
    expect(passwordProblems(created.initialPassword, "lisi")).toEqual([])
    expect(created.account).toMatchObject({ username: "lisi", unitId: "BUREAU", mustChangePassword: true })
    const row = await scratch.db.user.findUniqueOrThrow({ where: { username: "lisi" } })
    expect(row.passwordHash).not.toContain(created.initialPassword)
    expect(await signInAs("lisi", created.initialPassword)).toMatch(/.{20,}/)
    expect((await listAudit(scratch.db, { take: 10 })).map((e) => e.action)).toContain("user.create")
  })

  it("takes the new account's id from the Ids service", async () => {
    const withIds = useCasesOn(() => scratch.db, Ids.sequential("acct"))
    const created = await withIds(
      createAccount({
        account: { username: "sun", displayName: "孙", role: "reviewer", department: null, unitId: "BUREAU" },
        actor: administrator
      })
    )
    expect(created.account.id).toBe("acct-1")
    expect(await scratch.db.user.findUniqueOrThrow({ where: { id: "acct-1" } })).toMatchObject({ username: "sun" })
  })

  it("refuses a wrong unit, a weak password and a taken name, naming the field, and writes nothing", async () => {
    const users = await scratch.db.user.count()
    const audit = (await listAudit(scratch.db, { take: 1000 })).length
    const account = { username: "wu", displayName: "吴", role: "reviewer", department: null, unitId: "BUREAU" } as const

    const nowhere = await refusal(
      run(createAccount({ account: { ...account, unitId: "NOWHERE" }, actor: administrator }))
    )
    expect(nowhere).toBeInstanceOf(InvalidAccount)
    expect((nowhere as InvalidAccount).problems).toEqual([{ path: "$.unitId", message: "单位 NOWHERE 不存在或已停用" }])

    const department = await refusal(
      run(createAccount({ account: { ...account, role: "department" }, actor: administrator }))
    )
    expect((department as InvalidAccount).problems[0]?.path).toBe("$.unitId")

    const weak = await refusal(run(createAccount({ account, initialPassword: "short", actor: administrator })))
    expect(weak).toBeInstanceOf(WeakPassword)
    expect((weak as WeakPassword).problems.every((p) => p.path === "$.initialPassword")).toBe(true)
    expect((weak as WeakPassword).message).toMatch(/^密码不符合要求：/)

    const taken = await refusal(run(createAccount({ account: { ...account, username: "lisi" }, actor: administrator })))
    expect(taken).toBeInstanceOf(UsernameTaken)

    expect(await scratch.db.user.count()).toBe(users)
    expect(await listAudit(scratch.db, { take: 1000 })).toHaveLength(audit)
  })

  it("lets nobody disable themselves; disabling another signs them out everywhere", async () => {
    const created = await run(
      createAccount({
        account: { username: "zhao", displayName: "赵", role: "supervisor", department: null, unitId: "BUREAU" },
        initialPassword: "Spring-river-2025",
        actor: administrator
      })
    )
    const token = await signInAs("zhao", "Spring-river-2025")
    const self = await refusal(
      run(
        updateAccount({
          id: created.account.id,
          change: { active: false },
          actor: { id: created.account.id, name: "赵", ip: null }
        })
      )
    )
    expect((self as InvalidAccount).problems).toEqual([{ path: "$.active", message: "不能停用自己的账户" }])
    expect(await userForToken(scratch.db, token, new Date())).not.toBeNull()

    const disabled = await run(
      updateAccount({ id: created.account.id, change: { active: false }, actor: administrator })
    )
    expect(disabled.active).toBe(false)
    expect(await userForToken(scratch.db, token, new Date())).toBeNull()
    const entry = (await listAudit(scratch.db, { take: 1 }))[0]
    expect(entry).toMatchObject({ action: "user.update", actorName: "管理员" })
    expect(entry?.details).toMatchObject({ changed: { active: { from: true, to: false } }, sessionsRevoked: 1 })

    expect(
      await refusal(run(updateAccount({ id: "nobody", change: { active: true }, actor: administrator })))
    ).toBeInstanceOf(UserNotFound)
  })

  it("changes one's own password keeping the session it is made from, and resets it from outside", async () => {
    const created = await run(
      createAccount({
        account: { username: "qian", displayName: "钱", role: "reviewer", department: null, unitId: "BUREAU" },
        initialPassword: "Autumn-moon-2025",
        actor: administrator
      })
    )
    const id = created.account.id
    const here = await signInAs("qian", "Autumn-moon-2025")
    const elsewhere = await signInAs("qian", "Autumn-moon-2025")
    const self: AuditActor = { id, name: "钱", ip: null }
    const change = (currentPassword: string, newPassword: string) =>
      run(changeOwnPassword({ userId: id, currentPassword, newPassword, sessionToken: here, actor: self }))

    expect(await refusal(change("Wrong-password-1", "Winter-pine-2026"))).toBeInstanceOf(WrongPassword)
    const same = await refusal(change("Autumn-moon-2025", "Autumn-moon-2025"))
    expect((same as WeakPassword).problems).toEqual([{ path: "$.newPassword", message: "新密码不得与当前密码相同" }])
    expect(await userForToken(scratch.db, elsewhere, new Date())).not.toBeNull()

    expect(await change("Autumn-moon-2025", "Winter-pine-2026")).toEqual({ sessionsRevoked: 1 })
    expect(await userForToken(scratch.db, here, new Date())).toMatchObject({ mustChangePassword: false })
    expect(await userForToken(scratch.db, elsewhere, new Date())).toBeNull()

    const reset = await run(resetAccountPassword({ id, actor: administrator }))
    expect(reset.sessionsRevoked).toBe(1)
    expect(passwordProblems(reset.initialPassword, "qian")).toEqual([])
    expect(await userForToken(scratch.db, here, new Date())).toBeNull()
    const again = await signInAs("qian", reset.initialPassword)
    expect(await userForToken(scratch.db, again, new Date())).toMatchObject({ mustChangePassword: true })
    expect(await run(revokeAccountSessions({ id, actor: administrator }))).toBe(1)
    expect((await listAudit(scratch.db, { take: 3 })).map((e) => e.action)).toEqual([
      "user.revoke_sessions",
      "auth.login",
      "user.reset_password"
    ])
  })
})
