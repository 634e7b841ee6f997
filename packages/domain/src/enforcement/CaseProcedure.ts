/**
 * The procedure of an administrative-penalty case (行政处罚案件办理程序), decided step by step: a case is
 * the list of what happened in it (`CaseEntry`, append-only); `caseFile` folds that list into where
 * the case stands, and `planCaseStep` decides whether the next step may be taken and what it records.
 * The law behind each gate is cited at the gate. Filing, the penalty decision and the closing of
 * fund recovery pass 初审 → 复审 → 审批 by three different people (seed 003, `internalControlConflict`).
 * Agreement-track actions (`AgreementActions.ts`) are not steps of this procedure: the law keeps them
 * apart.
 *
 * @since 0.4.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import type * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { Permission } from "../access/Access.js"
import { IsoDate, addDays } from "../kernel/IsoDate.js"
import { roundYuan, YuanToFen } from "../kernel/Money.js"
import { problemsOf, type InputProblem } from "../kernel/Problems.js"
import type { CalendarYearNotCovered, WorkingCalendarShape } from "../kernel/WorkingCalendar.js"
import { assessPenalty } from "../penalty/Penalty.js"
import type { AssessmentResult } from "../penalty/PenaltyResult.js"
import { caseDeadlines, type CaseDeadline, type CaseEvents } from "./CaseDeadlines.js"
import { internalControlConflict, type ControlledMatter, type ControlLevel } from "./InternalControl.js"
import { lateSurcharge, stepDeadline, type ProcedureLimits } from "./ProcedureLimits.js"

/**
 * Where a case stands.
 *
 * @category models
 */
export const CaseStatus = Schema.Literal(
  "proposed",
  "filing_review",
  "investigating",
  "notified",
  "decision_review",
  "decided",
  "executing",
  "closure_review",
  "closed",
  "not_filed"
)
/** @category models */
export type CaseStatus = typeof CaseStatus.Type

/** @category formatting */
export const caseStatusLabel: Readonly<Record<CaseStatus, string>> = {
  proposed: "待立案",
  filing_review: "立案审批中",
  investigating: "调查取证",
  notified: "已事先告知",
  decision_review: "处罚决定审批中",
  decided: "已决定待送达",
  executing: "执行中",
  closure_review: "结案审批中",
  closed: "已结案",
  not_filed: "不予立案"
}

/**
 * Where a case came from (案件来源).
 *
 * @category models
 */
export const CaseSource = Schema.Literal("suspicion", "inspection", "complaint", "transfer")
/** @category models */
export type CaseSource = typeof CaseSource.Type

/** @category formatting */
export const caseSourceLabel: Readonly<Record<CaseSource, string>> = {
  suspicion: "智能监控疑点",
  inspection: "监督检查发现",
  complaint: "举报投诉",
  transfer: "其他部门移送"
}

/**
 * Every step of the procedure.
 *
 * @category models
 */
export const CaseAction = Schema.Literal(
  "submit_filing",
  "review_filing",
  "approve_filing",
  "return_filing",
  "decline_filing",
  "record_inquiry",
  "record_evidence",
  "record_preservation",
  "decide_preservation",
  "assess",
  "extend_decision",
  "serve_notice",
  "record_statement",
  "request_hearing",
  "schedule_hearing",
  "record_hearing",
  "record_legal_review",
  "record_collective_discussion",
  "submit_decision",
  "review_decision",
  "approve_decision",
  "return_decision",
  "serve_decision",
  "record_payment",
  "demand_payment",
  "apply_enforcement",
  "submit_closure",
  "review_closure",
  "approve_closure",
  "return_closure"
)
/** @category models */
export type CaseAction = typeof CaseAction.Type

/** @category formatting */
export const caseActionLabel: Readonly<Record<CaseAction | "open", string>> = {
  open: "登记案源",
  submit_filing: "提请立案（初审）",
  review_filing: "立案复审",
  approve_filing: "立案审批",
  return_filing: "退回立案申请",
  decline_filing: "不予立案",
  record_inquiry: "询问笔录",
  record_evidence: "证据登记",
  record_preservation: "先行登记保存",
  decide_preservation: "先行登记保存处理决定",
  assess: "违法事实与裁量",
  extend_decision: "延长办案期限",
  serve_notice: "送达行政处罚事先告知书",
  record_statement: "陈述申辩",
  request_hearing: "要求听证",
  schedule_hearing: "听证通知",
  record_hearing: "举行听证",
  record_legal_review: "法制审核",
  record_collective_discussion: "集体讨论",
  submit_decision: "提请处罚决定（初审）",
  review_decision: "处罚决定复审",
  approve_decision: "处罚决定审批",
  return_decision: "退回处罚决定",
  serve_decision: "送达行政处罚决定书",
  record_payment: "登记缴款",
  demand_payment: "催告",
  apply_enforcement: "申请法院强制执行",
  submit_closure: "提请结案（初审）",
  review_closure: "结案复审",
  approve_closure: "结案审批",
  return_closure: "退回结案申请"
}

/**
 * The permissions of enforcement: read cases, handle them (draft, record), 复审, 审批.
 *
 * @category models
 */
export type CasePermission = Extract<Permission, "cases:handle" | "cases:review" | "cases:approve">

/**
 * One row of the step table: from which statuses, the status reached (null: unchanged), the
 * permission, and the internal-control matter and level it counts for.
 *
 * @category models
 */
export interface CaseTransition {
  readonly action: CaseAction
  readonly from: ReadonlyArray<CaseStatus>
  readonly to: CaseStatus | null
  readonly permission: CasePermission
  readonly control: { readonly matter: ControlledMatter; readonly level: ControlLevel } | null
}

