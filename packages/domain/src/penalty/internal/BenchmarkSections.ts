/**
 * The sections of a discretion benchmark file — bands, province tables, factor lists, criminal and procedural
 * thresholds, scoring — each a Schema that checks itself against the law where the law gives limits.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { Yuan } from "../../kernel/Money.js"
import { IsoDate, isoDate } from "../../kernel/IsoDate.js"
import {
  article37Fine,
  article38Fine,
  article39Fine,
  article40Fine,
  article41Fine,
  fraudAmountTiers,
  inForceOrEarliest
} from "../LegalParameters.js"
import { CaseFactors } from "../PenaltyInput.js"

const Amount = Yuan
const Fraction = Schema.Number.pipe(Schema.between(0, 1))

/**
 * A 6-digit administrative division: `650000` covers the whole province, `440300` a city, `500235` a county.
 *
 * @category models
 */
export const RegionCode = Schema.String.pipe(
  Schema.pattern(/^\d{6}$/, { message: () => "a 6-digit administrative division code, e.g. 650000" })
)

/**
 * How sure the data is, with the reference's tags: ✅ primary text read, 🔶 secondary source, ⚠️ unverified.
 *
 * @category models
 */
export const Confidence = Schema.Literal("primary", "secondary", "unverified")
/** @category models */
export type Confidence = typeof Confidence.Type

/** The grades a fine, a suspension or an agreement action is graded in (不予处罚 imposes none). */
export const bandGrades = ["减轻", "从轻", "一般", "从重"] as const
/** @category models */
export type BandGrade = (typeof bandGrades)[number]
const BandGradeSchema = Schema.Literal(...bandGrades)

/**
 * How the recommended point is chosen inside a band: its floor, middle or ceiling, or `stepped` — the edge
 * nearest 一般 for one factor, moving outward by `step` × the band's width for each further factor.
 *
 * @category models
 */
export const RecommendRule = Schema.Literal("floor", "middle", "ceiling", "stepped")
/** @category models */
export type RecommendRule = typeof RecommendRule.Type

/**
 * A band as fractions of the statutory range (0 = floor, 1 = ceiling); for 减轻, fractions of the floor
 * (0 = nothing, 1 = the floor), since 减轻 means below the floor.
 *
 * @category models
 */
export const GradeBand = Schema.Struct({
  from: Fraction,
  to: Fraction,
  recommend: RecommendRule,
  step: Schema.optional(Fraction)
}).pipe(
  Schema.filter((b) => [
    ...(b.from <= b.to ? [] : [{ path: ["to"], message: "must not be below from" }]),
    ...(b.recommend === "stepped" && b.step === undefined
      ? [{ path: ["step"], message: "is required when recommend is stepped" }]
      : [])
  ])
)
/** @category models */
export type GradeBand = typeof GradeBand.Type

/** The articles whose fine a province table may set: multiples (37, 38, 40, 41-2) or yuan (39). */
export const TableLiability = Schema.Literal("37", "38", "39", "40", "41-2")
/** @category models */
export type TableLiability = typeof TableLiability.Type

/**
 * One row of a province's table: for an article, the grades, the amount bracket (以上/以下 include the
 * number, Chinese drafting convention: `amountOver` is exclusive, `amountUpTo` inclusive) and whether the
 * money was refunded in full by the deadline, the fine band — multiples, or yuan for Art.39.
 *
 * @category models
 */
/** The law as it stands: a benchmark row is checked against the statutory range now in force. */
const now = isoDate("9999-12-31")

const statutoryRange = (liability: TableLiability) => {
  switch (liability) {
    case "37":
      return inForceOrEarliest(article37Fine, now).value
    case "38":
      return inForceOrEarliest(article38Fine, now).value
    case "39":
      return inForceOrEarliest(article39Fine, now).value
    case "40":
      return inForceOrEarliest(article40Fine, now).value
    case "41-2":
      return inForceOrEarliest(article41Fine, now).value
  }
}

type Problem = { readonly path: ReadonlyArray<PropertyKey>; readonly message: string }

const rowLawfulness = (row: {
  readonly liability: TableLiability
  readonly grades: ReadonlyArray<BandGrade>
  readonly amountOver: number | null
  readonly amountUpTo: number | null
  readonly min: number
  readonly max: number
  readonly recommended?: number | undefined
}): ReadonlyArray<Problem> => {
  const problems: Array<Problem> = []
  const range = statutoryRange(row.liability)
  const unit = row.liability === "39" ? "元" : "倍"
  if (row.min > row.max) problems.push({ path: ["max"], message: "must not be below min" })
  if (row.max > range.max)
    problems.push({
      path: ["max"],
      message: `above the statutory ceiling (${range.max}${unit}) of article ${row.liability}`
    })
  if (row.min < range.min && row.grades.some((g) => g !== "减轻"))
    problems.push({
      path: ["min"],
      message: `below the statutory floor (${range.min}${unit}); only a 减轻 row may go below it`
    })
  if (row.recommended !== undefined && (row.recommended < row.min || row.recommended > row.max))
    problems.push({ path: ["recommended"], message: "must lie inside [min, max]" })
  if (row.amountOver !== null && row.amountUpTo !== null && row.amountUpTo <= row.amountOver)
    problems.push({ path: ["amountUpTo"], message: "must be above amountOver" })
  return problems
}

