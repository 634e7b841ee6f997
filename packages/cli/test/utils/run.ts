import { spawn } from "node:child_process"
import { join } from "node:path"

/** The CLI's bin, run as `pnpm fundguard` runs it. */
export const bin = join(import.meta.dirname, "..", "..", "bin", "fundguard.mjs")

/** What a CLI run printed and how it exited. */
export interface CliRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs `pnpm fundguard …` as a child process without blocking the test worker (a synchronous spawn
 * of a long seed would starve Vitest's own messaging), feeding `input` on stdin.
 */
export const runCli = (
  args: ReadonlyArray<string>,
  options: {
    readonly input?: string
    readonly env?: Readonly<Record<string, string>>
    readonly timeoutMs?: number
  } = {}
): Promise<CliRun> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ["pipe", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d))
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d))
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 170_000)
    child.on("error", reject)
    child.on("close", (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.input ?? "")
  })
