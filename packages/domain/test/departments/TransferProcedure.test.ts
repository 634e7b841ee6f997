/**
 * Transfers between the bureau and other departments: who may take which step, the no-refusal rule, the
 * police's no-file challenge, and the deadlines under national and 宁夏 rules (a calendar with National Day
 * 2025 and its adjusted working day, so the dates can be checked by hand).
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import {
  jointMechanismLists,
  ledgerRow,
  planTransferStep,
  transferDeadlines,
  transferReportRuleFor,
  transferRulesFor,
  transferStatus,
  transferYearReport,
  type TransferActor,
  type TransferRecord,
  type TransferStep
} from "../../src/departments/index.js"
import { isoDate, type IsoDate } from "../../src/kernel/IsoDate.js"
import { weekendsOnlyCalendar, type WorkingCalendarShape } from "../../src/kernel/WorkingCalendar.js"
import { violationCatalogue } from "../../src/penalty/index.js"

// National Day 2025: 10-01 … 10-08 off, Saturday 10-11 worked (国办发明电〔2024〕12号).
const weekends = weekendsOnlyCalendar(2025, 2027)
const calendar: WorkingCalendarShape = {
  ...weekends,
  day: (date) => {
    const base = weekends.day(date)
    if (Either.isLeft(base)) return base
    if (date >= "2025-10-01" && date <= "2025-10-08") return Either.right({ ...base.right, working: false })
    if (date === "2025-09-28" || date === "2025-10-11") return Either.right({ ...base.right, working: true })
    return base
  }
}

const d = (text: string): IsoDate => isoDate(text)
const officer: TransferActor = { id: "u1", name: "王稽核", side: "bureau", department: null, canApprove: false }
const head: TransferActor = { id: "u9", name: "李局长", side: "bureau", department: null, canApprove: true }
const police: TransferActor = {
  id: "c1",
  name: "县公安局接口",
  side: "department",
  department: "police",
  canApprove: false
}
const health: TransferActor = {
  id: "c2",
  name: "县卫健委接口",
  side: "department",
  department: "health_commission",
  canApprove: false
}

const base = (overrides: Partial<TransferRecord>): TransferRecord => ({
  id: "t1",
  number: null,
  direction: "outgoing",
  department: "police",
  region: "500236",
  institutionCode: "H1",
  institutionName: "某医院",
  subject: "某医院",
  caseId: "case-1",
  decisionDate: null,
  discoveredOn: null,
  violations: ["A40-3-FICTITIOUS_SERVICE"],
  listItems: [],
  facts: "虚构诊疗项目骗取医保基金",
  amount: 80_000,
  officers: ["王稽核", "张稽核"],
  materials: [
    { kind: "transfer_letter", title: "涉嫌犯罪案件移送书", pages: 2 },
    { kind: "investigation_report", title: "调查报告", pages: 10 }
  ],
  createdById: "u1",
  createdByName: "王稽核",
  createdOn: d("2025-09-26"),
  createdAt: "2025-09-26T02:00:00.000Z",
  events: [],
  revision: 0,
  ...overrides
})

const healthMaterials = [
  { kind: "transfer_letter", title: "移送书", pages: 1 },
  { kind: "problem_list", title: "问题清单", pages: 2 },
  { kind: "transfer_report", title: "书面移交报告", pages: 3 },
  { kind: "evidence", title: "明细及证据", pages: 40 }
]

/** Takes the steps in order (each on its day), failing the test on a refusal. */
const run = (
  record: TransferRecord,
  steps: ReadonlyArray<readonly [TransferActor, TransferStep, string]>
): TransferRecord =>
  steps.reduce((r, [actor, step, at]) => {
    const rules = transferRulesFor(r.department, r.region, r.createdOn)
    const planned = planTransferStep(r, rules, step, actor, at, at.slice(0, 10) as IsoDate)
    if (Either.isLeft(planned)) throw new Error(`${step._tag}: ${planned.left.detail}`)
    return { ...r, events: [...r.events, planned.right], revision: r.revision + 1 }
  }, record)

/** The head's approval as recorded, without the rules' say (a transfer approved before they checked it). */
const approvedUnchecked: TransferRecord["events"][number] = {
  step: { _tag: "approve" },
  at: "2025-09-27T01:00:00.000Z",
  on: d("2025-09-27"),
  actorId: head.id,
  actorName: head.name,
  side: "bureau"
}

