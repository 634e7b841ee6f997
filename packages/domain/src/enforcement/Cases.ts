/**
 * Where cases are kept (`CaseRepository`) and what storing them may refuse: a case opened on leads
 * that are not confirmed for 立案 or already in another case, an unknown case, a step decided on a
 * revision someone else has moved past. Also the numbering of the documents a case issues (文号).
 *
 * @since 0.4.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import type { OrgKind } from "../kernel/Institution.js"
import type { CaseDocumentKind, CaseEntry, CaseOpening, CaseStepPlan } from "./CaseProcedure.js"
import type { RectificationIssue } from "./FollowUp.js"

/**
 * No case with this id.
 *
 * @category errors
 */
export class CaseNotFound extends Schema.TaggedError<CaseNotFound>()("CaseNotFound", { id: Schema.String }) {
  override get message(): string {
    return `案件 ${this.id} 不存在`
  }
}

/**
 * The case cannot be opened as asked; `problems` names each field.
 *
 * @category errors
 */
export class CaseOpeningRefused extends Schema.TaggedError<CaseOpeningRefused>()("CaseOpeningRefused", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * Someone else took a step on the case since it was loaded.
 *
 * @category errors
 */
export class StaleCase extends Schema.TaggedError<StaleCase>()("StaleCase", {
  id: Schema.String,
  revision: Schema.Number
}) {
  override get message(): string {
    return `案件已被他人更新（版本 ${this.revision} 之后），请刷新后重试`
  }
}

/**
 * A case as stored: the institution it is against and its entries in revision order.
 *
 * @category models
 */
export interface StoredCase {
  readonly id: string
  readonly number: string | null
  readonly institution: {
    readonly code: string
    readonly name: string
    readonly orgKind: OrgKind
    readonly admdvs: string
  }
  readonly bureauName: string
  readonly entries: ReadonlyArray<CaseEntry>
}

/**
 * The next deadline the bureau must meet on a case, for the lists and the today view.
 *
 * @category models
 */
export interface NextDeadline {
  readonly dueOn: IsoDate
  readonly step: string
}

/**
 * Where cases are kept. `record` writes the step's entry, the case's new status and revision (only
 * if still at the revision the plan was made on), the 文号 of the document it issues, and the audit
 * entry, in one transaction.
 *
 * @category services
 */
export class CaseRepository extends Context.Tag("@fundguard/domain/CaseRepository")<
  CaseRepository,
  {
    readonly open: (request: {
      readonly id: string
      readonly opening: CaseOpening
      readonly actor: Actor
      readonly today: IsoDate
      readonly next: NextDeadline | null
    }) => Effect.Effect<void, CaseOpeningRefused>
    readonly load: (id: string) => Effect.Effect<StoredCase, CaseNotFound>
    readonly record: (request: {
      readonly stored: StoredCase
      readonly plan: CaseStepPlan
      readonly actor: Actor
      readonly today: IsoDate
      readonly next: NextDeadline | null
      /** The rectification order a penalty decision issues, written in the same transaction. */
      readonly rectification?: { readonly id: string; readonly issue: RectificationIssue }
    }) => Effect.Effect<{ readonly documentNumber: string | null }, StaleCase>
    /** The ids of the cases still running (neither closed nor declined). */
    readonly running: Effect.Effect<ReadonlyArray<string>>
    /** Stores a case's next deadline as recomputed today (the holiday data or the day changed it). */
    readonly setNext: (id: string, next: NextDeadline | null) => Effect.Effect<void>
  }
>() {}

const numberCharacter: Readonly<Record<CaseDocumentKind, string>> = {
  filing_approval: "立",
  penalty_notice: "告",
  hearing_notice: "听",
  penalty_decision: "罚"
}

/**
 * The short name a bureau's 文号 start with: the first character of its area (奉节县医疗保障局 → 奉).
 * ⚠️ A convention, not a rule: a bureau that numbers otherwise needs this to become a setting.
 *
 * @category formatting
 */
export const bureauAbbreviation = (bureauName: string): string => Array.from(bureauName.trim())[0] ?? "医"

/**
 * A document's number (文号): 奉医保罚〔2026〕3号 — bureau, kind, year, sequence within the year.
 *
 * @category formatting
 */
export const documentNumber = (bureauName: string, kind: CaseDocumentKind, year: number, sequence: number): string =>
  `${bureauAbbreviation(bureauName)}医保${numberCharacter[kind]}〔${year}〕${sequence}号`
