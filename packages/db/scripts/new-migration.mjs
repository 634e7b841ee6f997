#!/usr/bin/env node
// `pnpm db:migration <name>`: writes a new migration for BOTH providers from the change between
// prisma/snapshot/ (the models as of the last migration) and prisma/shared/ (the models now: one
// file per area), then updates the snapshot. Uses `prisma migrate diff` between two datamodels, which works with the
// JS schema engine (`migrate dev` does not, see docs/decisions/0002-prisma-6-wasm-engine.md).
// PostgreSQL's diff needs a live server: FUNDGUARD_PG_URL, or a throwaway one started here.
import { spawnSync } from "node:child_process"
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { startThrowawayPostgres } from "../../../scripts/lib/postgres.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: pnpm db:migration <name>   (lower-case letters, digits and _)")
  process.exit(2)
}
const current = join(root, "prisma/shared")
const snapshot = join(root, "prisma/snapshot")
const models = (dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => `// ${f}\n${readFileSync(join(dir, f), "utf8")}`)
    .join("\n")
if (models(current) === models(snapshot)) {
  console.error("prisma/shared/ has not changed since the last migration: nothing to do.")
  process.exit(0)
}
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js")
const preload = join(root, "scripts/prisma-cli-preload.cjs")
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14)

const diff = (provider, config, url) => {
  const previous = mkdtempSync(join(tmpdir(), "fundguard-prev-schema-"))
  copyFileSync(join(root, `prisma/${provider}/datasource.prisma`), join(previous, "datasource.prisma"))
  cpSync(snapshot, join(previous, "models"), { recursive: true })
  const result = spawnSync(
    process.execPath,
    [
      "--require",
      preload,
      cli,
      "migrate",
      "diff",
      "--from-schema-datamodel",
      previous,
      "--to-schema-datamodel",
      `prisma/${provider}`,
      "--script",
      "--config",
      config
    ],
    { cwd: root, encoding: "utf8", env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" } }
  )
  rmSync(previous, { recursive: true, force: true })
  if (result.status !== 0) throw new Error(`prisma migrate diff (${provider}) failed:\n${result.stderr}`)
  const dir = join(root, `prisma/${provider}/migrations/${stamp}_${name}`)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, "migration.sql"), result.stdout)
  console.error(`wrote prisma/${provider}/migrations/${stamp}_${name}/migration.sql`)
}

const scratch = mkdtempSync(join(tmpdir(), "fundguard-migration-"))
const pg = process.env.FUNDGUARD_PG_URL ? null : await startThrowawayPostgres()
try {
  diff("sqlite", "prisma.sqlite.config.ts", `file:${join(scratch, "diff.db")}`)
  diff("postgres", "prisma.pg.config.ts", process.env.FUNDGUARD_PG_URL ?? pg.url)
  rmSync(snapshot, { recursive: true, force: true })
  cpSync(current, snapshot, { recursive: true })
  console.error("updated prisma/snapshot/ — review both migration.sql files and commit them.")
} finally {
  pg?.stop()
  rmSync(scratch, { recursive: true, force: true })
}
