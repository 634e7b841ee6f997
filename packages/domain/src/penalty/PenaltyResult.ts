/**
 * The lawful outcome of an assessment, field for field as `penalty-assessment.md` promises it (plus the
 * fields this release adds). Defined as Schemas so other systems can decode a result they receive and the
 * API can publish its JSON Schema.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { AgreementAction } from "./Benchmark.js"
import { ViolationCode } from "./Violation.js"

/**
 * Discretion grade (裁量等级).
 *
 * @category models
 */
export const Grade = Schema.Literal("不予处罚", "减轻", "从轻", "一般", "从重")
/** @category models */
export type Grade = typeof Grade.Type

/**
 * `penalty`: at least one administrative penalty (fine, confiscation, suspension, ban); `no_penalty`: none
 * (不予处罚, or only orders to correct and refund, education, 约谈); `agreement_only`: handled under the service
 * agreement by the 经办机构 (条例 Art.13), not by an administrative penalty.
 *
 * @category models
 */
export const Outcome = Schema.Literal("penalty", "no_penalty", "agreement_only")
/** @category models */
export type Outcome = typeof Outcome.Type

const Yuan = Schema.Number

/**
 * A fine: a multiple of the loss or defrauded amount, or a fixed amount (Art.39, multiples null).
 *
 * @category models
 */
export const FineRange = Schema.Struct({
  basis: Schema.Literal("loss", "defrauded", "fixed"),
  multipleMin: Schema.NullOr(Schema.Number),
  multipleMax: Schema.NullOr(Schema.Number),
  recommendedMultiple: Schema.NullOr(Schema.Number),
  min: Yuan,
  max: Yuan,
  recommended: Yuan
})
/** @category models */
export type FineRange = typeof FineRange.Type

/** @category models */
export const MonthsRecommendation = Schema.Struct({
  min: Schema.Number,
  max: Schema.Number,
  recommended: Schema.Number
})
/** @category models */
export type MonthsRecommendation = typeof MonthsRecommendation.Type

/**
 * 条例 Art.43: the legal representative or principal head barred from managing a 定点医药机构.
 *
 * @category models
 */
export const ManagementBan = Schema.Struct({ years: Schema.Number, appliesTo: Schema.String, basis: Schema.String })

/**
 * 医保支付资格 记分 for the responsible doctors, pharmacists and other registered staff (医保发〔2024〕23号).
 *
 * @category models
 */
export const PaymentQualificationPoints = Schema.Struct({
  min: Schema.Number,
  max: Schema.Number,
  event: Schema.String,
  basis: Schema.String
})

/**
 * The agreement track (服务协议处理 by the 经办机构, 条例 Art.13).
 *
 * @category models
 */
export const AgreementHandling = Schema.Struct({
  lawful: Schema.Array(AgreementAction),
  recommended: Schema.Array(AgreementAction),
  /** 追回违规费用 under the agreement (back to the fund, like a refund). */
  recovery: Yuan,
  basis: Schema.String
})

/**
 * What comparable published decisions settled on, when they set the recommended multiple (类案校准).
 *
 * @category models
 */
export const PrecedentBasisView = Schema.Struct({
  /** 条例第三十八条、定点医疗机构、无从重情节 */
  comparison: Schema.String,
  scope: Schema.Literal("本省", "全国"),
  count: Schema.Number,
  median: Schema.Number,
  min: Schema.Number,
  max: Schema.Number,
  /** The multiple recommended: the median, kept inside the grade's band. */
  recommendedMultiple: Schema.Number,
  decisionIds: Schema.Array(Schema.String)
})

/**
 * A published decision similar to the case (类案推送), with why it is similar, its outcome and its source.
 *
 * @category models
 */
export const SimilarCase = Schema.Struct({
  id: Schema.String,
  score: Schema.Number,
  reasons: Schema.Array(Schema.String),
  regionName: Schema.String,
  date: Schema.String,
  subjectName: Schema.String,
  behaviours: Schema.Array(Schema.String),
  amount: Schema.Number,
  fine: Schema.Number,
  multiple: Schema.Number,
  suspensionMonths: Schema.NullOr(Schema.Number),
  agreementTerminated: Schema.Boolean,
  /** The transfers the decision's page states; null when it does not say. */
  transfers: Schema.NullOr(Schema.Array(Schema.String)),
  url: Schema.String,
  publisher: Schema.String
})

