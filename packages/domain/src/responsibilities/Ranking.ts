/**
 * The county-wide ranking of seed 000 §五(二): each year the bureau ranks the health centres (and the
 * social-security offices) on their checks, supervision and rectifications; the top 10 health centres
 * are commended county-wide and the heads of the bottom 3 are interviewed (约谈). What counts, and how
 * much, is a versioned `RankingScheme` (data); `defaultRankingScheme` is a sensible start.
 *
 * Ties: units are ordered by score, then by the scheme's tie-breakers in order; units equal on all of
 * them share a rank (1, 2, 2, 4). Outcomes follow the shared rank, so a tie across the top-10 line
 * commends every tied unit; the bottom-3 line likewise interviews every tied unit, except that a unit
 * with the group's best score is never interviewed; a unit is never both commended and interviewed.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { IsoDate } from "../kernel/IsoDate.js"
import { UnitKind } from "./Organisation.js"
import { problemsOf } from "../kernel/Problems.js"

/**
 * What can be measured from the tasks and their evidence.
 *
 * @category models
 */
export const RankingMetric = Schema.Literal(
  "on_time_rate",
  "checks_done_rate",
  "problems_found",
  "rectification_rate",
  "overdue_count"
).annotations({ identifier: "RankingMetric" })
/** @category models */
export type RankingMetric = typeof RankingMetric.Type

/** How each metric is normalised to 0…1 (1 best). @category formatting */
export const rankingMetricLabel: Readonly<Record<RankingMetric, string>> = {
  on_time_rate: "职责按时完成率（按时完成 ÷ 已到期；无到期职责的单位不计此项）",
  checks_done_rate: "检查完成率（已完成检查 ÷ 应完成检查；无应检查对象的单位不计此项）",
  problems_found: "发现问题数（与本组最多者之比）",
  rectification_rate: "整改核实率（整改核实数 ÷ 发现问题数；未发现问题的单位不计此项）",
  overdue_count: "逾期任务数（越少越好：1 − 与本组最多者之比）"
}

/**
 * A ranking scheme version.
 *
 * @category models
 */
export const RankingScheme = Schema.Struct({
  code: Schema.String.pipe(Schema.pattern(/^[A-Z][A-Z0-9-]{1,39}$/)),
  version: Schema.Int.pipe(Schema.between(1, 1_000_000)),
  title: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(200)),
  effectiveFrom: IsoDate,
  effectiveTo: Schema.NullOr(IsoDate),
  source: Schema.Struct({
    document: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(300)),
    clause: Schema.String.pipe(Schema.maxLength(100)),
    text: Schema.String.pipe(Schema.maxLength(5000))
  }),
  groups: Schema.Array(
    Schema.Struct({
      unitKind: UnitKind,
      label: Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100)),
      commendTop: Schema.Int.pipe(Schema.between(0, 1000)),
      interviewBottom: Schema.Int.pipe(Schema.between(0, 1000)),
      note: Schema.String.pipe(Schema.maxLength(2000))
    })
  ).pipe(Schema.minItems(1), Schema.maxItems(20)),
  criteria: Schema.Array(
    Schema.Struct({ metric: RankingMetric, weight: Schema.Number.pipe(Schema.between(0, 100)) })
  ).pipe(Schema.minItems(1), Schema.maxItems(20)),
  tieBreakers: Schema.Array(RankingMetric).pipe(Schema.maxItems(20))
}).annotations({ identifier: "RankingScheme" })
/** @category models */
export type RankingScheme = typeof RankingScheme.Type

/**
 * A ranking scheme was invalid.
 *
 * @category errors
 */
