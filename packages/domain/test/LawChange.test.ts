/**
 * Limitation (行政处罚法 Art.36) and 从旧兼从轻 (Art.37) across the law changes: the 条例 took effect on
 * 2021-05-01 (before it, 《社会保险法》 Art.87–92), the revised 行政处罚法 on 2021-07-15.
 */
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { assessPenaltyWithBenchmark } from "../src/penalty/index.js"
import { agency, assess, insuredPerson, oneCase } from "./support/cases.js"

const dated = (from: string, to: string) => ({ occurredFrom: from, occurredTo: to })

describe("从旧兼从轻 across the 条例's entry into force (2021-05-01)", () => {
  it("an Art.38 act that ended before 2021-05-01 had no administrative penalty: agreement track", () => {
    const before = assess(
      oneCase(
        { code: "A38-3-DUPLICATE_CHARGE", amount: 5000, ...dated("2020-06-01", "2021-04-30") },
        { extra: { discoveredOn: "2021-10-01" } }
      )
    )
    expect(before.outcome).toBe("agreement_only")
    expect(before.items[0]!.agreement?.recovery).toBe(5000)
    expect(before.items[0]!.explanation.join("")).toContain("第三十七条")
    const after = assess(
      oneCase(
        { code: "A38-3-DUPLICATE_CHARGE", amount: 5000, ...dated("2020-06-01", "2021-05-01") },
        { extra: { discoveredOn: "2021-10-01" } }
      )
    )
    expect(after.outcome).toBe("penalty")
    expect(after.items[0]!.appliedLaw).toBe("《医疗保障基金使用监督管理条例》第三十八条")
  })

  it("a continuing act is governed by the law in force when it ended", () => {
    const result = assess(
      oneCase(
        { code: "A38-4-SWAP", amount: 5000, ...dated("2021-03-01", "2021-06-30") },
        { extra: { discoveredOn: "2022-01-10" } }
      )
    )
    expect(result.items[0]!.fine).not.toBeNull()
  })

  it("institution fraud before 2021-05-01: 条例 Art.40 is lighter than 社会保险法 Art.87 (termination no longer mandatory)", () => {
    const item = assess(
      oneCase(
        { code: "A40-3-FICTITIOUS_SERVICE", amount: 10000, ...dated("2020-01-01", "2020-12-31") },
        { extra: { discoveredOn: "2021-12-01" } }
      ),
      // The law alone: whether the comparable published decisions terminated is another question (Precedents).
      { precedents: [] }
    ).items[0]!
    expect(item.appliedLaw).toBe("《医疗保障基金使用监督管理条例》第四十条")
    expect(item.agreementTermination).toEqual({ lawful: true, recommended: false })
    expect(item.explanation.join("")).toContain("《中华人民共和国社会保险法》第八十七条")
    expect(item.explanation.join("")).toContain("从旧兼从轻")
  })

  it("individual fraud before 2021-05-01: 社会保险法 Art.88 is lighter (no suspension of direct settlement)", () => {
    const item = assess(
      oneCase(
        { code: "A41-2-IMPERSONATION", amount: 1000, ...dated("2020-01-01", "2020-12-31") },
        { subject: insuredPerson, extra: { discoveredOn: "2021-12-01" } }
      )
    ).items[0]!
    expect(item.appliedLaw).toBe("《中华人民共和国社会保险法》第八十八条")
    expect(item.settlementSuspensionMonths).toBeNull()
    expect(item.fine).toMatchObject({ multipleMin: 2, multipleMax: 5 })
    const after = assess(oneCase({ code: "A41-2-IMPERSONATION", amount: 1000 }, { subject: insuredPerson })).items[0]!
    expect(after.settlementSuspensionMonths).not.toBeNull()
  })

  it("agency fraud before 2021-05-01: the same fine, so the law of the time (社会保险法 Art.87) applies", () => {
    const item = assess(
      oneCase(
        { code: "A37-AGENCY_FRAUD", amount: 1000, ...dated("2020-01-01", "2020-12-31") },
        { subject: agency, extra: { discoveredOn: "2021-12-01" } }
      )
    ).items[0]!
    expect(item.appliedLaw).toBe("《中华人民共和国社会保险法》第八十七条")
  })

  it("embezzlement before 2021-05-01 falls under 社会保险法 Art.91; bribes had no national administrative penalty", () => {
    const embezzled = assess(
      oneCase(
        { code: "A44-EMBEZZLEMENT", amount: 1000, ...dated("2020-01-01", "2020-12-31") },
        { subject: agency, extra: { discoveredOn: "2021-12-01" } }
      )
    ).items[0]!
    expect(embezzled.appliedLaw).toBe("《中华人民共和国社会保险法》第九十一条")
    const bribe = assess(
      oneCase(
        { code: "A42-ILLEGAL_GAINS", amount: 1000, ...dated("2020-01-01", "2020-12-31") },
        { subject: { kind: "staff" }, extra: { discoveredOn: "2021-12-01" } }
      )
    ).items[0]!
    expect(bribe.grade).toBe("不予处罚")
    expect(bribe.confiscation).toBeNull()
  })
})

