/**
 * Scratch databases for integration tests: a fresh, migrated SQLite file or PostgreSQL database that
 * is thrown away afterwards. PostgreSQL needs `FUNDGUARD_TEST_PG_URL` (the root `pnpm test`
 * provisions a throwaway server and sets it); without it the test fails and says so.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import pg from "pg"
import { openDatabase, type Database } from "./client.js"
import { testPostgresUrl, type Provider } from "./config.js"
import { migrateDatabase } from "./migrate.js"
import { OrganisationRepositoryLive } from "./responsibilities/organisation.js"
import { OrganisationRepository, OrgUnit } from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

/** A migrated scratch database and how to dispose of it. */
export interface ScratchDatabase extends Database {
  dispose(): Promise<void>
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/** Creates and migrates a scratch database of the given provider. */
export const createScratchDatabase = async (provider: Provider): Promise<ScratchDatabase> => {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "fundguard-test-"))
    const url = `file:${join(dir, "test.db")}`
    await migrateDatabase(url)
    const database = openDatabase(url)
    return {
      ...database,
      dispose: async () => {
        await database.close()
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
  const server = testPostgresUrl()
  if (server === undefined) {
    throw new Error(
      "FUNDGUARD_TEST_PG_URL is not set: run the tests with `pnpm test` from the repository root, which starts a throwaway PostgreSQL on 127.0.0.1"
    )
  }
  const name = `fundguard_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = withDatabase(server, name)
  await migrateDatabase(url)
  const database = openDatabase(url)
  return {
    ...database,
    dispose: async () => {
      await database.close()
      const client = new pg.Client({ connectionString: server })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.end()
    }
  }
}

/**
 * Gives a scratch database the one unit every bureau has: the bureau itself (no parent), whose
 * members' data scope is everything. Tests that are not about the organisation put staff there.
 */
export const addBureauUnit = async (db: Database["db"], id = "BUREAU"): Promise<string> => {
  const bureau = Schema.decodeUnknownSync(OrgUnit)({
    id,
    name: "测试县医疗保障局",
    kind: "bureau",
    parentId: null,
    areaCode: null,
    institutionCode: null,
    head: null,
    phone: null,
    active: true
  })
  // A bureau without a parent, area or institution is consistent whatever else is stored, so it is
  // written straight through the repository (the use case's check could not refuse it).
  await Effect.runPromise(
    Effect.flatMap(OrganisationRepository, (organisations) =>
      organisations.write({ units: [bureau] }, "test", { id: null, name: "test", ip: null })
    ).pipe(Effect.provide(OrganisationRepositoryLive(db)))
  )
  return id
}
