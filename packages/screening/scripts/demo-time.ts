/**
 * Time in the demo extract: day 0 is 2025-01-01, the first day of its period (2025 Q1).
 */

/** A number with leading zeros. */
export const pad = (n: number, width: number): string => String(n).padStart(width, "0")

/** Day `d` of the period (0 = 2025-01-01) as `yyyy-MM-dd`. */
export const day = (d: number): string => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10)

/** Minute `minutes` of day `d` (may run into later days) as `yyyy-MM-dd HH:mm:00`. */
export const at = (d: number, minutes: number): string =>
  `${day(d + Math.floor(minutes / 1440))} ${pad(Math.floor((minutes % 1440) / 60), 2)}:${pad(minutes % 60, 2)}:00`
