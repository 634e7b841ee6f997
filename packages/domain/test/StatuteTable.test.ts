/**
 * A table of cases per article and grade, each row derived from the words of the statute
 * (《医疗保障基金使用监督管理条例》 Art.36–46, 《行政处罚法》 Art.29, 32, 33) and the national default benchmark.
 */
import { describe, expect, it } from "vitest"
import { agency, assessBands as assess, institution, insuredPerson, oneCase, problems } from "./support/cases.js"

const first = (input: Record<string, unknown>) => assess(input).items[0]!

describe("第三十八条 (定点医药机构, 造成损失金额1倍以上2倍以下)", () => {
  const rows = [
    { grade: "一般", factors: {}, band: [1, 2], point: 1.5 },
    { grade: "从轻", factors: { firstOffence: true }, band: [1, 1.3], point: 1 },
    { grade: "从轻", factors: { selfReported: true }, band: [1, 1.3], point: 1 },
    { grade: "从重", factors: { repeatWithin12Months: true }, band: [1.7, 2], point: 1.7 },
    { grade: "从重", factors: { repeatWithin12Months: true, leaderRole: true }, band: [1.7, 2], point: 1.85 },
    {
      grade: "从重",
      factors: { repeatWithin12Months: true, leaderRole: true, destroyedEvidence: true },
      band: [1.7, 2],
      point: 2
    },
    { grade: "一般", factors: { firstOffence: true, obstructedInspection: true }, band: [1, 2], point: 1.5 },
    { grade: "减轻", factors: { selfReported: true, confessedUnknownFacts: true }, band: [0, 1], point: 0.5 },
    { grade: "从轻", factors: { coercedOrLured: true, obstructedInspection: true }, band: [1, 1.3], point: 1 }
  ] as const
  it.each(rows)("grades $grade with $factors → $band, recommends $point×", ({ grade, factors, band, point }) => {
    const item = first(oneCase({ code: "A38-3-OVER_STANDARD_CHARGE", amount: 10000 }, { factors }))
    expect(item.grade).toBe(grade)
    expect(item.assessedUnder).toBe(38)
    expect(item.refund).toBe(10000)
    expect(item.fine).toEqual({
      basis: "loss",
      multipleMin: band[0],
      multipleMax: band[1],
      recommendedMultiple: point,
      min: band[0] * 10000,
      max: band[1] * 10000,
      recommended: point * 10000
    })
    expect(item.suspensionMonths).toBeNull()
    expect(item.agreementTermination).toEqual({ lawful: false, recommended: false })
  })

  it("has no fine and no refund without a fund loss (造成医疗保障基金损失的，责令退回，处…罚款)", () => {
    const item = first(oneCase({ code: "A38-1-BED_HANGING", amount: 0 }))
    expect(item.fine).toBeNull()
    expect(item.refund).toBe(0)
    expect(item.outcome).toBe("no_penalty")
    expect(item.measures).toEqual(["责令改正"])
  })

  it.each([
    ["refusedToCorrect", { refusedToCorrect: true }, "拒不改正"],
    ["seriousConsequence", { seriousConsequence: true }, "造成严重后果"]
  ])("suspends the responsible department 6–12 months when %s (拒不改正或者造成严重后果)", (_, flags, words) => {
    const item = first(oneCase({ code: "A38-4-SWAP", amount: 5000, ...flags }))
    expect(item.suspensionMonths).toEqual({ min: 6, max: 12, recommended: 9 })
    expect(item.measures).toContain("暂停相关责任部门涉及医保基金使用的医药服务")
    expect(item.explanation.join("")).toContain(words)
  })

  it("grades the suspension with the fine: 从轻 6–8 months, recommends 6", () => {
    const item = first(
      oneCase({ code: "A38-4-SWAP", amount: 5000, refusedToCorrect: true }, { factors: { cooperated: true } })
    )
    expect(item.suspensionMonths).toEqual({ min: 6, max: 8, recommended: 6 })
  })
})

