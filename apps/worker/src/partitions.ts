/**
 * The partition worker: takes partitions of partitioned screening runs from the queue (pg-boss on the production
 * PostgreSQL, `@fundguard/db` `partitions.ts`), screens each with the rules of its kind over its share of the
 * extract, records what it found, and — when it finished a run's last partition — merges the run. Any number of
 * these run on any number of machines that see the extract's directory.
 */
import {
  claimMergeIfDue,
  beatRun,
  deferPartition,
  failPartitionedRun,
  institutionPartitionsDone,
  releasePartition,
  runIsRunning,
  mergePartitionedRun,
  partitionQueueName,
  recordPartitionResult,
  releaseMerge,
  runHeartbeat,
  systemActor,
  takePartition,
  type Db,
  type PartitionQueue,
  type PartitionResult,
  type PartitionTask
} from "@fundguard/db"
import {
  ClaimsExtracts,
  type ExtractHandle,
  importPreparedPartition,
  type Partition,
  readPartitionsManifest,
  ruleLibrary,
  runScreening,
  rulesOfJob,
  runStageVerdict,
  StageFactsMissing,
  StagedRunError,
  stageFactsReady,
  writeStageFacts
} from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { rmSync } from "node:fs"
import { join } from "node:path"

/** The rules a partition of each kind runs: `@fundguard/screening`'s, here for the worker's tests and callers. */
export { rulesOfJob }

/** Where a run's extract is, its copy split by partition when one was prepared, and what it screens with. */
interface RunSetting {
  readonly extract: string
  readonly prepared: string | null
  readonly ruleParams: unknown
  /** This run's directory of staged facts (`<params.stagedDir>/<run>`), when it has staged verdicts. */
  readonly stagedFacts: { readonly dir: string; readonly keyPartitions: number; readonly institutions: number } | null
}

const settingOf = async (db: Db, runId: string): Promise<RunSetting | null> => {
  const run = await db.screeningRun.findUnique({ where: { id: runId }, select: { extract: true, params: true } })
  if (run === null) return null
  const params = run.params as {
    ruleParams?: unknown
    prepared?: unknown
    stagedDir?: unknown
    partitions?: { staged?: unknown; institution?: unknown }
  } | null
  const keyPartitions = params?.partitions?.staged
  const institutions = params?.partitions?.institution
  return {
    extract: run.extract,
    prepared: typeof params?.prepared === "string" ? params.prepared : null,
    ruleParams: params?.ruleParams,
    stagedFacts:
      typeof params?.stagedDir === "string" &&
      typeof keyPartitions === "number" &&
      keyPartitions > 0 &&
      typeof institutions === "number"
        ? { dir: join(params.stagedDir, runId), keyPartitions, institutions }
        : null
  }
}

/** The queue's workers act as the system; the audit log names each worker (`runOwner`) in the entry. */
const worker = systemActor("worker")

