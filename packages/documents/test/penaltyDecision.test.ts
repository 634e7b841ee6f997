import { assert, describe, it } from "@effect/vitest"
import { assessPenalty, type AssessmentResult } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import { decisionDraft, itemDecision, penaltyDecision, printedText, type DraftParty } from "../src/index.js"
import { bureauName } from "./utils/fixtures.js"

const assess = (input: unknown): AssessmentResult => Effect.runSync(assessPenalty(input))

// The example of the penalty spec (and of packages/domain/test/Penalty.test.ts): a private hospital's
// over-prescription, 13,791.60 yuan, first offence, refunded in full.
const spec = {
  subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
  region: "500235",
  decisionDate: "2025-09-18",
  violations: [
    { code: "A38-2-OVER_PRESCRIPTION", amount: 13791.6, occurredFrom: "2024-01-01", occurredTo: "2024-12-31" }
  ],
  factors: { firstOffence: true, refundedInFullByDeadline: true }
}
const party: DraftParty = {
  partyName: "奉节县某某医院",
  subjectKind: "institution",
  orgKind: "private_hospital",
  decisionDate: "2025-09-18"
}

describe("行政处罚决定书 from an assessment", () => {
  const result = assess(spec)
  const model = penaltyDecision({ bureauName, number: "奉医保罚〔2025〕3号", result, party })
  const printed = printedText(model).join("\n")

  it("states the fine, the refund and the article of the assessment", () => {
    assert.strictEqual(result.outcome, "penalty")
    assert.strictEqual(model.kind, "penalty_decision")
    assert.strictEqual(model.title, "行政处罚决定书")
    assert.strictEqual(model.number, "奉医保罚〔2025〕3号")
    assert.include(printed, "当事人：奉节县某某医院（定点医药机构，民营医院）")
    assert.include(printed, "（一）第三十八条第二项")
    assert.include(printed, "经查，当事人违反诊疗规范超量开药")
    assert.include(printed, "（一）责令改正；责令退回医疗保障基金13,791.60元；处罚款13,791.60元（造成损失金额的1倍）。")
    assert.include(printed, "以上合计：责令退回医疗保障基金13,791.60元，罚款13,791.60元。")
  })

  it("says how and when to pay and how to seek remedy", () => {
    const headings = model.blocks.flatMap((b) => (b._tag === "heading" ? [b.text] : []))
    assert.deepStrictEqual(headings, [
      "一、违法事实",
      "二、处罚依据和裁量理由",
      "三、处理决定",
      "四、履行方式和期限",
      "五、救济途径"
    ])
    assert.include(printed, "自收到本决定书之日起十五日内")
    assert.include(printed, "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（第七十二条）")
    assert.include(printed, "六十日内依法申请行政复议")
    assert.include(printed, "六个月内依法向人民法院提起行政诉讼")
  })

  it("is signed by the bureau on the decision date, and keeps the 办案提示 as a note that is not printed", () => {
    const sig = model.blocks.find((b) => b._tag === "signature")
    assert.deepStrictEqual(sig, { _tag: "signature", lines: [bureauName], date: "2025年9月18日", seal: true })
    const notes = model.blocks.filter((b) => b._tag === "note")
    assert.strictEqual(notes.length, 1)
    assert.include(notes[0]!._tag === "note" ? notes[0]!.items.join("\n") : "", "移送卫生健康部门")
    assert.notInclude(printed, "移送卫生健康部门")
    assert.strictEqual(model.blocks.at(-1)!._tag, "note")
  })

  it("stays a draft without a 文号, and prints the party's particulars when given", () => {
    const draft = penaltyDecision({
      bureauName,
      number: null,
      result,
      party,
      particulars: { code: "52500236MJ1234567X", address: "重庆市奉节县永安街道某某路88号" }
    })
    assert.strictEqual(draft.title, "行政处罚决定书（草稿）")
    assert.strictEqual(draft.number, "＿医保罚〔2025〕＿号")
    const text = printedText(draft).join("\n")
    assert.include(text, "统一社会信用代码（证件号码）：52500236MJ1234567X")
    assert.include(text, "住所（地址）：重庆市奉节县永安街道某某路88号")
  })

  it("keeps the draft the admin's penalty page prints (same text as before the move)", () => {
    const draft = decisionDraft(result, party)
    assert.strictEqual(draft.title, "行政处罚决定书（草稿）")
    assert.strictEqual(draft.party, "当事人：奉节县某某医院（定点医药机构，民营医院）")
    assert.include(draft.sections.flatMap((s) => s.paragraphs).join("\n"), "处罚款13,791.60元（造成损失金额的1倍）")
    assert.deepStrictEqual(draft.signature, ["＿＿医疗保障局", "2025-09-18"])
    assert.deepStrictEqual(itemDecision(result.items[0]!), [
      "责令改正",
      "责令退回医疗保障基金13,791.60元",
      "处罚款13,791.60元（造成损失金额的1倍）"
    ])
  })

  it("words a no-penalty and an agreement-only result as their own documents", () => {
    const exempt = assess({ ...spec, factors: { minorAndCorrected: true, firstOffence: true } })
    const exemptModel = penaltyDecision({ bureauName, number: "奉医保不罚〔2025〕1号", result: exempt, party })
    assert.strictEqual(exemptModel.title, "不予行政处罚决定书")
    assert.include(printedText(exemptModel).join("\n"), "不予行政处罚，并对当事人进行教育")
    const agreement = assess({ ...spec, violations: [{ code: "AGR-PHARMACIST_ABSENT", amount: 0 }] })
    const agreementModel = penaltyDecision({ bureauName, number: null, result: agreement, party })
    assert.strictEqual(agreementModel.title, "协议处理意见书（草稿）")
    const sig = agreementModel.blocks.find((b) => b._tag === "signature")
    assert.include(sig?._tag === "signature" ? sig.lines[0] : "", "经办机构")
  })
})