describe("第三十八条 → 第四十条第二款 (以骗取为目的，造成损失)", () => {
  it("is assessed under Art.40 on proven intent: 2–5× the defrauded amount, suspension, termination lawful", () => {
    const result = assess(oneCase({ code: "A38-1-SPLIT_ADMISSION", amount: 20000, intentToDefraud: true }))
    const item = result.items[0]!
    expect(item.assessedUnder).toBe(40)
    expect(item.fine).toMatchObject({ basis: "defrauded", multipleMin: 2, multipleMax: 5, recommendedMultiple: 3.5 })
    expect(item.suspensionMonths).toEqual({ min: 6, max: 12, recommended: 9 })
    expect(item.agreementTermination).toEqual({ lawful: true, recommended: false })
    expect(item.citations).toContain("《医疗保障基金使用监督管理条例》第四十条第二款")
    expect(result.transfers.map((t) => t.to)).toContain("police")
  })

  it("stays under Art.38 when the intent caused no loss (no attempt liability in administrative law)", () => {
    const item = first(oneCase({ code: "A38-1-SPLIT_ADMISSION", amount: 0, intentToDefraud: true }))
    expect(item.assessedUnder).toBe(38)
    expect(item.fine).toBeNull()
  })
})

describe("第三十九条 (拒不改正的，处1万元以上5万元以下的罚款)", () => {
  it("orders correction only until the party refuses", () => {
    const item = first(oneCase({ code: "A39-3-DATA_NOT_TRANSMITTED", amount: 0 }))
    expect(item.fine).toBeNull()
    expect(item.outcome).toBe("no_penalty")
  })
  it.each([
    [{}, "一般", 10000, 50000, 30000],
    [{ firstOffence: true }, "从轻", 10000, 22000, 10000],
    [{ obstructedInspection: true }, "从重", 38000, 50000, 38000],
    [{ selfReported: true, meritoriousConduct: true }, "减轻", 0, 10000, 5000]
  ])(
    "after a refusal, with %o: %s %d–%d, recommends %d (basis fixed, multiples null)",
    (factors, grade, min, max, rec) => {
      const item = first(oneCase({ code: "A39-7-REFUSED_INSPECTION", amount: 0, refusedToCorrect: true }, { factors }))
      expect(item.grade).toBe(grade)
      expect(item.fine).toEqual({
        basis: "fixed",
        multipleMin: null,
        multipleMax: null,
        recommendedMultiple: null,
        min,
        max,
        recommended: rec
      })
    }
  )
})

describe("第四十条 (骗取金额2倍以上5倍以下; 暂停6个月以上1年以下，直至解除服务协议)", () => {
  it("always suspends, makes termination lawful and recommends it at 从重", () => {
    const general = first(oneCase({ code: "A40-3-FICTITIOUS_SERVICE", amount: 10000 }))
    expect(general.fine).toMatchObject({ min: 20000, max: 50000, recommended: 35000 })
    expect(general.suspensionMonths).not.toBeNull()
    expect(general.agreementTermination).toEqual({ lawful: true, recommended: false })
    expect(general.licenceRevocation).toBe(true)
    const severe = first(
      oneCase({ code: "A40-3-FICTITIOUS_SERVICE", amount: 10000 }, { factors: { destroyedEvidence: true } })
    )
    expect(severe.grade).toBe("从重")
    expect(severe.fine).toMatchObject({ multipleMin: 4.1, multipleMax: 5, recommendedMultiple: 4.1 })
    expect(severe.agreementTermination).toEqual({ lawful: true, recommended: true })
    expect(severe.measures).toContain("解除服务协议")
  })
  it("never goes below the floor without a statutory ground, and 减轻 only with one", () => {
    const lenient = first(oneCase({ code: "A40-2-FORGED_RECORDS", amount: 10000 }, { factors: { firstOffence: true } }))
    expect(lenient.fine?.multipleMin).toBe(2)
    const reduced = first(
      oneCase(
        { code: "A40-2-FORGED_RECORDS", amount: 10000 },
        { factors: { coercedOrLured: true, meritoriousConduct: true } }
      )
    )
    expect(reduced.grade).toBe("减轻")
    expect(reduced.fine).toMatchObject({ multipleMin: 0, multipleMax: 2, recommendedMultiple: 1 })
    expect(reduced.suspensionMonths).toEqual({ min: 0, max: 6, recommended: 3 })
  })
})

