/**
 * Inspections (监督检查): the inspector register (执法检查人员名录库) with its conflicts of interest
 * (回避), plans, stored 双随机一公开 draws that anyone can run again from their recorded inputs, and
 * the on-site record (现场检查笔录) an inspection is finished with. Pure rules here; where they are
 * kept is the `InspectionRepository` tag at the end.
 *
 * @since 0.4.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import { OrgKind } from "../kernel/Institution.js"
import { DateText, type IsoDate } from "../kernel/IsoDate.js"
import { YuanToFen } from "../kernel/Money.js"
import type { InputProblem } from "../kernel/Problems.js"
import { ViolationCode } from "../penalty/Violation.js"
import { areasOf, type InstitutionFacts, type Organisation } from "../responsibilities/Organisation.js"
import type { ChecklistItem } from "./Checklists.js"
import { drawAlgorithm, drawInspections, DrawRefused, drawStratified, drawWeighted, type Inspector } from "./Draw.js"

// ---------------------------------------------------------------------------------------------
// Kinds and states

/**
 * The kinds of inspection plan: 日常, 专项治理, 四不两直, 飞行检查, 联合检查 (with 卫健, seed 004),
 * 交叉互查/以上查下.
 *
 * @category models
 */
export const InspectionKind = Schema.Literal("routine", "special", "unannounced", "flight", "joint", "cross_check")
/** @category models */
export type InspectionKind = typeof InspectionKind.Type

/** @category formatting */
export const inspectionKindLabel: Readonly<Record<InspectionKind, string>> = {
  routine: "日常检查",
  special: "专项治理检查",
  unannounced: "“四不两直”检查",
  flight: "飞行检查",
  joint: "联合检查（卫生健康部门）",
  cross_check: "交叉互查（以上查下）"
}

/** An inspection's state: planned → in_progress → finished. @category models */
export const InspectionStatus = Schema.Literal("planned", "in_progress", "finished")
/** @category models */
export type InspectionStatus = typeof InspectionStatus.Type

/** @category formatting */
export const inspectionStatusLabel: Readonly<Record<InspectionStatus, string>> = {
  planned: "待检查",
  in_progress: "检查中",
  finished: "已完成"
}

/** The result of one checklist item. @category models */
export const ItemResult = Schema.Literal("conform", "nonconform", "not_applicable")
/** @category models */
export type ItemResult = typeof ItemResult.Type

/** @category formatting */
export const itemResultLabel: Readonly<Record<ItemResult, string>> = {
  conform: "符合",
  nonconform: "不符合",
  not_applicable: "不适用"
}

// ---------------------------------------------------------------------------------------------
// The inspector register

const Text = (max: number) => Schema.String.pipe(Schema.minLength(1), Schema.maxLength(max))
const Code = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/))

/**
 * An entry of the inspector register as the bureau records it: staff code, name, unit (an
 * organisation unit id), 执法证号, whether they are drawn, and the institutions they declared a
 * conflict on (kin, former employer). Their own area is added by `effectiveConflicts`.
 *
 * @category models
 */
export const InspectorEntry = Schema.Struct({
  staffCode: Code,
  name: Text(50),
  unitId: Code,
  badge: Text(40),
  active: Schema.Boolean,
  conflicts: Schema.Array(Schema.String.pipe(Schema.pattern(/^[A-Z][A-Z0-9]{1,29}$/))).pipe(Schema.maxItems(200))
})
/** @category models */
export type InspectorEntry = typeof InspectorEntry.Type

/**
 * The institutions of an inspector's own area (本人所在区域): those placed in the areas their unit
 * answers for (a section's assigned streets, else its jurisdictions' areas; the county-wide
 * jurisdiction is no area), and the unit's own institution (a 卫生院's staff do not inspect it).
 *
 * @see 《中华人民共和国行政处罚法》第四十三条 (执法人员与案件有直接利害关系或者有其他关系可能影响公正执法的，应当回避)
 * @category rules
 */
export const ownAreaInstitutions = (
  org: Organisation,
  unitId: string,
  institutions: ReadonlyArray<Pick<InstitutionFacts, "code">>
): ReadonlyArray<string> => {
  const areas = new Set(areasOf(org, unitId).map((a) => a.code as string))
  const placed = new Set(org.placements.filter((p) => areas.has(p.areaCode)).map((p) => p.institutionCode as string))
  const own = org.units.find((u) => u.id === unitId)?.institutionCode ?? null
  return institutions
    .map((i) => i.code)
    .filter((code) => placed.has(code) || code === own)
    .sort()
}

