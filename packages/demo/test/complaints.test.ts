/**
 * The complaints demo loads through the use cases: three complaints, one opened as a case with
 * retaliation recorded, one left undecided past its acceptance deadline; loaded once.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { listComplaints, systemActor } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoRegister } from "@fundguard/screening"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { seedComplaintsDemo, seedDemo } from "../src/index.js"

describe("the complaints demo", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  const options = () => ({ calendar: chineseWorkingCalendar(), today: "2025-11-20", evidenceDir })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-demo-complaints-"))
    await seedDemo(scratch.db, systemActor("seed"), { institutions: demoRegister() })
  }, 120_000)
  afterAll(async () => {
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("loads three complaints, one in a case with retaliation, once", async () => {
    const first = await seedComplaintsDemo(scratch.db, options())
    expect(first.complaints).toBe(3)
    expect(first.caseId).not.toBeNull()
    const all = await listComplaints(scratch.db, null)
    expect(all.map((c) => c.channel).sort()).toEqual(["letter", "phone", "web"])
    const inCase = all.find((c) => c.caseId === first.caseId)
    expect(inCase?.retaliations).toHaveLength(1)
    expect(all.find((c) => c.channel === "letter")?.status).toBe("received")
    expect((await seedComplaintsDemo(scratch.db, options())).complaints).toBe(0)
    expect(await scratch.db.complaint.count()).toBe(3)
  })
})
