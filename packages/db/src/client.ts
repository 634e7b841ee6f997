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

const opened = new WeakMap<Db, { readonly provider: Provider; readonly url: string }>()

/**
 * SQLite in write-ahead-log mode with `synchronous = NORMAL` (https://www.sqlite.org/wal.html): a commit
 * appends to the log and is synced at checkpoints, not on every commit, and readers do not wait for the
 * writer. The database stays consistent after any crash; a power loss may lose the last commits — the
 * pre-settlement check commits a batch every few milliseconds, and better-sqlite3's calls block the event
 * loop for as long as each sync takes.
 */
class TunedSqlite extends PrismaBetterSQLite3 {
  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect()
    await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;")
    return adapter
  }
}

/** Opens the database at `url` (default: the configured one). Does not migrate it. */
export const openDatabase = (url: string = databaseUrl()): Database => {
  const provider = providerOf(url)
  if (provider === "sqlite") {
    mkdirSync(dirname(sqlitePath(url)), { recursive: true })
    const db = new SqliteClient({ adapter: new TunedSqlite({ url }) })
    opened.set(db, { provider, url })
    return { db, provider, url, close: () => db.$disconnect() }
  }
  const pg = new PgClient({ adapter: new PrismaPg({ connectionString: url }) })
  const db = pg as unknown as Db
  opened.set(db, { provider, url })
  return { db, provider, url, close: () => pg.$disconnect() }
}

const openedBy = (db: Db) => {
  const found = opened.get(db)
  if (found === undefined) throw new Error("a database client not opened by openDatabase")
  return found
}

/** Which database a client opened by `openDatabase` talks to (for the few statements written in SQL). */
export const providerOfDb = (db: Db): Provider => openedBy(db).provider

/** The URL a client was opened on by `openDatabase` (for another connection to the same database). */
export const urlOfDb = (db: Db): string => openedBy(db).url

/** Redacts the password of a database URL for logs and messages. */
export const redactUrl = (url: string): string => url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@")
