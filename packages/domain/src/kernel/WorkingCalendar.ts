/**
 * Working days and deadlines. Which days are working days is not ours to invent: the State Council
 * publishes each year's public holidays and adjusted working days (调休) in a 国务院办公厅 notice, and a
 * `WorkingCalendar` service answers from that data for the years it covers — and refuses, with
 * `CalendarYearNotCovered`, for any other year, so no deadline is ever silently guessed.
 *
 * Counting follows the Civil Code: 民法典 Art.201 — a period counted in days starts the day after the
 * event (开始的当日不计入); Art.203 — a period whose last day is a public holiday ends on the day after
 * the holiday (期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
 *
 * @since 0.1.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { addDays, isoDate, type IsoDate } from "./IsoDate.js"

/**
 * A date outside the years the calendar's data covers.
 *
 * @category errors
 */
export class CalendarYearNotCovered extends Schema.TaggedError<CalendarYearNotCovered>()("CalendarYearNotCovered", {
  date: Schema.String,
  fromYear: Schema.Int,
  toYear: Schema.Int,
  source: Schema.String
}) {
  override get message(): string {
    return `${this.date.slice(0, 4)}年的法定节假日安排不在工作日历数据内（${this.source} 覆盖 ${this.fromYear}–${this.toYear} 年），无法计算工作日；请更新节假日数据`
  }
}

/**
 * What kind of day a date is.
 *
 * @category models
 */
export interface DayInfo {
  readonly date: IsoDate
  readonly working: boolean
  /** 春节 / 国庆节 / 调休上班 / 周六 … */
  readonly name: string
  /** A public holiday on a weekday, or a weekend day that is a working day (调休). */
  readonly adjusted: boolean
}

/**
 * The working-day calendar as a service.
 *
 * @category services
 */
export interface WorkingCalendarShape {
  /** Where the holiday data comes from, e.g. `chinese-days 1.5.7（国务院办公厅节假日安排通知）`. */
  readonly source: string
  /** The first and last year whose public holidays the data holds. */
  readonly coveredYears: { readonly from: number; readonly to: number }
  /** The kind of day `date` is, or `CalendarYearNotCovered`. */
  readonly day: (date: IsoDate) => Either.Either<DayInfo, CalendarYearNotCovered>
}

/**
 * The working-day calendar (implemented in `@fundguard/calendar` from the `chinese-days` data).
 *
 * @category services
 */
export class WorkingCalendar extends Context.Tag("@fundguard/domain/WorkingCalendar")<
  WorkingCalendar,
  WorkingCalendarShape
>() {}

/**
 * Whether the calendar can answer for `date`.
 *
 * @category rules
 */
export const covers = (calendar: WorkingCalendarShape, date: IsoDate): boolean => {
  const year = Number(date.slice(0, 4))
  return year >= calendar.coveredYears.from && year <= calendar.coveredYears.to
}

/** The failure for a date the calendar does not cover. @category errors */
export const notCovered = (calendar: WorkingCalendarShape, date: IsoDate): CalendarYearNotCovered =>
  new CalendarYearNotCovered({
    date,
    fromYear: calendar.coveredYears.from,
    toYear: calendar.coveredYears.to,
    source: calendar.source
  })

const MAX_REST_RUN = 30

/**
 * `date` if it is a working day, else the next working day (民法典 Art.203).
 *
 * @category rules
 */
export const onOrNextWorkingDay = (
  calendar: WorkingCalendarShape,
  date: IsoDate
): Either.Either<IsoDate, CalendarYearNotCovered> => {
  let current = date
  for (let i = 0; i <= MAX_REST_RUN; i++) {
    const info = calendar.day(current)
    if (Either.isLeft(info)) return Either.left(info.left)
    if (info.right.working) return Either.right(current)
    current = addDays(current, 1)
  }
  return Either.left(notCovered(calendar, date))
}

/**
 * The `n`-th working day after `date` ("within n working days": the day of the event is not counted,
 * 民法典 Art.201). `n = 0` gives `date` itself if it is a working day, else the next one.
 *
 * @category rules
 */
