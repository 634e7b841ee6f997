/**
 * Internal control: the officer who drafted a decision cannot approve it, nor review it twice; three
 * different people pass it — by the same separation rule the suspicion review uses.
 */
import { describe, expect, it } from "vitest"
import { threeLevelReview } from "../src/access/index.js"
import { internalControlConflict } from "../src/enforcement/index.js"
import { incompatibleLevels } from "../src/review/index.js"

const drafter = { id: "u-zhang", name: "张承办" }
const reviewer = { id: "u-li", name: "李科长" }
const approver = { id: "u-wang", name: "王局长" }

describe("internal control of enforcement", () => {
  const history = [
    { actorId: drafter.id, level: "first" as const },
    { actorId: reviewer.id, level: "second" as const }
  ]

  it("refuses the drafter of a penalty decision at 审批, naming the levels held", () => {
    const refused = internalControlConflict("penalty_decision", history, drafter, "approval")
    expect(refused?.detail).toBe(
      "内部控制不相容岗位分离：张承办已担任本行政处罚决定的初审，不能再办理审批（初审、复审、审批须由三名不同人员办理，任何人不得审批本人经办的事项）"
    )
    expect(internalControlConflict("penalty_decision", history, reviewer, "approval")?.level).toBe("approval")
    expect(internalControlConflict("case_filing", history, drafter, "second")).not.toBeNull()
  })

  it("lets a third person approve, and the drafter draft again", () => {
    expect(internalControlConflict("fund_recovery", history, approver, "approval")).toBeNull()
    expect(internalControlConflict("fund_recovery", history, drafter, "first")).toBeNull()
  })

  it("is the same rule as the suspicion review's three levels", () => {
    for (const level of ["first", "second", "approval"] as const)
      expect(threeLevelReview.incompatible[level]).toEqual(
        incompatibleLevels[level].filter((l) => l !== "verification")
      )
  })
})
