/**
 * The partition worker: takes partitions of partitioned screening runs from the queue (pg-boss on the production
 * PostgreSQL, `@fundguard/db` `partitions.ts`), screens each with the rules of its kind over its share of the
 * extract, records what it found, and — when it finished a run's last partition — merges the run. Any number of
 * these run on any number of machines that see the extract's directory.
 */
import {
  claimMergeIfDue,
  beatRun,
  mergePartitionedRun,
  partitionQueueName,
  recordPartitionResult,
  releaseMerge,
  runHeartbeat,
  systemActor,
  takePartition,
  type Db,
  type PartitionJob,
  type PartitionQueue,
  type PartitionTask
} from "@fundguard/db"
import {
  readPartitionsManifest,
  ruleLibrary,
  runPreparedPartition,
  runScreening,
  type Rule
} from "@fundguard/screening"
import * as Effect from "effect/Effect"

/**
 * The rules a partition of each kind runs (`docs/screening-scale.md`): a rule that compares only one person's
 * records splits by person; one that compares only one institution's, by institution; the rest compare across
 * both and run once, unpartitioned.
 */
export const rulesOfJob = (job: PartitionJob, library: ReadonlyArray<Rule> = ruleLibrary): ReadonlyArray<string> =>
  library
    .filter((rule) =>
      job === "person"
        ? rule.partitionInputs.includes("person")
        : job === "institution"
          ? !rule.partitionInputs.includes("person") && rule.partitionInputs.includes("institution")
          : rule.partitionInputs.length === 0
    )
    .map((rule) => rule.code)

/** Where a run's extract is, its copy split by partition when one was prepared, and what it screens with. */
interface RunSetting {
  readonly extract: string
  readonly prepared: string | null
  readonly ruleParams: unknown
}

const settingOf = async (db: Db, runId: string): Promise<RunSetting | null> => {
  const run = await db.screeningRun.findUnique({ where: { id: runId }, select: { extract: true, params: true } })
  if (run === null) return null
  const params = run.params as { ruleParams?: unknown; prepared?: unknown } | null
  return {
    extract: run.extract,
    prepared: typeof params?.prepared === "string" ? params.prepared : null,
    ruleParams: params?.ruleParams
  }
}

/** The queue's workers act as the system; the audit log names each worker (`runOwner`) in the entry. */
const worker = systemActor("worker")

/** Merges a run whose merge this process claimed; a failed merge goes back to the queue for the next worker. */
const merge = async (db: Db, runId: string, log: (line: string) => void): Promise<void> => {
  // Its own heartbeat: a merge taken over from a dead worker has no partition's, and one without a heartbeat
  // counts as abandoned after the lease (the next worker would claim it again).
  const heartbeat = setInterval(() => void beatRun(db, runId).catch(() => undefined), runHeartbeat.intervalMs)
  try {
    const filed = await mergePartitionedRun(db, worker, runId)
    log(`run ${runId} merged: ${filed.created} new suspicions`)
  } catch (error) {
    log(`run ${runId}: merging failed, left for the next worker: ${String(error)}`)
    await releaseMerge(db, worker, runId, String(error).slice(0, 500))
    throw error
  } finally {
    clearInterval(heartbeat)
  }
}

/** Screens one partition and records it; merges the run when it was the last. */
export const workPartition = async (
  db: Db,
  task: PartitionTask,
  options: {
    readonly memoryLimit?: string
    /** The global partition's limit (it reads the whole province); `memoryLimit` when absent. */
    readonly globalMemoryLimit?: string
    readonly log?: (line: string) => void
  } = {}
): Promise<void> => {
  const log = options.log ?? (() => undefined)
  const setting = await settingOf(db, task.runId)
  if (setting === null) return
  if (!(await takePartition(db, worker, task))) {
    // Done already: its worker died after recording it — perhaps the one that was to merge the run.
    if (await claimMergeIfDue(db, worker, task.runId)) await merge(db, task.runId, log)
    return
  }
  const heartbeat = setInterval(() => void beatRun(db, task.runId).catch(() => undefined), runHeartbeat.intervalMs)
  try {
    const started = performance.now()
    const memoryLimit = task.job === "global" ? (options.globalMemoryLimit ?? options.memoryLimit) : options.memoryLimit
    const common = {
      params: setting.ruleParams,
      rules: rulesOfJob(task.job),
      ...(memoryLimit === undefined ? {} : { importOptions: { duckdb: { memory_limit: memoryLimit } } })
    }
    // A partition reads only its own files when the extract was prepared (`prepareProvincePartitions`); the
    // global rules, and a run without a prepared copy, read the whole extract (the runner's views select the
    // partition's share).
    const split = task.job === "global" ? null : task.job
    const prepared = setting.prepared
    const result = await Effect.runPromise(
      split !== null && prepared !== null
        ? Effect.flatMap(readPartitionsManifest(prepared), (manifest) =>
            // A copy split another number of ways would leave records in no partition of this run.
            manifest.count === task.count
              ? runPreparedPartition({ ...common, dir: prepared, by: split, index: task.index })
              : Effect.fail(
                  new Error(
                    `分区副本 ${prepared} 分为 ${manifest.count} 份，本批次按 ${task.count} 份分区：请按副本的份数重新发起`
                  )
                )
          )
        : runScreening({
            ...common,
            extract: setting.extract,
            partition: task.job === "global" ? undefined : { by: task.job, index: task.index, count: task.count }
          })
    )
    const durationMs = performance.now() - started
    const { mergeNow } = await recordPartitionResult(db, worker, task, {
      suspicions: result.suspicions,
      rules: result.rules.map((r) => ({
        code: r.code,
        version: r.version,
        status: r.status,
        ...(r.reason === undefined ? {} : { reason: r.reason }),
        count: r.count,
        durationMs: r.durationMs
      })),
      durationMs
    })
    log(
      `run ${task.runId} ${task.job} ${task.index + 1}/${task.count}: ${result.suspicions.length} suspicions in ${Math.round(durationMs)} ms`
    )
    if (mergeNow) await merge(db, task.runId, log)
  } finally {
    clearInterval(heartbeat)
  }
}

/**
 * Takes partitions from the queue one at a time until stopped. A partition that throws fails its job, and the
 * queue offers it again (up to its retry limit); one whose process dies expires and is offered again.
 */
export const startPartitionWorker = async (
  db: Db,
  queue: PartitionQueue,
  options: {
    readonly memoryLimit?: string
    readonly globalMemoryLimit?: string
    readonly log?: (line: string) => void
    readonly pollingIntervalSeconds?: number
  } = {}
): Promise<string> =>
  queue.boss.work<PartitionTask>(
    partitionQueueName,
    { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    async ([job]) => {
      if (job !== undefined) await workPartition(db, job.data, options)
    }
  )
