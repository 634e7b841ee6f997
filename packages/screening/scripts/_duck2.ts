import { DuckDBInstance } from "@duckdb/node-api"
const f = "/tmp/fundguard-bench/v1-10000000-parquet/feedetail.parquet"
const inst = await DuckDBInstance.create(":memory:", {})
const c = await inst.connect()
const t = async (label: string, sql: string) => { const s = performance.now(); const r = await c.runAndReadAll(sql); console.log(label, Math.round(performance.now() - s), "ms", JSON.stringify(r.getRowObjectsJson()[0])) }
await c.run(`CREATE VIEW r AS SELECT file_row_number AS __row, * FROM read_parquet('${f}', file_row_number = true)`)
const cols = ["feedetl_sn", "mdtrt_id", "psn_no", "fixmedins_code", "med_list_codg", "med_chrgitm_type"]
await t("starts/ends", `SELECT count(*) FROM r WHERE ${cols.map((x) => `${x} IS NULL OR ${x} = '' OR starts_with(${x}, ' ') OR ends_with(${x}, ' ')`).join(" OR ")}`)
await t("lt !", `SELECT count(*) FROM r WHERE ${cols.map((x) => `${x} IS NULL OR ${x} < '!'`).join(" OR ")}`)
await t("bool_or flags", `SELECT ${cols.map((x) => `bool_or(starts_with(${x}, ' ') OR ends_with(${x}, ' ')) AS ${x}`).join(", ")} FROM r`)
await t("read 6 cols", `SELECT count(DISTINCT fixmedins_code), max(mdtrt_id), max(feedetl_sn), max(psn_no), max(med_list_codg), max(med_chrgitm_type) FROM r`)
await t("read 6 cols trimmed", `SELECT count(DISTINCT nullif(trim(fixmedins_code),'')), max(nullif(trim(mdtrt_id),'')), max(nullif(trim(feedetl_sn),'')), max(nullif(trim(psn_no),'')), max(nullif(trim(med_list_codg),'')), max(nullif(trim(med_chrgitm_type),'')) FROM r`)
