import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import {
  covers,
  isoDate,
  notCovered,
  parsePeriodKey,
  dayOfFollowingMonth,
  periodsOverlapping,
  weekendsOnlyCalendar,
  type WorkingCalendarShape,
  divisionCovers
} from "../src/kernel/index.js"
import {
  areasOf,
  checkCompletion,
  coverage,
  decodeDuty,
  decodeOrganisationSheets,
  defaultDuties,
  dutiesIn,
  defaultRankingScheme,
  dutyToRow,
  institutionsOverseenBy,
  Jurisdiction,
  OrgUnit,
  organisationProblems,
  performances,
  planTasks,
  rankUnits,
  requiredObjects,
  rowToDuty,
  supervisedBy,
  supervisorsOf,
  taskStates,
  type Duty,
  type InstitutionFacts,
  type Organisation,
  type TaskRecord,
  type UnitPerformance
} from "../src/responsibilities/index.js"

const unit = (id: string, kind: string, more: Record<string, unknown> = {}) =>
  Schema.decodeUnknownSync(OrgUnit)({
    id,
    name: id,
    kind,
    parentId: null,
    areaCode: null,
    institutionCode: null,
    head: null,
    phone: null,
    active: true,
    ...more
  })

const org: Organisation = {
  areas: [
    { code: "kuizhou", name: "夔州街道", kind: "street" },
    { code: "zhuyi", name: "朱衣镇", kind: "town" },
    { code: "caotang", name: "草堂镇", kind: "town" }
  ] as unknown as Organisation["areas"],
  units: [
    unit("BUREAU", "bureau"),
    unit("SEC-JJJG", "section", { parentId: "BUREAU" }),
    unit("SEC-YWGL", "section", { parentId: "BUREAU" }),
    unit("SSO-KUIZHOU", "social_security_office", { parentId: "SEC-JJJG", areaCode: "kuizhou" }),
    unit("HC-ZHUYI", "health_centre", { parentId: "SEC-JJJG", areaCode: "zhuyi", institutionCode: "H50023500014" }),
    unit("HC-CAOTANG", "health_centre", { parentId: "SEC-JJJG", areaCode: "caotang", institutionCode: "H50023500004" })
  ],
  jurisdictions: [
    { unitId: "SSO-KUIZHOU", areaCode: "kuizhou", orgKinds: ["clinic", "pharmacy"] },
    { unitId: "HC-ZHUYI", areaCode: "zhuyi", orgKinds: ["village_clinic"] },
    { unitId: "HC-ZHUYI", areaCode: "kuizhou", orgKinds: ["village_clinic"] },
    { unitId: "SEC-JJJG", areaCode: "*", orgKinds: ["public_hospital", "village_clinic"] }
  ].map((j) => Schema.decodeUnknownSync(Jurisdiction)(j)),
  assignments: [{ areaCode: "kuizhou", sectionId: "SEC-YWGL", leaderName: "刘次权", leaderTitle: "局长" }] as never,
  placements: [
    { institutionCode: "H50023500015", areaCode: "kuizhou" },
    { institutionCode: "P50023500001", areaCode: "kuizhou" },
    { institutionCode: "H50023500016", areaCode: "zhuyi" },
    { institutionCode: "H50023500002", areaCode: "kuizhou" }
  ] as never
}

const inst = (code: string, orgKind: string, more: Partial<InstitutionFacts> = {}): InstitutionFacts => ({
  code,
  name: code,
  orgKind: orgKind as InstitutionFacts["orgKind"],
  hospitalLevel: null,
  approvedBeds: null,
  supervisorCode: null,
  ...more
})
const institutions = [
  inst("H50023500002", "public_hospital", { hospitalLevel: "2", approvedBeds: 300 }),
  inst("H50023500004", "township_health_center"),
  inst("H50023500008", "village_clinic", { supervisorCode: "H50023500004" }),
  inst("H50023500014", "community_health_center"),
  inst("H50023500015", "village_clinic"),
  inst("H50023500016", "village_clinic"),
  inst("P50023500001", "pharmacy")
]

