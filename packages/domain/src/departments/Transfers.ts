/**
 * Transfers (移送) between the bureau and another department, outgoing (医保 → 卫健, 公安, 纪委监委, 市场监管)
 * and incoming (卫健 → 医保 …): the transfer as a record of what was sent, and its history as events —
 * approved by the head, sent, the receipt (回执) signed, materials asked for and supplemented, the result
 * fed back. `planTransferStep` decides whether a step may be taken by whom; `transferDeadlines` says what is
 * due by when under `transferRulesFor`.
 *
 * @since 0.5.0
 */
import * as Context from "effect/Context"
import * as Either from "effect/Either"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { conflictingLevels, threeLevelReview } from "../access/Separation.js"
import type { DeadlineState } from "../enforcement/CaseDeadlines.js"
import { addDays, type IsoDate } from "../kernel/IsoDate.js"
import {
  addWorkingDays,
  onOrNextWorkingDay,
  type CalendarYearNotCovered,
  type WorkingCalendarShape
} from "../kernel/WorkingCalendar.js"
import type { ViolationCode } from "../penalty/Violation.js"
import type { Department } from "./TransferRules.js"
import { departmentLabel, type DepartmentTransferRules, type TransferLimit } from "./TransferRules.js"

/** @category models */
export const TransferDirection = Schema.Literal("outgoing", "incoming")
/** @category models */
export type TransferDirection = typeof TransferDirection.Type

/** @category formatting */
export const transferDirectionLabel: Readonly<Record<TransferDirection, string>> = {
  outgoing: "移出",
  incoming: "移入"
}

/**
 * A document handed over with a transfer.
 *
 * @category models
 */
export const TransferMaterial = Schema.Struct({
  /** One of the rule's `materials` kinds (`transfer_letter`, `investigation_report` …) or `other`. */
  kind: Schema.String.pipe(Schema.pattern(/^[a-z_]{1,40}$/)),
  title: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)),
  pages: Schema.Int.pipe(Schema.between(0, 100_000))
})
/** @category models */
export type TransferMaterial = typeof TransferMaterial.Type

/**
 * What a receiving department (or the bureau, on an incoming transfer) reports as the result.
 *
 * @category models
 */
export const TransferOutcome = Schema.Literal("filed", "not_filed", "penalised", "disciplined", "no_violation", "other")
/** @category models */
export type TransferOutcome = typeof TransferOutcome.Type

/** @category formatting */
export const transferOutcomeLabel: Readonly<Record<TransferOutcome, string>> = {
  filed: "已立案",
  not_filed: "不予立案",
  penalised: "已作出行政处罚",
  disciplined: "已给予处分",
  no_violation: "经查不构成违法违规",
  other: "其他处理"
}

/**
 * A step of a transfer's history.
 *
 * @category models
 */
export const TransferStep = Schema.Union(
  Schema.TaggedStruct("approve", { note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000))) }),
  Schema.TaggedStruct("reject", { reason: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(2000)) }),
  Schema.TaggedStruct("send", { note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000))) }),
  Schema.TaggedStruct("receive", {
    signedBy: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100)),
    note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000)))
  }),
  Schema.TaggedStruct("request_supplement", {
    missing: Schema.Array(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))).pipe(
      Schema.minItems(1),
      Schema.maxItems(50)
    ),
    note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000)))
  }),
  Schema.TaggedStruct("supplement", {
    materials: Schema.Array(TransferMaterial).pipe(Schema.minItems(1), Schema.maxItems(50)),
    note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000)))
  }),
  Schema.TaggedStruct("forward", {
    to: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200)),
    note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000)))
  }),
  Schema.TaggedStruct("result", {
    outcome: TransferOutcome,
    summary: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(4000))
  }),
  Schema.TaggedStruct("request_reconsideration", {
    reason: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(2000))
  }),
  Schema.TaggedStruct("answer_reconsideration", {
    filed: Schema.Boolean,
    summary: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(4000))
  }),
  Schema.TaggedStruct("request_procuratorate", {
    note: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(2000))
  }),
  Schema.TaggedStruct("hand_over_materials", {
    note: Schema.optional(Schema.String.pipe(Schema.maxLength(2000)))
  }),
  Schema.TaggedStruct("open_lead", { caseId: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64)) })
)
/** @category models */
export type TransferStep = typeof TransferStep.Type
/** @category models */
export type TransferStepKind = TransferStep["_tag"]

