/**
 * The screening benchmark: `pnpm bench:screening --lines N [--format parquet|csv] [--threads T]
 * [--memory-limit 3GB] [--json]`. Generates (once, cached under the temp directory) a synthetic
 * extract of N fee lines (synth-extract.ts, in a child process so that its memory does not count) — or takes
 * the extract in `--dir DIR` as it is (a real or independently made one: never generated into, never changed;
 * its format is its files') —,
 * then in this process and on the same files:
 *
 * 0. every file read once, so that what follows reads it from the page cache alike;
 * 1. the floors: DuckDB loading every table of the files into memory (`load-floor.ts`, in a child process so
 *    that the tables it holds do not count in the peak memory) — what the whole run is measured against —, and
 *    one plain scan-and-aggregate of `feedetail` straight from the file and over the imported table;
 * 2. the import (`importExtract`: staging, validation, typed tables) — rows per second;
 * 3. the full rule library (`runScreening`) — the shared relations, then time per rule;
 * 4. the total and the peak memory (the process's RSS high-water mark, DuckDB included).
 *
 * A report goes to stdout (Markdown, or JSON with `--json`). Timing is measured, never asserted:
 * benchmarks are not tests.
 */
import { DuckDBInstance } from "@duckdb/node-api"
import * as Effect from "effect/Effect"
import { execFileSync } from "node:child_process"
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from "node:fs"
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { importExtract, runScreening, type RuleRun } from "../src/index.js"
import { synthVersion } from "./synth-extract.js"

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "1000000" },
    format: { type: "string", default: "parquet" },
    threads: { type: "string" },
    "memory-limit": { type: "string" },
    dir: { type: "string" },
    json: { type: "boolean", default: false }
  }
})

const lines = Number(values.lines)
if (!Number.isInteger(lines) || lines < 1000) throw new Error("--lines must be a whole number ≥ 1000")
/** The format of the extract in `dir`: that of its fee lines' file, or null when it has none. */
const formatOf = (dir: string): "csv" | "parquet" | null => {
  const feedetail = existsSync(dir) ? readdirSync(dir).find((f) => /^feedetail\.(csv|parquet)$/.test(f)) : undefined
  return feedetail === undefined ? null : feedetail.endsWith(".csv") ? "csv" : "parquet"
}
// An extract given with --dir is measured as it is: generating would first empty the directory.
const given = values.dir
const givenFormat = given === undefined ? null : formatOf(given)
if (given !== undefined && givenFormat === null) {
  process.stderr.write(`--dir ${given}：没有 feedetail.csv 或 feedetail.parquet（费用明细），不是可测的提取目录\n`)
  process.exit(2)
}
const format = givenFormat ?? (values.format === "csv" ? "csv" : "parquet")
const dir = given ?? join(tmpdir(), "fundguard-bench", `v${synthVersion}-${lines}-${format}`)
const settings: Record<string, string> = {
  ...(values.threads === undefined ? {} : { threads: values.threads }),
  ...(values["memory-limit"] === undefined ? {} : { memory_limit: values["memory-limit"] })
}

const ms = (started: number) => Math.round(performance.now() - started)
const cpuMs = (d: NodeJS.CpuUsage) => Math.round((d.user + d.system) / 1000)
const log = (line: string) => process.stderr.write(`${line}\n`)

/** Generates the extract unless one was given or a complete one of this generator version is already there. */
const ensureExtract = (): number => {
  if (given !== undefined) return 0
  const marker = join(dir, "synth.json")
  if (existsSync(marker)) {
    const meta = JSON.parse(readFileSync(marker, "utf8")) as { version: number; format: string }
    if (meta.version === synthVersion && meta.format === format) return 0
  }
  log(`generating ${lines.toLocaleString("en-US")} fee lines as ${format} into ${dir} …`)
  const started = performance.now()
  execFileSync(
    process.execPath,
    [
      "--conditions=@fundguard/source",
      "--import",
      "tsx",
      join(import.meta.dirname, "synth-extract.ts"),
      "--lines",
      String(lines),
      "--out",
      dir,
      "--format",
      format
    ],
    { stdio: ["ignore", "inherit", "inherit"] }
  )
  return ms(started)
}

