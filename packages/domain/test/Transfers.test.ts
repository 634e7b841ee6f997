/**
 * Transfers to the police, the health commission, the discipline commission and market regulation, and the
 * procedural consequences (hearing, legal review) that go with them.
 */
import { describe, expect, it } from "vitest"
import { agency, assess, assessBands, insuredPerson, oneCase, specExample } from "./support/cases.js"

const targets = (r: ReturnType<typeof assess>) => r.transfers.map((t) => t.to)
const beijing = "110105"

describe("police (诈骗: intent and the amount at or above 数额较大)", () => {
  it("adds up one subject's defrauded amounts against the threshold (national floor 3,000)", () => {
    const two = (each: number) =>
      assess({
        ...oneCase({ code: "A41-2-IMPERSONATION", amount: each }, { subject: insuredPerson, region: beijing }),
        violations: [
          { code: "A41-2-IMPERSONATION", amount: each, occurredTo: "2025-03-31" },
          { code: "A41-1-RESALE", amount: each, intentToDefraud: true, occurredTo: "2025-03-31" }
        ]
      })
    const above = two(1600)
    const police = above.transfers.find((t) => t.to === "police")!
    expect(police.reason).toContain("累计3,200.00元")
    expect(police.violations).toEqual(["A41-2-IMPERSONATION", "A41-1-RESALE"])
    expect(police.deadlineWorkingDays).toBeNull()
    expect(police.deadline).toContain("3日内")
    expect(police.deadline).toContain("24小时内")
    expect(above.procedure.criminalTransferFirst).toBe(true)
    expect(targets(two(1400))).not.toContain("police")
  })

  it("applies the 2024 guidance: Art.38 acts done to defraud are 诈骗 too", () => {
    const result = assess(oneCase({ code: "A38-4-SWAP", amount: 12000, intentToDefraud: true }, { region: beijing }))
    expect(result.transfers.find((t) => t.to === "police")!.reason).toContain("法发〔2024〕6号")
  })

  it("does not count violations without intent", () => {
    expect(targets(assess(oneCase({ code: "A38-4-SWAP", amount: 120000 }, { region: beijing })))).not.toContain(
      "police"
    )
  })

  it("transfers resale chains of 50,000 yuan or more for 掩饰、隐瞒犯罪所得", () => {
    const at = assess(
      oneCase(
        { code: "A38-5-RESALE_FACILITATION", amount: 50000 },
        { subject: { kind: "institution", orgKind: "pharmacy" } }
      )
    )
    expect(at.transfers.find((t) => t.to === "police")?.reason).toContain("掩饰、隐瞒犯罪所得罪")
    const below = assess(
      oneCase(
        { code: "A38-5-RESALE_FACILITATION", amount: 49999.99 },
        { subject: { kind: "institution", orgKind: "pharmacy" } }
      )
    )
    expect(targets(below)).not.toContain("police")
  })

  it("sends an agency's fraud to the supervision commission (职务犯罪), not the police", () => {
    const result = assess(oneCase({ code: "A37-AGENCY_FRAUD", amount: 9000 }, { subject: agency, region: beijing }))
    expect(targets(result)).toEqual(["discipline_commission"])
    expect(result.transfers[0]!.reason).toContain("职务犯罪")
    expect(result.procedure.criminalTransferFirst).toBe(true)
  })
})

