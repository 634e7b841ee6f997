import { describe, expect, it } from "vitest"
import { monthGrid, monthLabel, shiftMonth } from "../../../src/features/calendar/calendar.js"

describe("responsibility page logic", () => {
  it("lays out a month Monday first and moves across years", () => {
    const weeks = monthGrid("2025-10")
    expect(weeks[0]).toEqual([null, null, "2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05"])
    expect(
      weeks
        .at(-1)
        ?.filter((d) => d !== null)
        .at(-1)
    ).toBe("2025-10-31")
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    expect(
      monthGrid("2026-02")
        .flat()
        .filter((d) => d !== null)
    ).toHaveLength(28)
    expect([shiftMonth("2026-01", -1), shiftMonth("2026-12", 1), shiftMonth("2026-05", 14)]).toEqual([
      "2025-12",
      "2027-01",
      "2027-07"
    ])
    expect(monthLabel("2026-03")).toBe("2026年3月")
  })
})
