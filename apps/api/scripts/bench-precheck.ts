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
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseArgs } from "node:util"
import { writeSyntheticExtract } from "../../../packages/screening/scripts/synth-extract.js"
import { driveOpenLoop, machineInfo, percentile, send, startApiServer, tenth } from "./lib/openLoop.js"

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

const { server, base } = await startApiServer({
  databaseUrl: url,
  workDir: work,
  env: { FUNDGUARD_PRECHECK_REFERENCE: extractDir },
  cpuProfileDir: values["cpu-profile"]
})

const bodies = sized.map((r, i) => ({
  key: keys.get(r.input.data.patient_dtos[0]!.fsi_encounter_dtos[0]!.medins_id)!,
  body: JSON.stringify(r),
  lines: lineCounts[i]!
}))
let next = 0

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

/** What the errors were, for the report. */
const kinds = new Map<string, number>()

const drive = async (rate: number, durationSeconds: number): Promise<RunResult> => {
  const run = await driveOpenLoop({
    rate,
    seconds: durationSeconds,
    serverPid: server.pid!,
    next: () => {
      const { key, body, lines: claimLines } = bodies[next++ % bodies.length]!
      return {
        // The claims of 31–60 lines on their own: the target holds for claims up to 60 lines, not only on average.
        kind: claimLines > 30 ? "large" : "small",
        fire: async () => {
          const { status, text } = await send(`${base}/api/v1/precheck`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body
          })
          const answer = JSON.parse(text) as { infcode?: number; err_msg?: string }
          return status !== 200 || answer.infcode !== 0 ? { error: `${status} ${answer.err_msg ?? ""}` } : {}
        }
      }
    }
  })
  for (const [k, n] of run.errorKinds) kinds.set(k, (kinds.get(k) ?? 0) + n)
  const all = run.latencies.get("*")!
  const large = run.latencies.get("large") ?? []
  return {
    rate,
    seconds: durationSeconds,
    sent: run.sent,
    errors: run.errors,
    p50: tenth(percentile(all, 50)),
    p99: tenth(percentile(all, 99)),
    max: tenth(all.at(-1) ?? 0),
    lagP99: tenth(percentile(run.lags, 99)),
    largeSent: large.length,
    largeP99: tenth(percentile(large, 99)),
    rssStartMb: tenth(run.rss[0]!),
    rssEndMb: tenth(run.rss.at(-1)!),
    rssMaxMb: tenth(Math.max(...run.rss))
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
  ...machineInfo(),
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
