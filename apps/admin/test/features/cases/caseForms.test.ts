/**
 * The case step forms: defaults, the input each step sends (as `caseStepInputs` expects it), 问答
 * pairs, and which field a server problem belongs to.
 */
import { caseStepInputs } from "@fundguard/domain/enforcement"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import {
  emptyStepDraft,
  fieldOfProblem,
  questionPairs,
  stepFields,
  stepInput
} from "../../../src/features/cases/caseForms.js"
import { caseReminderHorizon, caseReminderText } from "../../../src/features/today/today.js"

const context = { orgKind: "township_health_center" }

describe("case step forms", () => {
  it("offers a form for every step, dates defaulting to today", () => {
    const draft = emptyStepDraft("serve_notice", "2026-12-06")
    expect(draft).toEqual({ servedOn: "2026-12-06", method: "direct", contact: "" })
  })

  it("builds an inquiry the domain accepts: officers and 问答 from lines", () => {
    const input = stepInput(
      "record_inquiry",
      {
        on: "2026-12-06",
        startTime: "09:30",
        endTime: "10:00",
        place: "院长办公室",
        personName: "张某",
        personPosition: "院长",
        officers: "李审核|001\n赵审核|002\n",
        recorder: "李审核",
        questions: "问：是否知悉？\n答：知悉。\n补充说明。\n问：有无异议？\n答：无。"
      },
      context
    )
    expect(Either.isRight(Schema.decodeUnknownEither(caseStepInputs.record_inquiry)(input))).toBe(true)
    expect(input).toMatchObject({
      officers: [
        { name: "李审核", badge: "001" },
        { name: "赵审核", badge: "002" }
      ],
      questions: [
        { question: "是否知悉？", answer: "知悉。\n补充说明。" },
        { question: "有无异议？", answer: "无。" }
      ]
    })
  })

  it("builds the assessment's facts from the case's institution and names the field of a problem", () => {
    const draft = {
      ...emptyStepDraft("assess", "2026-12-06"),
      violationCode: "A38-3-OVER_STANDARD_CHARGE",
      amount: "1200",
      summary: "超限价"
    }
    const input = stepInput("assess", { ...draft, occurredFrom: "", occurredTo: "" }, context) as {
      facts: { subject: unknown; violations: Array<Record<string, unknown>> }
    }
    expect(input.facts.subject).toEqual({ kind: "institution", orgKind: "township_health_center" })
    expect(input.facts.violations).toEqual([{ code: "A38-3-OVER_STANDARD_CHARGE", amount: 1200 }])
    expect(fieldOfProblem("assess", "$.facts.violations[0].amount")).toBe("amount")
    expect(fieldOfProblem("assess", "$.facts.violations[0].code")).toBe("violationCode")
    expect(fieldOfProblem("record_inquiry", "$.officers")).toBe("officers")
    expect(fieldOfProblem("record_inquiry", "$.person.position")).toBe("personPosition")
    expect(fieldOfProblem("serve_notice", "$.nowhere")).toBeNull()
  })

  it("sends what every step's schema accepts from a filled form", () => {
    for (const action of ["submit_filing", "record_payment", "schedule_hearing", "record_legal_review"] as const) {
      const draft = emptyStepDraft(action, "2026-12-06")
      for (const f of stepFields[action]) if (f.kind === "text" || f.kind === "textarea") draft[f.key] = "内容"
      if (action === "record_payment") draft["amount"] = "10"
      const input = stepInput(action, draft, context)
      expect(
        Either.isRight(Schema.decodeUnknownEither(caseStepInputs[action] as Schema.Schema<unknown, unknown>)(input)),
        action
      ).toBe(true)
    }
    expect(questionPairs("答：无问之答")).toEqual([{ question: "", answer: "无问之答" }])
  })
})

describe("case reminders on 今日待办", () => {
  it("looks a week ahead and marks what is past", () => {
    expect(caseReminderHorizon("2026-12-28")).toBe("2027-01-04")
    expect(
      caseReminderText({ nextDueOn: "2026-12-01", nextDueStep: "立案", statusLabel: "待立案" }, "2026-12-06")
    ).toBe("待立案：立案 2026-12-01（已逾期）")
  })
})

describe("the approver's list", () => {
  it("lists the cases waiting for 复审 or 审批, soonest deadline first", async () => {
    const { awaitingReview } = await import("../../../src/features/cases/cases.js")
    const cases = [
      { id: "a", status: "investigating", nextDueOn: "2026-12-01" },
      { id: "b", status: "decision_review", nextDueOn: "2026-12-20" },
      { id: "c", status: "filing_review", nextDueOn: "2026-12-10" },
      { id: "d", status: "closure_review", nextDueOn: null }
    ]
    expect(awaitingReview(cases).map((c) => c.id)).toEqual(["c", "b", "d"])
  })
})
