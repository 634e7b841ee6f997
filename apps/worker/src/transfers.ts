/**
 * The daily transfer pass (移送时限提醒): every transfer not yet closed has its deadlines recomputed, and
 * those the bureau must meet within a few days, or already past, are logged — the head's 3 days, the
 * 24-hour hand-over, a supplement asked for, the right to challenge a police no-file decision. The same
 * deadlines show on the transfer and in the ledger.
 */
import * as Application from "@fundguard/application"
import { listTransfers, repositoriesLayer, type Db } from "@fundguard/db"
import { maskForPublication } from "@fundguard/domain/credit"
import { addDays, WorkingCalendar, type IsoDate, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { reminderDays } from "./cases.js"
import type { Log } from "./nightly.js"

/** A deadline of the bureau's on a transfer that is close or past. */
export interface TransferReminder {
  readonly id: string
  readonly number: string | null
  readonly subject: string
  readonly label: string
  readonly dueOn: string
  readonly overdue: boolean
}

/** One pass at `now` (the bureau's date is taken from it). */
export const remindTransferDeadlines = async (
  db: Db,
  calendar: WorkingCalendarShape,
  now: Date,
  today: IsoDate,
  log: Log
): Promise<ReadonlyArray<TransferReminder>> => {
  const horizon = addDays(today, reminderDays)
  const reminders: Array<TransferReminder> = []
  const layer = Layer.mergeAll(repositoriesLayer(db), Layer.succeed(WorkingCalendar, calendar))
  for (const record of await listTransfers(db)) {
    const described = await Effect.runPromise(
      Application.Departments.describeTransfer(record, now).pipe(Effect.provide(layer))
    )
    if (described.status === "closed" || described.status === "rejected") continue
    for (const d of described.deadlines)
      if (d.by === "bureau" && (d.state === "open" || d.state === "overdue") && d.dueOn <= horizon)
        reminders.push({
          id: record.id,
          number: record.number,
          subject: record.subject,
          label: d.label,
          dueOn: d.dueAt ?? d.dueOn,
          overdue: d.state === "overdue"
        })
  }
  log(`transfers ${today}: ${reminders.length} deadline(s) of the bureau within ${reminderDays} days or past`)
  // The server log is no place for personal data: a person's ID or phone number in the party is masked.
  for (const r of reminders)
    log(
      `${r.overdue ? "OVERDUE" : "due"} ${r.dueOn}: ${r.number ?? "（未编号）"} ${maskForPublication(r.subject, [])} — ${r.label} (transfer ${r.id})`
    )
  return reminders
}
