/**
 * 事前提醒 page logic: the report's default period and the share of warnings overridden.
 */

/** The month of a day so far: from its first day to the day itself (`yyyy-MM-dd`). */
export const monthSoFar = (today: string): { readonly from: string; readonly to: string } => ({
  from: `${today.slice(0, 8)}01`,
  to: today
})

/** Overrides as a share of the warnings answered, as a percentage with one decimal, or "—". */
export const overrideRate = (row: { readonly warnings: number; readonly overrides: number }): string =>
  row.warnings === 0 ? "—" : `${((row.overrides / row.warnings) * 100).toFixed(1)}%`