/** Merges a run whose merge this process claimed; a failed merge goes back to the queue for the next worker. */
const merge = async (
  db: Db,
  runId: string,
  stagedFactsDir: string | null,
  log: (line: string) => void
): Promise<void> => {
  // Its own heartbeat: a merge taken over from a dead worker has no partition's, and one without a heartbeat
  // counts as abandoned after the lease (the next worker would claim it again).
  const heartbeat = setInterval(() => void beatRun(db, runId).catch(() => undefined), runHeartbeat.intervalMs)
  try {
    // Every verdict is done once the merge is claimed: the staged facts are no longer needed. Removed first, so that
    // a run seen merged has none left.
    removeFacts(stagedFactsDir, log)
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

/** Removes a finished run's staged facts; a failure to is logged, not the run's failure. */
const removeFacts = (dir: string | null, log: (line: string) => void): void => {
  if (dir === null) return
  try {
    rmSync(dir, { recursive: true, force: true })
  } catch (error) {
    log(`could not remove the staged facts ${dir}: ${String(error)}`)
  }
}

/** What a partition found, as the runner or the staged verdict reports it. */
type Found = Omit<PartitionResult, "durationMs">

/** How long a staged verdict taken before every institution partition is done waits before it is offered again. */
const stagedWaitSeconds = 15

/**
 * How long a staged verdict may wait for the institution partitions (or for their facts to show on this machine's
 * shared storage) before its run fails: an institution partition that has used up its retries never finishes.
 */
const stagedWaitLimitMs = 24 * 3_600_000

/**
 * Screens one partition's rules on `handle` (the partition's own files when `ownFiles`, else the whole extract,
 * whose share the runner's views select); an institution partition of a run with staged verdicts also writes the
 * staged rules' facts from the same import, and reports the time as the staged rules' work.
 */
const screenPartition = (
  handle: ExtractHandle,
  partition: Partition | undefined,
  ownFiles: boolean,
  rules: ReadonlyArray<string>,
  params: unknown,
  staged: RunSetting["stagedFacts"]
) =>
  Effect.gen(function* () {
    const result = yield* runScreening({ extract: handle, partition, rules, params })
    if (partition === undefined || partition.by !== "institution" || staged === null) return result
    const facts = yield* writeStageFacts({
      extract: handle,
      extractIsPartition: ownFiles,
      partition,
      params,
      dir: staged.dir,
      keyPartitions: staged.keyPartitions
    })
    const factRules = facts.map((f) => ({
      code: f.rule,
      version: f.version,
      status: f.status,
      ...(f.reason === undefined ? {} : { reason: f.reason }),
      count: 0,
      durationMs: f.durationMs
    }))
    return { ...result, rules: [...result.rules, ...factRules] }
  })

/**
 * Screens one partition and records it; merges the run when it was the last. A staged verdict taken before every
 * institution partition has written its facts goes back on the queue (`defer`) untouched.
 */
export const workPartition = async (
  db: Db,
  task: PartitionTask,
  options: {
    readonly memoryLimit?: string
    /** The global partition's limit (it reads the whole province); `memoryLimit` when absent. */
    readonly globalMemoryLimit?: string
    readonly log?: (line: string) => void
    /** Offers the partition again in `seconds` (the queue's `deferPartition`). */
    readonly defer?: (task: PartitionTask, seconds: number) => Promise<void>
  } = {}
): Promise<void> => {
  const log = options.log ?? (() => undefined)
  const setting = await settingOf(db, task.runId)
  if (setting === null) return
  const stagedDir = setting.stagedFacts?.dir ?? null
  // A run that fails here is over: its staged facts go with what its partitions wrote.
  const failRun = async (error: string): Promise<void> => {
    if (await failPartitionedRun(db, worker, task.runId, error)) {
      log(`run ${task.runId} failed: ${error}`)
      removeFacts(stagedDir, log)
    }
  }
  // A verdict waits, off the queue's retries, until the facts it reads are all written; for a day at most.
  const wait = async (why: string): Promise<void> => {
    const since = task.waitingSince ?? new Date().toISOString()
    if (Date.now() - Date.parse(since) > stagedWaitLimitMs) {
      await failRun(`分阶段规则判定 ${task.index + 1}/${task.count} 等待超过 24 小时：${why}`)
      return
    }
    if (options.defer === undefined) throw new Error(`run ${task.runId}: ${why}`)
    await options.defer({ ...task, waitingSince: since }, stagedWaitSeconds)
  }
  if (task.job === "staged") {
    // Taken only once its facts can be read here, so that waiting spends neither retries nor attempts.
    const facts = setting.stagedFacts
    const why = !(await institutionPartitionsDone(db, task.runId))
      ? "机构分区尚未全部完成"
      : facts !== null &&
          !stageFactsReady({
            dir: facts.dir,
            institutionPartitions: facts.institutions,
            rules: rulesOfJob("staged", ruleLibrary, true)
          })
        ? `分阶段规则的事实在本机的共享目录 ${facts.dir} 中尚不可见`
        : null
    if (why !== null) {
      // Only a running run's verdicts wait: one that failed meanwhile drops them.
      if (await runIsRunning(db, task.runId)) await wait(why)
      return
    }
  }
  if (!(await takePartition(db, worker, task))) {
    // Done already: its worker died after recording it — perhaps the one that was to merge the run.
    if (await claimMergeIfDue(db, worker, task.runId)) await merge(db, task.runId, stagedDir, log)
    return
  }
  const heartbeat = setInterval(() => void beatRun(db, task.runId).catch(() => undefined), runHeartbeat.intervalMs)
  try {
    const started = performance.now()
    const memoryLimit = task.job === "global" ? (options.globalMemoryLimit ?? options.memoryLimit) : options.memoryLimit
    const duckdb = memoryLimit === undefined ? undefined : { memory_limit: memoryLimit }
    const importOptions = duckdb === undefined ? {} : { duckdb }
    const rules = rulesOfJob(task.job, ruleLibrary, setting.stagedFacts !== null)
    const params = setting.ruleParams
    const prepared = setting.prepared
    const outcome = await Effect.runPromise(
      Effect.either(
        Effect.scoped(
          Effect.gen(function* () {
            // A global partition left without rules (every global rule staged) reads nothing.
            if (rules.length === 0 && task.job === "global") return { suspicions: [], rules: [] } satisfies Found
            if (task.job === "staged") {
              const staged = setting.stagedFacts!
              return yield* runStageVerdict({
                dir: staged.dir,
                institutionPartitions: staged.institutions,
                keyPart: task.index,
                keyPartitions: task.count,
                rules,
                params,
                ...(duckdb === undefined ? {} : { duckdb })
              })
            }
            // A partition reads only its own files when the extract was prepared (`prepareProvincePartitions`); the
            // global rules, and a run without a prepared copy, read the whole extract (the runner's views select the
            // partition's share).
            if (task.job !== "global" && prepared !== null) {
              const manifest = yield* readPartitionsManifest(prepared)
              // A copy split another number of ways would leave records in no partition of this run.
              if (manifest.count !== task.count)
                return yield* Effect.fail(
                  new Error(
                    `分区副本 ${prepared} 分为 ${manifest.count} 份，本批次按 ${task.count} 份分区：请按副本的份数重新发起`
                  )
                )
              const { handle, partition } = yield* importPreparedPartition(
                prepared,
                task.job,
                task.index,
                importOptions
              )
              return yield* screenPartition(handle, partition, true, rules, params, setting.stagedFacts)
            }
            const extracts = yield* ClaimsExtracts
            const handle = yield* extracts.open(setting.extract, importOptions)
            const partition = task.job === "global" ? undefined : { by: task.job, index: task.index, count: task.count }
            return yield* screenPartition(handle, partition, false, rules, params, setting.stagedFacts)
          })
        )
      )
    )
    if (outcome._tag === "Left") {
      const error = outcome.left
      // Facts not visible yet on this machine's shared storage: the verdict waits as it waits for the partitions.
      if (error instanceof StageFactsMissing) {
        await releasePartition(db, task)
        await wait(error.message)
        return
      }
      // Facts that do not fit the run (another version of a rule, another split, rows missing) fail the same way
      // every time: the run fails, saying why, instead of the queue retrying it.
      if (error instanceof StagedRunError && task.job === "staged") {
        await failRun(error.message)
        return
      }
      throw error
    }
    const result: Found = outcome.right
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
    if (mergeNow) await merge(db, task.runId, stagedDir, log)
    // Facts written by a partition run twice after its run finished (merged or failed) would stay for ever.
    else if (task.job === "institution" && stagedDir !== null && !(await runIsRunning(db, task.runId)))
      removeFacts(stagedDir, log)
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
      if (job !== undefined)
        await workPartition(db, job.data, {
          ...options,
          defer: (task, seconds) => deferPartition(queue, task, seconds)
        })
    }
  )
