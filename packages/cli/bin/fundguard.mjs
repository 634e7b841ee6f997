#!/usr/bin/env node
// `pnpm fundguard <command>` (pnpm runs this bin of the root's @fundguard/cli dependency): runs the CLI
// from its TypeScript sources (tsx), so it is always current without a build. Standard streams and
// the exit code pass straight through.
//
// The CLI runs in a child process; it must never outlive this one. Signals are forwarded; the child
// holds an IPC channel to us and exits when it closes (we were killed, even with SIGKILL); and we
// watch our own parent (pnpm), so that killing `pnpm fundguard` ends the whole chain.
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const cli = join(dirname(fileURLToPath(import.meta.url)), "..")
const tsx = pathToFileURL(createRequire(join(cli, "package.json")).resolve("tsx")).href
const child = spawn(
  process.execPath,
  ["--conditions=@fundguard/source", "--import", tsx, join(cli, "src/main.ts"), ...process.argv.slice(2)],
  { stdio: ["inherit", "inherit", "inherit", "ipc"] }
)
// The channel is only a lifeline: it must not keep this process alive (the child itself does).
child.channel?.unref()
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal))
const parent = process.ppid
const watch = setInterval(() => {
  if (process.ppid !== parent) {
    child.kill("SIGTERM")
    process.exit(129)
  }
}, 500)
watch.unref()
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)))
