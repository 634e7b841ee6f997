/**
 * Credit (信用) of institutions and of their registered staff: the practitioners (医保医师、药师 and
 * other registered staff), their point events with the rules a point event must meet, the institution
 * credit events drawn from decisions, inspections and rectifications, joint-punishment notices
 * (联合惩戒) to other departments, and the publication (曝光) of decisions with social impact.
 *
 * No national credit grade exists (regulations.md §6.2 ⚠️: no NHSA 信用评价 measure, no A/B/C/D scheme
 * was found): FundGuard shows events and counts, never a grade. 条例 Art.33 ✅ asks for credit
 * management and supervision by credit; the grading is left to the measure that will define it.
 *
 * @since 0.5.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { maskIdentifier, maskName } from "../access/Access.js"
import type { Actor } from "../kernel/Actor.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { TransferTarget } from "../penalty/PenaltyResult.js"
import type { PointEvent, PointScheme, Responsibility } from "./PaymentQualification.js"

const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))
const Code = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_.-]{1,64}$/))

// ── Errors ───────────────────────────────────────────────────────────────────────────────────────

/**
 * No such practitioner, institution, source, notice or publication.
 *
 * @category errors
 */
export class CreditNotFound extends Schema.TaggedError<CreditNotFound>()("CreditNotFound", {
  kind: Schema.String,
  id: Schema.String
}) {
  override get message(): string {
    return `${this.kind} ${this.id} 不存在`
  }
}

/**
 * Something the rules or the state forbid; `detail` says which, in Chinese.
 *
 * @category errors
 */
export class CreditRefused extends Schema.TaggedError<CreditRefused>()("CreditRefused", {
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * An input with problems, each named by its JSON path.
 *
 * @category errors
 */
export class InvalidCreditInput extends Schema.TaggedError<InvalidCreditInput>()("InvalidCreditInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

// ── Practitioners ────────────────────────────────────────────────────────────────────────────────

/**
 * Who is registered (登记备案) for 医保支付资格 (regulations.md §6.1 🔶): in 定点医疗机构 the doctors,
 * pharmacists, nurses and technicians who provide fund-settled services and the staff who review fees
 * or settle with 医保; in 定点零售药店 the 主要负责人 (and, in some provinces, pharmacists).
 *
 * @category models
 */
export const PractitionerKind = Schema.Literal(
  "doctor",
  "pharmacist",
  "nurse",
  "technician",
  "fee_reviewer",
  "pharmacy_head"
)
/** @category models */
export type PractitionerKind = typeof PractitionerKind.Type

/** @category formatting */
export const practitionerKindLabel: Readonly<Record<PractitionerKind, string>> = {
  doctor: "医保医师",
  pharmacist: "医保药师",
  nurse: "护理人员",
  technician: "医技人员",
  fee_reviewer: "医保费用审核、结算人员",
  pharmacy_head: "定点零售药店主要负责人"
}

/**
 * A practitioner as registered: the national code (国家医保医师/药师等人员代码), the name, the kind, the
 * institution.
 *
 * @category models
 */
export const PractitionerInput = Schema.Struct({
  nationalCode: Schema.String.pipe(
    Schema.filter((s) => /^[A-Z0-9]{6,30}$/.test(s) || "须为 6–30 位大写字母或数字（国家医保人员代码）")
  ),
  name: Text(50),
  kind: PractitionerKind,
  institutionCode: Code
}).annotations({ identifier: "PractitionerInput" })
/** @category models */
export type PractitionerInput = typeof PractitionerInput.Type

/**
 * A stored practitioner.
 *
 * @category models
 */
export interface StoredPractitioner extends PractitionerInput {
  readonly id: string
  readonly institutionName: string
  /** The region of the institution (for the points scheme in force there). */
  readonly admdvs: string
}

/**
 * A practitioner as a role may see it: the name and national code masked without
 * `personal-data:unmasked`.
 *
 * @category rules
 */
export const maskPractitioner = <P extends { readonly name: string; readonly nationalCode: string }>(
  practitioner: P,
  unmasked: boolean
): P =>
  unmasked
    ? practitioner
    : { ...practitioner, name: maskName(practitioner.name), nationalCode: maskIdentifier(practitioner.nationalCode) }

// ── Point events ─────────────────────────────────────────────────────────────────────────────────

/**
 * A point event as the bureau records it: the day of the 记分 decision, the points, the person's
 * responsibility, and the source — a decided penalty case (the engine's `paymentQualificationPoints`
 * gives the tier) or a decided agreement measure with 违约金 (tier 1–3).
 *
 * @category models
 */
export const PointEventInput = Schema.Struct({
  decidedOn: IsoDate,
  points: Schema.Int.pipe(Schema.between(1, 12)),
  responsibility: Schema.Literal("general", "important", "primary"),
  source: Schema.Literal("case", "agreement_measure"),
  sourceId: Code,
  event: Text(500),
  /** The suspension chosen (1–6 months) should this event bring the year to 9 points. */
  suspensionMonths: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 12)), { exact: true })
}).annotations({ identifier: "PointEventInput" })
/** @category models */
export type PointEventInput = typeof PointEventInput.Type

