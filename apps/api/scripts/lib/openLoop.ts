/**
 * An open-loop load generator for the API's benchmarks: requests are sent at a fixed rate, each at its
 * scheduled time whether or not earlier ones have answered, and latency is measured from the scheduled time
 * (no coordinated omission). node:http with kept-alive connections: lighter on the shared CPU than fetch, so
 * that the generator takes less of the two cores from the server it measures.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { readFileSync } from "node:fs"
import { Agent, request } from "node:http"
import { join } from "node:path"
// @ts-expect-error -- a plain ES module of the repository's scripts, without types
import { machineInfo as machine } from "../../../../scripts/lib/machine.mjs"

/** An HTTP answer as the benchmarks read it. */
export interface Answer {
  readonly status: number
  readonly text: string
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 })

/** One HTTP request on the generator's kept-alive connections. */
export const send = (
  url: string,
  options: { readonly method?: string; readonly headers?: Record<string, string>; readonly body?: string } = {}
) =>
  new Promise<Answer>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...options.headers }
    if (options.body !== undefined) headers["content-length"] = Buffer.byteLength(options.body)
    const req = request(url, { method: options.method ?? "GET", agent, headers }, (res) => {
      const chunks: Array<Buffer> = []
      res.on("data", (c: Buffer) => chunks.push(c))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }))
      res.on("error", reject)
    })
    req.on("error", reject)
    req.end(options.body)
  })

/** The p-th percentile of sorted numbers (nearest rank). */
export const percentile = (sorted: ReadonlyArray<number>, p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!

/** Rounds to 0.1. */
export const tenth = (x: number) => Math.round(x * 10) / 10

/** The resident memory of a process, in MB (Linux). */
export const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8")
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** A request the generator sends: its kind (reported apart) and how to send it; `error` names a failure. */
export interface Shot {
  readonly kind: string
  readonly fire: () => Promise<{ readonly error?: string }>
}

/** What one open-loop run measured. */
export interface OpenLoopRun {
  readonly sent: number
  readonly errors: number
  /** Latencies in ms from each request's scheduled time, by kind and in all ("*"). */
  readonly latencies: ReadonlyMap<string, ReadonlyArray<number>>
  /** How late the generator itself sent each request (part of its latency, told apart in reports). */
  readonly lags: ReadonlyArray<number>
  /** Error kinds and how often. */
  readonly errorKinds: ReadonlyMap<string, number>
  /** The server's RSS sampled every second (MB), when a pid was given. */
  readonly rss: ReadonlyArray<number>
}

/** Sends `rate` requests a second for `seconds`, the next one from `next()` each time. */
export const driveOpenLoop = async (options: {
  readonly rate: number
  readonly seconds: number
  readonly next: () => Shot
  readonly serverPid?: number
}): Promise<OpenLoopRun> => {
  const { rate } = options
  const total = Math.round(rate * options.seconds)
  const latencies = new Map<string, Array<number>>([["*", []]])
  const lags: Array<number> = []
  const errorKinds = new Map<string, number>()
  let errors = 0
  const rss: Array<number> = []
  const sample = () => {
    if (options.serverPid !== undefined) rss.push(rssMb(options.serverPid))
  }
  sample()
  const sampler = setInterval(sample, 1000)
  const failed = (kind: string) => {
    errors++
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1)
  }
  const started = performance.now()
  const inFlight: Array<Promise<void>> = []
  let sent = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1)
      while (sent < due) {
        const scheduled = started + (sent / rate) * 1000
        lags.push(performance.now() - scheduled)
        const shot = options.next()
        sent++
        inFlight.push(
          shot
            .fire()
            .then(({ error }) => {
              if (error !== undefined) failed(error.slice(0, 120))
            })
            .catch((e: unknown) => failed(String((e as { code?: string }).code ?? e).slice(0, 120)))
            .finally(() => {
              const latency = performance.now() - scheduled
              latencies.get("*")!.push(latency)
              const mine = latencies.get(shot.kind) ?? []
              mine.push(latency)
              latencies.set(shot.kind, mine)
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
  sample()
  for (const list of latencies.values()) list.sort((a, b) => a - b)
  return { sent, errors, latencies, lags: [...lags].sort((a, b) => a - b), errorKinds, rss }
}

/** Waits until the API answers its health check. */
export const waitForApi = async (base: string) => {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return
    } catch {
      if (i > 600) throw new Error("the API did not start")
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * Starts the API from the sources in a child process, as in development, with the young-generation size
 * `pnpm start` gives it, on a random port of 127.0.0.1; waits until it answers. `cpuProfileDir` writes its CPU
 * profile there when it stops.
 */
export const startApiServer = async (options: {
  readonly databaseUrl: string
  readonly workDir: string
  readonly env?: Record<string, string>
  readonly cpuProfileDir?: string | undefined
}): Promise<{ readonly server: ChildProcess; readonly base: string }> => {
  const port = 30000 + Math.floor(Math.random() * 20000)
  const profile = options.cpuProfileDir === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`]
  const server = spawn(
    process.execPath,
    [...profile, "--max-semi-space-size=64", "--conditions=@fundguard/source", "--import", "tsx", "src/server.ts"],
    {
      cwd: join(import.meta.dirname, "..", ".."),
      env: {
        ...process.env,
        DATABASE_URL: options.databaseUrl,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        FUNDGUARD_ADMIN_DIST: join(options.workDir, "no-ui"),
        ...options.env
      },
      stdio: ["ignore", "inherit", "inherit"]
    }
  )
  const base = `http://127.0.0.1:${port}`
  await waitForApi(base)
  return { server, base }
}

/** The machine a benchmark ran on, for its report: when, the processors, memory, load and Node. */
export const machineInfo = machine as () => {
  readonly date: string
  readonly cpus: string
  readonly memoryGb: number
  readonly load: string
  readonly node: string
}
