/**
 * Partitioned screening runs (a province, `docs/screening-scale.md`): one run split into partitions that are
 * jobs on pg-boss, a maintained job queue kept in the production PostgreSQL. Any number of workers on any
 * number of machines take partitions; a partition whose worker dies expires and is taken again. Each
 * partition's suspicions are kept keyed like the leads themselves, so a partition run twice files nothing twice;
 * the worker that finishes the last partition merges them into the run, which then files them as a single run
 * does.
 */
import { suspicionKey, type Suspicion } from "@fundguard/domain/screening"
import PgBoss from "pg-boss"
import { recordAudit, type Actor } from "../access/audit.js"
import type { Db, DbTransaction } from "../client.js"
import { storedInstant } from "../kernel/bulkInsert.js"
import { beatRun, closeRun, partitionedRunOwner, runHeartbeat, runOwner, type RuleStat, type RunStart } from "./runs.js"

/** The queue the partitions wait in. */
export const partitionQueueName = "screening-partition"

/**
 * Which rules a partition runs: those split by person, those split by institution, the global ones once, or — for
 * a run with staged rules (`@fundguard/screening` `Staged.ts`) — their verdicts, one per key part, which read the
 * facts every institution partition wrote.
 */
export type PartitionJob = "person" | "institution" | "global" | "staged"

/** A partition as a job on the queue. */
export interface PartitionTask {
  readonly runId: string
  readonly job: PartitionJob
  readonly index: number
  readonly count: number
  /** Since when a staged verdict has waited for the facts it reads (ISO instant), when it has. */
  readonly waitingSince?: string
}

/** The queue, opened on the production PostgreSQL. */
export interface PartitionQueue {
  readonly boss: PgBoss
  /** What every partition put on the queue through this handle gets: its expiry and retries. */
  readonly jobOptions: { readonly expireInSeconds: number; readonly retryLimit: number }
  close(): Promise<void>
}

/** How the queue treats partitions. */
export interface PartitionQueueOptions {
  /**
   * How long a partition put on the queue through this handle may stay taken before it counts as lost (its
   * worker died) and is taken again. pg-boss 10 has no heartbeat, so this must exceed the slowest partition: the
   * default is an hour. Set on each job when the run starts, so the starter decides, not the workers.
   */
  readonly expireInSeconds?: number
  /** How often the queue looks for lost partitions (pg-boss maintenance); at least 1. */
  readonly maintenanceIntervalSeconds?: number
  /** How many times a lost or failed partition is taken again. */
  readonly retryLimit?: number
}

/**
 * Opens the partition queue on a PostgreSQL database (pg-boss keeps its tables in its own schema, `pgboss`,
 * created on first start).
 */
export const openPartitionQueue = async (url: string, options: PartitionQueueOptions = {}): Promise<PartitionQueue> => {
  const boss = new PgBoss({
    connectionString: url,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    // The queue's own cron schedules are not used (croner schedules the worker's jobs).
    schedule: false
  })
  // The queue's own maintenance errors (a lost connection, say) must not end the process; they are logged.
  boss.on("error", (error: Error) => void process.stderr.write(`[queue] ${error.message}\n`))
  await boss.start()
  const jobOptions = { expireInSeconds: options.expireInSeconds ?? 3600, retryLimit: options.retryLimit ?? 5 }
  // Created once with these defaults (pg-boss keeps the first settings); each job carries its own.
  await boss.createQueue(partitionQueueName, { name: partitionQueueName, ...jobOptions, retryDelay: 1 })
  return { boss, jobOptions, close: () => boss.stop({ graceful: false, wait: true }) }
}

/** How many partitions of each kind a run is split into. */
export interface PartitionPlan {
  readonly person: number
  readonly institution: number
  /**
   * Into how many key parts the staged rules' facts are split, one verdict job each; 0 or absent: the staged rules
   * run in the global partition over the whole extract. Needs `start.params.stagedDir`, the shared directory where
   * the institution partitions write the facts.
   */
  readonly staged?: number
  /**
   * Whether the run has a global partition; false when no rule is left for it (every global rule staged). A global
   * partition without rules records nothing and reads nothing.
   */
  readonly global?: boolean
}