/**
 * A stored point event.
 *
 * @category models
 */
export interface StoredPointEvent extends PointEvent {
  readonly practitionerId: string
  readonly tierMin: number
  readonly tierMax: number
  readonly responsibility: Responsibility
  readonly source: "case" | "agreement_measure"
  readonly sourceId: string
  readonly event: string
  readonly schemeId: string
  readonly recordedByName: string
}

/**
 * What the source of a point event establishes: whose it is, when it was decided, and the tiers of
 * points it allows (empty: it allows none).
 *
 * @category models
 */
export interface PointSource {
  readonly institutionCode: string
  readonly decidedOn: IsoDate | null
  readonly tiers: ReadonlyArray<{ readonly min: number; readonly max: number }>
  /** Why the source allows no points, when it allows none. */
  readonly why: string | null
}

/**
 * A point event's problems against its scheme and source: a scheme in force on the day (no points
 * before it began), the source decided, of the practitioner's institution, not after the 记分 day,
 * the points within a tier the source allows (the precondition of 🔶: points only after a penalty
 * or a heavier agreement sanction), the suspension within the scheme's range.
 *
 * @category rules
 */
export const pointEventProblems = (
  input: PointEventInput,
  practitioner: { readonly institutionCode: string },
  source: PointSource,
  scheme: PointScheme | null
): ReadonlyArray<{ path: string; message: string }> => {
  const problems: Array<{ path: string; message: string }> = []
  if (scheme === null) problems.push({ path: "$.decidedOn", message: "该日期医保支付资格记分制度尚未施行，不能记分" })
  if (source.institutionCode !== practitioner.institutionCode)
    problems.push({ path: "$.sourceId", message: "记分依据不是该人员所在定点医药机构的处理决定" })
  if (source.decidedOn === null || source.tiers.length === 0)
    problems.push({ path: "$.sourceId", message: source.why ?? "记分依据尚未作出决定，不能记分" })
  else {
    if (input.decidedOn < source.decidedOn)
      problems.push({ path: "$.decidedOn", message: `记分日期早于处理决定日期 ${source.decidedOn}` })
    if (!source.tiers.some((t) => input.points >= t.min && input.points <= t.max))
      problems.push({
        path: "$.points",
        message: `记分须在该事件的分档内：${source.tiers.map((t) => `${t.min}–${t.max}分`).join("、")}`
      })
  }
  if (
    scheme !== null &&
    input.suspensionMonths !== undefined &&
    (input.suspensionMonths < scheme.suspensionMonths.min || input.suspensionMonths > scheme.suspensionMonths.max)
  )
    problems.push({
      path: "$.suspensionMonths",
      message: `暂停期限须为 ${scheme.suspensionMonths.min}–${scheme.suspensionMonths.max} 个月`
    })
  return problems
}

// ── Institution credit events ────────────────────────────────────────────────────────────────────

/**
 * What goes on an institution's credit record (信用事件). No grade is derived from them (⚠️ none exists
 * nationally).
 *
 * @category models
 */
export type CreditEventKind =
  | "penalty_decision"
  | "agreement_measure"
  | "inspection_findings"
  | "rectification_overdue"
  | "rectification_failed"
  | "practitioner_points"
  | "joint_punishment"
  | "publication"

