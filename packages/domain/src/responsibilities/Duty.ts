/**
 * Duties (职责) as data: who must do what, to whom, how often, by when, and with what evidence — each
 * citing the document it comes from. A bureau adds or edits duties without code: every edit is a new
 * version with the date it takes effect (the `LegalParameters` pattern), so past tasks keep the rule
 * they were generated under.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { AdminDivision, divisionCovers, HospitalLevel, OrgKind } from "../kernel/Institution.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { UnitId, UnitKind } from "./Organisation.js"
import { PeriodUnit } from "../kernel/Period.js"
import { problemsOf, type InputProblem } from "../kernel/Problems.js"

/**
 * A duty's code: `FJ-CLINIC-Q-CHECK`.
 *
 * @category models
 */
export const DutyCode = Schema.String.pipe(
  Schema.pattern(/^[A-Z][A-Z0-9-]{2,59}$/),
  Schema.annotations({ identifier: "DutyCode", description: "upper-case letters, digits and -" })
)

/**
 * What kind of work a duty is. `inspection` tasks are the "checks done" of the ranking.
 *
 * @category models
 */
export const DutyCategory = Schema.Literal(
  "inspection",
  "review",
  "report",
  "training",
  "self_inspection",
  "joint_inspection"
).annotations({ identifier: "DutyCategory" })
/** @category models */
export type DutyCategory = typeof DutyCategory.Type

/** @category formatting */
export const dutyCategoryLabel: Readonly<Record<DutyCategory, string>> = {
  inspection: "现场检查",
  review: "审核核实",
  report: "报送",
  training: "培训",
  self_inspection: "自查自纠",
  joint_inspection: "联合检查"
}

/**
 * The document a duty comes from.
 *
 * @category models
 */
export const DutySource = Schema.Struct({
  /** The seed document (`000`…`004`), or null for a bureau's own rule. */
  seed: Schema.NullOr(Schema.String.pipe(Schema.maxLength(20))),
  document: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(300)),
  clause: Schema.String.pipe(Schema.maxLength(100)),
  /** The words of the document the duty rests on. */
  text: Schema.String.pipe(Schema.maxLength(5000)),
  /**
   * The area the document binds (GB/T 2260: `640000` a province, `440300` a city, `500235` a county), or null
   * for a national document or the bureau's own rule. A bureau elsewhere does not take on the duty.
   */
  region: Schema.optionalWith(Schema.NullOr(AdminDivision), { default: () => null })
}).annotations({ identifier: "DutySource" })

/**
 * Which units carry the duty: every active unit of a kind, or only the named ones.
 *
 * @category models
 */
export const Responsible = Schema.Struct({
  unitKind: UnitKind,
  /** Empty: every unit of `unitKind`. */
  unitIds: Schema.Array(UnitId).pipe(Schema.maxItems(500))
}).annotations({ identifier: "Responsible" })

/**
 * What a duty is done to: institutions the unit oversees (filtered by kind, level, beds), the areas the
 * unit answers for, or nothing (the unit's own work: a report, a training).
 *
 * @category models
 */
export const DutyObject = Schema.Union(
  Schema.Struct({
    kind: Schema.Literal("institutions"),
    orgKinds: Schema.Array(OrgKind).pipe(Schema.minItems(1), Schema.maxItems(OrgKind.literals.length)),
    /** Empty: any level. `2` = 二级 (seed 003's 二级医疗机构). */
    hospitalLevels: Schema.Array(HospitalLevel).pipe(Schema.maxItems(20)),
    /** Only institutions with approved beds (seed 003: 有床位的医疗机构). */
    withBeds: Schema.Boolean
  }),
  Schema.Struct({ kind: Schema.Literal("areas") }),
  Schema.Struct({ kind: Schema.Literal("none") })
).annotations({ identifier: "DutyObject" })
/** @category models */
export type DutyObject = typeof DutyObject.Type

/**
 * How often: every month/quarter/half-year/year, or once in a fixed window (a campaign phase).
 *
 * @category models
 */
