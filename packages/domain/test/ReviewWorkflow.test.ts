import { describe, expect, it } from "vitest"
import * as Either from "effect/Either"
import { isoDate } from "../src/kernel/index.js"
import { deadlineFor, isOverdue, reviewTimeLimits, stepOfStatus } from "../src/review/index.js"
import { checkStepInput } from "../src/review/index.js"
import {
  decideAssignment,
  decideReviewAction,
  offeredActions,
  ReviewAction,
  reviewTransitions,
  type ReviewActor,
  type ReviewHistoryEntry,
  type ReviewSubject
} from "../src/review/index.js"
import { SuspicionStatus } from "../src/screening/index.js"
import { suspicionCategory } from "../src/screening/index.js"
import { covers, notCovered, weekendsOnlyCalendar, type WorkingCalendarShape } from "../src/kernel/index.js"

const today = isoDate("2025-06-10")
const shenhe: ReviewActor = { id: "u-shenhe", name: "李审核", role: "reviewer" }
const shenhe2: ReviewActor = { id: "u-shenhe2", name: "赵审核", role: "reviewer" }
const jihe: ReviewActor = { id: "u-jihe", name: "王稽核", role: "supervisor" }
const admin: ReviewActor = { id: "u-admin", name: "管理员", role: "admin" }
const weijian: ReviewActor = { id: "u-weijian", name: "卫健委", role: "department" }

const subject = (over: Partial<ReviewSubject> = {}): ReviewSubject => ({
  status: "pending_first_review",
  category: "violation",
  assigneeId: null,
  assigneeName: null,
  dueDate: "2025-06-20",
  history: [],
  proposal: null,
  ...over
})

const step = (actor: ReviewActor, action: string, level: ReviewHistoryEntry["level"]): ReviewHistoryEntry => ({
  action,
  level,
  actorId: actor.id,
  actorName: actor.name
})

const refusal = (result: ReturnType<typeof decideReviewAction>) => (Either.isLeft(result) ? result.left.reason : null)
const target = (result: ReturnType<typeof decideReviewAction>) => (Either.isRight(result) ? result.right.to : null)

describe("transition table", () => {
  it("allows exactly the listed (status, action) pairs and refuses every other with a status conflict", () => {
    for (const status of SuspicionStatus.literals) {
      for (const action of ReviewAction.literals) {
        const listed = reviewTransitions.some((r) => r.from === status && r.action === action)
        const result = decideReviewAction(
          subject({
            status,
            category: "data_quality",
            dueDate: "2025-06-01",
            proposal: { result: "confirm", disposition: "deduction", deductionAmount: 10 }
          }),
          admin,
          action,
          today
        )
        if (listed) expect(Either.isRight(result), `${status} × ${action}`).toBe(true)
        else expect(refusal(result), `${status} × ${action}`).toBe("status")
      }
    }
  })

  it("walks a violation lead from 待初审 to 确认违规 with three different people", () => {
    let history: Array<ReviewHistoryEntry> = []
    const go = (
      status: SuspicionStatus,
      actor: ReviewActor,
      action: ReviewAction,
      extra: Partial<ReviewSubject> = {}
    ) => {
      const result = decideReviewAction(subject({ status, history, ...extra }), actor, action, today)
      expect(
        Either.isRight(result),
        `${actor.name} ${action}: ${Either.isLeft(result) ? result.left.detail : ""}`
      ).toBe(true)
      const decision = Either.getOrThrow(result)
      history = [...history, step(actor, action, decision.level)]
      return decision
    }
    expect(go("pending_first_review", shenhe, "first_review_confirm").to).toBe("pending_second_review")
    expect(go("pending_second_review", jihe, "second_review_push").to).toBe("sent_to_institution")
    expect(go("sent_to_institution", shenhe, "record_response").to).toBe("institution_responded")
    expect(go("institution_responded", shenhe, "start_verification").to).toBe("verifying")
    expect(go("verifying", shenhe, "propose_confirm").to).toBe("pending_approval")
    const approved = go("pending_approval", admin, "approve", {
      proposal: { result: "confirm", disposition: "deduction", deductionAmount: 40 }
    })
    expect(approved.to).toBe("confirmed")
    expect(approved.nextStep).toBeNull()
  })

  it("sends an approved exclusion proposal to 核实排除, and refuses approval without a proposal", () => {
    const proposal = { result: "exclude", disposition: null, deductionAmount: null } as const
    expect(target(decideReviewAction(subject({ status: "pending_approval", proposal }), admin, "approve", today))).toBe(
      "excluded"
    )
    expect(refusal(decideReviewAction(subject({ status: "pending_approval" }), admin, "approve", today))).toBe("status")
  })

  it("gives data-quality leads the correction path and refuses it to violation leads", () => {
    expect(suspicionCategory("CHARGE_OUTSIDE_STAY")).toBe("data_quality")
    expect(suspicionCategory("PRICE_OVER_CAP")).toBe("violation")
    const dq = subject({ category: "data_quality" })
    expect(target(decideReviewAction(dq, shenhe, "request_correction", today))).toBe("awaiting_correction")
    const waiting = subject({ category: "data_quality", status: "awaiting_correction" })
    expect(target(decideReviewAction(waiting, shenhe, "mark_corrected", today))).toBe("corrected")
    expect(target(decideReviewAction(waiting, shenhe, "escalate", today))).toBe("pending_second_review")
    expect(refusal(decideReviewAction(subject(), shenhe, "request_correction", today))).toBe("category")
  })

  it("maps every open status to the step whose deadline runs, and closed ones to none", () => {
    expect(stepOfStatus("pending_first_review")).toBe("first_review")
    expect(stepOfStatus("sent_to_institution")).toBe("institution_response")
    expect(stepOfStatus("institution_responded")).toBe("verification")
    expect(stepOfStatus("verifying")).toBe("verification")
    expect(stepOfStatus("pending_approval")).toBe("approval")
    expect(stepOfStatus("awaiting_correction")).toBe("data_correction")
    for (const closed of ["dismissed", "confirmed", "excluded", "corrected"] as const)
      expect(stepOfStatus(closed)).toBe(null)
  })
})