const refusal = (record: TransferRecord, actor: TransferActor, step: TransferStep) => {
  const rules = transferRulesFor(record.department, record.region, record.createdOn)
  const planned = planTransferStep(record, rules, step, actor, "2025-09-30T01:00:00.000Z", d("2025-09-30"))
  return Either.isLeft(planned) ? planned.left.reason : null
}

describe("a transfer to the police (国务院令第310号)", () => {
  it("needs the head's approval by someone other than the officer who reported it, and two officers", () => {
    const record = base({})
    expect(refusal(record, officer, { _tag: "approve" })).toBe("role")
    expect(refusal(record, { ...head, id: "u1" }, { _tag: "approve" })).toBe("separation_of_duties")
    expect(refusal(record, head, { _tag: "approve" })).toBeNull()
    expect(refusal(record, officer, { _tag: "send" })).toBe("gate")
    // One officer: the head cannot approve what could not be sent (国务院令第310号 Art.5) …
    expect(refusal(base({ officers: ["王稽核"] }), head, { _tag: "approve" })).toBe("gate")
    // … and a transfer approved so before that rule is still not sent.
    const approvedBefore = { ...base({ officers: ["王稽核"] }), events: [approvedUnchecked], revision: 1 }
    expect(refusal(approvedBefore, officer, { _tag: "send" })).toBe("gate")
  })

  it("refuses to approve or send without the investigation report the document set requires", () => {
    const rules = transferRulesFor("police", "500236", d("2025-09-26"))
    const draft = base({ materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }] })
    const approval = planTransferStep(draft, rules, { _tag: "approve" }, head, "2025-09-27T01:00:00Z", d("2025-09-27"))
    expect(Either.isLeft(approval) && approval.left.detail).toContain("涉嫌犯罪案件情况的调查报告")
    // The draft stays open: the officer completes it (the repository adds the materials supplemented), and
    // the head can then approve and it can be sent.
    const report = { kind: "investigation_report", title: "调查报告", pages: 10 }
    const supplemented = run(draft, [
      [officer, { _tag: "supplement", materials: [report] }, "2025-09-27T01:30:00.000Z"]
    ])
    const completed = run({ ...supplemented, materials: [...draft.materials, report] }, [
      [head, { _tag: "approve" }, "2025-09-27T02:00:00.000Z"],
      [officer, { _tag: "send" }, "2025-09-27T03:00:00.000Z"]
    ])
    expect(transferStatus(completed)).toBe("sent")
    // A transfer approved incomplete before approval checked the materials is not stuck: it can be completed.
    const approvedBefore = { ...draft, events: [approvedUnchecked], revision: 1 }
    const send = planTransferStep(
      approvedBefore,
      rules,
      { _tag: "send" },
      officer,
      "2025-09-27T02:00:00Z",
      d("2025-09-27")
    )
    expect(Either.isLeft(send) && send.left.detail).toContain("涉嫌犯罪案件情况的调查报告")
    expect(
      refusal(approvedBefore, officer, {
        _tag: "supplement",
        materials: [{ kind: "investigation_report", title: "调查报告", pages: 10 }]
      })
    ).toBeNull()
    // Once approved complete, nothing more is added before the sending.
    const approved = run(base({}), [[head, { _tag: "approve" }, "2025-09-27T01:00:00.000Z"]])
    expect(
      refusal(approved, officer, { _tag: "supplement", materials: [{ kind: "other", title: "x", pages: 1 }] })
    ).toBe("status")
  })

  it("gives the deadlines of each step: 3 days, 24 hours, the police's 3 days, and the no-file challenge", () => {
    const record = run(base({}), [
      [head, { _tag: "approve" }, "2025-09-28T01:00:00.000Z"],
      [officer, { _tag: "send" }, "2025-09-29T03:00:00.000Z"],
      [police, { _tag: "receive", signedBy: "赵警官" }, "2025-09-29T06:00:00.000Z"],
      [police, { _tag: "result", outcome: "not_filed", summary: "证据不足" }, "2025-09-30T06:00:00.000Z"]
    ])
    expect(transferStatus(record)).toBe("answered")
    const rules = transferRulesFor("police", "500236", d("2025-09-26"))
    const deadlines = transferDeadlines(calendar, rules, record, { today: d("2025-10-09"), at: "2025-10-09T00:00:00Z" })
    if (Either.isLeft(deadlines)) throw deadlines.left
    expect(deadlines.right.map((x) => [x.key, x.by, x.dueOn, x.state])).toEqual([
      // 3 days from 09-26 end on 09-29 (a working day).
      ["approval", "bureau", "2025-09-29", "met"],
      // 24 hours from the approval at 09-28 01:00Z.
      ["handover", "bureau", "2025-09-29", "met_late"],
      ["receiver_decision", "department", "2025-10-09", "met"],
      // 3 days from 09-30 end on 10-03, a holiday: the next working day is 10-09.
      ["reconsideration_request", "bureau", "2025-10-09", "open"]
    ])
    // The bureau challenges; the police keep their decision; the procuratorate is the last step.
    const challenged = run(record, [
      [officer, { _tag: "request_reconsideration", reason: "已查实虚构项目8万元" }, "2025-10-09T02:00:00.000Z"],
      [police, { _tag: "answer_reconsideration", filed: false, summary: "维持" }, "2025-10-10T02:00:00.000Z"]
    ])
    expect(transferStatus(challenged)).toBe("answered")
    const after = run(challenged, [
      [officer, { _tag: "request_procuratorate", note: "建议县检察院立案监督" }, "2025-10-11T02:00:00.000Z"]
    ])
    expect(transferStatus(after)).toBe("closed")
    expect(refusal(after, officer, { _tag: "request_reconsideration", reason: "再次" })).toBe("status")
  })

  it("lets only the police answer, and only a filing or a no-filing", () => {
    const sent = run(base({}), [
      [head, { _tag: "approve" }, "2025-09-27T01:00:00.000Z"],
      [officer, { _tag: "send" }, "2025-09-27T02:00:00.000Z"],
      [police, { _tag: "receive", signedBy: "赵警官" }, "2025-09-27T03:00:00.000Z"]
    ])
    expect(refusal(sent, health, { _tag: "result", outcome: "filed", summary: "立案" })).toBe("side")
    expect(refusal(sent, officer, { _tag: "result", outcome: "filed", summary: "立案" })).toBe("side")
    expect(refusal(sent, police, { _tag: "result", outcome: "penalised", summary: "处罚" })).toBe("gate")
    const filed = run(sent, [
      [police, { _tag: "result", outcome: "filed", summary: "已立案侦查" }, "2025-09-28T03:00:00Z"]
    ])
    expect(transferStatus(filed)).toBe("closed")
    expect(refusal(filed, officer, { _tag: "hand_over_materials" })).toBeNull()
  })
})

