import { assert, describe, it } from "@effect/vitest"
import {
  addWorkingDays,
  BureauClock,
  isoDate,
  onOrNextWorkingDay,
  parsePeriodKey,
  WorkingCalendar,
  WorkingDays,
  workingDaysBetween
} from "@fundguard/domain/kernel"
import { dutyDeadline, type Duty } from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { chineseWorkingCalendar, ChineseWorkingCalendarLive, coveredYears } from "../src/index.js"

const calendar = chineseWorkingCalendar()
const d = isoDate
const right = <A, E>(e: Either.Either<A, E>): A => Either.getOrThrow(e)

describe("working-day calendar from chinese-days", () => {
  it("says which years it covers, from the package's data", () => {
    const years = coveredYears()
    assert.strictEqual(years.from, 2004)
    assert.strictEqual(years.to, 2026)
    assert.deepStrictEqual(calendar.coveredYears, years)
  })

  it("knows the 2025 Spring Festival holidays and its adjusted working days (国办发明电〔2024〕12号)", () => {
    assert.isTrue(right(calendar.day(d("2025-01-26"))).working, "Sunday 26 January is a working day")
    assert.isTrue(right(calendar.day(d("2025-01-26"))).adjusted)
    assert.match(right(calendar.day(d("2025-01-26"))).name, /调休上班（春节）/)
    for (const day of ["2025-01-28", "2025-01-31", "2025-02-03", "2025-02-04"])
      assert.isFalse(right(calendar.day(d(day))).working, day)
    assert.strictEqual(right(calendar.day(d("2025-02-03"))).name, "春节")
    assert.isTrue(right(calendar.day(d("2025-02-08"))).working, "Saturday 8 February is a working day")
  })

  it("counts 'within N working days' across the 2025 Spring Festival (民法典 Art.201)", () => {
    // Monday 27 January: the 28th–4 February are holidays; 5, 6, 7 February working; 8 Feb (Sat) 调休.
    assert.strictEqual(right(addWorkingDays(calendar, d("2025-01-27"), 1)), "2025-02-05")
    assert.strictEqual(right(addWorkingDays(calendar, d("2025-01-27"), 4)), "2025-02-08")
    assert.strictEqual(right(addWorkingDays(calendar, d("2025-01-27"), 5)), "2025-02-10")
    // The event on Saturday 25 January: Sunday 26 (调休上班) is working day 1.
    assert.strictEqual(right(addWorkingDays(calendar, d("2025-01-25"), 1)), "2025-01-26")
    assert.strictEqual(right(workingDaysBetween(calendar, d("2025-01-24"), d("2025-02-09"))), 6)
  })

  it("counts across the 2026 Spring Festival with two Saturday working days (14 and 28 February)", () => {
    // seed 004: transfer within 7 working days of a decision made on Thursday 12 February 2026.
    assert.strictEqual(right(addWorkingDays(calendar, d("2026-02-12"), 7)), "2026-02-28")
    assert.strictEqual(right(addWorkingDays(calendar, d("2026-02-13"), 1)), "2026-02-14")
    assert.strictEqual(right(addWorkingDays(calendar, d("2026-02-14"), 1)), "2026-02-24")
  })

  it("moves a deadline on a holiday to the next working day (民法典 Art.203), National Day 2025 and 2026", () => {
    assert.strictEqual(right(onOrNextWorkingDay(calendar, d("2025-10-05"))), "2025-10-09")
    assert.strictEqual(right(onOrNextWorkingDay(calendar, d("2025-10-01"))), "2025-10-09")
    assert.strictEqual(right(onOrNextWorkingDay(calendar, d("2025-10-11"))), "2025-10-11", "Saturday 11 October works")
    assert.strictEqual(right(onOrNextWorkingDay(calendar, d("2026-10-05"))), "2026-10-08")
    assert.strictEqual(right(onOrNextWorkingDay(calendar, d("2026-09-20"))), "2026-09-20", "Sunday 20 September works")
    assert.strictEqual(right(onOrNextWorkingDay(calendar, d("2026-10-09"))), "2026-10-09")
  })

  it("gives the seed 000 ledger deadline (每月5日前) and quarter ends across holidays", () => {
    const ledger = { deadline: { kind: "day_of_following_month", day: 5 } } as Pick<Duty, "deadline">
    const quarter = { deadline: { kind: "period_end" } } as Pick<Duty, "deadline">
    const at = (duty: Pick<Duty, "deadline">, key: string) => dutyDeadline(duty, parsePeriodKey(key)!, calendar)
    assert.strictEqual(at(ledger, "2025-09").date, "2025-10-09", "5 October 2025 is in the National Day holiday")
    assert.strictEqual(at(ledger, "2025-09").nominal, "2025-10-05")
    assert.strictEqual(at(ledger, "2026-01").date, "2026-02-05")
    assert.strictEqual(at(ledger, "2026-09").date, "2026-10-08")
    assert.strictEqual(at(quarter, "2024-Q2").date, "2024-07-01", "30 June 2024 is a Sunday")
    assert.strictEqual(at(quarter, "2023-Q3").date, "2023-10-07", "Saturday 7 October 2023 was a working day")
  })

  it("refuses dates beyond its data instead of guessing, and marks such deadlines provisional", () => {
    const beyond = calendar.day(d("2027-01-05"))
    assert.isTrue(Either.isLeft(beyond))
    if (Either.isLeft(beyond)) {
      assert.strictEqual(beyond.left._tag, "CalendarYearNotCovered")
      assert.match(beyond.left.message, /2027年的法定节假日安排不在工作日历数据内/)
    }
    assert.isTrue(Either.isLeft(addWorkingDays(calendar, d("2026-12-28"), 5)))
    const ledger = { deadline: { kind: "day_of_following_month", day: 5 } } as Pick<Duty, "deadline">
    const december = dutyDeadline(ledger, parsePeriodKey("2026-12")!, calendar)
    assert.deepStrictEqual([december.date, december.provisional], ["2027-01-05", true])
    assert.match(december.note ?? "", /未按法定节假日顺延/)
    const report = dutyDeadline(
      { deadline: { kind: "working_days_after_period_end", days: 5 } },
      parsePeriodKey("2026-12")!,
      calendar
    )
    assert.deepStrictEqual([report.date, report.provisional], ["2027-01-07", true])
  })

  it.effect("serves the domain's WorkingCalendar service with a fixed clock", () =>
    Effect.gen(function* () {
      const today = yield* Effect.flatMap(BureauClock, (c) => c.today)
      assert.strictEqual(today, "2025-09-30")
      assert.strictEqual(yield* WorkingDays.add(today, 1), "2025-10-09")
      const info = yield* WorkingDays.day(d("2025-10-06"))
      assert.strictEqual(info.name, "中秋")
      const failure = yield* Effect.flip(WorkingDays.onOrNext(d("2030-01-01")))
      assert.strictEqual(failure._tag, "CalendarYearNotCovered")
      const c = yield* WorkingCalendar
      assert.strictEqual(c.coveredYears.to, 2026)
    }).pipe(Effect.provide(Layer.merge(ChineseWorkingCalendarLive, BureauClock.fixed("2025-09-30"))))
  )

  it("refuses to start in a time zone where the package gives wrong days", () => {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
    const probe = join(import.meta.dirname, "fixtures", "tz-probe.ts")
    const run = (tz: string) =>
      spawnSync(process.execPath, ["--conditions=@fundguard/source", "--import", tsx, probe], {
        encoding: "utf8",
        env: { ...process.env, TZ: tz }
      })
    assert.strictEqual(run("Asia/Shanghai").stdout.trim(), "ok")
    const west = run("America/Los_Angeles")
    assert.notStrictEqual(west.status, 0)
    assert.match(west.stderr, /TZ=Asia\/Shanghai/)
  })
})
