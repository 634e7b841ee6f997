/**
 * The case procedure as a pure function: a case walked from its opening to closure by three people,
 * the gates of the law on the way (two officers, the party's windows, the hearing, legal review,
 * collective discussion, payment before closure) and 不相容岗位分离 on every controlled matter.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import {
  caseFile,
  caseFileDeadlines,
  offeredCaseSteps,
  planCaseStep,
  procedureLimitsOn,
  type CaseAction,
  type CaseActor,
  type CaseEntry,
  type CasePermission
} from "../src/enforcement/index.js"
import { isoDate, type IsoDate } from "../src/kernel/IsoDate.js"
import { YuanToFen } from "../src/kernel/Money.js"
import { weekendsOnlyCalendar } from "../src/kernel/WorkingCalendar.js"

const calendar = weekendsOnlyCalendar(2025, 2027)
const limits = procedureLimitsOn(isoDate("2026-01-05")).value

const person = (id: string, name: string, permissions: ReadonlyArray<CasePermission>): CaseActor => ({
  id,
  name,
  can: (p) => permissions.includes(p)
})
const officer = person("u-li", "李审核", ["cases:handle"])
const supervisor = person("u-wang", "王稽核", ["cases:handle", "cases:review"])
const leader = person("u-admin", "局长", ["cases:handle", "cases:review", "cases:approve"])

const opening: CaseEntry = {
  revision: 1,
  action: "open",
  actorId: officer.id,
  actorName: officer.name,
  recordedOn: isoDate("2026-01-05"),
  details: {
    source: "suspicion",
    institutionCode: "H50023500001",
    discoveredOn: "2026-01-05",
    summary: "超量开药疑点经审核确认",
    references: ["s-1", "s-2"]
  },
  documentNumber: null
}

/** A case under construction: each step is planned on the file the entries so far make, then recorded. */
const walk = () => {
  const entries: Array<CaseEntry> = [opening]
  const take = (action: CaseAction, actor: CaseActor, input: unknown, today: string) =>
    Effect.runPromiseExit(
      planCaseStep(
        caseFile(entries),
        { action, revision: entries.length, input, actor },
        { today: isoDate(today), calendar, limits, region: "500235" }
      )
    ).then((exit) => {
      if (Exit.isSuccess(exit))
        entries.push({
          revision: exit.value.revision,
          action,
          actorId: actor.id,
          actorName: actor.name,
          recordedOn: isoDate(today),
          details: exit.value.details,
          documentNumber: exit.value.issues ? `奉医保${action}〔2026〕1号` : null
        })
      return exit
    })
  const must = async (action: CaseAction, actor: CaseActor, input: unknown, today: string) => {
    const exit = await take(action, actor, input, today)
    if (Exit.isFailure(exit)) throw new Error(`${action}: ${JSON.stringify(exit.cause)}`)
    return exit.value
  }
  const refusal = async (action: CaseAction, actor: CaseActor, input: unknown, today: string) => {
    const exit = await take(action, actor, input, today)
    if (Exit.isSuccess(exit)) throw new Error(`${action} was allowed`)
    const failure = exit.cause._tag === "Fail" ? exit.cause.error : null
    return failure as { _tag: string; message: string; problems?: ReadonlyArray<{ path: string; message: string }> }
  }
  return { entries, take, must, refusal, file: () => caseFile(entries) }
}

const inquiry = (officers: ReadonlyArray<string>) => ({
  on: "2026-01-12",
  startTime: "09:30",
  endTime: "10:40",
  place: "奉节县某医院院长办公室",
  person: { name: "张某", position: "医务科科长" },
  officers: officers.map((name, i) => ({ name, badge: `50023500${i}` })),
  recorder: "李审核",
  questions: [{ question: "是否知悉超量开药的规定？", answer: "知悉。" }]
})
const facts = {
  subject: { kind: "institution", orgKind: "public_hospital", hospLv: "2" },
  violations: [
    { code: "A38-2-OVER_PRESCRIPTION", amount: 12_000, occurredFrom: "2025-06-01", occurredTo: "2025-11-30" }
  ]
}

