/**
 * The credit demo loads through the use cases: two penalty cases on the county hospital decided by
 * three people, three registered staff scored (one terminated at 12 points, one suspended at 9, one
 * at 4), the consequences recorded by the daily pass, a notice to the health commission and one
 * decision published with its names masked; loaded once.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { jointPunishmentNoticesFor, pointEventOf, publishedExposures, systemActor } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { qualificationStatus } from "@fundguard/domain/credit"
import { isoDate } from "@fundguard/domain/kernel"
import { demoRegister } from "@fundguard/screening"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { seedCreditDemo, seedDemo } from "../src/index.js"

describe("the credit demo", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  const today = "2026-12-06"
  const options = () => ({ calendar: chineseWorkingCalendar(), today, evidenceDir })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-demo-credit-"))
    await seedDemo(scratch.db, systemActor("seed"), { institutions: demoRegister() })
  }, 120_000)
  afterAll(async () => {
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("scores three staff on two decided cases, applies the consequences, notifies and publishes, once", async () => {
    const first = await seedCreditDemo(scratch.db, options())
    expect(first).toMatchObject({ practitioners: 3 })
    expect(first.cases).toHaveLength(2)
    const people = await scratch.db.practitioner.findMany({
      include: { events: true, transitions: true },
      orderBy: { nationalCode: "asc" }
    })
    const states = Object.fromEntries(
      people.map((p) => [p.name, qualificationStatus(p.events.map(pointEventOf), isoDate(today)).state])
    )
    expect(states).toEqual({ 陈立华: "terminated", 周敏: "suspended", 刘志强: "normal" })
    expect(people.flatMap((p) => p.transitions.map((t) => t.kind)).sort()).toEqual([
      "suspension_start",
      "termination_start"
    ])
    expect(await jointPunishmentNoticesFor(scratch.db, "health_commission")).toHaveLength(1)
    const [exposure] = await publishedExposures(scratch.db)
    expect(exposure?.summary).toContain("陈**")
    expect(JSON.stringify(exposure)).not.toContain("陈立华")
    expect((await seedCreditDemo(scratch.db, options())).practitioners).toBe(0)
  }, 120_000)
})
