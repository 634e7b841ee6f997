/**
 * The lawful outcome of an assessment, field for field as `penalty-assessment.md` promises it.
 *
 * @since 0.1.0
 */
import type { ViolationCode } from "./Violation.js"

/**
 * Discretion grade (裁量等级).
 *
 * @category models
 */
export type Grade = "不予处罚" | "减轻" | "从轻" | "一般" | "从重"

/** @category models */
export type Outcome = "penalty" | "no_penalty" | "agreement_only"

/**
 * A fine: a multiple of the loss or defrauded amount, or a fixed amount (Art.39).
 *
 * @category models
 */
export interface FineRange {
  readonly basis: "loss" | "defrauded" | "fixed"
  readonly multipleMin: number | null
  readonly multipleMax: number | null
  readonly recommendedMultiple: number | null
  readonly min: number
  readonly max: number
  readonly recommended: number
}

/** @category models */
export interface MonthsRecommendation {
  readonly min: number
  readonly max: number
  readonly recommended: number
}

/** @category models */
export interface AssessedItem {
  readonly violation: ViolationCode
  readonly outcome: Outcome
  readonly article: number | null
  readonly clause: string
  /** The article the item is assessed under (38 → 40 on proven intent to defraud). */
  readonly assessedUnder: number | null
  readonly grade: Grade
  readonly refund: number
  readonly fine: FineRange | null
  readonly suspensionMonths: MonthsRecommendation | null
  readonly settlementSuspensionMonths: MonthsRecommendation | null
  readonly agreementTermination: { readonly lawful: boolean; readonly recommended: boolean }
  readonly measures: ReadonlyArray<string>
  readonly citations: ReadonlyArray<string>
  readonly explanation: ReadonlyArray<string>
}

/** @category models */
export type TransferTarget = "police" | "health_commission" | "discipline_commission" | "market_regulation"

/** @category models */
export interface Transfer {
  readonly to: TransferTarget
  readonly reason: string
  readonly basis: string
  readonly deadlineWorkingDays: number | null
  readonly violations: ReadonlyArray<ViolationCode>
}

/** @category models */
export interface AssessmentResult {
  readonly outcome: Outcome
  readonly items: ReadonlyArray<AssessedItem>
  readonly totals: {
    readonly refund: number
    readonly fineMin: number
    readonly fineMax: number
    readonly fineRecommended: number
  }
  readonly transfers: ReadonlyArray<Transfer>
  readonly procedure: {
    readonly hearingRight: boolean
    readonly legalReviewRequired: boolean
    readonly limitationExpired: boolean
    /** False when no violation gave `occurredTo`, so the limitation period could not be checked. */
    readonly limitationChecked: boolean
  }
  readonly benchmark: {
    readonly region: string
    readonly name: string
    readonly version: string
    readonly fallback: boolean
  }
  readonly explanation: ReadonlyArray<string>
}
