/**
 * 自查自纠 and 整改: the standing of an institution in a campaign, the spot-check list of those that
 * returned nothing, the penalty factors a later finding gets from the campaign, the state of a
 * rectification order, and the problems common to several institutions for a county-wide notice.
 */
import { describe, expect, it } from "vitest"
import {
  commonProblems,
  rectificationState,
  selfCheckFactors,
  selfCheckFactorsForFindings,
  selfCheckStanding,
  spotCheckList,
  type RectificationOrder,
  type SelfCheckCampaign,
  type SelfCheckReport
} from "../src/enforcement/index.js"
import { isoDate } from "../src/kernel/IsoDate.js"

const d = isoDate
// Laid out like seed 001: data from 2018-01-01 to 2020-05-31, report and refunds by 2020-04-20.
const campaign: SelfCheckCampaign = {
  code: "2020-ZXZL",
  title: "2020年专项治理自查自纠",
  orgKinds: ["pharmacy", "clinic", "village_clinic"],
  dataFrom: d("2018-01-01"),
  dataTo: d("2020-05-31"),
  reportDue: d("2020-04-20"),
  refundDue: d("2020-04-20"),
  source: "《2020年奈曼旗打击欺诈骗取医疗保障基金专项治理工作实施方案》三（二）"
}
const pharmacy = { code: "P1", orgKind: "pharmacy" } as const
const report = (refunds: SelfCheckReport["refunds"], submittedOn: string | null = "2020-04-18"): SelfCheckReport => ({
  institution: "P1",
  submittedOn: submittedOn === null ? null : d(submittedOn),
  commitmentSigned: true,
  refunds
})

describe("self-inspection", () => {
  it("counts what was returned by the deadline and what came late", () => {
    const standing = selfCheckStanding(
      campaign,
      report([
        { amount: 1200.5, paidOn: d("2020-04-19"), violation: "A38-4-SWAP" },
        { amount: 300, paidOn: d("2020-05-02"), violation: null }
      ])
    )
    expect(standing).toEqual({ reportedOnTime: true, refundedByDeadline: 1200.5, refundedLate: 300, zeroRefund: false })
    expect(selfCheckStanding(campaign, undefined)).toEqual({
      reportedOnTime: false,
      refundedByDeadline: 0,
      refundedLate: 0,
      zeroRefund: true
    })
  })

  it("lists the institutions that returned nothing or did not report for spot checks", () => {
    const institutions = [
      { code: "P1", orgKind: "pharmacy" },
      { code: "P2", orgKind: "pharmacy" },
      { code: "C1", orgKind: "clinic" },
      { code: "H1", orgKind: "public_hospital" }
    ] as const
    const reports = [
      report([{ amount: 10, paidOn: d("2020-04-10"), violation: null }]),
      { ...report([]), institution: "P2" }
    ]
    expect(spotCheckList(campaign, institutions, reports).map((x) => [x.code, x.reason.split("（")[0]])).toEqual([
      ["C1", "未报送自查报告"],
      ["P2", "自查自纠上交违规金额为零"]
    ])
  })

  it("makes a later finding mitigated when it was returned in full in time, aggravated otherwise", () => {
    const finding = { violation: "A38-4-SWAP", amount: 1000, occurredOn: d("2019-06-01") } as const
    const paid = report([{ amount: 1200.5, paidOn: d("2020-04-19"), violation: "A38-4-SWAP" }])
    expect(selfCheckFactors(campaign, pharmacy, paid, finding)?.factors).toEqual({ refundedInFullByDeadline: true })
    expect(selfCheckFactors(campaign, pharmacy, paid, { ...finding, amount: 5000 })?.factors).toEqual({
      ignoredSelfCheckList: true
    })
    expect(
      selfCheckFactors(campaign, pharmacy, paid, { ...finding, violation: "A38-3-DUPLICATE_CHARGE" })?.reason
    ).toContain("仅退回 0 元")
    expect(selfCheckFactors(campaign, pharmacy, undefined, finding)?.reason).toContain("未按时报送自查报告")
    // Outside the data window or the campaign's kinds: the campaign says nothing.
    expect(selfCheckFactors(campaign, pharmacy, paid, { ...finding, occurredOn: d("2020-06-01") })).toBeNull()
    expect(selfCheckFactors(campaign, { code: "H1", orgKind: "public_hospital" }, undefined, finding)).toBeNull()
  })
})

describe("rectification", () => {
  const order: RectificationOrder = {
    institution: "P1",
    violations: ["AGR-PRICE_TAGS"],
    issuedOn: d("2025-11-01"),
    dueOn: d("2025-11-30"),
    reportedOn: null,
    recheckedOn: null,
    recheckPassed: null
  }

  it("goes open → overdue without a report; reported → re-checked closed or failed", () => {
    expect(rectificationState(order, d("2025-11-30"))).toBe("open")
    expect(rectificationState(order, d("2025-12-01"))).toBe("overdue")
    const reported = { ...order, reportedOn: d("2025-11-28") }
    expect(rectificationState(reported, d("2025-12-10"))).toBe("awaiting_recheck")
    expect(
      rectificationState({ ...reported, recheckedOn: d("2025-12-12"), recheckPassed: true }, d("2025-12-12"))
    ).toBe("closed")
    expect(
      rectificationState({ ...reported, recheckedOn: d("2025-12-12"), recheckPassed: false }, d("2025-12-12"))
    ).toBe("failed")
  })

  it("lists problems found at several institutions of a kind for the county-wide notice", () => {
    const findings = [
      { institution: "P2", orgKind: "pharmacy", violation: "AGR-PRICE_TAGS" },
      { institution: "P1", orgKind: "pharmacy", violation: "AGR-PRICE_TAGS" },
      { institution: "P1", orgKind: "pharmacy", violation: "AGR-PRICE_TAGS" },
      { institution: "P3", orgKind: "pharmacy", violation: "AGR-PRICE_TAGS" },
      { institution: "C1", orgKind: "clinic", violation: "A38-4-SWAP" },
      { institution: "C2", orgKind: "clinic", violation: "A38-4-SWAP" },
      { institution: "V1", orgKind: "village_clinic", violation: "A39-2-RECORDS_NOT_KEPT" }
    ] as const
    expect(commonProblems(findings)).toEqual([
      { violation: "AGR-PRICE_TAGS", orgKind: "pharmacy", institutions: ["P1", "P2", "P3"] },
      { violation: "A38-4-SWAP", orgKind: "clinic", institutions: ["C1", "C2"] }
    ])
  })
})

describe("self-inspection factors for several findings", () => {
  it("counts each refund once: 10,000 yuan covers 8,000 or 9,000 but not both", () => {
    const refunds = report([{ amount: 10_000, paidOn: d("2020-04-10"), violation: null }])
    const finding = (amount: number) => ({
      violation: "A38-3-OVER_STANDARD_CHARGE" as const,
      amount,
      occurredOn: d("2019-03-01")
    })
    expect(selfCheckFactorsForFindings(campaign, pharmacy, refunds, [finding(8_000)])?.factors).toEqual({
      refundedInFullByDeadline: true
    })
    const both = selfCheckFactorsForFindings(campaign, pharmacy, refunds, [finding(8_000), finding(9_000)])
    expect(both?.factors).toEqual({ ignoredSelfCheckList: true })
    expect(both?.reason).toContain("每笔退款只计一次")
    expect(
      selfCheckFactorsForFindings(campaign, pharmacy, refunds, [{ ...finding(8_000), occurredOn: d("2021-01-01") }])
    ).toBeNull()
  })
})
