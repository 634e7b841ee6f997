/**
 * The agreement track: every action with its basis, the ones the statute names told apart from the
 * agreement's own, and seed 000's written request to suspend payment.
 */
import { describe, expect, it } from "vitest"
import { agreementActions, AgreementAction, suspensionRequested } from "../src/enforcement/index.js"

describe("agreement actions", () => {
  it("cites every action, marks the agreement's own ones, and asks to hear the institution before the heavy ones", () => {
    for (const action of AgreementAction.literals) {
      expect(agreementActions[action].basis.length, action).toBeGreaterThan(10)
      if (agreementActions[action].inStatute) expect(agreementActions[action].basis).toContain("第十三条")
    }
    expect(AgreementAction.literals.filter((a) => !agreementActions[a].inStatute)).toEqual(["liquidated_damages"])
    expect(AgreementAction.literals.filter((a) => agreementActions[a].hearFirst)).toEqual([
      "refuse_payment",
      "recover",
      "liquidated_damages",
      "suspend_staff_services",
      "terminate"
    ])
  })

  it("turns a health centre's written request into a suspension of payment until verified", () => {
    const asked = suspensionRequested({
      requestedBy: "奉节县草堂镇卫生院",
      institution: "H50023500008",
      month: "2025-10",
      problem: "门诊登记与结算人次不符",
      amount: 1234.5
    })
    expect(asked.action).toBe("withhold_payment")
    expect(asked.until).toBe("医保中心核实清楚后拨付")
    expect(asked.basis).toContain("奉节医保发〔2023〕48号 二（四）")
    expect(asked.basis).toContain("H50023500008 2025-10 费用 1234.5 元")
  })
})
