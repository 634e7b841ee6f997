/**
 * `pnpm bench:precheck [--lines 200000] [--seconds 15] [--rates 100,500,1000] [--soak-minutes 0] [--json]
 * [--cpu-profile DIR]`:
 * drives the pre-settlement check's HTTP door at fixed rates and reports latency and errors.
 *
 * 1. A synthetic extract (packages/screening/scripts/synth-extract.ts) is the reference data and the source
 *    of the claims: each visit with 1–60 lines becomes the 3102 request its institution would send
 *    (`extractRequests`), in time order, cycled.
 * 2. A fresh SQLite database gets the extract's institutions and one interface key each.
 * 3. The API runs in a child process (with the young-generation size `pnpm start` gives it); this process
 *    sends requests open-loop at a fixed rate — each at its scheduled time whether or not earlier ones have
 *    answered, latency measured from the scheduled time (no coordinated omission) — and samples the server's
 *    RSS every second.
 * 4. Per rate: p50, p99, max latency, errors (not HTTP 200 or infcode ≠ 0), and the server's memory at the
 *    start and end of the run; with `--soak-minutes M`, a run of M minutes at 500 requests/s for memory.
 */
import { createInstitutionClient, migrateDatabase, openDatabase, systemActor, upsertInstitutions } from "@fundguard/db"
import { extractRequests, importExtractScoped, readInstitutions } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { spawn } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { Agent, request } from "node:http"
import { cpus, loadavg, tmpdir, totalmem } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { writeSyntheticExtract } from "../../../packages/screening/scripts/synth-extract.js"

const { values } = parseArgs({
  options: {
    lines: { type: "string", default: "200000" },
    seconds: { type: "string", default: "15" },
    rates: { type: "string", default: "100,500,1000" },
    "soak-minutes": { type: "string", default: "0" },
    json: { type: "boolean", default: false },
    // An empty PostgreSQL database to run on instead of a fresh SQLite file.
    "database-url": { type: "string" },
    // Writes the server's CPU profile (.cpuprofile, for Chrome's DevTools) into this directory.
    "cpu-profile": { type: "string" }
  }
})
const lines = Number(values.lines)
const seconds = Number(values.seconds)
const rates = values.rates.split(",").map(Number)
const soakMinutes = Number(values["soak-minutes"])
const say = (s: string) => process.stderr.write(`${s}\n`)

const work = mkdtempSync(join(tmpdir(), "fundguard-bench-precheck-"))
const extractDir = join(work, "extract")
say(`synthetic extract of ${lines} lines …`)
await writeSyntheticExtract({ lines, dir: extractDir, seed: 11 })

const { requests, institutions } = await Effect.runPromise(
  Effect.scoped(
    Effect.gen(function* () {
      const handle = yield* importExtractScoped(extractDir)
      return { requests: yield* extractRequests(handle), institutions: yield* readInstitutions(handle) }
    })
  )
)
const sized = requests.filter((r) => {
  const n = r.input.data.patient_dtos[0]!.fsi_encounter_dtos[0]!.fsi_order_dtos.length
  return n >= 1 && n <= 60
})
const lineCounts = sized.map((r) => r.input.data.patient_dtos[0]!.fsi_encounter_dtos[0]!.fsi_order_dtos.length)
say(
  `${sized.length} requests of 1–60 lines (mean ${(lineCounts.reduce((a, b) => a + b, 0) / lineCounts.length).toFixed(1)} lines)`
)

const url = values["database-url"] ?? `file:${join(work, "bench.db")}`
await migrateDatabase(url)
const database = openDatabase(url)
await upsertInstitutions(database.db, systemActor("bench"), institutions)
const keys = new Map<string, string>()
for (const i of institutions)
  keys.set(
    i.code,
    (await createInstitutionClient(database.db, { institutionCode: i.code, name: i.name }, systemActor("bench"))).key
  )
await database.close()

const port = 30000 + Math.floor(Math.random() * 20000)
const profile = values["cpu-profile"] === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${values["cpu-profile"]}`]
const server = spawn(
  process.execPath,
  [...profile, "--max-semi-space-size=64", "--conditions=@fundguard/source", "--import", "tsx", "src/server.ts"],
  {
    cwd: join(import.meta.dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      FUNDGUARD_ADMIN_DIST: join(work, "no-ui"),
      FUNDGUARD_PRECHECK_REFERENCE: extractDir
    },
    stdio: ["ignore", "inherit", "inherit"]
  }
)
const base = `http://127.0.0.1:${port}`
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break
  } catch {
    if (i > 600) throw new Error("the API did not start")
  }
  await new Promise((r) => setTimeout(r, 100))
}

const rssMb = (): number => {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8")
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

const bodies = sized.map((r, i) => ({
  key: keys.get(r.input.data.patient_dtos[0]!.fsi_encounter_dtos[0]!.medins_id)!,
  body: JSON.stringify(r),
  lines: lineCounts[i]!
}))
let next = 0

// node:http with kept-alive connections: lighter on the shared CPU than fetch, so that the generator takes less
// of the two cores from the server it measures.
const agent = new Agent({ keepAlive: true, maxSockets: 256 })
const post = (key: string, body: string) =>
  new Promise<{ readonly status: number; readonly text: string }>((resolve, reject) => {
    const req = request(
      `${base}/api/v1/precheck`,
      {
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body)
        }
      },
      (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }))
        res.on("error", reject)
      }
    )
    req.on("error", reject)
    req.end(body)
  })

