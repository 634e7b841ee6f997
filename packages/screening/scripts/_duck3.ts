import { DuckDBInstance } from "@duckdb/node-api"
const f = "/tmp/fundguard-bench/v1-10000000-parquet/feedetail.parquet"
const inst = await DuckDBInstance.create(":memory:", {})
const c = await inst.connect()
const t = async (label: string, sql: string) => { const s = performance.now(); await c.runAndReadAll(sql); console.log(label, Math.round(performance.now() - s), "ms") }
await c.run(`CREATE VIEW r1 AS SELECT file_row_number AS __row, * FROM read_parquet('${f}', file_row_number = true)`)
await c.run(`CREATE VIEW r2 AS SELECT * FROM read_parquet('${f}')`)
await c.run(`CREATE VIEW r3 AS SELECT CASE WHEN isfinite(CAST(pric AS DOUBLE)) THEN CAST(pric AS DOUBLE) END AS pric, CAST(fee_ocur_time AS TIMESTAMP) AS fee_ocur_time, mdtrt_id FROM read_parquet('${f}')`)
for (let i = 0; i < 2; i++) {
await t("r1 sum", `SELECT count(*), sum(pric) FROM r1`)
await t("r2 sum", `SELECT count(*), sum(pric) FROM r2`)
await t("r3 sum", `SELECT count(*), sum(pric) FROM r3`)
await t("r2 group", `SELECT mdtrt_id, sum(pric) FROM r2 GROUP BY 1`)
await t("r2 cast date group", `SELECT CAST(fee_ocur_time AS DATE) d, mdtrt_id, sum(pric) FROM r2 GROUP BY ALL`)
}
