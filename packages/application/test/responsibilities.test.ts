/**
 * Recording a task's completion end to end on SQLite: the use case (`completeTask`) over the
 * Prisma repository and the disk evidence store. Refused evidence stores nothing, not even files.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import {
  EvidenceStoreLive,
  seedResponsibilitiesDemo,
  systemActor,
  TaskRepositoryLive,
  upsertInstitutions
} from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { BureauClock } from "@fundguard/domain/kernel"
import { InvalidCompletion, TaskNotFound } from "@fundguard/domain/responsibilities"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { demoRegister } from "@fundguard/screening"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { completeTask, type CompletionRequest } from "../src/responsibilities/index.js"

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
    await upsertInstitutions(scratch.db, systemActor(), demoRegister())
    await seedResponsibilitiesDemo(scratch.db, systemActor(), {
      calendar: chineseWorkingCalendar(),
      today,
      evidenceDir
    })
    rmSync(evidenceDir, { recursive: true, force: true })
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
