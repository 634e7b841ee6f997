import { databaseRunRecorder, databaseUrl, migrateDatabase, openDatabase, systemActor } from "@fundguard/db"
import { defaultMemoryLimit, isMemoryLimit, screenAndRecord } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { existsSync, mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, parseJson, readInput, type Command } from "../cli.js"
import { screeningProgress } from "../progress.js"

const help = `Usage: pnpm fundguard screen --extract DIR --out FILE [--params FILE] [--rules CODES] [--memory-limit SIZE]

Screens a claims extract (shared/spec/claims-extract.md): imports it into DuckDB, runs the rules of
shared/spec/screening-rules.md, writes one suspicion per line to FILE (JSONL) and records the run and
its suspicions in the database (DATABASE_URL, default data/fundguard.db). Rerunning the same extract
files no duplicate suspicions. Progress goes to stderr: a bar and a line per rule on a terminal,
plain lines otherwise.

Options:
  -e, --extract DIR    the extract directory (required)
  -o, --out FILE       where to write suspicions.jsonl (required)
  -p, --params FILE    rule parameters as JSON, keyed by rule code, merged over the defaults;
                       without it, the parameters of the extract's region apply (its manifest's
                       admdvs: packages/screening/params/<admdvs>.json, e.g. 500235.json), as the
                       worker applies them
  -r, --rules CODES    comma-separated rule codes to run (default: all)
  -m, --memory-limit SIZE
                       DuckDB's memory limit (default ${defaultMemoryLimit}): beyond it DuckDB spills to a
                       temporary directory instead of growing
  -h, --help           show this help
Exit codes: 0 done, 2 invalid extract/parameters/options, 1 other failure.`

const invalidTags = new Set(["ExtractInvalid", "ScreeningConfigInvalid"])

/** `screen`. */
export const screenCommand: Command = {
  name: "screen",
  summary: "screen --extract DIR --out FILE — screen a claims extract and file its suspicions",
  help,
  run: async (args) => {
    const { values } = parseArgs({
      args: [...args],
      options: {
        extract: { type: "string", short: "e" },
        out: { type: "string", short: "o" },
        params: { type: "string", short: "p" },
        rules: { type: "string", short: "r" },
        "memory-limit": { type: "string", short: "m" },
        help: { type: "boolean", short: "h", default: false }
      }
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (values.extract === undefined || values.out === undefined) {
      throw new CliFailure(`--extract and --out are required\n\n${help}`, ExitCode.invalid)
    }
    const extractDir = resolve(values.extract)
    if (!existsSync(extractDir))
      throw new CliFailure(`--extract ${values.extract}: no such directory`, ExitCode.invalid)
    const params = values.params === undefined ? undefined : parseJson(readInput(values.params), values.params)
    const rules = values.rules
      ?.split(",")
      .map((r) => r.trim())
      .filter((r) => r !== "")
    const memoryLimit = values["memory-limit"]
    if (memoryLimit !== undefined && !isMemoryLimit(memoryLimit))
      throw new CliFailure(`--memory-limit ${memoryLimit}: 应为内存大小，如 3GB 或 512MB`, ExitCode.invalid)
    const outFile = resolve(values.out)
    mkdirSync(dirname(outFile), { recursive: true })

    const url = databaseUrl()
    await migrateDatabase(url)
    const database = openDatabase(url)
    try {
      const started = Date.now()
      const outcome = await Effect.runPromise(
        Effect.either(
          screenAndRecord(
            {
              extractDir,
              outFile,
              trigger: "cli",
              onProgress: screeningProgress(),
              ...(params === undefined ? {} : { params }),
              ...(rules === undefined ? {} : { rules }),
              ...(memoryLimit === undefined ? {} : { importOptions: { duckdb: { memory_limit: memoryLimit.trim() } } })
            },
            databaseRunRecorder(database.db, systemActor("cli"))
          )
        )
      )
      if (outcome._tag === "Left") {
        const error = outcome.left
        throw new CliFailure(error.message, invalidTags.has(error._tag) ? ExitCode.invalid : ExitCode.failure)
      }
      // Each rule's line was written as it finished (progress.ts).
      const { result, runId, created } = outcome.right
      note(
        `${result.suspicions.length} suspicions (${created} new), ${result.totals.amount.toFixed(2)} yuan, in ${Date.now() - started} ms → ${outFile} (run ${runId})`
      )
      return ExitCode.ok
    } finally {
      await database.close()
    }
  }
}