/** A calendar for pure tests: weekends, plus the holidays and adjusted working days given. */
const fakeCalendar = (
  holidays: ReadonlyArray<string>,
  workingWeekends: ReadonlyArray<string>
): WorkingCalendarShape => {
  const weekends = weekendsOnlyCalendar(2020, 2026)
  const calendar: WorkingCalendarShape = {
    source: "test",
    coveredYears: { from: 2020, to: 2026 },
    day: (date) =>
      Either.flatMap(covers(calendar, date) ? weekends.day(date) : Either.left(notCovered(calendar, date)), (info) =>
        holidays.includes(date)
          ? Either.right({ ...info, working: false, name: "假日", adjusted: true })
          : workingWeekends.includes(date)
            ? Either.right({ ...info, working: true, name: "调休上班", adjusted: true })
            : Either.right(info)
      )
  }
  return calendar
}
const calendar = fakeCalendar(
  ["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08"],
  ["2025-10-11"]
)

const duties = defaultDuties.map((d) => Effect.runSync(decodeDuty(d)))
const duty = (code: string) => duties.find((d) => d.code === code)!

describe("organisation and jurisdiction", () => {
  it("finds what each unit oversees: 朱衣镇's centre also covers 夔州街道's village clinics (seed 000 §三(四))", () => {
    assert.deepStrictEqual(
      institutionsOverseenBy(org, "HC-ZHUYI", institutions).map((i) => i.code),
      ["H50023500015", "H50023500016"]
    )
    assert.deepStrictEqual(
      institutionsOverseenBy(org, "SSO-KUIZHOU", institutions).map((i) => i.code),
      ["P50023500001"]
    )
    // A village clinic whose register entry names the health centre is overseen by it.
    assert.deepStrictEqual(
      institutionsOverseenBy(org, "HC-CAOTANG", institutions).map((i) => i.code),
      ["H50023500008"]
    )
    assert.lengthOf(institutionsOverseenBy(org, "SEC-JJJG", institutions), 4)
  })

  it("knows who supervises whom, including the section assigned to the street (§三(一))", () => {
    assert.deepStrictEqual(supervisorsOf(org, "SSO-KUIZHOU"), ["SEC-JJJG", "BUREAU", "SEC-YWGL"])
    assert.deepStrictEqual([...supervisedBy(org, "SEC-YWGL")], ["SSO-KUIZHOU"])
    assert.deepStrictEqual(
      areasOf(org, "SEC-YWGL").map((a) => a.code),
      ["kuizhou"]
    )
    assert.deepStrictEqual(
      areasOf(org, "HC-ZHUYI").map((a) => a.code),
      ["kuizhou", "zhuyi"]
    )
  })

  it("reports inconsistencies and names every bad spreadsheet row", () => {
    const problems = organisationProblems(
      { ...org, units: [...org.units, unit("SSO-X", "social_security_office", { parentId: "NOPE" })] },
      new Set(institutions.map((i) => i.code))
    )
    assert.isTrue(problems.some((p) => p.message.includes("上级单位 NOPE 不存在")))
    assert.isTrue(problems.some((p) => p.message.includes("SSO-X：乡镇（街道）社保所须填写所在区域")))
    const sheets = decodeOrganisationSheets([
      {
        sheet: "单位",
        rows: [
          { line: 2, cells: { 编码: "SSO-A", 名称: "甲社保所", 类型: "社保所", 所在区域: "kuizhou" } },
          { line: 3, cells: { 编码: "bad id", 名称: "", 类型: "城堡" } }
        ]
      },
      { sheet: "辖区", rows: [{ line: 2, cells: { 单位: "SSO-A", 区域: "全县", 机构类型: "诊所、药店" } }] },
      { sheet: "花名册", rows: [] }
    ])
    assert.isTrue(Either.isLeft(sheets))
    if (Either.isLeft(sheets)) {
      const where = sheets.left.map((p) => `${p.sheet}:${p.line ?? "-"}:${p.column ?? "-"}`)
      assert.includeMembers(where, ["单位:3:编码", "单位:3:名称", "单位:3:类型", "花名册:-:-"])
      assert.isFalse(where.some((w) => w.startsWith("单位:2") || w.startsWith("辖区")))
    }
    const good = decodeOrganisationSheets([
      { sheet: "辖区", rows: [{ line: 2, cells: { 单位: "SSO-A", 区域: "全县", 机构类型: "诊所、药店" } }] }
    ])
    assert.deepStrictEqual(
      Either.getOrThrow(good).jurisdictions?.map((j) => (j as Jurisdiction).orgKinds),
      [["clinic", "pharmacy"]]
    )
  })
})