describe("transfers with the health commission", () => {
  it("has no refusal: the receipt comes first, then a request to supplement, answered within 3 days (宁夏)", () => {
    const record = base({
      department: "health_commission",
      region: "640502",
      violations: ["A38-2-OVER_EXAMINATION"],
      listItems: [4, 5],
      officers: ["王稽核"],
      decisionDate: d("2025-09-26"),
      materials: healthMaterials
    })
    const sent = run(record, [
      [head, { _tag: "approve" }, "2025-09-29T01:00:00.000Z"],
      [officer, { _tag: "send" }, "2025-10-10T02:00:00.000Z"]
    ])
    expect(refusal(sent, health, { _tag: "request_supplement", missing: ["检验报告"] })).toBe("status")
    const asked = run(sent, [
      [health, { _tag: "receive", signedBy: "卫健委 刘" }, "2025-10-10T03:00:00.000Z"],
      [health, { _tag: "request_supplement", missing: ["检验报告"] }, "2025-10-10T04:00:00.000Z"]
    ])
    expect(transferStatus(asked)).toBe("awaiting_supplement")
    expect(refusal(asked, health, { _tag: "result", outcome: "penalised", summary: "x" })).toBe("status")
    const rules = transferRulesFor("health_commission", "640502", d("2025-09-26"))
    const deadlines = transferDeadlines(calendar, rules, asked, { today: d("2025-10-14"), at: "2025-10-14T00:00:00Z" })
    if (Either.isLeft(deadlines)) throw deadlines.left
    expect(deadlines.right.map((x) => [x.key, x.by, x.dueOn, x.state])).toEqual([
      // Working days after 09-26: 09-28 (adjusted), 09-29, 09-30, 10-09, 10-10, 10-11 (adjusted), 10-13.
      ["send_after_decision", "bureau", "2025-10-13", "met"],
      // 3 days from 10-10 end on 10-13.
      ["supplement", "bureau", "2025-10-13", "overdue"]
    ])
  })

  it("applies 宁夏's limits in 宁夏 only: elsewhere the national rules set no time limit for the health commission", () => {
    expect(transferRulesFor("health_commission", "640100", d("2025-01-01")).sendAfterDecision?.amount).toBe(7)
    expect(transferRulesFor("health_commission", "500236", d("2025-01-01")).sendAfterDecision).toBeNull()
    expect(transferRulesFor("health_commission", "500236", d("2025-01-01")).sources.join()).not.toContain("宁夏")
    expect(transferRulesFor("health_commission", "640100", d("2022-08-04")).sendAfterDecision).toBeNull()
    expect(transferRulesFor("police", "640100", d("2025-01-01")).approval?.amount).toBe(3)
    expect(transferReportRuleFor("640300", d("2025-01-01"))?.dueDay).toBe(15)
    expect(transferReportRuleFor("500236", d("2025-01-01"))).toBeNull()
  })

  it("receives an incoming transfer the bureau must sign, then opens it as a lead", () => {
    const incoming = base({
      direction: "incoming",
      department: "health_commission",
      region: "640502",
      discoveredOn: d("2025-09-26"),
      createdById: "c2",
      listItems: [1],
      violations: ["A38-1-BED_HANGING"],
      events: []
    })
    expect(transferStatus(incoming)).toBe("sent")
    expect(refusal(incoming, health, { _tag: "receive", signedBy: "x" })).toBe("side")
    expect(refusal(incoming, officer, { _tag: "open_lead", caseId: "c-9" })).toBe("gate")
    const opened = run(incoming, [
      [officer, { _tag: "receive", signedBy: "王稽核" }, "2025-09-29T01:00:00.000Z"],
      [officer, { _tag: "open_lead", caseId: "c-9" }, "2025-09-29T02:00:00.000Z"],
      [officer, { _tag: "result", outcome: "penalised", summary: "罚款2倍" }, "2025-11-03T02:00:00.000Z"]
    ])
    expect(transferStatus(opened)).toBe("closed")
  })

  it("maps every item of both lists to the violation catalogue", () => {
    expect(jointMechanismLists.toHealthCommission.filter((i) => i.violations.length === 0)).toEqual([])
    expect(jointMechanismLists.fromHealthCommission.filter((i) => i.violations.length === 0)).toEqual([])
    const codes = new Set(violationCatalogue.map((e) => e.code))
    for (const item of [...jointMechanismLists.toHealthCommission, ...jointMechanismLists.fromHealthCommission])
      for (const code of item.violations) expect(codes.has(code)).toBe(true)
  })
})

