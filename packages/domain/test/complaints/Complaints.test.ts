/**
 * Complaints in the domain: deadlines counted in working days across the National Day holiday and
 * its adjusted working days; the national reward bounds by date and a province's scale; the reward's
 * three-level review by three different people; masking; triage and outcome rules; the import file
 * refused whole, naming file, line and column.
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import {
  complaintDeadlines,
  ComplaintIntake,
  earliestReceivedOn,
  maskedInformant,
  maskedPersonalData,
  mergeTargetProblems,
  outcomeProblems,
  parseCsv,
  parseNationalExport,
  paymentRefusal,
  rewardAmount,
  rewardBoundsOn,
  RewardProposal,
  rewardProposalRefusal,
  rewardStepRefusal,
  scaledReward,
  triageProblems,
  triageRefusal,
  type StoredComplaint,
  type StoredReward
} from "../../src/complaints/index.js"
import { isoDate, type IsoDate } from "../../src/kernel/IsoDate.js"
import { notCovered, weekendsOnlyCalendar, type WorkingCalendarShape } from "../../src/kernel/WorkingCalendar.js"
import { aggravation, gradeWithinRange, summariseFactors } from "../../src/penalty/Grade.js"

const d = (s: string): IsoDate => isoDate(s)

/** 2025 with the National Day holiday (10-01 … 10-08 rest; 09-28 Sunday and 10-11 Saturday worked). */
const holidays2025: WorkingCalendarShape = {
  source: "test: 2025 国庆节安排",
  coveredYears: { from: 2025, to: 2025 },
  day: (date) => {
    if (!date.startsWith("2025")) return Either.left(notCovered(holidays2025, date))
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    const rest = date >= "2025-10-01" && date <= "2025-10-08"
    const adjusted = date === "2025-09-28" || date === "2025-10-11"
    const working = adjusted || (!rest && weekday !== 0 && weekday !== 6)
    return Either.right({
      date,
      working,
      name: rest ? "国庆节" : adjusted ? "调休上班" : "日",
      adjusted: rest || adjusted
    })
  }
}

const complaint = (over: Partial<StoredComplaint> = {}): StoredComplaint => ({
  id: "C1",
  number: "举〔2025〕1号",
  channel: "phone",
  receivedOn: d("2025-09-26"),
  subject: { kind: "institution", institutionCode: "H1" },
  institutionCode: "H1",
  content: "挂床住院",
  amountInvolved: 5000,
  anonymous: false,
  externalRef: null,
  status: "received",
  triagedOn: null,
  triageReason: null,
  forwardTo: null,
  mergedInto: null,
  caseId: null,
  outcome: null,
  repliedOn: null,
  retaliations: [],
  ...over
})

const deadlines = (c: StoredComplaint, today: string, calendar = holidays2025) => {
  const r = complaintDeadlines(calendar, c, d(today))
  if (Either.isLeft(r)) throw r.left
  return r.right.map((x) => [x.step, x.dueOn, x.state])
}

describe("complaint deadlines", () => {
  it("counts the acceptance limit in working days across National Day and its adjusted working days", () => {
    // 15 working days from Friday 2025-09-26: 09-28 (调休) counts, 10-01…10-08 do not, 10-11 (调休) counts.
    expect(deadlines(complaint(), "2025-10-23")).toEqual([["acceptance", "2025-10-23", "open"]])
    expect(deadlines(complaint(), "2025-10-24")).toEqual([["acceptance", "2025-10-23", "overdue"]])
    // Counting weekends only would give 10-17: the holiday data moves it by four working days.
    expect(deadlines(complaint(), "2025-10-01", weekendsOnlyCalendar(2025, 2025))).toEqual([
      ["acceptance", "2025-10-17", "open"]
    ])
  })

  it("tells a real-name informant within 5 working days of a refusal; nobody to tell when anonymous", () => {
    const refused = complaint({ status: "not_accepted", triagedOn: d("2025-09-30"), triageReason: "无具体线索" })
    expect(deadlines(refused, "2025-10-14")).toEqual([
      ["acceptance", "2025-10-23", "met"],
      ["reply", "2025-10-14", "open"]
    ])
    expect(deadlines({ ...refused, repliedOn: d("2025-10-15") }, "2025-10-20")[1]).toEqual([
      "reply",
      "2025-10-14",
      "late"
    ])
    expect(deadlines({ ...refused, anonymous: true }, "2025-10-20")).toEqual([["acceptance", "2025-10-23", "met"]])
  })

  it("starts the handling limit at acceptance and the reply at the handling's result (10-11, a Saturday worked, counts)", () => {
    const accepted = complaint({ status: "accepted", triagedOn: d("2025-09-29") })
    expect(deadlines(accepted, "2025-10-09").map((x) => x[0])).toEqual(["acceptance", "handling"])
    const done = {
      ...accepted,
      outcome: { result: "verified" as const, on: d("2025-10-10"), verifiedAmount: 5000, note: "查实" }
    }
    expect(deadlines(done, "2025-10-10")).toEqual([
      ["acceptance", "2025-10-23", "met"],
      ["handling", expect.any(String), "met"],
      ["reply", "2025-10-16", "open"]
    ])
  })

  it("fails rather than guess in a year the calendar does not hold", () => {
    const late = complaint({ receivedOn: d("2025-12-20") })
    expect(Either.isLeft(complaintDeadlines(holidays2025, late, d("2025-12-22")))).toBe(true)
  })
})

