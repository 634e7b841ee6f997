import { assessPenalty } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { decisionDraft, itemDecision } from "../../../src/features/penalty/decisionDraft.js"

const assess = (input: unknown) => Effect.runSync(assessPenalty(input))

const spec = {
  subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
  region: "500235",
  decisionDate: "2025-09-18",
  violations: [
    { code: "A38-2-OVER_PRESCRIPTION", amount: 13791.6, occurredFrom: "2024-01-01", occurredTo: "2024-12-31" }
  ],
  factors: { firstOffence: true, refundedInFullByDeadline: true }
}
const party = {
  partyName: "某某医院",
  subjectKind: "institution",
  orgKind: "private_hospital",
  decisionDate: "2025-09-18"
} as const

describe("decision draft", () => {
  it("drafts a 行政处罚决定书 with facts, reasons, the decision, payment and remedies", () => {
    const draft = decisionDraft(assess(spec), party)
    expect(draft.title).toBe("行政处罚决定书（草稿）")
    expect(draft.number).toContain("〔2025〕")
    expect(draft.party).toBe("当事人：某某医院（定点医药机构，民营医院）")
    expect(draft.sections.map((s) => s.heading)).toEqual([
      "一、违法事实",
      "二、处罚依据和裁量理由",
      "三、处理决定",
      "四、履行方式和期限",
      "五、救济途径"
    ])
    const text = draft.sections.flatMap((s) => s.paragraphs).join("\n")
    expect(text).toContain("经查，当事人违反诊疗规范超量开药")
    expect(text).toContain("综合认定为“从轻”")
    expect(text).toContain("处罚款13,791.60元（造成损失金额的1倍）")
    expect(text).toContain("十五日内")
    expect(text).toContain("六十日内")
    expect(draft.notes.join("")).toContain("移送卫生健康部门")
  })

  it("drafts a 不予行政处罚决定书 or an agreement opinion when no penalty is imposed", () => {
    const exempt = assess({ ...spec, factors: { minorAndCorrected: true, firstOffence: true } })
    expect(decisionDraft(exempt, party).title).toBe("不予行政处罚决定书（草稿）")
    expect(itemDecision(exempt.items[0]!).join("；")).toContain("不予行政处罚")
    const agreement = assess({ ...spec, violations: [{ code: "AGR-PHARMACIST_ABSENT", amount: 0 }] })
    const draft = decisionDraft(agreement, { ...party, partyName: "" })
    expect(draft.title).toBe("协议处理意见书（草稿）")
    expect(draft.party).toContain("＿＿")
    expect(draft.signature[0]).toContain("经办机构")
  })
})
