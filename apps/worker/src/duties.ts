/**
 * The daily duty pass: generates every unit's tasks for the periods that have begun, from the duties
 * in force (idempotent — a task exists once per duty, unit, object and period), catching up the last
 * days in case the worker was down, and says loudly when deadlines are provisional because the
 * holiday data does not cover their year.
 */
import * as Application from "@fundguard/application"
import { repositoriesLayer, type Db } from "@fundguard/db"
import { addDays, covers, isoDate, WorkingCalendar, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import { type GenerationReport } from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Log } from "./nightly.js"

/** One pass for `today` (yyyy-MM-dd, China Standard Time). */
export const generateDailyTasks = async (
  db: Db,
  calendar: WorkingCalendarShape,
  today: string,
  catchUpDays: number,
  log: Log
): Promise<GenerationReport> => {
  const from = addDays(isoDate(today), -catchUpDays)
  // The same use case the API's "generate" and `pnpm fundguard duties generate` run.
  const report = await Effect.runPromise(
    Application.Responsibilities.generateTasks({
      from,
      through: isoDate(today),
      actor: { id: null, name: "worker", ip: null }
    }).pipe(Effect.provide(Layer.mergeAll(repositoriesLayer(db), Layer.succeed(WorkingCalendar, calendar))))
  )
  log(
    `duties ${from}…${today}: ${report.planned} tasks planned, ${report.created} new, ${report.recalculated} deadlines recalculated`
  )
  if (!covers(calendar, isoDate(today)))
    log(
      `WARNING: the working-day calendar (${calendar.source}) has no public holidays for ${today.slice(0, 4)}; every deadline this year is provisional. Update the chinese-days package.`
    )
  else if (report.provisional > 0)
    log(
      `WARNING: ${report.provisional} deadlines are provisional: they fall after ${calendar.coveredYears.to}, the last year of ${calendar.source}; they are recomputed once the holiday data covers that year.`
    )
  return report
}
