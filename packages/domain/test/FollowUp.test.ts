/**
 * Agreement measures: a fund recovery passes 初审 (the proposal) → 复审 → 审批 by three different
 * people; other measures are decided by someone other than the proposer; the institution is heard
 * first where the action needs it.
 */
import { describe, expect, it } from "vitest"
import { measureDecisionRefusal, measureReviewRefusal, type StoredMeasure } from "../src/enforcement/index.js"

const measure = (over: Partial<StoredMeasure> = {}): StoredMeasure => ({
  id: "m1",
  action: "recover",
  status: "proposed",
  proposedById: "li",
  proposedByName: "李审核",
  reviewedById: null,
  reviewedByName: null,
  statementOn: "2026-12-01",
  ...over
})
const wang = { id: "wang", name: "王稽核" }
const liu = { id: "liu", name: "刘局长" }

describe("agreement measures", () => {
  it("takes three different people for a fund recovery", () => {
    expect(measureDecisionRefusal(measure(), liu)?.detail).toContain("须经复审")
    expect(measureReviewRefusal(measure(), { id: "li", name: "李审核" })?.detail).toContain("不相容岗位分离")
    expect(measureReviewRefusal(measure(), wang)).toBeNull()
    const reviewed = measure({ reviewedById: "wang", reviewedByName: "王稽核" })
    expect(measureReviewRefusal(reviewed, liu)?.detail).toContain("已由王稽核复审")
    expect(measureDecisionRefusal(reviewed, wang)?.detail).toContain("不相容岗位分离")
    expect(measureDecisionRefusal(reviewed, { id: "li", name: "李审核" })?.detail).toContain("不相容岗位分离")
    expect(measureDecisionRefusal(reviewed, liu)).toBeNull()
    expect(measureDecisionRefusal({ ...reviewed, statementOn: null }, liu)?.detail).toContain("陈述、申辩")
  })

  it("lets another person decide a measure that moves no money, without a 复审", () => {
    const interview = measure({ action: "interview", statementOn: null })
    expect(measureReviewRefusal(interview, wang)?.detail).toContain("无须复审")
    expect(measureDecisionRefusal(interview, { id: "li", name: "李审核" })?.detail).toContain("不相容岗位分离")
    expect(measureDecisionRefusal(interview, wang)).toBeNull()
  })
})
