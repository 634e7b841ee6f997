import { describe, expect, it } from "vitest"
import { monthSoFar, overrideRate } from "../../../src/features/precheck/precheck.js"

describe("事前提醒 page logic", () => {
  it("starts the report at the first of the month, through today", () => {
    expect(monthSoFar("2026-12-06")).toEqual({ from: "2026-12-01", to: "2026-12-06" })
  })

  it("gives the share of warnings overridden, or a dash when there were none", () => {
    expect(overrideRate({ warnings: 8, overrides: 3 })).toBe("37.5%")
    expect(overrideRate({ warnings: 0, overrides: 0 })).toBe("—")
  })
})