describe("triage and outcome", () => {
  it("names the field a decision lacks and refuses a second decision", () => {
    const c = complaint()
    expect(triageProblems(c, { decision: "not_accept" }, d("2025-09-29"))).toEqual([
      { path: "$.reason", message: expect.stringContaining("理由") }
    ])
    expect(triageProblems(c, { decision: "forward", reason: "属卫健职责" }, d("2025-09-29"))[0]?.path).toBe(
      "$.forwardTo"
    )
    expect(
      triageProblems(c, { decision: "merge", reason: "同一事实", mergeInto: "C1" }, d("2025-09-29"))[0]?.path
    ).toBe("$.mergeInto")
    expect(triageProblems(c, { decision: "accept" }, d("2025-09-25"))).toHaveLength(1)
    expect(triageProblems(c, { decision: "accept" }, d("2025-09-29"))).toEqual([])
    expect(triageRefusal(complaint({ status: "accepted" }))?.detail).toContain("已受理")
  })

  it("refuses a second decision in plain words (no 已已), whatever the first was", () => {
    for (const status of ["accepted", "not_accepted", "forwarded", "merged"] as const) {
      const detail = triageRefusal(complaint({ status }))?.detail ?? ""
      expect(detail).toContain("不能再作受理决定")
      expect(detail).not.toContain("已已")
    }
    expect(triageRefusal(complaint({ status: "merged" }))?.detail).toBe(
      "该举报已作出受理决定（已合并），不能再作受理决定"
    )
    expect(triageRefusal(complaint())).toBeNull()
  })

  it("a merge target that does not exist (or is hidden) or is itself merged is named at $.mergeInto", () => {
    expect(mergeTargetProblems("C9", null)).toEqual([{ path: "$.mergeInto", message: "并入的举报 C9 不存在" }])
    expect(mergeTargetProblems("C2", complaint({ id: "C2", number: "举〔2025〕2号", status: "merged" }))).toEqual([
      { path: "$.mergeInto", message: "举报 举〔2025〕2号 本身已合并，请并入其主举报" }
    ])
    expect(mergeTargetProblems("C2", complaint({ id: "C2", status: "accepted" }))).toEqual([])
  })

  it("a verification needs the amount found; only an accepted complaint has an outcome", () => {
    const accepted = complaint({ status: "accepted", triagedOn: d("2025-09-29") })
    expect(outcomeProblems(accepted, { result: "verified", on: d("2025-10-10"), note: "—" })).toEqual([
      { path: "$.verifiedAmount", message: expect.stringContaining("查实金额") }
    ])
    expect(outcomeProblems(complaint(), { result: "unfounded", on: d("2025-10-10"), note: "—" })).toHaveProperty(
      "_tag",
      "ComplaintRefused"
    )
  })

  it("an intake names the missing subject and informant fields", () => {
    const r = Schema.decodeUnknownEither(ComplaintIntake, { errors: "all" })({
      channel: "web",
      receivedOn: "2025-09-26",
      subject: { kind: "institution" },
      content: "x",
      informant: { anonymous: false }
    })
    expect(Either.isLeft(r)).toBe(true)
  })

  it("refuses a date received before 2000-01-01 at $.receivedOn, in Chinese", () => {
    const decode = (receivedOn: string) =>
      Schema.decodeUnknownEither(ComplaintIntake, { errors: "all" })({
        channel: "letter",
        receivedOn,
        subject: { kind: "institution", institutionCode: "H1" },
        content: "x",
        informant: { anonymous: true }
      })
    expect(earliestReceivedOn).toBe("2000-01-01")
    for (const early of ["1900-01-01", "1999-12-31"]) {
      const r = decode(early)
      expect(Either.isLeft(r)).toBe(true)
      if (Either.isLeft(r)) {
        const issue = ParseResult.ArrayFormatter.formatErrorSync(r.left)
        expect(issue).toEqual([
          expect.objectContaining({ path: ["receivedOn"], message: expect.stringContaining("不得早于 2000-01-01") })
        ])
      }
    }
    expect(Either.isRight(decode("2000-01-01"))).toBe(true)
  })
})