/** @category formatting */
export const transferStepLabel: Readonly<Record<TransferStepKind, string>> = {
  approve: "负责人批准移送",
  reject: "负责人不批准移送",
  send: "移送",
  receive: "签收回执",
  request_supplement: "通知补正材料",
  supplement: "补正材料",
  forward: "转送有管辖权的机关",
  result: "反馈处理结果",
  request_reconsideration: "提请复议",
  answer_reconsideration: "复议决定",
  request_procuratorate: "建议人民检察院立案监督",
  hand_over_materials: "移交涉案物品及材料",
  open_lead: "作为线索立案查处"
}

/**
 * Which side acts: the bureau, or the other department.
 *
 * @category models
 */
export type TransferSide = "bureau" | "department"

/**
 * A step taken, with who took it and when.
 *
 * @category models
 */
export interface TransferEvent {
  readonly step: TransferStep
  /** The moment it was recorded (ISO instant) and its day in the bureau's time zone. */
  readonly at: string
  readonly on: IsoDate
  readonly actorId: string | null
  readonly actorName: string
  readonly side: TransferSide
}

/**
 * A transfer as recorded: what was sent, by whom, about whom, and its history.
 *
 * @category models
 */
export interface TransferRecord {
  readonly id: string
  /** 移送书文号, given when the transfer is sent (outgoing) or as the sender wrote it (incoming). */
  readonly number: string | null
  readonly direction: TransferDirection
  readonly department: Department
  /** The region whose rules apply: the institution's 医保区划 (admdvs), else the bureau's. */
  readonly region: string
  readonly institutionCode: string | null
  readonly institutionName: string | null
  /** The party: an institution, a person or a public servant, as the letter names it. */
  readonly subject: string
  readonly caseId: string | null
  /** 行政处罚决定书下达日 (outgoing to the health commission: the 7-working-day limit runs from it). */
  readonly decisionDate: IsoDate | null
  /** When the sender found the lead (incoming: the sender's 7-working-day limit runs from it). */
  readonly discoveredOn: IsoDate | null
  readonly violations: ReadonlyArray<ViolationCode>
  /** Items of the department's list (seed 004 §二) the transfer falls under. */
  readonly listItems: ReadonlyArray<number>
  readonly facts: string
  readonly amount: number | null
  /** Officers who verified the case and wrote the report (police: at least two, 国务院令第310号 Art.5). */
  readonly officers: ReadonlyArray<string>
  readonly materials: ReadonlyArray<TransferMaterial>
  readonly createdById: string | null
  readonly createdByName: string
  readonly createdOn: IsoDate
  readonly createdAt: string
  readonly events: ReadonlyArray<TransferEvent>
  /** Optimistic concurrency: the number of events when read. */
  readonly revision: number
}

/**
 * Where a transfer stands.
 *
 * @category models
 */
export type TransferStatus =
  | "awaiting_approval"
  | "rejected"
  | "approved"
  | "sent"
  | "received"
  | "awaiting_supplement"
  | "answered"
  | "closed"

/** @category formatting */
export const transferStatusLabel: Readonly<Record<TransferStatus, string>> = {
  awaiting_approval: "待负责人审批",
  rejected: "不批准移送",
  approved: "已批准待移送",
  sent: "已移送待签收",
  received: "已签收办理中",
  awaiting_supplement: "待补正材料",
  answered: "已反馈结果",
  closed: "已办结"
}

const lastOf = <K extends TransferStepKind>(record: TransferRecord, kind: K) =>
  [...record.events].reverse().find((e) => e.step._tag === kind) as
    | (TransferEvent & { readonly step: Extract<TransferStep, { _tag: K }> })
    | undefined

const has = (record: TransferRecord, kind: TransferStepKind) => record.events.some((e) => e.step._tag === kind)

/** A supplement request not yet answered by a later supplement. */
const openSupplementRequest = (record: TransferRecord): TransferEvent | null => {
  let open: TransferEvent | null = null
  for (const e of record.events) {
    if (e.step._tag === "request_supplement") open = e
    if (e.step._tag === "supplement") open = null
  }
  return open
}

