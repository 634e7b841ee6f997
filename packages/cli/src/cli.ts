/**
 * Command-line plumbing: a command is a name, a one-line summary, its help text and a function from
 * arguments to an exit code. Expected failures are `CliFailure`s (message, exit code) — never stack
 * traces.
 */
import { randomBytes } from "node:crypto"
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

/** A whole number of at least 1 given for `option`, or exit 2 naming it. */
export const positiveInteger = (value: string | undefined, option: string): number => {
  if (value === undefined || !/^[0-9]{1,9}$/.test(value) || Number(value) < 1)
    throw new CliFailure(`${option}: 须为正整数`, ExitCode.invalid)
  return Number(value)
}

/**
 * The seed of a draw or a sample: the text given (1–200 characters), or a fresh random one — which
 * the command prints, so that the result can be published and drawn again.
 */
export const seedOption = (value: string | undefined): string => {
  if (value === undefined) return randomBytes(12).toString("hex")
  if (value === "" || value.length > 200) throw new CliFailure("--seed: 须为 1 至 200 个字符", ExitCode.invalid)
  return value
}