/**
 * The inspector as a draw sees them: declared conflicts and their own area, without repeats, in
 * code order.
 *
 * @category rules
 */
export const effectiveConflicts = (
  entry: InspectorEntry,
  org: Organisation,
  institutions: ReadonlyArray<Pick<InstitutionFacts, "code">>
): Inspector => ({
  staffCode: entry.staffCode,
  name: entry.name,
  unit: entry.unitId,
  conflicts: [...new Set([...entry.conflicts, ...ownAreaInstitutions(org, entry.unitId, institutions)])].sort()
})

// ---------------------------------------------------------------------------------------------
// Plans and draws

/**
 * A plan: kind, title, the campaign or duty it serves (the duty's task is completed by the
 * inspections it gives), and its period.
 *
 * @category models
 */
export const PlanInput = Schema.Struct({
  kind: InspectionKind,
  title: Text(200),
  reference: Schema.optionalWith(Schema.String.pipe(Schema.maxLength(200)), { exact: true }),
  dutyCode: Schema.optionalWith(Schema.String.pipe(Schema.pattern(/^[A-Z][A-Z0-9-]{1,39}$/)), { exact: true }),
  periodFrom: DateText,
  periodTo: DateText
})
/** @category models */
export type PlanInput = typeof PlanInput.Type

/**
 * A stratum as a draw request states it: which institutions (kinds, and levels for hospitals) and
 * how many to draw — a share (不低于 50 % → 0.5, rounded up) or a count.
 *
 * @category models
 */
export const StratumSpec = Schema.Struct({
  name: Text(50),
  orgKinds: Schema.Array(OrgKind).pipe(Schema.minItems(1)),
  hospitalLevels: Schema.optionalWith(Schema.Array(Schema.Literal("1", "2", "3", "9")), { exact: true }),
  share: Schema.optionalWith(Schema.Number.pipe(Schema.between(0, 1)), { exact: true }),
  count: Schema.optionalWith(Schema.Int.pipe(Schema.between(0, 10_000)), { exact: true })
})
/** @category models */
export type StratumSpec = typeof StratumSpec.Type

/**
 * A draw as asked: random (stratified) or risk-weighted (重点抽查: weight 1 + the institution's
 * confirmed suspicions), the seed, institutions inspected within `excludeDays` left out, the
 * inspectors (all active ones when not given), and the day the inspections are planned for.
 *
 * @category models
 */
export const DrawSpec = Schema.Struct({
  method: Schema.Literal("random", "weighted"),
  seed: Text(200),
  strata: Schema.optionalWith(Schema.Array(StratumSpec).pipe(Schema.maxItems(20)), { exact: true }),
  count: Schema.optionalWith(Schema.Int.pipe(Schema.between(1, 10_000)), { exact: true }),
  excludeDays: Schema.Int.pipe(Schema.between(0, 3650)),
  inspectors: Schema.optionalWith(Schema.Array(Code).pipe(Schema.maxItems(500)), { exact: true }),
  plannedOn: DateText
})
/** @category models */
export type DrawSpec = typeof DrawSpec.Type

/**
 * What a draw was run on, exactly, as recorded and published: the inputs of `fundguard-draw/1`
 * after the register, the exclusions and the conflicts were applied. `runDraw(inputs)` gives the
 * recorded result again.
 *
 * @category models
 */
export interface DrawInputs {
  readonly algorithm: typeof drawAlgorithm
  readonly method: "random" | "weighted"
  readonly seed: string
  /** Random draws: each stratum's institutions (before exclusion) and its share or count. */
  readonly strata: ReadonlyArray<{
    readonly name: string
    readonly targets: ReadonlyArray<string>
    readonly share?: number
    readonly count?: number
  }>
  /** Weighted draws: how many, and each institution with its weight. */
  readonly weighted: {
    readonly count: number
    readonly targets: ReadonlyArray<{ readonly code: string; readonly weight: number }>
  } | null
  /** Institutions inspected recently, left out. */
  readonly exclude: ReadonlyArray<string>
  readonly inspectors: ReadonlyArray<Inspector>
}

/**
 * A draw's result: the targets in draw order, each with its team of two (staff codes), and for a
 * random draw the strata as drawn; `statement` says how it was drawn (重点抽查 is not equal-chance).
 *
 * @category models
 */
