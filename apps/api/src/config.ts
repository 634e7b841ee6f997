/**
 * The API's settings, read once from the environment. The only module of the API that reads it.
 */
import { databaseUrl } from "@fundguard/db/config"
import { existsSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/** Everything the server needs to start. */
export interface ApiConfig {
  readonly host: string
  readonly port: number
  readonly databaseUrl: string
  readonly sessionTtlMinutes: number
  /** The built admin UI to serve at `/`, or null when it has not been built. */
  readonly adminDist: string | null
  readonly logLevel: string
  /** The pre-settlement check's reference data directory (FUNDGUARD_PRECHECK_REFERENCE), or null. */
  readonly precheckReference: string | null
}

const here = dirname(fileURLToPath(import.meta.url))

const intFrom = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value.trim() === "") return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`)
  return n
}

/** Reads the configuration; throws with the variable's name when a value is invalid. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): ApiConfig => {
  const dist = env["FUNDGUARD_ADMIN_DIST"] ?? join(here, "..", "..", "admin", "dist")
  return {
    host: env["HOST"] ?? "127.0.0.1",
    port: intFrom("PORT", env["PORT"], 3000),
    databaseUrl: databaseUrl(env),
    sessionTtlMinutes: intFrom("SESSION_TTL_MINUTES", env["SESSION_TTL_MINUTES"], 480),
    adminDist: existsSync(join(dist, "index.html")) ? dist : null,
    logLevel: env["LOG_LEVEL"] ?? "info",
    precheckReference: env["FUNDGUARD_PRECHECK_REFERENCE"]?.trim() || null
  }
}
