/**
 * The load floor of the screening benchmark: how long DuckDB itself takes to load every table of an extract
 * into memory — `CREATE TABLE … AS SELECT * FROM read_parquet(…)` / `read_csv(…)` per file, in a fresh
 * in-memory DuckDB with the same settings — no validation, no typing beyond DuckDB's own detection. The import
 * and the rules are measured against it (issue 14: the whole run within 3× of this floor).
 *
 * Run by `bench.ts` in a child process, so that the tables it holds do not count in the benchmark's peak memory:
 * `node --import tsx scripts/load-floor.ts DIR [SETTINGS_JSON]` prints `{ ms, rows, tables }` as JSON.
 */
import { DuckDBInstance } from "@duckdb/node-api"
import { readdirSync } from "node:fs"
import { join } from "node:path"

const [dir, settingsJson] = process.argv.slice(2)
if (dir === undefined) throw new Error("usage: load-floor.ts DIR [SETTINGS_JSON]")
const settings = JSON.parse(settingsJson ?? "{}") as Record<string, string>
const files = readdirSync(dir).filter((f) => /\.(parquet|csv|jsonl)$/.test(f))
const instance = await DuckDBInstance.create(":memory:", settings)
const conn = await instance.connect()
const tables: Record<string, number> = {}
const started = performance.now()
for (const file of files) {
  const path = join(dir, file).replaceAll("'", "''")
  const name = file.replace(/\.[^.]+$/, "")
  const source = file.endsWith(".parquet")
    ? `read_parquet('${path}')`
    : file.endsWith(".csv")
      ? `read_csv('${path}', header = true)`
      : `read_json('${path}', format = 'newline_delimited')`
  await conn.run(`CREATE TABLE "${name}" AS SELECT * FROM ${source}`)
}
const ms = Math.round(performance.now() - started)
for (const file of files) {
  const name = file.replace(/\.[^.]+$/, "")
  const n = await conn.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM "${name}"`)
  tables[name] = Number(n.getRowObjectsJson()[0]?.n ?? 0)
}
conn.closeSync()
instance.closeSync()
process.stdout.write(`${JSON.stringify({ ms, rows: Object.values(tables).reduce((a, b) => a + b, 0), tables })}\n`)
