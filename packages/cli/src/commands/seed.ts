import {
  databaseRunRecorder,
  databaseUrl,
  evidenceDirFor,
  hasUsers,
  migrateDatabase,
  openDatabase,
  redactUrl,
  repoRoot,
  systemActor
} from "@fundguard/db"
import {
  demoPassword,
  demoUsers,
  seedComplaintsDemo,
  seedCreditDemo,
  seedDemo,
  seedEnforcementDemo,
  seedResponsibilitiesDemo,
  seedTransfersDemo
} from "@fundguard/demo"
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { bureauDate } from "@fundguard/domain/kernel"
import { demoExtractDir, importExtract, readInstitutions, screenAndRecord } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { mkdirSync } from "node:fs"
import { join, resolve } from "node:path"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, type Command } from "../cli.js"

const help = `Usage: pnpm fundguard seed [--extract DIR]

Loads the demo county (奉节县, 500235) into an EMPTY database: one user per role, the institutions of
the demo claims extract, the organisation and duties, and a screening run over it (suspicions
written to data/screening/demo/). A database that already has users is left exactly as it is —
nothing a user changed (passwords, the organisation, reviews) is ever reset — and the command says so.

Options:
  -e, --extract DIR   use another extract's institutions and claims (default: the demo extract)
  -h, --help          show this help`

/** `seed`. */
export const seedCommand: Command = {
  name: "seed",
  summary: "seed — load the demo county: users, institutions, a screening run",
  help,
  run: async (args) => {
    const { values } = parseArgs({
      args: [...args],
      options: { extract: { type: "string", short: "e" }, help: { type: "boolean", short: "h", default: false } }
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    const url = databaseUrl()
    await migrateDatabase(url)
    const existing = openDatabase(url)
    try {
      if (await hasUsers(existing.db)) {
        note(
          `${redactUrl(url)} already holds data: the demo county is loaded only into an empty database; nothing changed.`
        )
        return ExitCode.ok
      }
    } finally {
      await existing.close()
    }
    const extractDir = values.extract === undefined ? demoExtractDir : resolve(values.extract)
    // One import serves both the institution register and the screening run.
    const imported = await Effect.runPromise(
      Effect.either(
        Effect.flatMap(importExtract(extractDir), (extract) =>
          Effect.map(readInstitutions(extract), (institutions) => ({ extract, institutions })).pipe(
            Effect.tapError(() => Effect.sync(extract.close))
          )
        )
      )
    )
    if (imported._tag === "Left") throw new CliFailure(imported.left.message, ExitCode.invalid)
    const { extract, institutions } = imported.right

    const database = openDatabase(url)
    try {
      const actor = systemActor("seed")
      const seeded = await seedDemo(database.db, actor, { institutions })
      const outDir = join(repoRoot(), "data", "screening", "demo")
      mkdirSync(outDir, { recursive: true })
      const screened = await Effect.runPromise(
        Effect.either(
          screenAndRecord(
            { extractDir, extract, outFile: join(outDir, "suspicions.jsonl"), trigger: "seed" },
            databaseRunRecorder(database.db, actor)
          )
        )
      )
      if (screened._tag === "Left") throw new CliFailure(screened.left.message)
      // Responsibilities (docs/domain/responsibilities.md): organisation, duties, this year's tasks.
      const demoOptions = {
        calendar: chineseWorkingCalendar(),
        today: bureauDate(new Date()),
        evidenceDir: evidenceDirFor(url)
      }
      const duties = await seedResponsibilitiesDemo(database.db, actor, demoOptions)
      // Enforcement (docs/domain/procedure.md): leads confirmed for 立案, a filed complaint case.
      const enforcement = await seedEnforcementDemo(database.db, demoOptions)
      note(
        `enforcement: ${enforcement.confirmedLeads} leads confirmed for 立案 (案件办理 proposes them), ${enforcement.caseId === null ? "no" : "one"} filed complaint case`
      )
      // Credit and points (docs/domain/credit.md): two decided cases, staff scored, a notice, a publication.
      const credit = await seedCreditDemo(database.db, demoOptions)
      note(`credit: ${credit.practitioners} practitioners scored on ${credit.cases.length} decided cases (信用与记分)`)
      // Complaints and tips (docs/domain/complaints.md): three complaints, one opened as a case.
      const complaints = await seedComplaintsDemo(database.db, demoOptions)
      note(
        `complaints: ${complaints.complaints} complaints (举报投诉), ${complaints.caseId === null ? "none" : "one"} opened as a case`
      )
      // Transfers (docs/domain/transfers.md): to the health commission, from it, to the police.
      const transfers = await seedTransfersDemo(database.db, demoOptions)
      note(`transfers: ${transfers.transfers} transfers with other departments (部门移送; 卫健委 inbox: weijian)`)
      note(
        `responsibilities: ${duties.units} units, ${duties.duties} new duties, ${duties.tasks.created} new tasks, ${duties.completions} completions`
      )
      note(
        `seeded ${redactUrl(url)}: ${seeded.users.length} users, ${institutions.length} institutions (${seeded.institutions.created} new), ${screened.right.result.suspicions.length} suspicions (${screened.right.created} new)`
      )
      note(`demo logins (password ${demoPassword}): ${demoUsers.map((u) => `${u.username} (${u.role})`).join(", ")}`)
      return ExitCode.ok
    } finally {
      extract.close()
      await database.close()
    }
  }
}
