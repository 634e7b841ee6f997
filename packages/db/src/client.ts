/**
 * Opens the operational database: SQLite through better-sqlite3 (embedded default) or PostgreSQL
 * through pg, chosen by the URL. Both generated clients share one model API; callers see one type.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3"
import { PrismaPg } from "@prisma/adapter-pg"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { databaseUrl, providerOf, sqlitePath, type Provider } from "./config.js"
import { PrismaClient as PgClient } from "./generated/pg/client.js"
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.js"

/**
 * The Prisma client type used throughout. The PostgreSQL client has the same models and methods
 * (generated from the same models file), so it is presented under this one type.
 */
export type Db = SqliteClient

/** An open database and what it is. */
export interface Database {
  readonly db: Db
  readonly provider: Provider
  readonly url: string
  close(): Promise<void>
}

/** Opens the database at `url` (default: the configured one). Does not migrate it. */
export const openDatabase = (url: string = databaseUrl()): Database => {
  const provider = providerOf(url)
  if (provider === "sqlite") {
    mkdirSync(dirname(sqlitePath(url)), { recursive: true })
    const db = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) })
    return { db, provider, url, close: () => db.$disconnect() }
  }
  const pg = new PgClient({ adapter: new PrismaPg({ connectionString: url }) })
  const db = pg as unknown as Db
  return { db, provider, url, close: () => pg.$disconnect() }
}

/** Redacts the password of a database URL for logs and messages. */
export const redactUrl = (url: string): string => url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@")