describe("periods and deadlines", () => {
  it("names periods and finds day N of the following month", () => {
    assert.strictEqual(parsePeriodKey("2026-Q3")?.label, "2026年第3季度")
    assert.deepStrictEqual(
      [parsePeriodKey("2024-02")?.end, parsePeriodKey("2026-H2")?.start],
      ["2024-02-29", "2026-07-01"]
    )
    assert.isNull(parsePeriodKey("2026-Q5"))
    assert.strictEqual(parsePeriodKey("2020-04-21~2020-07-31")?.end, "2020-07-31")
    assert.strictEqual(dayOfFollowingMonth(isoDate("2026-12-31"), 15), "2027-01-15")
    assert.strictEqual(dayOfFollowingMonth(isoDate("2026-01-31"), 31), "2026-02-28")
    assert.lengthOf(periodsOverlapping("quarter", isoDate("2025-02-10"), isoDate("2025-11-01")), 4)
  })

  it("plans a ledger due on the 5th, moved past the holiday, and a provisional one beyond the calendar", () => {
    const tasks = planTasks({
      duties: [duty("FJ-SSO-LEDGER-M")],
      organisation: org,
      institutions,
      from: isoDate("2025-09-01"),
      through: isoDate("2025-09-30"),
      calendar
    })
    assert.deepStrictEqual(
      tasks.map((t) => [t.unitId, t.period.key, t.deadline.date, t.deadline.nominal]),
      [["SSO-KUIZHOU", "2025-09", "2025-10-09", "2025-10-05"]]
    )
    const beyond = planTasks({
      duties: [duty("FJ-SSO-LEDGER-M")],
      organisation: org,
      institutions,
      from: isoDate("2026-12-01"),
      through: isoDate("2026-12-01"),
      calendar
    })
    assert.deepStrictEqual([beyond[0]?.deadline.date, beyond[0]?.deadline.provisional], ["2027-01-05", true])
    assert.include(beyond[0]?.deadline.note ?? "", notCovered(calendar, isoDate("2027-01-05")).message)
  })

  it("plans a whole year: per object, per unit, per area, with counts and versions", () => {
    const year = planTasks({
      duties,
      organisation: org,
      institutions,
      from: isoDate("2025-01-01"),
      through: isoDate("2025-12-31"),
      calendar
    })
    const count = (code: string) => year.filter((t) => t.dutyCode === code).length
    assert.strictEqual(count("FJ-SSO-CLINIC-CHECK-Q"), 4, "one pharmacy, four quarters")
    assert.strictEqual(count("FJ-HC-VILLAGE-CHECK-Q"), 4 * 3, "朱衣 2 clinics + 草堂 1")
    assert.strictEqual(count("FJ-HC-VILLAGE-REVIEW-M"), 12 * 3)
    assert.strictEqual(count("FJ-HC-LEDGER-M"), 12 * 2)
    assert.strictEqual(count("FJ-SEC-AREA-CHECK-Y"), 1, "only 业务管理科 has an assigned street")
    assert.strictEqual(count("SJ-DOUBLE-RANDOM-Y"), 1, "one 二级 hospital in 基金监管科's county-wide jurisdiction")
    assert.deepStrictEqual(year.find((t) => t.dutyCode === "FJ-HC-TRAINING-Y")?.requiredCount, 2)
    assert.strictEqual(count("NM2020-CHECK-OTHERS"), 0, "seed 001's 2020 windows are not this year's")
    const again = planTasks({
      duties,
      organisation: org,
      institutions,
      from: isoDate("2025-01-01"),
      through: isoDate("2025-12-31"),
      calendar
    })
    assert.deepStrictEqual(again, year)
    // A new version from 1 July governs the periods that overlap it.
    const revised = { ...duty("FJ-SSO-CLINIC-CHECK-Q"), version: 2, effectiveFrom: isoDate("2025-07-01") } as Duty
    const v1 = { ...duty("FJ-SSO-CLINIC-CHECK-Q"), effectiveTo: isoDate("2025-06-30") } as Duty
    const versions = planTasks({
      duties: [v1, revised],
      organisation: org,
      institutions,
      from: isoDate("2025-01-01"),
      through: isoDate("2025-12-31"),
      calendar
    })
    assert.deepStrictEqual(
      versions.map((t) => t.dutyVersion),
      [1, 1, 2, 2]
    )
  })
})

