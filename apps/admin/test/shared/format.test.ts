import { describe, expect, it } from "vitest"
import {
  formatDate,
  formatDateTime,
  formatMultiple,
  formatMultipleRange,
  formatYuan,
  formatYuanRange,
  formatYuanWithUnit,
  fromIsoDate,
  isIsoDate,
  parseAmount,
  parseDateText,
  toIsoDate,
  todayIso
} from "../../src/shared/format.js"

describe("money", () => {
  it("prints yuan with two decimals and thousands separators", () => {
    expect(formatYuan(13791.6)).toBe("13,791.60")
    expect(formatYuan(0)).toBe("0.00")
    expect(formatYuan(1234567.891)).toBe("1,234,567.89")
    expect(formatYuan(17929.079999999998)).toBe("17,929.08")
  })

  it("prints a dash for missing or non-finite amounts", () => {
    expect(formatYuan(null)).toBe("—")
    expect(formatYuan(undefined)).toBe("—")
    expect(formatYuan(Number.NaN)).toBe("—")
    expect(formatYuanWithUnit(null)).toBe("—")
  })

  it("adds the unit and collapses equal ranges", () => {
    expect(formatYuanWithUnit(500)).toBe("500.00 元")
    expect(formatYuanRange(13791.6, 17929.08)).toBe("13,791.60 – 17,929.08 元")
    expect(formatYuanRange(100, 100)).toBe("100.00 元")
  })

  it("prints multiples", () => {
    expect(formatMultiple(1.3)).toBe("1.3 倍")
    expect(formatMultiple(null)).toBe("—")
    expect(formatMultipleRange(1, 1.3)).toBe("1 – 1.3 倍")
    expect(formatMultipleRange(2, 2)).toBe("2 倍")
    expect(formatMultipleRange(null, 2)).toBe("—")
  })

  it("parses amounts as people type them", () => {
    expect(parseAmount("13791.6")).toBe(13791.6)
    expect(parseAmount(" 13,791.60 ")).toBe(13791.6)
    expect(parseAmount("１３７９１．６")).toBe(13791.6)
    expect(parseAmount("￥2,000元")).toBe(2000)
    expect(parseAmount("0")).toBe(0)
    expect(parseAmount(".5")).toBe(0.5)
    expect(parseAmount("-3")).toBe(-3)
    expect(parseAmount(42)).toBe(42)
    expect(parseAmount("")).toBeNull()
    expect(parseAmount("一万")).toBeNull()
    expect(parseAmount("12a")).toBeNull()
    expect(parseAmount("1.2.3")).toBeNull()
    expect(parseAmount(Number.POSITIVE_INFINITY)).toBeNull()
    expect(parseAmount(null)).toBeNull()
  })
})

describe("dates", () => {
  it("shows API dates as they are and missing ones as a dash", () => {
    expect(formatDate("2025-03-14")).toBe("2025-03-14")
    expect(formatDate(null)).toBe("—")
    expect(formatDate("")).toBe("—")
  })

  it("shows timestamps in China Standard Time", () => {
    expect(formatDateTime("2025-09-17T18:30:00Z")).toBe("2025-09-18 02:30")
    expect(formatDateTime("2025-09-18T02:30:00+08:00")).toBe("2025-09-18 02:30")
    expect(formatDateTime("not a date")).toBe("—")
    expect(formatDateTime(null)).toBe("—")
    // The audit log shows seconds too, still in the bureau's time zone.
    expect(formatDateTime("2025-09-17T18:30:05.999Z", undefined, { seconds: true })).toBe("2025-09-18 02:30:05")
    expect(formatDateTime("2025-12-31T16:00:00Z", undefined, { seconds: true })).toBe("2026-01-01 00:00:00")
  })

  it("knows today's date in the bureau's time zone", () => {
    // 2025-09-18 17:00 UTC is already 2025-09-19 in Beijing.
    expect(todayIso(new Date("2025-09-18T17:00:00Z"))).toBe("2025-09-19")
    expect(todayIso(new Date("2025-09-18T15:59:00Z"))).toBe("2025-09-18")
  })

  it("parses typed dates in the usual Chinese notations", () => {
    expect(parseDateText("2024-01-31")).toBe("2024-01-31")
    expect(parseDateText("2024/1/31")).toBe("2024-01-31")
    expect(parseDateText("2024.1.5")).toBe("2024-01-05")
    expect(parseDateText("2024年1月31日")).toBe("2024-01-31")
    expect(parseDateText("20240131")).toBe("2024-01-31")
    expect(parseDateText("2024-02-29")).toBe("2024-02-29")
    expect(parseDateText("2025-02-29")).toBeNull()
    expect(parseDateText("2024-13-01")).toBeNull()
    expect(parseDateText("31/01/2024")).toBeNull()
    expect(parseDateText("")).toBeNull()
  })

  it("checks yyyy-MM-dd strictly", () => {
    expect(isIsoDate("2024-01-31")).toBe(true)
    expect(isIsoDate("2024-1-31")).toBe(false)
    expect(isIsoDate("2024-02-30")).toBe(false)
  })

  it("round-trips between yyyy-MM-dd and the date picker's local Date", () => {
    const date = fromIsoDate("2024-12-31")
    expect(date?.getFullYear()).toBe(2024)
    expect(date?.getMonth()).toBe(11)
    expect(date?.getDate()).toBe(31)
    expect(toIsoDate(date!)).toBe("2024-12-31")
    expect(toIsoDate(new Date(2025, 0, 5))).toBe("2025-01-05")
    expect(fromIsoDate("")).toBeUndefined()
    expect(fromIsoDate("2024-02-30")).toBeUndefined()
  })
})