describe("health commission (seed 004 list; licence revocation)", () => {
  it("hands the spec example to 卫健 within 7 working days", () => {
    const result = assess(specExample)
    expect(result.transfers).toHaveLength(1)
    expect(result.transfers[0]).toMatchObject({ to: "health_commission", deadlineWorkingDays: 7, mandatory: true })
    // 重庆: the 7 working days are the system's default, and 宁夏's list is not cited.
    expect(result.transfers[0]!.reason).toContain("违反诊疗规范超量开药")
    expect(JSON.stringify(result)).not.toContain("自治区医保局")
    expect(result.transfers[0]!.basis).toContain("非法定时限")
  })

  it("cites 宁夏's list and its own 7 working days for a case in 宁夏", () => {
    const result = assess({ ...specExample, region: "640104" })
    expect(result.transfers[0]!.reason).toContain("清单第4项")
    expect(result.transfers[0]!.basis).toContain("自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知")
    expect(result.items[0]!.citations.join()).toContain("联动工作机制")
  })

  it("does not hand a pharmacy to 卫健; its pharmacists' licences go to 药品监管", () => {
    const pharmacy = { kind: "institution", orgKind: "pharmacy" }
    expect(targets(assess(oneCase({ code: "A38-2-OVER_PRESCRIPTION", amount: 100 }, { subject: pharmacy })))).toEqual(
      []
    )
    const fraud = assess(oneCase({ code: "A40-1-IMPERSONATION_OR_FAKE_CARE", amount: 100 }, { subject: pharmacy }))
    expect(fraud.transfers.find((t) => t.reason.includes("吊销执业资格"))?.to).toBe("market_regulation")
  })

  it("sends a hospital's licence revocation (Art.40) to 卫健", () => {
    const result = assess(oneCase({ code: "A40-2-FORGED_RECORDS", amount: 100 }))
    expect(result.transfers.find((t) => t.reason.includes("吊销执业资格"))?.to).toBe("health_commission")
  })
})

describe("discipline commission", () => {
  it("may receive a public hospital's serious case (seed 003: 可以移交)", () => {
    const result = assess(
      oneCase(
        { code: "A40-3-FICTITIOUS_SERVICE", amount: 100 },
        { subject: { kind: "institution", orgKind: "public_hospital" } }
      )
    )
    expect(result.transfers.find((t) => t.to === "discipline_commission")).toMatchObject({ mandatory: false })
  })
  it("receives a public servant's case, besides the police", () => {
    const result = assess(
      oneCase(
        { code: "A41-2-FORGERY", amount: 9000 },
        { subject: { kind: "individual", insured: true, publicServant: true } }
      )
    )
    expect(targets(result)).toEqual(expect.arrayContaining(["police", "discipline_commission"]))
  })
  it("is not involved for a private hospital's ordinary case", () => {
    expect(targets(assess(oneCase({ code: "A38-3-OVER_STANDARD_CHARGE", amount: 100 })))).not.toContain(
      "discipline_commission"
    )
  })
})

describe("market regulation", () => {
  it("gets price-tag and pharmacist leads", () => {
    expect(targets(assess(oneCase({ code: "AGR-PRICE_TAGS", amount: 0 })))).toEqual(["market_regulation"])
    expect(targets(assess(oneCase({ code: "AGR-PHARMACIST_ABSENT", amount: 0 })))).toEqual(["market_regulation"])
  })
})

describe("hearing and legal review", () => {
  it("gives an organisation a hearing from a 100,000 yuan fine, a person from 5,000", () => {
    // The band's own point (1.5×), without precedents, so that the fine crosses 100,000 yuan.
    const organisation = assessBands(oneCase({ code: "A38-3-OVER_STANDARD_CHARGE", amount: 66667 }))
    expect(organisation.totals.fineRecommended).toBe(100000.5)
    expect(organisation.procedure.hearingRight).toBe(true)
    expect(assess(oneCase({ code: "A38-3-OVER_STANDARD_CHARGE", amount: 66666 })).procedure.hearingRight).toBe(false)
    const person = assess(
      oneCase({ code: "A41-2-IMPERSONATION", amount: 1000 }, { subject: { kind: "individual", insured: false } })
    )
    expect(person.totals.fineRecommended).toBe(3500)
    expect(person.procedure.hearingRight).toBe(false)
    expect(person.procedure.hearingReasons[0]).toContain("如最终拟处罚款达到")
  })
  it("gives a hearing for suspensions and requires legal review for termination", () => {
    const result = assess(
      oneCase({ code: "A40-3-FICTITIOUS_SERVICE", amount: 100 }, { factors: { destroyedEvidence: true } })
    )
    expect(result.procedure.hearingRight).toBe(true)
    expect(result.procedure.legalReviewRequired).toBe(true)
    expect(result.procedure.legalReviewReasons.join("")).toContain("解除服务协议")
  })
})
