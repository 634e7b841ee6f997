/**
 * The worker's settings, read once from the environment (the only module here that reads it).
 */
import { databaseUrl, repoRoot } from "@fundguard/db/config"
import { Cron } from "croner"
import { defaultMemoryLimit, isMemoryLimit } from "@fundguard/screening"
import { isAbsolute, join, resolve } from "node:path"

/** Everything the worker needs. */
export interface WorkerConfig {
  readonly databaseUrl: string
  /** When to screen: a cron expression, in `timezone`. Default 02:00 every night. */
  readonly cron: string
  readonly timezone: string
  /** Extract directories dropped here are screened. */
  readonly inbox: string
  /** Each extract's `suspicions.jsonl` is written to `<outbox>/<extract name>/`. */
  readonly outbox: string
  /** When to generate the day's duty tasks: a cron expression, in `timezone`. Default 00:10 every day. */
  readonly dutiesCron: string
  /** How many days back each pass also generates, to catch up after the worker was down. Default 31. */
  readonly dutiesCatchUpDays: number
  /** When to look for interrupted runs and queued reruns: a cron expression. Default every minute. */
  readonly queueCron: string
  /**
   * DuckDB's memory limit while screening (`FUNDGUARD_DUCKDB_MEMORY_LIMIT`, e.g. `3GB`): beyond it DuckDB spills
   * to a temporary directory instead of growing. Default: the screening package's `defaultMemoryLimit`.
   */
  readonly duckdbMemoryLimit: string
  /**
   * DuckDB's memory limit for a province run's global partition (`FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT`): its
   * rules read the whole province on one worker, and spill heavily within a limit sized for a partition (at
   * 100 million fee lines the three global rules took 244 s within 3 GB, 182 s within 12 GB: docs/screening-scale.md).
   * Default: `duckdbMemoryLimit`.
   */
  readonly duckdbGlobalMemoryLimit: string
  /** How often the queue looks for lost partitions (`FUNDGUARD_PARTITION_CHECK_SECONDS`, default 60). */
  readonly partitionCheckSeconds: number
}

const seconds = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const value = env[name] ?? String(fallback)
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1)
    throw new Error(`${name} must be a whole number of seconds (1–999999), got "${value}"`)
  return Number(value)
}

const dir = (value: string | undefined, fallback: string) =>
  value === undefined || value.trim() === "" ? fallback : isAbsolute(value) ? value : resolve(value)

/** Reads and checks the configuration; an invalid cron expression names the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): WorkerConfig => {
  const data = join(repoRoot(), "data")
  const cron = env["FUNDGUARD_SCREENING_CRON"] ?? "0 2 * * *"
  try {
    new Cron(cron, { paused: true }).stop()
  } catch (error) {
    throw new Error(`FUNDGUARD_SCREENING_CRON is not a valid cron expression ("${cron}"): ${(error as Error).message}`)
  }
  const dutiesCron = env["FUNDGUARD_DUTIES_CRON"] ?? "10 0 * * *"
  try {
    new Cron(dutiesCron, { paused: true }).stop()
  } catch (error) {
    throw new Error(
      `FUNDGUARD_DUTIES_CRON is not a valid cron expression ("${dutiesCron}"): ${(error as Error).message}`
    )
  }
  const queueCron = env["FUNDGUARD_QUEUE_CRON"] ?? "* * * * *"
  try {
    new Cron(queueCron, { paused: true }).stop()
  } catch (error) {
    throw new Error(`FUNDGUARD_QUEUE_CRON is not a valid cron expression ("${queueCron}"): ${(error as Error).message}`)
  }
  const catchUp = env["FUNDGUARD_DUTIES_CATCHUP_DAYS"] ?? "31"
  if (!/^\d{1,3}$/.test(catchUp))
    throw new Error(`FUNDGUARD_DUTIES_CATCHUP_DAYS must be a whole number of days (0–999), got "${catchUp}"`)
  const memoryLimit = env["FUNDGUARD_DUCKDB_MEMORY_LIMIT"] ?? defaultMemoryLimit
  if (!isMemoryLimit(memoryLimit))
    throw new Error(`FUNDGUARD_DUCKDB_MEMORY_LIMIT must be a memory size such as 3GB or 512MB, got "${memoryLimit}"`)
  const globalMemoryLimit = env["FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT"] ?? memoryLimit
  if (!isMemoryLimit(globalMemoryLimit))
    throw new Error(
      `FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT must be a memory size such as 12GB or 512MB, got "${globalMemoryLimit}"`
    )
  return {
    duckdbGlobalMemoryLimit: globalMemoryLimit.trim(),
    partitionCheckSeconds: seconds(env, "FUNDGUARD_PARTITION_CHECK_SECONDS", 60),
    duckdbMemoryLimit: memoryLimit.trim(),
    queueCron,
    dutiesCron,
    dutiesCatchUpDays: Number(catchUp),
    databaseUrl: databaseUrl(env),
    cron,
    timezone: env["TZ_SCREENING"] ?? "Asia/Shanghai",
    inbox: dir(env["FUNDGUARD_INBOX"], join(data, "inbox")),
    outbox: dir(env["FUNDGUARD_OUTBOX"], join(data, "screening"))
  }
}
