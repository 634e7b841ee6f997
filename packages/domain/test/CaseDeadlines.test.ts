/**
 * A case's deadlines from its events: each step that has started, by whom, due when, and where it
 * stands on a given day (weekends-only calendar, so the dates can be checked by hand).
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { caseDeadlines, procedureLimitsOn, type CaseEvents } from "../src/enforcement/index.js"
import { isoDate, type IsoDate } from "../src/kernel/IsoDate.js"
import { covers, weekendsBeyondCoverage, weekendsOnlyCalendar } from "../src/kernel/WorkingCalendar.js"

const calendar = weekendsOnlyCalendar(2025, 2027)
const limits = procedureLimitsOn(isoDate("2025-09-26")).value
const d = (text: string): IsoDate => isoDate(text)
const deadlines = (events: CaseEvents, today: string) => {
  const result = caseDeadlines(calendar, limits, events, d(today))
  if (Either.isLeft(result)) throw result.left
  return result.right.map((x) => [x.step, x.by, x.dueOn, x.state])
}

describe("case deadlines", () => {
  it("shows the filing deadline overdue when 15 working days pass without a decision to file", () => {
    expect(deadlines({ discoveredOn: d("2025-09-26") }, "2025-10-17")).toEqual([
      ["filing", "bureau", "2025-10-17", "open"]
    ])
    expect(deadlines({ discoveredOn: d("2025-09-26") }, "2025-10-20")).toEqual([
      ["filing", "bureau", "2025-10-17", "overdue"]
    ])
    expect(deadlines({ discoveredOn: d("2025-09-26"), filingExtended: true }, "2025-10-20")).toEqual([
      ["filing", "bureau", "2025-11-07", "open"]
    ])
  })

  const events: CaseEvents = {
    discoveredOn: d("2025-09-26"),
    filedOn: d("2025-10-09"),
    noticeServedOn: d("2025-11-20")
  }

  it("after the notice: the decision due 90 days from filing, the party's windows to answer open", () => {
    expect(deadlines(events, "2025-11-24")).toEqual([
      ["filing", "bureau", "2025-10-17", "met"],
      ["decision", "bureau", "2026-01-07", "open"],
      ["statement", "party", "2025-11-25", "open"],
      ["hearingRequest", "party", "2025-11-25", "open"]
    ])
  })

  it("through the decision, service and an unpaid fine to the court's three months", () => {
    const later: CaseEvents = {
      ...events,
      hearingRequestedOn: d("2025-11-24"),
      hearingOn: d("2025-12-10"),
      hearingNoticeSentOn: d("2025-12-01"),
      decisionExtensions: 1,
      decidedOn: d("2025-12-20"),
      decisionServedOn: d("2025-12-22")
    }
    expect(deadlines(later, "2026-01-10")).toEqual([
      ["filing", "bureau", "2025-10-17", "met"],
      ["decision", "bureau", "2026-02-06", "met"],
      ["statement", "party", "2025-11-25", "passed"],
      ["hearingRequest", "party", "2025-11-25", "used"],
      ["hearingNotice", "bureau", "2025-12-03", "met"],
      ["service", "bureau", "2025-12-29", "met"],
      ["payment", "party", "2026-01-06", "passed"],
      ["reconsideration", "party", "2026-02-20", "open"],
      ["litigation", "party", "2026-06-22", "open"],
      ["courtEnforcement", "bureau", "2026-09-22", "open"]
    ])
    // Paid: nothing to enforce.
    expect(deadlines({ ...later, paidOn: d("2026-01-05") }, "2026-01-10").map(([step]) => step)).not.toContain(
      "courtEnforcement"
    )
  })
})

describe("deadlines past the calendar's years", () => {
  it("counts weekends only where the holidays are not yet published, and the exact data where they are", () => {
    const covered = weekendsOnlyCalendar(2025, 2025)
    const extended = weekendsBeyondCoverage(covered)
    // 90 days from 15 December 2025 end on 15 March 2026 (a Sunday): the next working day, counted provisionally.
    const result = caseDeadlines(
      extended,
      limits,
      { discoveredOn: d("2025-12-01"), filedOn: d("2025-12-15") },
      d("2025-12-16")
    )
    if (Either.isLeft(result)) throw result.left
    expect(result.right.find((x) => x.step === "decision")?.dueOn).toBe("2026-03-16")
    expect(covers(covered, d("2026-03-16"))).toBe(false)
    expect(
      Either.isLeft(
        caseDeadlines(covered, limits, { discoveredOn: d("2025-12-01"), filedOn: d("2025-12-15") }, d("2025-12-16"))
      )
    ).toBe(true)
  })
})