export const TableRow = Schema.Struct({
  liability: TableLiability,
  grades: Schema.optionalWith(Schema.NonEmptyArray(BandGradeSchema), { default: () => ["从轻", "一般", "从重"] }),
  amountOver: Schema.optionalWith(Schema.NullOr(Amount), { default: () => null }),
  amountUpTo: Schema.optionalWith(Schema.NullOr(Amount), { default: () => null }),
  refundedInFullByDeadline: Schema.optionalWith(Schema.NullOr(Schema.Boolean), { default: () => null }),
  min: Amount,
  max: Amount,
  recommended: Schema.optional(Amount),
  source: Schema.optional(Schema.String)
}).pipe(Schema.filter((row) => rowLawfulness(row)))
/** @category models */
export type TableRow = typeof TableRow.Type

/** One class of regions with its 诈骗 amounts (广东: 一类/二类地区); a class without regions covers the rest. */
export const FraudClass = Schema.Struct({
  name: Schema.String,
  regions: Schema.Array(RegionCode),
  large: Amount,
  huge: Amount,
  especiallyHuge: Amount
}).pipe(
  Schema.filter((c) => {
    const tiers = inForceOrEarliest(fraudAmountTiers, now)
    const { large, huge, especiallyHuge } = tiers.value
    return [
      ...(c.large < large.min || c.large > large.max
        ? [{ path: ["large"], message: `数额较大 must lie within ${large.min}–${large.max} (${tiers.source})` }]
        : []),
      ...(c.huge < huge.min || c.huge > huge.max
        ? [{ path: ["huge"], message: `数额巨大 must lie within ${huge.min}–${huge.max} (${tiers.source})` }]
        : []),
      ...(c.especiallyHuge < especiallyHuge.min
        ? [
            {
              path: ["especiallyHuge"],
              message: `数额特别巨大 must be at least ${especiallyHuge.min} (${tiers.source})`
            }
          ]
        : [])
    ]
  })
)
/** @category models */
export type FraudClass = typeof FraudClass.Type

const Sourced = { source: Schema.String.pipe(Schema.maxLength(2000)) }

/** The agreement-track actions of 条例 Art.13 and the service agreements (服务协议处理, not 行政处罚). */
export const AgreementAction = Schema.Literal(
  "约谈",
  "限期整改",
  "暂停拨付",
  "不予拨付",
  "追回违规费用",
  "支付违约金",
  "中止相关责任人员或者所在部门涉及医保基金使用的医药服务",
  "解除服务协议"
)
/** @category models */
export type AgreementAction = typeof AgreementAction.Type

const CaseFactorKey = Schema.Literal(...(Object.keys(CaseFactors.fields) as Array<keyof typeof CaseFactors.fields>))
const Tier = Schema.Struct({
  min: Schema.Number.pipe(Schema.int(), Schema.between(1, 12)),
  max: Schema.Number.pipe(Schema.int(), Schema.between(1, 12))
}).pipe(Schema.filter((t) => (t.min <= t.max ? undefined : { path: ["max"], message: "must not be below min" })))

const factorLists = (f: {
  readonly statutoryMitigation: ReadonlyArray<string>
  readonly mitigation: ReadonlyArray<string>
  readonly aggravation: ReadonlyArray<string>
}): ReadonlyArray<Problem> => {
  const problems: Array<Problem> = []
  const seen = new Map<string, string>()
  for (const list of ["statutoryMitigation", "mitigation", "aggravation"] as const) {
    for (const [i, factor] of f[list].entries()) {
      if (factor === "noFault" || factor === "minorAndCorrected")
        problems.push({
          path: [list, i],
          message: `${factor} is a 不予处罚 ground (行政处罚法 Art.33), not a grade factor`
        })
      else if (seen.has(factor))
        problems.push({ path: [list, i], message: `${factor} is already in ${seen.get(factor)}` })
      else seen.set(factor, list)
    }
  }
  return problems
}

/**
 * Every section a benchmark can carry. The national default carries all of them.
 *
 * @category models
 */
