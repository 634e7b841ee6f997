/**
 * Reporting periods: months, quarters, half-years, years and fixed windows (a campaign phase). Keys
 * are stable strings (`2026-07`, `2026-Q3`, `2026-H2`, `2026`, `2020-04-21~2020-07-31`) used to make
 * task generation idempotent and to ask for coverage and rankings.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { addDays, isoDate, type IsoDate } from "./IsoDate.js"

/**
 * How often a duty recurs.
 *
 * @category models
 */
export const PeriodUnit = Schema.Literal("month", "quarter", "half_year", "year").annotations({
  identifier: "PeriodUnit"
})
/** @category models */
export type PeriodUnit = typeof PeriodUnit.Type

/** @category formatting */
export const periodUnitLabel: Readonly<Record<PeriodUnit, string>> = {
  month: "每月",
  quarter: "每季度",
  half_year: "每半年",
  year: "每年"
}

/**
 * One period.
 *
 * @category models
 */
export interface Period {
  readonly key: string
  readonly start: IsoDate
  readonly end: IsoDate
  /** 2026年7月 / 2026年第3季度 / 2026年上半年 / 2026年 / 2020-04-21至2020-07-31 */
  readonly label: string
}

const pad = (n: number) => String(n).padStart(2, "0")
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const monthStart = (year: number, month: number) => isoDate(`${year}-${pad(month)}-01`)
const monthEnd = (year: number, month: number) => isoDate(`${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`)

const monthsOf: Readonly<Record<PeriodUnit, number>> = { month: 1, quarter: 3, half_year: 6, year: 12 }

const make = (unit: PeriodUnit, year: number, index: number): Period => {
  const span = monthsOf[unit]
  const firstMonth = (index - 1) * span + 1
  const start = monthStart(year, firstMonth)
  const end = monthEnd(year, firstMonth + span - 1)
  switch (unit) {
    case "month":
      return { key: `${year}-${pad(index)}`, start, end, label: `${year}年${index}月` }
    case "quarter":
      return { key: `${year}-Q${index}`, start, end, label: `${year}年第${index}季度` }
    case "half_year":
      return { key: `${year}-H${index}`, start, end, label: `${year}年${index === 1 ? "上" : "下"}半年` }
    case "year":
      return { key: `${year}`, start, end, label: `${year}年` }
  }
}

/**
 * The period of `unit` that contains `date`.
 *
 * @category constructors
 */
export const periodOf = (unit: PeriodUnit, date: IsoDate): Period => {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  return make(unit, year, Math.floor((month - 1) / monthsOf[unit]) + 1)
}

/**
 * A fixed window (a campaign phase), `from` to `to` inclusive.
 *
 * @category constructors
 */
export const windowPeriod = (from: IsoDate, to: IsoDate): Period => ({
  key: `${from}~${to}`,
  start: from,
  end: to,
  label: `${from}至${to}`
})

/**
 * The periods of `unit` that overlap `from`…`through`, in order.
 *
 * @category constructors
 */
export const periodsOverlapping = (unit: PeriodUnit, from: IsoDate, through: IsoDate): ReadonlyArray<Period> => {
  const periods: Array<Period> = []
  for (let p = periodOf(unit, from); p.start <= through; p = periodOf(unit, addDays(p.end, 1))) periods.push(p)
  return periods
}

const keyPatterns: ReadonlyArray<readonly [RegExp, PeriodUnit]> = [
  [/^(\d{4})-(0[1-9]|1[0-2])$/, "month"],
  [/^(\d{4})-Q([1-4])$/, "quarter"],
  [/^(\d{4})-H([12])$/, "half_year"],
  [/^(\d{4})$/, "year"]
]

/**
 * The period a key names (`2026`, `2026-H1`, `2026-Q3`, `2026-07`, `2020-04-21~2020-07-31`), or null.
 *
 * @category constructors
 */
export const parsePeriodKey = (key: string): Period | null => {
  for (const [pattern, unit] of keyPatterns) {
    const match = pattern.exec(key)
    if (match !== null) return make(unit, Number(match[1]), match[2] === undefined ? 1 : Number(match[2]))
  }
  const window = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/.exec(key)
  if (window === null) return null
  try {
    const start = isoDate(window[1]!)
    const end = isoDate(window[2]!)
    return start <= end ? windowPeriod(start, end) : null
  } catch {
    return null
  }
}

/**
 * Day `day` of the month after the one `date` is in; a day past that month's end is its last day.
 *
 * @category rules
 */
export const dayOfFollowingMonth = (date: IsoDate, day: number): IsoDate => {
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const [y, m] = month === 12 ? [year + 1, 1] : [year, month + 1]
  return isoDate(`${y}-${pad(m)}-${pad(Math.min(day, lastDayOfMonth(y, m)))}`)
}

/**
 * Whether two inclusive date ranges share a day.
 *
 * @category rules
 */
export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
  a.start <= b.end && b.start <= a.end