describe("第四十一条 (个人)", () => {
  it("¶1: 责令改正；造成损失的，责令退回；属于参保人员的，暂停联网结算3个月至12个月 — no fine", () => {
    const item = first(oneCase({ code: "A41-1-LEND_CREDENTIAL", amount: 800 }, { subject: insuredPerson }))
    expect(item.fine).toBeNull()
    expect(item.refund).toBe(800)
    expect(item.settlementSuspensionMonths).toEqual({ min: 3, max: 12, recommended: 8 })
    expect(item.outcome).toBe("penalty")
  })
  it("¶1: a person who is not insured is ordered to correct and refund, nothing more", () => {
    const item = first(
      oneCase({ code: "A41-1-DOUBLE_BENEFIT", amount: 800 }, { subject: { kind: "individual", insured: false } })
    )
    expect(item.settlementSuspensionMonths).toBeNull()
    expect(item.outcome).toBe("no_penalty")
    expect(item.measures).toEqual(["责令改正", "责令退回"])
  })
  it("¶1 with intent and a loss becomes ¶2: 2–5× on top of the ¶1 measures", () => {
    const item = first(
      oneCase({ code: "A41-1-RESALE", amount: 1000, intentToDefraud: true }, { subject: insuredPerson })
    )
    expect(item.assessedUnder).toBe(41)
    expect(item.appliedLaw).toBe("《医疗保障基金使用监督管理条例》第四十一条第二款")
    expect(item.fine).toMatchObject({ basis: "defrauded", min: 2000, max: 5000, recommended: 3500 })
    expect(item.settlementSuspensionMonths).not.toBeNull()
  })
  it("¶2 冒名就医 is fraud by definition", () => {
    const item = first(
      oneCase({ code: "A41-2-IMPERSONATION", amount: 600 }, { subject: insuredPerson, factors: { firstOffence: true } })
    )
    expect(item.fine).toMatchObject({ multipleMin: 2, multipleMax: 2.9, recommended: 1200 })
  })
})

describe("第三十六条、第三十七条 (经办机构)", () => {
  it("Art.36: 责令改正 and 处分, no penalty", () => {
    const result = assess(oneCase({ code: "A36-AGENCY_DUTY", amount: 0 }, { subject: agency }))
    expect(result.items[0]!.fine).toBeNull()
    expect(result.items[0]!.discipline).toBe(true)
    expect(result.outcome).toBe("no_penalty")
    expect(result.transfers.map((t) => t.to)).toEqual(["discipline_commission"])
  })
  it("Art.37: 责令退回，处骗取金额2倍以上5倍以下的罚款，处分", () => {
    const item = first(oneCase({ code: "A37-AGENCY_FRAUD", amount: 1000 }, { subject: agency }))
    expect(item.refund).toBe(1000)
    expect(item.fine).toMatchObject({ multipleMin: 2, multipleMax: 5 })
    expect(item.discipline).toBe(true)
  })
})

describe("第四十二条、第四十四条、第四十六条", () => {
  it("Art.42: 没收违法所得 and 处分", () => {
    const item = first(
      oneCase({ code: "A42-ILLEGAL_GAINS", amount: 3000 }, { subject: { kind: "staff", publicServant: true } })
    )
    expect(item.confiscation).toBe(3000)
    expect(item.fine).toBeNull()
    expect(item.outcome).toBe("penalty")
    expect(item.measures).toContain("没收违法所得")
  })
  it("Art.44: 责令追回; 有违法所得的，没收", () => {
    const item = first(oneCase({ code: "A44-EMBEZZLEMENT", amount: 50000, illegalGains: 1200 }, { subject: agency }))
    expect(item.refund).toBe(50000)
    expect(item.measures).toEqual(["责令改正", "责令追回", "没收违法所得"])
    expect(item.confiscation).toBe(1200)
  })
  it("Art.46: 处分 only", () => {
    const item = first(oneCase({ code: "A46-DATA_LEAK", amount: 0 }, { subject: { kind: "staff" } }))
    expect(item.outcome).toBe("no_penalty")
    expect(item.discipline).toBe(true)
  })
})

describe("第四十三条 (重大损失或者严重不良社会影响)", () => {
  it("bars the legal representative for 5 years and counts as 严重后果 for the suspension", () => {
    const result = assess(
      oneCase({ code: "A38-6-OUT_OF_SCOPE_SETTLEMENT", amount: 900000, majorLossOrSeriousImpact: true })
    )
    const item = result.items[0]!
    expect(item.managementBan).toMatchObject({ years: 5, appliesTo: "法定代表人或者主要负责人" })
    expect(item.suspensionMonths).not.toBeNull()
    expect(result.procedure.hearingRight).toBe(true)
  })
  it("never bars without the finding (the national default sets no amount for 重大)", () => {
    expect(first(oneCase({ code: "A38-6-OUT_OF_SCOPE_SETTLEMENT", amount: 900000 })).managementBan).toBeNull()
  })
})

