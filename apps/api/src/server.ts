/**
 * Starts the API: opens the configured database, serves the admin UI, listens, and shuts down
 * cleanly on SIGINT/SIGTERM.
 */
import { evidenceDirFor, openDatabase, redactUrl } from "@fundguard/db"
import { buildApp } from "./app.js"
import { loadConfig } from "./config.js"

const config = loadConfig()
const database = openDatabase(config.databaseUrl)
const app = await buildApp({
  db: database.db,
  evidenceDir: evidenceDirFor(database.url),
  sessionTtlMinutes: config.sessionTtlMinutes,
  adminDist: config.adminDist,
  precheckReference: config.precheckReference,
  logger: { level: config.logLevel }
})

let closing = false
const shutdown = async (signal: string) => {
  if (closing) return
  closing = true
  app.log.info({ signal }, "shutting down")
  await app.close()
  await database.close()
  process.exit(0)
}
process.on("SIGINT", () => void shutdown("SIGINT"))
process.on("SIGTERM", () => void shutdown("SIGTERM"))

await app.listen({ host: config.host, port: config.port })
app.log.info({ database: redactUrl(database.url), ui: config.adminDist !== null }, "FundGuard API ready")