export class InvalidRankingScheme extends Schema.TaggedError<InvalidRankingScheme>()("InvalidRankingScheme", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * Decodes a scheme, collecting every problem; the weights must add up to 100.
 *
 * @category decoding
 */
export const decodeRankingScheme = (input: unknown): Effect.Effect<RankingScheme, InvalidRankingScheme> =>
  Schema.decodeUnknown(RankingScheme, { errors: "all", onExcessProperty: "error" })(input).pipe(
    Effect.mapError((error) => new InvalidRankingScheme({ problems: problemsOf(error) })),
    Effect.filterOrFail(
      (s) => Math.abs(s.criteria.reduce((sum, c) => sum + c.weight, 0) - 100) < 1e-6,
      () => new InvalidRankingScheme({ problems: [{ path: "$.criteria", message: "各项权重之和须为 100" }] })
    ),
    Effect.filterOrFail(
      (s) => new Set(s.criteria.map((c) => c.metric)).size === s.criteria.length,
      () => new InvalidRankingScheme({ problems: [{ path: "$.criteria", message: "同一指标只能出现一次" }] })
    )
  )

/**
 * The default: duties done on time 40, checks done 30, problems found 15, rectifications verified 15.
 *
 * @category data
 */
export const defaultRankingScheme: RankingScheme = Schema.decodeUnknownSync(RankingScheme)({
  code: "FJ-RANKING",
  version: 1,
  title: "乡镇卫生院（社区卫生服务中心）、乡镇（街道）社保所门诊统筹监管工作排名",
  effectiveFrom: "2023-08-09",
  effectiveTo: null,
  source: {
    document: "奉节医保发〔2023〕48号《规范医保门诊统筹费用使用问题整改方案》",
    clause: "五（二）",
    text: "各乡镇（街道）社保所、乡镇卫生院（社区卫生服务中心）每年对辖区内定点医药机构违法违规行为的检查、督查及整改情况，县医保局将进行全县排名，乡镇社保所工作开展情况纳入乡镇（街道）年度经济实绩考核，乡镇卫生院（社区卫生服务中心）排名前10名的全县通报表扬，排名后3名的约谈主要负责人。"
  },
  groups: [
    {
      unitKind: "health_centre",
      label: "乡镇卫生院（社区卫生服务中心）",
      commendTop: 10,
      interviewBottom: 3,
      note: "前10名全县通报表扬，后3名约谈主要负责人"
    },
    {
      unitKind: "social_security_office",
      label: "乡镇（街道）社保所",
      commendTop: 0,
      interviewBottom: 0,
      note: "工作开展情况纳入乡镇（街道）年度经济实绩考核"
    }
  ],
  criteria: [
    { metric: "on_time_rate", weight: 40 },
    { metric: "checks_done_rate", weight: 30 },
    { metric: "problems_found", weight: 15 },
    { metric: "rectification_rate", weight: 15 }
  ],
  tieBreakers: ["on_time_rate", "checks_done_rate", "rectification_rate", "problems_found"]
})

/**
 * What a unit did in the period (computed from its tasks and their evidence).
 *
 * @category models
 */
export interface UnitPerformance {
  readonly unitId: string
  readonly unitName: string
  readonly unitKind: UnitKind
  readonly dutiesDue: number
  readonly dutiesOnTime: number
  readonly checksRequired: number
  readonly checksDone: number
  readonly problemsFound: number
  readonly rectificationsVerified: number
  readonly overdue: number
}

/**
 * A share of what was due, or null when nothing was due: a unit with nothing to do on a criterion is
 * not scored on it (it would otherwise get full marks for doing nothing).
 */
const rate = (part: number, whole: number): number | null => (whole === 0 ? null : Math.min(1, part / whole))

const normalised = (
  metric: RankingMetric,
  p: UnitPerformance,
  group: ReadonlyArray<UnitPerformance>
): number | null => {
  switch (metric) {
    case "on_time_rate":
      return rate(p.dutiesOnTime, p.dutiesDue)
    case "checks_done_rate":
      return rate(p.checksDone, p.checksRequired)
    case "rectification_rate":
      return rate(p.rectificationsVerified, p.problemsFound)
    case "problems_found": {
      // Problems are found by doing the work: a unit with nothing to do is not compared on them.
      if (p.checksRequired === 0 && p.dutiesDue === 0) return null
      const max = Math.max(0, ...group.map((g) => g.problemsFound))
      return max === 0 ? 0 : p.problemsFound / max
    }
    case "overdue_count": {
      if (p.dutiesDue === 0) return null
      const max = Math.max(0, ...group.map((g) => g.overdue))
      return max === 0 ? 1 : 1 - p.overdue / max
    }
  }
}

/** Why a criterion does not apply to a unit (nothing was due for it). */
const notApplicable: Readonly<Record<RankingMetric, string>> = {
  on_time_rate: "期间内无到期职责",
  checks_done_rate: "期间内无应检查对象",
  rectification_rate: "期间内未发现问题，无需整改",
  problems_found: "期间内无应办事项",
  overdue_count: "期间内无到期职责"
}

/**
 * One unit's place in its group.
 *
 * @category models
 */
export interface RankedUnit {
  /** Null for a unit not ranked: no criterion applied to it (nothing was due). */
  readonly rank: number | null
  readonly performance: UnitPerformance
  /**
   * 0…100, two decimals: the points of the criteria that apply, out of their weights (criteria
   * with nothing due are left out and the rest scaled to 100). Null when none applies.
   */
  readonly score: number | null
  /** Per criterion: the value (0…1) and points, or null where the criterion does not apply. */
  readonly points: ReadonlyArray<{
    readonly metric: RankingMetric
    readonly value: number | null
    readonly points: number | null
  }>
  readonly outcome: "commended" | "interviewed" | null
  /** Why the unit stands where it does (ties, outcome). */
  readonly explanation: string
}

/**
 * One group's ranking.
 *
 * @category models
 */
export interface RankingGroup {
  readonly unitKind: UnitKind
  readonly label: string
  readonly note: string
  readonly rows: ReadonlyArray<RankedUnit>
}

const round2 = (n: number) => Math.round(n * 100) / 100
const pct = (n: number) => `${round2(n * 100)}%`

/**
 * Ranks the units of each group of the scheme.
 *
 * @category rules
 */
export const rankUnits = (
  scheme: RankingScheme,
  performances: ReadonlyArray<UnitPerformance>
): ReadonlyArray<RankingGroup> =>
  scheme.groups.map((group) => {
    const members = performances.filter((p) => p.unitKind === group.unitKind)
    const weightOf = (metric: RankingMetric) => scheme.criteria.find((c) => c.metric === metric)!.weight
    const scored = members.map((p) => {
      const points = scheme.criteria.map((c) => {
        const value = normalised(c.metric, p, members)
        return { metric: c.metric, value, points: value === null ? null : round2(value * c.weight) }
      })
      const applicable = points.filter((x) => x.points !== null)
      const weight = applicable.reduce((w, x) => w + weightOf(x.metric), 0)
      const score = weight === 0 ? null : round2((applicable.reduce((sum, x) => sum + x.points!, 0) / weight) * 100)
      const breaks = scheme.tieBreakers.map((m) => {
        const v = normalised(m, p, members)
        return v === null ? null : round2(v * 1e4)
      })
      return { p, points, score, breaks }
    })
    type Scored = (typeof scored)[number]
    // Tie-breakers compare only where both units have a value.
    const compare = (a: Scored, b: Scored): number => {
      if (a.score !== b.score) return (b.score ?? -1) - (a.score ?? -1)
      for (let i = 0; i < a.breaks.length; i++) {
        const x = a.breaks[i]
        const y = b.breaks[i]
        if (x !== null && y !== null && x !== undefined && y !== undefined && x !== y) return y - x
      }
      return 0
    }
    const ranked = scored.filter((x) => x.score !== null)
    const ordered = [...ranked].sort((a, b) => compare(a, b) || a.p.unitId.localeCompare(b.p.unitId))
    const unranked = scored.filter((x) => x.score === null).sort((a, b) => a.p.unitId.localeCompare(b.p.unitId))
    const rankOf = (x: Scored) => 1 + ordered.filter((o) => compare(o, x) < 0).length
    const reverseRankOf = (x: Scored) => 1 + ordered.filter((o) => compare(o, x) > 0).length
    const best = ordered[0]?.score ?? 0
    const describe = (x: Scored) => {
      const shown = x.points.map((pt) =>
        pt.points === null
          ? `${rankingMetricLabel[pt.metric].split("（")[0]}：${notApplicable[pt.metric]}，不计入`
          : `${rankingMetricLabel[pt.metric].split("（")[0]} ${pct(pt.value!)} × ${weightOf(pt.metric)} = ${pt.points.toFixed(2)}`
      )
      const skipped = x.points.some((pt) => pt.points === null)
      return `得分 ${x.score!.toFixed(2)}：${shown.join("；")}${skipped ? "（不计入的指标除外，其余按权重折算为百分制）" : ""}`
    }
    return {
      unitKind: group.unitKind,
      label: group.label,
      note: group.note,
      rows: [
        ...ordered.map((x) => {
          const rank = rankOf(x)
          const tiedScore = ordered.filter((o) => o !== x && o.score === x.score)
          const tiedFully = tiedScore.filter((o) => compare(o, x) === 0)
          const interviewed = group.interviewBottom > 0 && reverseRankOf(x) <= group.interviewBottom && x.score! < best
          const commended = !interviewed && group.commendTop > 0 && rank <= group.commendTop
          const parts = [describe(x)]
          if (tiedFully.length > 0)
            parts.push(
              `与${tiedFully.map((o) => o.p.unitName).join("、")}得分及各项并列指标均相同，并列第${rank}名（按单位编码排列）`
            )
          else if (tiedScore.length > 0)
            parts.push(
              `与${tiedScore.map((o) => o.p.unitName).join("、")}同分，按并列指标（${scheme.tieBreakers.map((m) => rankingMetricLabel[m].split("（")[0]).join("、")}）依次比较定名次`
            )
          if (commended) parts.push(`名次在前${group.commendTop}名内：通报表扬`)
          if (interviewed) parts.push(`名次在后${group.interviewBottom}名内：约谈主要负责人`)
          return {
            rank,
            performance: x.p,
            score: x.score,
            points: x.points,
            outcome: interviewed ? ("interviewed" as const) : commended ? ("commended" as const) : null,
            explanation: parts.join("。")
          }
        }),
        ...unranked.map((x) => ({
          rank: null,
          performance: x.p,
          score: null,
          points: x.points,
          outcome: null,
          explanation: "期间内没有任何应办事项（无到期职责、无应检查对象、未发现问题），各项指标均不计入，不参与排名"
        }))
      ]
    }
  })
