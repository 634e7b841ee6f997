/**
 * Command-line plumbing: a command is a name, a one-line summary, its help text and a function from
 * arguments to an exit code. Expected failures are `CliFailure`s (message, exit code) — never stack
 * traces.
 */
import { readFileSync } from "node:fs"

/** Exit codes: 0 ok, 1 failure, 2 invalid input or usage. */
export const ExitCode = { ok: 0, failure: 1, invalid: 2 } as const

/** An expected failure: printed as its message on stderr, with this exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.failure
  ) {
    super(message)
    this.name = "CliFailure"
  }
}

/** One command of the CLI. */
export interface Command {
  readonly name: string
  readonly summary: string
  readonly help: string
  run(args: ReadonlyArray<string>): Promise<number>
}

/** Reads a file, or standard input when `path` is undefined or "-". */
export const readInput = (path: string | undefined): string => {
  try {
    return readFileSync(path === undefined || path === "-" ? 0 : path, "utf8")
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliFailure(
      code === "ENOENT"
        ? `cannot read ${path}: no such file`
        : `cannot read ${path ?? "standard input"}: ${code ?? String(error)}`,
      ExitCode.invalid
    )
  }
}

/** Parses JSON, failing with the source's name and the parser's position on error. */
export const parseJson = (text: string, source: string): unknown => {
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new CliFailure(`${source} is not valid JSON: ${(error as Error).message}`, ExitCode.invalid)
  }
}

/** Writes a line to stderr (progress, summaries, problems); stdout carries results only. */
export const note = (line: string): void => void process.stderr.write(`${line}\n`)
