/**
 * Where the operational database is: `DATABASE_URL` (`file:/path/to.db` for SQLite, `postgresql://…`
 * for PostgreSQL), else the embedded SQLite file `data/fundguard.db` at the repository root.
 * The only module of this package that reads the environment.
 */
import { existsSync } from "node:fs"
import { dirname, isAbsolute, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"

/** Which database engine a URL selects. */
export type Provider = "sqlite" | "postgresql"

const findRepoRoot = (from: string): string => {
  let dir = from
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir
    dir = dirname(dir)
  }
  return process.cwd()
}

/** The repository (or installation) root: where `pnpm-workspace.yaml` is. */
export const repoRoot = (): string => findRepoRoot(dirname(fileURLToPath(import.meta.url)))

/** The embedded default: `<root>/data/fundguard.db`. */
export const defaultDatabaseUrl = (): string => `file:${join(repoRoot(), "data", "fundguard.db")}`

/** The configured database URL, with relative SQLite paths made absolute against the current directory. */
export const databaseUrl = (env: NodeJS.ProcessEnv = process.env): string => {
  const url = env["DATABASE_URL"]?.trim()
  if (url === undefined || url === "") return defaultDatabaseUrl()
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length)
    return isAbsolute(path) ? url : `file:${resolve(path)}`
  }
  return url
}

/** The provider a URL selects; anything but `file:` and `postgres(ql)://` is a configuration error. */
export const providerOf = (url: string): Provider => {
  if (url.startsWith("file:")) return "sqlite"
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql"
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:…"`
  )
}

/** The file path of a SQLite URL. */
export const sqlitePath = (url: string): string => url.slice("file:".length)

/** The environment for a child process (Prisma's CLI) that works on the database at `url`. */
export const childEnvironment = (url: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: url,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1"
})

/**
 * The PostgreSQL server integration tests create their scratch databases on (`FUNDGUARD_TEST_PG_URL`),
 * which `pnpm test` provisions. Undefined when not set.
 */
export const testPostgresUrl = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  env["FUNDGUARD_TEST_PG_URL"]?.trim() || undefined