/**
 * Starts a partitioned run: the run itself (running, kept alive by its workers' heartbeats), one row per
 * partition for the run page, and one job per partition on the queue, in that order — a job never names a
 * partition that is not recorded. `start.params.prepared` names the extract's copy split by partition
 * (`prepareProvincePartitions`, split as many ways as `plan` says), which workers then read instead of the whole
 * extract; `start.params.ruleParams` the rules' parameters.
 */
export const startPartitionedRun = async (
  db: Db,
  queue: PartitionQueue,
  actor: Actor,
  start: RunStart,
  plan: PartitionPlan
): Promise<{ readonly runId: string; readonly partitions: ReadonlyArray<PartitionTask> }> => {
  const tasks = (runId: string): Array<PartitionTask> => [
    ...Array.from({ length: plan.person }, (_, index) => ({
      runId,
      job: "person" as const,
      index,
      count: plan.person
    })),
    ...Array.from({ length: plan.institution }, (_, index) => ({
      runId,
      job: "institution" as const,
      index,
      count: plan.institution
    })),
    ...(plan.global === false ? [] : [{ runId, job: "global" as const, index: 0, count: 1 }]),
    ...Array.from({ length: plan.staged ?? 0 }, (_, index) => ({
      runId,
      job: "staged" as const,
      index,
      count: plan.staged ?? 0
    }))
  ]
  const staged = plan.staged ?? 0
  if (!Number.isInteger(staged) || staged < 0) throw new Error(`plan.staged must be a whole number, got ${staged}`)
  if (staged > 0 && (plan.institution < 1 || typeof start.params.stagedDir !== "string"))
    throw new Error("a run with staged verdicts needs institution partitions and params.stagedDir")
  const run = await db.$transaction(async (tx) => {
    const created = await tx.screeningRun.create({
      data: {
        status: "running",
        trigger: start.trigger,
        extract: start.extract,
        admdvs: start.admdvs,
        periodFrom: start.periodFrom,
        periodTo: start.periodTo,
        params: { ...start.params, partitions: plan } as never,
        ruleStats: [] as never,
        // No one process owns it: the queue does (the reaper leaves it alone).
        owner: partitionedRunOwner,
        heartbeatAt: new Date()
      }
    })
    await tx.runPartition.createMany({
      data: tasks(created.id).map((t) => ({
        runId: t.runId,
        job: t.job,
        index: t.index,
        count: t.count,
        status: "queued"
      }))
    })
    await recordAudit(tx, actor, {
      action: "screening.start_partitioned",
      entityType: "screening_run",
      entityId: created.id,
      details: { extract: start.extract, partitions: plan }
    })
    return created
  })
  const partitions = tasks(run.id)
  try {
    await queue.boss.insert(
      partitions.map((t) => ({ name: partitionQueueName, data: t, ...queue.jobOptions, retryDelay: 1 }))
    )
  } catch (error) {
    // No job reached the queue (one insert): the run would wait for ever, so it fails now, saying why.
    await db.screeningRun.update({
      where: { id: run.id },
      data: {
        status: "failed",
        finishedAt: new Date(),
        owner: null,
        error: `分区未能放入队列：${error instanceof Error ? error.message : String(error)}`
      }
    })
    throw error
  }
  return { runId: run.id, partitions }
}

/**
 * Whether every institution partition of a run is done: a staged verdict reads the facts all of them wrote.
 */
export const institutionPartitionsDone = async (db: Db, runId: string): Promise<boolean> =>
  (await db.runPartition.count({ where: { runId, job: "institution", status: { not: "done" } } })) === 0

/**
 * Fails a partitioned run that is still waiting on its queue, saying why, and drops what its partitions wrote:
 * nothing of it will be merged. False when the run had already finished (merged, or failed by another worker):
 * its outcome stays as it is.
 */
export const failPartitionedRun = async (db: Db, actor: Actor, runId: string, error: string): Promise<boolean> => {
  const failed = await db.$transaction(async (tx) => {
    const updated = await tx.screeningRun.updateMany({
      where: { id: runId, status: "running", owner: partitionedRunOwner },
      data: { status: "failed", finishedAt: new Date(), owner: null, error }
    })
    if (updated.count === 0) return false
    await recordAudit(tx, actor, {
      action: "screening.fail",
      entityType: "screening_run",
      entityId: runId,
      details: { error }
    })
    return true
  })
  if (failed) await db.partitionSuspicion.deleteMany({ where: { runId } })
  return failed
}

