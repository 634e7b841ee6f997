/**
 * How documents print dates, times and small numbers: `2026年12月6日`, `9时30分`, `三个工作日`.
 *
 * @since 0.1.0
 */

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/
const timePattern = /^(\d{2}):(\d{2})$/

/**
 * A `yyyy-MM-dd` date as documents print it, without leading zeros: `2026-12-06` → `2026年12月6日`.
 *
 * @throws RangeError when the text is not a `yyyy-MM-dd` date of the calendar.
 * @example
 * import { chineseDate } from "@fundguard/documents"
 *
 * chineseDate("2026-12-06") // "2026年12月6日"
 *
 * @category formatting
 */
export const chineseDate = (date: string): string => {
  const match = datePattern.exec(date)
  const [year, month, day] = match === null ? [0, 0, 0] : [Number(match[1]), Number(match[2]), Number(match[3])]
  const check = new Date(Date.UTC(year, month - 1, day))
  if (match === null || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    throw new RangeError(`not a yyyy-MM-dd date: ${JSON.stringify(date)}`)
  return `${year}年${month}月${day}日`
}

/**
 * An `HH:mm` time as documents print it: `09:30` → `9时30分`, `14:00` → `14时00分`.
 *
 * @throws RangeError when the text is not an `HH:mm` time.
 * @category formatting
 */
export const chineseTime = (time: string): string => {
  const match = timePattern.exec(time)
  const [hour, minute] = match === null ? [99, 99] : [Number(match[1]), Number(match[2])]
  if (hour > 23 || minute > 59) throw new RangeError(`not an HH:mm time: ${JSON.stringify(time)}`)
  return `${hour}时${String(minute).padStart(2, "0")}分`
}

/**
 * The time span of a record on one day: `2026年12月6日9时30分至11时20分`.
 *
 * @category formatting
 */
export const recordTime = (date: string, startTime: string, endTime: string): string =>
  `${chineseDate(date)}${chineseTime(startTime)}至${chineseTime(endTime)}`

/**
 * A date left blank for the hand (`年 月 日` spaced with ideographic spaces), on documents signed on paper.
 *
 * @category formatting
 */
export const blankDate = "\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日"

/**
 * Two ideographic spaces (U+3000): the gap between two items on one line of a form.
 *
 * @category formatting
 */
export const wideSpace = "\u3000\u3000"

/**
 * A line left blank for a signature or a value written by hand.
 *
 * @category formatting
 */
export const blank = "＿＿＿＿＿＿＿＿"

const digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

/**
 * A whole number from 0 to 99 in Chinese numerals, as periods are written in documents (`五`, `十五`,
 * `六十`); other numbers in Arabic digits.
 *
 * @example
 * import { chineseNumber } from "@fundguard/documents"
 *
 * chineseNumber(15) // "十五"
 *
 * @category formatting
 */
export const chineseNumber = (n: number): string => {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return digits[n]!
  const tens = Math.floor(n / 10)
  const units = n % 10
  return `${tens === 1 ? "" : digits[tens]!}十${units === 0 ? "" : digits[units]!}`
}

/**
 * The text, trimmed, or the blank line when there is none.
 *
 * @category formatting
 */
export const orBlank = (text: string | null | undefined): string =>
  text === null || text === undefined || text.trim() === "" ? blank : text.trim()
