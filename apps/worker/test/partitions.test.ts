/**
 * A partitioned run through the queue (pg-boss on PostgreSQL) with three worker processes reading the extract's
 * prepared Parquet partitions, one killed in the middle of a partition: the partition is taken again by another
 * worker, and the run files exactly what one process screening the whole extract finds.
 */
import {
  failPartitionedRun,
  openPartitionQueue,
  type PartitionTask,
  recordPartitionResult,
  startPartitionedRun,
  systemActor,
  type PartitionQueue
} from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { suspicionKey } from "@fundguard/domain/screening"
import { prepareProvincePartitions, ruleLibrary, runScreening } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { writeSyntheticExtract } from "../../../packages/screening/scripts/synth-extract.js"
import { rulesOfJob, workPartition } from "../src/partitions.js"

const work = mkdtempSync(join(tmpdir(), "fundguard-partitions-"))
const extract = join(work, "extract")
const prepared = join(work, "partitions")
const stagedDir = join(work, "staged")
let scratch: ScratchDatabase
let queue: PartitionQueue
const workers: Array<ChildProcess> = []
const logs = new Map<number, Array<string>>()

const startWorker = (url: string): ChildProcess => {
  const child = spawn(
    process.execPath,
    ["--conditions=@fundguard/source", "--import", "tsx", "src/main.ts", "--partitions"],
    {
      cwd: join(import.meta.dirname, ".."),
      env: {
        ...process.env,
        DATABASE_URL: url,
        // The queue looks for lost partitions every second (the run's jobs expire after 20 s: see beforeAll).
        FUNDGUARD_PARTITION_CHECK_SECONDS: "1",
        FUNDGUARD_DUCKDB_MEMORY_LIMIT: "1GB"
      },
      stdio: ["ignore", "ignore", "pipe"]
    }
  )
  const lines: Array<string> = []
  logs.set(child.pid!, lines)
  child.stderr!.on("data", (chunk: Buffer) =>
    lines.push(
      ...chunk
        .toString()
        .split("\n")
        .filter((l) => l !== "")
    )
  )
  workers.push(child)
  return child
}

const until = async <A>(what: string, probe: () => Promise<A | undefined>, seconds: number): Promise<A> => {
  const deadline = Date.now() + seconds * 1000
  for (;;) {
    const found = await probe()
    if (found !== undefined) return found
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; worker logs:\n${[...logs.values()].flat().join("\n")}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  scratch = await createScratchDatabase("postgresql")
  await writeSyntheticExtract({ lines: 120_000, dir: extract, format: "parquet" })
  // The preparation step: the extract as Parquet split 3 ways by person and by institution (shared storage).
  await Effect.runPromise(prepareProvincePartitions(extract, prepared, { count: 3 }))
  queue = await openPartitionQueue(scratch.url, { expireInSeconds: 20, maintenanceIntervalSeconds: 1 })
}, 120_000)

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGKILL")
  await queue?.close()
  await scratch?.dispose()
  rmSync(work, { recursive: true, force: true })
})

