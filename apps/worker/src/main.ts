/**
 * The screening worker: screens the inbox on a cron schedule (croner), or once with `--once`.
 * SIGINT/SIGTERM stop the schedule, let a running pass finish, and close the database.
 */
import { openDatabase, redactUrl } from "@fundguard/db"
import { Cron } from "croner"
import { loadConfig } from "./config.js"
import { screenInbox } from "./nightly.js"

const log = (line: string): void => void process.stderr.write(`[worker] ${new Date().toISOString()} ${line}\n`)
const config = loadConfig()
const database = openDatabase(config.databaseUrl)

if (process.argv.includes("--once")) {
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
  const stop = async (signal: string) => {
    log(`${signal}: stopping`)
    job.stop()
    await running
    await database.close()
    process.exit(0)
  }
  process.on("SIGINT", () => void stop("SIGINT"))
  process.on("SIGTERM", () => void stop("SIGTERM"))
}
