import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3"
import { defineConfig } from "prisma/config"
import { databaseUrl, sqlitePath } from "./src/config.js"

// Prisma 6.19's JS (Wasm) schema engine with better-sqlite3 needs two fixes, in this CLI config
// only (the app uses the plain adapter); see docs/decisions/0002-prisma-6-wasm-engine.md:
//  1. `migrate dev` reads _prisma_migrations before creating it (P1014): create it on connect.
//  2. the shadow database replays migration.sql through executeRaw, one statement at a time
//     (P3006): route argument-less raw SQL through executeScript (better-sqlite3 db.exec).
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0);`

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>
const scriptAwareRaw = (adapter: Adapter): Adapter => {
  const executeRaw = adapter.executeRaw.bind(adapter)
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await adapter.executeScript(query.sql)
      return 0
    }
    return executeRaw(query)
  }
  return adapter
}

class MigrateFriendlySQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect()
    await adapter.executeScript(MIGRATIONS_TABLE)
    return adapter
  }
  override async connectToShadowDb() {
    return scriptAwareRaw(await super.connectToShadowDb())
  }
}

// `prisma generate` loads this file without connecting; only commands that connect need the URL.
const sqliteAdapter = () => {
  const url = databaseUrl()
  if (!url.startsWith("file:")) throw new Error("prisma.sqlite.config.ts needs a file: DATABASE_URL")
  mkdirSync(dirname(sqlitePath(url)), { recursive: true })
  return new MigrateFriendlySQLite({ url })
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/sqlite",
  migrations: { path: "prisma/sqlite/migrations" },
  adapter: async () => sqliteAdapter()
})