const investigation: ReadonlyArray<CaseStatus> = ["investigating", "notified"]
const step = (
  action: CaseAction,
  from: ReadonlyArray<CaseStatus>,
  to: CaseStatus | null,
  permission: CasePermission,
  control: CaseTransition["control"] = null
): CaseTransition => ({ action, from, to, permission, control })

/**
 * The step table (医疗保障行政处罚程序暂行规定, 国家医疗保障局令第4号; 行政处罚法 第五章).
 *
 * @category rules
 */
export const caseTransitions: ReadonlyArray<CaseTransition> = [
  step("submit_filing", ["proposed"], "filing_review", "cases:handle", { matter: "case_filing", level: "first" }),
  step("review_filing", ["filing_review"], null, "cases:review", { matter: "case_filing", level: "second" }),
  step("approve_filing", ["filing_review"], "investigating", "cases:approve", {
    matter: "case_filing",
    level: "approval"
  }),
  step("return_filing", ["filing_review"], "proposed", "cases:review"),
  step("decline_filing", ["filing_review"], "not_filed", "cases:approve", {
    matter: "case_filing",
    level: "approval"
  }),
  step("record_inquiry", investigation, null, "cases:handle"),
  step("record_evidence", investigation, null, "cases:handle"),
  step("record_preservation", investigation, null, "cases:handle"),
  step("decide_preservation", investigation, null, "cases:handle"),
  // Again after the party's statement or a return (a heavier penalty needs a new notice: see the gate).
  step("assess", investigation, null, "cases:handle"),
  step("extend_decision", [...investigation, "decision_review"], null, "cases:approve"),
  // Served again (notified → notified) when a new assessment is heavier than the one notified.
  step("serve_notice", investigation, "notified", "cases:handle"),
  step("record_statement", ["notified"], null, "cases:handle"),
  step("request_hearing", ["notified"], null, "cases:handle"),
  step("schedule_hearing", ["notified"], null, "cases:handle"),
  step("record_hearing", ["notified"], null, "cases:handle"),
  step("record_legal_review", investigation, null, "cases:review"),
  step("record_collective_discussion", ["notified"], null, "cases:approve"),
  // From 调查取证 only when no penalty is proposed (不予处罚 needs no 事先告知); the gate checks it.
  step("submit_decision", ["notified", "investigating"], "decision_review", "cases:handle", {
    matter: "penalty_decision",
    level: "first"
  }),
  step("review_decision", ["decision_review"], null, "cases:review", { matter: "penalty_decision", level: "second" }),
  step("approve_decision", ["decision_review"], "decided", "cases:approve", {
    matter: "penalty_decision",
    level: "approval"
  }),
  step("return_decision", ["decision_review"], "notified", "cases:review"),
  step("serve_decision", ["decided"], "executing", "cases:handle"),
  step("record_payment", ["executing"], null, "cases:handle"),
  step("demand_payment", ["executing"], null, "cases:handle"),
  step("apply_enforcement", ["executing"], null, "cases:approve"),
  step("submit_closure", ["executing"], "closure_review", "cases:handle", { matter: "fund_recovery", level: "first" }),
  step("review_closure", ["closure_review"], null, "cases:review", { matter: "fund_recovery", level: "second" }),
  step("approve_closure", ["closure_review"], "closed", "cases:approve", {
    matter: "fund_recovery",
    level: "approval"
  }),
  step("return_closure", ["closure_review"], "executing", "cases:review")
]

const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))
const Name = Text(50)
const ClockTime = Schema.String.pipe(
  Schema.filter((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s) || "应为时间 HH:mm，如 09:30")
)
const Opinion = Schema.Struct({ opinion: Text(2000) })
const Reason = Schema.Struct({ reason: Text(2000) })
const ServiceMethod = Schema.Literal("direct", "left_at_premises", "post", "electronic", "announcement")
/** @category formatting */
export const serviceMethodLabel: Readonly<Record<typeof ServiceMethod.Type, string>> = {
  direct: "直接送达",
  left_at_premises: "留置送达",
  post: "邮寄送达",
  electronic: "电子送达",
  announcement: "公告送达"
}

/** A ledger of money a decision orders (条例 Art.45: refunds to the fund's account, fines to the 国库). */
export const Ledger = Schema.Literal("refund", "fine", "surcharge")
/** @category models */
export type Ledger = typeof Ledger.Type
/** @category formatting */
export const ledgerLabel: Readonly<Record<Ledger, string>> = {
  refund: "退回医保基金（财政专户）",
  fine: "罚款（上缴国库）",
  surcharge: "加处罚款（上缴国库）"
}

/**
 * What each step asks for, as JSON. Dates are the day the thing happened (they may be earlier than
 * the day it is recorded, never later).
 *
 * @category models
 */