describe("who may act", () => {
  it("keeps 复审 and 审批 to 稽核员 and above, and everything from other departments", () => {
    const second = subject({ status: "pending_second_review" })
    expect(refusal(decideReviewAction(second, shenhe, "second_review_push", today))).toBe("role")
    expect(Either.isRight(decideReviewAction(second, jihe, "second_review_push", today))).toBe(true)
    expect(refusal(decideReviewAction(subject(), weijian, "first_review_confirm", today))).toBe("role")
  })

  it("refuses the first reviewer the second review, with the rule in the message (三级审核)", () => {
    const history = [step(jihe, "first_review_confirm", "first")]
    const result = decideReviewAction(
      subject({ status: "pending_second_review", history }),
      jihe,
      "second_review_push",
      today
    )
    expect(refusal(result)).toBe("separation_of_duties")
    expect(Either.isLeft(result) && result.left.detail).toContain("已担任本疑点的初审")
    expect(
      Either.isRight(
        decideReviewAction(subject({ status: "pending_second_review", history }), admin, "second_review_push", today)
      )
    ).toBe(true)
  })

  it("refuses approval to the first reviewer, the second reviewer and the verifier", () => {
    const history = [
      step(shenhe, "first_review_confirm", "first"),
      step(jihe, "second_review_push", "second"),
      step(shenhe2, "start_verification", "verification"),
      step(shenhe2, "propose_confirm", "verification")
    ]
    const pending = subject({
      status: "pending_approval",
      history,
      proposal: { result: "confirm", disposition: "case", deductionAmount: null }
    })
    expect(refusal(decideReviewAction(pending, jihe, "approve", today))).toBe("separation_of_duties")
    const asAdmin = (h: ReadonlyArray<ReviewHistoryEntry>) =>
      decideReviewAction({ ...pending, history: h }, admin, "approve", today)
    expect(refusal(asAdmin([...history, step(admin, "first_review_confirm", "first")]))).toBe("separation_of_duties")
    expect(refusal(asAdmin([...history, step(admin, "propose_confirm", "verification")]))).toBe("separation_of_duties")
    expect(Either.isRight(asAdmin(history))).toBe(true)
  })

  it("lets the first reviewer redo 初审 after a return, but not the second reviewer", () => {
    const history = [step(shenhe, "first_review_confirm", "first"), step(jihe, "second_review_return", "second")]
    const back = subject({ status: "pending_first_review", history })
    expect(Either.isRight(decideReviewAction(back, shenhe, "first_review_dismiss", today))).toBe(true)
    expect(refusal(decideReviewAction(back, jihe, "first_review_dismiss", today))).toBe("separation_of_duties")
  })

  it("lets only the assignee act on an assigned step", () => {
    const assigned = subject({ assigneeId: shenhe2.id, assigneeName: shenhe2.name })
    const result = decideReviewAction(assigned, shenhe, "first_review_confirm", today)
    expect(refusal(result)).toBe("not_assignee")
    expect(Either.isLeft(result) && result.left.detail).toContain("赵审核")
    expect(Either.isRight(decideReviewAction(assigned, shenhe2, "first_review_confirm", today))).toBe(true)
  })

  it("allows 逾期未反馈 only after the response deadline, and marks late steps", () => {
    const sent = subject({ status: "sent_to_institution", dueDate: "2025-06-10" })
    expect(refusal(decideReviewAction(sent, shenhe, "mark_no_response", today))).toBe("not_yet_due")
    const later = decideReviewAction(sent, shenhe, "mark_no_response", isoDate("2025-06-11"))
    expect(Either.isRight(later) && later.right.late).toBe(true)
    const onTime = decideReviewAction(sent, shenhe, "record_response", today)
    expect(Either.isRight(onTime) && onTime.right.late).toBe(false)
  })

  it("offers the buttons of the status, each allowed or refused with its reason", () => {
    const history = [step(shenhe, "first_review_confirm", "first")]
    const offered = offeredActions(subject({ status: "pending_second_review", history }), shenhe, today)
    expect(offered.map((o) => o.action)).toEqual([
      "second_review_push",
      "second_review_dismiss",
      "second_review_return"
    ])
    expect(offered.every((o) => !o.allowed && o.refusal !== null)).toBe(true)
    const forJihe = offeredActions(subject({ status: "pending_second_review", history }), jihe, today)
    expect(forJihe.every((o) => o.allowed)).toBe(true)
    expect(forJihe.find((o) => o.action === "second_review_dismiss")?.reasonRequired).toBe(true)
  })
})

