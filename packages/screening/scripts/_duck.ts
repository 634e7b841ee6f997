import { DuckDBInstance } from "@duckdb/node-api"
const dir = "/tmp/fundguard-bench/v1-10000000-parquet"
const mode = process.argv[2] ?? "mem"
const inst = await DuckDBInstance.create(mode === "file" ? "/tmp/fgw/x.duckdb" : ":memory:", {})
const c = await inst.connect()
const t = async (label: string, sql: string) => { const s = performance.now(); await c.run(sql); console.log(label, Math.round(performance.now() - s), "ms rss", Math.round(process.memoryUsage().rss / 2**20)) }
if (process.argv[3]) await c.run(process.argv[3])
await t("ctas plain", `CREATE TABLE a AS SELECT * FROM read_parquet('${dir}/feedetail.parquet')`)
await t("setl", `CREATE TABLE s AS SELECT * FROM read_parquet('${dir}/setlinfo.parquet')`)
await t("mdtrt", `CREATE TABLE m AS SELECT * FROM read_parquet('${dir}/mdtrt.parquet')`)
await t("agg", `SELECT fixmedins_code, med_chrgitm_type, count(*), sum(det_item_fee_sumamt) FROM a GROUP BY ALL`)
await t("join", `CREATE TABLE j AS SELECT a.*, m.med_type FROM a JOIN m USING (mdtrt_id)`)
await t("window", `CREATE TABLE w AS SELECT mdtrt_id, sum(det_item_fee_sumamt) OVER (PARTITION BY mdtrt_id) x FROM a`)
console.log("maxrss", Math.round(process.resourceUsage().maxRSS / 1024))
