/**
 * 举报投诉's page logic: the intake body (the informant apart, optional fields only when filled), the
 * triage body, a reward's levels as rows, overdue deadlines in red, the import format from the name.
 */
import * as Complaints from "@fundguard/contracts/Complaints"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import {
  deadlineClass,
  emptyIntake,
  formatOfFile,
  intakeBody,
  rewardLevels,
  triageBody
} from "../../../src/features/complaints/complaints.js"

describe("complaints page logic", () => {
  it("builds an intake the contract accepts, leaving out empty fields", () => {
    const body = intakeBody({
      ...emptyIntake("2025-11-20"),
      institutionCode: " H50023500001 ",
      content: "挂床住院",
      anonymous: true,
      phone: "13800000000"
    })
    expect(body).toEqual({
      channel: "phone",
      receivedOn: "2025-11-20",
      subject: { kind: "institution", institutionCode: "H50023500001" },
      content: "挂床住院",
      informant: { anonymous: true, phone: "13800000000" }
    })
    expect(Schema.decodeUnknownEither(Complaints.intakeComplaint.body!)(body)._tag).toBe("Right")
  })

  it("sends only the fields its triage decision uses", () => {
    expect(triageBody({ decision: "accept", reason: "", forwardTo: "卫健委", mergeInto: "X" })).toEqual({
      decision: "accept"
    })
    expect(triageBody({ decision: "forward", reason: "非本部门职责", forwardTo: "县卫健委", mergeInto: "" })).toEqual({
      decision: "forward",
      reason: "非本部门职责",
      forwardTo: "县卫健委"
    })
  })

  it("reads a reward's three levels and payment, pending where not yet taken", () => {
    const rows = rewardLevels({
      proposedByName: "李审核",
      proposedOn: "2025-12-01",
      reviewedByName: "王稽核",
      reviewedOn: "2025-12-02",
      approvedByName: null,
      approvedOn: null,
      paidOn: null,
      paidAmount: null,
      paymentMethod: null
    })
    expect(rows.map((r) => [r.label, r.who])).toEqual([
      ["初审（提出）", "李审核"],
      ["复审", "王稽核"],
      ["审批", "待办"],
      ["发放", "待发放"]
    ])
  })

  it("shows overdue and late deadlines in red; takes the import format from the file name", () => {
    expect(deadlineClass("overdue")).toBe("overdue")
    expect(deadlineClass("late")).toBe("overdue")
    expect(deadlineClass("open")).toBe("open")
    expect(formatOfFile("导出.JSON")).toBe("json")
    expect(formatOfFile("导出.csv")).toBe("csv")
  })
})
