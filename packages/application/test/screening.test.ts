/**
 * Asking for a rerun on real databases: refused while the run or another run of its extract is
 * active (nothing written), queued once otherwise with its audit entry, unknown runs named.
 */
import { listAudit, startRun, systemActor } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { RunNotFound, RunNotRerunnable } from "@fundguard/domain/screening"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { requestRerun } from "../src/screening/index.js"
import { refusal, useCasesOn } from "./harness.js"

const actor = systemActor("test")

describe.each(["sqlite", "postgresql"] as const)("requesting a rerun on %s", (provider) => {
  let scratch: ScratchDatabase
  const run = useCasesOn(() => scratch.db)
  const start = () =>
    startRun(scratch.db, actor, {
      trigger: "schedule",
      extract: "/extracts/500235-2025-10",
      admdvs: "500235",
      periodFrom: "2025-10-01",
      periodTo: "2025-10-31",
      params: { rules: "all" }
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
  }, 120_000)
  afterAll(async () => scratch?.dispose())

  it("refuses while the run is active, then queues one rerun with the same parameters, once", async () => {
    const first = await start()
    const audit = (await listAudit(scratch.db, { take: 100 })).length
    const running = await refusal(run(requestRerun({ runId: first.id, actor })))
    expect(running).toBeInstanceOf(RunNotRerunnable)
    expect((running as RunNotRerunnable).message).toBe("该批次仍在进行或排队中，不能重新筛查")
    expect(await listAudit(scratch.db, { take: 100 })).toHaveLength(audit)

    await scratch.db.screeningRun.update({ where: { id: first.id }, data: { status: "failed" } })
    const queued = await run(requestRerun({ runId: first.id, actor }))
    expect(queued).toMatchObject({ status: "queued", extract: "/extracts/500235-2025-10" })
    expect(await scratch.db.screeningRun.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      admdvs: "500235",
      periodFrom: "2025-10-01",
      params: { rules: "all" }
    })
    expect((await listAudit(scratch.db, { take: 1 }))[0]).toMatchObject({
      action: "screening.rerun_requested",
      entityId: queued.id,
      details: { rerunOf: first.id }
    })

    const again = await refusal(run(requestRerun({ runId: first.id, actor })))
    expect((again as RunNotRerunnable).message).toBe(`同一数据包已有批次在进行或排队（${queued.id}）`)
    expect(await scratch.db.screeningRun.count({ where: { status: "queued" } })).toBe(1)

    expect(await refusal(run(requestRerun({ runId: "no-such-run", actor })))).toBeInstanceOf(RunNotFound)
  })
})
