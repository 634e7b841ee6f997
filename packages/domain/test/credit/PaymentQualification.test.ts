/**
 * 医保支付资格 points: a practitioner crossing 9 then 12 points in one year is suspended, then
 * terminated, on the right days; points reset on 1 January; 12 points in one event bar
 * re-registration for 3 years; every consequence is lifted on the day it ends, with no act of the
 * bureau. And the rules a point event must meet, and the masking of what is published.
 */
import { describe, expect, it } from "vitest"
import {
  creditCounts,
  fundSettles,
  maskForPublication,
  nationalPointScheme,
  pointEventProblems,
  pointsByYear,
  qualificationPeriods,
  qualificationStatus,
  schemeFor,
  transitionsUpTo,
  type PointEvent,
  type PointEventInput,
  type PointSource
} from "../../src/credit/index.js"
import { isoDate } from "../../src/kernel/index.js"

const event = (id: string, decidedOn: string, points: number, suspensionMonths: number | null = null): PointEvent => ({
  id,
  decidedOn: isoDate(decidedOn),
  points,
  suspensionMonths
})

describe("qualificationStatus", () => {
  // 4 (Art.38 penalty) in March, 6 in May → 10: suspended 3 months (the bureau's choice) from 10 May;
  // 2 in June during the suspension → 12: terminated from 20 June, no re-registration for 1 year.
  const year = [event("a", "2025-03-04", 4), event("b", "2025-05-10", 6, 3), event("c", "2025-06-20", 2)]

  it("is normal below 9 points, with the points left before each threshold", () => {
    const s = qualificationStatus(year, isoDate("2025-05-09"))
    expect(s).toMatchObject({ state: "normal", yearPoints: 4, toSuspension: 5, toTermination: 8, period: null })
  })

  it("suspends on the day the year reaches 9, for the months chosen", () => {
    const s = qualificationStatus(year.slice(0, 2), isoDate("2025-05-10"))
    expect(s.state).toBe("suspended")
    expect(s.period).toMatchObject({
      kind: "suspension",
      from: "2025-05-10",
      until: "2025-08-09",
      liftedOn: "2025-08-10",
      length: 3,
      yearTotal: 10
    })
    expect(fundSettles(s, false)).toBe(false)
    expect(fundSettles(s, true)).toBe(true)
  })

  it("lifts the suspension on time: the day after its last day", () => {
    const events = year.slice(0, 2)
    expect(qualificationStatus(events, isoDate("2025-08-09")).state).toBe("suspended")
    const after = qualificationStatus(events, isoDate("2025-08-10"))
    expect(after).toMatchObject({ state: "normal", yearPoints: 10, mustReRegister: false })
    expect(fundSettles(after, false)).toBe(true)
  })

  it("terminates on the day the year reaches 12, ending the suspension then; the bar runs one year", () => {
    const s = qualificationStatus(year, isoDate("2025-06-20"))
    expect(s.state).toBe("terminated")
    expect(s.period).toMatchObject({
      kind: "termination",
      from: "2025-06-20",
      until: "2026-06-19",
      liftedOn: "2026-06-20",
      length: 1,
      singleEvent: false,
      yearTotal: 12
    })
    const periods = qualificationPeriods(year)
    expect(periods[0]).toMatchObject({
      kind: "suspension",
      until: "2025-06-19",
      liftedOn: "2025-06-20",
      superseded: true
    })
    // Still terminated into the next year although the points reset; the bar ends on time.
    expect(qualificationStatus(year, isoDate("2026-01-01"))).toMatchObject({ state: "terminated", yearPoints: 0 })
    expect(qualificationStatus(year, isoDate("2026-06-19")).state).toBe("terminated")
    expect(qualificationStatus(year, isoDate("2026-06-20"))).toMatchObject({
      state: "normal",
      mustReRegister: true,
      period: null
    })
  })

  it("resets the points on 1 January: 8 in December and 8 in January suspend nobody", () => {
    const events = [event("a", "2025-12-20", 8), event("b", "2026-01-05", 8)]
    expect(pointsByYear(events)).toEqual([
      { year: 2025, points: 8 },
      { year: 2026, points: 8 }
    ])
    expect(qualificationPeriods(events)).toEqual([])
    expect(qualificationStatus(events, isoDate("2026-01-05"))).toMatchObject({ state: "normal", yearPoints: 8 })
    // A suspension begun in December runs on into January (the reset does not lift it).
    const crossing = [event("a", "2025-12-20", 9, 2)]
    expect(qualificationStatus(crossing, isoDate("2026-01-10"))).toMatchObject({ state: "suspended", yearPoints: 0 })
    expect(qualificationStatus(crossing, isoDate("2026-02-20")).state).toBe("normal")
  })

  it("bars re-registration for 3 years after 12 points in one event", () => {
    const events = [event("fraud", "2025-04-30", 12)]
    const s = qualificationStatus(events, isoDate("2025-04-30"))
    expect(s.period).toMatchObject({
      kind: "termination",
      singleEvent: true,
      length: 3,
      until: "2028-04-29",
      liftedOn: "2028-04-30"
    })
    expect(qualificationStatus(events, isoDate("2028-04-29")).state).toBe("terminated")
    expect(qualificationStatus(events, isoDate("2028-04-30")).state).toBe("normal")
  })

  it("goes straight to termination when one event crosses both thresholds (5 → 13)", () => {
    const events = [event("a", "2025-02-01", 5), event("b", "2025-03-01", 8)]
    expect(qualificationPeriods(events)).toEqual([
      expect.objectContaining({ kind: "termination", from: "2025-03-01", length: 1, singleEvent: false })
    ])
  })

  it("uses the default suspension (1 month) when the bureau chose none, and takes events by date", () => {
    const events = [event("late", "2025-09-01", 5), event("early", "2025-07-01", 4)]
    expect(qualificationPeriods(events)).toEqual([
      expect.objectContaining({ kind: "suspension", from: "2025-09-01", liftedOn: "2025-10-01", causeEventId: "late" })
    ])
    expect(nationalPointScheme.suspensionMonths.default).toBe(1)
  })

  it("ignores events decided after the day asked about", () => {
    expect(qualificationStatus(year, isoDate("2025-03-04"))).toMatchObject({ state: "normal", yearPoints: 4 })
  })
})