export const caseStepInputs = {
  submit_filing: Opinion,
  review_filing: Opinion,
  approve_filing: Opinion,
  return_filing: Reason,
  decline_filing: Reason,
  record_inquiry: Schema.Struct({
    on: IsoDate,
    /** 询问起止时间 (HH:mm), printed on the 询问笔录. */
    startTime: ClockTime,
    endTime: ClockTime,
    place: Text(200),
    person: Schema.Struct({ name: Name, position: Text(100), idNumber: Schema.optional(Text(30)) }),
    /** 调查询问应当由两名以上执法人员进行（令第4号；行政处罚法 Art.42）. */
    officers: Schema.Array(Schema.Struct({ name: Name, badge: Text(30) })).pipe(Schema.maxItems(10)),
    recorder: Name,
    questions: Schema.Array(Schema.Struct({ question: Text(1000), answer: Text(5000) })).pipe(
      Schema.minItems(1),
      Schema.maxItems(200)
    )
  }),
  record_evidence: Schema.Struct({
    items: Schema.Array(
      Schema.Struct({ name: Text(200), kind: Text(50), source: Text(200), sha256: Schema.optional(Text(64)) })
    ).pipe(Schema.minItems(1), Schema.maxItems(200))
  }),
  record_preservation: Schema.Struct({
    on: IsoDate,
    items: Schema.Array(Text(200)).pipe(Schema.minItems(1), Schema.maxItems(100))
  }),
  decide_preservation: Schema.Struct({ on: IsoDate, decision: Text(1000) }),
  assess: Schema.Struct({
    /** The assessment input of the penalty engine (`penalty-assessment.md`); region and dates are the case's. */
    facts: Schema.Unknown,
    summary: Text(5000)
  }),
  extend_decision: Schema.Struct({ reason: Text(2000) }),
  serve_notice: Schema.Struct({ servedOn: IsoDate, method: ServiceMethod, contact: Text(100) }),
  record_statement: Schema.Struct({ on: IsoDate, statement: Text(5000), adopted: Schema.Boolean, reply: Text(2000) }),
  request_hearing: Schema.Struct({ on: IsoDate }),
  schedule_hearing: Schema.Struct({ noticeSentOn: IsoDate, hearingOn: IsoDate, place: Text(200), host: Name }),
  record_hearing: Schema.Struct({ on: IsoDate, summary: Text(5000) }),
  record_legal_review: Schema.Struct({ on: IsoDate, reviewer: Name, opinion: Text(2000), approved: Schema.Boolean }),
  record_collective_discussion: Schema.Struct({
    on: IsoDate,
    participants: Schema.Array(Name).pipe(Schema.minItems(3), Schema.maxItems(30)),
    conclusion: Text(2000)
  }),
  submit_decision: Opinion,
  review_decision: Opinion,
  approve_decision: Opinion,
  return_decision: Reason,
  serve_decision: Schema.Struct({
    servedOn: IsoDate,
    method: ServiceMethod,
    recipient: Name,
    servers: Schema.Array(Name).pipe(Schema.minItems(1), Schema.maxItems(5))
  }),
  record_payment: Schema.Struct({ ledger: Ledger, amount: YuanToFen, paidOn: IsoDate, reference: Text(100) }),
  demand_payment: Schema.Struct({ on: IsoDate }),
  apply_enforcement: Schema.Struct({ on: IsoDate, court: Text(100) }),
  submit_closure: Opinion,
  review_closure: Opinion,
  approve_closure: Opinion,
  return_closure: Reason
} satisfies Record<CaseAction, Schema.Schema.AnyNoContext>

/** @category models */
export type CaseStepInput<A extends CaseAction> = Schema.Schema.Type<(typeof caseStepInputs)[A]>

/**
 * What opened the case (登记案源): the institution it is against and where it came from.
 *
 * @category models
 */
export const CaseOpening = Schema.Struct({
  source: CaseSource,
  institutionCode: Text(30),
  /** 发现日期: the lead confirmed, the inspection finished, the complaint or the transfer received. */
  discoveredOn: IsoDate,
  summary: Text(5000),
  /** Suspicion ids (source suspicion), the inspection id, or the complaint's / transfer's reference. */
  references: Schema.Array(Text(100)).pipe(Schema.maxItems(500)),
  /**
   * Finished inspections of the institution that examined the facts, whatever the source: the first
   * one's record is the case's 现场检查笔录.
   */
  inspections: Schema.optional(Schema.Array(Text(100)).pipe(Schema.maxItems(20)))
}).annotations({ identifier: "CaseOpening" })
/** @category models */
export type CaseOpening = typeof CaseOpening.Type

/**
 * One thing that happened in a case, as stored.
 *
 * @category models
 */
export interface CaseEntry {
  readonly revision: number
  readonly action: CaseAction | "open"
  readonly actorId: string | null
  readonly actorName: string
  /** The day recorded (the bureau's date). */
  readonly recordedOn: IsoDate
  readonly details: unknown
  /** The 文号 of the document this step issued, if any. */
  readonly documentNumber: string | null
}

/** The case's money per ledger: due and paid. */
export interface LedgerState {
  readonly ledger: Ledger
  readonly due: number
  readonly paid: number
}

/**
 * A case as its entries make it.
 *
 * @category models
 */
export interface CaseFile {
  readonly status: CaseStatus
  readonly revision: number
  readonly opening: CaseOpening
  readonly events: CaseEvents
  readonly preservedOn: IsoDate | null
  readonly preservationDecidedOn: IsoDate | null
  readonly inquiries: number
  /** Every officer who took part in an inquiry. */
  readonly officers: ReadonlyArray<string>
  readonly evidence: number
  readonly assessment: AssessmentResult | null
  /** The day the current assessment was recorded: a notice cannot be served before what it notifies. */
  readonly assessedOn: IsoDate | null
  /** The assessment the last 事先告知书 notified: a heavier one needs a new notice. */
  readonly notifiedAssessment: AssessmentResult | null
  readonly facts: unknown
  /** The facts found (违法事实), as the last assessment wrote them. */
  readonly findings: string | null
  readonly legalReviewedOn: IsoDate | null
  readonly collectiveDiscussedOn: IsoDate | null
  readonly hearingHeldOn: IsoDate | null
  /** Matters whose current round has passed 复审 (a return starts the round again). */
  readonly reviewed: ReadonlyArray<ControlledMatter>
  readonly enforcementAppliedOn: IsoDate | null
  readonly demandedOn: IsoDate | null
  readonly ledgers: ReadonlyArray<LedgerState>
  readonly documents: Readonly<Partial<Record<CaseDocumentKind, string>>>
  /** Who held which level of which controlled matter, for 不相容岗位分离. */
  readonly control: ReadonlyArray<{
    readonly matter: ControlledMatter
    readonly level: ControlLevel
    readonly actorId: string | null
    readonly actorName: string
  }>
}

