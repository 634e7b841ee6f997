/**
 * The demo county loads through the use cases into an empty database, the same way `pnpm start`
 * loads it: every change audited in an unbroken chain, and a second load changes nothing a user
 * could have changed.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { listAudit, loadOrganisation, systemActor, verifyAuditChain } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { demoRegister } from "@fundguard/screening"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { demoOrganisation, demoUsers, seedDemo, seedResponsibilitiesDemo } from "../src/index.js"

const today = "2025-11-20"

describe("the demo county", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let first: Awaited<ReturnType<typeof seedResponsibilitiesDemo>>
  const options = () => ({ calendar: chineseWorkingCalendar(), today, evidenceDir })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-demo-evidence-"))
    await seedDemo(scratch.db, systemActor("seed"), { institutions: demoRegister() })
    first = await seedResponsibilitiesDemo(scratch.db, systemActor("seed"), options())
  }, 120_000)
  afterAll(async () => {
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("has one account per demo user, the demo organisation, this year's tasks and some completions", async () => {
    expect((await scratch.db.user.findMany()).map((u) => u.username).sort()).toEqual(
      demoUsers.map((u) => u.username).sort()
    )
    const org = demoOrganisation()
    expect((await loadOrganisation(scratch.db)).units.map((u) => u.id).sort()).toEqual(
      org.units.map((u) => u.id).sort()
    )
    expect(first.tasks.created).toBeGreaterThan(100)
    expect(first.completions).toBeGreaterThan(0)
    expect(await scratch.db.taskCompletion.count()).toBe(first.completions)
    // Some tasks are left overdue on purpose, so the ranking and the due list have something to show.
    expect(await scratch.db.dutyTask.count({ where: { completedOn: null, deadline: { lt: today } } })).toBeGreaterThan(
      0
    )
  })

  it("takes on only the duties of documents that bind the county (not 宁夏's, nor 奈曼旗's campaign)", async () => {
    const codes = (await scratch.db.dutyVersion.findMany({ select: { code: true } })).map((d) => d.code)
    expect(codes).toContain("FJ-HC-TRAINING-Y")
    expect(codes.filter((c) => c.startsWith("NX-") || c.startsWith("NM2020-"))).toEqual([])
    expect(await scratch.db.dutyTask.count({ where: { dutyCode: { startsWith: "NX-" } } })).toBe(0)
  })

  it("records every change in the audit chain, under the seed's name", async () => {
    const audit = await listAudit(scratch.db, { take: 5000 })
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["org_unit.save", "duty.create", "tasks.generate", "task.complete"])
    )
    expect(new Set(audit.map((a) => a.actorName))).toEqual(new Set(["seed"]))
    expect((await verifyAuditChain(scratch.db)).ok).toBe(true)
  })

  it("loads again without new tasks or completions", async () => {
    const again = await seedResponsibilitiesDemo(scratch.db, systemActor("seed"), options())
    expect(again.tasks.created).toBe(0)
    expect(again.completions).toBe(0)
    expect(await scratch.db.taskCompletion.count()).toBe(first.completions)
  })
})
