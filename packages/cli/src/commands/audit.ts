import * as Application from "@fundguard/application"
import { Audit } from "@fundguard/contracts"
import { databaseUrl, openDatabase, redactUrl } from "@fundguard/db"
import * as Schema from "effect/Schema"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, type Command } from "../cli.js"
import { runUseCase } from "../runtime.js"

const help = `Usage: pnpm fundguard audit verify [--json]

Recomputes the audit log's hash chain (执法全过程记录) from the first entry to the last: every
entry's hash over its own content and the previous entry's hash, and the chain head. Prints the
number of entries and the head (sequence number and hash) to compare with a printed copy, e.g. the
monthly ledger. Exit 0 when the chain is whole; exit 1 naming the first entry that does not fit
(changed, removed, inserted or reordered entries).

Options:
  --json       print the result as JSON (the API's AuditVerification)
  -h, --help   show this help`

/** `audit verify`. */
export const auditCommand: Command = {
  name: "audit",
  summary: "audit verify — check the audit log's hash chain, naming the first broken entry",
  help,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
      allowPositionals: true
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (positionals[0] !== "verify" || positionals.length > 1) throw new CliFailure(help, ExitCode.invalid)
    // Accounts and the log live in a database that is already in use: no migration here (`db migrate`).
    const url = databaseUrl()
    const database = openDatabase(url)
    try {
      const result = await runUseCase(database.db, Application.Access.verifyAuditLog())
      const body: Audit.AuditVerification = result.ok
        ? { ok: true, entries: result.entries, head: result.head, broken: null }
        : { ok: false, entries: result.entries, head: null, broken: result.broken }
      if (values.json) process.stdout.write(`${JSON.stringify(Schema.encodeSync(Audit.AuditVerification)(body))}\n`)
      if (result.ok) {
        note(
          `audit chain of ${redactUrl(url)} is whole: ${result.entries} entries, head #${result.head.seq} ${result.head.hash}`
        )
        return ExitCode.ok
      }
      const b = result.broken
      note(
        `audit chain of ${redactUrl(url)} is BROKEN at ${b.seq === null ? "the head" : `entry #${b.seq}`}${b.id === null ? "" : ` (id ${b.id})`}: ${b.message} [${b.reason}]; ${result.entries} entries before it verified`
      )
      return ExitCode.failure
    } finally {
      await database.close()
    }
  }
}