/**
 * The documents a case issues, and the step that numbers each (文号).
 *
 * @category models
 */
export type CaseDocumentKind = "filing_approval" | "penalty_notice" | "hearing_notice" | "penalty_decision"

/** The step that issues each numbered document. */
export const documentIssuedBy: Readonly<Partial<Record<CaseAction, CaseDocumentKind>>> = {
  approve_filing: "filing_approval",
  serve_notice: "penalty_notice",
  schedule_hearing: "hearing_notice",
  approve_decision: "penalty_decision"
}

/**
 * Steps that draft a controlled matter without being its 初审 step: whoever takes them holds the first
 * level of that matter — the facts and the penalty (违法事实与裁量) are the decision's draft; the money
 * recorded is the recovery's. So nobody who drafted a decision or recorded a recovery can review or
 * approve it (seed 003: 任何人不得审批本人经办的事项).
 */
const draftingLevel: Readonly<
  Partial<Record<CaseAction, { readonly matter: ControlledMatter; readonly level: ControlLevel }>>
> = {
  assess: { matter: "penalty_decision", level: "first" },
  record_payment: { matter: "fund_recovery", level: "first" }
}

const matterOf = {
  review_filing: "case_filing",
  return_filing: "case_filing",
  review_decision: "penalty_decision",
  return_decision: "penalty_decision",
  review_closure: "fund_recovery",
  return_closure: "fund_recovery"
} as const satisfies Partial<Record<CaseAction, ControlledMatter>>

const asDate = (value: unknown): IsoDate => value as IsoDate
const detailsOf = (entry: CaseEntry): Record<string, unknown> => (entry.details ?? {}) as Record<string, unknown>

/**
 * Folds the entries of a case, in revision order, into where it stands.
 *
 * @category rules
 */
export const caseFile = (entries: ReadonlyArray<CaseEntry>): CaseFile => {
  const first = entries[0]
  if (first === undefined || first.action !== "open") throw new Error("a case starts with its opening")
  const opening = Schema.decodeUnknownSync(CaseOpening)(first.details)
  let file: CaseFile = {
    status: "proposed",
    revision: first.revision,
    opening,
    events: { discoveredOn: opening.discoveredOn },
    preservedOn: null,
    preservationDecidedOn: null,
    inquiries: 0,
    officers: [],
    evidence: 0,
    assessment: null,
    assessedOn: null,
    notifiedAssessment: null,
    facts: null,
    findings: null,
    legalReviewedOn: null,
    collectiveDiscussedOn: null,
    hearingHeldOn: null,
    reviewed: [],
    // Whoever registered the case drafted its filing: they hold its first level.
    control: [{ matter: "case_filing", level: "first", actorId: first.actorId, actorName: first.actorName }],
    enforcementAppliedOn: null,
    demandedOn: null,
    ledgers: [],
    documents: {}
  }
  for (const entry of entries.slice(1)) {
    const action = entry.action as CaseAction
    const d = detailsOf(entry)
    const transition = caseTransitions.find((t) => t.action === action)
    const events = file.events
    const next: { -readonly [K in keyof CaseFile]: CaseFile[K] } = { ...file, revision: entry.revision }
    if (transition?.to) next.status = transition.to
    const control = transition?.control ?? draftingLevel[action]
    if (control) next.control = [...file.control, { ...control, actorId: entry.actorId, actorName: entry.actorName }]
    const kind = documentIssuedBy[action]
    if (kind && entry.documentNumber) next.documents = { ...file.documents, [kind]: entry.documentNumber }
    switch (action) {
      case "review_filing":
      case "review_decision":
      case "review_closure":
        next.reviewed = [...file.reviewed, matterOf[action]]
        break
      case "return_decision":
        // Back to where it was submitted from: 调查取证 when no notice was served (不予处罚).
        next.status = events.noticeServedOn ? "notified" : "investigating"
        next.reviewed = file.reviewed.filter((m) => m !== matterOf[action])
        break
      case "return_filing":
      case "return_closure":
        // A returned matter is reviewed again from 初审; who held which level still counts.
        next.reviewed = file.reviewed.filter((m) => m !== matterOf[action])
        break
      case "approve_filing":
        next.events = { ...events, filedOn: entry.recordedOn }
        break
      case "record_inquiry":
        next.inquiries = file.inquiries + 1
        next.officers = [
          ...new Set([...file.officers, ...((d.officers as Array<{ name: string }>) ?? []).map((o) => o.name)])
        ]
        break
      case "record_evidence":
        next.evidence = file.evidence + ((d.items as Array<unknown>) ?? []).length
        break
      case "record_preservation":
        next.preservedOn = asDate(d.on)
        next.preservationDecidedOn = null
        break
      case "decide_preservation":
        next.preservationDecidedOn = asDate(d.on)
        break
      case "assess":
        next.assessment = d.assessment as AssessmentResult
        next.assessedOn = entry.recordedOn
        next.facts = d.facts
        next.findings = typeof d.summary === "string" ? d.summary : null
        break
      case "extend_decision":
        next.events = { ...events, decisionExtensions: (events.decisionExtensions ?? 0) + 1 }
        break
      case "serve_notice": {
        // A new notice opens the party's windows again.
        const { statementMadeOn: _s, hearingRequestedOn: _h, hearingOn: _o, hearingNoticeSentOn: _n, ...rest } = events
        next.events = { ...rest, noticeServedOn: asDate(d.servedOn) }
        next.notifiedAssessment = file.assessment
        next.hearingHeldOn = null
        break
      }
      case "record_statement":
        next.events = { ...events, statementMadeOn: asDate(d.on) }
        break
      case "request_hearing":
        next.events = { ...events, hearingRequestedOn: asDate(d.on) }
        break
      case "schedule_hearing":
        next.events = { ...events, hearingOn: asDate(d.hearingOn), hearingNoticeSentOn: asDate(d.noticeSentOn) }
        break
      case "record_hearing":
        next.events = { ...events, hearingOn: asDate(d.on) }
        next.hearingHeldOn = asDate(d.on)
        break
      case "record_legal_review":
        next.legalReviewedOn = d.approved === true ? asDate(d.on) : null
        break
      case "record_collective_discussion":
        next.collectiveDiscussedOn = asDate(d.on)
        break
      case "approve_decision": {
        next.events = { ...events, decidedOn: entry.recordedOn }
        const ledgers = (d.ledgers as ReadonlyArray<LedgerState>) ?? []
        next.ledgers = ledgers
        break
      }
      case "serve_decision":
        next.events = { ...events, decisionServedOn: asDate(d.servedOn) }
        break
      case "record_payment": {
        const paid = d as { ledger: Ledger; amount: number; paidOn: string; surcharge?: number }
        let ledgers = file.ledgers.map((l) =>
          l.ledger === paid.ledger ? { ...l, paid: roundYuan(l.paid + paid.amount) } : l
        )
        if (typeof paid.surcharge === "number" && paid.surcharge > 0) {
          const existing = ledgers.find((l) => l.ledger === "surcharge")
          ledgers = existing
            ? ledgers.map((l) =>
                l.ledger === "surcharge" ? { ...l, due: roundYuan(l.due + (paid.surcharge ?? 0)) } : l
              )
            : [...ledgers, { ledger: "surcharge", due: paid.surcharge, paid: 0 }]
        }
        next.ledgers = ledgers
        const fine = ledgers.find((l) => l.ledger === "fine")
        if (paid.ledger === "fine" && fine && fine.paid >= fine.due)
          next.events = { ...events, paidOn: asDate(paid.paidOn) }
        break
      }
      case "demand_payment":
        next.demandedOn = asDate(d.on)
        break
      case "apply_enforcement":
        next.enforcementAppliedOn = asDate(d.on)
        break
      default:
        break
    }
    file = next
  }
  return file
}