describe("evidence", () => {
  const check = duty("FJ-SSO-CLINIC-CHECK-Q")
  const task = { periodStart: "2025-07-01" }

  it("needs the record and at least 10 insured persons sampled (seed 000 §二(三))", () => {
    const bad = checkCompletion(
      check,
      task,
      { completedOn: "2025-09-01", record: "", values: { personsSampled: 8, problemsFound: 1, oops: 1 }, fileCount: 0 },
      "2025-09-30",
      null
    )
    assert.deepStrictEqual(bad.problems.map((p) => p.path).sort(), [
      "$.record",
      "$.values.oops",
      "$.values.personsSampled"
    ])
    const good = checkCompletion(
      check,
      task,
      {
        completedOn: "2025-09-01",
        record: "现场检查，抽查12人",
        values: { personsSampled: 12, problemsFound: 1 },
        fileCount: 0
      },
      "2025-09-30",
      null
    )
    assert.deepStrictEqual([good.problems, good.values], [[], { personsSampled: 12, problemsFound: 1 }])
    const future = checkCompletion(
      check,
      task,
      { completedOn: "2025-10-02", record: "记录", values: { personsSampled: 12, problemsFound: 0 }, fileCount: 0 },
      "2025-09-30",
      null
    )
    assert.deepStrictEqual(
      future.problems.map((p) => p.path),
      ["$.completedOn"]
    )
  })

  it("needs the sealed paper ledger confirmed and a file; checks institutions belong to the duty", () => {
    const ledger = checkCompletion(
      duty("FJ-SSO-LEDGER-M"),
      task,
      { completedOn: "2025-08-04", record: "已报送", values: {}, fileCount: 0 },
      "2025-09-30",
      null
    )
    assert.deepStrictEqual(ledger.problems.map((p) => p.path).sort(), ["$.files", "$.values.paperSealed"])
    const unannounced = checkCompletion(
      duty("SJ-UNANNOUNCED-Y"),
      { periodStart: "2025-01-01" },
      {
        completedOn: "2025-05-01",
        record: "四不两直",
        values: { institutions: ["H50023500099"], problemsFound: 0 },
        fileCount: 0
      },
      "2025-09-30",
      new Set(["H50023500002"])
    )
    assert.match(unannounced.problems[0]?.message ?? "", /H50023500099 不属于本职责的检查对象/)
  })
})

const facts = (objectCode: string, dates: ReadonlyArray<string>, more: Partial<TaskRecord> = {}): TaskRecord => ({
  dutyCode: "D",
  unitId: "U",
  objectCode,
  periodKey: "2025",
  periodStart: "2025-01-01",
  periodEnd: "2025-12-31",
  deadline: "2025-12-31",
  requiredCount: 1,
  completionDates: dates,
  category: "inspection",
  completions: dates.map((d) => ({ completedOn: d, values: { problemsFound: 1 } })),
  ...more
})

describe("coverage", () => {
  it("counts objects against the target: ⌈50 % × 3⌉ = 2; late counts as done, not on time; later days not yet", () => {
    assert.deepStrictEqual(
      [requiredObjects(0.5, 3), requiredObjects(0.5, 4), requiredObjects(1, 0), requiredObjects(0.3, 10)],
      [2, 2, 0, 3]
    )
    const tasks = [facts("A", ["2025-03-01"]), facts("B", ["2026-01-10"]), facts("C", [])]
    const [unitRow, county] = coverage(tasks, () => 0.5, "2026-01-31")
    assert.deepStrictEqual([unitRow?.done, unitRow?.doneOnTime, unitRow?.required, unitRow?.status], [2, 1, 2, "met"])
    assert.strictEqual(county?.unitId, null)
    const earlier = coverage(tasks, () => 0.5, "2025-12-31")[0]
    assert.deepStrictEqual([earlier?.done, earlier?.status, earlier?.rate], [1, "behind", 1 / 3])
    const none = coverage([], () => 1, "2025-12-31", [{ dutyCode: "D", periodKey: "2025" }])
    assert.deepStrictEqual(
      none.map((r) => [r.status, r.rate]),
      [["no_objects", null]]
    )
  })

  it("does not call a sampled task overdue once the target is met", () => {
    const tasks = [facts("A", ["2025-03-01"]), facts("B", []), facts("C", [], { dutyCode: "FULL" })]
    const states = taskStates(tasks, (code) => (code === "D" ? 0.5 : 1), "2026-01-05").map((s) => s.state)
    assert.deepStrictEqual(states, ["done", "not_selected", "overdue"])
  })
})

