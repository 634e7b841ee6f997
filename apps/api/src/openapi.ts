/**
 * The OpenAPI document, generated from the routes (and so from the contracts), without a database:
 * `pnpm openapi` writes it to `apps/api/openapi.json`, which is committed so that other departments
 * and hospital systems can read the API without running it; a test fails when it is not current.
 */
import { openDatabase } from "@fundguard/db"
import { buildApp } from "./app.js"

/** Where the committed document lives. */
export const openApiFile = new URL("../openapi.json", import.meta.url)

/** The document as the server publishes it at /api/docs/json, as stable JSON text. */
export const openApiText = async (): Promise<string> => {
  // Routes are declared without touching the database; an in-memory one stands in.
  const database = openDatabase("file::memory:")
  const app = await buildApp({ db: database.db, adminDist: null })
  try {
    await app.ready()
    return `${JSON.stringify(app.swagger(), null, 2)}\n`
  } finally {
    await app.close()
    await database.close()
  }
}