/** Whether a run is still running (not merged or failed). */
export const runIsRunning = async (db: Db, runId: string): Promise<boolean> =>
  (await db.screeningRun.findUnique({ where: { id: runId }, select: { status: true } }))?.status === "running"

/** Gives a partition this process took back to the queue's waiting state, for the run page (it is offered again). */
export const releasePartition = async (db: Db, task: PartitionTask): Promise<void> => {
  await db.runPartition.updateMany({
    where: { runId: task.runId, job: task.job, index: task.index, status: "running", worker: runOwner() },
    data: { status: "queued" }
  })
}

/**
 * Puts a partition back on the queue to be offered again in `seconds`: a staged verdict taken before every
 * institution partition is done. A new job, so that waiting spends none of the partition's retries.
 */
export const deferPartition = async (queue: PartitionQueue, task: PartitionTask, seconds: number): Promise<void> => {
  await queue.boss.send(partitionQueueName, task, { ...queue.jobOptions, retryDelay: 1, startAfter: seconds })
}

/**
 * Takes a partition for this process (one more attempt) and keeps its run alive. False when the partition is
 * already done — its worker died after recording it, before the queue heard — or its run is no longer running:
 * there is nothing to do.
 */
export const takePartition = async (db: Db, actor: Actor, task: PartitionTask): Promise<boolean> => {
  const now = new Date()
  const run = await db.screeningRun.findUnique({ where: { id: task.runId }, select: { status: true } })
  if (run?.status !== "running") return false
  const taken = await db.$transaction(async (tx) => {
    const updated = await tx.runPartition.updateMany({
      where: { runId: task.runId, job: task.job, index: task.index, status: { not: "done" } },
      data: { status: "running", attempts: { increment: 1 }, worker: runOwner(), startedAt: now, finishedAt: null }
    })
    if (updated.count === 0) return false
    await recordAudit(tx, actor, {
      action: "screening.partition_taken",
      entityType: "screening_run",
      entityId: task.runId,
      details: { job: task.job, index: task.index, count: task.count, worker: runOwner() }
    })
    return true
  })
  if (!taken) return false
  await beatRun(db, task.runId, now)
  return true
}

export { runHeartbeat }

/** What a partition found. */
export interface PartitionResult {
  readonly suspicions: ReadonlyArray<Suspicion>
  readonly rules: ReadonlyArray<RuleStat>
  readonly durationMs: number
}

/**
 * Records what a partition found, in one transaction: its suspicions (replacing any the same partition wrote
 * before, when it is taken again), the partition done with its figures. Nothing is written once the run is no
 * longer waiting on its queue (its merge claimed, merged, or stopped). Answers whether every partition of the
 * run is now done and this call is the one that claimed the merge (exactly one caller is: the run's row is
 * locked first, so two partitions finishing together see each other).
 */
export const recordPartitionResult = async (
  db: Db,
  actor: Actor,
  task: PartitionTask,
  result: PartitionResult
): Promise<{ readonly mergeNow: boolean }> =>
  db.$transaction(
    async (tx) => {
      // Only while the run waits on its queue: once its merge is claimed (all partitions done), a partition run
      // twice (its job expired while the first worker was still at it) must not rewrite what is being merged.
      const running = await tx.screeningRun.updateMany({
        where: { id: task.runId, status: "running", owner: partitionedRunOwner },
        data: { heartbeatAt: new Date() }
      })
      if (running.count === 0) return { mergeNow: false }
      const partition = `${task.job}:${task.index}`
      const rows = result.suspicions.map((s) => ({
        runId: task.runId,
        ruleCode: s.rule,
        dedupKey: suspicionKey(s),
        partition,
        suspicion: s as never
      }))
      // A partition taken again after its worker died replaces what it wrote the first time.
      await tx.partitionSuspicion.deleteMany({ where: { runId: task.runId, partition } })
      for (let i = 0; i < rows.length; i += 1000)
        await tx.partitionSuspicion.createMany({ data: rows.slice(i, i + 1000) })
      await tx.runPartition.update({
        where: { runId_job_index: { runId: task.runId, job: task.job, index: task.index } },
        data: {
          status: "done",
          finishedAt: new Date(),
          durationMs: Math.round(result.durationMs),
          suspicions: result.suspicions.length,
          ruleStats: result.rules as never
        }
      })
      await recordAudit(tx, actor, {
        action: "screening.partition_done",
        entityType: "screening_run",
        entityId: task.runId,
        details: {
          job: task.job,
          index: task.index,
          count: task.count,
          suspicions: result.suspicions.length,
          durationMs: Math.round(result.durationMs)
        }
      })
      return { mergeNow: await claimMerge(tx, actor, task.runId, new Date()) }
    },
    { timeout: 120_000 }
  )

