import { PrismaPg } from "@prisma/adapter-pg"
import pg from "pg"
import { defineConfig } from "prisma/config"
import { databaseUrl } from "./src/config.js"

// @prisma/adapter-pg 6.19.3 under the CLI's JS schema engine has three bugs, fixed here for the
// CLI only (see docs/decisions/0002-prisma-6-wasm-engine.md):
//  1. introspection returns system types the adapter rejects ("Column type 'name' could not be
//     deserialized"): report unknown system OIDs as text, name[] as text[];
//  2. its shadow database reuses the connection string, so the "shadow" is the real database:
//     connect with discrete fields;
//  3. it drops the shadow database before closing its pool: manage the shadow database here.
const KNOWN_OIDS = new Set([
  16, 17, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266, 1560, 1562,
  1700, 2950, 3802, 1561, 1000, 1001, 1014, 1002, 651, 1182, 1021, 1022, 1041, 1005, 1007, 1016, 3807, 199, 791, 1231,
  1028, 1009, 1115, 1185, 1183, 2951, 1563, 1015, 143
])
const NAME_ARRAY = 1003
const TEXT = 25
const TEXT_ARRAY = 1009
const FIRST_USER_OID = 16384
const mapOid = (oid: number) =>
  oid === NAME_ARRAY ? TEXT_ARRAY : oid < FIRST_USER_OID && !KNOWN_OIDS.has(oid) ? TEXT : oid

type Connection = Awaited<ReturnType<PrismaPg["connect"]>>
interface Queryable {
  performIO(query: unknown): Promise<unknown>
  startTransaction?: (...args: Array<unknown>) => Promise<object>
}
const systemTypesAsText = <T extends object>(target: T): T => {
  const io = target as unknown as Queryable
  const performIO = io.performIO.bind(io)
  io.performIO = async (query) => {
    const result = await performIO(query)
    for (const res of Array.isArray(result) ? result : [result]) {
      for (const field of (res as { fields?: Array<{ dataTypeID: number }> })?.fields ?? []) {
        field.dataTypeID = mapOid(field.dataTypeID)
      }
    }
    return result
  }
  if (io.startTransaction) {
    const start = io.startTransaction.bind(target)
    io.startTransaction = async (...args) => systemTypesAsText(await start(...args))
  }
  return target
}

class MigratablePg extends PrismaPg {
  constructor(private readonly poolConfig: pg.PoolConfig) {
    super(poolConfig)
  }
  override async connect(): Promise<Connection> {
    return systemTypesAsText(await super.connect())
  }
  override async connectToShadowDb(): Promise<Connection> {
    const name = `prisma_shadow_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
    const admin = new pg.Client(this.poolConfig)
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    const connection = systemTypesAsText(await new PrismaPg({ ...this.poolConfig, database: name }).connect())
    const dispose = connection.dispose.bind(connection)
    connection.dispose = async () => {
      await dispose()
      const client = new pg.Client(this.poolConfig)
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.end()
    }
    return connection
  }
}

const discreteFields = (url: string): pg.PoolConfig => {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    // The CLI exits when its work is done instead of waiting out the pool's 10 s idle timeout.
    allowExitOnIdle: true,
    idleTimeoutMillis: 100
  }
}

// `prisma generate` loads this file without connecting; only commands that connect need the URL.
const pgAdapter = () => {
  const url = databaseUrl()
  if (url.startsWith("file:")) throw new Error("prisma.pg.config.ts needs a postgresql:// DATABASE_URL")
  return new MigratablePg(discreteFields(url))
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/postgres",
  migrations: { path: "prisma/postgres/migrations" },
  adapter: async () => pgAdapter()
})
