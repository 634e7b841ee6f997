/**
 * The domain's `WorkingCalendar` from the `chinese-days` package: mainland China's public holidays and
 * adjusted working days (调休) as each year's 国务院办公厅 notice published them. The package holds
 * official data up to a last year; beyond it nobody knows the holidays yet, so every date outside the
 * covered years is refused with `CalendarYearNotCovered` rather than guessed.
 *
 * @since 0.1.0
 */
import {
  bureauDate,
  BureauClock,
  covers,
  notCovered,
  WorkingCalendar,
  type DayInfo,
  type WorkingCalendarShape
} from "@fundguard/domain/kernel"
import chineseDays from "chinese-days"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"

interface ChineseDays {
  getDayDetail(date: Date): { work: boolean; name: string; date: string }
  getHolidaysInRange(start: Date, end: Date, includeWeekends?: boolean): Array<string>
}

// The package is CommonJS; depending on the loader its default import is the exports object or its
// `default` member — both carry the functions.
const lib = chineseDays as unknown as ChineseDays

/** The package and version the holiday data comes from. */
export const calendarSource = "chinese-days 1.5.7（国务院办公厅部分节假日安排通知）"

// The package reads a Date by its local calendar day: pass local midnight of the date meant.
const local = (date: string): Date =>
  new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))

/**
 * The years whose public holidays the package lists: from its first year with data to its last,
 * found by asking it, not written here.
 */
export const coveredYears = (): { readonly from: number; readonly to: number } => {
  const years: Array<number> = []
  for (let year = 2000; year <= 2100; year++) {
    if (lib.getHolidaysInRange(local(`${year}-01-01`), local(`${year}-12-31`), false).length > 0) years.push(year)
  }
  if (years.length === 0) throw new Error(`${calendarSource}: the package lists no public holidays at all`)
  return { from: Math.min(...years), to: Math.max(...years) }
}

const weekdayNames = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"]

const dayOf = (date: string): Omit<DayInfo, "date"> => {
  const detail = lib.getDayDetail(local(date))
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  const weekend = weekday === 0 || weekday === 6
  const festival = detail.name.includes(",") ? (detail.name.split(",")[1] ?? detail.name) : null
  if (detail.work && weekend) return { working: true, name: `调休上班（${festival ?? "补班"}）`, adjusted: true }
  if (!detail.work && !weekend) return { working: false, name: festival ?? "休息日", adjusted: true }
  if (!detail.work) return { working: false, name: festival ?? weekdayNames[weekday]!, adjusted: false }
  return { working: true, name: weekdayNames[weekday]!, adjusted: false }
}

/**
 * Known days from the State Council notices, checked when the calendar is built: the package
 * computes days in the process's local time zone and gives wrong answers west of UTC, and a broken
 * data update must not pass silently either.
 */
const knownDays: ReadonlyArray<readonly [string, boolean, string]> = [
  ["2025-01-26", true, "国办发明电〔2024〕12号：1月26日（周日）上班"],
  ["2025-01-28", false, "国办发明电〔2024〕12号：春节1月28日至2月4日放假"],
  ["2025-10-08", false, "国办发明电〔2024〕12号：国庆节、中秋节10月1日至8日放假"],
  ["2025-10-11", true, "国办发明电〔2024〕12号：10月11日（周六）上班"],
  ["2026-02-14", true, "国务院办公厅关于2026年部分节假日安排的通知：2月14日（周六）上班"],
  ["2026-02-23", false, "同上：春节2月15日至23日放假"],
  ["2026-10-10", true, "同上：10月10日（周六）上班"]
]

const selfCheck = (years: { readonly from: number; readonly to: number }): void => {
  const wrong = knownDays.filter(([date, working]) => {
    const year = Number(date.slice(0, 4))
    return year >= years.from && year <= years.to && dayOf(date).working !== working
  })
  if (wrong.length > 0)
    throw new Error(
      `${calendarSource} gives wrong working days (${wrong.map(([d, , why]) => `${d}: ${why}`).join("; ")}). ` +
        `It reads dates in the process time zone (now UTC${-new Date().getTimezoneOffset() / 60 >= 0 ? "+" : ""}${-new Date().getTimezoneOffset() / 60}); run FundGuard with TZ=Asia/Shanghai.`
    )
}

/**
 * Builds the calendar: finds the covered years and checks known days (throws if they are wrong).
 */
export const makeChineseWorkingCalendar = (): WorkingCalendarShape => {
  const years = coveredYears()
  selfCheck(years)
  const calendar: WorkingCalendarShape = {
    source: calendarSource,
    coveredYears: years,
    day: (date) =>
      covers(calendar, date) ? Either.right({ date, ...dayOf(date) }) : Either.left(notCovered(calendar, date))
  }
  return calendar
}

let shared: WorkingCalendarShape | undefined

/** The calendar, built once per process. */
export const chineseWorkingCalendar = (): WorkingCalendarShape => (shared ??= makeChineseWorkingCalendar())

/** The `WorkingCalendar` service from `chinese-days`. */
export const ChineseWorkingCalendarLive: Layer.Layer<WorkingCalendar> = Layer.sync(
  WorkingCalendar,
  chineseWorkingCalendar
)

/** The bureau's clock: today's date in China Standard Time, from the system clock. */
export const BureauClockLive: Layer.Layer<BureauClock> = Layer.succeed(BureauClock, {
  today: Effect.sync(() => bureauDate(new Date()))
})
