import * as Effect from "effect/Effect"
import { importExtract, preparedRelations, sqlMacros, findRule } from "../src/index.js"
const dir = process.argv[2]!
const h = await Effect.runPromise(importExtract(dir))
const c = h.connection
await c.run(sqlMacros.join(";\n"))
const t = async (label: string, sql: string) => { const s = performance.now(); const r = await c.runAndReadAll(sql); console.log(label, Math.round(performance.now() - s), "ms"); return r }
for (const r of preparedRelations(h.manifest)) await t(`prepare ${r.name}`, `CREATE OR REPLACE ${r.materialized ? "TABLE" : "VIEW"} ${r.name} AS ${r.sql}`)
for (const code of process.argv.slice(3)) {
  if (code.startsWith("SQL:")) { await t(code, code.slice(4)); continue }
  const rule = findRule(code)!
  const compiled = rule.compile(undefined)
  if (compiled._tag !== "Right") throw new Error("bad")
  await t(code, `SELECT count(*) FROM (${compiled.right.sql})`)
  if (process.env.EXPLAIN) { const r = await c.runAndReadAll(`EXPLAIN ANALYZE SELECT count(*) FROM (${compiled.right.sql})`); console.log(String(r.getRows()[0]?.[1])) }
}
h.close()