describe("limitation (two years from the end of the act to its discovery)", () => {
  const facts = { code: "A38-3-DUPLICATE_CHARGE", amount: 2000, ...dated("2022-06-01", "2023-01-10") }
  it("counts to the discovery date when it is given", () => {
    const found = assess(oneCase(facts, { extra: { discoveredOn: "2025-01-10" } }))
    expect(found.procedure.limitationExpired).toBe(false)
    expect(found.outcome).toBe("penalty")
    const late = assess(oneCase(facts, { extra: { discoveredOn: "2025-01-11" } }))
    expect(late.procedure.limitationExpired).toBe(true)
    expect(late.items[0]!.grade).toBe("不予处罚")
    expect(late.items[0]!.refund).toBe(2000)
  })
  it("uses the decision date when the discovery date is missing, and says so", () => {
    const result = assess(oneCase(facts))
    expect(result.procedure.limitationExpired).toBe(true)
    expect(result.items[0]!.explanation.join("")).toContain("以决定日期代替")
  })
  it("cannot check without dates, and says so", () => {
    const result = assess({ ...oneCase(facts), violations: [{ code: "A38-3-DUPLICATE_CHARGE", amount: 2000 }] })
    expect(result.procedure.limitationChecked).toBe(false)
    expect(result.items[0]!.limitation).toBe("unknown")
  })
})

describe("the five-year period (2021 revision) never revives a period that had run out", () => {
  const fiveYears = {
    id: "five-years",
    regions: ["500235"],
    name: "五年时效测试",
    version: "1",
    effectiveFrom: "2021-05-01",
    source: "测试",
    confidence: "unverified",
    limitation: { fraudFiveYears: true, source: "测试" }
  }
  const run = (to: string) =>
    Effect.runSync(
      assessPenaltyWithBenchmark(
        oneCase(
          { code: "A40-3-FICTITIOUS_SERVICE", amount: 1000, occurredFrom: "2019-01-01", occurredTo: to },
          { decisionDate: "2023-06-01" }
        ),
        fiveYears
      )
    )
  it("two years run out before 2021-07-15: stays barred", () => {
    expect(run("2019-03-01").procedure.limitationExpired).toBe(true)
  })
  it("two years still running on 2021-07-15: extended to five", () => {
    expect(run("2019-09-01").procedure.limitationExpired).toBe(false)
  })
})

describe("行政处罚法 before its 2021 revision", () => {
  it("has no first-offence exemption for decisions before 2021-07-15", () => {
    const factors = { minorAndCorrected: true, firstOffence: true }
    const old = assess(
      oneCase(
        { code: "A38-3-DUPLICATE_CHARGE", amount: 300, ...dated("2021-05-02", "2021-05-20") },
        { decisionDate: "2021-07-01", factors }
      )
    )
    expect(old.items[0]!.grade).not.toBe("不予处罚")
    const revised = assess(
      oneCase(
        { code: "A38-3-DUPLICATE_CHARGE", amount: 300, ...dated("2021-05-02", "2021-05-20") },
        { decisionDate: "2021-07-15", factors }
      )
    )
    expect(revised.items[0]!.grade).toBe("不予处罚")
  })
})