describe("行政处罚法第三十三条 (不予处罚)", () => {
  it("does not punish a minor act promptly corrected without harm", () => {
    const item = first(oneCase({ code: "A38-3-DUPLICATE_CHARGE", amount: 0 }, { factors: { minorAndCorrected: true } }))
    expect(item.grade).toBe("不予处罚")
    expect(item.outcome).toBe("no_penalty")
  })
  it("may not punish a first offence with slight harm promptly corrected (可以), and says so", () => {
    const item = first(
      oneCase(
        { code: "A38-3-DUPLICATE_CHARGE", amount: 300 },
        { factors: { minorAndCorrected: true, firstOffence: true } }
      )
    )
    expect(item.grade).toBe("不予处罚")
    expect(item.refund).toBe(300)
    expect(item.explanation.join("")).toContain("可以不予行政处罚")
  })
  it("does not punish without fault, but never treats fraud as minor", () => {
    expect(first(oneCase({ code: "A38-3-DUPLICATE_CHARGE", amount: 300 }, { factors: { noFault: true } })).grade).toBe(
      "不予处罚"
    )
    const fraud = first(
      oneCase({ code: "A40-4-OTHER_FRAUD", amount: 300 }, { factors: { minorAndCorrected: true, firstOffence: true } })
    )
    expect(fraud.grade).not.toBe("不予处罚")
  })
})

describe("服务协议 (条例第十三条) items", () => {
  it("handles 执业药师不在岗 on the agreement track, apart from administrative penalties", () => {
    const result = assess(
      oneCase({ code: "AGR-PHARMACIST_ABSENT", amount: 0 }, { subject: { kind: "institution", orgKind: "pharmacy" } })
    )
    expect(result.outcome).toBe("agreement_only")
    expect(result.items[0]!.track).toBe("agreement")
    expect(result.items[0]!.agreement?.recommended).toEqual(["约谈", "限期整改"])
    expect(result.items[0]!.fine).toBeNull()
    expect(result.procedure.hearingRight).toBe(false)
  })
  it("applies 第三十九条第五项 to price tags once the party refuses to correct", () => {
    const item = first(oneCase({ code: "AGR-PRICE_TAGS", amount: 0, refusedToCorrect: true }))
    expect(item.assessedUnder).toBe(39)
    expect(item.fine?.basis).toBe("fixed")
  })
})

describe("行政处罚法第二十九条 (同一个违法行为不得给予两次以上罚款)", () => {
  it("fines one act once, by the heavier provision, and refunds its money once", () => {
    const result = assess({
      ...oneCase({ code: "A38-4-SWAP", amount: 8000, actId: "act-1" }),
      violations: [
        { code: "A38-4-SWAP", amount: 8000, actId: "act-1", occurredTo: "2025-03-31" },
        {
          code: "A38-1-SPLIT_ADMISSION",
          amount: 8000,
          actId: "act-1",
          intentToDefraud: true,
          occurredTo: "2025-03-31"
        },
        { code: "A38-3-DUPLICATE_CHARGE", amount: 1000, occurredTo: "2025-03-31" }
      ]
    })
    expect(result.items[0]!.fine).toBeNull()
    expect(result.items[1]!.fine?.recommended).toBe(28000)
    expect(result.totals.refund).toBe(9000)
    expect(result.totals.fineRecommended).toBe(28000 + 1500)
    expect(result.explanation.join("")).toContain("第二十九条")
  })
})

describe("subjects (the article binds a kind of party)", () => {
  it.each([
    ["A38-2-OVER_TREATMENT", { kind: "individual", insured: true }],
    ["A40-1-IMPERSONATION_OR_FAKE_CARE", { kind: "staff" }],
    ["A41-2-FORGERY", institution],
    ["A37-AGENCY_FRAUD", institution],
    ["A42-ILLEGAL_GAINS", { kind: "individual", insured: true }],
    ["A46-DATA_LEAK", institution]
  ])("rejects %s for subject %o at its code's path", (code, subject) => {
    const found = problems(oneCase({ code, amount: 100 }, { subject }))
    expect(found.map((p) => p.path)).toContain("$.violations[0].code")
  })
})