export interface DrawResult {
  readonly seed: string
  readonly algorithm: typeof drawAlgorithm
  readonly method: "random" | "weighted"
  readonly statement: string
  readonly strata: ReadonlyArray<{
    readonly name: string
    readonly eligible: number
    readonly targets: ReadonlyArray<string>
  }>
  readonly targets: ReadonlyArray<string>
  readonly teams: ReadonlyArray<readonly [string, string]>
}

const randomStatement = "双随机：分层等概率随机抽取检查对象，再为每个对象随机抽取两名无回避情形的检查人员"

/**
 * Runs a draw on its recorded inputs: the strata (or the weights) give the targets, then
 * `drawInspections` orders them and gives each a team of two without a conflict on it. The same
 * inputs give the same result, byte for byte (`drawResultText`).
 *
 * @category rules
 */
export const runDraw = (inputs: DrawInputs): Either.Either<DrawResult, DrawRefused> => {
  const exclude = new Set(inputs.exclude)
  let targets: ReadonlyArray<string>
  let strata: DrawResult["strata"] = []
  let statement = randomStatement
  if (inputs.method === "weighted") {
    if (inputs.weighted === null)
      return Either.left(new DrawRefused({ problems: [{ path: "count", message: "重点抽查须给出抽取数量" }] }))
    const weighted = drawWeighted({
      seed: inputs.seed,
      count: inputs.weighted.count,
      targets: inputs.weighted.targets.filter((t) => !exclude.has(t.code))
    })
    if (Either.isLeft(weighted)) return Either.left(weighted.left)
    targets = weighted.right.targets
    statement = `${weighted.right.method}；检查人员随机抽取`
  } else {
    const stratified = drawStratified({ seed: inputs.seed, strata: inputs.strata, exclude: inputs.exclude })
    if (Either.isLeft(stratified)) return Either.left(stratified.left)
    strata = stratified.right.strata
    targets = [...new Set(strata.flatMap((s) => s.targets))]
  }
  if (targets.length === 0)
    return Either.left(
      new DrawRefused({ problems: [{ path: "strata", message: "按所给分层和排除条件没有可抽取的机构" }] })
    )
  const teams = drawInspections({
    seed: inputs.seed,
    count: targets.length,
    targets,
    inspectors: inputs.inspectors
  })
  if (Either.isLeft(teams)) return Either.left(teams.left)
  return Either.right({
    seed: inputs.seed,
    algorithm: drawAlgorithm,
    method: inputs.method,
    statement,
    strata,
    targets: teams.right.targets,
    teams: teams.right.teams
  })
}

/**
 * A draw's result as the text it is stored and compared as: JSON with its keys in the order above.
 *
 * @category formatting
 */
export const drawResultText = (result: DrawResult): string =>
  JSON.stringify({
    seed: result.seed,
    algorithm: result.algorithm,
    method: result.method,
    statement: result.statement,
    strata: result.strata.map((s) => ({ name: s.name, eligible: s.eligible, targets: [...s.targets] })),
    targets: [...result.targets],
    teams: result.teams.map((t) => [t[0], t[1]])
  })

/**
 * Re-draw verification: runs the algorithm again on the recorded inputs and compares its result
 * with the recorded one, byte for byte.
 *
 * @category rules
 */
export const verifyDraw = (
  inputs: DrawInputs,
  recorded: string
): { readonly same: boolean; readonly recomputed: string | null; readonly problem: string | null } => {
  const again = runDraw(inputs)
  if (Either.isLeft(again)) return { same: false, recomputed: null, problem: again.left.message }
  const text = drawResultText(again.right)
  return { same: text === recorded, recomputed: text, problem: null }
}

/**
 * The inputs of a draw from its request and what the register holds: strata resolved to
 * institution codes, weights from confirmed suspicions, the recently inspected left out, the
 * inspectors asked for (all active by default) with their effective conflicts. Problems name the
 * request's fields.
 *
 * @category rules
 */
