#!/usr/bin/env node
// `pnpm test`: every test of every package. Provisions what the suites need — a throwaway
// PostgreSQL on 127.0.0.1 and Debian's Chromium for the browser test — then runs `turbo run test`.
// Nothing is skipped: a missing prerequisite that cannot be installed stops the run with the one
// command to run.
import { spawn } from "node:child_process"
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { ensureChromium } from "./lib/chromium.mjs"
import { startThrowawayPostgres } from "./lib/postgres.mjs"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const say = (line) => process.stderr.write(`[test] ${line}\n`)

let chromium
let postgres
try {
  chromium = ensureChromium({ log: say })
  postgres = await startThrowawayPostgres({ log: say })
} catch (error) {
  say(error.message)
  postgres?.stop()
  process.exit(1)
}
say(`PostgreSQL on ${postgres.url}; Chromium at ${chromium}`)

const workspaces = ["apps", "packages"].flatMap((group) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, group, d.name))
)
const reportOf = (dir) => join(dir, "test-results", "vitest.json")
for (const dir of workspaces) rmSync(reportOf(dir), { force: true })

// Every package's Vitest JSON report, added up: the closing line CI reads.
const summarise = () => {
  let passed = 0
  let failed = 0
  let skipped = 0
  for (const dir of workspaces) {
    if (!existsSync(reportOf(dir))) continue
    const report = JSON.parse(readFileSync(reportOf(dir), "utf8"))
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += report.numPendingTests + report.numTodoTests
  }
  process.stdout.write(`\nTotal: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`)
}

const args = [
  "exec",
  "turbo",
  "run",
  "test",
  "--concurrency=2",
  "--output-logs=full",
  "--log-order=grouped",
  ...process.argv.slice(2)
]
const child = spawn("pnpm", args, {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    FUNDGUARD_TEST_PG_URL: postgres.url,
    CHROMIUM_PATH: chromium,
    TURBO_TELEMETRY_DISABLED: "1"
  }
})
const finish = (code) => {
  postgres.stop()
  summarise()
  process.exit(code)
}
process.on("SIGINT", () => child.kill("SIGINT"))
child.on("exit", (code, signal) => finish(code ?? (signal ? 130 : 1)))