/**
 * The transfer's status from its history.
 *
 * @category rules
 */
export const transferStatus = (record: TransferRecord): TransferStatus => {
  if (has(record, "reject")) return "rejected"
  const result = lastOf(record, "result")
  if (result !== undefined) {
    // A police no-file decision can still be challenged; anything else is the end of the transfer.
    const policeNoFile = record.department === "police" && result.step.outcome === "not_filed"
    if (!policeNoFile) return "closed"
    const answer = lastOf(record, "answer_reconsideration")
    if (answer !== undefined && (answer.step.filed || has(record, "request_procuratorate"))) return "closed"
    return "answered"
  }
  if (openSupplementRequest(record) !== null) return "awaiting_supplement"
  if (has(record, "receive")) return "received"
  if (has(record, "send")) return "sent"
  if (has(record, "approve")) return "approved"
  return record.direction === "outgoing" ? "awaiting_approval" : "sent"
}

/** Who is asking to take a step. @category models */
export interface TransferActor {
  readonly id: string
  readonly name: string
  readonly side: TransferSide
  /** The department of a department's user or API client (null for bureau staff). */
  readonly department: Department | null
  /** Holds the bureau's `transfers:approve` (the head, 国务院令第310号 Art.5). */
  readonly canApprove: boolean
}

/**
 * A step was refused: who may not do it, or why not now.
 *
 * @category errors
 */
