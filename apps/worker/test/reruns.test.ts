import { requestRerun, startRun, systemActor } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoExtractDir } from "@fundguard/screening"
import { afterEach, describe, expect, it } from "vitest"
import { runQueued } from "../src/nightly.js"

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
    await expect(requestRerun(db, actor, dead.id)).rejects.toThrow("仍在进行")
    const lines: Array<string> = []
    const first = await runQueued(db, (l) => lines.push(l))
    expect(first.screened).toEqual([])
    expect(lines).toContain(`run ${dead.id} was interrupted (its process is gone)`)
    expect((await db.screeningRun.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("interrupted")

    const queued = await requestRerun(db, actor, dead.id)
    expect(queued.status).toBe("queued")
    await expect(requestRerun(db, actor, dead.id)).rejects.toThrow("已有批次")
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
})