/** @category models */
export const AssessedItem = Schema.Struct({
  violation: ViolationCode,
  outcome: Outcome,
  track: Schema.Literal("administrative", "agreement"),
  article: Schema.NullOr(Schema.Number),
  clause: Schema.String,
  /** The 条例 article the item is assessed under (38 → 40, 41¶1 → 41¶2 on proven intent; 39 for a refused agreement item). */
  assessedUnder: Schema.NullOr(Schema.Number),
  /** The provision actually applied, as the decision cites it (can be 《社会保险法》 for acts before 2021-05-01). */
  appliedLaw: Schema.NullOr(Schema.String),
  grade: Grade,
  refund: Yuan,
  fine: Schema.NullOr(FineRange),
  suspensionMonths: Schema.NullOr(MonthsRecommendation),
  settlementSuspensionMonths: Schema.NullOr(MonthsRecommendation),
  agreementTermination: Schema.Struct({ lawful: Schema.Boolean, recommended: Schema.Boolean }),
  confiscation: Schema.NullOr(Yuan),
  managementBan: Schema.NullOr(ManagementBan),
  licenceRevocation: Schema.Boolean,
  discipline: Schema.Boolean,
  agreement: Schema.NullOr(AgreementHandling),
  paymentQualificationPoints: Schema.NullOr(PaymentQualificationPoints),
  actId: Schema.NullOr(Schema.String),
  limitation: Schema.Literal("within", "expired", "unknown"),
  measures: Schema.Array(Schema.String),
  citations: Schema.Array(Schema.String),
  explanation: Schema.Array(Schema.String),
  /** Present when comparable published decisions set the recommended multiple. */
  precedents: Schema.optional(PrecedentBasisView)
})
/** @category models */
export type AssessedItem = typeof AssessedItem.Type

/** @category models */
export const TransferTarget = Schema.Literal(
  "police",
  "health_commission",
  "discipline_commission",
  "market_regulation"
)
/** @category models */
export type TransferTarget = typeof TransferTarget.Type

/** @category models */
export const Transfer = Schema.Struct({
  to: TransferTarget,
  reason: Schema.String,
  basis: Schema.String,
  deadlineWorkingDays: Schema.NullOr(Schema.Number),
  /** The time limit in words (国务院令第310号: 3日内批准、24小时内移送). */
  deadline: Schema.String,
  /** False where the law says 可以 (e.g. seed 003: 公立医疗机构线索可移交纪检监察机关). */
  mandatory: Schema.Boolean,
  violations: Schema.Array(ViolationCode)
})
/** @category models */
export type Transfer = typeof Transfer.Type

/** @category models */
export const AssessmentResult = Schema.Struct({
  outcome: Outcome,
  items: Schema.Array(AssessedItem),
  totals: Schema.Struct({
    refund: Yuan,
    fineMin: Yuan,
    fineMax: Yuan,
    fineRecommended: Yuan,
    confiscation: Yuan,
    agreementRecovery: Yuan
  }),
  /** 条例 Art.45: refunds go back to the fund's 财政专户; fines and confiscated gains to the 国库. */
  ledgers: Schema.Struct({ fundAccount: Yuan, treasury: Yuan }),
  transfers: Schema.Array(Transfer),
  procedure: Schema.Struct({
    hearingRight: Schema.Boolean,
    hearingReasons: Schema.Array(Schema.String),
    legalReviewRequired: Schema.Boolean,
    legalReviewReasons: Schema.Array(Schema.String),
    limitationExpired: Schema.Boolean,
    /** False when some violation gave neither `occurredTo` nor `occurredFrom`. */
    limitationChecked: Schema.Boolean,
    /** A suspected crime was found: transfer first; a fine not yet imposed is not imposed (行政处罚法 Art.35). */
    criminalTransferFirst: Schema.Boolean
  }),
  benchmark: Schema.Struct({
    id: Schema.String,
    region: Schema.String,
    name: Schema.String,
    version: Schema.String,
    fallback: Schema.Boolean,
    custom: Schema.Boolean,
    source: Schema.String,
    confidence: Schema.String,
    /** Sections taken from the national default because the file does not carry them. */
    inherited: Schema.Array(Schema.String)
  }),
  /** The most similar published decisions (类案推送), most similar first. */
  similarCases: Schema.Array(SimilarCase),
  explanation: Schema.Array(Schema.String)
})
/** @category models */
export type AssessmentResult = typeof AssessmentResult.Type