/** One scan-and-aggregate of feedetail: from the file in a fresh DuckDB, and from a loaded table. */
const floor = async (file: string): Promise<{ readonly fileMs: number }> => {
  const instance = await DuckDBInstance.create(":memory:", settings)
  const conn = await instance.connect()
  const source = file.endsWith(".parquet") ? `read_parquet('${file}')` : `read_csv('${file}', header = true)`
  const started = performance.now()
  await conn.runAndReadAll(
    `SELECT fixmedins_code, med_chrgitm_type, count(*) AS n, sum(det_item_fee_sumamt) AS amount
     FROM ${source} GROUP BY ALL`
  )
  const fileMs = ms(started)
  conn.closeSync()
  instance.closeSync()
  return { fileMs }
}

/**
 * Reads every file of the extract once, so that the floor, measured first, does not alone pay for reading from disk
 * what the import then finds in the page cache. (A 3.5 GB CSV extract's floor took 12–45 s from one run to the next
 * within the hour while the import after it took 19–22 s; a cold cache is one cause that can flatter the ratio so,
 * not necessarily the only one.)
 */
const warmPageCache = async (files: ReadonlyArray<string>): Promise<number> => {
  const started = performance.now()
  for (const file of files.filter((f) => statSync(join(dir, f)).isFile()))
    for await (const _chunk of createReadStream(join(dir, file), { highWaterMark: 1 << 22 }));
  return ms(started)
}

