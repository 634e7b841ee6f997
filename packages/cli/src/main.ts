/**
 * `pnpm fundguard <command>`: FundGuard's command-line interface.
 */
import { Problem } from "@fundguard/contracts"
import { CliFailure, ExitCode, note, type Command } from "./cli.js"
import { auditCommand } from "./commands/audit.js"
import { dbCommand } from "./commands/db.js"
import { drawCommand } from "./commands/draw.js"
import { checklistCommand, deadlinesCommand } from "./commands/enforcement.js"
import { dutiesCommand } from "./commands/duties.js"
import { penaltyCommand } from "./commands/penalty.js"
import { precheckCommand } from "./commands/precheck.js"
import { sampleCommand } from "./commands/sample.js"
import { provinceCommand } from "./commands/province.js"
import { screenCommand } from "./commands/screen.js"
import { seedCommand } from "./commands/seed.js"
import { usersCommand } from "./commands/users.js"

const commands: ReadonlyArray<Command> = [
  penaltyCommand,
  screenCommand,
  provinceCommand,
  precheckCommand,
  dbCommand,
  seedCommand,
  dutiesCommand,
  usersCommand,
  auditCommand,
  drawCommand,
  sampleCommand,
  checklistCommand,
  deadlinesCommand
]

const usage = `FundGuard 医保基金监管平台 — command line

Usage: pnpm fundguard <command> [options]

Commands:
${commands.map((c) => `  ${c.summary}`).join("\n")}

Run \`pnpm fundguard <command> --help\` for a command's options.`

// Started by bin/fundguard.mjs with an IPC channel: when it closes, the launcher is gone (killed,
// even with SIGKILL), and this process must not run on by itself. The channel must not keep it alive.
if (process.channel !== undefined) {
  process.channel.unref()
  process.on("disconnect", () => {
    note("the launching process is gone: stopping")
    process.exit(130)
  })
}

const main = async (argv: ReadonlyArray<string>): Promise<number> => {
  const [name, ...rest] = argv
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage}\n`)
    return name === undefined ? ExitCode.invalid : ExitCode.ok
  }
  const command = commands.find((c) => c.name === name)
  if (command === undefined) throw new CliFailure(`unknown command "${name}"\n\n${usage}`, ExitCode.invalid)
  return command.run(rest)
}

try {
  process.exitCode = await main(process.argv.slice(2))
} catch (error) {
  if (error instanceof CliFailure) {
    note(error.message)
    process.exitCode = error.exitCode
  } else if (Problem.isProblemTag((error as { _tag?: unknown } | null)?._tag)) {
    // The API's error model: the same tag, the same Chinese title, an exit code instead of a status.
    const tag = (error as { _tag: Problem.ProblemTag })._tag
    const type = Problem.problemTypes[tag]
    const problems = (error as { problems?: ReadonlyArray<{ path: string; message: string }> }).problems ?? []
    note([`${type.title}：${(error as Error).message}`, ...problems.map((p) => `  ${p.path}: ${p.message}`)].join("\n"))
    process.exitCode = type.exit
  } else if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    note(`${error.message}\n\nRun \`pnpm fundguard --help\`.`)
    process.exitCode = ExitCode.invalid
  } else {
    note(`unexpected error: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = ExitCode.failure
  }
}
