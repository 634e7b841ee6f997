/**
 * The responsibilities' use cases end to end on real databases: changing the organisation (all or
 * nothing, audited), generating tasks (idempotent, deadlines by the working calendar) and recording
 * a completion (refused evidence stores nothing, not even files).
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { EvidenceStoreLive, listAudit, loadOrganisation, repositoriesLayer, TaskRepositoryLive } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { BureauClock, isoDate, weekendsOnlyCalendar, WorkingCalendar } from "@fundguard/domain/kernel"
import { InvalidCompletion, OrganisationRejected, TaskNotFound } from "@fundguard/domain/responsibilities"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  changeOrganisation,
  completeTask,
  generateTasks,
  type CompletionRequest
} from "../src/responsibilities/index.js"
import { countyOrganisation, setUpActor, setUpCounty } from "./county.js"

const today = "2025-11-20"

describe("completing a task (use case over SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  const run = async (request: Omit<CompletionRequest, "actor">) => {
    const layer = Layer.mergeAll(
      TaskRepositoryLive(scratch.db),
      EvidenceStoreLive(evidenceDir),
      BureauClock.fixed(today)
    )
    const exit = await Effect.runPromiseExit(
      completeTask({ ...request, actor: { id: null, name: "测试员", ip: null } }).pipe(Effect.provide(layer))
    )
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }
  const stored = () =>
    existsSync(evidenceDir) ? readdirSync(evidenceDir, { recursive: true }).filter((f) => String(f).length > 3) : []

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-app-evidence-"))
    await setUpCounty(scratch.db, { calendar: chineseWorkingCalendar(), today })
  }, 120_000)
  afterAll(async () => {
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("refuses wrong evidence naming every field, and stores nothing — not even the files", async () => {
    const task = await scratch.db.dutyTask.findFirstOrThrow({
      where: { completedOn: null, periodStart: { lte: today } }
    })
    const refused = await run({
      taskId: task.id,
      completedOn: "2099-01-01",
      record: "",
      values: {},
      files: [{ fileName: "a.pdf", mediaType: "application/pdf", bytes: Buffer.from("%PDF") }]
    }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(InvalidCompletion)
    expect((refused as InvalidCompletion).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["$.completedOn", "$.record"])
    )
    expect(stored()).toEqual([])
    expect(await scratch.db.taskCompletion.count({ where: { taskId: task.id } })).toBe(0)
    expect(
      await run({ taskId: "no-such-task", completedOn: today, record: "检查了", values: {}, files: [] }).catch(
        (e: unknown) => e
      )
    ).toBeInstanceOf(TaskNotFound)
  })

  it("records a completion with its files by hash, the task's done day and the audit entry", async () => {
    const task = await scratch.db.dutyTask.findFirstOrThrow({
      where: { completedOn: null, periodStart: { lte: today }, requiredCount: 1, objectCode: { not: "" } }
    })
    const duty = (
      await scratch.db.dutyVersion.findFirstOrThrow({ where: { code: task.dutyCode, version: task.dutyVersion } })
    ).definition as { evidence: Array<{ key: string; type: string; min: number | null }> }
    const values = Object.fromEntries(
      duty.evidence
        .filter((f) => f.type === "count" || f.type === "flag")
        .map((f) => [f.key, f.type === "count" ? Math.max(f.min ?? 0, 10) : true])
    )
    const saved = await run({
      taskId: task.id,
      completedOn: task.periodStart,
      record: "检查了药品进销存台账",
      values,
      files: [{ fileName: "台账.pdf", mediaType: "application/pdf", bytes: Buffer.from("%PDF-1.4 ledger") }]
    })
    const completion = await scratch.db.taskCompletion.findUniqueOrThrow({
      where: { id: saved.completionId },
      include: { files: true }
    })
    expect(completion.files).toHaveLength(1)
    expect(stored().length).toBeGreaterThan(0)
    expect((await scratch.db.dutyTask.findUniqueOrThrow({ where: { id: task.id } })).completedOn).toBe(task.periodStart)
    const audit = await scratch.db.auditEvent.findFirstOrThrow({
      where: { action: "task.complete", entityId: task.id }
    })
    expect(audit.actorName).toBe("测试员")
  })
})

describe.each(["sqlite", "postgresql"] as const)("changing the organisation on %s", (provider) => {
  let scratch: ScratchDatabase
  const change = async (request: Omit<Parameters<typeof changeOrganisation>[0], "actor" | "source">) => {
    const exit = await Effect.runPromiseExit(
      changeOrganisation({ ...request, source: "test", actor: setUpActor }).pipe(
        Effect.provide(repositoriesLayer(scratch.db))
      )
    )
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    await setUpCounty(scratch.db, { calendar: weekendsOnlyCalendar(2025, 2025), today: "2025-01-02" })
  }, 120_000)
  afterAll(async () => scratch?.dispose())

  it("writes a consistent change with one audit entry per entity and answers the organisation as it now is", async () => {
    const org = countyOrganisation()
    const before = (await listAudit(scratch.db, { take: 1000 })).length
    const office = { ...org.units[2]!, id: "SSO-CAOTANG", name: "草堂镇社保所", kind: "social_security_office" }
    const result = await change({ change: { units: [office as never] } })
    expect(result.written).toBe(1)
    expect(result.organisation.units.map((u) => u.id)).toContain("SSO-CAOTANG")
    expect(await loadOrganisation(scratch.db)).toEqual(result.organisation)
    const audit = await listAudit(scratch.db, { take: 1000 })
    expect(audit.length).toBe(before + 1)
    expect(audit[0]).toMatchObject({ action: "org_unit.save", entityId: "SSO-CAOTANG", actorName: "测试准备" })
  })

  it("refuses an inconsistent change naming every problem, and writes nothing", async () => {
    const org = countyOrganisation()
    const before = await listAudit(scratch.db, { take: 1000 })
    const stored = await loadOrganisation(scratch.db)
    const orphan = { ...org.units[1]!, id: "SEC-X", parentId: "SEC-NOPE" }
    const refused = await change({ change: { units: [orphan as never], removeAreas: ["caotang"] } }).catch(
      (e: unknown) => e
    )
    expect(refused).toBeInstanceOf(OrganisationRejected)
    const messages = (refused as OrganisationRejected).rows.map((r) => r.message)
    expect(messages).toEqual(
      expect.arrayContaining(["SEC-X：上级单位 SEC-NOPE 不存在", "HC-CAOTANG：区域 caotang 不存在"])
    )
    expect((refused as OrganisationRejected).problems[0]?.path).toBe("单位")
    expect(await loadOrganisation(scratch.db)).toEqual(stored)
    expect(await listAudit(scratch.db, { take: 1000 })).toHaveLength(before.length)
  })
})

describe("generating tasks (use case over SQLite)", () => {
  it("creates each task once, with its deadline moved to the next working day", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      const calendar = weekendsOnlyCalendar(2025, 2025)
      const first = await setUpCounty(scratch.db, { calendar, today: "2025-09-30" })
      expect(first.created).toBeGreaterThan(0)
      const again = await Effect.runPromise(
        generateTasks({ from: isoDate("2025-01-01"), through: isoDate("2025-09-30"), actor: setUpActor }).pipe(
          Effect.provide(Layer.merge(repositoriesLayer(scratch.db), Layer.succeed(WorkingCalendar, calendar)))
        )
      )
      expect(again).toMatchObject({ planned: first.planned, created: 0 })
      expect(await scratch.db.dutyTask.count()).toBe(first.created)
      // The ledger is due on the 5th of the next month. The weekends-only calendar knows no National
      // Day: Sunday 5 October 2025 moves to Monday 6 October; Wednesday 5 February stays.
      const ledger = (periodKey: string) =>
        scratch.db.dutyTask.findFirstOrThrow({ where: { dutyCode: "FJ-HC-LEDGER-M", periodKey, unitId: "HC-CAOTANG" } })
      expect((await ledger("2025-09")).deadline).toBe("2025-10-06")
      expect((await ledger("2025-01")).deadline).toBe("2025-02-05")
    } finally {
      await scratch.dispose()
    }
  })
})