/**
 * Claims a run's merge when every partition is done and nobody is merging it: the run's owner moves from the
 * queue to this process. A merge whose worker died (no heartbeat for `runHeartbeat.leaseMs`) may be claimed again.
 */
const claimMerge = async (tx: DbTransaction, actor: Actor, runId: string, now: Date) => {
  const open = await tx.runPartition.count({ where: { runId, status: { not: "done" } } })
  if (open > 0) return false
  const claimed = await tx.screeningRun.updateMany({
    where: {
      id: runId,
      status: "running",
      OR: [
        { owner: partitionedRunOwner },
        { owner: { startsWith: "merging:" }, heartbeatAt: { lt: new Date(now.getTime() - runHeartbeat.leaseMs) } }
      ]
    },
    data: { owner: `merging:${runOwner()}`, heartbeatAt: now }
  })
  if (claimed.count !== 1) return false
  await recordAudit(tx, actor, {
    action: "screening.merge_claimed",
    entityType: "screening_run",
    entityId: runId,
    details: { worker: runOwner() }
  })
  return true
}

/**
 * For a partition found done when taken again (its worker died after recording it): claims the run's merge if
 * it is due and nobody holds it — the worker that should have merged may be the one that died.
 */
export const claimMergeIfDue = (db: Db, actor: Actor, runId: string): Promise<boolean> =>
  db.$transaction((tx) => claimMerge(tx, actor, runId, new Date()))

/** Gives a failed merge back to the queue, so that the next worker to look claims it again. */
export const releaseMerge = async (db: Db, actor: Actor, runId: string, reason: string): Promise<void> => {
  await db.$transaction(async (tx) => {
    const released = await tx.screeningRun.updateMany({
      where: { id: runId, status: "running", owner: `merging:${runOwner()}` },
      data: { owner: partitionedRunOwner }
    })
    if (released.count === 1)
      await recordAudit(tx, actor, {
        action: "screening.merge_released",
        entityType: "screening_run",
        entityId: runId,
        details: { worker: runOwner(), reason }
      })
  })
}

/**
 * How long a merge may take. It files the run in one transaction, as a single run does (`finishRun`), so that a
 * merge that fails leaves the previous results intact and is simply done again; a province-year's millions of
 * leads take longer than a county's.
 */
const mergeTimeoutMs = 4 * 3_600_000

/**
 * A lead's columns from a partition's copy of its suspicion (`p.suspicion`, jsonb), as `finishRun` writes them
 * (`leadData` in `runs.ts`): the suspicion's fields under the lead's column names.
 */
const leadColumns: ReadonlyArray<readonly [column: string, value: string]> = [
  ["ruleVersion", "(p.suspicion->>'ruleVersion')::integer"],
  ["level", "p.suspicion->>'level'"],
  ["fixmedinsCode", "p.suspicion->>'fixmedins_code'"],
  ["psnNo", "p.suspicion->>'psn_no'"],
  ["mdtrtId", "p.suspicion->>'mdtrt_id'"],
  ["setlId", "p.suspicion->>'setl_id'"],
  ["feedetlSn", "p.suspicion->'feedetl_sn'"],
  ["medListCodg", "p.suspicion->>'med_list_codg'"],
  ["date", "p.suspicion->>'date'"],
  ["amount", "(p.suspicion->>'amount')::double precision"],
  ["violation", "p.suspicion->>'violation'"],
  ["evidence", "p.suspicion->'evidence'"],
  ["message", "p.suspicion->>'message'"]
]

/**
 * Merges a partitioned run whose partitions are all done: the partitions' suspicions are filed as the run's
 * result, as a single run files its own (leads found again take the new finding and the run, new ones come in as
 * 待初审; one transaction), with each rule's figures summed over the partitions (its duration as the work of all
 * partitions). The queue lives on PostgreSQL, and so do the partitions' copies: they are filed by one statement
 * there (`INSERT … SELECT … ON CONFLICT DO UPDATE`) rather than read into the merging process, whose memory and
 * time would otherwise grow with the province (the 100-million-line run filed 5,700 leads a second that way). The
 * merge commits only while it is still this worker's (`claimMerge`).
 */
