import { assessPenalty } from "@fundguard/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, parseJson, readInput, type Command } from "../cli.js"

const help = `Usage: pnpm fundguard penalty assess [--input case.json] [--pretty]

Assesses the lawful penalty for a case (shared/spec/penalty-assessment.md): reads the case as JSON
from --input or standard input and prints the result as JSON on standard output.
Invalid input exits with code 2 and prints every problem with its JSON path on standard error.

Options:
  -i, --input FILE   read the case from FILE instead of standard input
      --pretty       indent the JSON output
  -h, --help         show this help`

/** `penalty assess`. */
export const penaltyCommand: Command = {
  name: "penalty",
  summary: "penalty assess — assess the lawful penalty for a case (JSON in, JSON out)",
  help,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        input: { type: "string", short: "i" },
        pretty: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      },
      allowPositionals: true
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (positionals[0] !== "assess" || positionals.length > 1) throw new CliFailure(help, ExitCode.invalid)
    const source = values.input ?? "standard input"
    const input = parseJson(readInput(values.input), source)
    const exit = await Effect.runPromiseExit(assessPenalty(input))
    if (Exit.isSuccess(exit)) {
      process.stdout.write(`${JSON.stringify(exit.value, null, values.pretty ? 2 : undefined)}\n`)
      return ExitCode.ok
    }
    const error = Cause.squash(exit.cause) as {
      _tag?: string
      problems?: ReadonlyArray<{ path: string; message: string }>
    }
    if (error._tag === "InvalidAssessmentInput" && error.problems !== undefined) {
      note(`${source}: invalid case (${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}):`)
      for (const p of error.problems) note(`  ${p.path}: ${p.message}`)
      return ExitCode.invalid
    }
    if (error._tag === "ViolationNotAssessable") {
      note(`${source}: ${(error as Error).message}`)
      return ExitCode.invalid
    }
    throw error
  }
}