describe("assignment", () => {
  it("lets a reviewer claim an unassigned step but not assign others", () => {
    expect(Either.isRight(decideAssignment(subject(), shenhe, shenhe))).toBe(true)
    expect(Either.isLeft(decideAssignment(subject(), shenhe, shenhe2))).toBe(true)
    expect(Either.isRight(decideAssignment(subject(), jihe, shenhe2))).toBe(true)
  })

  it("refuses to assign a step to someone barred from it or without the role, or a closed lead", () => {
    const history = [step(shenhe, "first_review_confirm", "first")]
    const second = subject({ status: "pending_second_review", history })
    const barred = decideAssignment(second, jihe, { ...jihe, id: shenhe.id, name: "李审核" })
    expect(Either.isLeft(barred) && barred.left.reason).toBe("separation_of_duties")
    expect(Either.isLeft(barred) && barred.left.detail).toContain("李审核已担任本疑点的初审")
    const noRole = decideAssignment(second, jihe, shenhe2)
    expect(Either.isLeft(noRole) && noRole.left.reason).toBe("role")
    expect(Either.isLeft(decideAssignment(subject({ status: "confirmed" }), admin, jihe))).toBe(true)
  })
})

describe("step input", () => {
  const problems = (action: ReviewAction, input: unknown) => {
    const result = checkStepInput(action, input, today)
    return Either.isLeft(result) ? result.left.problems.map((p) => p.path) : []
  }

  it("requires a reason where the step needs one, and keeps it trimmed", () => {
    expect(problems("first_review_dismiss", {})).toEqual(["$.reason"])
    expect(problems("first_review_dismiss", { reason: "   " })).toEqual(["$.reason"])
    expect(Either.getOrThrow(checkStepInput("first_review_dismiss", { reason: " 已退费 " }, today)).reason).toBe(
      "已退费"
    )
    expect(problems("first_review_confirm", {})).toEqual([])
  })

  it("names fields the step does not use and fields nobody knows", () => {
    expect(problems("first_review_confirm", { proposal: { disposition: "case" } })).toEqual(["$.proposal"])
    expect(problems("first_review_confirm", { opinion: "x" })).toEqual(["$.opinion"])
  })

  it("checks the institution's response: grounds for an appeal, no future date", () => {
    expect(problems("record_response", {})).toEqual(["$.response"])
    expect(
      problems("record_response", { response: { kind: "appeal", statement: " ", receivedOn: "2025-06-11" } })
    ).toEqual(["$.response.statement", "$.response.receivedOn"])
    expect(
      problems("record_response", { response: { kind: "accepted", statement: "", receivedOn: "2025-02-30" } })
    ).toEqual(["$.response.receivedOn"])
    const ok = Either.getOrThrow(
      checkStepInput(
        "record_response",
        {
          response: { kind: "appeal", statement: "有病程记录", receivedOn: "2025-06-09", documents: ["病程记录", " "] }
        },
        today
      )
    )
    expect(ok.response?.documents).toEqual(["病程记录"])
  })

  it("needs a positive deduction amount, rounded to the fen, for 扣款/核减", () => {
    expect(problems("propose_confirm", { reason: "核实属实" })).toEqual(["$.proposal"])
    expect(problems("propose_confirm", { reason: "核实属实", proposal: { disposition: "deduction" } })).toEqual([
      "$.proposal.deductionAmount"
    ])
    expect(
      problems("propose_confirm", { reason: "核实属实", proposal: { disposition: "deduction", deductionAmount: 0 } })
    ).toEqual(["$.proposal.deductionAmount"])
    const ok = Either.getOrThrow(
      checkStepInput(
        "propose_confirm",
        { reason: "核实属实", proposal: { disposition: "deduction", deductionAmount: 40.005 } },
        today
      )
    )
    expect(ok.proposal).toEqual({ result: "confirm", disposition: "deduction", deductionAmount: 40.01 })
    expect(Either.getOrThrow(checkStepInput("propose_exclude", { reason: "合理" }, today)).proposal?.result).toBe(
      "exclude"
    )
  })
  it("bounds a deduction: a finite amount, at most the lead's own amount", () => {
    const deduct = (deductionAmount: unknown, leadAmount: number) => {
      const result = checkStepInput(
        "propose_confirm",
        { reason: "核实属实", proposal: { disposition: "deduction", deductionAmount } },
        today,
        leadAmount
      )
      return Either.isLeft(result) ? result.left.problems : []
    }
    expect(deduct(1e300, 347.52)).toEqual([
      { path: "$.proposal.deductionAmount", message: expect.stringContaining("不得超过") }
    ])
    expect(deduct(347.53, 347.52)).toEqual([
      { path: "$.proposal.deductionAmount", message: "扣款/核减金额不得超过疑点金额 347.52元" }
    ])
    expect(deduct(347.52, 347.52)).toEqual([])
    expect(deduct(null, 347.52).map((p) => p.path)).toEqual(["$.proposal.deductionAmount"])
  })
})

