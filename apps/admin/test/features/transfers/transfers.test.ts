/**
 * 部门移送's form logic: what the draft and incoming forms send, the problems they see before sending
 * (named as the server names them), each step's body, and the transfers a case's assessment calls for,
 * linked to a prefilled draft.
 */
import { describe, expect, it } from "vitest"
import { dueTransfers } from "../../../src/features/cases/caseTransfers.js"
import {
  draftBody,
  emptyStepForm,
  emptyTransferForm,
  formFromQuery,
  incomingBody,
  stepBody
} from "../../../src/features/transfers/transfers.js"

describe("the transfer forms", () => {
  it("sends a draft with its lists split and empty fields left out", () => {
    const form = {
      ...emptyTransferForm("police"),
      institutionCode: " H1 ",
      violations: "A40-3-FICTITIOUS_SERVICE，A40-2-FORGED_RECORDS",
      officers: "王稽核、张稽核",
      facts: "虚构项目",
      amount: "80000"
    }
    expect(draftBody(form)).toEqual({
      body: {
        department: "police",
        institutionCode: "H1",
        violations: ["A40-3-FICTITIOUS_SERVICE", "A40-2-FORGED_RECORDS"],
        facts: "虚构项目",
        amount: 80000,
        officers: ["王稽核", "张稽核"],
        materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
      }
    })
  })

  it("names what is missing before sending", () => {
    const checked = draftBody({
      ...emptyTransferForm(),
      amount: "八万",
      materials: [{ kind: "", title: "x", pages: "一" }]
    })
    expect("problems" in checked && checked.problems?.map((p) => p.path)).toEqual([
      "$.facts",
      "$.amount",
      "$.materials[0].pages"
    ])
    const incoming = incomingBody({ ...emptyTransferForm(), facts: "挂床", materials: [] })
    expect("problems" in incoming && incoming.problems?.map((p) => p.path)).toEqual(["$.discoveredOn", "$.materials"])
  })

  it("builds each step's body, and refuses an empty one", () => {
    expect(stepBody("receive", { ...emptyStepForm(), signedBy: " 刘某 " })).toEqual({
      step: { _tag: "receive", signedBy: "刘某" }
    })
    expect(stepBody("request_supplement", { ...emptyStepForm(), missing: "检验报告，鉴定意见" })).toEqual({
      step: { _tag: "request_supplement", missing: ["检验报告", "鉴定意见"] }
    })
    expect(stepBody("result", emptyStepForm())).toEqual({
      problems: [{ path: "$.step.summary", message: "请填写处理结果" }]
    })
  })
})

describe("transfers due on a case", () => {
  const detail = {
    id: "case-1",
    institution: { code: "H1" },
    timeline: [{ action: "approve_decision", recordedOn: "2026-11-20" }],
    assessment: {
      transfers: [
        {
          to: "health_commission",
          reason: "属于移送卫健的范围",
          deadline: "及时",
          mandatory: true,
          violations: ["A38-2-OVER_EXAMINATION"]
        }
      ]
    }
  }

  it("lists what the engine calls for, each linked to a draft prefilled from the case", () => {
    const [due] = dueTransfers(detail)
    expect(due).toMatchObject({ department: "health_commission", label: "卫生健康委员会", mandatory: true })
    const form = formFromQuery(new URLSearchParams(due!.href.split("?")[1]))
    expect(form).toMatchObject({
      department: "health_commission",
      caseId: "case-1",
      institutionCode: "H1",
      violations: "A38-2-OVER_EXAMINATION",
      decisionDate: "2026-11-20",
      facts: "属于移送卫健的范围"
    })
    expect(dueTransfers({ ...detail, assessment: null })).toEqual([])
    expect(formFromQuery(new URLSearchParams("department=police"))).toBeNull()
  })
})
