#!/usr/bin/env node
// `pnpm start`: builds everything, migrates the embedded database, loads the demo county, then runs
// the API (which serves the admin UI) and the screening worker until Ctrl-C.
import { spawn, spawnSync } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const port = process.env.PORT ?? "3000"
const host = process.env.HOST ?? "127.0.0.1"
const env = {
  ...process.env,
  PORT: port,
  HOST: host,
  TURBO_TELEMETRY_DISABLED: "1",
  // The pre-settlement check's reference data: the demo extract's catalogue, pairs, register and deaths.
  FUNDGUARD_PRECHECK_REFERENCE:
    process.env.FUNDGUARD_PRECHECK_REFERENCE ?? join(root, "packages", "screening", "demo", "extract")
}
const say = (line) => process.stderr.write(`[fundguard] ${line}\n`)

const [major, minor] = process.versions.node.split(".").map(Number)
if (major < 20 || (major === 20 && minor < 19)) {
  say(`Node ${process.versions.node} is too old: FundGuard needs Node 20.19 or newer.`)
  process.exit(1)
}

const step = (title, command, args) => {
  say(title)
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" })
  if (result.status !== 0) {
    say(`${title} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status ?? 1)
  }
}

const cli = join(root, "packages/cli/dist/main.js")
step("building …", "pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only"])
step("migrating the database …", process.execPath, [cli, "db", "migrate"])
step("loading the demo county (奉节县) into an empty database …", process.execPath, [cli, "seed"])

const children = [
  // A larger young generation: the pre-settlement check's short-lived request objects die there instead of
  // being promoted, so the collector's pauses in the slowest answers shrink (docs/benchmarks.md).
  { name: "api", file: join(root, "apps/api/dist/server.js"), node: ["--max-semi-space-size=64"] },
  { name: "worker", file: join(root, "apps/worker/dist/main.js"), node: [] }
].map(({ name, file, node }) => {
  const child = spawn(process.execPath, [...node, file], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] })
  child.on("exit", (code, signal) => {
    if (!stopping) {
      say(`${name} stopped unexpectedly (${signal ?? `exit ${code}`}); shutting down.`)
      stop(1)
    }
  })
  return { name, child }
})

let stopping = false
const stop = (exitCode) => {
  if (stopping) return
  stopping = true
  say("stopping …")
  let running = children.filter(({ child }) => child.exitCode === null && child.signalCode === null)
  if (running.length === 0) process.exit(exitCode)
  for (const { child } of running) {
    child.once("exit", () => {
      running = running.filter((r) => r.child !== child)
      if (running.length === 0) {
        say("stopped.")
        process.exit(exitCode)
      }
    })
    child.kill("SIGTERM")
  }
  setTimeout(() => {
    for (const { child } of running) child.kill("SIGKILL")
    process.exit(exitCode)
  }, 10_000).unref()
}
process.on("SIGINT", () => stop(0))
process.on("SIGTERM", () => stop(0))

const url = `http://${host}:${port}`
const waitForHealth = async () => {
  for (let i = 0; i < 120 && !stopping; i++) {
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return false
}
if (await waitForHealth()) {
  const { demoUsers, demoPassword } = await import(join(root, "packages/demo/dist/users.js"))
  const lines = [
    "",
    `FundGuard 医保基金监管平台 is running: ${url}`,
    `  API docs: ${url}/api/docs`,
    "  Demo logins as first loaded (password for all: " + demoPassword + "; changed passwords stay changed):",
    ...demoUsers.map(
      (u) => `    ${u.username.padEnd(8)} ${u.displayName}（${u.role}${u.unitId === null ? "" : `, ${u.unitId}`}）`
    ),
    "Press Ctrl-C to stop.",
    ""
  ]
  process.stdout.write(lines.join("\n") + "\n")
} else if (!stopping) {
  say(`the API did not answer on ${url}/api/health`)
  stop(1)
}
