import { databaseUrl, migrateDatabase, MigrationFailed, redactUrl } from "@fundguard/db"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, type Command } from "../cli.js"

const help = `Usage: pnpm fundguard db migrate

Applies the committed migrations to the configured database: DATABASE_URL (file:… for SQLite,
postgresql://… for PostgreSQL), or the embedded SQLite file data/fundguard.db by default.`

/** `db migrate`. */
export const dbCommand: Command = {
  name: "db",
  summary: "db migrate — apply migrations to the configured database",
  help,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (positionals[0] !== "migrate" || positionals.length > 1) throw new CliFailure(help, ExitCode.invalid)
    const url = databaseUrl()
    try {
      await migrateDatabase(url)
    } catch (error) {
      if (error instanceof MigrationFailed) throw new CliFailure(error.message)
      throw error
    }
    note(`migrated ${redactUrl(url)}`)
    return ExitCode.ok
  }
}
