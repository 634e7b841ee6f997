/**
 * Calendar dates as the law counts them: `yyyy-MM-dd`, no time zone, no clock.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Whether `value` is a date written `yyyy-MM-dd` that exists in the calendar (no 2025-02-30).
 *
 * @category predicates
 * @since 0.9.0
 */
export const isRealDate = (value: string): boolean => {
  const match = isoDatePattern.exec(value)
  if (match === null) return false
  const [, y, m, d] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
}

/**
 * A calendar date written `yyyy-MM-dd` that exists in the calendar, as plain text: for inputs whose type stays
 * `string` (a plan's period, a checklist's dates). `IsoDate` is the same check with the brand.
 *
 * @category models
 * @since 0.9.0
 */
export const DateText = Schema.String.pipe(
  Schema.pattern(isoDatePattern, { message: () => "应为真实存在的日期，格式 yyyy-MM-dd" }),
  Schema.filter((s) => isRealDate(s) || "应为真实存在的日期，格式 yyyy-MM-dd"),
  Schema.annotations({ description: "Date as yyyy-MM-dd, a day of the calendar" })
)

/**
 * A calendar date written `yyyy-MM-dd` that exists in the calendar (no 2025-02-30).
 *
 * @category models
 * @since 0.1.0
 */
export const IsoDate = Schema.String.pipe(
  Schema.filter((s) => isRealDate(s) || "应为真实存在的日期，格式 yyyy-MM-dd"),
  Schema.brand("IsoDate"),
  Schema.annotations({ identifier: "IsoDate", description: "Date as yyyy-MM-dd" })
)
/** @category models */
export type IsoDate = typeof IsoDate.Type

/**
 * Builds an IsoDate from a string already known to be valid; throws on anything else.
 *
 * @category constructors
 */
export const isoDate = (value: string): IsoDate => Schema.decodeSync(IsoDate)(value)

const toUtc = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`)
const fromUtc = (date: Date): IsoDate => date.toISOString().slice(0, 10) as IsoDate

/**
 * Adds whole calendar years; 29 February rolls to 28 February in a common year, as
 * "the same day N years later" is counted in Chinese administrative practice.
 *
 * @category combinators
 */
export const addYears = (date: IsoDate, years: number): IsoDate => {
  const d = toUtc(date)
  const month = d.getUTCMonth()
  d.setUTCFullYear(d.getUTCFullYear() + years)
  if (d.getUTCMonth() !== month) d.setUTCDate(0)
  return fromUtc(d)
}

/**
 * Adds whole calendar months; a day the target month lacks becomes its last day (民法典 Art.202:
 * 没有对应日的，月末日为期间的最后一日).
 *
 * @category combinators
 */
export const addMonths = (date: IsoDate, months: number): IsoDate => {
  const d = toUtc(date)
  const day = d.getUTCDate()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + months)
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()
  d.setUTCDate(Math.min(day, last))
  return fromUtc(d)
}

/**
 * Adds calendar days (negative to go back).
 *
 * @category combinators
 */
export const addDays = (date: IsoDate, days: number): IsoDate => {
  const d = toUtc(date)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtc(d)
}

/**
 * Orders two dates: negative when `a` is earlier, 0 when equal, positive when later.
 *
 * @category combinators
 */
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0)