describe("transitionsUpTo", () => {
  it("lists each start and lift on its day, up to the day asked", () => {
    const events = [event("a", "2025-03-04", 9, 2), event("b", "2025-11-02", 3)]
    const kinds = (on: string) => transitionsUpTo(events, isoDate(on)).map((t) => `${t.kind}@${t.on}`)
    expect(kinds("2025-03-03")).toEqual([])
    expect(kinds("2025-03-04")).toEqual(["suspension_start@2025-03-04"])
    expect(kinds("2025-05-04")).toEqual(["suspension_start@2025-03-04", "suspension_end@2025-05-04"])
    expect(kinds("2026-11-02")).toEqual([
      "suspension_start@2025-03-04",
      "suspension_end@2025-05-04",
      "termination_start@2025-11-02",
      "termination_end@2026-11-02"
    ])
  })

  it("never starts a suspension that a termination of the same day replaces", () => {
    const events = [event("a", "2025-03-04", 9), event("b", "2025-03-04", 3)]
    expect(transitionsUpTo(events, isoDate("2025-03-04")).map((t) => t.kind)).toEqual(["termination_start"])
  })
})

describe("the scheme and a point event's rules", () => {
  it("is the national scheme from 2025-01-01 in Chongqing; none before", () => {
    expect(schemeFor("500236", isoDate("2025-06-01"))?.id).toBe("cn-2024-23")
    expect(schemeFor("500236", isoDate("2024-12-31"))).toBeNull()
    expect(nationalPointScheme.sources.join("")).not.toMatch(/福建|北京|海南|湖南|广东/)
  })

  const input: PointEventInput = {
    decidedOn: isoDate("2025-06-01"),
    points: 5,
    responsibility: "important",
    source: "case",
    sourceId: "c1",
    event: "机构因条例第三十八条受到行政处罚"
  }
  const source: PointSource = {
    institutionCode: "H1",
    decidedOn: isoDate("2025-05-20"),
    tiers: [{ min: 4, max: 6 }],
    why: null
  }
  const scheme = schemeFor("500236", isoDate("2025-06-01"))

  it("accepts points within the tier the decision allows", () => {
    expect(pointEventProblems(input, { institutionCode: "H1" }, source, scheme)).toEqual([])
  })

  it("names the field at fault otherwise", () => {
    const paths = (i: PointEventInput, s = source, inst = "H1") =>
      pointEventProblems(i, { institutionCode: inst }, s, schemeFor("500236", i.decidedOn)).map((p) => p.path)
    expect(paths({ ...input, points: 7 })).toEqual(["$.points"])
    expect(paths({ ...input, decidedOn: isoDate("2025-05-01") })).toEqual(["$.decidedOn"])
    expect(paths({ ...input, decidedOn: isoDate("2024-12-01") })).toContain("$.decidedOn")
    expect(paths({ ...input, suspensionMonths: 7 })).toEqual(["$.suspensionMonths"])
    expect(paths(input, source, "H2")).toEqual(["$.sourceId"])
    expect(paths(input, { ...source, decidedOn: null, tiers: [], why: "案件尚未作出处罚决定" })).toEqual(["$.sourceId"])
  })
})

describe("credit records and publication", () => {
  it("counts events by kind and by year, and derives no grade", () => {
    const counts = creditCounts([
      { kind: "penalty_decision", on: isoDate("2025-03-01"), title: "", sourceId: "1" },
      { kind: "rectification_overdue", on: isoDate("2025-04-01"), title: "", sourceId: "2" },
      { kind: "penalty_decision", on: isoDate("2024-03-01"), title: "", sourceId: "3" }
    ])
    expect(counts.byKind).toEqual({ penalty_decision: 2, rectification_overdue: 1 })
    expect(counts.byYear.map((y) => y.year)).toEqual([2025, 2024])
    expect(Object.keys(counts)).toEqual(["byKind", "byYear"])
  })

  it("masks names, ID numbers, phone numbers and national codes in what is published", () => {
    const text = "医师张三丰（身份证500236198001011234，电话13912345678，代码D500236001234）与张三串换药品"
    const out = maskForPublication(text, ["张三", "张三丰"], ["D500236001234"])
    expect(out).not.toContain("张三丰")
    expect(out).not.toContain("张三串")
    expect(out).toContain("张**（")
    expect(out).not.toMatch(/500236198001011234|13912345678|D500236001234/)
    expect(out).toContain("串换药品")
  })
})
