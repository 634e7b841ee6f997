/**
 * Reports on the duties: coverage against target, the campaigns, the ranking of units, and the
 * monthly inspection ledger (月度检查台账) as a workbook; and the server's health.
 *
 * @since 0.1.0
 */
import { UnitKind } from "@fundguard/domain/responsibilities"
import { RankingMetric, RankingScheme } from "@fundguard/domain/responsibilities"
import * as Schema from "effect/Schema"
import { BooleanFromQuery, DateText, Id, optional, Text } from "./Bounded.js"
import { endpoint, file, json } from "./Endpoint.js"
import { MonthText } from "./Tasks.js"

/** A period key: a year, half, quarter or month (`2026`, `2026-H1`, `2026-Q3`, `2026-07`). @category models */
export const PeriodKey = Schema.String.pipe(
  Schema.filter(
    (s) => /^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/.test(s) || "须为 2026、2026-H1、2026-Q3 或 2026-07 这样的期间",
    { jsonSchema: { pattern: "^\\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$" } }
  )
)

/** A period as reports state it. @category models */
export const PeriodView = Schema.Struct({
  key: Schema.String,
  start: Schema.String,
  end: Schema.String,
  label: Schema.String
})

/** Coverage of one duty for one unit (or the county, `unitId` null) in one period. @category models */
export const CoverageView = Schema.Struct({
  dutyCode: Schema.String,
  unitId: Schema.NullOr(Schema.String),
  periodKey: Schema.String,
  objects: Schema.Number,
  done: Schema.Number,
  doneOnTime: Schema.Number,
  target: Schema.Number,
  required: Schema.Number,
  rate: Schema.NullOr(Schema.Number),
  status: Schema.Literal("met", "behind", "no_objects"),
  dutyTitle: Schema.String,
  unitName: Schema.String,
  campaign: Schema.NullOr(Schema.Struct({ code: Schema.String, name: Schema.String, phase: Schema.String }))
})
/** @category models */
export type CoverageView = typeof CoverageView.Type

/** @category endpoints */
export const coverage = endpoint({
  method: "GET",
  path: "/api/v1/coverage",
  access: { permission: "duties:read" },
  tags: ["coverage"],
  summary: "Coverage of per-object duties against target, per unit and for the county (a period, or one campaign)",
  query: Schema.Struct({
    period: optional(PeriodKey),
    campaign: optional(Text(40)),
    asOf: optional(DateText),
    unit: optional(Id)
  }),
  success: json(
    Schema.Struct({
      asOf: Schema.String,
      period: Schema.NullOr(Schema.String),
      campaign: Schema.NullOr(Schema.String),
      rows: Schema.Array(CoverageView)
    })
  )
})

/** A campaign (专项行动) named by the duties. @category models */
export const Campaign = Schema.Struct({
  code: Schema.String,
  name: Schema.String,
  phases: Schema.Array(Schema.String),
  from: Schema.String,
  to: Schema.String
})

/** @category endpoints */
export const campaigns = endpoint({
  method: "GET",
  path: "/api/v1/campaigns",
  access: { permission: "duties:read" },
  tags: ["coverage"],
  summary: "Campaigns (专项行动) named by the duties, newest first",
  success: json(Schema.Struct({ items: Schema.Array(Campaign) }))
})

/** A unit's place in its group (rank and score null: not ranked, nothing was due). @category models */
export const RankedUnit = Schema.Struct({
  rank: Schema.NullOr(Schema.Number),
  performance: Schema.Struct({
    unitId: Schema.String,
    unitName: Schema.String,
    unitKind: UnitKind,
    dutiesDue: Schema.Number,
    dutiesOnTime: Schema.Number,
    checksRequired: Schema.Number,
    checksDone: Schema.Number,
    problemsFound: Schema.Number,
    rectificationsVerified: Schema.Number,
    overdue: Schema.Number
  }),
  score: Schema.NullOr(Schema.Number),
  points: Schema.Array(
    Schema.Struct({ metric: RankingMetric, value: Schema.NullOr(Schema.Number), points: Schema.NullOr(Schema.Number) })
  ),
  outcome: Schema.NullOr(Schema.Literal("commended", "interviewed")),
  explanation: Schema.String
})
/** @category models */
export type RankedUnit = typeof RankedUnit.Type

/** A ranking and the scheme it used. @category models */
export const Ranking = Schema.Struct({
  period: PeriodView,
  asOf: Schema.String,
  scheme: RankingScheme,
  groups: Schema.Array(
    Schema.Struct({ unitKind: UnitKind, label: Schema.String, note: Schema.String, rows: Schema.Array(RankedUnit) })
  ),
  metricLabels: Schema.Record({ key: RankingMetric, value: Schema.String })
})
/** @category models */
export type Ranking = typeof Ranking.Type

/** @category endpoints */
export const rankings = endpoint({
  method: "GET",
  path: "/api/v1/rankings",
  access: { permission: "duties:read" },
  tags: ["rankings"],
  summary: "The seed 000 ranking of health centres and social-security offices for a year or quarter",
  description:
    "Scores, ranks (ties shared), outcomes (通报表扬 / 约谈) and an explanation per unit, under the scheme in force. A criterion with nothing due for a unit is left out of its score; a unit with nothing due at all is not ranked.",
  query: Schema.Struct({ period: PeriodKey, asOf: optional(DateText) }),
  success: json(Ranking)
})

/** @category endpoints */
export const ledger = endpoint({
  method: "GET",
  path: "/api/v1/ledger.xlsx",
  access: { permission: "duties:read" },
  tags: ["coverage"],
  summary:
    "The monthly inspection ledger (月度检查台账) as .xlsx, with signature lines, a seal box (盖章处) and the audit chain head",
  query: Schema.Struct({ month: MonthText, unit: optional(Id), includeSupervised: optional(BooleanFromQuery) }),
  success: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
})

/** @category endpoints */
export const health = endpoint({
  method: "GET",
  path: "/api/health",
  access: { public: true },
  tags: ["system"],
  summary: "Health check: the server answers and reaches its database",
  success: json(Schema.Struct({ status: Schema.Literal("ok"), database: Schema.Literal("ok") }))
})