export const Frequency = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("every"), unit: PeriodUnit }),
  Schema.Struct({ kind: Schema.Literal("window"), from: IsoDate, to: IsoDate })
).annotations({ identifier: "Frequency" })
/** @category models */
export type Frequency = typeof Frequency.Type

/**
 * By when, counted from the period: its last day; day N of the following month (seed 000 §二(六):
 * 每月5日前; seed 004: 每年1月15日前 for a yearly period); or N working days after the period. A
 * deadline on a rest day moves to the next working day (民法典 Art.203).
 *
 * @category models
 */
export const DeadlineRule = Schema.Union(
  Schema.Struct({ kind: Schema.Literal("period_end") }),
  Schema.Struct({
    kind: Schema.Literal("day_of_following_month"),
    day: Schema.Int.pipe(Schema.between(1, 31))
  }),
  Schema.Struct({
    kind: Schema.Literal("working_days_after_period_end"),
    days: Schema.Int.pipe(Schema.between(0, 60))
  })
).annotations({ identifier: "DeadlineRule" })
/** @category models */
export type DeadlineRule = typeof DeadlineRule.Type

/**
 * One piece of evidence a completion must or may carry, besides the record text every completion has
 * (seed 000 §二(三): 如实记录现场检查情况).
 *
 * @category models
 */
export const EvidenceField = Schema.Struct({
  key: Schema.String.pipe(Schema.pattern(/^[a-z][A-Za-z0-9]{0,39}$/)),
  label: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)),
  /** count: a whole number (≥ min); flag: a confirmation; files: uploaded files (≥ min); institutions: codes checked. */
  type: Schema.Literal("count", "flag", "files", "institutions", "text"),
  required: Schema.Boolean,
  min: Schema.NullOr(Schema.Int.pipe(Schema.between(0, 1_000_000)))
}).annotations({ identifier: "EvidenceField" })
/** @category models */
export type EvidenceField = typeof EvidenceField.Type

/**
 * Evidence keys the ranking reads (seed 000 §五(二): 检查、督查及整改情况).
 *
 * @category models
 */
export const evidenceKeys = {
  personsSampled: "personsSampled",
  problemsFound: "problemsFound",
  rectificationsVerified: "rectificationsVerified"
} as const

/**
 * The campaign and phase a duty belongs to (seed 001's 专项治理 phases).
 *
 * @category models
 */
export const CampaignRef = Schema.Struct({
  code: Schema.String.pipe(Schema.pattern(/^[A-Z0-9][A-Z0-9-]{1,39}$/)),
  name: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  phase: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100))
}).annotations({ identifier: "CampaignRef" })

/**
 * One version of a duty.
 *
 * @category models
 */
export const Duty = Schema.Struct({
  code: DutyCode,
  version: Schema.Int.pipe(Schema.between(1, 1_000_000)),
  title: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  description: Schema.String.pipe(Schema.maxLength(2000)),
  category: DutyCategory,
  source: DutySource,
  effectiveFrom: IsoDate,
  /** Last day in force, or null while in force. */
  effectiveTo: Schema.NullOr(IsoDate),
  responsible: Responsible,
  object: DutyObject,
  /** each_object: one task per object per period; unit: one task per unit per period. */
  scope: Schema.Literal("each_object", "unit"),
  frequency: Frequency,
  /** Completions a task needs (≥ 2 trainings a year; ≥ 4 unannounced checks a year). */
  requiredCount: Schema.Int.pipe(Schema.between(1, 366)),
  /** Share of the objects whose task must be done (001: village clinics 0.5; 003: 二级 0.5). */
  coverageTarget: Schema.Number.pipe(Schema.greaterThan(0), Schema.lessThanOrEqualTo(1)),
  deadline: DeadlineRule,
  evidence: Schema.Array(EvidenceField).pipe(Schema.maxItems(30)),
  campaign: Schema.NullOr(CampaignRef)
}).annotations({ identifier: "Duty" })
/** @category models */
export type Duty = typeof Duty.Type
/** The JSON a client sends. @category models */
export type DutyJson = typeof Duty.Encoded

