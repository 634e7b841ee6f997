import { chineseWorkingCalendar } from "@fundguard/calendar"
import { dueOn, migrateDatabase, openDatabase, systemActor, upsertInstitutions } from "@fundguard/db"
import { seedResponsibilitiesDemo } from "@fundguard/demo"
import { demoRegister } from "@fundguard/screening"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { runCli } from "./utils/run.js"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const work = mkdtempSync(join(tmpdir(), "fundguard-cli-duties-"))
const url = `file:${join(work, "duties.db")}`
const today = "2025-11-20"
afterAll(() => rmSync(work, { recursive: true, force: true }))

const fundguard = (args: ReadonlyArray<string>) => runCli(args, { env: { DATABASE_URL: url } })

describe("pnpm fundguard duties", () => {
  beforeAll(async () => {
    await migrateDatabase(url)
    const database = openDatabase(url)
    try {
      await upsertInstitutions(database.db, systemActor(), demoRegister())
      await seedResponsibilitiesDemo(database.db, systemActor("seed"), {
        calendar: chineseWorkingCalendar(),
        today,
        evidenceDir: join(work, "evidence")
      })
    } finally {
      await database.close()
    }
  }, 180_000)

  it("is listed in the help, with its own help", async () => {
    expect((await fundguard(["--help"])).stdout).toContain("duties due --on YYYY-MM-DD")
    const help = await fundguard(["duties", "--help"])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain("--unit ID")
  })

  it("due --json prints what the library says is due that day, with deadlines", async () => {
    const result = await fundguard(["duties", "due", "--on", today, "--unit", "HC-QINGLONG", "--json"])
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout)
    const database = openDatabase(url)
    const expected = await dueOn(database.db, chineseWorkingCalendar(), today, { unitId: "HC-QINGLONG" }).finally(() =>
      database.close()
    )
    expect(printed.on).toBe(today)
    expect(
      printed.items.map(
        (t: { dutyCode: string; periodKey: string; objectCode: string | null; deadline: string; state: string }) => [
          t.dutyCode,
          t.periodKey,
          t.objectCode ?? "",
          t.deadline,
          t.state
        ]
      )
    ).toEqual(expected.map((t) => [t.dutyCode, t.periodKey, t.objectCode, t.deadline, t.state]))
    expect(printed.items.length).toBeGreaterThan(0)
    expect(printed.items.every((t: { unitId: string }) => t.unitId === "HC-QINGLONG")).toBe(true)
    expect(printed.overdue).toBe(printed.items.filter((t: { state: string }) => t.state === "overdue").length)
    expect(printed.overdue).toBeGreaterThan(0)
    // The September ledger was due on 9 October (5 October fell in the National Day holiday).
    const all = JSON.parse((await fundguard(["duties", "due", "--on", "2025-10-09", "--json"])).stdout)
    const ledger = all.items.find(
      (t: { dutyCode: string; periodKey: string; unitId: string }) =>
        t.dutyCode === "FJ-HC-LEDGER-M" && t.periodKey === "2025-09"
    )
    if (ledger !== undefined) expect([ledger.deadline, ledger.dueToday]).toEqual(["2025-10-09", true])
    expect(all.calendar.coveredYears).toEqual({ from: 2004, to: 2026 })
  })

  it("due prints a table without --json, flagging overdue tasks and provisional deadlines", async () => {
    const result = await fundguard(["duties", "due", "--on", today, "--unit", "SEC-JJJG", "--supervised"])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^2025-11-20 基金监管科：待办 \d+ 项，其中逾期 \d+ 项/)
    expect(result.stdout).toContain("截止日期")
    expect(result.stdout).toContain("已逾期")
    const december = await fundguard(["duties", "due", "--on", "2026-12-10", "--unit", "SSO-KUIZHOU"])
    expect(december.code).toBe(0)
    expect(december.stdout).toContain("2027-01-05*")
    expect(december.stdout).toContain("截止日期暂定")
  })

  it("rejects a bad date or an unknown unit with exit 2 and nothing on stdout", async () => {
    const badDate = await fundguard(["duties", "due", "--on", "2025-02-30"])
    expect([badDate.code, badDate.stdout]).toEqual([2, ""])
    expect(badDate.stderr).toContain("--on must be a real date")
    const badUnit = await fundguard(["duties", "due", "--on", today, "--unit", "SSO-ATLANTIS"])
    expect([badUnit.code, badUnit.stdout]).toEqual([2, ""])
    expect(badUnit.stderr).toContain('unknown unit "SSO-ATLANTIS"')
    expect((await fundguard(["duties", "frobnicate"])).code).toBe(2)
  })

  it("on a database with no organisation or duties, says so instead of “0 项”", async () => {
    const empty = `file:${join(mkdtempSync(join(tmpdir(), "fundguard-empty-")), "empty.db")}`
    const result = await runCli(["duties", "due", "--on", today], { env: { DATABASE_URL: empty } })
    expect([result.code, result.stdout]).toEqual([1, ""])
    expect(result.stderr).toContain("has no organisation yet")
    expect(result.stderr).toContain("pnpm fundguard seed")
    expect(result.stderr).not.toContain("0 项")
  })

  it("generate stores the tasks once", async () => {
    const result = await fundguard(["duties", "generate", "--from", "2025-01-01", "--through", today])
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ from: "2025-01-01", through: today, created: 0 })
  })
})