/**
 * The step may not be taken: the rule that forbids it, in Chinese.
 *
 * @category errors
 */
export class CaseStepRefused extends Schema.TaggedError<CaseStepRefused>()("CaseStepRefused", {
  action: Schema.String,
  /** Why: the role, 不相容岗位分离, the case's status, a stale revision, or a gate of the procedure. */
  reason: Schema.Literal("role", "separation_of_duties", "status", "stale", "gate"),
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * What was written for the step is wrong; `problems` names every field.
 *
 * @category errors
 */
export class InvalidCaseInput extends Schema.TaggedError<InvalidCaseInput>()("InvalidCaseInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * Who takes the step, with the permissions of their role.
 *
 * @category models
 */
export interface CaseActor {
  readonly id: string
  readonly name: string
  readonly can: (permission: CasePermission) => boolean
}

/**
 * Everything a step writes: the entry (with the details as recorded), the status after it, and
 * which document it numbers.
 *
 * @category models
 */
export interface CaseStepPlan {
  readonly action: CaseAction
  readonly from: CaseStatus
  readonly to: CaseStatus
  readonly revision: number
  readonly details: unknown
  readonly issues: CaseDocumentKind | null
}

/**
 * What the step needs beyond the case: the bureau's date, the calendar, the limits in force and
 * the region whose benchmark grades the penalty.
 *
 * @category models
 */
export interface CaseStepContext {
  readonly today: IsoDate
  readonly calendar: WorkingCalendarShape
  readonly limits: ProcedureLimits
  readonly region: string
}

const refuse = (action: CaseAction, detail: string, reason: CaseStepRefused["reason"] = "gate") =>
  Effect.fail(new CaseStepRefused({ action, reason, detail }))

const decodeInput = <A extends CaseAction>(action: A, input: unknown) =>
  Schema.decodeUnknown(caseStepInputs[action] as unknown as Schema.Schema<CaseStepInput<A>, unknown>, {
    errors: "all",
    onExcessProperty: "error"
  })(input).pipe(
    Effect.mapError(
      (error: ParseResult.ParseError) =>
        new InvalidCaseInput({ problems: problemsOf(error) as ReadonlyArray<InputProblem> })
    )
  )

/**
 * The earliest day a step's dates can bear, and what that day is: nothing a case records happened before the case was
 * filed (立案; its discovery before that), nor before the event it answers. Without this floor a 事先告知书 dated in
 * the past would have the party's statement and hearing windows run out before the party received it (行政处罚法
 * Art.44, 45, 63, 64), and a decision could follow at once.
 */
const dateFloor = (
  action: CaseAction,
  file: CaseFile,
  input: Record<string, unknown>
): { readonly on: IsoDate; readonly what: string } => {
  const { events } = file
  const floors: Array<{ readonly on: IsoDate | null | undefined; readonly what: string }> = [
    events.filedOn ? { on: events.filedOn, what: "立案日期" } : { on: events.discoveredOn, what: "发现案源日期" }
  ]
  switch (action) {
    case "serve_notice":
      floors.push({ on: file.assessedOn, what: "认定违法事实与裁量的日期" })
      floors.push({ on: events.noticeServedOn, what: "上一份事先告知书的送达日期" })
      break
    case "record_statement":
    case "request_hearing":
      floors.push({ on: events.noticeServedOn, what: "事先告知书的送达日期" })
      break
    case "schedule_hearing":
      floors.push({ on: events.hearingRequestedOn, what: "当事人要求听证的日期" })
      break
    case "serve_decision":
      floors.push({ on: events.decidedOn, what: "处罚决定日期" })
      break
    case "record_payment":
      // A refund may have been paid back during the investigation (主动退回), before the decision set it due; a
      // fine and its surcharge are paid after it.
      if (input.ledger !== "refund") floors.push({ on: events.decidedOn, what: "处罚决定日期" })
      break
    case "demand_payment":
    case "apply_enforcement":
      floors.push({ on: events.decisionServedOn, what: "处罚决定书送达日期" })
      break
    case "decide_preservation":
      floors.push({ on: file.preservedOn, what: "先行登记保存日期" })
      break
  }
  return floors.reduce<{ on: IsoDate; what: string }>(
    (latest, f) => (f.on && f.on > latest.on ? { on: f.on, what: f.what } : latest),
    { on: events.discoveredOn, what: "发现案源日期" }
  )
}

/**
 * The problems of a step's dates outside [`floor`, `today`], each at its field: nothing is recorded that has not
 * happened yet, nor dated before the filing or the event the step answers (`dateFloor`).
 */
const datesOutside = (
  today: IsoDate,
  floor: { readonly on: IsoDate; readonly what: string },
  dates: ReadonlyArray<readonly [string, IsoDate]>
) => {
  const problems = dates.flatMap(([key, date]) =>
    date > today
      ? [{ path: `$.${key}`, message: `日期 ${date} 晚于今天（${today}），不能登记尚未发生的事项` }]
      : date < floor.on
        ? [{ path: `$.${key}`, message: `日期 ${date} 早于${floor.what}（${floor.on}）` }]
        : []
  )
  return problems.length === 0 ? Effect.void : Effect.fail(new InvalidCaseInput({ problems }))
}

/**
 * Whether the party's time to state a defence and to ask for a hearing has run (or was used): a
 * decision may not be made before (行政处罚法 Art.44–45, 62–64).
 */
const rightsWindow = (file: CaseFile, context: CaseStepContext) =>
  Effect.gen(function* () {
    const served = file.events.noticeServedOn
    if (!served) return { statementOpen: false, hearingOpen: false, statementDue: null, hearingDue: null }
    const statementDue = yield* stepDeadline(context.calendar, context.limits.steps.statement, served)
    const hearingDue = yield* stepDeadline(context.calendar, context.limits.steps.hearingRequest, served)
    return {
      statementOpen: !file.events.statementMadeOn && context.today <= statementDue,
      hearingOpen:
        file.assessment?.procedure.hearingRight === true &&
        !file.events.hearingRequestedOn &&
        context.today <= hearingDue,
      statementDue,
      hearingDue
    }
  })

/**
 * Whether an assessment proposes more than the one the party was notified of: a larger fine or
 * refund, or a violation not notified. No notice at all counts as heavier.
 *
 * @category rules
 */
export const heavierThanNotified = (assessment: AssessmentResult, notified: AssessmentResult | null): boolean =>
  notified === null ||
  assessment.totals.fineRecommended > notified.totals.fineRecommended ||
  assessment.totals.fineMax > notified.totals.fineMax ||
  assessment.totals.refund > notified.totals.refund ||
  assessment.items.some((i) => !notified.items.some((n) => n.violation === i.violation))

/**
 * Whether a case is major (重大): its decision needs 集体讨论 by the bureau's leaders (行政处罚法
 * Art.57). ⚠️ The law leaves 情节复杂或者重大 to the bureau; FundGuard's default treats a case as major
 * when the engine gives the party a right to a hearing (large fines, suspension, revocation) — a
 * setting to confirm locally (docs/domain/procedure.md).
 *
 * @category rules
 */
export const needsCollectiveDiscussion = (assessment: AssessmentResult | null): boolean =>
  assessment?.procedure.hearingRight === true

/**
 * Decides one step on a case: the role, the status, 不相容岗位分离, and the gates of the procedure.
 * Returns what to record, or why not.
 *
 * @category rules
 */
export const planCaseStep = (
  file: CaseFile,
  request: {
    readonly action: CaseAction
    readonly revision: number
    readonly input: unknown
    readonly actor: CaseActor
  },
  context: CaseStepContext
): Effect.Effect<CaseStepPlan, CaseStepRefused | InvalidCaseInput | CalendarYearNotCovered> =>
  Effect.gen(function* () {
    const { action, actor } = request
    const transition = caseTransitions.find((t) => t.action === action)
    if (!transition) return yield* refuse(action, `未知的办案步骤：${action}`, "status")
    const label = caseActionLabel[action]
    if (!actor.can(transition.permission))
      return yield* refuse(action, `${actor.name}的角色无权办理「${label}」`, "role")
    if (request.revision !== file.revision)
      return yield* refuse(
        action,
        `案件已被他人更新（版本 ${file.revision}，提交的是 ${request.revision}），请刷新后重试`,
        "stale"
      )
    if (!transition.from.includes(file.status))
      return yield* refuse(action, `案件当前为「${caseStatusLabel[file.status]}」，不能办理「${label}」`, "status")
    if (transition.control) {
      const history = file.control
        .filter((c) => c.matter === transition.control?.matter)
        .map((c) => ({ actorId: c.actorId, level: c.level }))
      const conflict = internalControlConflict(transition.control.matter, history, actor, transition.control.level)
      if (conflict) return yield* refuse(action, conflict.detail, "separation_of_duties")
      if (transition.control.level === "second" && file.reviewed.includes(transition.control.matter))
        return yield* refuse(action, `「${label}」已办理，等待审批`, "status")
      if (transition.control.level === "approval") {
        if (!file.reviewed.includes(transition.control.matter))
          return yield* refuse(action, `「${label}」须在复审之后办理（初审 → 复审 → 审批）`)
      }
    }
    const input = (yield* decodeInput(action, request.input)) as Record<string, unknown>
    const today = context.today
    // Dates of things that happened; a hearing's date (hearingOn) is ahead of it by design.
    const dated = (["on", "servedOn", "paidOn", "noticeSentOn"] as const).flatMap((key) =>
      typeof input[key] === "string" ? [[key, input[key] as IsoDate] as const] : []
    )
    yield* datesOutside(today, dateFloor(action, file, input), dated)
    let details: Record<string, unknown> = input

    switch (action) {
      case "record_inquiry": {
        if ((input.endTime as string) < (input.startTime as string))
          return yield* Effect.fail(
            new InvalidCaseInput({
              problems: [
                { path: "$.endTime", message: `询问结束时间 ${input.endTime} 早于开始时间 ${input.startTime}` }
              ]
            })
          )
        const officers = input.officers as ReadonlyArray<{ name: string }>
        if (new Set(officers.map((o) => o.name)).size < 2)
          return yield* Effect.fail(
            new InvalidCaseInput({
              problems: [
                {
                  path: "$.officers",
                  message: "调查询问应当由两名以上执法人员进行，并出示执法证件（行政处罚法第四十二条、第五十五条）"
                }
              ]
            })
          )
        break
      }
      case "decide_preservation":
        if (!file.preservedOn || file.preservationDecidedOn) return yield* refuse(action, "没有待处理的先行登记保存")
        break
      case "assess": {
        const facts = {
          ...(input.facts as Record<string, unknown>),
          region: context.region,
          decisionDate: today,
          discoveredOn: file.opening.discoveredOn
        }
        const assessment = yield* assessPenalty(facts).pipe(
          Effect.mapError(
            (e) =>
              new InvalidCaseInput({
                problems: e.problems.map((p) => ({ path: p.path.replace(/^\$/, "$.facts"), message: p.message }))
              })
          )
        )
        details = { summary: input.summary, facts, assessment }
        break
      }
      case "serve_notice": {
        if (!file.assessment) return yield* refuse(action, "尚未认定违法事实和裁量（「违法事实与裁量」），不能告知")
        if (file.inquiries === 0 || file.officers.length < 2)
          return yield* refuse(action, "尚无两名以上执法人员的询问笔录，调查取证未完成")
        if (file.evidence === 0) return yield* refuse(action, "尚未登记证据，调查取证未完成")
        if (file.preservedOn && !file.preservationDecidedOn)
          return yield* refuse(action, "先行登记保存的物品尚未作出处理决定（七日内）")
        break
      }
      case "request_hearing": {
        if (file.assessment?.procedure.hearingRight !== true)
          return yield* refuse(action, "本案拟作出的处罚不属于应当告知听证权利的情形")
        const window = yield* rightsWindow(file, context)
        if (window.hearingDue && (input.on as IsoDate) > window.hearingDue)
          return yield* refuse(
            action,
            `当事人应在告知后五日内（${window.hearingDue}前）提出听证要求，逾期视为放弃（行政处罚法第六十四条）`
          )
        if (file.events.hearingRequestedOn) return yield* refuse(action, "已登记听证要求")
        break
      }
      case "schedule_hearing": {
        if (!file.events.hearingRequestedOn) return yield* refuse(action, "当事人未要求听证")
        const noticeSentOn = input.noticeSentOn as IsoDate
        const hearingOn = input.hearingOn as IsoDate
        const latestNotice = addDays(hearingOn, -context.limits.steps.hearingNotice.amount)
        if (noticeSentOn > latestNotice)
          return yield* Effect.fail(
            new InvalidCaseInput({
              problems: [
                {
                  path: "$.hearingOn",
                  message: `应当在举行听证的七日前通知当事人（行政处罚法第六十四条）：通知于 ${noticeSentOn}，听证最早 ${addDays(noticeSentOn, context.limits.steps.hearingNotice.amount)}`
                }
              ]
            })
          )
        break
      }
      case "record_hearing":
        if (!file.events.hearingNoticeSentOn) return yield* refuse(action, "尚未发出听证通知")
        if (file.events.hearingOn && (input.on as IsoDate) < file.events.hearingOn)
          return yield* refuse(action, `听证定于 ${file.events.hearingOn} 举行`)
        break
      case "record_legal_review":
        if (!file.assessment?.procedure.legalReviewRequired)
          details = { ...input, note: "本案不属于必须法制审核的情形，自愿审核" }
        break
      case "submit_decision": {
        if (!file.assessment) return yield* refuse(action, "尚未认定违法事实和裁量")
        if (file.assessment.procedure.criminalTransferFirst)
          return yield* refuse(
            action,
            "涉嫌犯罪，应当先移送司法机关（行政处罚法第二十七条；医疗保障基金使用监督管理条例第四十七条），尚未作出的罚款不再作出"
          )
        if (file.status === "investigating" && file.assessment.outcome === "penalty")
          return yield* refuse(action, "拟作出行政处罚的，应当先送达行政处罚事先告知书（行政处罚法第四十四条）")
        if (file.assessment.outcome === "penalty" && heavierThanNotified(file.assessment, file.notifiedAssessment))
          return yield* refuse(
            action,
            "重新裁量后的处罚重于已告知的处罚（或增加了违法事实），应当重新送达行政处罚事先告知书（行政处罚法第四十四条；不得因当事人陈述申辩而加重处罚，第四十五条）"
          )
        const window = yield* rightsWindow(file, context)
        if (window.statementOpen)
          return yield* refuse(
            action,
            `当事人的陈述、申辩期至 ${window.statementDue} 止，期满或当事人陈述后方可提请决定（行政处罚法第四十五条）`
          )
        if (window.hearingOpen)
          return yield* refuse(
            action,
            `当事人可在 ${window.hearingDue} 前要求听证，期满后方可提请决定（行政处罚法第六十三条、第六十四条）`
          )
        if (file.events.hearingRequestedOn && !file.hearingHeldOn)
          return yield* refuse(action, "当事人要求听证，听证结束后方可作出决定（行政处罚法第六十五条）")
        if (file.assessment?.procedure.legalReviewRequired && !file.legalReviewedOn)
          return yield* refuse(
            action,
            `本案须经法制审核（${file.assessment.procedure.legalReviewReasons.join("；")}），未经法制审核或审核未通过的不得作出决定（行政处罚法第五十八条）`
          )
        if (needsCollectiveDiscussion(file.assessment) && !file.collectiveDiscussedOn)
          return yield* refuse(action, "重大案件须经机关负责人集体讨论决定（行政处罚法第五十七条）")
        break
      }
      case "approve_decision": {
        const assessment = file.assessment
        if (!assessment) return yield* refuse(action, "尚未认定违法事实和裁量")
        const ledgers: Array<LedgerState> = []
        if (assessment.ledgers.fundAccount > 0)
          ledgers.push({ ledger: "refund", due: assessment.ledgers.fundAccount, paid: 0 })
        if (assessment.ledgers.treasury > 0) ledgers.push({ ledger: "fine", due: assessment.ledgers.treasury, paid: 0 })
        details = { ...input, ledgers }
        break
      }
      case "record_payment": {
        const ledger = file.ledgers.find((l) => l.ledger === input.ledger)
        const amount = input.amount as number
        if (!ledger) return yield* refuse(action, `本案没有「${ledgerLabel[input.ledger as Ledger]}」`)
        const outstanding = roundYuan(ledger.due - ledger.paid)
        if (amount <= 0 || amount > outstanding)
          return yield* Effect.fail(
            new InvalidCaseInput({
              problems: [
                { path: "$.amount", message: `缴款金额应大于 0 且不超过未缴金额 ${outstanding.toFixed(2)} 元` }
              ]
            })
          )
        let surcharge = 0
        const served = file.events.decisionServedOn
        if (input.ledger === "fine" && served) {
          // 加处罚款 on the part of the fine paid late (行政处罚法 Art.72), never more than the fine.
          const dueOn = yield* stepDeadline(context.calendar, context.limits.steps.payment, served)
          const charged = file.ledgers.find((l) => l.ledger === "surcharge")?.due ?? 0
          const owed = lateSurcharge(amount, dueOn, input.paidOn as IsoDate, context.limits).amount
          surcharge = roundYuan(Math.max(0, Math.min(owed, ledger.due - charged)))
        }
        details = surcharge > 0 ? { ...input, surcharge } : input
        break
      }
      case "demand_payment":
      case "apply_enforcement": {
        const unpaid = file.ledgers.some((l) => l.paid < l.due)
        if (!unpaid) return yield* refuse(action, "决定的款项已全部缴清")
        if (action === "apply_enforcement" && !file.demandedOn)
          return yield* refuse(action, "申请法院强制执行前应当催告当事人履行义务（行政强制法第五十四条）")
        break
      }
      case "submit_closure": {
        const unpaid = file.ledgers.filter((l) => l.paid < l.due)
        if (unpaid.length > 0 && !file.enforcementAppliedOn)
          return yield* refuse(
            action,
            `${unpaid.map((l) => `${ledgerLabel[l.ledger]}未缴 ${roundYuan(l.due - l.paid).toFixed(2)} 元`).join("；")}：缴清或申请强制执行后方可结案`
          )
        break
      }
      default:
        break
    }
    return {
      action,
      from: file.status,
      to: transition.to ?? file.status,
      revision: file.revision + 1,
      details,
      issues: documentIssuedBy[action] ?? null
    }
  })

/**
 * The deadlines of a case today, with the preservation deadline (先行登记保存: decide within 7 days)
 * when goods are held.
 *
 * @category rules
 */
export const caseFileDeadlines = (
  file: CaseFile,
  context: Omit<CaseStepContext, "region">
): Either.Either<ReadonlyArray<CaseDeadline>, CalendarYearNotCovered> =>
  Either.gen(function* () {
    const deadlines = [...(yield* caseDeadlines(context.calendar, context.limits, file.events, context.today))]
    if (file.preservedOn) {
      const limit = context.limits.steps.preservationDecision
      const dueOn = yield* stepDeadline(context.calendar, limit, file.preservedOn)
      const done = file.preservationDecidedOn
      deadlines.push({
        step: "preservationDecision",
        label: "先行登记保存后作出处理决定",
        by: "bureau",
        dueOn,
        doneOn: done,
        state: done ? (done <= dueOn ? "met" : "met_late") : context.today > dueOn ? "overdue" : "open",
        basis: limit.basis,
        confidence: limit.confidence
      })
    }
    return deadlines
  })

/**
 * The steps a person could take on the case now (status and role; the gates are checked when they try).
 *
 * @category rules
 */
export const offeredCaseSteps = (file: CaseFile, actor: CaseActor): ReadonlyArray<CaseAction> =>
  caseTransitions
    .filter((t) => t.from.includes(file.status) && actor.can(t.permission))
    .filter((t) => {
      if (!t.control) return true
      const history = file.control
        .filter((c) => c.matter === t.control?.matter)
        .map((c) => ({ actorId: c.actorId, level: c.level }))
      return internalControlConflict(t.control.matter, history, actor, t.control.level) === null
    })
    .map((t) => t.action)
