/**
 * The daily case pass (案件时限提醒): recomputes every running case's next deadline and logs the
 * cases whose next deadline the bureau must meet is within a few days or already past, so that
 * nothing passes unseen; the same dates show in the case list and on 今日待办.
 */
import * as Application from "@fundguard/application"
import { repositoriesLayer, type Db } from "@fundguard/db"
import { BureauClock, WorkingCalendar, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Log } from "./nightly.js"

/** How many days ahead a deadline is announced. */
export const reminderDays = 3

/** One pass for `today` (yyyy-MM-dd, China Standard Time). */
export const remindCaseDeadlines = async (
  db: Db,
  calendar: WorkingCalendarShape,
  today: string,
  log: Log
): Promise<{ readonly checked: number; readonly reminders: ReadonlyArray<Application.Enforcement.CaseReminder> }> => {
  const report = await Effect.runPromise(
    Application.Enforcement.refreshCaseDeadlines({ withinDays: reminderDays }).pipe(
      Effect.provide(
        Layer.mergeAll(repositoriesLayer(db), Layer.succeed(WorkingCalendar, calendar), BureauClock.fixed(today))
      )
    )
  )
  log(
    `cases ${today}: ${report.checked} running, ${report.reminders.length} with a deadline within ${reminderDays} days or past`
  )
  for (const r of report.reminders)
    log(
      `${r.overdue ? "OVERDUE" : "due"} ${r.dueOn}: ${r.number ?? "（未立案）"} ${r.institution} — ${r.step} (case ${r.id})`
    )
  return report
}

/**
 * The rectification orders past their deadline without a report (逾期未报): each is escalated
 * (升级督办) once — marked with the day and audited — and logged; the 整改 list shows them in red.
 */
export const escalateRectifications = async (db: Db, today: string, log: Log): Promise<ReadonlyArray<string>> => {
  const escalated = await Effect.runPromise(
    Application.Enforcement.escalateOverdueRectifications({ actor: { id: null, name: "worker", ip: null } }).pipe(
      Effect.provide(Layer.mergeAll(repositoriesLayer(db), BureauClock.fixed(today)))
    )
  )
  for (const r of escalated)
    log(
      `ESCALATE rectification ${r.id}: ${r.institution} 逾期未报送整改报告 (due ${r.dueOn}): ${r.problems.slice(0, 80)}`
    )
  return escalated.map((r) => r.id)
}
