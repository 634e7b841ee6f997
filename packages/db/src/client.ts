/**
 * Opens the operational database: SQLite through better-sqlite3 (embedded default) or PostgreSQL
 * through pg, chosen by the URL. Both generated clients share one model API; callers see one type.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3"
import { PrismaPg } from "@prisma/adapter-pg"
import { createHash } from "node:crypto"
import { mkdirSync } from "node:fs"
import pg from "pg"
import { dirname } from "node:path"
import { databaseUrl, providerOf, sqlitePath, type Provider } from "./config.js"
import { PrismaClient as PgClient } from "./generated/pg/client.js"
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.js"

/**
 * The Prisma client type used throughout. The PostgreSQL client has the same models and methods
 * (generated from the same models file), so it is presented under this one type.
 */
export type Db = SqliteClient

/** The client a `db.$transaction(async (tx) => …)` callback gets. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0]

/** An open database and what it is. */
export interface Database {
  readonly db: Db
  readonly provider: Provider
  readonly url: string
  close(): Promise<void>
}

const opened = new WeakMap<
  Db,
  { readonly provider: Provider; readonly url: string; readonly pool?: pg.Pool | undefined }
>()

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
  // One pool for Prisma and for the reads written in SQL (`sqlReader`); Prisma's disconnect ends it.
  const pool = new pg.Pool({ connectionString: url })
  const client = new PgClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) })
  const db = client as unknown as Db
  opened.set(db, { provider, url, pool })
  return {
    db,
    provider,
    url,
    close: async () => {
      await client.$disconnect()
      // Never connected through Prisma: the adapter did not take the pool, so it is ended here.
      if (!pool.ended) await pool.end()
    }
  }
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

/**
 * A read written in SQL: rows as plain objects, columns named as in the models (the tables use the models'
 * names). Text uses PostgreSQL's numbered parameters ($1, $2 …); on SQLite they are bound by position.
 */
export type SqlRead = <Row>(
  text: string,
  params?: ReadonlyArray<unknown>,
  options?: {
    /**
     * Keep the statement prepared on each connection (PostgreSQL parses and plans it once instead of on every
     * call): for statements of a fixed text read many times a second, not for texts that vary with a list.
     */
    readonly prepare?: boolean
  }
) => Promise<Array<Row>>

// Prisma stores DateTime as `timestamp(3)` without a time zone, in UTC; pg would read it in the process's zone.
const timestampWithoutZone = 1114
const utcTimestamps = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === timestampWithoutZone
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format as "text")
}

/**
 * Reads in plain SQL, for the few hot paths where Prisma's own cost dominates: its query compiler spends about
 * 2 ms of CPU on a page of leads that the driver reads in 0.5 ms (`pnpm bench:reads`, docs/benchmarks.md).
 * PostgreSQL reads go straight to the pool Prisma shares; SQLite reads go through Prisma's raw query, which
 * already converts dates and JSON.
 */
export const sqlReader = (db: Db): SqlRead => {
  const { pool } = openedBy(db)
  if (pool !== undefined)
    return async <Row>(text: string, params: ReadonlyArray<unknown> = [], options: { prepare?: boolean } = {}) =>
      (
        await pool.query({
          text,
          values: [...params],
          types: utcTimestamps,
          // Named by its text, so that one name never stands for two statements.
          ...(options.prepare === true ? { name: `fg_${createHash("sha1").update(text).digest("hex")}` } : {})
        })
      ).rows as Array<Row>
  return async <Row>(text: string, params: ReadonlyArray<unknown> = []) => {
    const values: Array<unknown> = []
    const positional = text.replace(/\$(\d+)/g, (_, n: string) => {
      values.push(params[Number(n) - 1])
      return "?"
    })
    return (await db.$queryRawUnsafe(positional, ...values)) as Array<Row>
  }
}
