/**
 * Formatting and parsing of money and dates, the way the bureau's documents write them.
 * Pure functions; the time zone is explicit so the output does not depend on the browser.
 */

/** The bureau's time zone: timestamps from the API are shown in China Standard Time. */
export const bureauTimeZone = "Asia/Shanghai"

const yuanFormat = new Intl.NumberFormat("zh-CN", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  useGrouping: true
})

/** Placeholder for a missing value in tables and result panels. */
export const empty = "—"

/** An amount in yuan with two decimals and thousands separators: `13,791.60`. */
export const formatYuan = (amount: number | null | undefined): string =>
  amount === null || amount === undefined || !Number.isFinite(amount) ? empty : yuanFormat.format(amount)

/** An amount with its unit: `13,791.60 元`. */
export const formatYuanWithUnit = (amount: number | null | undefined): string => {
  const text = formatYuan(amount)
  return text === empty ? text : `${text} 元`
}

/** A range of amounts: `13,791.60 – 17,929.08 元`. */
export const formatYuanRange = (min: number, max: number): string =>
  min === max ? formatYuanWithUnit(min) : `${formatYuan(min)} – ${formatYuan(max)} 元`

/** A multiple of the loss or defrauded amount: `1.3 倍`. */
export const formatMultiple = (multiple: number | null | undefined): string =>
  multiple === null || multiple === undefined || !Number.isFinite(multiple) ? empty : `${multiple} 倍`

/** A range of multiples: `1 – 1.3 倍`. */
export const formatMultipleRange = (min: number | null, max: number | null): string => {
  if (min === null || max === null) return empty
  return min === max ? formatMultiple(min) : `${min} – ${max} 倍`
}

/** A calendar date from the API (`yyyy-MM-dd`), or the placeholder. */
export const formatDate = (date: string | null | undefined): string =>
  date === null || date === undefined || date === "" ? empty : date

/**
 * A timestamp (ISO 8601) as `yyyy-MM-dd HH:mm` in the bureau's time zone; with `seconds`,
 * `yyyy-MM-dd HH:mm:ss` (the audit log).
 */
export const formatDateTime = (
  timestamp: string | null | undefined,
  timeZone: string = bureauTimeZone,
  { seconds = false }: { readonly seconds?: boolean } = {}
): string => {
  if (timestamp === null || timestamp === undefined || timestamp === "") return empty
  const date = new Date(timestamp)
  if (Number.isNaN(date.getTime())) return empty
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" as const } : {}),
    hourCycle: "h23"
  }).formatToParts(date)
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ""
  const time = `${part("hour")}:${part("minute")}${seconds ? `:${part("second")}` : ""}`
  return `${part("year")}-${part("month")}-${part("day")} ${time}`
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0")

/** A `Date` (its local calendar day, as a date picker gives it) as `yyyy-MM-dd`. */
export const toIsoDate = (date: Date): string =>
  `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** Today's date in the bureau's time zone, `yyyy-MM-dd`. */
export const todayIso = (now: Date = new Date(), timeZone: string = bureauTimeZone): string => {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {})
  return `${parts["year"]}-${parts["month"]}-${parts["day"]}`
}

const dateInput = /^\s*(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))\s*$/

/**
 * Parses a date typed by a person: `2024-01-31`, `2024/1/31`, `2024.1.31`, `2024年1月31日` or
 * `20240131`. Returns `yyyy-MM-dd`, or `null` when the text is not a real calendar date.
 */
export const parseDateText = (text: string): string | null => {
  const match = dateInput.exec(text)
  if (match === null) return null
  const year = Number(match[1])
  const month = Number(match[2] ?? match[4])
  const day = Number(match[3] ?? match[5])
  const check = new Date(Date.UTC(year, month - 1, day))
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** Whether a string is a real calendar date written `yyyy-MM-dd`. */
export const isIsoDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDateText(text) === text

/** A `yyyy-MM-dd` date as a local `Date` at midnight (for the date picker), or `undefined`. */
export const fromIsoDate = (date: string): Date | undefined => {
  if (!isIsoDate(date)) return undefined
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  return new Date(y, m - 1, d)
}

/**
 * Parses an amount of money typed by a person: accepts thousands separators, full-width digits,
 * a leading `¥`/`￥` and a trailing `元`. Returns `null` for anything that is not a finite number.
 */
export const parseAmount = (text: string | number | null | undefined): number | null => {
  if (typeof text === "number") return Number.isFinite(text) ? text : null
  if (text === null || text === undefined) return null
  const normalised = text
    .replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, ".")
    .replace(/[,，\s]/g, "")
    .replace(/^[¥￥]/, "")
    .replace(/元$/, "")
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return null
  const value = Number(normalised)
  return Number.isFinite(value) ? value : null
}