export class TransferStepRefused extends Schema.TaggedError<TransferStepRefused>()("TransferStepRefused", {
  step: Schema.String,
  reason: Schema.Literal("side", "role", "status", "gate", "separation_of_duties", "stale"),
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * No transfer with this id (or none the caller may see: another department's transfer is answered the same way).
 *
 * @category errors
 */
export class TransferNotFound extends Schema.TaggedError<TransferNotFound>()("TransferNotFound", {
  id: Schema.String
}) {
  override get message(): string {
    return `移送记录 ${this.id} 不存在`
  }
}

/**
 * The side that sends a transfer and the side that receives it.
 *
 * @category rules
 */
export const senderSide = (record: Pick<TransferRecord, "direction">): TransferSide =>
  record.direction === "outgoing" ? "bureau" : "department"

const senderSteps: ReadonlyArray<TransferStepKind> = [
  "approve",
  "reject",
  "send",
  "supplement",
  "request_reconsideration",
  "request_procuratorate",
  "hand_over_materials"
]

/**
 * The materials the rules require that the transfer does not list (by kind), for the sender to add.
 *
 * @category rules
 */
export const missingMaterials = (
  record: Pick<TransferRecord, "materials">,
  rules: Pick<DepartmentTransferRules, "materials">
): ReadonlyArray<string> =>
  rules.materials
    .filter((m) => m.always && !record.materials.some((given) => given.kind === m.kind))
    .map((m) => m.label)

/**
 * What keeps an outgoing transfer from being sent, by the field at fault: fewer than two officers (police,
 * 国务院令第310号 Art.5) or a required material missing. The head's approval is refused while there is any,
 * so that an approved transfer can always be sent; the sending is refused too.
 *
 * @category rules
 */
export const sendingProblems = (
  record: Pick<TransferRecord, "department" | "officers" | "materials">,
  rules: Pick<DepartmentTransferRules, "materials">
): ReadonlyArray<{ readonly path: string; readonly message: string }> => {
  const problems: Array<{ readonly path: string; readonly message: string }> = []
  if (record.department === "police" && record.officers.length < 2)
    problems.push({
      path: "$.officers",
      message: "涉嫌犯罪案件须由2名以上执法人员核实并提出移送报告（国务院令第310号第五条）"
    })
  const missing = missingMaterials(record, rules)
  if (missing.length > 0) problems.push({ path: "$.materials", message: `移送材料不全，须附：${missing.join("、")}` })
  return problems
}

/**
 * Whether the sender may add materials to an outgoing transfer not yet sent: always while it awaits the
 * head's approval (the draft stays open to completion), and after approval only while required materials
 * are missing (a transfer approved before the approval checked them, which could otherwise never be sent).
 */
const completableBeforeSending = (
  record: TransferRecord,
  rules: Pick<DepartmentTransferRules, "materials">,
  status: TransferStatus
): boolean =>
  record.direction === "outgoing" &&
  (status === "awaiting_approval" || (status === "approved" && missingMaterials(record, rules).length > 0))

/**
 * Whether `actor` may take `step` on the transfer now, and the event to record if so. The receiver never
 * has a way to refuse a transfer: it signs the receipt first and may then ask for materials (seed 004
 * 三(二): 不得以材料不全为由不接受移送案件); the police may decide not to file, which the bureau may challenge
 * (国务院令第310号 Art.9).
 *
 * @category rules
 */
export const planTransferStep = (
  record: TransferRecord,
  rules: DepartmentTransferRules,
  step: TransferStep,
  actor: TransferActor,
  at: string,
  on: IsoDate
): Either.Either<TransferEvent, TransferStepRefused> => {
  const kind = step._tag
  const refuse = (reason: TransferStepRefused["reason"], detail: string) =>
    Either.left(new TransferStepRefused({ step: kind, reason, detail }))
  const sender = senderSide(record)
  const mustBe: TransferSide = senderSteps.includes(kind) ? sender : sender === "bureau" ? "department" : "bureau"
  if (actor.side !== mustBe)
    return refuse(
      "side",
      `“${transferStepLabel[kind]}”由${mustBe === "bureau" ? "医疗保障部门" : departmentLabel[record.department]}办理`
    )
  if (actor.side === "department" && actor.department !== record.department)
    return refuse("side", "只能办理移送给本部门或由本部门移送的案件")
  const status = transferStatus(record)
  const police = record.department === "police"
  const result = lastOf(record, "result")
  const gate = (ok: boolean, detail: string) => (ok ? null : detail)
  const blocked: string | null = (() => {
    switch (kind) {
      case "approve":
      case "reject":
        if (record.direction !== "outgoing") return "移入案件无需本局负责人审批移送"
        return gate(status === "awaiting_approval", "移送已审批")
      case "send": {
        if (record.direction === "outgoing" && status !== "approved") return "须经本局负责人批准后移送"
        if (record.direction === "incoming") return "移入案件已由移送部门移送"
        const problems = sendingProblems(record, rules)
        return problems.length === 0 ? null : problems.map((p) => p.message).join("；")
      }
      case "receive":
        return gate(status === "sent", has(record, "receive") ? "回执已签收" : "案件尚未移送")
      case "request_supplement":
        return gate(status === "received", "须先签收回执，再通知补正（不得以材料不全为由不接受移送）")
      case "supplement":
        return gate(
          openSupplementRequest(record) !== null || completableBeforeSending(record, rules, status),
          "没有待补正的材料通知"
        )
      case "forward":
        if (!police) return "只有公安机关对不属于本机关管辖的案件转送"
        return gate(status === "received", "须先签收回执")
      case "result":
        return gate(status === "received", status === "awaiting_supplement" ? "材料补正后再反馈结果" : "须先签收回执")
      case "request_reconsideration":
        if (!police) return "只有公安机关不予立案的，可以提请复议"
        return gate(
          status === "answered" && result?.step.outcome === "not_filed" && !has(record, "request_reconsideration"),
          "只有收到不予立案决定后，可以提请复议一次"
        )
      case "answer_reconsideration":
        return gate(
          has(record, "request_reconsideration") && !has(record, "answer_reconsideration"),
          "没有待答复的复议"
        )
      case "request_procuratorate": {
        const answer = lastOf(record, "answer_reconsideration")
        return gate(
          answer !== undefined && !answer.step.filed && !has(record, "request_procuratorate"),
          "对复议决定仍有异议的，才建议人民检察院立案监督"
        )
      }
      case "hand_over_materials": {
        const filed = result?.step.outcome === "filed" || lastOf(record, "answer_reconsideration")?.step.filed === true
        return gate(police && filed && !has(record, "hand_over_materials"), "公安机关立案后移交涉案物品及材料")
      }
      case "open_lead":
        if (record.direction !== "incoming") return "移出案件不在本局立案"
        return gate(
          (status === "received" || status === "awaiting_supplement") && !has(record, "open_lead"),
          "须先签收回执，且每件移入案件作为线索立案一次"
        )
    }
  })()
  if (blocked !== null) return refuse(kind === "send" || kind === "open_lead" ? "gate" : "status", blocked)
  if (kind === "approve" || kind === "reject") {
    if (!actor.canApprove) return refuse("role", "移送须由本机关正职负责人或者主持工作的负责人批准")
    // The officers' report and the head's approval are two people (内部控制; 国务院令第310号 Art.5).
    const held = conflictingLevels(
      threeLevelReview,
      [{ actorId: record.createdById, level: "first" }],
      actor.id,
      "approval"
    )
    if (held.length > 0) return refuse("separation_of_duties", "移送报告的经办人不能批准本人提出的移送")
  }
  if (kind === "approve") {
    // Approved means sendable: what would block the sending blocks the approval, while the draft can
    // still be completed (补正材料).
    const problems = sendingProblems(record, rules)
    if (problems.length > 0) return refuse("gate", `${problems.map((p) => p.message).join("；")}。请补齐后再批准移送`)
  }
  if (kind === "result" && police && step._tag === "result" && !["filed", "not_filed"].includes(step.outcome))
    return refuse("gate", "公安机关反馈立案或者不予立案的决定")
  return Either.right({ step, at, on, actorId: actor.id, actorName: actor.name, side: actor.side })
}

/**
 * One deadline of a transfer.
 *
 * @category models
 */
export interface TransferDeadline {
  readonly key: string
  readonly label: string
  /** Who must act: the sender or the receiver of the transfer, as the bureau or the department. */
  readonly by: TransferSide
  readonly dueOn: IsoDate
  /** For limits in hours, the moment (ISO instant); null otherwise. */
  readonly dueAt: string | null
  readonly doneOn: IsoDate | null
  readonly state: DeadlineState
  readonly basis: string
  readonly confidence: TransferLimit["confidence"]
}

const HOUR = 3_600_000

/**
 * The deadlines the transfer has reached under its rules, in order, with where each stands on `today` (and
 * at `now` for limits in hours). A right of the bureau (提请复议) is "used" or "passed" rather than met.
 *
 * @category rules
 */
export const transferDeadlines = (
  calendar: WorkingCalendarShape,
  rules: DepartmentTransferRules,
  record: TransferRecord,
  now: { readonly today: IsoDate; readonly at: string }
): Either.Either<ReadonlyArray<TransferDeadline>, CalendarYearNotCovered> =>
  Either.gen(function* () {
    const out: Array<TransferDeadline> = []
    const sender = senderSide(record)
    const receiver: TransferSide = sender === "bureau" ? "department" : "bureau"
    const due = (limit: TransferLimit, from: IsoDate) =>
      limit.unit === "working_days"
        ? addWorkingDays(calendar, from, limit.amount)
        : onOrNextWorkingDay(calendar, addDays(from, limit.amount))
    const add = (
      key: string,
      label: string,
      by: TransferSide,
      limit: TransferLimit | null,
      from: { readonly on: IsoDate; readonly at: string } | null,
      done: TransferEvent | null | undefined,
      right = false
    ): Either.Either<void, CalendarYearNotCovered> =>
      Either.gen(function* () {
        if (limit === null || from === null) return
        const doneEvent = done ?? null
        if (limit.unit === "hours") {
          const dueAt = new Date(Date.parse(from.at) + limit.amount * HOUR).toISOString()
          const state: DeadlineState =
            doneEvent !== null ? (doneEvent.at <= dueAt ? "met" : "met_late") : now.at > dueAt ? "overdue" : "open"
          out.push({
            key,
            label,
            by,
            dueOn: dueAt.slice(0, 10) as IsoDate,
            dueAt,
            doneOn: doneEvent?.on ?? null,
            state,
            basis: limit.basis,
            confidence: limit.confidence
          })
          return
        }
        const dueOn = yield* due(limit, from.on)
        const doneOn = doneEvent?.on ?? null
        const state: DeadlineState = right
          ? doneOn !== null
            ? "used"
            : now.today > dueOn
              ? "passed"
              : "open"
          : doneOn !== null
            ? doneOn <= dueOn
              ? "met"
              : "met_late"
            : now.today > dueOn
              ? "overdue"
              : "open"
        out.push({
          key,
          label,
          by,
          dueOn,
          dueAt: null,
          doneOn,
          state,
          basis: limit.basis,
          confidence: limit.confidence
        })
      })
    const first = (kind: TransferStepKind) => record.events.find((e) => e.step._tag === kind)
    const created = { on: record.createdOn, at: record.createdAt }
    if (record.direction === "outgoing") {
      yield* add(
        "approval",
        "负责人作出是否批准移送的决定",
        "bureau",
        rules.approval,
        created,
        first("approve") ?? first("reject")
      )
      const approved = first("approve")
      yield* add("handover", "批准后移送", "bureau", rules.handover, approved ?? null, first("send"))
      if (record.decisionDate !== null)
        yield* add(
          "send_after_decision",
          "行政处罚决定书下达后移交",
          "bureau",
          rules.sendAfterDecision,
          { on: record.decisionDate, at: `${record.decisionDate}T00:00:00.000Z` },
          first("send")
        )
    } else if (record.discoveredOn !== null) {
      yield* add(
        "send_after_discovery",
        "发现线索后移交（移送部门）",
        "department",
        rules.sendAfterDiscovery,
        { on: record.discoveredOn, at: `${record.discoveredOn}T00:00:00.000Z` },
        first("send")
      )
    }
    // Every supplement request opens a limit, met by the next supplement.
    for (const [i, e] of record.events.entries()) {
      if (e.step._tag !== "request_supplement") continue
      const answer = record.events.slice(i + 1).find((later) => later.step._tag === "supplement")
      yield* add("supplement", "补正材料", sender, rules.supplement, e, answer)
    }
    const received = first("receive")
    if (received !== undefined && record.department === "police" && record.direction === "outgoing")
      yield* add(
        "receiver_decision",
        "公安机关作出立案或者不予立案的决定",
        receiver,
        rules.receiverDecision,
        received,
        first("result")
      )
    const result = first("result")
    if (result?.step._tag === "result" && result.step.outcome === "not_filed") {
      yield* add(
        "reconsideration_request",
        "对不予立案决定提请复议",
        sender,
        rules.reconsiderationRequest,
        result,
        first("request_reconsideration"),
        true
      )
      const request = first("request_reconsideration")
      if (request !== undefined)
        yield* add(
          "reconsideration_answer",
          "公安机关作出复议决定",
          receiver,
          rules.reconsiderationAnswer,
          request,
          first("answer_reconsideration")
        )
      const answer = first("answer_reconsideration")
      if (answer?.step._tag === "answer_reconsideration" && !answer.step.filed)
        yield* add(
          "procuratorate_request",
          "建议人民检察院立案监督",
          sender,
          rules.procuratorateRequest,
          answer,
          first("request_procuratorate"),
          true
        )
    }
    const filed =
      (result?.step._tag === "result" && result.step.outcome === "filed" ? result : undefined) ??
      record.events.find((e) => e.step._tag === "answer_reconsideration" && e.step.filed)
    if (filed !== undefined)
      yield* add(
        "materials_after_filing",
        "立案后移交涉案物品及材料",
        sender,
        rules.materialsAfterFiling,
        filed,
        first("hand_over_materials")
      )
    return out
  })

/**
 * Where transfers are kept.
 *
 * @category services
 */
export class TransferRepository extends Context.Tag("@fundguard/domain/TransferRepository")<
  TransferRepository,
  {
    readonly load: (id: string) => Effect.Effect<TransferRecord, TransferNotFound>
    /** Stores a new transfer (its first event, if any, included) and audits it. */
    readonly create: (
      record: Omit<TransferRecord, "revision">,
      audit: { readonly actorId: string | null; readonly actorName: string; readonly ip: string | null }
    ) => Effect.Effect<void>
    /**
     * Appends an event if the transfer still has `revision` events (else `TransferStepRefused` "stale"); a
     * `send` of an outgoing transfer numbers it (移送书文号, per year). Audited.
     */
    readonly append: (
      id: string,
      revision: number,
      event: TransferEvent,
      audit: { readonly ip: string | null }
    ) => Effect.Effect<void, TransferStepRefused>
  }
>() {}

/**
 * What was written for a transfer is wrong; `problems` names every field.
 *
 * @category errors
 */
export class InvalidTransferInput extends Schema.TaggedError<InvalidTransferInput>()("InvalidTransferInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}