/** 2025 National Day: 1–8 October off; Sunday 28 September and Saturday 11 October worked (国办发明电〔2024〕12号). */
const holidayCalendar: WorkingCalendarShape = {
  source: "test: 2025 国庆节",
  coveredYears: { from: 2025, to: 2025 },
  day: (date) => {
    if (!covers(holidayCalendar, date)) return Either.left(notCovered(holidayCalendar, date))
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    const holiday = date >= "2025-10-01" && date <= "2025-10-08"
    const swapped = date === "2025-09-28" || date === "2025-10-11"
    const working = swapped || (!holiday && weekday !== 0 && weekday !== 6)
    return Either.right({ date, working, name: holiday ? "国庆节" : "", adjusted: holiday || swapped })
  }
}

describe("deadlines", () => {
  it("counts working days from the day after the step opened, with the source cited", () => {
    const due = deadlineFor("first_review", isoDate("2025-06-06"), weekendsOnlyCalendar(2025, 2025))
    expect(due).toMatchObject({ days: 5, dueDate: "2025-06-13", estimated: false })
    expect(due.source).toContain("知识库、规则库管理办法")
    expect(reviewTimeLimits[0]?.value.institution_response.days).toBe(10)
  })

  it("skips the National Day holiday and counts the adjusted working Saturday", () => {
    // Opened Tuesday 30 September: 9 and 10 October are working days 1 and 2, Saturday 11 October is 3.
    expect(deadlineFor("second_review", isoDate("2025-09-30"), holidayCalendar).dueDate).toBe("2025-10-14")
    expect(deadlineFor("second_review", isoDate("2025-09-30"), weekendsOnlyCalendar(2025, 2025)).dueDate).toBe(
      "2025-10-07"
    )
  })

  it("estimates on weekends only, and says so, when the holiday data does not cover the period", () => {
    const due = deadlineFor("verification", isoDate("2025-12-20"), holidayCalendar)
    expect(due.estimated).toBe(true)
    expect(due.dueDate).toBe("2026-01-09")
    expect(due.source).toContain("估算")
  })

  it("is overdue the day after the due date", () => {
    expect(isOverdue("2025-06-10", today)).toBe(false)
    expect(isOverdue("2025-06-09", today)).toBe(true)
    expect(isOverdue(null, today)).toBe(false)
  })
})
