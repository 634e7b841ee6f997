import { assessPenalty } from "@fundguard/domain/penalty"
import { decodeAssessmentInput } from "@fundguard/domain/penalty"
import { violationCatalogue } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  allFactors,
  amountLabel,
  defaultFormState,
  describePath,
  factorGroups,
  appliesTo,
  localiseProblems,
  newViolation,
  problemMessageText,
  problemsAt,
  problemsUnder,
  toAssessmentInput,
  violationOptions,
  type PenaltyFormState
} from "../../../src/features/penalty/penaltyForm.js"

/** The spec's example case (penalty-assessment.md), filled in as a person would. */
const specExample = (): PenaltyFormState => {
  const state = defaultFormState("2025-09-18")
  state.orgKind = "private_hospital"
  state.hospLv = "2"
  state.violations = [
    {
      ...newViolation(0),
      code: "A38-2-OVER_PRESCRIPTION",
      amount: "13,791.60",
      occurredFrom: "2024-01-01",
      occurredTo: "2024-12-31"
    }
  ]
  state.factors.firstOffence = true
  state.factors.refundedInFullByDeadline = true
  return state
}

const convert = (state: PenaltyFormState) => {
  const result = toAssessmentInput(state)
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`)
  return result.input
}

describe("defaults", () => {
  it("starts with 奉节县, today and one empty violation", () => {
    const state = defaultFormState("2025-09-18")
    expect(state.region).toBe("500235")
    expect(state.decisionDate).toBe("2025-09-18")
    expect(state.subjectKind).toBe("institution")
    expect(state.violations).toHaveLength(1)
    expect(state.violations[0]?.code).toBe("")
    expect(Object.values(state.factors).every((v) => v === false)).toBe(true)
  })

  it("offers every factor of the contract exactly once, in Chinese", () => {
    expect(allFactors).toHaveLength(17)
    const grouped = factorGroups.flatMap((g) => g.factors)
    expect([...grouped].sort()).toEqual([...allFactors].sort())
    expect(factorGroups.map((g) => g.title)).toEqual([
      "不予处罚情形",
      "应当从轻或者减轻（行政处罚法第三十二条）",
      "可以从轻",
      "从重情节"
    ])
  })

  it("offers every catalogue code, all of them assessable", () => {
    expect(violationOptions.map((o) => o.id)).toEqual(violationCatalogue.map((e) => e.code))
    const overPrescription = violationOptions.find((o) => o.id === "A38-2-OVER_PRESCRIPTION")
    expect(overPrescription?.label).toBe("第三十八条第二项：违反诊疗规范超量开药")
    expect(violationOptions.some((o) => o.label.includes("暂不支持"))).toBe(false)
    expect(appliesTo("A38-1-SPLIT_ADMISSION", "institution")).toBe(true)
    expect(appliesTo("A38-1-SPLIT_ADMISSION", "individual")).toBe(false)
    expect(appliesTo("A46-DATA_LEAK", "staff")).toBe(true)
  })
})

describe("toAssessmentInput", () => {
  it("produces the spec's example input exactly", () => {
    expect(convert(specExample())).toEqual({
      subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
      region: "500235",
      decisionDate: "2025-09-18",
      violations: [
        {
          code: "A38-2-OVER_PRESCRIPTION",
          amount: 13791.6,
          occurredFrom: "2024-01-01",
          occurredTo: "2024-12-31",
          intentToDefraud: false,
          refusedToCorrect: false,
          seriousConsequence: false
        }
      ],
      factors: { firstOffence: true, refundedInFullByDeadline: true }
    })
  })

  it("leaves out what was not filled in", () => {
    const state = specExample()
    state.orgKind = ""
    state.hospLv = ""
    state.violations[0]!.occurredFrom = ""
    state.violations[0]!.occurredTo = ""
    state.factors = { ...state.factors, firstOffence: false, refundedInFullByDeadline: false }
    const input = convert(state)
    expect(input.subject).toEqual({ kind: "institution" })
    expect(input.violations[0]).not.toHaveProperty("occurredFrom")
    expect(input.violations[0]).not.toHaveProperty("occurredTo")
    expect(input.factors).toEqual({})
    expect(input).not.toHaveProperty("factorNotes")
  })

  it("sends subject details only for the kind they belong to", () => {
    const state = specExample()
    state.subjectKind = "individual"
    state.insured = false
    state.violations[0]!.code = "A41-1-DOUBLE_BENEFIT"
    expect(convert(state).subject).toEqual({ kind: "individual", insured: false })
    state.subjectKind = "staff"
    state.publicServant = true
    state.violations[0]!.code = "A42-ILLEGAL_GAINS"
    expect(convert(state).subject).toEqual({ kind: "staff", publicServant: true })
    state.violations[0]!.code = "A38-4-SWAP"
    const wrong = toAssessmentInput(state)
    expect(wrong.ok).toBe(false)
    if (!wrong.ok) expect(wrong.problems.map((p) => p.path)).toEqual(["$.violations[0].code"])
  })

  it("keeps several violations in order with their flags and trims the notes", () => {
    const state = specExample()
    state.violations.push({ ...newViolation(1), code: "A38-3-DUPLICATE_CHARGE", amount: "2000", intentToDefraud: true })
    state.factors.otherStatutoryMitigation = true
    state.factorNotes = "  依据《某省医疗保障行政处罚裁量基准》第五条  "
    const input = convert(state)
    expect(input.violations.map((v) => v.code)).toEqual(["A38-2-OVER_PRESCRIPTION", "A38-3-DUPLICATE_CHARGE"])
    expect(input.violations[1]).toMatchObject({ amount: 2000, intentToDefraud: true, refusedToCorrect: false })
    expect(input.factorNotes).toBe("依据《某省医疗保障行政处罚裁量基准》第五条")
    expect(input.factors).toEqual({
      firstOffence: true,
      refundedInFullByDeadline: true,
      otherStatutoryMitigation: true
    })
  })

  it("reports every problem with the API's JSON paths", () => {
    const state = defaultFormState("2025-09-18")
    state.region = "5002"
    state.decisionDate = ""
    state.violations = [
      { ...newViolation(0), amount: "abc", occurredFrom: "2024-12-31", occurredTo: "2024-01-01" },
      { ...newViolation(1), code: "A38-1-BED_HANGING", amount: "-5" },
      { ...newViolation(2), code: "A38-1-BED_HANGING", amount: "1.234", occurredTo: "2024-13-01" }
    ]
    state.factors.otherStatutoryMitigation = true
    const result = toAssessmentInput(state)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.path)).toEqual([
      "$.region",
      "$.decisionDate",
      "$.violations[0].code",
      "$.violations[0].amount",
      "$.violations[0].occurredTo",
      "$.violations[1].amount",
      "$.violations[2].amount",
      "$.violations[2].occurredTo",
      "$.factorNotes"
    ])
    expect(problemsAt(result.problems, "$.violations[0].amount")).toEqual(["金额应为数字，例如 13791.60"])
    expect(problemsAt(result.problems, "$.violations[1].amount")).toEqual(["金额不能为负数"])
    expect(problemsAt(result.problems, "$.violations[2].amount")).toEqual(["金额最多保留两位小数（精确到分）"])
    expect(problemsAt(result.problems, "$.violations[0].occurredTo")).toEqual(["终了日期不能早于开始日期"])
    expect(problemsUnder(result.problems, "$.violations[0]")).toHaveLength(3)
    expect(problemsUnder(result.problems, "$.violations")).toHaveLength(6)
  })

  it("requires an amount and rejects acts that end after the decision", () => {
    const state = specExample()
    state.violations[0]!.amount = " "
    state.violations[0]!.occurredTo = "2025-10-01"
    const result = toAssessmentInput(state)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      { path: "$.violations[0].amount", message: "请填写金额（元）" },
      { path: "$.violations[0].occurredTo", message: "违法行为终了日期不能晚于处罚决定日期" }
    ])
  })

  it("refuses an empty list of violations", () => {
    const state = specExample()
    state.violations = []
    const result = toAssessmentInput(state)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems).toEqual([{ path: "$.violations", message: "至少填写一项违法行为" }])
  })
})

describe("against the domain", () => {
  it("every input the form produces passes the domain's strict decoder", () => {
    const state = specExample()
    state.violations.push({ ...newViolation(1), code: "A38-6-OUT_OF_SCOPE_SETTLEMENT", amount: "0" })
    for (const factor of allFactors) state.factors[factor] = true
    state.factorNotes = "依据某省清单"
    for (const kind of ["institution", "individual", "agency", "staff"] as const) {
      state.subjectKind = kind
      state.violations = violationCatalogue
        .filter((e) => e.subjectKinds.includes(kind) && !e.fraud)
        .map((e, i) => ({ ...newViolation(i), code: e.code, amount: "10", actId: i === 0 ? "act-1" : "" }))
      state.discoveredOn = "2025-09-01"
      const decoded = Effect.runSync(Effect.either(decodeAssessmentInput(convert(state))))
      expect(Either.isRight(decoded), JSON.stringify(Either.isLeft(decoded) ? decoded.left.problems : null)).toBe(true)
    }
  })

  it("the spec's example assesses to the spec's result", () => {
    const result = Effect.runSync(assessPenalty(convert(specExample())))
    expect(result.outcome).toBe("penalty")
    expect(result.items[0]?.grade).toBe("从轻")
    expect(result.totals).toMatchObject({
      refund: 13791.6,
      fineMin: 13791.6,
      fineMax: 17929.08,
      fineRecommended: 13791.6
    })
  })
})

describe("problem display helpers", () => {
  it("describe JSON paths in Chinese", () => {
    expect(describePath("$.violations[1].amount")).toBe("违法行为 2 · 金额")
    expect(describePath("$.violations[0].code")).toBe("违法行为 1 · 违法行为类型")
    expect(describePath("$.region")).toBe("行政区划")
    expect(describePath("$.factors.firstOffence")).toBe("裁量情节 · 初次违法")
    expect(describePath("$.subject.orgKind")).toBe("当事人 · 机构类型")
    expect(describePath("$.factors.unknownKey")).toBe("裁量情节 · unknownKey")
    expect(describePath("$")).toBe("整体")
  })

  it("name the new fields", () => {
    expect(describePath("$.discoveredOn")).toBe("发现日期")
    expect(describePath("$.violations[0].actId")).toBe("违法行为 1 · 同一违法行为编号")
  })
})

describe("amount label", () => {
  it("names the amount the way the article counts it", () => {
    expect(amountLabel({ code: "A38-2-OVER_PRESCRIPTION", intentToDefraud: false })).toBe("造成损失金额（元）")
    expect(amountLabel({ code: "A38-2-OVER_PRESCRIPTION", intentToDefraud: true })).toBe("骗取金额（元）")
    expect(amountLabel({ code: "A40-3-FICTITIOUS_SERVICE", intentToDefraud: false })).toBe("骗取金额（元）")
    expect(amountLabel({ code: "A41-2-IMPERSONATION", intentToDefraud: false })).toBe("骗取金额（元）")
    expect(amountLabel({ code: "A41-1-DOUBLE_BENEFIT", intentToDefraud: false })).toBe("造成损失金额（元）")
    expect(amountLabel({ code: "A42-ILLEGAL_GAINS", intentToDefraud: false })).toBe("违法所得（元）")
    expect(amountLabel({ code: "A44-EMBEZZLEMENT", intentToDefraud: false })).toBe("侵占、挪用金额（元）")
    expect(amountLabel({ code: "A39-5-FEES_NOT_PUBLISHED", intentToDefraud: false })).toBe("金额（元）")
    expect(amountLabel({ code: "", intentToDefraud: false })).toBe("造成损失金额（元）")
  })
})

describe("problem messages from the API", () => {
  it("are shown in Chinese where the wording is known, else kept", () => {
    expect(problemMessageText("unknown key (not in the contract)")).toBe("不允许的字段（接口约定中没有此项）")
    expect(problemMessageText("is missing")).toBe("缺少必填项")
    expect(problemMessageText("a real calendar date written yyyy-MM-dd")).toBe("应为真实存在的日期，格式 yyyy-MM-dd")
    expect(problemMessageText('Expected "institution" | "individual", actual "company"')).toBe(
      '应为 "institution" | "individual"，实际为 "company"'
    )
    expect(problemMessageText("金额不能为负数")).toBe("金额不能为负数")
    expect(problemMessageText("something new")).toBe("something new")
    expect(localiseProblems([{ path: "$.factors.typo", message: "unknown key (not in the contract)" }])).toEqual([
      { path: "$.factors.typo", message: "不允许的字段（接口约定中没有此项）" }
    ])
  })
})
