/**
 * 职责日历's logic, free of the browser: the month grid and moving between months.
 */

const pad = (n: number) => String(n).padStart(2, "0")

/** The month `delta` months after `month` (`2026-11`, -1 → `2026-10`). */
export const shiftMonth = (month: string, delta: number): string => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  const total = y * 12 + (m - 1) + delta
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`
}

/** `2026-11` → `2026年11月`. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/** The weeks of a month, Monday first; days outside the month are null. */
export const monthGrid = (month: string): ReadonlyArray<ReadonlyArray<string | null>> => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7
  const cells: Array<string | null> = [...Array<null>(first).fill(null)]
  for (let d = 1; d <= days; d++) cells.push(`${month}-${pad(d)}`)
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: Array<Array<string | null>> = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** The last day of a month (`2026-02` → `2026-02-28`). */
export const monthEnd = (month: string): string => {
  const [year, m] = month.split("-").map(Number) as [number, number]
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10)
}

/** Case deadlines by day, for the days of `month`. */
export const caseDeadlinesByDay = <C extends { readonly nextDueOn: string | null }>(
  cases: ReadonlyArray<C>,
  month: string
): ReadonlyMap<string, ReadonlyArray<C>> => {
  const days = new Map<string, Array<C>>()
  for (const c of cases)
    if (c.nextDueOn !== null && c.nextDueOn.startsWith(month))
      days.set(c.nextDueOn, [...(days.get(c.nextDueOn) ?? []), c])
  return days
}
