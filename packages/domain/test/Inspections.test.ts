/**
 * Inspections' rules: a stored draw is run again from its recorded inputs to the same bytes (and a
 * changed input is noticed), the own area of an inspector is a conflict, the weighted draw is
 * stated as 重点抽查, and the on-site record's checks name their fields.
 */
import { describe, expect, it } from "vitest"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import {
  checkRecord,
  DrawSpec,
  drawInputs,
  drawResultText,
  ownAreaInstitutions,
  PlanInput,
  runDraw,
  verifyDraw,
  type DrawInputs,
  type OnsiteRecordInput
} from "../src/enforcement/index.js"
import {
  Area,
  AreaAssignment,
  bureauWide,
  OrgUnit,
  Placement,
  scopeOfUnit,
  type Organisation
} from "../src/responsibilities/index.js"

const unit = (id: string, kind: string, parentId: string | null, institutionCode: string | null = null) =>
  Schema.decodeUnknownSync(OrgUnit)({
    id,
    name: id,
    kind,
    parentId,
    areaCode: null,
    institutionCode,
    head: null,
    phone: null,
    active: true
  })
const org: Organisation = {
  areas: [Schema.decodeUnknownSync(Area)({ code: "caotang", name: "草堂镇", kind: "town" })],
  units: [
    unit("BUREAU", "bureau", null),
    unit("SEC-JJJG", "section", "BUREAU"),
    unit("HC-CAOTANG", "health_centre", "SEC-JJJG", "H50023500004")
  ],
  jurisdictions: [],
  assignments: [
    Schema.decodeUnknownSync(AreaAssignment)({
      areaCode: "caotang",
      sectionId: "SEC-JJJG",
      leaderName: "甲",
      leaderTitle: "副局长"
    })
  ],
  placements: ["H50023500008", "H50023500009"].map((institutionCode) =>
    Schema.decodeUnknownSync(Placement)({ institutionCode, areaCode: "caotang" })
  )
}
const institutions = [
  "H50023500001",
  "H50023500002",
  "H50023500003",
  "H50023500004",
  "H50023500008",
  "H50023500009"
].map((code, i) => ({
  code,
  orgKind: (i < 3 ? "public_hospital" : i === 3 ? "township_health_center" : "village_clinic") as never,
  hospitalLevel: i < 3 ? String(i + 1) : null
}))
const inspectors = ["A", "B", "C"].map((staffCode, i) => ({
  staffCode,
  name: staffCode,
  unitId: i === 2 ? "HC-CAOTANG" : "SEC-JJJG",
  badge: `b${i}`,
  active: true,
  conflicts: i === 0 ? ["H50023500002"] : []
}))
const context = {
  institutions,
  confirmedSuspicions: new Map([["H50023500003", 9]]),
  recentlyInspected: ["H50023500001"],
  inspectors,
  organisation: { ...org, assignments: [] }
}

describe("stored draws", () => {
  const inputs = Either.getOrThrow(
    drawInputs(
      {
        method: "random",
        seed: "s-1",
        strata: [
          { name: "医院", orgKinds: ["public_hospital"], share: 1 },
          { name: "村卫生室", orgKinds: ["village_clinic"], count: 1 }
        ],
        excludeDays: 30,
        plannedOn: "2025-11-20"
      },
      context
    )
  )

  it("records the exact inputs: strata as codes, the recently inspected excluded, conflicts with the own area", () => {
    expect(inputs.strata.map((s) => s.targets)).toEqual([
      ["H50023500001", "H50023500002", "H50023500003"],
      ["H50023500008", "H50023500009"]
    ])
    expect(inputs.exclude).toEqual(["H50023500001"])
    expect(inputs.inspectors.map((i) => i.conflicts)).toEqual([["H50023500002"], [], ["H50023500004"]])
  })

  it("runs again to the same bytes, and a changed input is noticed", () => {
    const result = Either.getOrThrow(runDraw(inputs))
    expect(result.targets).not.toContain("H50023500001")
    expect(result.targets).toHaveLength(3)
    result.targets.forEach((t, i) => {
      if (t === "H50023500002") expect(result.teams[i]).not.toContain("A")
    })
    const recorded = drawResultText(result)
    const copy = JSON.parse(JSON.stringify(inputs)) as DrawInputs
    expect(verifyDraw(copy, recorded)).toEqual({ same: true, recomputed: recorded, problem: null })
    expect(verifyDraw({ ...copy, seed: "s-2" }, recorded).same).toBe(false)
  })

  it("a weighted draw is stated as 重点抽查 and weights confirmed suspicions", () => {
    const weighted = Either.getOrThrow(
      drawInputs({ method: "weighted", seed: "w", count: 2, excludeDays: 0, plannedOn: "2025-11-20" }, context)
    )
    expect(weighted.weighted!.targets.find((t) => t.code === "H50023500003")!.weight).toBe(10)
    const result = Either.getOrThrow(runDraw(weighted))
    expect(result.statement).toContain("重点抽查")
    expect(result.targets).toHaveLength(2)
  })

  it("refuses a request naming its fields", () => {
    const refused = drawInputs(
      { method: "random", seed: "x", excludeDays: 0, inspectors: ["A", "Z"], plannedOn: "2025-11-20" },
      context
    )
    expect(Either.isLeft(refused) && refused.left.problems.map((p) => p.path)).toEqual([
      "$.inspectors[1]",
      "$.inspectors",
      "$.strata"
    ])
  })
})