describe("ranking", () => {
  const p = (unitId: string, more: Partial<UnitPerformance>): UnitPerformance => ({
    unitId,
    unitName: unitId,
    unitKind: "health_centre",
    dutiesDue: 10,
    dutiesOnTime: 10,
    checksRequired: 4,
    checksDone: 4,
    problemsFound: 2,
    rectificationsVerified: 2,
    overdue: 0,
    ...more
  })

  it("breaks score ties by the tie-breakers, then shares the rank, and explains it", () => {
    const scheme = {
      ...defaultRankingScheme,
      groups: [{ ...defaultRankingScheme.groups[0]!, commendTop: 1, interviewBottom: 1 }]
    }
    const [group] = rankUnits(scheme, [
      // B and C score the same: B is better on time, C found more problems (weights make them equal).
      p("A", {}),
      p("B", { dutiesOnTime: 10, checksDone: 4, problemsFound: 1, rectificationsVerified: 1 }),
      p("C", { dutiesOnTime: 10, checksDone: 4, problemsFound: 1, rectificationsVerified: 1 }),
      p("D", { dutiesOnTime: 5, overdue: 5, checksDone: 2 })
    ])
    assert.deepStrictEqual(
      group!.rows.map((r) => [r.performance.unitId, r.rank, r.outcome]),
      [
        ["A", 1, "commended"],
        ["B", 2, null],
        ["C", 2, null],
        ["D", 4, "interviewed"]
      ]
    )
    assert.match(group!.rows[1]!.explanation, /与C得分及各项并列指标均相同，并列第2名/)
  })

  it("uses tie-breakers in order when scores are equal", () => {
    const scheme = {
      ...defaultRankingScheme,
      criteria: [{ metric: "problems_found" as const, weight: 100 }],
      tieBreakers: ["on_time_rate" as const]
    }
    const [group] = rankUnits(scheme, [p("X", { dutiesOnTime: 8 }), p("Y", { dutiesOnTime: 9 })])
    assert.deepStrictEqual(
      group!.rows.map((r) => [r.performance.unitId, r.rank]),
      [
        ["Y", 1],
        ["X", 2]
      ]
    )
    assert.match(group!.rows[0]!.explanation, /按并列指标/)
  })

  it("commends the top 10 and interviews the bottom 3 — never both, never a unit with the best score", () => {
    const units = Array.from({ length: 5 }, (_, i) => p(`U${i}`, { dutiesOnTime: 10 - i }))
    const [group] = rankUnits(defaultRankingScheme, units)
    assert.deepStrictEqual(
      group!.rows.map((r) => r.outcome),
      ["commended", "commended", "interviewed", "interviewed", "interviewed"]
    )
    const tied = rankUnits(defaultRankingScheme, [p("A", {}), p("B", {}), p("C", {})])[0]!
    assert.deepStrictEqual(
      tied.rows.map((r) => [r.rank, r.outcome]),
      [
        [1, "commended"],
        [1, "commended"],
        [1, "commended"]
      ]
    )
  })

  it("does not score a unit on a criterion with nothing due, and does not rank a unit with nothing due at all", () => {
    const [group] = rankUnits(defaultRankingScheme, [
      p("BUSY", {}),
      // Nothing found, so nothing to rectify: rectification is left out, the rest scaled to 100.
      p("CLEAN", { problemsFound: 0, rectificationsVerified: 0 }),
      p("IDLE", {
        dutiesDue: 0,
        dutiesOnTime: 0,
        checksRequired: 0,
        checksDone: 0,
        problemsFound: 0,
        rectificationsVerified: 0
      })
    ])
    const row = (id: string) => group!.rows.find((r) => r.performance.unitId === id)!
    assert.deepStrictEqual(
      row("CLEAN").points.map((pt) => [pt.metric, pt.points]),
      [
        ["on_time_rate", 40],
        ["checks_done_rate", 30],
        ["problems_found", 0],
        ["rectification_rate", null]
      ]
    )
    // (40 + 30 + 0) of the 85 points that apply.
    assert.strictEqual(row("CLEAN").score, 82.35)
    assert.match(row("CLEAN").explanation, /整改核实率：期间内未发现问题，无需整改，不计入/)
    assert.strictEqual(row("BUSY").score, 100)
    assert.deepStrictEqual([row("IDLE").rank, row("IDLE").score, row("IDLE").outcome], [null, null, null])
    assert.match(row("IDLE").explanation, /不参与排名/)
    // The unranked unit is listed last and is neither commended nor interviewed.
    assert.deepStrictEqual(
      group!.rows.map((r) => [r.performance.unitId, r.rank]),
      [
        ["BUSY", 1],
        ["CLEAN", 2],
        ["IDLE", null]
      ]
    )
  })

  it("measures performance from tasks: due by the day asked, sampled-out excluded, problems summed", () => {
    const tasks = [
      facts("A", ["2025-03-01"]),
      facts("B", ["2026-01-10"]),
      facts("", [], {
        dutyCode: "LEDGER",
        category: "report",
        deadline: "2025-12-05",
        periodEnd: "2025-11-30",
        periodKey: "2025-11"
      })
    ]
    const [perf] = performances(
      [{ id: "U", name: "U", kind: "health_centre" }],
      tasks,
      () => 1,
      parsePeriodKey("2025")!,
      "2026-01-31"
    )
    assert.deepStrictEqual(
      [perf?.dutiesDue, perf?.dutiesOnTime, perf?.checksRequired, perf?.checksDone, perf?.problemsFound, perf?.overdue],
      [3, 1, 2, 2, 1, 1]
    )
  })
})

