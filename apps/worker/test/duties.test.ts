import { chineseWorkingCalendar } from "@fundguard/calendar"
import * as Application from "@fundguard/application"
import { listAudit, plannerContext, repositoriesLayer, systemActor, upsertInstitutions, type Db } from "@fundguard/db"
import { seedDemoOrganisation } from "@fundguard/demo"
import { createScratchDatabase } from "@fundguard/db/testing"
import { addDays, isoDate } from "@fundguard/domain/kernel"
import { defaultDuties, planTasks } from "@fundguard/domain/responsibilities"
import { demoRegister } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"
import { loadConfig } from "../src/config.js"
import { generateDailyTasks } from "../src/duties.js"

const calendar = chineseWorkingCalendar()

const setUp = async (db: Db) => {
  await upsertInstitutions(db, systemActor(), demoRegister())
  await seedDemoOrganisation(db, systemActor())
  await Effect.runPromise(
    Application.Responsibilities.seedDuties({ duties: defaultDuties, actor: systemActor() }).pipe(
      Effect.provide(repositoriesLayer(db))
    )
  )
}

describe("daily duty generation", () => {
  it("reads its schedule from FUNDGUARD_DUTIES_CRON and rejects a bad one, naming the variable", () => {
    expect(loadConfig({}).dutiesCron).toBe("10 0 * * *")
    expect(loadConfig({}).dutiesCatchUpDays).toBe(31)
    expect(() => loadConfig({ FUNDGUARD_DUTIES_CRON: "daily" })).toThrow(/FUNDGUARD_DUTIES_CRON/)
    expect(() => loadConfig({ FUNDGUARD_DUTIES_CATCHUP_DAYS: "a week" })).toThrow(/FUNDGUARD_DUTIES_CATCHUP_DAYS/)
    // DuckDB's memory limit while screening: the default, a setting, and a value that is not a size.
    expect(loadConfig({}).duckdbMemoryLimit).toBe("2.5GB")
    expect(loadConfig({ FUNDGUARD_DUCKDB_MEMORY_LIMIT: " 6GB " }).duckdbMemoryLimit).toBe("6GB")
    expect(() => loadConfig({ FUNDGUARD_DUCKDB_MEMORY_LIMIT: "plenty" })).toThrow(/FUNDGUARD_DUCKDB_MEMORY_LIMIT/)
    // The global partition's limit: the general one unless set.
    expect(loadConfig({ FUNDGUARD_DUCKDB_MEMORY_LIMIT: "6GB" }).duckdbGlobalMemoryLimit).toBe("6GB")
    expect(
      loadConfig({ FUNDGUARD_DUCKDB_MEMORY_LIMIT: "3GB", FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT: "12GB" })
    ).toMatchObject({ duckdbMemoryLimit: "3GB", duckdbGlobalMemoryLimit: "12GB" })
    expect(() => loadConfig({ FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT: "all" })).toThrow(
      /FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT/
    )
  })

  it("run every day of 2025, creates each task once, on the first day of its period, with holiday-aware deadlines", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      await setUp(scratch.db)
      const lines: Array<string> = []
      let created = 0
      const createdOn = new Map<string, number>()
      for (let day = isoDate("2025-01-01"); day <= "2025-12-31"; day = addDays(day, 1)) {
        const report = await generateDailyTasks(scratch.db, calendar, day, 0, (l) => lines.push(l))
        created += report.created
        if (report.created > 0) createdOn.set(day, report.created)
      }
      const context = await plannerContext(scratch.db)
      const year = planTasks({ ...context, from: isoDate("2025-01-01"), through: isoDate("2025-12-31"), calendar })
      expect(created).toBe(year.length)
      expect(await scratch.db.dutyTask.count()).toBe(year.length)
      // Tasks appear when their period begins: the first of each month (monthly duties), quarter and year.
      expect([...createdOn.keys()].every((d) => d.endsWith("-01"))).toBe(true)
      expect(createdOn.get("2025-04-01")).toBeGreaterThan(createdOn.get("2025-05-01")!)
      const ledger = await scratch.db.dutyTask.findFirst({
        where: { dutyCode: "FJ-SSO-LEDGER-M", periodKey: "2025-09" }
      })
      expect(ledger?.deadline).toBe("2025-10-09")
      const review = await scratch.db.dutyTask.findFirst({
        where: { dutyCode: "FJ-HC-VILLAGE-REVIEW-M", periodKey: "2025-01" }
      })
      // Five working days after 31 January 2025: 5, 6, 7, 8 (Saturday, 调休) and 10 February.
      expect(review?.deadline).toBe("2025-02-10")
      const report2024 = await scratch.db.dutyTask.findFirst({
        where: { dutyCode: "NX-TRANSFER-REPORT-Y", periodKey: "2025" }
      })
      expect([report2024?.deadline, report2024?.deadlineProvisional]).toEqual(["2026-01-15", false])

      // Running the whole year again creates nothing.
      const again = await generateDailyTasks(scratch.db, calendar, isoDate("2025-12-31"), 364, () => undefined)
      expect(again.created).toBe(0)
      const audit = await listAudit(scratch.db, { entityType: "task", take: 1000 })
      expect(audit.filter((a) => a.action === "tasks.generate").length).toBe(createdOn.size)
    } finally {
      await scratch.dispose()
    }
  }, 240_000)

  it("warns loudly when deadlines fall beyond the holiday data, and runs once from the command line", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      await setUp(scratch.db)
      const lines: Array<string> = []
      const report = await generateDailyTasks(scratch.db, calendar, isoDate("2026-12-01"), 0, (l) => lines.push(l))
      expect(report.provisional).toBeGreaterThan(0)
      expect(lines.join("\n")).toMatch(/WARNING: \d+ deadlines are provisional: they fall after 2026/)
      const december = await scratch.db.dutyTask.findFirst({
        where: { dutyCode: "FJ-SSO-LEDGER-M", periodKey: "2026-12" }
      })
      expect([december?.deadline, december?.deadlineProvisional]).toEqual(["2027-01-05", true])
      expect(december?.deadlineNote).toContain("2027年的法定节假日安排不在工作日历数据内")

      const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
      const child = spawn(
        process.execPath,
        [
          "--conditions=@fundguard/source",
          "--import",
          tsx,
          join(import.meta.dirname, "..", "src", "main.ts"),
          "--duties-once"
        ],
        { env: { ...process.env, DATABASE_URL: scratch.url, TZ: "Asia/Shanghai" }, stdio: ["ignore", "ignore", "pipe"] }
      )
      let stderr = ""
      child.stderr.on("data", (d) => (stderr += d))
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve))
      expect(code).toBe(0)
      expect(stderr).toMatch(/duties \d{4}-\d{2}-\d{2}…\d{4}-\d{2}-\d{2}: \d+ tasks planned/)
    } finally {
      await scratch.dispose()
    }
  }, 120_000)
})
