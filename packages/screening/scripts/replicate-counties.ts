/**
 * `pnpm --filter @fundguard/screening replicate --from DIR --counties N --out DIR`: a province-sized Parquet
 * extract made of N copies of one county's extract (e.g. the synthetic county-year of `synth-extract.ts`), each
 * copy with its own institutions, persons, visits, settlements, staff and traceability codes (the identifying
 * columns get a `K<k>_` prefix), and one shared catalogue. Generating 100 million fee lines directly takes one
 * DuckDB process most of an hour; copying takes minutes, and the copies' leads are the county's, N times over
 * (except the peer comparison, whose peer groups grow).
 */
import { DuckDBInstance } from "@duckdb/node-api"
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs"
import { join } from "node:path"
import { parseArgs } from "node:util"

const { values } = parseArgs({
  options: {
    from: { type: "string" },
    counties: { type: "string", default: "10" },
    out: { type: "string" }
  }
})
const from = values.from
const out = values.out
const counties = Number(values.counties)
if (from === undefined || out === undefined || !Number.isInteger(counties) || counties < 1 || counties > 999) {
  process.stderr.write("用法：--from 县级提取目录（Parquet） --out 输出目录 --counties 1–999\n")
  process.exit(2)
}

/** Columns that identify something of one county; every other column (codes of the catalogue, types) is shared. */
const countyColumns = new Set([
  "fixmedins_code",
  "psn_no",
  "mdtrt_id",
  "setl_id",
  "drug_trac_codg",
  "staff_code",
  "prac_cert_no",
  "phar_prac_cert_no",
  "bilg_dr_codg",
  "atddr_no",
  "opter"
])
const sharedTables = new Set(["catalog", "catalog_pair"])

mkdirSync(out, { recursive: true })
const db = await DuckDBInstance.create(":memory:", { preserve_insertion_order: "false" })
const connection = await db.connect()
const quote = (text: string) => `'${text.replaceAll("'", "''")}'`
for (const file of readdirSync(from).filter((f) => f.endsWith(".parquet"))) {
  const table = file.replace(/\.parquet$/, "")
  const source = `read_parquet(${quote(join(from, file))})`
  const started = performance.now()
  if (sharedTables.has(table)) {
    await connection.run(`COPY (SELECT * FROM ${source}) TO ${quote(join(out, file))} (FORMAT parquet)`)
  } else {
    const columns = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`))
      .getRows()
      .map((r) => String(r[0]))
    const select = columns.map((c) =>
      countyColumns.has(c) ? `'K' || k::VARCHAR || '_' || "${c}" AS "${c}"` : `"${c}"`
    )
    await connection.run(
      `COPY (SELECT ${select.join(", ")} FROM ${source}, range(${counties}) AS copies(k))
       TO ${quote(join(out, file))} (FORMAT parquet, COMPRESSION zstd)`
    )
  }
  process.stderr.write(`${table}: ${Math.round(performance.now() - started)} ms\n`)
}
for (const extra of ["manifest.json"]) {
  if (existsSync(join(from, extra))) copyFileSync(join(from, extra), join(out, extra))
}
connection.closeSync()
db.closeSync()
