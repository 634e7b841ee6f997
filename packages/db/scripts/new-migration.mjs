#!/usr/bin/env node
// `pnpm db:migration <name>`: writes a new migration for BOTH providers from the change between
// prisma/snapshot/models.prisma (the models as of the last migration) and prisma/shared/models.prisma,
// then updates the snapshot. Uses `prisma migrate diff` between two datamodels, which works with the
// JS schema engine (`migrate dev` does not, see docs/decisions/0002-prisma-6-wasm-engine.md).
// PostgreSQL's diff needs a live server: FUNDGUARD_PG_URL, or a throwaway one started here.
import { spawnSync } from "node:child_process"
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
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
const current = join(root, "prisma/shared/models.prisma")
const snapshot = join(root, "prisma/snapshot/models.prisma")
if (readFileSync(current, "utf8") === readFileSync(snapshot, "utf8")) {
  console.error("prisma/shared/models.prisma has not changed since the last migration: nothing to do.")
  process.exit(0)
}
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js")
const preload = join(root, "scripts/prisma-cli-preload.cjs")
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14)

const diff = (provider, config, url) => {
  const previous = mkdtempSync(join(tmpdir(), "fundguard-prev-schema-"))
  copyFileSync(join(root, `prisma/${provider}/datasource.prisma`), join(previous, "datasource.prisma"))
  copyFileSync(snapshot, join(previous, "models.prisma"))
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
  copyFileSync(current, snapshot)
  console.error("updated prisma/snapshot/models.prisma — review both migration.sql files and commit them.")
} finally {
  pg?.stop()
  rmSync(scratch, { recursive: true, force: true })
}
