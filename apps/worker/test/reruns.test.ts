import * as Application from "@fundguard/application"
import { repositoriesLayer, startRun, systemActor, type Db } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoExtractDir } from "@fundguard/screening"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { afterEach, describe, expect, it } from "vitest"
import { runQueued } from "../src/nightly.js"

/** What the runs page's 重新筛查 does: the application's use case over this database. */
const requestRerun = async (db: Db, runId: string) => {
  const exit = await Effect.runPromiseExit(
    Application.Screening.requestRerun({ runId, actor: systemActor("test") }).pipe(
      Effect.provide(repositoriesLayer(db))
    )
  )
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}

describe("interrupted runs and reruns", () => {
  let scratch: ScratchDatabase | undefined
  afterEach(async () => {
    await scratch?.dispose()
    scratch = undefined
  })

  it("marks a run whose process is gone as interrupted, then does the rerun asked for", async () => {
    scratch = await createScratchDatabase("sqlite")
    const db = scratch.db
    const actor = systemActor("test")
    // A run left "running" by a process that no longer exists (pid 2^22 is above Linux's pid_max default).
    const dead = await startRun(db, actor, {
      trigger: "schedule",
      extract: demoExtractDir,
      admdvs: "500235",
      periodFrom: null,
      periodTo: null,
      params: {}
    })
    await db.screeningRun.update({
      where: { id: dead.id },
      data: { owner: `${(await import("node:os")).hostname()}:4194304` }
    })
    await expect(requestRerun(db, dead.id)).rejects.toThrow("仍在进行")
    const lines: Array<string> = []
    const first = await runQueued(db, (l) => lines.push(l))
    expect(first.screened).toEqual([])
    expect(lines).toContain(`run ${dead.id} was interrupted (its process is gone)`)
    expect((await db.screeningRun.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("interrupted")

    const queued = await requestRerun(db, dead.id)
    expect(queued.status).toBe("queued")
    await expect(requestRerun(db, dead.id)).rejects.toThrow("已有批次")
    const second = await runQueued(db, (l) => lines.push(l))
    expect(second.screened.map((s) => s.runId)).toEqual([queued.id])
    const rerun = await db.screeningRun.findUniqueOrThrow({ where: { id: queued.id } })
    expect(rerun.status).toBe("succeeded")
    expect(rerun.suspicionCount).toBeGreaterThan(0)
    expect(await db.suspicion.count({ where: { firstRunId: queued.id } })).toBe(rerun.suspicionCount)
    // Nothing is left queued or running, and nothing is taken twice.
    expect((await runQueued(db, () => undefined)).screened).toEqual([])
    expect(await db.screeningRun.count({ where: { status: { in: ["queued", "running"] } } })).toBe(0)
  }, 120_000)

  it("leaves a partitioned run to its queue: no process owns it, so a quiet spell is not a death", async () => {
    scratch = await createScratchDatabase("sqlite")
    const db = scratch.db
    const run = await startRun(db, systemActor("test"), {
      trigger: "cli",
      extract: demoExtractDir,
      admdvs: null,
      periodFrom: null,
      periodTo: null,
      params: {}
    })
    const longAgo = new Date(Date.now() - 3_600_000)
    await db.screeningRun.update({ where: { id: run.id }, data: { owner: "queue", heartbeatAt: longAgo } })
    const lines: Array<string> = []
    await runQueued(db, (l) => lines.push(l))
    expect((await db.screeningRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running")
    // A run of one process with the same silence is marked interrupted.
    await db.screeningRun.update({ where: { id: run.id }, data: { owner: "elsewhere:1" } })
    await runQueued(db, (l) => lines.push(l))
    expect((await db.screeningRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("interrupted")
  })
})