describe("own area", () => {
  it("is the institutions placed in the unit's areas and the unit's own institution", () => {
    expect(ownAreaInstitutions(org, "SEC-JJJG", institutions)).toEqual(["H50023500008", "H50023500009"])
    expect(ownAreaInstitutions(org, "HC-CAOTANG", institutions)).toEqual(["H50023500004"])
    expect(ownAreaInstitutions(org, "BUREAU", institutions)).toEqual([])
  })
})

describe("the on-site record", () => {
  const record = (officers: number, sampled: number): OnsiteRecordInput => ({
    startTime: "09:00",
    endTime: "10:00",
    place: "药房",
    recorder: "记",
    presentPerson: { name: "负", position: "负责人" },
    officers: Array.from({ length: officers }, (_, i) => ({ name: `o${i}`, badge: `b${i}` })),
    items: [{ code: "X1", result: "nonconform" }],
    sampledPersons: Array.from({ length: sampled }, (_, i) => ({ psnNo: `P0000${i}0`, name: "某" })),
    findings: []
  })
  const checklist = [
    { code: "X1", text: "台账" },
    { code: "X2", text: "发票" }
  ]
  it("needs two officers even for a draft (行政处罚法 第四十二条)", () => {
    expect(
      checkRecord(record(1, 0), { checklist, minimumSampled: 10, minimumSource: "职责", finishing: false }).map(
        (p) => p.path
      )
    ).toEqual(["$.officers", "$.items[0].note"])
  })
  it("to finish, every item answered and the minimum sampled", () => {
    const problems = checkRecord(record(2, 9), {
      checklist,
      minimumSampled: 10,
      minimumSource: "职责 FJ",
      finishing: true
    })
    expect(problems.map((p) => p.path)).toEqual(["$.items[0].note", "$.items", "$.sampledPersons"])
    expect(problems[2]!.message).toContain("不得少于 10 人（职责 FJ）")
  })
})

describe("plan and draw dates", () => {
  it("are days of the calendar: 2025-02-30 is refused where the date is given, as everywhere else", () => {
    const plan = Schema.decodeUnknownEither(PlanInput)({
      kind: "routine",
      title: "t",
      periodFrom: "2025-02-30",
      periodTo: "2025-13-45"
    })
    expect(Either.isLeft(plan) && plan.left.message).toContain("应为真实存在的日期")
    const draw = Schema.decodeUnknownEither(DrawSpec)({
      method: "random",
      seed: "s",
      excludeDays: 0,
      plannedOn: "2027-02-30"
    })
    expect(Either.isLeft(draw) && draw.left.message).toContain("plannedOn")
    expect(
      Either.isRight(
        Schema.decodeUnknownEither(PlanInput)({
          kind: "routine",
          title: "t",
          periodFrom: "2024-02-29",
          periodTo: "2024-12-31"
        })
      )
    ).toBe(true)
  })
})

describe("what belongs to the bureau as a whole", () => {
  it("is seen at the bureau and its sections, not at a 医保中心 or a 卫生院 (a transfer about a person)", () => {
    const withCentre: Organisation = { ...org, units: [...org.units, unit("CENTRE", "handling_centre", "BUREAU")] }
    const facts = institutions.map((i) => ({ ...i, name: i.code, approvedBeds: null, supervisorCode: null }))
    const wide = (unitId: string) => bureauWide(scopeOfUnit(withCentre, unitId, facts))
    expect(["BUREAU", "SEC-JJJG", "CENTRE", "HC-CAOTANG"].map(wide)).toEqual([true, true, false, false])
    // The section's own institutions stay those of its units and areas.
    const section = scopeOfUnit(withCentre, "SEC-JJJG", facts)
    expect(section.all).toBe(false)
  })
})
