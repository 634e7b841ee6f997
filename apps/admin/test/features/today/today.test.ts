import { describe, expect, it } from "vitest"
import type { EvidenceField } from "@fundguard/domain/responsibilities"
import { percent } from "../../../src/features/coverage/coverage.js"
import { deadlineText, emptyEvidenceForm, evidenceValues, unitOfDepartment } from "../../../src/features/today/today.js"
import type { OrganisationView } from "@fundguard/contracts/Organisation"

describe("responsibility page logic", () => {
  it("words deadlines: overdue, due today, working days left, provisional", () => {
    const base = {
      deadline: "2026-12-07",
      state: "open" as const,
      dueToday: false,
      workingDaysLeft: 11,
      deadlineProvisional: false
    }
    expect(deadlineText(base)).toBe("2026-12-07 · 剩 11 个工作日")
    expect(deadlineText({ ...base, state: "overdue" })).toBe("2026-12-07 · 已逾期")
    expect(deadlineText({ ...base, dueToday: true })).toBe("2026-12-07 · 今日到期")
    expect(deadlineText({ ...base, deadline: "2027-01-05", workingDaysLeft: null, deadlineProvisional: true })).toBe(
      "2027-01-05（暂定）"
    )
    expect([percent(0.5), percent(1 / 3), percent(null)]).toEqual(["50%", "33.3%", "—"])
  })

  it("turns the evidence form into values, catching counts that are not whole numbers", () => {
    const fields: ReadonlyArray<EvidenceField> = [
      { key: "personsSampled", label: "抽查参保人数", type: "count", required: true, min: 10 },
      { key: "paperSealed", label: "纸质件已加盖鲜章报送", type: "flag", required: true, min: null },
      { key: "institutions", label: "被检查机构", type: "institutions", required: true, min: 1 },
      { key: "files", label: "台账", type: "files", required: true, min: 1 }
    ]
    const form = emptyEvidenceForm(fields, "2026-11-22")
    expect(form).toMatchObject({
      completedOn: "2026-11-22",
      counts: { personsSampled: "" },
      flags: { paperSealed: false }
    })
    form.counts["personsSampled"] = "１２"
    form.flags["paperSealed"] = true
    form.institutions["institutions"] = ["H50023500001"]
    expect(evidenceValues(fields, form)).toEqual({
      values: { personsSampled: 12, paperSealed: true, institutions: ["H50023500001"] },
      problems: []
    })
    form.counts["personsSampled"] = "十二"
    expect(evidenceValues(fields, form).problems).toEqual([
      { path: "$.values.personsSampled", message: "抽查参保人数：须为非负整数" }
    ])
  })

  it("finds the signed-in user's unit by department name", () => {
    const org = { units: [{ id: "SEC-JJJG", name: "基金监管科" }] } as unknown as OrganisationView
    expect(unitOfDepartment(org, "基金监管科")).toBe("SEC-JJJG")
    expect(unitOfDepartment(org, "医保中心")).toBe("")
    expect(unitOfDepartment(null, null)).toBe("")
  })
})

describe("case deadlines on 职责日历", () => {
  it("puts each case on its next deadline's day within the month", async () => {
    const { caseDeadlinesByDay, monthEnd } = await import("../../../src/features/calendar/calendar.js")
    expect(monthEnd("2026-02")).toBe("2026-02-28")
    expect(monthEnd("2028-02")).toBe("2028-02-29")
    const days = caseDeadlinesByDay(
      [
        { id: "a", nextDueOn: "2026-12-07" },
        { id: "b", nextDueOn: "2026-11-30" },
        { id: "c", nextDueOn: "2026-12-07" },
        { id: "d", nextDueOn: null }
      ],
      "2026-12"
    )
    expect([...days.entries()].map(([day, cs]) => [day, cs.map((c) => c.id)])).toEqual([["2026-12-07", ["a", "c"]]])
  })
})
