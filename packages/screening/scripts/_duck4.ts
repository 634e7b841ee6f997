import { DuckDBInstance } from "@duckdb/node-api"
const f = "/tmp/fundguard-bench/v1-10000000-parquet/feedetail.parquet"
const inst = await DuckDBInstance.create(":memory:", {})
const c = await inst.connect()
const t = async (label: string, sql: string) => { const s = performance.now(); const u = process.cpuUsage(); await c.runAndReadAll(sql); const d = process.cpuUsage(u); console.log(label, Math.round(performance.now() - s), "ms wall", Math.round((d.user + d.system) / 1000), "ms cpu") }
await t("copy snappy", `COPY (SELECT * FROM read_parquet('${f}')) TO '/tmp/fgw/fd_snappy.parquet' (FORMAT parquet, COMPRESSION snappy)`)
await t("copy none", `COPY (SELECT * FROM read_parquet('${f}')) TO '/tmp/fgw/fd_none.parquet' (FORMAT parquet, COMPRESSION uncompressed)`)
for (const [n, p] of [["zstd", f], ["snappy", "/tmp/fgw/fd_snappy.parquet"], ["none", "/tmp/fgw/fd_none.parquet"]]) {
  await t(`${n} 8 cols`, `SELECT count(DISTINCT mdtrt_id), max(psn_no), max(fixmedins_code), max(feedetl_sn), max(med_list_codg), max(med_chrgitm_type), max(fee_ocur_time), sum(pric*cnt) FROM read_parquet('${p}')`)
}