describe("duties as data", () => {
  it("decodes every default duty and round-trips it through a spreadsheet row", () => {
    assert.isAtLeast(duties.length, 19)
    for (const [i, d] of defaultDuties.entries()) {
      const row = dutyToRow(d)
      const back = Either.getOrThrow(rowToDuty(row, d.version, "职责", i + 2))
      assert.deepStrictEqual(back, duties[i])
    }
  })

  it("binds each duty to the area of its document: a 重庆 county takes on neither 宁夏's nor 奈曼旗's duties", () => {
    const region = (code: string) => duties.find((d) => d.code === code)!.source.region
    assert.strictEqual(region("FJ-HC-TRAINING-Y"), "500235")
    assert.strictEqual(region("NX-TRANSFER-REPORT-Y"), "640000")
    assert.strictEqual(region("NM2020-MOBILISE"), "150525")
    // Seed 003 is an anonymised district's plan: a model, bound to no area.
    assert.isNull(region("SJ-DOUBLE-RANDOM-Y"))
    const county = dutiesIn(duties, "500235").map((d) => d.code)
    assert.include(county, "FJ-HC-TRAINING-Y")
    assert.include(county, "SJ-DOUBLE-RANDOM-Y")
    assert.isFalse(county.some((c) => c.startsWith("NX-") || c.startsWith("NM2020-")))
    // 宁夏's notice binds every division of the region (640000 covers 640121), not its neighbours.
    assert.sameMembers(
      dutiesIn(duties, "640121")
        .filter((d) => d.source.seed === "004")
        .map((d) => d.code),
      ["NX-JOINT-INSPECTION-Y", "NX-TRANSFER-REPORT-Y"]
    )
    assert.isTrue(divisionCovers("440300", "440305"))
    assert.isFalse(divisionCovers("440300", "440400"))
    assert.isFalse(divisionCovers("500235", "500236"))
    // A definition stored before duties had an area decodes as bound to none; the spreadsheet names the column.
    const { region: _stored, ...before } = defaultDuties[0]!.source
    assert.isNull(Effect.runSync(decodeDuty({ ...defaultDuties[0]!, source: before })).source.region)
    const bad = rowToDuty({ ...dutyToRow(defaultDuties[0]!), 适用地区: "重庆" }, 1, "职责", 3)
    assert.deepStrictEqual(Either.isLeft(bad) ? bad.left.map((p) => `${p.line}:${p.column}`) : [], ["3:适用地区"])
  })

  it("names the column and line of a bad row, and refuses inconsistent definitions", () => {
    const row = { ...dutyToRow(defaultDuties[0]!), 周期: "每周", 期限: "下周" }
    const bad = rowToDuty(row, 1, "职责", 7)
    assert.isTrue(Either.isLeft(bad))
    if (Either.isLeft(bad))
      assert.includeMembers(
        bad.left.map((p) => `${p.line}:${p.column}`),
        ["7:周期", "7:期限"]
      )
    const inconsistent = Effect.runSync(
      Effect.either(decodeDuty({ ...defaultDuties[0]!, scope: "unit", coverageTarget: 0.5 }))
    )
    assert.isTrue(Either.isLeft(inconsistent))
    if (Either.isLeft(inconsistent))
      assert.deepStrictEqual(
        inconsistent.left.problems.map((p) => p.path),
        ["$.coverageTarget"]
      )
  })
})