describe("masking", () => {
  it("masks a reported person's name, and names, ID numbers and phone numbers in the texts", () => {
    const person = complaint({
      subject: {
        kind: "person",
        personName: "李四海",
        description: "身份证号500236198805051234，手机13987654321，住永安街道"
      },
      institutionCode: null,
      content: "李四海冒用他人医保卡就医，联系电话13987654321"
    })
    const masked = maskedPersonalData(person)
    expect(masked.subject).toEqual({
      kind: "person",
      personName: "李**",
      description: "身份证号500*************34，手机139******21，住永安街道"
    })
    expect(masked.content).toBe("李**冒用他人医保卡就医，联系电话139******21")
    expect(JSON.stringify(masked)).not.toContain("李四海")
    expect(JSON.stringify(masked)).not.toContain("500236198805051234")
    // A complaint about an institution keeps its code; only identifier-like sequences are masked.
    const institution = maskedPersonalData(complaint({ content: "患者身份证500236198805051234在该院挂床" }))
    expect(institution.subject).toEqual({ kind: "institution", institutionCode: "H1" })
    expect(institution.content).toBe("患者身份证500*************34在该院挂床")
  })

  it("masks every field of the identity by default", () => {
    expect(
      maskedInformant({
        anonymous: false,
        name: "王小明",
        phone: "13812345678",
        idNumber: "500236199001011234",
        address: "重庆市奉节县永安街道人民路1号"
      })
    ).toEqual({
      anonymous: false,
      name: "王**",
      phone: "138****5678",
      idNumber: "500*************34",
      address: "重庆市奉节县****"
    })
  })
})

describe("reward bounds and amount", () => {
  it("the value a reward is computed on (案值) may not exceed the amount verified (查实金额)", () => {
    const p = (caseValue: number) =>
      Schema.decodeUnknownSync(RewardProposal)({ caseValue, amount: 200_000, basis: "按案值计" })
    expect(rewardAmount(p(1_000_000_000), "500236", d("2026-01-05"), 8_600)).toEqual({
      amount: null,
      problems: [{ path: "$.caseValue", message: expect.stringContaining("不得超过登记的查实金额 8600 元") }]
    })
    expect(rewardAmount(p(8_600.01), "500236", d("2026-01-05"), 8_600).problems[0]?.path).toBe("$.caseValue")
    // Within the verified amount, the usual rules apply (here: 200,000 is within the national cap).
    expect(rewardAmount({ ...p(8_600), amount: 430 }, "500236", d("2026-01-05"), 8_600)).toEqual({
      amount: 430,
      problems: []
    })
    expect(rewardAmount({ ...p(5_000), amount: 250 }, "500236", d("2026-01-05"), 8_600).problems).toEqual([])
    // A province's scale cannot be fed an inflated value either.
    const shanxi = Schema.decodeUnknownSync(RewardProposal)({ caseValue: 50_000_000, basis: "山西细则" })
    expect(rewardAmount(shanxi, "140105", d("2024-01-02"), 200_000).problems[0]?.path).toBe("$.caseValue")
  })

  it("national bounds by the day: 100,000 cap before 2023, 200–200,000 yuan from 2023-01-01", () => {
    expect(rewardBoundsOn(d("2022-06-01")).value).toMatchObject({ min: null, max: 100_000 })
    expect(rewardBoundsOn(d("2023-01-01")).value).toMatchObject({ min: 200, max: 200_000 })
  })

  it("Chongqing (no scale held): the entered amount, within the national bounds", () => {
    const p = (amount?: number) =>
      Schema.decodeUnknownSync(RewardProposal)({
        caseValue: 50_000,
        basis: "按案值 2%",
        ...(amount === undefined ? {} : { amount })
      })
    expect(rewardAmount(p(1000), "500236", d("2026-01-05"), 50_000)).toEqual({ amount: 1000, problems: [] })
    expect(rewardAmount(p(150), "500236", d("2026-01-05"), 50_000).problems[0]).toMatchObject({ path: "$.amount" })
    expect(rewardAmount(p(150), "500236", d("2026-01-05"), 50_000).problems[0]?.message).toContain("不得少于 200 元")
    expect(rewardAmount(p(200_000.01), "500236", d("2026-01-05"), 50_000).problems[0]?.message).toContain(
      "不得超过 200000 元"
    )
    expect(rewardAmount(p(), "500236", d("2026-01-05"), 50_000).problems[0]?.message).toContain("须按本省实施细则填写")
    // Before 2023 the cap was 100,000 and there was no floor.
    expect(rewardAmount(p(150), "500236", d("2022-06-01"), 50_000).problems).toEqual([])
    expect(rewardAmount(p(150_000), "500236", d("2022-06-01"), 50_000).problems[0]?.message).toContain("100000")
  })

  it("Shanxi's scale (only for a Shanxi bureau): brackets cumulated, insider bonus, floor, cap", () => {
    const scale = {
      brackets: [
        { upTo: 100_000, rate: 0.03 },
        { upTo: 1_000_000, rate: 0.02 },
        { upTo: null, rate: 0.01 }
      ],
      floor: 200,
      insiderBonus: 0.2,
      cap: 200_000,
      confidence: "🔶" as const
    }
    expect(scaledReward(scale, 5_000, false)).toBe(200)
    expect(scaledReward(scale, 200_000, false)).toBe(5_000)
    expect(scaledReward(scale, 200_000, true)).toBe(6_000)
    expect(scaledReward(scale, 50_000_000, true)).toBe(200_000)
    const proposal = Schema.decodeUnknownSync(RewardProposal)({ caseValue: 200_000, basis: "山西细则" })
    expect(rewardAmount(proposal, "140105", d("2024-01-02"), 200_000)).toEqual({ amount: 5_000, problems: [] })
    expect(
      rewardAmount({ ...proposal, amount: 4_000 }, "140105", d("2024-01-02"), 200_000).problems[0]?.message
    ).toContain("应为 5000 元")
  })
})