/** @category formatting */
export const creditEventLabel: Readonly<Record<CreditEventKind, string>> = {
  penalty_decision: "行政处罚决定",
  agreement_measure: "协议处理决定",
  inspection_findings: "监督检查发现问题",
  rectification_overdue: "整改逾期未报",
  rectification_failed: "整改复查未通过",
  practitioner_points: "相关人员医保支付资格记分",
  joint_punishment: "联合惩戒通报",
  publication: "曝光"
}

/**
 * One event of an institution's credit record.
 *
 * @category models
 */
export interface CreditEvent {
  readonly kind: CreditEventKind
  readonly on: IsoDate
  readonly title: string
  readonly sourceId: string
}

/**
 * The record's counts: per kind in all, and per year and kind.
 *
 * @category rules
 */
export const creditCounts = (
  events: ReadonlyArray<CreditEvent>
): {
  readonly byKind: Readonly<Partial<Record<CreditEventKind, number>>>
  readonly byYear: ReadonlyArray<{ readonly year: number; readonly counts: Partial<Record<CreditEventKind, number>> }>
} => {
  const byKind: Partial<Record<CreditEventKind, number>> = {}
  const years = new Map<number, Partial<Record<CreditEventKind, number>>>()
  for (const e of events) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1
    const year = Number(e.on.slice(0, 4))
    const counts = years.get(year) ?? {}
    counts[e.kind] = (counts[e.kind] ?? 0) + 1
    years.set(year, counts)
  }
  return {
    byKind,
    byYear: [...years.entries()].sort(([a], [b]) => b - a).map(([year, counts]) => ({ year, counts }))
  }
}

/**
 * Newest first (then by kind), as the history page lists them.
 *
 * @category rules
 */
export const sortCreditEvents = (events: ReadonlyArray<CreditEvent>): ReadonlyArray<CreditEvent> =>
  [...events].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))

// ── Joint-punishment notices ─────────────────────────────────────────────────────────────────────

/**
 * A notice to another department (联合惩戒) naming an institution or a person with poor credit: the
 * health commission (执业管理), market regulation, the police, the discipline commission. Its
 * source shows the poor credit: a decided case of the institution, or a person's suspension or
 * termination.
 *
 * @category models
 */
export const NoticeInput = Schema.Struct({
  department: TransferTarget,
  subject: Schema.Literal("institution", "practitioner"),
  /** The institution (subject `institution`), or the practitioner's id (subject `practitioner`). */
  subjectId: Code,
  /** For an institution: the decided case it rests on. */
  caseId: Schema.optionalWith(Code, { exact: true }),
  reason: Text(2000),
  /** What the receiving department is asked to do, under which provision. */
  request: Text(1000)
}).annotations({ identifier: "JointPunishmentNoticeInput" })
/** @category models */
export type NoticeInput = typeof NoticeInput.Type

/** @category formatting */
export const departmentLabel: Readonly<Record<TransferTarget, string>> = {
  health_commission: "卫生健康委员会",
  market_regulation: "市场监督管理局",
  police: "公安机关",
  discipline_commission: "纪委监委"
}

// ── Publication (曝光) ───────────────────────────────────────────────────────────────────────────

/**
 * A proposal to publish a decision with social impact (行政处罚法 Art.48 ✅: 具有一定社会影响的行政处罚决定应当
 * 依法公开): the decided case, a title and summary, and the persons the text may name (masked when
 * published).
 *
 * @category models
 */
export const PublicationProposal = Schema.Struct({
  caseId: Code,
  title: Text(200),
  summary: Text(5000),
  persons: Schema.optionalWith(Schema.Array(Text(50)).pipe(Schema.maxItems(20)), { exact: true })
}).annotations({ identifier: "PublicationProposal" })
/** @category models */
export type PublicationProposal = typeof PublicationProposal.Type

/**
 * A stored publication.
 *
 * @category models
 */
export interface StoredPublication {
  readonly id: string
  readonly caseId: string
  readonly institutionCode: string
  readonly status: "proposed" | "published"
  readonly title: string
  readonly summary: string
  readonly persons: ReadonlyArray<string>
  readonly proposedById: string | null
  readonly proposedByName: string
}

/**
 * Whether `approver` may approve the publication: still proposed, and not by its proposer (a second
 * person approves what is made public).
 *
 * @category rules
 */
