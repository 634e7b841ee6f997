/**
 * The merge of a partitioned run (PostgreSQL, where the queue lives): of two partitions recorded at the same
 * instant exactly one claims the merge, and a merge whose worker died (no heartbeat for the lease) is claimed
 * again by the next worker and filed once; a merge files every lead once,
 * with the finding of the latest run and the review status kept; a merge taken over by another worker, and a
 * partition recorded after the claim, write nothing.
 */
import { suspicionKey, type Suspicion } from "@fundguard/domain/screening"
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

  it("files every lead once, in the database: leads found again take the new finding and keep their review", async () => {
    const leadsOf = (from: number, to: number, tag: string) =>
      Array.from({ length: to - from }, (_, i) => ({
        ...lead(1000 + from + i),
        fixmedins_code: `H${from + i}`,
        setl_id: `S${from + i}`,
        med_list_codg: `X${from + i}`,
        violation: "A38-4-SWAP",
        amount: 100.25 + from + i,
        evidence: { run: tag, lines: [{ n: from + i }] },
        message: `lead ${from + i} of ${tag}`
      }))
    const mergeRun = async (leads: ReadonlyArray<Suspicion>) => {
      const { runId, partitions } = await startRun()
      // The leads dealt over the three partitions, as partitions find them (each lead in one partition).
      const outcomes = []
      for (const [p, task] of partitions.entries())
        outcomes.push(
          await recordPartitionResult(scratch.db, actor, task, {
            suspicions: leads.filter((_, i) => i % partitions.length === p),
            rules: [],
            durationMs: 1
          })
        )
      expect(outcomes.map((o) => o.mergeNow)).toEqual([false, false, true])
      return { runId, filed: await mergePartitionedRun(scratch.db, actor, runId) }
    }
    const first = await mergeRun(leadsOf(0, 10, "first"))
    expect(first.filed.created).toBe(10)
    expect(first.filed.run.suspicionCount).toBe(10)
    const psnNos = leadsOf(0, 15, "").map((l) => l.psn_no!)
    const reviewed = await scratch.db.suspicion.update({
      where: {
        ruleCode_dedupKey: {
          ruleCode: "PRICE_OVER_CAP",
          dedupKey: (await scratch.db.suspicion.findFirstOrThrow({ where: { psnNo: psnNos[6]! } })).dedupKey
        }
      },
      data: { status: "pending_second_review" }
    })
    // Found again: 5 of them (now with other evidence and words), 5 new.
    const secondStarted = Date.now()
    const second = await mergeRun(leadsOf(5, 15, "second"))
    expect(second.filed.created).toBe(5)
    expect(second.filed.run.suspicionCount).toBe(10)
    const filed = await scratch.db.suspicion.findMany({ where: { psnNo: { in: psnNos } } })
    expect(filed).toHaveLength(15)
    const byPerson = new Map(filed.map((f) => [f.psnNo, f]))
    for (const [i, psnNo] of psnNos.entries()) {
      const f = byPerson.get(psnNo)!
      const tag = i < 5 ? "first" : "second"
      expect(f.firstRunId).toBe(i < 10 ? first.runId : second.runId)
      expect(f.lastRunId).toBe(i < 5 ? first.runId : second.runId)
      expect(f.message).toBe(`lead ${i} of ${tag}`)
      expect(f.evidence).toEqual({ run: tag, lines: [{ n: i }] })
      expect(f.amount).toBe(100.25 + i)
      expect(f.feedetlSn).toEqual([`F${1000 + i}`])
      expect(f.mdtrtId).toBe(`M${1000 + i}`)
      expect(f.fixmedinsCode).toBe(`H${i}`)
      expect(f.setlId).toBe(`S${i}`)
      expect(f.medListCodg).toBe(`X${i}`)
      expect(f.violation).toBe("A38-4-SWAP")
      expect(f.ruleCode).toBe("PRICE_OVER_CAP")
      expect(f.dedupKey).toBe(suspicionKey(lead(1000 + i)))
      expect(f.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(f.revision).toBe(i === 6 ? reviewed.revision : 0)
      expect(f.assigneeId).toBeNull()
      if (i >= 10) expect(f.createdAt.getTime()).toBe(f.updatedAt.getTime())
      if (i >= 5) expect(f.updatedAt.getTime()).toBeGreaterThanOrEqual(secondStarted)
      expect(f.date).toBe("2025-11-02")
      expect(f.level).toBe("line")
      expect(f.ruleVersion).toBe(1)
      expect(f.status).toBe(f.id === reviewed.id ? "pending_second_review" : "pending_first_review")
    }
    expect(await scratch.db.partitionSuspicion.count({ where: { runId: second.runId } })).toBe(0)
  })

  it("rolls back a merge that another worker has taken over, and a partition recorded after the claim", async () => {
    const { runId, partitions } = await startRun()
    const outcomes = []
    for (const [i, p] of partitions.entries()) outcomes.push(await record(p, 2000 + i))
    expect(outcomes.map((o) => o.mergeNow)).toEqual([false, false, true])
    // A partition run twice (its job expired while its first worker was still at it) writes nothing once claimed.
    expect((await record(partitions[0]!, 2100)).mergeNow).toBe(false)
    const copies = await scratch.db.partitionSuspicion.findMany({ where: { runId } })
    expect(copies.map((c) => (c.suspicion as unknown as Suspicion).psn_no).sort()).toEqual(["P2000", "P2001", "P2002"])
    // Taken over (this worker was thought dead): its merge files nothing and leaves the run to the new owner.
    await scratch.db.screeningRun.update({ where: { id: runId }, data: { owner: "merging:elsewhere:1" } })
    await expect(mergePartitionedRun(scratch.db, actor, runId)).rejects.toThrow(/no longer this worker's/)
    expect(await scratch.db.suspicion.count({ where: { lastRunId: runId } })).toBe(0)
    const run = await scratch.db.screeningRun.findUniqueOrThrow({ where: { id: runId } })
    expect([run.status, run.owner]).toEqual(["running", "merging:elsewhere:1"])
  })
})