const main = async () => {
  const generateMs = ensureExtract()
  const files = readdirSync(dir)
  log(`page cache warmed: ${await warmPageCache(files)} ms`)
  const feedetail = join(dir, files.find((f) => f.startsWith("feedetail."))!)
  const loadFloor = JSON.parse(
    execFileSync(
      process.execPath,
      [
        "--conditions=@fundguard/source",
        "--import",
        "tsx",
        join(import.meta.dirname, "load-floor.ts"),
        dir,
        JSON.stringify(settings)
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 }
    )
  ) as { readonly ms: number; readonly rows: number; readonly tables: Readonly<Record<string, number>> }
  log(`load floor: ${loadFloor.ms} ms for ${loadFloor.rows.toLocaleString("en-US")} rows`)
  const floorFile = await floor(feedetail)

  const importStarted = performance.now()
  const importCpu = process.cpuUsage()
  const handle = await Effect.runPromise(importExtract(dir, { duckdb: settings }))
  const importMs = ms(importStarted)
  const importCpuMs = cpuMs(process.cpuUsage(importCpu))
  const rows = Object.values(handle.rowCounts).reduce((sum, n) => sum + (n ?? 0), 0)
  const feeRows = handle.rowCounts.feedetail ?? 0

  const tableFloorStarted = performance.now()
  await handle.connection.runAndReadAll(
    `SELECT fixmedins_code, med_chrgitm_type, count(*) AS n, sum(det_item_fee_sumamt) AS amount
     FROM feedetail GROUP BY ALL`
  )
  const floorTableMs = ms(tableFloorStarted)

  // CPU time (all threads of this process, DuckDB's included) beside wall time: on a shared
  // machine the wall clock also counts other people's work.
  const cpu = new Map<string, number>()
  let mark = process.cpuUsage()
  const cpuSince = () => {
    const d = process.cpuUsage(mark)
    mark = process.cpuUsage()
    return Math.round((d.user + d.system) / 1000)
  }
  const runStarted = performance.now()
  const runCpu = process.cpuUsage()
  const result = await Effect.runPromise(
    runScreening({
      extract: handle,
      onProgress: (e) => {
        if (e._tag === "Preparing" || e._tag === "RuleStarted") cpuSince()
        if (e._tag === "Prepared") cpu.set("(prepare)", cpuSince())
        if (e._tag === "RuleFinished") {
          cpu.set(e.run.code, cpuSince())
          log(`  ${e.run.code.padEnd(26)} ${String(e.run.durationMs).padStart(9)} ms  cpu ${cpu.get(e.run.code)} ms`)
        }
      }
    })
  )
  const screenMs = ms(runStarted)
  const screenCpu = process.cpuUsage(runCpu)
  handle.close()
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  const version = (await (await DuckDBInstance.create(":memory:")).connect()).runAndReadAll("SELECT version() AS v")
  const duckdb = String((await version).getRowObjectsJson()[0]?.v)

  const report = {
    date: new Date().toISOString().slice(0, 10),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? "?",
      memoryGb: Math.round(totalmem() / 2 ** 30),
      freeGb: Math.round(freemem() / 2 ** 30),
      node: process.version,
      duckdb,
      settings
    },
    lines: feeRows,
    format,
    generateMs,
    floor: { loadMs: loadFloor.ms, fileMs: floorFile.fileMs, tableMs: floorTableMs },
    tables: loadFloor.tables,
    // The files' sizes, so that the mix can be compared with a real extract's in bytes too, not only in rows.
    fileMb: Object.fromEntries(
      readdirSync(dir)
        .filter((f) => f.endsWith(`.${format}`))
        .map((f) => [f.slice(0, -format.length - 1), Math.round(statSync(join(dir, f)).size / 1e5) / 10])
    ) as Readonly<Record<string, number>>,
    import: {
      ms: importMs,
      cpuMs: importCpuMs,
      rows,
      rowsPerSecond: Math.round(rows / (importMs / 1000)),
      feeRowsPerSecond: Math.round(feeRows / (importMs / 1000))
    },
    screen: {
      ms: screenMs,
      cpuMs: cpuMs(screenCpu),
      prepareMs: result.prepareMs,
      suspicions: result.totals.suspicions,
      rules: result.rules.map((r: RuleRun) => ({
        code: r.code,
        ms: r.durationMs,
        cpuMs: cpu.get(r.code) ?? 0,
        count: r.count,
        status: r.status
      }))
    },
    totalMs: importMs + screenMs,
    totalOverLoadFloor: Math.round(((importMs + screenMs) / Math.max(1, loadFloor.ms)) * 100) / 100,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
    peakRssMb
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    return
  }
  const out = [
    `## ${feeRows.toLocaleString("en-US")} fee lines (${format}), ${report.date}`,
    "",
    `machine: ${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memoryGb} GB; Node ${report.machine.node}; DuckDB ${duckdb}` +
      (Object.keys(settings).length > 0 ? `; settings ${JSON.stringify(settings)}` : ""),
    "",
    "| step | wall | CPU | note |",
    "|---|---:|---:|---|",
    `| **floor: DuckDB loads every table into memory** | **${loadFloor.ms} ms** | | ${loadFloor.rows.toLocaleString("en-US")} rows, fresh DuckDB, child process |`,
    `| floor: scan + aggregate of feedetail from the file | ${report.floor.fileMs} ms | | fresh DuckDB |`,
    `| floor: the same over the imported relation | ${report.floor.tableMs} ms | | |`,
    `| import (all tables, validated) | ${importMs} ms | ${importCpuMs} ms | ${rows.toLocaleString("en-US")} rows, ${report.import.rowsPerSecond.toLocaleString("en-US")} rows/s |`,
    `| shared relations (fg_setl, fg_visit, …) | ${result.prepareMs} ms | ${cpu.get("(prepare)") ?? 0} ms | |`,
    ...result.rules.map(
      (r) =>
        `| ${r.code} | ${r.durationMs} ms | ${cpu.get(r.code) ?? 0} ms | ${r.count.toLocaleString("en-US")} suspicions |`
    ),
    `| **all rules** | **${screenMs} ms** | ${report.screen.cpuMs} ms | ${result.totals.suspicions.toLocaleString("en-US")} suspicions |`,
    `| **total (import + rules)** | **${importMs + screenMs} ms** | ${importCpuMs + report.screen.cpuMs} ms | ${report.totalOverLoadFloor}× the load floor; peak RSS ${peakRssMb.toLocaleString("en-US")} MB |`,
    "",
    `tables: ${Object.entries(loadFloor.tables)
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${n.toLocaleString("en-US")} (${(n / Math.max(1, feeRows)).toFixed(2)} per fee line)`)
      .join(", ")}`,
    "",
    `files: ${Object.values(report.fileMb)
      .reduce((a, b) => a + b, 0)
      .toLocaleString("en-US", { maximumFractionDigits: 0 })} MB of ${format} (${Object.entries(report.fileMb)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([t, mb]) => `${t} ${mb.toLocaleString("en-US")} MB`)
      .join(", ")}, …); ${((Object.values(report.fileMb).reduce((a, b) => a + b, 0) * 1e6) / Math.max(1, rows)).toFixed(
      0
    )} bytes a row`,
    "",
    `load average at the end: ${report.loadAverage.join(", ")} (other work on the machine inflates wall times)`
  ]
  process.stdout.write(`${out.join("\n")}\n`)
}

await main()
