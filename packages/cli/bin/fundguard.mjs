#!/usr/bin/env node
// `pnpm fundguard <command>` (pnpm runs this bin of the root's @fundguard/cli dependency): runs the CLI from its TypeScript sources (tsx), so it is always
// current without a build. Standard streams and the exit code pass straight through.
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const cli = join(dirname(fileURLToPath(import.meta.url)), "..")
const tsx = pathToFileURL(createRequire(join(cli, "package.json")).resolve("tsx")).href
const child = spawn(
  process.execPath,
  ["--conditions=@fundguard/source", "--import", tsx, join(cli, "src/main.ts"), ...process.argv.slice(2)],
  { stdio: "inherit" }
)
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal))
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)))