export const addWorkingDays = (
  calendar: WorkingCalendarShape,
  date: IsoDate,
  n: number
): Either.Either<IsoDate, CalendarYearNotCovered> => {
  if (n <= 0) return onOrNextWorkingDay(calendar, date)
  let current = date
  let left = n
  while (left > 0) {
    current = addDays(current, 1)
    const info = calendar.day(current)
    if (Either.isLeft(info)) return Either.left(info.left)
    if (info.right.working) left--
  }
  return Either.right(current)
}

/**
 * Working days from the day after `from` up to and including `to` (0 when `to` ≤ `from`).
 *
 * @category rules
 */
export const workingDaysBetween = (
  calendar: WorkingCalendarShape,
  from: IsoDate,
  to: IsoDate
): Either.Either<number, CalendarYearNotCovered> => {
  let count = 0
  for (let current = addDays(from, 1); current <= to; current = addDays(current, 1)) {
    const info = calendar.day(current)
    if (Either.isLeft(info)) return Either.left(info.left)
    if (info.right.working) count++
  }
  return Either.right(count)
}

/**
 * Effectful forms that read the `WorkingCalendar` service.
 *
 * @category services
 */
export const WorkingDays = {
  onOrNext: (date: IsoDate): Effect.Effect<IsoDate, CalendarYearNotCovered, WorkingCalendar> =>
    Effect.flatMap(WorkingCalendar, (c) => onOrNextWorkingDay(c, date)),
  add: (date: IsoDate, n: number): Effect.Effect<IsoDate, CalendarYearNotCovered, WorkingCalendar> =>
    Effect.flatMap(WorkingCalendar, (c) => addWorkingDays(c, date, n)),
  day: (date: IsoDate): Effect.Effect<DayInfo, CalendarYearNotCovered, WorkingCalendar> =>
    Effect.flatMap(WorkingCalendar, (c) => c.day(date))
}

/**
 * A calendar that knows only weekends, for tests of code that must not depend on holiday data.
 * Covers the given years; every Saturday and Sunday is a rest day, every other day a working day.
 *
 * @category constructors
 */
export const weekendsOnlyCalendar = (from: number, to: number): WorkingCalendarShape => {
  const calendar: WorkingCalendarShape = {
    source: "weekends only (test calendar)",
    coveredYears: { from, to },
    day: (date) => {
      if (!covers(calendar, date)) return Either.left(notCovered(calendar, date))
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
      const working = weekday !== 0 && weekday !== 6
      return Either.right({
        date,
        working,
        name: working ? "工作日" : weekday === 6 ? "周六" : "周日",
        adjusted: false
      })
    }
  }
  return calendar
}

/**
 * The calendar, extended past the years its holiday data covers by counting only weekends there —
 * for deadlines that must be shown today although they fall in a year whose 节假日安排 is not yet
 * published (a case filed in December is decided in the next year). A date it gives in such a year
 * is provisional: check it with `covers` on the original calendar and say so.
 *
 * @category constructors
 */
export const weekendsBeyondCoverage = (calendar: WorkingCalendarShape): WorkingCalendarShape => {
  const weekends = weekendsOnlyCalendar(1900, 9999)
  return {
    source: `${calendar.source}；${calendar.coveredYears.to} 年以后暂按仅扣除周末推算`,
    coveredYears: { from: calendar.coveredYears.from, to: 9999 },
    day: (date) => (covers(calendar, date) ? calendar.day(date) : weekends.day(date))
  }
}

/**
 * "Today" as the bureau counts it: a calendar date in China Standard Time.
 *
 * @category services
 */
export class BureauClock extends Context.Tag("@fundguard/domain/BureauClock")<
  BureauClock,
  { readonly today: Effect.Effect<IsoDate> }
>() {
  /** A clock stuck on `date`, for tests and for "what was due on …" questions. */
  static fixed = (date: string): Layer.Layer<BureauClock> =>
    Layer.succeed(BureauClock, { today: Effect.succeed(isoDate(date)) })
}

/** The bureau's time zone. @category models */
export const bureauTimeZone = "Asia/Shanghai"

/**
 * The calendar date of an instant in the bureau's time zone.
 *
 * @category rules
 */
export const bureauDate = (instant: Date): IsoDate => {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: bureauTimeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).formatToParts(instant)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ""
  return isoDate(`${part("year")}-${part("month")}-${part("day")}`)
}