export const mergePartitionedRun = async (db: Db, actor: Actor, runId: string) => {
  const partitions = await db.runPartition.findMany({ where: { runId } })
  const byRule = new Map<string, RuleStat>()
  for (const p of partitions)
    for (const stat of (p.ruleStats as ReadonlyArray<RuleStat> | null) ?? []) {
      const known = byRule.get(stat.code)
      // A rule runs in one kind of partition only, or — a staged rule — writes its facts in the institution
      // partitions and gives its leads in the verdicts: its figures are the sum, its time all the work.
      byRule.set(
        stat.code,
        known === undefined
          ? stat
          : { ...known, count: known.count + stat.count, durationMs: known.durationMs + stat.durationMs }
      )
    }
  const rules = [...byRule.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  const filed = await db.$transaction(
    async (tx) => {
      const at = storedInstant("postgresql", new Date())
      // One statement for leads found again and new ones alike (a lead another run commits meanwhile is found
      // again, not skipped): found again, a lead takes the finding as it is now and the run, its review staying as
      // it is; new, it comes in as 待初审. Unique per rule and key within a run (the table's key): a row is a finding.
      const [{ suspicions, created } = { suspicions: 0, created: 0 }] = await tx.$queryRawUnsafe<
        Array<{ suspicions: number; created: number }>
      >(
        `WITH filed AS (
           INSERT INTO "Suspicion" ("id", "firstRunId", "lastRunId", "ruleCode", "dedupKey",
                                    ${leadColumns.map(([column]) => `"${column}"`).join(", ")}, "status", "createdAt", "updatedAt")
           SELECT gen_random_uuid()::text, $1, $1, p."ruleCode", p."dedupKey",
                  ${leadColumns.map(([, value]) => value).join(", ")}, 'pending_first_review', $2::timestamp(3), $2::timestamp(3)
           FROM "PartitionSuspicion" AS p
           WHERE p."runId" = $1
           ON CONFLICT ("ruleCode", "dedupKey") DO UPDATE
           SET ${leadColumns.map(([column]) => `"${column}" = EXCLUDED."${column}"`).join(", ")},
               "lastRunId" = EXCLUDED."lastRunId", "updatedAt" = EXCLUDED."updatedAt"
           RETURNING (xmax = 0) AS inserted
         )
         SELECT count(*)::integer AS suspicions, (count(*) FILTER (WHERE inserted))::integer AS created FROM filed`,
        runId,
        at
      )
      // The rows above carry the instant the merge began, and it may run for minutes: one lead is stamped again just
      // before the commit, so that the table's change stamp moves past whatever changed meanwhile
      // (kernel/changeStamp.ts: a transaction's last stamped write comes just before it commits).
      await tx.$executeRawUnsafe(
        `UPDATE "Suspicion" AS s SET "updatedAt" = $2::timestamp(3)
         FROM (SELECT "ruleCode", "dedupKey" FROM "PartitionSuspicion" WHERE "runId" = $1 LIMIT 1) AS p
         WHERE s."ruleCode" = p."ruleCode" AND s."dedupKey" = p."dedupKey"`,
        runId,
        storedInstant("postgresql", new Date())
      )
      // Still this worker's merge: one that took over from it (no heartbeat for the lease) rolls this one back.
      const ours = await tx.screeningRun.updateMany({
        where: { id: runId, status: "running", owner: `merging:${runOwner()}` },
        data: { heartbeatAt: new Date() }
      })
      if (ours.count === 0) throw new Error(`run ${runId}: the merge is no longer this worker's (${runOwner()})`)
      return closeRun(tx, actor, runId, { suspicions, created, rules })
    },
    { timeout: mergeTimeoutMs }
  )
  // Filed: the partitions' copies are no longer needed.
  await db.partitionSuspicion.deleteMany({ where: { runId } })
  await db.screeningRun.update({ where: { id: runId }, data: { owner: null } })
  return filed
}

/** The partitions of a run with their figures, for the run page. */
export const runPartitions = (db: Db, runId: string) =>
  db.runPartition.findMany({ where: { runId }, orderBy: [{ job: "asc" }, { index: "asc" }] })
