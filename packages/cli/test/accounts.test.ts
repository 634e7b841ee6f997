/**
 * Accounts and the audit log from the command line: `users` creates, lists, disables, re-enables,
 * moves and resets accounts (every change audited); `audit verify` passes on an untouched log and
 * names the first entry someone changed or removed (exit 1).
 */
import { addBureauUnit, createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./utils/run.js"

describe.each(["sqlite", "postgresql"] as const)("pnpm fundguard users / audit on %s", (provider) => {
  let scratch: ScratchDatabase
  const fundguard = (args: ReadonlyArray<string>) => runCli(args, { env: { DATABASE_URL: scratch.url } })

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    await addBureauUnit(scratch.db)
  }, 120_000)
  afterAll(async () => scratch?.dispose())

  it("creates, lists, disables, enables, moves and resets accounts, refusing bad input by name", async () => {
    const created = await fundguard([
      "users",
      "create",
      "--username",
      "lisi",
      "--name",
      "李四",
      "--role",
      "supervisor",
      "--unit",
      "BUREAU"
    ])
    expect(created.code, created.stderr).toBe(0)
    const initial = created.stdout.trim()
    expect(initial.length).toBeGreaterThanOrEqual(10)
    const user = await scratch.db.user.findUniqueOrThrow({ where: { username: "lisi" } })
    expect(user).toMatchObject({ role: "supervisor", unitId: "BUREAU", mustChangePassword: true, active: true })
    expect(user.passwordHash).not.toContain(initial)

    const listed = await fundguard(["users", "list", "--json"])
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ username: "lisi", role: "supervisor", unitId: "BUREAU" })
    ])

    for (const [args, needle] of [
      [
        ["users", "create", "--username", "x y", "--name", "甲", "--role", "reviewer", "--unit", "BUREAU"],
        "--username"
      ],
      [["users", "create", "--username", "wu", "--name", "吴", "--role", "boss", "--unit", "BUREAU"], "--role"],
      [["users", "create", "--username", "wu", "--name", "吴", "--role", "reviewer", "--unit", "NOWHERE"], "--unit"],
      [
        [
          "users",
          "create",
          "--username",
          "wu",
          "--name",
          "吴",
          "--role",
          "reviewer",
          "--unit",
          "BUREAU",
          "--password",
          "short"
        ],
        "--password"
      ],
      [
        ["users", "create", "--username", "lisi", "--name", "李四", "--role", "reviewer", "--unit", "BUREAU"],
        "已被使用"
      ],
      [["users", "disable", "nobody"], "不存在"]
    ] as const) {
      const refused = await fundguard(args)
      expect(refused.code, args.join(" ")).toBe(2)
      expect(refused.stderr, args.join(" ")).toContain(needle)
      expect(refused.stderr).not.toMatch(/\bat .*\.ts:\d+/)
    }

    expect((await fundguard(["users", "disable", "lisi"])).code).toBe(0)
    expect((await scratch.db.user.findUniqueOrThrow({ where: { username: "lisi" } })).active).toBe(false)
    expect((await fundguard(["users", "enable", "lisi"])).code).toBe(0)
    expect((await fundguard(["users", "set-role", "lisi", "reviewer"])).code).toBe(0)
    const reset = await fundguard(["users", "reset-password", "lisi"])
    expect(reset.code).toBe(0)
    expect(reset.stdout.trim()).not.toBe(initial)
    expect((await fundguard(["users", "revoke-sessions", "lisi"])).code).toBe(0)
    const actions = (
      await scratch.db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } })
    ).map((e) => e.action)
    expect(actions).toEqual([
      "user.create",
      "user.update",
      "user.update",
      "user.update",
      "user.reset_password",
      "user.revoke_sessions"
    ])
  }, 120_000)

  it("audit verify passes on an untouched log and names the first entry that was changed", async () => {
    const ok = await fundguard(["audit", "verify", "--json"])
    expect(ok.code, ok.stderr).toBe(0)
    const whole = JSON.parse(ok.stdout) as { ok: boolean; entries: number; head: { seq: number; hash: string } }
    expect(whole.ok).toBe(true)
    expect(whole.entries).toBe(await scratch.db.auditEvent.count())
    expect(ok.stderr).toContain(whole.head.hash)

    if (provider === "sqlite") await scratch.db.$executeRawUnsafe(`DROP TRIGGER "AuditEvent_append_only_update"`)
    else await scratch.db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`)
    await scratch.db.auditEvent.updateMany({ where: { seq: 3 }, data: { details: { role: "admin" } } })
    const broken = await fundguard(["audit", "verify"])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain("BROKEN at entry #3")
    expect(broken.stderr).toContain("内容与其哈希不符")
  }, 120_000)
})