export const drawInputs = (
  spec: DrawSpec,
  context: {
    readonly institutions: ReadonlyArray<Pick<InstitutionFacts, "code" | "orgKind" | "hospitalLevel">>
    readonly confirmedSuspicions: ReadonlyMap<string, number>
    readonly recentlyInspected: ReadonlyArray<string>
    readonly inspectors: ReadonlyArray<InspectorEntry>
    readonly organisation: Organisation
  }
): Either.Either<DrawInputs, DrawRefused> => {
  const problems: Array<InputProblem> = []
  const known = new Map(context.inspectors.map((i) => [i.staffCode as string, i]))
  const chosen =
    spec.inspectors === undefined
      ? context.inspectors.filter((i) => i.active)
      : spec.inspectors.flatMap((code, i) => {
          const entry = known.get(code)
          if (entry === undefined)
            problems.push({ path: `$.inspectors[${i}]`, message: `检查人员 ${code} 不在名录库中` })
          else if (!entry.active) problems.push({ path: `$.inspectors[${i}]`, message: `检查人员 ${code} 已停用` })
          return entry === undefined || !entry.active ? [] : [entry]
        })
  if (chosen.length < 2) problems.push({ path: "$.inspectors", message: "可抽取的检查人员不足 2 人" })
  if (spec.method === "random" && (spec.strata === undefined || spec.strata.length === 0))
    problems.push({ path: "$.strata", message: "随机抽取须给出至少一个分层（机构类别及比例或数量）" })
  if (spec.method === "weighted" && spec.count === undefined)
    problems.push({ path: "$.count", message: "重点抽查须给出抽取数量" })
  ;(spec.strata ?? []).forEach((s, i) => {
    if ((s.share === undefined) === (s.count === undefined))
      problems.push({ path: `$.strata[${i}]`, message: `分层 ${s.name}：比例和数量须给出其中一项` })
  })
  if (problems.length > 0) return Either.left(new DrawRefused({ problems }))
  const codes = context.institutions.map((i) => i.code).sort()
  const inspectors = chosen.map((entry) => effectiveConflicts(entry, context.organisation, context.institutions))
  const exclude = [...new Set(context.recentlyInspected)].filter((c) => codes.includes(c)).sort()
  return Either.right({
    algorithm: drawAlgorithm,
    method: spec.method,
    seed: spec.seed,
    strata:
      spec.method === "random"
        ? (spec.strata ?? []).map((s) => ({
            name: s.name,
            targets: context.institutions
              .filter(
                (i) =>
                  s.orgKinds.includes(i.orgKind) &&
                  (s.hospitalLevels === undefined ||
                    s.hospitalLevels.length === 0 ||
                    (i.hospitalLevel !== null && (s.hospitalLevels as ReadonlyArray<string>).includes(i.hospitalLevel)))
              )
              .map((i) => i.code)
              .sort(),
            ...(s.share === undefined ? {} : { share: s.share }),
            ...(s.count === undefined ? {} : { count: s.count })
          }))
        : [],
    weighted:
      spec.method === "weighted"
        ? {
            count: spec.count ?? 1,
            targets: codes.map((code) => ({ code, weight: 1 + (context.confirmedSuspicions.get(code) ?? 0) }))
          }
        : null,
    exclude,
    inspectors
  })
}

// ---------------------------------------------------------------------------------------------
// The on-site record

const Time = Schema.String.pipe(Schema.pattern(/^([01]\d|2[0-3]):[0-5]\d$/))

/**
 * What the inspectors record on site. Bounds here; the rules that need the inspection (every
 * checklist item answered, how many persons to sample) are `checkRecord`'s.
 *
 * @category models
 */
export const OnsiteRecordInput = Schema.Struct({
  startTime: Time,
  endTime: Time,
  place: Text(200),
  recorder: Text(50),
  presentPerson: Schema.Struct({
    name: Text(50),
    position: Text(50),
    phone: Schema.optionalWith(Schema.String.pipe(Schema.maxLength(30)), { exact: true })
  }),
  officers: Schema.Array(Schema.Struct({ name: Text(50), badge: Text(40) })).pipe(Schema.maxItems(20)),
  items: Schema.Array(
    Schema.Struct({
      code: Schema.String.pipe(Schema.maxLength(40)),
      result: ItemResult,
      note: Schema.optionalWith(Schema.String.pipe(Schema.maxLength(500)), { exact: true })
    })
  ).pipe(Schema.maxItems(200)),
  sampledPersons: Schema.Array(
    Schema.Struct({ psnNo: Schema.String.pipe(Schema.pattern(/^[0-9A-Za-z]{6,30}$/)), name: Text(50) })
  ).pipe(Schema.maxItems(500)),
  findings: Schema.Array(
    Schema.Struct({
      violation: ViolationCode,
      description: Text(1000),
      amount: YuanToFen
    })
  ).pipe(Schema.maxItems(100))
})
/** @category models */
export type OnsiteRecordInput = typeof OnsiteRecordInput.Type

/**
 * The fewest officers on an inspection.
 *
 * @see 《中华人民共和国行政处罚法》第四十二条 (执法人员不得少于两人)；《医疗保障基金使用监督管理条例》第二十八条
 * @category statute
 */