describe("the reward's three-level review", () => {
  const reward = (over: Partial<StoredReward> = {}): StoredReward => ({
    id: "R1",
    complaintId: "C1",
    status: "proposed",
    amount: 1000,
    caseValue: 50_000,
    insider: false,
    basis: "—",
    proposedById: "A",
    proposedOn: d("2026-01-05"),
    reviewedById: null,
    approvedById: null,
    approvedOn: null,
    ...over
  })
  const A = { id: "A", name: "甲" }
  const B = { id: "B", name: "乙" }
  const C = { id: "C", name: "丙" }

  it("初审, 复审 and 审批 by three different people, in order", () => {
    expect(rewardStepRefusal(reward(), "review", A)?.detail).toContain("不相容岗位分离")
    expect(rewardStepRefusal(reward(), "review", B)).toBeNull()
    expect(rewardStepRefusal(reward(), "approve", C)?.detail).toContain("不能审批")
    const reviewed = reward({ status: "reviewed", reviewedById: "B" })
    expect(rewardStepRefusal(reviewed, "approve", A)?.detail).toContain("初审")
    expect(rewardStepRefusal(reviewed, "approve", B)?.detail).toContain("复审")
    expect(rewardStepRefusal(reviewed, "approve", C)).toBeNull()
    expect(rewardStepRefusal(reviewed, "reject", B)?.detail).toContain("复审")
  })

  it("paid only once approved, the approved amount, not before the approval", () => {
    const approved = reward({ status: "approved", reviewedById: "B", approvedById: "C", approvedOn: d("2026-01-08") })
    const pay = { paidOn: d("2026-01-09"), amount: 1000, method: "bank_transfer" as const, reference: "V1" }
    expect(paymentRefusal(approved, pay)).toBeNull()
    expect(paymentRefusal(approved, { ...pay, amount: 999 })?.detail).toContain("1000")
    expect(paymentRefusal(approved, { ...pay, paidOn: d("2026-01-07") })?.detail).toContain("审批日期")
    expect(paymentRefusal(reward(), pay)?.detail).toContain("已审批")
  })

  it("proposed only on a verified complaint whose case is decided, once", () => {
    expect(rewardProposalRefusal({ verified: false, caseStatus: "closed", existing: [] })?.detail).toContain("查实")
    expect(rewardProposalRefusal({ verified: true, caseStatus: null, existing: [] })?.detail).toContain("立为案件")
    expect(rewardProposalRefusal({ verified: true, caseStatus: "investigating", existing: [] })?.detail).toContain(
      "处罚决定"
    )
    expect(rewardProposalRefusal({ verified: true, caseStatus: "decided", existing: ["rejected"] })).toBeNull()
    expect(rewardProposalRefusal({ verified: true, caseStatus: "decided", existing: ["paid"] })).not.toBeNull()
  })
})

