/**
 * Grouping confirmed leads into proposed cases by institution, person or doctor.
 */
import { describe, expect, it } from "vitest"
import { groupLeads, type ConfirmedLead } from "../src/enforcement/index.js"

const lead = (id: string, fields: Partial<ConfirmedLead>): ConfirmedLead => ({
  id,
  institution: "H1",
  person: null,
  doctor: null,
  violation: "A38-3-DUPLICATE_CHARGE",
  amount: 10,
  date: "2025-03-01",
  ...fields
})

describe("grouping leads into cases", () => {
  const leads = [
    lead("s1", { person: "P1", doctor: "D1", amount: 120.1 }),
    lead("s2", { person: "P1", doctor: "D1", violation: "A38-4-SWAP", amount: 80, date: "2025-01-15" }),
    lead("s3", { institution: "H2", person: "P1", amount: 35.25, date: "2025-06-30" }),
    lead("s4", { institution: "H2", violation: null, amount: 5 }),
    lead("s5", { institution: "H1", doctor: "D1", amount: 0.05 })
  ]

  it("groups by institution with the amount per violation, the period and the leads", () => {
    const { cases, ungrouped } = groupLeads(leads, "institution")
    expect(ungrouped).toEqual([])
    expect(cases).toEqual([
      {
        groupBy: "institution",
        subject: "H1",
        institutions: ["H1"],
        leads: ["s1", "s2", "s5"],
        violations: [
          { code: "A38-3-DUPLICATE_CHARGE", amount: 120.15, leads: 2 },
          { code: "A38-4-SWAP", amount: 80, leads: 1 }
        ],
        amount: 200.15,
        from: "2025-01-15",
        to: "2025-03-01"
      },
      {
        groupBy: "institution",
        subject: "H2",
        institutions: ["H2"],
        leads: ["s3", "s4"],
        violations: [{ code: "A38-3-DUPLICATE_CHARGE", amount: 35.25, leads: 1 }],
        amount: 40.25,
        from: "2025-03-01",
        to: "2025-06-30"
      }
    ])
  })

  it("groups by person across institutions, and answers the leads without one apart", () => {
    const { cases, ungrouped } = groupLeads(leads, "person")
    expect(cases.map((c) => [c.subject, c.institutions, c.leads, c.amount])).toEqual([
      ["P1", ["H1", "H2"], ["s1", "s2", "s3"], 235.35]
    ])
    expect(ungrouped).toEqual(["s4", "s5"])
    expect(groupLeads(leads, "doctor").cases.map((c) => [c.subject, c.leads])).toEqual([["D1", ["s1", "s2", "s5"]]])
  })
})
