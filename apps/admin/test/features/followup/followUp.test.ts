/** The follow-up page's logic: measure bodies, refunds from lines, a campaign proposed from a common problem. */
import { CampaignDefinition, MeasureProposal } from "@fundguard/domain/enforcement"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { campaignFromProblem, emptyMeasure, measureBody, refundsOf } from "../../../src/features/followup/followUp.js"

describe("follow-up page logic", () => {
  it("sends an amount only for money measures", () => {
    const base = { ...emptyMeasure(), institutionCode: "H1", reason: "理由", amount: "120.5" }
    expect(measureBody({ ...base, action: "recover" })).toEqual({
      institutionCode: "H1",
      action: "recover",
      reason: "理由",
      amount: 120.5
    })
    expect(measureBody({ ...base, action: "interview" })).toEqual({
      institutionCode: "H1",
      action: "interview",
      reason: "理由"
    })
    expect(
      Either.isRight(Schema.decodeUnknownEither(MeasureProposal)(measureBody({ ...base, action: "recover" })))
    ).toBe(true)
  })

  it("reads refunds from lines", () => {
    expect(refundsOf("5000|2025-10-25|A38-3-OVER_STANDARD_CHARGE\n\n300|2025-10-26")).toEqual([
      { amount: 5000, paidOn: "2025-10-25", violation: "A38-3-OVER_STANDARD_CHARGE" },
      { amount: 300, paidOn: "2025-10-26", violation: null }
    ])
  })

  it("proposes a campaign the domain accepts from a problem common to several institutions", () => {
    const campaign = campaignFromProblem(
      {
        violation: "A38-2-SPLIT_PRESCRIPTION",
        violationText: "第三十八条第二项 分解处方",
        orgKind: "village_clinic",
        orgKindLabel: "村卫生室"
      },
      "2026-12-06"
    )
    expect(campaign).toMatchObject({
      orgKinds: ["village_clinic"],
      dataFrom: "2025-12-06",
      dataTo: "2026-12-06",
      reportDue: "2027-01-05"
    })
    expect(Either.isRight(Schema.decodeUnknownEither(CampaignDefinition)(campaign))).toBe(true)
  })
})
