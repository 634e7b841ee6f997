/**
 * The merge of a partitioned run (PostgreSQL, where the queue lives): of two partitions recorded at the same
 * instant exactly one claims the merge, and a merge whose worker died (no heartbeat for the lease) is claimed
 * again by the next worker and filed once; a merge larger than its page files every lead once.
 */
import type { Suspicion } from "@fundguard/domain/screening"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  claimMergeIfDue,
  mergePartitionedRun,
  openPartitionQueue,
  type PartitionQueue,
  type PartitionTask,
  recordPartitionResult,
  runHeartbeat,
  startPartitionedRun,
  systemActor,
  takePartition
} from "../src/index.js"
import { createScratchDatabase, type ScratchDatabase } from "../src/testing.js"

const actor = systemActor("test")
let scratch: ScratchDatabase
let queue: PartitionQueue

const lead = (n: number): Suspicion => ({
  rule: "PRICE_OVER_CAP",
  ruleVersion: 1,
  level: "line",
  fixmedins_code: "H1",
  psn_no: `P${n}`,
  mdtrt_id: `M${n}`,
  setl_id: null,
  feedetl_sn: [`F${n}`],
  med_list_codg: null,
  date: "2025-11-02",
  amount: 10 + n,
  violation: null,
  evidence: {},
  message: "test"
})

const startRun = async () => {
  const { runId, partitions } = await startPartitionedRun(
    scratch.db,
    queue,
    actor,
    { trigger: "cli", extract: "test", admdvs: null, periodFrom: null, periodTo: null, params: {} },
    { person: 1, institution: 1 }
  )
  for (const p of partitions) expect(await takePartition(scratch.db, actor, p)).toBe(true)
  return { runId, partitions }
}

const record = (task: PartitionTask, n: number) =>
  recordPartitionResult(scratch.db, actor, task, { suspicions: [lead(n)], rules: [], durationMs: 1 })

describe("merging a partitioned run", () => {
  beforeAll(async () => {
    scratch = await createScratchDatabase("postgresql")
    queue = await openPartitionQueue(scratch.url)
  }, 120_000)
  afterAll(async () => {
    await queue?.close()
    await scratch?.dispose()
  })

  it("lets exactly one of two partitions finishing together claim the merge", async () => {
    const { partitions } = await startRun()
    const [first, ...lastTwo] = partitions
    expect((await record(first!, 0)).mergeNow).toBe(false)
    const outcomes = await Promise.all(lastTwo.map((p, i) => record(p, i + 1)))
    expect(outcomes.filter((o) => o.mergeNow)).toHaveLength(1)
  })

  it("claims again a merge whose worker died, and files it once", async () => {
    const { runId, partitions } = await startRun()
    const outcomes = []
    for (const [i, p] of partitions.entries()) outcomes.push(await record(p, i))
    expect(outcomes.map((o) => o.mergeNow)).toEqual([false, false, true])
    // While the merger's heartbeat is fresh, nobody else claims it.
    expect(await claimMergeIfDue(scratch.db, actor, runId)).toBe(false)
    // The merger dies: another worker's name on the claim, no heartbeat for longer than the lease.
    await scratch.db.screeningRun.update({
      where: { id: runId },
      data: {
        owner: "merging:elsewhere:1",
        heartbeatAt: new Date(Date.now() - runHeartbeat.leaseMs - 1_000)
      }
    })
    expect(await claimMergeIfDue(scratch.db, actor, runId)).toBe(true)
    expect(await claimMergeIfDue(scratch.db, actor, runId)).toBe(false)
    await mergePartitionedRun(scratch.db, actor, runId)
    const run = await scratch.db.screeningRun.findUniqueOrThrow({ where: { id: runId } })
    expect(run.status).toBe("succeeded")
    expect(run.owner).toBeNull()
    expect(await scratch.db.suspicion.count({ where: { lastRunId: runId } })).toBe(3)
    const claims = await scratch.db.auditEvent.count({
      where: { entityId: runId, action: "screening.merge_claimed" }
    })
    expect(claims).toBe(2)
  })

  it("files a run larger than a page, page by page: every lead once, the new ones counted", async () => {
    const leadsOf = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => ({ ...lead(1000 + from + i), message: `lead ${from + i}` }))
    const mergeRun = async (from: number, to: number) => {
      const { runId, partitions } = await startRun()
      // The leads dealt over the three partitions, as partitions find them (each lead in one partition).
      const all = leadsOf(from, to)
      const outcomes = []
      for (const [p, task] of partitions.entries())
        outcomes.push(
          await recordPartitionResult(scratch.db, actor, task, {
            suspicions: all.filter((_, i) => i % partitions.length === p),
            rules: [],
            durationMs: 1
          })
        )
      expect(outcomes.map((o) => o.mergeNow)).toEqual([false, false, true])
      return { runId, filed: await mergePartitionedRun(scratch.db, actor, runId, 4) }
    }
    const first = await mergeRun(0, 10)
    expect(first.filed.created).toBe(10)
    expect(first.filed.run.suspicionCount).toBe(10)
    // Found again: 5 of them as they were, 5 new; pages of 4 cut through rules and keys alike.
    const second = await mergeRun(5, 15)
    expect(second.filed.created).toBe(5)
    expect(second.filed.run.suspicionCount).toBe(10)
    const filed = await scratch.db.suspicion.findMany({
      where: { psnNo: { in: leadsOf(0, 15).map((l) => l.psn_no!) } },
      orderBy: { psnNo: "asc" }
    })
    expect(filed).toHaveLength(15)
    expect(
      filed
        .filter((f) => f.lastRunId === second.runId)
        .map((f) => f.message)
        .sort()
    ).toEqual(
      leadsOf(5, 15)
        .map((l) => l.message)
        .sort()
    )
    expect(filed.filter((f) => f.firstRunId === first.runId)).toHaveLength(10)
    expect(await scratch.db.partitionSuspicion.count({ where: { runId: second.runId } })).toBe(0)
  })
})