describe("the ledger and the yearly report", () => {
  it("lists the year's transfers with the department, in the order sent, with their results", () => {
    const a = run(base({ id: "a", department: "health_commission", region: "640502", materials: healthMaterials }), [
      // Materials added to the draft before approval are not a 补正 answered.
      [
        officer,
        { _tag: "supplement", materials: [{ kind: "other", title: "情况说明", pages: 1 }] },
        "2025-02-28T01:00:00.000Z"
      ],
      [head, { _tag: "approve" }, "2025-03-01T01:00:00.000Z"],
      [officer, { _tag: "send" }, "2025-03-02T01:00:00.000Z"],
      [health, { _tag: "receive", signedBy: "刘" }, "2025-03-03T01:00:00.000Z"],
      [health, { _tag: "result", outcome: "disciplined", summary: "对医师给予警告" }, "2025-05-03T01:00:00.000Z"]
    ])
    const b = run(
      base({
        id: "b",
        direction: "incoming",
        department: "health_commission",
        region: "640502",
        createdById: "c2",
        number: "宁卫移〔2025〕3号"
      }),
      []
    )
    const bSent = {
      ...b,
      events: [{ ...a.events.find((e) => e.step._tag === "send")!, side: "department" as const, on: d("2025-01-10") }]
    }
    const police2024 = run(base({ id: "c" }), [[head, { _tag: "approve" }, "2025-03-01T01:00:00.000Z"]])
    const report = transferYearReport([a, bSent, police2024], 2025, "health_commission")
    expect(report.rows.map((r) => [r.id, r.direction, r.sentOn, r.status])).toEqual([
      ["b", "移入", "2025-01-10", "已移送待签收"],
      ["a", "移出", "2025-03-02", "已办结"]
    ])
    expect(report.totals).toEqual({ outgoing: 1, incoming: 1, received: 1, answered: 1, pending: 1 })
    expect(ledgerRow(a).result).toBe("已给予处分：对医师给予警告")
    expect(ledgerRow(a).supplements).toBe("无")
  })
})