interface RunResult {
  readonly rate: number
  readonly seconds: number
  readonly sent: number
  readonly errors: number
  readonly p50: number
  readonly p99: number
  readonly max: number
  readonly lagP99: number
  readonly largeSent: number
  readonly largeP99: number
  readonly rssStartMb: number
  readonly rssEndMb: number
  readonly rssMaxMb: number
}

const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** What the errors were, for the report. */
const kinds = new Map<string, number>()

const drive = async (rate: number, durationSeconds: number): Promise<RunResult> => {
  const total = Math.round(rate * durationSeconds)
  const latencies: Array<number> = []
  // How late the generator itself sent each request (part of its latency, told apart in the report).
  const lags: Array<number> = []
  // The claims of 31–60 lines on their own: the target holds for claims up to 60 lines, not only on average.
  const largeLatencies: Array<number> = []
  let errors = 0
  const rss: Array<number> = [rssMb()]
  const sampler = setInterval(() => rss.push(rssMb()), 1000)
  const started = performance.now()
  const inFlight: Array<Promise<void>> = []
  let sent = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1)
      while (sent < due) {
        const scheduled = started + (sent / rate) * 1000
        lags.push(performance.now() - scheduled)
        const { key, body, lines: claimLines } = bodies[next++ % bodies.length]!
        sent++
        inFlight.push(
          post(key, body)
            .then(({ status, text }) => {
              const answer = JSON.parse(text) as { infcode?: number; err_msg?: string }
              if (status !== 200 || answer.infcode !== 0) {
                errors++
                const k = `${status} ${answer.err_msg ?? ""}`.slice(0, 120)
                kinds.set(k, (kinds.get(k) ?? 0) + 1)
              }
            })
            .catch((e: unknown) => {
              errors++
              const k = String((e as { code?: string }).code ?? e).slice(0, 120)
              kinds.set(k, (kinds.get(k) ?? 0) + 1)
            })
            .finally(() => {
              const latency = performance.now() - scheduled
              latencies.push(latency)
              if (claimLines > 30) largeLatencies.push(latency)
            })
        )
      }
      if (sent >= total) resolve()
      else setTimeout(tick, 2)
    }
    tick()
  })
  await Promise.all(inFlight)
  clearInterval(sampler)
  rss.push(rssMb())
  const sorted = [...latencies].sort((a, b) => a - b)
  const round = (x: number) => Math.round(x * 10) / 10
  return {
    rate,
    seconds: durationSeconds,
    sent,
    errors,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    lagP99: round(
      percentile(
        [...lags].sort((a, b) => a - b),
        99
      )
    ),
    largeSent: largeLatencies.length,
    largeP99: round(
      percentile(
        [...largeLatencies].sort((a, b) => a - b),
        99
      )
    ),
    rssStartMb: round(rss[0]!),
    rssEndMb: round(rss.at(-1)!),
    rssMaxMb: round(Math.max(...rss))
  }
}

const results: Array<RunResult> = []
try {
  say("warm-up: 5 s at 50 requests/s …")
  await drive(50, 5)
  for (const rate of rates) {
    say(`${rate} requests/s for ${seconds} s …`)
    results.push(await drive(rate, seconds))
  }
  if (soakMinutes > 0) {
    say(`soak: 500 requests/s for ${soakMinutes} min …`)
    results.push(await drive(500, soakMinutes * 60))
  }
} finally {
  // A clean stop: the server writes what it has queued before its database is removed.
  const exited = new Promise((resolve) => server.once("exit", resolve))
  server.kill("SIGTERM")
  await exited
}

const machine = {
  date: new Date().toISOString(),
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  load: loadavg()
    .map((l) => l.toFixed(2))
    .join(" "),
  node: process.version,
  requests: sized.length,
  meanLines: Math.round((lineCounts.reduce((a, b) => a + b, 0) / lineCounts.length) * 10) / 10
}
if (kinds.size > 0) say(`errors: ${JSON.stringify(Object.fromEntries(kinds))}`)
if (values.json) process.stdout.write(`${JSON.stringify({ machine, results }, null, 2)}\n`)
else {
  process.stdout.write(
    `pre-settlement check, HTTP door — ${machine.date}, ${machine.cpus}, ${machine.memoryGb} GB, node ${machine.node}\n`
  )
  process.stdout.write(
    `claims: ${machine.requests} requests of 1–60 lines (mean ${machine.meanLines}), synthetic extract of ${lines} lines\n`
  )
  process.stdout.write(
    "rate/s\tseconds\tsent\terrors\tp50 ms\tp99 ms\tmax ms\tsend lag p99 ms\t31–60 lines: n, p99 ms\tRSS start→end (max) MB\n"
  )
  for (const r of results)
    process.stdout.write(
      `${r.rate}\t${r.seconds}\t${r.sent}\t${r.errors}\t${r.p50}\t${r.p99}\t${r.max}\t${r.lagP99}\t${r.largeSent}, ${r.largeP99}\t${r.rssStartMb}→${r.rssEndMb} (${r.rssMaxMb})\n`
    )
}
rmSync(work, { recursive: true, force: true })
process.exit(0)