describe("retaliation against an informant", () => {
  it("is an aggravating factor: alone it grades the case 从重", () => {
    expect(aggravation).toContain("retaliatedAgainstInformant")
    expect(gradeWithinRange(summariseFactors({ retaliatedAgainstInformant: true }))).toBe("从重")
  })
})

describe("the national platform's export", () => {
  const header =
    "rpt_no,rpt_date,rptd_type,fixmedins_code,rptd_psn_name,rpt_cont,invo_amt,anon_flag,psn_name,tel,certno,addr"
  it("parses quoted fields with commas, quotes and newlines, keeping each record's first line", () => {
    const r = parseCsv(`a,b\n"x, ""y""\nz",2\n`)
    expect(r).toEqual(
      Either.right([
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ['x, "y"\nz', "2"] }
      ])
    )
    expect(Either.isLeft(parseCsv(`a\n"open`))).toBe(true)
  })

  it("turns good lines into intakes of the national channel", () => {
    const csv = [
      header,
      'GJ-1,2025-11-03,1,H50023600001,,"挂床住院, 虚记费用",1200.50,0,王小明,13812345678,500236199001011234,奉节县人民路1号',
      "GJ-2,2025-11-04,2,,李某,冒名就医,,1,,,,"
    ].join("\n")
    const r = parseNationalExport("export.csv", "csv", csv)
    if (Either.isLeft(r)) throw new Error(JSON.stringify(r.left.lines))
    expect(r.right.map((x) => [x.line, x.intake.channel, x.intake.subject.kind, x.intake.informant.anonymous])).toEqual(
      [
        [2, "national_platform", "institution", false],
        [3, "national_platform", "person", true]
      ]
    )
    expect(r.right[0]?.intake.amountInvolved).toBe(1200.5)
  })

  it("refuses the whole file, naming the file, line and column of each bad value", () => {
    const csv = [
      header,
      "GJ-1,2025-11-03,1,H50023600001,,挂床住院,1200,0,王小明,13812345678,,",
      "GJ-2,2025-02-30,1,,,虚记费用,12元,0,,,,",
      "GJ-1,2025-11-05,2,,张某,冒名就医,,1,,,,"
    ].join("\n")
    const r = parseNationalExport("export.csv", "csv", csv)
    if (Either.isRight(r)) throw new Error("should be refused")
    expect(r.left.lines.map((l) => [l.file, l.line, l.column])).toEqual([
      ["export.csv", 3, "invo_amt"],
      ["export.csv", 4, "rpt_no"]
    ])
    // Once the amount is right, the date and the missing institution code of line 3 are named.
    const fixed = csv.replace("12元", "12")
    const again = parseNationalExport("export.csv", "csv", fixed)
    if (Either.isRight(again)) throw new Error("should be refused")
    expect(again.left.lines.map((l) => [l.line, l.column])).toEqual(
      expect.arrayContaining([
        [3, "rpt_date"],
        [4, "rpt_no"]
      ])
    )
    expect(again.left.problems[0]?.message).toMatch(/^文件 export\.csv 第 3 行「/)
  })

  it("refuses unknown or missing columns, and JSON records by their number", () => {
    const r = parseNationalExport("x.csv", "csv", "rpt_no,foo\n1,2")
    if (Either.isRight(r)) throw new Error("should be refused")
    expect(r.left.lines.map((l) => l.column)).toEqual(expect.arrayContaining(["foo", "rpt_date", "rpt_cont"]))
    const j = parseNationalExport(
      "x.json",
      "json",
      JSON.stringify([
        { rpt_no: "A", rpt_date: "2025-11-03", rptd_type: "2", rptd_psn_name: "某", rpt_cont: "x", anon_flag: "1" },
        { rpt_no: "B", rpt_date: "2025-11-03", rptd_type: "3", rpt_cont: "x", anon_flag: 1 }
      ])
    )
    if (Either.isRight(j)) throw new Error("should be refused")
    expect(j.left.lines).toEqual([{ file: "x.json", line: 2, column: "rptd_type", message: expect.any(String) }])
  })
})
