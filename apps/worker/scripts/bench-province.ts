/**
 * `pnpm bench:province --extract DIR [--prepared DIR] [--partitions 8] [--workers 2] [--memory-limit 2GB]
 * [--global-memory-limit SIZE] [--staged N] [--database-url URL] [--json]`: a partitioned run through the queue, measured. The
 * extract is prepared (split by person and by institution, unless `--prepared` names a copy), a run is started on a
 * PostgreSQL database (a throwaway server, or `--database-url`), and `--workers` worker processes (`pnpm
 * worker:partitions`) take its partitions until the run is merged. Reports the preparation, each partition's time
 * and leads, each worker's partitions and fee lines per second, the merge, the total, and the workers' peak memory.
 * `--staged N` (default: as many as the partitions; 0 for none) splits the staged rules (those that compare across
 * persons and institutions) into facts written by the institution partitions and N verdicts, instead of running them
 * in a global partition over the whole extract.
 */
import { migrateDatabase, openDatabase, openPartitionQueue, startPartitionedRun, systemActor } from "@fundguard/db"
import {
  maxKeyPartitions,
  prepareProvincePartitions,
  readPartitionsManifest,
  ruleLibrary,
  rulesOfJob
} from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { spawn, type ChildProcess } from "node:child_process"
import { existsSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { parseArgs } from "node:util"
// @ts-expect-error -- a plain ES module of the repository's scripts, without types
import { machineInfo } from "../../../scripts/lib/machine.mjs"
// @ts-expect-error -- a plain ES module of the repository's scripts, without types
import { startThrowawayPostgres } from "../../../scripts/lib/postgres.mjs"

const { values } = parseArgs({
  options: {
    extract: { type: "string" },
    prepared: { type: "string" },
    partitions: { type: "string", default: "8" },
    workers: { type: "string", default: "2" },
    "memory-limit": { type: "string", default: "2GB" },
    // The global partition's (FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT); --memory-limit when absent.
    "global-memory-limit": { type: "string" },
    staged: { type: "string" },
    "database-url": { type: "string" },
    json: { type: "boolean", default: false }
  }
})
const say = (line: string) => void process.stderr.write(`${line}\n`)
if (values.extract === undefined || !existsSync(values.extract)) {
  say("--extract DIR: 需要一个存在的提取目录")
  process.exit(2)
}
const extract = resolve(values.extract)
const count = Number(values.partitions)
const workerCount = Number(values.workers)
const prepared = resolve(values.prepared ?? `${extract}.partitions-${count}`)

const t0 = performance.now()
let prepareSeconds: number | null = null
if (!existsSync(join(prepared, "partitions.json"))) {
  say(`preparing ${count} partitions by person and by institution → ${prepared} …`)
  await Effect.runPromise(
    prepareProvincePartitions(extract, prepared, {
      count,
      importOptions: { duckdb: { memory_limit: values["memory-limit"] } }
    })
  )
  prepareSeconds = (performance.now() - t0) / 1000
}
const manifest = await Effect.runPromise(readPartitionsManifest(prepared))
const feeLines = manifest.tables["feedetail"] ?? 0

const throwaway =
  values["database-url"] === undefined
    ? ((await startThrowawayPostgres({ log: say })) as { url: string; stop: () => void })
    : null
const url = values["database-url"] ?? throwaway!.url
await migrateDatabase(url)
const database = openDatabase(url)
const queue = await openPartitionQueue(url)

const peakRss = new Map<number, number>()
const rssOf = (pid: number) => {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]
    return kb === undefined ? 0 : Number(kb) / 1024
  } catch {
    return 0
  }
}
const workers: Array<ChildProcess> = []
let sampler: ReturnType<typeof setInterval> | undefined
try {
  const started = performance.now()
  const staged = Number(values.staged ?? manifest.count)
  if (!Number.isInteger(staged) || staged < 0 || staged > maxKeyPartitions) {
    say(`--staged ${values.staged}: 应为 0–${maxKeyPartitions} 的整数`)
    process.exit(2)
  }
  const stagedDir = join(prepared, "staged")
  const { runId, partitions: queued } = await startPartitionedRun(
    database.db,
    queue,
    systemActor("bench"),
    { trigger: "cli", extract, admdvs: null, periodFrom: null, periodTo: null, params: { prepared, stagedDir } },
    {
      person: manifest.count,
      institution: manifest.count,
      staged,
      global: rulesOfJob("global", ruleLibrary, staged > 0).length > 0
    }
  )
  say(`run ${runId}: ${queued.length} partitions (${staged} staged verdicts); ${workerCount} workers …`)
  for (let i = 0; i < workerCount; i++)
    workers.push(
      spawn(process.execPath, ["--conditions=@fundguard/source", "--import", "tsx", "src/main.ts", "--partitions"], {
        cwd: join(import.meta.dirname, ".."),
        env: {
          ...process.env,
          DATABASE_URL: url,
          FUNDGUARD_DUCKDB_MEMORY_LIMIT: values["memory-limit"],
          FUNDGUARD_GLOBAL_DUCKDB_MEMORY_LIMIT: values["global-memory-limit"] ?? values["memory-limit"],
          FUNDGUARD_PARTITION_CHECK_SECONDS: "5"
        },
        stdio: ["ignore", "ignore", "inherit"]
      })
    )
  sampler = setInterval(() => {
    for (const w of workers) peakRss.set(w.pid!, Math.max(peakRss.get(w.pid!) ?? 0, rssOf(w.pid!)))
  }, 500)
  let run = await database.db.screeningRun.findUniqueOrThrow({ where: { id: runId } })
  while (run.status === "running") {
    await new Promise((r) => setTimeout(r, 1000))
    run = await database.db.screeningRun.findUniqueOrThrow({ where: { id: runId } })
  }
  clearInterval(sampler)
  const totalSeconds = (performance.now() - started) / 1000
  const partitions = await database.db.runPartition.findMany({
    where: { runId },
    orderBy: [{ job: "asc" }, { index: "asc" }]
  })
  const lastDone = Math.max(...partitions.map((p) => p.finishedAt?.getTime() ?? 0))
  const mergeSeconds = ((run.finishedAt?.getTime() ?? lastDone) - lastDone) / 1000
  const byWorker = new Map<string, { partitions: number; busyMs: number }>()
  for (const p of partitions) {
    const w = byWorker.get(p.worker ?? "?") ?? { partitions: 0, busyMs: 0 }
    byWorker.set(p.worker ?? "?", { partitions: w.partitions + 1, busyMs: w.busyMs + (p.durationMs ?? 0) })
  }
  const report = {
    machine: machineInfo() as { date: string; cpus: string; memoryGb: number; load: string; node: string },
    feeLines,
    partitionsPerKey: manifest.count,
    stagedVerdicts: staged,
    workers: workerCount,
    prepareSeconds,
    status: run.status,
    suspicions: run.suspicionCount,
    totalSeconds,
    mergeSeconds,
    feeLinesPerSecond: feeLines / totalSeconds,
    partitions: partitions.map((p) => ({
      partition: `${p.job} ${p.index + 1}/${p.count}`,
      worker: p.worker,
      attempts: p.attempts,
      seconds: (p.durationMs ?? 0) / 1000,
      suspicions: p.suspicions
    })),
    perWorker: [...byWorker].map(([worker, w]) => ({
      worker,
      partitions: w.partitions,
      busySeconds: w.busyMs / 1000
    })),
    peakRssMb: [...peakRss.values()].map((mb) => Math.round(mb))
  }
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
  else {
    const m = report.machine
    process.stdout.write(
      [
        `partitioned run through the queue — ${m.date}, ${m.cpus}, ${m.memoryGb} GB, node ${m.node}, load ${m.load}`,
        `${feeLines} fee lines, ${manifest.count} partitions per key + 1 global, ${workerCount} workers: ${run.status}, ${run.suspicionCount} suspicions`,
        `prepare ${prepareSeconds === null ? "(reused)" : `${prepareSeconds.toFixed(1)} s`}; run ${totalSeconds.toFixed(1)} s (${Math.round(report.feeLinesPerSecond)} fee lines/s), of which merge ${mergeSeconds.toFixed(1)} s`,
        "partition\tworker\tattempts\tseconds\tsuspicions",
        ...report.partitions.map(
          (p) => `${p.partition}\t${p.worker}\t${p.attempts}\t${p.seconds.toFixed(1)}\t${p.suspicions}`
        ),
        "worker\tpartitions\tbusy s",
        ...report.perWorker.map((w) => `${w.worker}\t${w.partitions}\t${w.busySeconds.toFixed(1)}`),
        `workers' peak RSS MB: ${report.peakRssMb.join(", ")}`,
        ""
      ].join("\n")
    )
  }
} finally {
  clearInterval(sampler)
  // The workers stop gracefully (the partition under way, then the queue's connections) before the database goes.
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null || w.signalCode !== null) return resolve()
          const killer = setTimeout(() => w.kill("SIGKILL"), 60_000)
          const done = () => {
            clearTimeout(killer)
            resolve()
          }
          w.once("exit", done)
          w.once("error", done)
          w.kill("SIGTERM")
        })
    )
  )
  await queue.close()
  await database.close()
  throwaway?.stop()
}