describe("a partitioned run on the queue", () => {
  it("splits the library into person, institution and global rules, each rule once", () => {
    const jobs = (["person", "institution", "global"] as const).map((job) => rulesOfJob(job))
    expect(jobs.every((rules) => rules.length > 0)).toBe(true)
    expect(jobs.flat().sort()).toEqual(ruleLibrary.map((r) => r.code).sort())
    expect(rulesOfJob("staged")).toEqual([])
    // With staged verdicts, the rules of the global partition are all staged: none is left for it.
    const staged = (["person", "institution", "global", "staged"] as const).map((job) =>
      rulesOfJob(job, ruleLibrary, true)
    )
    expect(staged[3]).toEqual(jobs[2])
    expect(staged[2]).toEqual([])
    expect(staged.flat().sort()).toEqual(ruleLibrary.map((r) => r.code).sort())
  })

  it("a verdict waits off the queue for the institution partitions, not for a stopped run, and a day at most", async () => {
    const db = scratch.db
    // Jobs recorded but kept off the real queue: this test calls the worker's step itself.
    const offQueue = {
      boss: { insert: async () => undefined },
      jobOptions: queue.jobOptions
    } as unknown as PartitionQueue
    const start = { trigger: "cli", extract, admdvs: null, periodFrom: null, periodTo: null } as const
    const plan = { person: 3, institution: 3, staged: 1, global: false }
    const { runId } = await startPartitionedRun(
      db,
      offQueue,
      systemActor("test"),
      { ...start, params: { prepared, stagedDir } },
      plan
    )
    const verdict = { runId, job: "staged" as const, index: 0, count: 1 }
    const deferred: Array<{ task: PartitionTask; seconds: number }> = []
    const defer = async (task: PartitionTask, seconds: number) => void deferred.push({ task, seconds })

    await workPartition(db, verdict, { defer })
    expect(deferred).toHaveLength(1)
    expect(deferred[0]!.seconds).toBeGreaterThan(0)
    const since = deferred[0]!.task.waitingSince!
    expect(Date.now() - Date.parse(since)).toBeLessThan(60_000)
    // Offered again, it keeps the instant it began to wait.
    await workPartition(db, deferred[0]!.task, { defer })
    expect(deferred[1]!.task.waitingSince).toBe(since)
    const untouched = await db.runPartition.findFirstOrThrow({ where: { runId, job: "staged" } })
    expect(untouched.attempts).toBe(0)

    // After a day the run fails, saying why (an institution partition that used up its retries never finishes).
    const dayAgo = new Date(Date.now() - 25 * 3_600_000).toISOString()
    await workPartition(db, { ...verdict, waitingSince: dayAgo }, { defer })
    expect(deferred).toHaveLength(2)
    const failed = await db.screeningRun.findUniqueOrThrow({ where: { id: runId } })
    expect(failed.status).toBe("failed")
    expect(failed.error).toContain("等待超过 24 小时：机构分区尚未全部完成")
    // A run fails once: a second failure (another verdict) neither overwrites the reason nor touches a merged run.
    expect(await failPartitionedRun(db, systemActor("test"), runId, "another reason")).toBe(false)
    expect((await db.screeningRun.findUniqueOrThrow({ where: { id: runId } })).error).toBe(failed.error)
    // A stopped run's verdicts stop waiting.
    await workPartition(db, verdict, { defer })
    expect(deferred).toHaveLength(2)
  })

  it("survives a worker killed mid-partition and files what a single process finds", async () => {
    const db = scratch.db
    const whole = await Effect.runPromise(runScreening({ extract }))
    expect(whole.suspicions.length).toBeGreaterThan(50)
    const { runId, partitions } = await startPartitionedRun(
      db,
      queue,
      systemActor("test"),
      { trigger: "cli", extract, admdvs: null, periodFrom: null, periodTo: null, params: { prepared, stagedDir } },
      { person: 3, institution: 3, staged: 2, global: false }
    )
    // The rules across persons and institutions: their facts written by the institution partitions, their leads
    // given by two verdicts; no partition reads the whole extract.
    expect(partitions).toHaveLength(8)
    const victim = startWorker(scratch.url)
    // The victim takes the first partition alone, and dies in the middle of it.
    const killed = await until(
      "the first worker to take a partition",
      async () => (await db.runPartition.findFirst({ where: { runId, status: "running" } })) ?? undefined,
      90
    )
    expect(killed.worker).toMatch(new RegExp(`:${victim.pid}$`))
    victim.kill("SIGKILL")
    startWorker(scratch.url)
    startWorker(scratch.url)
    const run = await until(
      "the run to be merged",
      async () => {
        const r = await db.screeningRun.findUniqueOrThrow({ where: { id: runId } })
        return r.status === "succeeded" || r.status === "failed" ? r : undefined
      },
      240
    )
    expect(run.status).toBe("succeeded")

    const done = await db.runPartition.findMany({ where: { runId } })
    expect(done.every((p) => p.status === "done")).toBe(true)
    // The verdicts ran after every institution partition, and found the staged rules' leads between them.
    const lastInstitution = Math.max(...done.filter((p) => p.job === "institution").map((p) => p.finishedAt!.getTime()))
    const verdicts = done.filter((p) => p.job === "staged")
    expect(verdicts.every((p) => p.startedAt!.getTime() >= lastInstitution)).toBe(true)
    const stagedRules = rulesOfJob("staged", ruleLibrary, true)
    const stagedLeads = whole.suspicions.filter((s) => stagedRules.includes(s.rule))
    expect(verdicts.reduce((n, p) => n + p.suspicions!, 0)).toBe(stagedLeads.length)
    expect(new Set(stagedLeads.map((s) => s.rule)).size).toBe(stagedRules.length)
    // Merged: the run's facts are removed.
    expect(existsSync(join(stagedDir, runId))).toBe(false)
    const retaken = done.find((p) => p.job === killed.job && p.index === killed.index)!
    expect(retaken.attempts).toBeGreaterThanOrEqual(2)
    expect(retaken.worker).not.toMatch(new RegExp(`:${victim.pid}$`))

    const filed = await db.suspicion.findMany({ where: { lastRunId: runId } })
    const key = (rule: string, dedupKey: string) => `${rule}|${dedupKey}`
    expect(filed.map((s) => key(s.ruleCode, s.dedupKey)).sort()).toEqual(
      whole.suspicions.map((s) => key(s.rule, suspicionKey(s))).sort()
    )
    const amountOf = new Map(whole.suspicions.map((s) => [key(s.rule, suspicionKey(s)), s.amount]))
    for (const s of filed) expect(s.amount).toBe(amountOf.get(key(s.ruleCode, s.dedupKey)))
    expect(run.suspicionCount).toBe(whole.suspicions.length)

    // Every state change of the partitions is in the audit log: each taking (the killed one twice), each
    // partition done, the one merge claimed.
    const audited = await db.auditEvent.findMany({ where: { entityType: "screening_run", entityId: runId } })
    const actions = (action: string) => audited.filter((e) => e.action === action).length
    const partitionCount = await db.runPartition.count({ where: { runId } })
    const attempts = (await db.runPartition.findMany({ where: { runId } })).reduce((n, p) => n + p.attempts, 0)
    expect(actions("screening.partition_taken")).toBe(attempts)
    expect(actions("screening.partition_done")).toBe(partitionCount)
    expect(actions("screening.merge_claimed")).toBe(1)

    // Filed: the partitions' copies are gone. A partition recorded once more after the merge (its worker died
    // after recording, before the queue heard) writes nothing and claims no second merge.
    expect(await db.partitionSuspicion.count({ where: { runId } })).toBe(0)
    const again = await recordPartitionResult(
      db,
      systemActor("test"),
      { runId, job: retaken.job as "person", index: retaken.index, count: retaken.count },
      { suspicions: whole.suspicions.slice(0, 5), rules: [], durationMs: 1 }
    )
    expect(again.mergeNow).toBe(false)
    expect(await db.partitionSuspicion.count({ where: { runId } })).toBe(0)
    expect(await db.suspicion.count({ where: { lastRunId: runId } })).toBe(filed.length)
  }, 360_000)
})