describe("case procedure", () => {
  it("walks a case from its opening to closure with three people, every money ledger paid", async () => {
    const c = walk()
    await c.must("submit_filing", officer, { opinion: "拟立案调查" }, "2026-01-06")
    await c.must("review_filing", supervisor, { opinion: "同意立案" }, "2026-01-06")
    expect((await c.refusal("approve_filing", supervisor, { opinion: "同意" }, "2026-01-06"))._tag).toBe(
      "CaseStepRefused"
    )
    await c.must("approve_filing", leader, { opinion: "同意立案" }, "2026-01-07")
    expect(c.file().status).toBe("investigating")
    expect(c.file().events.filedOn).toBe("2026-01-07")
    expect(c.file().documents.filing_approval).toBeDefined()

    const lone = await c.refusal("record_inquiry", officer, inquiry(["李审核"]), "2026-01-12")
    expect(lone._tag).toBe("InvalidCaseInput")
    expect(lone.problems?.[0]?.path).toBe("$.officers")
    expect(
      (
        await c.refusal(
          "serve_notice",
          officer,
          { servedOn: "2026-01-12", method: "direct", contact: "023-1" },
          "2026-01-12"
        )
      ).message
    ).toContain("违法事实")
    await c.must("record_inquiry", officer, inquiry(["李审核", "赵执法"]), "2026-01-12")
    await c.must(
      "record_evidence",
      officer,
      { items: [{ name: "处方 120 张", kind: "书证", source: "医院" }] },
      "2026-01-12"
    )
    await c.must("assess", officer, { facts, summary: "超量开药 12000 元" }, "2026-01-13")
    const assessment = c.file().assessment
    expect(assessment?.totals.refund).toBe(12_000)
    expect(assessment?.outcome).toBe("penalty")

    await c.must("serve_notice", officer, { servedOn: "2026-01-14", method: "direct", contact: "023-1" }, "2026-01-14")
    // The party's 3 working days to state a defence (⚠️ default) and 5 days to ask for a hearing run first.
    const early = await c.refusal("submit_decision", officer, { opinion: "拟处罚" }, "2026-01-15")
    expect(early.message).toContain("陈述、申辩期")
    await c.must(
      "record_statement",
      officer,
      { on: "2026-01-15", statement: "无异议", adopted: false, reply: "事实清楚" },
      "2026-01-15"
    )
    // 12,000 yuan at a 二级 public hospital: no hearing right, no mandatory legal review under the
    // national benchmark (the third test walks the case that has both).
    expect(assessment?.procedure).toMatchObject({ hearingRight: false, legalReviewRequired: false })
    const today = "2026-01-26"
    await c.must("submit_decision", officer, { opinion: "拟按裁量基准处罚" }, today)
    await c.must("review_decision", supervisor, { opinion: "同意" }, today)
    await c.must("approve_decision", leader, { opinion: "同意" }, today)
    expect(c.file().status).toBe("decided")
    expect(c.file().ledgers.map((l) => l.ledger)).toEqual(["refund", "fine"])
    await c.must(
      "serve_decision",
      officer,
      { servedOn: today, method: "direct", recipient: "张某", servers: ["李审核", "赵执法"] },
      today
    )

    expect((await c.refusal("submit_closure", officer, { opinion: "结案" }, today)).message).toContain("未缴")
    const [refund, fine] = c.file().ledgers
    const tooMuch = await c.refusal(
      "record_payment",
      officer,
      { ledger: "refund", amount: 1e6, paidOn: today, reference: "x" },
      today
    )
    expect(tooMuch.problems?.[0]?.path).toBe("$.amount")
    const tenthOfAFen = await c.refusal(
      "record_payment",
      officer,
      { ledger: "refund", amount: 0.001, paidOn: today, reference: "x" },
      today
    )
    expect(tenthOfAFen.problems).toEqual([{ path: "$.amount", message: "金额应精确到分（最多两位小数）" }])
    // The refund was paid back during the investigation (主动退回), before the decision; a fine cannot have been.
    await c.must(
      "record_payment",
      officer,
      { ledger: "refund", amount: refund!.due, paidOn: "2026-01-20", reference: "财政专户 001" },
      today
    )
    const fineBefore = await c.refusal(
      "record_payment",
      officer,
      { ledger: "fine", amount: fine!.due, paidOn: "2026-01-20", reference: "国库" },
      today
    )
    expect(fineBefore.problems).toEqual([
      { path: "$.paidOn", message: "日期 2026-01-20 早于处罚决定日期（2026-01-26）" }
    ])
    // Paid 2 days after the 15-day limit: 3 % a day on the fine (行政处罚法 Art.72).
    const late = "2026-02-12"
    await c.must(
      "record_payment",
      officer,
      { ledger: "fine", amount: fine!.due, paidOn: late, reference: "国库 002" },
      late
    )
    const surcharge = c.file().ledgers.find((l) => l.ledger === "surcharge")
    expect(surcharge?.due).toBeCloseTo(fine!.due * 0.03 * 2, 2)
    await c.must(
      "record_payment",
      officer,
      { ledger: "surcharge", amount: surcharge!.due, paidOn: late, reference: "国库 003" },
      late
    )

    await c.must("submit_closure", officer, { opinion: "款项缴清，申请结案" }, late)
    expect(offeredCaseSteps(c.file(), officer)).not.toContain("review_closure")
    await c.must("review_closure", supervisor, { opinion: "同意" }, late)
    await c.must("approve_closure", leader, { opinion: "同意结案" }, late)
    expect(c.file().status).toBe("closed")

    const deadlines = caseFileDeadlines(c.file(), { today: isoDate(late), calendar, limits })
    const byStep = Object.fromEntries(Either.getOrThrow(deadlines).map((d) => [d.step, d.state]))
    expect(byStep.filing).toBe("met")
    expect(byStep.decision).toBe("met")
    expect(byStep.payment).toBe("used")
  })

  it("lets nobody review or approve what they drafted, whatever their role", async () => {
    const c = walk()
    await c.must("submit_filing", leader, { opinion: "拟立案" }, "2026-01-06")
    const review = await c.refusal("review_filing", leader, { opinion: "同意" }, "2026-01-06")
    expect(review._tag).toBe("CaseStepRefused")
    expect(review.message).toContain("不能再办理复审")
    expect(offeredCaseSteps(c.file(), leader)).not.toContain("review_filing")
    await c.must("review_filing", supervisor, { opinion: "同意" }, "2026-01-06")
    expect((await c.refusal("approve_filing", leader, { opinion: "同意" }, "2026-01-06")).message).toContain(
      "任何人不得审批本人经办的事项"
    )
  })

  it("refuses approval before 复审, and a return starts the review again", async () => {
    const c = walk()
    await c.must("submit_filing", officer, { opinion: "拟立案" }, "2026-01-06")
    expect((await c.refusal("approve_filing", leader, { opinion: "同意" }, "2026-01-06")).message).toContain("复审之后")
    await c.must("review_filing", supervisor, { opinion: "同意" }, "2026-01-06")
    await c.must("return_filing", supervisor, { reason: "补充材料" }, "2026-01-06")
    expect(c.file().status).toBe("proposed")
    await c.must("submit_filing", officer, { opinion: "已补充" }, "2026-01-07")
    expect((await c.refusal("approve_filing", leader, { opinion: "同意" }, "2026-01-07")).message).toContain("复审之后")
  })

  it("refuses a stale revision, a future date and a hearing notice under seven days", async () => {
    const c = walk()
    const stale = await Effect.runPromiseExit(
      planCaseStep(
        caseFile(c.entries),
        { action: "submit_filing", revision: 7, input: { opinion: "x" }, actor: officer },
        { today: isoDate("2026-01-06"), calendar, limits, region: "500235" }
      )
    )
    expect(Exit.isFailure(stale)).toBe(true)
    await c.must("submit_filing", officer, { opinion: "拟立案" }, "2026-01-06")
    await c.must("review_filing", supervisor, { opinion: "同意" }, "2026-01-06")
    await c.must("approve_filing", leader, { opinion: "同意" }, "2026-01-06")
    const future = await c.refusal("record_inquiry", officer, inquiry(["甲", "乙"]), "2026-01-08")
    expect(future.problems?.[0]?.path).toBe("$.on")
    await c.must("record_inquiry", officer, inquiry(["甲", "乙"]), "2026-01-12")
    await c.must("record_evidence", officer, { items: [{ name: "处方", kind: "书证", source: "医院" }] }, "2026-01-12")
    // A fine large enough to give the party a hearing.
    await c.must(
      "assess",
      officer,
      { facts: { ...facts, violations: [{ ...facts.violations[0], amount: 400_000 }] }, summary: "超量开药" },
      "2026-01-12"
    )
    expect(c.file().assessment?.procedure.hearingRight).toBe(true)
    await c.must("serve_notice", officer, { servedOn: "2026-01-12", method: "direct", contact: "1" }, "2026-01-12")
    await c.must("request_hearing", officer, { on: "2026-01-13" }, "2026-01-13")
    const short = await c.refusal(
      "schedule_hearing",
      officer,
      { noticeSentOn: "2026-01-13", hearingOn: "2026-01-19", place: "局会议室", host: "法规科" },
      "2026-01-13"
    )
    expect(short.problems?.[0]?.path).toBe("$.hearingOn")
    await c.must(
      "schedule_hearing",
      officer,
      { noticeSentOn: "2026-01-13", hearingOn: "2026-01-20", place: "局会议室", host: "法规科" },
      "2026-01-13"
    )
    const before = await c.refusal("submit_decision", officer, { opinion: "x" }, "2026-01-19")
    expect(before.message).toContain("听证")
    const held: IsoDate = isoDate("2026-01-20")
    await c.must("record_hearing", officer, { on: held, summary: "当事人陈述意见" }, held)
    expect((await c.refusal("submit_decision", officer, { opinion: "x" }, held)).message).toMatch(/法制审核|集体讨论/)
  })

  it("refuses a date before the case was filed or before what the step answers, so a backdated notice cannot end the party's windows", async () => {
    const c = walk()
    await c.must("submit_filing", officer, { opinion: "拟立案调查" }, "2026-01-06")
    await c.must("review_filing", supervisor, { opinion: "同意立案" }, "2026-01-06")
    await c.must("approve_filing", leader, { opinion: "同意立案" }, "2026-01-07")
    const old = await c.refusal(
      "record_inquiry",
      officer,
      { ...inquiry(["李审核", "赵执法"]), on: "1990-12-05" },
      "2026-01-12"
    )
    expect(old.problems).toEqual([{ path: "$.on", message: "日期 1990-12-05 早于立案日期（2026-01-07）" }])
    const backwards = await c.refusal(
      "record_inquiry",
      officer,
      { ...inquiry(["李审核", "赵执法"]), startTime: "10:00", endTime: "09:00" },
      "2026-01-12"
    )
    expect(backwards.problems?.map((p) => p.path)).toEqual(["$.endTime"])
    await c.must("record_inquiry", officer, inquiry(["李审核", "赵执法"]), "2026-01-12")
    await c.must("record_evidence", officer, { items: [{ name: "处方", kind: "书证", source: "医院" }] }, "2026-01-12")
    await c.must("assess", officer, { facts, summary: "超量开药 12000 元" }, "2026-01-20")
    // Served "before" the assessment it notifies, the 3- and 5-day windows would have passed already.
    const backdated = await c.refusal(
      "serve_notice",
      officer,
      { servedOn: "2026-01-08", method: "direct", contact: "店长" },
      "2026-01-20"
    )
    expect(backdated.problems).toEqual([
      { path: "$.servedOn", message: "日期 2026-01-08 早于认定违法事实与裁量的日期（2026-01-20）" }
    ])
    await c.must("serve_notice", officer, { servedOn: "2026-01-20", method: "direct", contact: "店长" }, "2026-01-20")
    const early = await c.refusal(
      "record_statement",
      officer,
      { on: "2026-01-19", statement: "无异议", adopted: false, reply: "—" },
      "2026-01-21"
    )
    expect(early.problems?.[0]?.message).toContain("早于事先告知书的送达日期（2026-01-20）")
    expect((await c.refusal("submit_decision", officer, { opinion: "拟处罚" }, "2026-01-21")).message).toContain(
      "陈述、申辩期"
    )
  })

  it("decides 不予处罚 without a notice, refuses a penalty without one, and sends a suspected crime to the police first", async () => {
    const filed = async () => {
      const c = walk()
      await c.must("submit_filing", officer, { opinion: "拟立案" }, "2026-01-06")
      await c.must("review_filing", supervisor, { opinion: "同意" }, "2026-01-06")
      await c.must("approve_filing", leader, { opinion: "同意" }, "2026-01-06")
      await c.must("record_inquiry", officer, inquiry(["甲", "乙"]), "2026-01-12")
      await c.must(
        "record_evidence",
        officer,
        { items: [{ name: "处方", kind: "书证", source: "医院" }] },
        "2026-01-12"
      )
      return c
    }
    const penalty = await filed()
    await penalty.must("assess", officer, { facts, summary: "超量开药" }, "2026-01-12")
    expect((await penalty.refusal("submit_decision", officer, { opinion: "x" }, "2026-01-12")).message).toContain(
      "事先告知书"
    )

    // Acts of 2021 discovered in 2026: past the two-year limitation (行政处罚法 Art.36) — no penalty.
    const expired = await filed()
    await expired.must(
      "assess",
      officer,
      {
        facts: {
          ...facts,
          violations: [{ ...facts.violations[0], occurredFrom: "2021-01-01", occurredTo: "2021-02-01" }]
        },
        summary: "2021 年超量开药"
      },
      "2026-01-12"
    )
    expect(expired.file().assessment?.outcome).not.toBe("penalty")
    await expired.must("submit_decision", officer, { opinion: "超过追责时效，拟不予处罚" }, "2026-01-12")
    expect(expired.file().status).toBe("decision_review")

    const fraud = await filed()
    await fraud.must(
      "assess",
      officer,
      {
        facts: {
          subject: { kind: "institution", orgKind: "public_hospital", hospLv: "2" },
          violations: [
            {
              code: "A40-3-FICTITIOUS_SERVICE",
              amount: 2_000_000,
              intentToDefraud: true,
              occurredFrom: "2025-06-01",
              occurredTo: "2025-11-30"
            }
          ]
        },
        summary: "虚构医药服务骗取基金"
      },
      "2026-01-12"
    )
    expect(fraud.file().assessment?.procedure.criminalTransferFirst).toBe(true)
    expect((await fraud.refusal("submit_decision", officer, { opinion: "x" }, "2026-01-12")).message).toContain("移送")
  })

  it("counts who assessed the facts, who opened the case and who recorded money as the drafters of their matters", async () => {
    const c = walk()
    // The officer opened the case: they drafted its filing and may not approve it, even with the power to.
    const officerLeader = person(officer.id, officer.name, ["cases:handle", "cases:review", "cases:approve"])
    await c.must("submit_filing", supervisor, { opinion: "拟立案" }, "2026-01-06")
    expect((await c.refusal("review_filing", officerLeader, { opinion: "同意" }, "2026-01-06")).message).toContain(
      "不相容"
    )
    await c.must("review_filing", person("u-zhao", "赵副局长", ["cases:review"]), { opinion: "同意" }, "2026-01-06")
    await c.must("approve_filing", leader, { opinion: "同意" }, "2026-01-06")
    await c.must("record_inquiry", officer, inquiry(["甲", "乙"]), "2026-01-12")
    await c.must("record_evidence", officer, { items: [{ name: "处方", kind: "书证", source: "医院" }] }, "2026-01-12")
    // The 局长 sets the facts and the penalty; someone else submits and reviews: the 局长 may not approve.
    await c.must("assess", leader, { facts, summary: "超量开药" }, "2026-01-12")
    await c.must("serve_notice", officer, { servedOn: "2026-01-12", method: "direct", contact: "1" }, "2026-01-12")
    await c.must("submit_decision", officer, { opinion: "拟处罚" }, "2026-01-26")
    await c.must("review_decision", supervisor, { opinion: "同意" }, "2026-01-26")
    const own = await c.refusal("approve_decision", leader, { opinion: "同意" }, "2026-01-26")
    expect(own.message).toContain("不相容岗位分离")
    expect(offeredCaseSteps(c.file(), leader)).not.toContain("approve_decision")

    // Returned, re-assessed heavier: a new notice is needed before the decision (行政处罚法 Art.44–45).
    await c.must("return_decision", supervisor, { reason: "金额有误" }, "2026-01-26")
    expect(c.file().status).toBe("notified")
    await c.must(
      "assess",
      officer,
      { facts: { ...facts, violations: [{ ...facts.violations[0], amount: 20_000 }] }, summary: "更正金额" },
      "2026-01-26"
    )
    expect((await c.refusal("submit_decision", officer, { opinion: "x" }, "2026-01-26")).message).toContain("重新送达")
    await c.must("serve_notice", officer, { servedOn: "2026-01-26", method: "direct", contact: "1" }, "2026-01-26")
    expect((await c.refusal("submit_decision", officer, { opinion: "x" }, "2026-01-27")).message).toContain(
      "陈述、申辩期"
    )
  })

  it("sends a returned 不予处罚 back to the investigation it came from", async () => {
    const c = walk()
    await c.must("submit_filing", officer, { opinion: "拟立案" }, "2026-01-06")
    await c.must("review_filing", supervisor, { opinion: "同意" }, "2026-01-06")
    await c.must("approve_filing", leader, { opinion: "同意" }, "2026-01-06")
    await c.must(
      "assess",
      officer,
      {
        facts: {
          ...facts,
          violations: [{ ...facts.violations[0], occurredFrom: "2021-01-01", occurredTo: "2021-02-01" }]
        },
        summary: "时效已过"
      },
      "2026-01-12"
    )
    await c.must(
      "record_legal_review",
      supervisor,
      { on: "2026-01-12", reviewer: "法规科", opinion: "同意", approved: true },
      "2026-01-12"
    )
    await c.must("submit_decision", officer, { opinion: "拟不予处罚" }, "2026-01-12")
    await c.must("return_decision", supervisor, { reason: "补充证据" }, "2026-01-12")
    expect(c.file().status).toBe("investigating")
  })
})

describe("amounts to the fen", () => {
  it("takes any amount of two decimals up to the cap, and none with a fraction of a fen", () => {
    const decode = Schema.decodeUnknownEither(YuanToFen)
    for (const ok of [0, 0.01, 17929.08, 123_456_789.23, 9_999_999_999.99])
      expect(Either.isRight(decode(ok))).toBe(true)
    for (const bad of [0.001, 1.005, 123_456_789.231]) expect(Either.isLeft(decode(bad))).toBe(true)
  })
})