export const publicationApprovalRefusal = (
  publication: StoredPublication,
  approver: { readonly id: string | null }
): CreditRefused | null => {
  if (publication.status !== "proposed") return new CreditRefused({ detail: "该曝光已发布" })
  if (publication.proposedById !== null && publication.proposedById === approver.id)
    return new CreditRefused({ detail: "曝光须由提出人以外的人员审批" })
  return null
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * A text as it may be published: every name given masked (张** — longest first, so that 张三丰 is not
 * left as 张**丰), and every identifier-like sequence (身份证号 15/18 位, 手机号, the national codes
 * given) masked.
 *
 * @category rules
 */
export const maskForPublication = (
  text: string,
  names: ReadonlyArray<string>,
  identifiers: ReadonlyArray<string> = []
): string => {
  let out = text
  for (const id of [...new Set(identifiers)].filter((i) => i.length > 0).sort((a, b) => b.length - a.length))
    out = out.replace(new RegExp(escape(id), "g"), maskIdentifier(id))
  out = out.replace(/(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15}|1[3-9]\d{9})(?![0-9A-Za-z])/g, (m) => maskIdentifier(m))
  for (const name of [...new Set(names)].filter((n) => Array.from(n).length >= 2).sort((a, b) => b.length - a.length))
    out = out.replace(new RegExp(escape(name), "g"), maskName(name))
  return out
}

// ── Services ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A joint-punishment notice as stored.
 *
 * @category models
 */
export interface StoredNotice {
  readonly id: string
  readonly department: TransferTarget
  readonly subject: "institution" | "practitioner"
  readonly subjectId: string
  readonly institutionCode: string
}

/**
 * Where credit is kept; every write carries its audit entry in the same transaction.
 *
 * @category services
 */
export class CreditRepository extends Context.Tag("@fundguard/domain/CreditRepository")<
  CreditRepository,
  {
    /** Registers a practitioner; a national code already registered is refused. */
    readonly registerPractitioner: (request: {
      readonly id: string
      readonly input: PractitionerInput
      readonly actor: Actor
    }) => Effect.Effect<void, CreditNotFound | CreditRefused>
    readonly loadPractitioner: (id: string) => Effect.Effect<StoredPractitioner, CreditNotFound>
    readonly practitionersOf: (institutionCode: string) => Effect.Effect<ReadonlyArray<StoredPractitioner>>
    readonly pointEventsOf: (practitionerId: string) => Effect.Effect<ReadonlyArray<StoredPointEvent>>
    /** What a decided agreement measure establishes for points (违约金: tier 1–3). */
    readonly measureSource: (measureId: string, scheme: PointScheme) => Effect.Effect<PointSource, CreditNotFound>
    readonly recordPointEvent: (request: {
      readonly id: string
      readonly practitionerId: string
      readonly input: PointEventInput
      readonly tier: { readonly min: number; readonly max: number }
      readonly schemeId: string
      readonly actor: Actor
    }) => Effect.Effect<void>
    /** Every practitioner with at least one point event, with the events (for the daily pass). */
    readonly scored: Effect.Effect<
      ReadonlyArray<{ readonly practitioner: StoredPractitioner; readonly events: ReadonlyArray<StoredPointEvent> }>
    >
    /** Records a transition once (a second call for the same one changes nothing), with its audit entry. */
    readonly recordTransition: (request: {
      readonly practitionerId: string
      readonly kind: string
      readonly on: IsoDate
      readonly until: IsoDate
      readonly causeEventId: string
      readonly actor: Actor
    }) => Effect.Effect<boolean>
    readonly issueNotice: (request: {
      readonly id: string
      readonly input: NoticeInput
      readonly institutionCode: string
      readonly subjectName: string
      readonly today: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<void>
    readonly proposePublication: (request: {
      readonly id: string
      readonly proposal: PublicationProposal
      readonly institutionCode: string
      readonly today: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<void>
    readonly loadPublication: (id: string) => Effect.Effect<StoredPublication, CreditNotFound>
    /** Publishes with the masked texts, only if still proposed. */
    readonly approvePublication: (request: {
      readonly id: string
      readonly publicTitle: string
      readonly publicSummary: string
      readonly today: IsoDate
      readonly actor: Actor
    }) => Effect.Effect<void, CreditRefused>
  }
>() {}
