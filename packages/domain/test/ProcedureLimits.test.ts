/**
 * The procedure's time limits: counted as 民法典 Art.200–204 count periods (from the day after,
 * moved off rest days), every limit sourced and every unverified one marked as a setting to confirm,
 * and the late-payment surcharge capped at the fine.
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { lateSurcharge, procedureLimitsOn, stepDeadline, type ProcedureStep } from "../src/enforcement/index.js"
import { addMonths, isoDate } from "../src/kernel/IsoDate.js"
import { weekendsOnlyCalendar } from "../src/kernel/WorkingCalendar.js"

const calendar = weekendsOnlyCalendar(2024, 2027)
const limits = procedureLimitsOn(isoDate("2025-11-20")).value
const due = (step: ProcedureStep, from: string, extra = 0) => {
  const result = stepDeadline(calendar, limits.steps[step], isoDate(from), extra)
  if (Either.isLeft(result)) throw result.left
  return result.right
}

describe("procedure time limits", () => {
  it("counts working days, days, months and years the way 民法典 does", () => {
    // 15 working days from Friday 26 September 2025 (weekends only): Friday 17 October.
    expect(due("filing", "2025-09-26")).toBe("2025-10-17")
    // An approved extension adds to the same count.
    expect(due("filing", "2025-09-26", 15)).toBe("2025-11-07")
    // 15 days from receipt on Thursday 20 November: Friday 5 December.
    expect(due("payment", "2025-11-20")).toBe("2025-12-05")
    // 7 days ending on a Saturday end on the Monday after.
    expect(due("service", "2025-11-22")).toBe("2025-12-01")
    // 90 days from filing.
    expect(due("decision", "2025-10-09")).toBe("2026-01-07")
    // 6 months from 31 August: 28 February 2026, a Saturday, so Monday 2 March.
    expect(due("litigation", "2025-08-31")).toBe("2026-03-02")
    // 2 years.
    expect(due("limitation", "2024-02-29")).toBe("2026-03-02")
    expect(addMonths(isoDate("2024-01-31"), 1)).toBe("2024-02-29")
    expect(addMonths(isoDate("2025-01-31"), 1)).toBe("2025-02-28")
    expect(addMonths(isoDate("2025-11-30"), 3)).toBe("2026-02-28")
  })

  it("cites a source for every limit and marks every unverified one as a setting to confirm", () => {
    for (const [step, limit] of Object.entries(limits.steps)) {
      expect(limit.basis.length, step).toBeGreaterThan(10)
      if (limit.confidence === "⚠️") expect(limit.basis, step).toContain("请按本地规程核定")
    }
    expect(
      Object.entries(limits.steps)
        .filter(([, l]) => l.confidence === "⚠️")
        .map(([s]) => s)
    ).toEqual(["filingExtension", "decisionExtension", "statement", "legalReview"])
  })

  it("adds 3 % of the fine a day after the due date, never more than the fine, not while suspended", () => {
    expect(lateSurcharge(10_000, isoDate("2025-12-05"), isoDate("2025-12-05"), limits)).toEqual({
      days: 0,
      amount: 0,
      capped: false
    })
    expect(lateSurcharge(10_000, isoDate("2025-12-05"), isoDate("2025-12-15"), limits)).toEqual({
      days: 10,
      amount: 3_000,
      capped: false
    })
    expect(lateSurcharge(10_000, isoDate("2025-12-05"), isoDate("2026-03-05"), limits)).toEqual({
      days: 90,
      amount: 10_000,
      capped: true
    })
    expect(lateSurcharge(10_000, isoDate("2025-12-05"), isoDate("2025-12-15"), limits, 5).amount).toBe(1_500)
  })
})