export const BenchmarkSections = {
  /** Bands per grade, as fractions of the statutory range (the national default's general rule). */
  bands: Schema.Struct({ 减轻: GradeBand, 从轻: GradeBand, 一般: GradeBand, 从重: GradeBand }),
  /** Article-specific rows (amount brackets, refund splits) that replace the general band where they match. */
  tables: Schema.Array(TableRow),
  /** The factors that move a case between grades; a factor in none of the lists is neutral. */
  factors: Schema.Struct({
    statutoryMitigation: Schema.Array(CaseFactorKey),
    mitigation: Schema.Array(CaseFactorKey),
    aggravation: Schema.Array(CaseFactorKey),
    /** How many 行政处罚法 Art.32 grounds make 减轻 (below the floor) rather than 从轻. */
    reduceBelowFloorFromGrounds: Schema.Number.pipe(Schema.int(), Schema.between(1, 5))
  }).pipe(Schema.filter((f) => factorLists(f))),
  /** 首违可不罚 (行政处罚法 Art.33 ¶1): the most a 危害后果轻微 may amount to (null: the officer's judgment). */
  firstOffence: Schema.Struct({ slightHarmMaxAmount: Schema.NullOr(Amount) }),
  agreementTermination: Schema.Struct({ recommendFrom: Schema.NullOr(BandGradeSchema) }),
  /** 条例 Art.41: whether suspending an insured person's direct settlement needs a fund loss (⚠️ ambiguous). */
  settlementSuspension: Schema.Struct({ requiresLoss: Schema.Boolean, ...Sourced }),
  /** 行政处罚法 Art.36: whether 医保 fraud counts as endangering 金融安全 (five years instead of two ⚠️). */
  limitation: Schema.Struct({ fraudFiveYears: Schema.Boolean, ...Sourced }),
  /** 条例 Art.43: the amount from which a loss is 重大 (null: the officer says so with the item's flag). */
  article43: Schema.Struct({ majorLossAmount: Schema.NullOr(Amount), ...Sourced }),
  criminal: Schema.Struct({
    fraud: Schema.Struct({ classes: Schema.NonEmptyArray(FraudClass), nationalFloor: Schema.Boolean, ...Sourced }).pipe(
      Schema.filter((f) =>
        f.classes.filter((c) => c.regions.length === 0).length === 1
          ? undefined
          : {
              path: ["classes"],
              message: "exactly one class must have no regions (it covers every region the others do not list)"
            }
      )
    ),
    /** 掩饰、隐瞒犯罪所得罪 for knowingly buying drugs obtained by 医保骗保 (2022 两高 药品安全 interpretation). */
    concealment: Schema.Struct({ threshold: Amount, ...Sourced })
  }),
  /** 行政处罚法 Art.63 较大数额 (citizens; legal persons and other organisations). */
  hearing: Schema.Struct({ citizen: Amount, organisation: Amount, ...Sourced }),
  /** 行政处罚法 Art.58: amounts (refund + fine) from which the decision needs 法制审核. */
  legalReview: Schema.Struct({ citizen: Amount, organisation: Amount, onTermination: Schema.Boolean, ...Sourced }),
  /**
   * The time limit for handing findings to the health commission: a province's joint-mechanism document (宁夏:
   * seed 004, 7 working days); null where none applies (no national limit: 及时移送).
   */
  healthCommission: Schema.Struct({
    workingDays: Schema.NullOr(Schema.Number.pipe(Schema.int(), Schema.positive())),
    ...Sourced
  }),
  /**
   * Recommendations calibrated on published decisions (`Precedents.ts`): on, and how many comparable decisions
   * are needed before they set the recommended multiple (fewer: the band's own point).
   */
  precedents: Schema.Struct({
    enabled: Schema.Boolean,
    minimumComparable: Schema.Number.pipe(Schema.int(), Schema.between(1, 50)),
    ...Sourced
  }),
  /** 医保支付资格 记分 (医保发〔2024〕23号): points per event for the responsible doctors and pharmacists. */
  pointScoring: Schema.NullOr(
    Schema.Struct({
      effectiveFrom: IsoDate,
      agreementPenalty: Tier,
      article38or39: Tier,
      repeat: Tier,
      article40: Tier,
      ...Sourced
    })
  ),
  /** Agreement actions recommended per grade for agreement-track items (the agreement's own text governs). */
  agreementActions: Schema.Struct({
    减轻: Schema.Array(AgreementAction),
    从轻: Schema.Array(AgreementAction),
    一般: Schema.Array(AgreementAction),
    从重: Schema.Array(AgreementAction)
  })
}

/** @category models */
export type SectionName = keyof typeof BenchmarkSections
/** @category models */
export const sectionNames = Object.keys(BenchmarkSections) as ReadonlyArray<SectionName>

/**
 * The sections' names in Chinese, for explanations.
 *
 * @category formatting
 */
export const sectionLabel: Readonly<Record<SectionName, string>> = {
  bands: "分档幅度",
  tables: "分条款裁量表",
  factors: "裁量情节",
  firstOffence: "首违不罚",
  agreementTermination: "解除服务协议",
  settlementSuspension: "暂停联网结算",
  limitation: "追责时效",
  article43: "重大损失标准",
  criminal: "涉嫌犯罪数额标准",
  hearing: "听证标准",
  legalReview: "法制审核标准",
  healthCommission: "向卫生健康部门移交时限",
  precedents: "类案校准",
  pointScoring: "医保支付资格记分",
  agreementActions: "协议处理"
}