export const minimumOfficers = 2

/**
 * The fewest insured persons sampled when the plan's duty does not say: a bureau parameter, 0 by
 * default (seed 000 二（三）'s 10 applies through its duty's `personsSampled` field).
 *
 * @category statute
 */
export const defaultMinimumSampled = 0

/**
 * Checks an on-site record against its inspection: at least two officers (always — even a draft);
 * to finish, every checklist item answered (and only those), the sampled persons at least the
 * minimum, with no one twice. Problems name the fields.
 *
 * @category rules
 */
export const checkRecord = (
  record: OnsiteRecordInput,
  context: {
    readonly checklist: ReadonlyArray<Pick<ChecklistItem, "code" | "text">>
    readonly minimumSampled: number
    readonly minimumSource: string
    readonly finishing: boolean
  }
): ReadonlyArray<InputProblem> => {
  const problems: Array<InputProblem> = []
  if (record.officers.length < minimumOfficers)
    problems.push({
      path: "$.officers",
      message: `现场检查的执法人员不得少于 ${minimumOfficers} 人（《行政处罚法》第四十二条），现有 ${record.officers.length} 人`
    })
  const badges = new Set<string>()
  record.officers.forEach((o, i) => {
    if (badges.has(o.badge)) problems.push({ path: `$.officers[${i}].badge`, message: `执法证号 ${o.badge} 重复` })
    badges.add(o.badge)
  })
  const codes = new Set(context.checklist.map((c) => c.code))
  record.items.forEach((item, i) => {
    if (!codes.has(item.code))
      problems.push({ path: `$.items[${i}].code`, message: `检查项 ${item.code} 不在本次检查清单中` })
    if (item.result === "nonconform" && (item.note ?? "").trim() === "")
      problems.push({ path: `$.items[${i}].note`, message: "结果为“不符合”时须写明情况" })
  })
  const persons = new Set<string>()
  record.sampledPersons.forEach((p, i) => {
    if (persons.has(p.psnNo)) problems.push({ path: `$.sampledPersons[${i}].psnNo`, message: `人员编号重复` })
    persons.add(p.psnNo)
  })
  if (context.finishing) {
    const answered = new Set(record.items.map((i) => i.code))
    context.checklist.forEach((c) => {
      if (!answered.has(c.code)) problems.push({ path: `$.items`, message: `检查项“${c.text}”（${c.code}）未填写结果` })
    })
    if (record.sampledPersons.length < context.minimumSampled)
      problems.push({
        path: "$.sampledPersons",
        message: `抽查参保人员不得少于 ${context.minimumSampled} 人（${context.minimumSource}），现有 ${record.sampledPersons.length} 人`
      })
    if (record.endTime < record.startTime) problems.push({ path: "$.endTime", message: "结束时间不能早于开始时间" })
  }
  return problems
}

/**
 * The on-site record is refused as given; `problems` names each field.
 *
 * @category errors
 */
export class InvalidOnsiteRecord extends Schema.TaggedError<InvalidOnsiteRecord>()("InvalidOnsiteRecord", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => p.message).join("；")
  }
}

/**
 * No inspection (or plan, draw) with this id — or outside the caller's scope, told the same way.
 *
 * @category errors
 */
export class InspectionNotFound extends Schema.TaggedError<InspectionNotFound>()("InspectionNotFound", {
  what: Schema.Literal("inspection", "plan", "draw", "inspector"),
  id: Schema.String
}) {
  override get message(): string {
    const label = { inspection: "检查", plan: "检查计划", draw: "抽取结果", inspector: "检查人员" }[this.what]
    return `${label} ${this.id} 不存在`
  }
}

/**
 * The inspection, plan or draw is not in a state that allows this (a finished inspection changed,
 * a draw published twice).
 *
 * @category errors
 */
export class InspectionStateRefused extends Schema.TaggedError<InspectionStateRefused>()("InspectionStateRefused", {
  reason: Schema.String
}) {
  override get message(): string {
    return this.reason
  }
}

/**
 * A plan or an inspector entry is refused as given; `problems` names each field.
 *
 * @category errors
 */
export class InvalidInspectionInput extends Schema.TaggedError<InvalidInspectionInput>()("InvalidInspectionInput", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => p.message).join("；")
  }
}

// ---------------------------------------------------------------------------------------------
// Storage

/** A plan as stored. @category models */
export interface StoredPlan extends PlanInput {
  readonly id: string
}