/**
 * Whether a duty binds a bureau of `division`: its document's area covers the division, or the duty is national
 * or the bureau's own (no area).
 *
 * @category rules
 */
export const dutyAppliesIn = (
  duty: { readonly source: { readonly region?: string | null | undefined } },
  division: string
): boolean =>
  duty.source.region === undefined || duty.source.region === null || divisionCovers(duty.source.region, division)

/**
 * A bureau's duties out of a catalogue: those whose document binds its division (a 重庆 county does not take on
 * 宁夏's joint-mechanism duties).
 *
 * @category rules
 */
export const dutiesIn = <D extends { readonly source: { readonly region?: string | null | undefined } }>(
  duties: ReadonlyArray<D>,
  division: string
): ReadonlyArray<D> => duties.filter((d) => dutyAppliesIn(d, division))

/**
 * A duty definition was invalid; `problems` names every field.
 *
 * @category errors
 */
export class InvalidDuty extends Schema.TaggedError<InvalidDuty>()("InvalidDuty", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * Rules across fields that the Schema alone does not express.
 *
 * @category rules
 */
export const dutyConsistencyProblems = (duty: Duty): ReadonlyArray<InputProblem> => {
  const problems: Array<InputProblem> = []
  if (duty.scope === "each_object" && duty.object.kind === "none")
    problems.push({ path: "$.scope", message: "逐个对象（each_object）的职责必须指定对象（机构或片区）" })
  if (duty.scope === "unit" && duty.coverageTarget < 1)
    problems.push({ path: "$.coverageTarget", message: "覆盖率目标只适用于逐个对象（each_object）的职责" })
  if (duty.frequency.kind === "window" && duty.frequency.from > duty.frequency.to)
    problems.push({ path: "$.frequency.to", message: "时间窗口的结束日期早于开始日期" })
  if (duty.effectiveTo !== null && duty.effectiveTo < duty.effectiveFrom)
    problems.push({ path: "$.effectiveTo", message: "失效日期早于生效日期" })
  const keys = duty.evidence.map((f) => f.key)
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i) problems.push({ path: `$.evidence[${i}].key`, message: `佐证字段“${key}”重复` })
    if (key === "record")
      problems.push({ path: `$.evidence[${i}].key`, message: "record 是每次完成都有的记录正文，不能再定义" })
  })
  duty.evidence.forEach((f, i) => {
    if (f.type === "institutions" && duty.object.kind !== "institutions")
      problems.push({ path: `$.evidence[${i}].type`, message: "“检查机构”佐证只适用于以机构为对象的职责" })
  })
  return problems
}

/**
 * Decodes a duty from JSON, collecting every problem (unknown keys included).
 *
 * @category decoding
 */
export const decodeDuty = (input: unknown): Effect.Effect<Duty, InvalidDuty> =>
  Schema.decodeUnknown(Duty, { errors: "all", onExcessProperty: "error" })(input).pipe(
    Effect.mapError((error) => new InvalidDuty({ problems: problemsOf(error) })),
    Effect.flatMap((duty) => {
      const problems = dutyConsistencyProblems(duty)
      return problems.length === 0 ? Effect.succeed(duty) : Effect.fail(new InvalidDuty({ problems }))
    })
  )

/**
 * The version of each duty that governs a period: among the versions in force on some day of
 * `start`…`end`, the one that took effect last.
 *
 * @category rules
 */
export const versionForPeriod = (
  versions: ReadonlyArray<Duty>,
  code: string,
  start: string,
  end: string
): Duty | undefined =>
  versions
    .filter((d) => d.code === code && d.effectiveFrom <= end && (d.effectiveTo === null || d.effectiveTo >= start))
    .reduce<
      Duty | undefined
    >((best, d) => (best === undefined || d.effectiveFrom > best.effectiveFrom || (d.effectiveFrom === best.effectiveFrom && d.version > best.version) ? d : best), undefined)
