/** The credit pages' logic: the forms' bodies decode with the contracts' schemas; a status reads with its dates. */
import { NoticeInput, PointEventInput, PractitionerInput, PublicationProposal } from "@fundguard/domain/credit"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import {
  emptyPoints,
  noticeBody,
  pointsBody,
  practitionerBody,
  publicationBody,
  statusText
} from "../../../src/features/credit/credit.js"

const decodes = <A, I>(schema: Schema.Schema<A, I>, value: unknown) =>
  Either.isRight(Schema.decodeUnknownEither(schema, { onExcessProperty: "error" })(value))

describe("credit page logic", () => {
  it("sends the points as numbers, and the suspension only when chosen", () => {
    const draft = { ...emptyPoints("2025-11-20"), points: "5", sourceId: "c1", event: "机构受处罚" }
    expect(pointsBody(draft)).toEqual({
      decidedOn: "2025-11-20",
      points: 5,
      responsibility: "general",
      source: "case",
      sourceId: "c1",
      event: "机构受处罚"
    })
    expect(pointsBody({ ...draft, suspensionMonths: "3" }).suspensionMonths).toBe(3)
    expect(decodes(PointEventInput, pointsBody(draft))).toBe(true)
    // An empty points field is not 0: the contract names it.
    expect(decodes(PointEventInput, pointsBody({ ...draft, points: "" }))).toBe(false)
  })

  it("builds the other forms' bodies as the contracts take them", () => {
    expect(
      practitionerBody({ nationalCode: " d500235000001 ", name: " 王大明 ", kind: "doctor", institutionCode: "H1" })
    ).toEqual({ nationalCode: "D500235000001", name: "王大明", kind: "doctor", institutionCode: "H1" })
    expect(
      decodes(
        PractitionerInput,
        practitionerBody({ nationalCode: "D500235000001", name: "王大明", kind: "doctor", institutionCode: "H1" })
      )
    ).toBe(true)
    const notice = {
      department: "health_commission" as const,
      subject: "practitioner" as const,
      subjectId: "p1",
      caseId: "c1",
      reason: "记满12分",
      request: "依法处理"
    }
    expect(noticeBody(notice)).not.toHaveProperty("caseId")
    expect(noticeBody({ ...notice, subject: "institution" })).toMatchObject({ caseId: "c1" })
    expect(decodes(NoticeInput, noticeBody(notice))).toBe(true)
    const publication = publicationBody({
      caseId: "c1",
      title: "案",
      summary: "内容",
      persons: "王大明、周小敏\n孙建国"
    })
    expect(publication.persons).toEqual(["王大明", "周小敏", "孙建国"])
    expect(decodes(PublicationProposal, publication)).toBe(true)
  })

  it("reads a status with its dates", () => {
    const base = { singleEvent: false, yearPoints: 12, toSuspension: 0, mustReRegister: false }
    expect(
      statusText({
        ...base,
        state: "terminated",
        label: "终止医保支付资格",
        from: "2025-10-20",
        until: "2026-10-19",
        liftedOn: "2026-10-20"
      })
    ).toBe("终止医保支付资格 2025-10-20 至 2026-10-19（2026-10-20 起可重新登记备案（1年））")
    expect(
      statusText({
        ...base,
        yearPoints: 6,
        toSuspension: 3,
        state: "normal",
        label: "正常",
        from: null,
        until: null,
        liftedOn: null
      })
    ).toBe("正常（本年 6 分，距暂停 3 分）")
  })
})