/** A draw as stored: its inputs and result as the recorded texts. @category models */
export interface StoredDraw {
  readonly id: string
  readonly planId: string
  readonly inputs: string
  readonly result: string
  readonly publishedAt: Date | null
}

/** An inspection as stored. @category models */
export interface StoredInspection {
  readonly id: string
  readonly plan: StoredPlan
  readonly drawId: string | null
  readonly institution: { readonly code: string; readonly name: string; readonly orgKind: string }
  readonly team: ReadonlyArray<{
    readonly staffCode: string
    readonly name: string
    readonly unitId: string
    readonly badge: string
  }>
  readonly plannedOn: string
  readonly status: InspectionStatus
  readonly checklist: { readonly code: string; readonly version: number; readonly items: ReadonlyArray<ChecklistItem> }
  readonly record: OnsiteRecordInput | null
  readonly files: ReadonlyArray<{
    readonly id: string
    readonly kind: string
    readonly fileName: string
    readonly sha256: string
  }>
  readonly finishedOn: string | null
  /** Whether the draw that gave it has been published (公开). */
  readonly published: boolean
}

/**
 * What a draw needs from storage: the plan, the register of institutions with their confirmed
 * suspicions, the institutions inspected since a day, the inspector register and the organisation.
 *
 * @category models
 */
export interface DrawContext {
  readonly plan: StoredPlan
  readonly institutions: ReadonlyArray<InstitutionFacts>
  readonly confirmedSuspicions: ReadonlyMap<string, number>
  readonly recentlyInspected: ReadonlyArray<string>
  readonly inspectors: ReadonlyArray<InspectorEntry>
  readonly organisation: Organisation
  /** Whether the plan was drawn already: a plan is drawn once (双随机 — no drawing again until it suits). */
  readonly drawn: boolean
}

/**
 * Where inspections are kept. Every write stores its audit entry in the same transaction.
 *
 * @category services
 */
export class InspectionRepository extends Context.Tag("@fundguard/domain/InspectionRepository")<
  InspectionRepository,
  {
    readonly saveInspector: (entry: InspectorEntry, actor: Actor) => Effect.Effect<{ readonly created: boolean }>
    readonly createPlan: (plan: StoredPlan, actor: Actor) => Effect.Effect<void, InvalidInspectionInput>
    readonly drawContext: (planId: string, inspectedSince: IsoDate) => Effect.Effect<DrawContext, InspectionNotFound>
    readonly saveDraw: (request: {
      readonly id: string
      readonly plan: StoredPlan
      readonly inputs: DrawInputs
      readonly result: DrawResult
      readonly plannedOn: string
      readonly checklists: ReadonlyMap<
        string,
        { readonly code: string; readonly version: number; readonly items: ReadonlyArray<ChecklistItem> }
      >
      readonly inspectionIds: ReadonlyArray<string>
      readonly actor: Actor
    }) => Effect.Effect<void>
    readonly loadDraw: (id: string) => Effect.Effect<StoredDraw, InspectionNotFound>
    readonly publishDraw: (
      id: string,
      actor: Actor
    ) => Effect.Effect<{ readonly publishedAt: Date }, InspectionNotFound | InspectionStateRefused>
    readonly recordVerification: (id: string, same: boolean, actor: Actor) => Effect.Effect<void>
    readonly loadInspection: (id: string) => Effect.Effect<StoredInspection, InspectionNotFound>
    readonly saveRecord: (request: {
      readonly inspection: StoredInspection
      readonly record: OnsiteRecordInput
      readonly finishedOn: string | null
      readonly actor: Actor
    }) => Effect.Effect<void, InspectionStateRefused>
    readonly addFile: (request: {
      readonly inspectionId: string
      readonly kind: "photo" | "document"
      readonly fileName: string
      readonly mediaType: string
      readonly size: number
      readonly sha256: string
      readonly actor: Actor
    }) => Effect.Effect<{ readonly id: string }>
    /** The open task of a duty for one of the units, on the institution (or the unit), due in a period containing `on`. */
    readonly openDutyTask: (request: {
      readonly dutyCode: string
      readonly unitIds: ReadonlyArray<string>
      readonly institutionCode: string
      readonly on: string
    }) => Effect.Effect<{ readonly taskId: string; readonly unitId: string } | null>
    /** The minimum of insured persons to sample, as the duty's `personsSampled` field says (null: it does not). */
    readonly dutyMinimumSampled: (dutyCode: string, on: string) => Effect.Effect<number | null>
  }
>() {}
