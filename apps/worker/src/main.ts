/**
 * The screening worker: screens the inbox on a cron schedule (croner), or once with `--once`; and
 * generates the day's duty tasks on a second schedule (and at start), or once with `--duties-once`.
 * With `--partitions` it takes partitions of partitioned (province) runs from the queue instead
 * (PostgreSQL only, `partitions.ts`). SIGINT/SIGTERM stop the schedule, let a running pass finish, and close the
 * database.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { openDatabase, openPartitionQueue, redactUrl } from "@fundguard/db"
import { bureauDate } from "@fundguard/domain/kernel"
import { Cron } from "croner"
import { loadConfig } from "./config.js"
import { escalateRectifications, remindCaseDeadlines } from "./cases.js"
import { applyPointsConsequences } from "./credit.js"
import { generateDailyTasks } from "./duties.js"
import { runQueued, screenInbox } from "./nightly.js"
import { startPartitionWorker } from "./partitions.js"
import { remindTransferDeadlines } from "./transfers.js"

const log = (line: string): void => void process.stderr.write(`[worker] ${new Date().toISOString()} ${line}\n`)
const config = loadConfig()
const database = openDatabase(config.databaseUrl)

// The daily pass: the duty tasks that have begun, then the cases' deadlines (reminders), the
// rectifications to escalate, and the 医保支付资格 consequences that begin or end today.
const dutyPass = async () => {
  const today = bureauDate(new Date())
  await generateDailyTasks(database.db, chineseWorkingCalendar(), today, config.dutiesCatchUpDays, log)
  await remindCaseDeadlines(database.db, chineseWorkingCalendar(), today, log)
  await escalateRectifications(database.db, today, log)
  await applyPointsConsequences(database.db, today, log)
  await remindTransferDeadlines(database.db, chineseWorkingCalendar(), new Date(), today, log)
}

if (process.argv.includes("--partitions")) {
  if (database.provider !== "postgresql") {
    log("分区筛查的队列在 PostgreSQL 上：请把 DATABASE_URL 设为生产数据库（postgresql://…）")
    await database.close()
    process.exit(2)
  }
  const queue = await openPartitionQueue(database.url, { maintenanceIntervalSeconds: config.partitionCheckSeconds })
  await startPartitionWorker(database.db, queue, {
    memoryLimit: config.duckdbMemoryLimit,
    globalMemoryLimit: config.duckdbGlobalMemoryLimit,
    log
  })
  log(`taking partitions from the queue; database ${redactUrl(database.url)}`)
  const stop = async (signal: string) => {
    log(`${signal}: stopping after the partition under way`)
    await queue.boss.stop({ graceful: true, wait: true, close: true })
    await database.close()
    process.exit(0)
  }
  process.on("SIGINT", () => void stop("SIGINT"))
  process.on("SIGTERM", () => void stop("SIGTERM"))
} else if (process.argv.includes("--duties-once")) {
  try {
    await dutyPass()
  } finally {
    await database.close()
  }
} else if (process.argv.includes("--once")) {
  const report = await screenInbox(database.db, config, log)
  await database.close()
  process.exitCode = report.failed.length === 0 ? 0 : 1
} else {
  let running: Promise<void> = Promise.resolve()
  const job = new Cron(config.cron, { timezone: config.timezone, protect: true, name: "nightly-screening" }, () => {
    running = screenInbox(database.db, config, log).then(
      () => undefined,
      (error: unknown) => log(`pass failed: ${String(error)}`)
    )
    return running
  })
  log(
    `scheduled "${config.cron}" (${config.timezone}); next run ${job.nextRun()?.toISOString() ?? "never"}; inbox ${config.inbox}; database ${redactUrl(database.url)}`
  )
  let dutiesRunning: Promise<void> = Promise.resolve()
  const runDuties = () => {
    dutiesRunning = dutyPass().then(
      () => undefined,
      (error: unknown) => log(`duty pass failed: ${String(error)}`)
    )
    return dutiesRunning
  }
  const dutiesJob = new Cron(
    config.dutiesCron,
    { timezone: config.timezone, protect: true, name: "daily-duties" },
    runDuties
  )
  let queueRunning: Promise<void> = Promise.resolve()
  const queueJob = new Cron(config.queueCron, { timezone: config.timezone, protect: true, name: "reruns" }, () => {
    queueRunning = runQueued(database.db, log, config.duckdbMemoryLimit).then(
      () => undefined,
      (error: unknown) => log(`rerun pass failed: ${String(error)}`)
    )
    return queueRunning
  })
  log(`duties scheduled "${config.dutiesCron}" (${config.timezone}); generating today's tasks now`)
  void runDuties()
  const stop = async (signal: string) => {
    log(`${signal}: stopping`)
    job.stop()
    dutiesJob.stop()
    queueJob.stop()
    await running
    await dutiesRunning
    await queueRunning
    await database.close()
    process.exit(0)
  }
  process.on("SIGINT", () => void stop("SIGINT"))
  process.on("SIGTERM", () => void stop("SIGTERM"))
}
