/**
 * Screening runs (筛查批次): the list with counts per rule and live progress, one run, and a rerun of
 * a finished, failed or interrupted run.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { Id, Instant } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

/** Where a run stands: queued (a rerun waiting for the worker), running, done, failed, or interrupted (its process died). @category models */
export const RunStatus = Schema.Literal("queued", "running", "succeeded", "failed", "interrupted")
/** @category models */
export type RunStatus = typeof RunStatus.Type

/** One rule's result in a run. @category models */
export const RuleResult = Schema.Struct({
  code: Schema.String,
  version: Schema.Number,
  kind: Schema.optionalWith(Schema.String, { exact: true }),
  status: Schema.String,
  reason: Schema.optionalWith(Schema.String, { exact: true }),
  count: Schema.Number,
  durationMs: Schema.Number
})

/**
 * One partition of a partitioned (province) run: a job on the queue that any worker takes, and its figures.
 *
 * @category models
 */
export const RunPartition = Schema.Struct({
  /** person | institution | global (the rules that compare across both, run once). */
  job: Schema.String,
  index: Schema.Number,
  count: Schema.Number,
  /** queued | running | done */
  status: Schema.String,
  attempts: Schema.Number,
  /** The process that ran it last (host:pid). */
  worker: Schema.NullOr(Schema.String),
  startedAt: Schema.NullOr(Instant),
  finishedAt: Schema.NullOr(Instant),
  durationMs: Schema.NullOr(Schema.Number),
  suspicions: Schema.NullOr(Schema.Number)
})
/** @category models */
export type RunPartition = typeof RunPartition.Type

/** A run as listed. @category models */
export const ScreeningRun = Schema.Struct({
  id: Schema.String,
  startedAt: Instant,
  finishedAt: Schema.NullOr(Instant),
  durationMs: Schema.NullOr(Schema.Number),
  status: RunStatus,
  trigger: Schema.String,
  extract: Schema.String,
  admdvs: Schema.NullOr(Schema.String),
  periodFrom: Schema.NullOr(Schema.String),
  periodTo: Schema.NullOr(Schema.String),
  suspicionCount: Schema.Number,
  /** Leads first filed by this run. */
  newCount: Schema.Number,
  /** Where its new leads stand. */
  statusCounts: Schema.Record({ key: Schema.String, value: Schema.Number }),
  ruleCounts: Schema.Record({ key: Schema.String, value: Schema.Number }),
  rules: Schema.Array(RuleResult),
  progress: Schema.NullOr(
    Schema.Struct({
      rule: Schema.String,
      done: Schema.Number,
      total: Schema.Number,
      at: Schema.optionalWith(Schema.String, { exact: true })
    })
  ),
  /** The last time its process said it was alive (while running). */
  heartbeatAt: Schema.NullOr(Instant),
  error: Schema.NullOr(Schema.String),
  /** A partitioned run's partitions, in order (none for a run of one process). */
  partitions: Schema.Array(RunPartition)
})
/** @category models */
export type ScreeningRun = typeof ScreeningRun.Type

const tags = ["screening"]

/** @category endpoints */
export const listRuns = endpoint({
  method: "GET",
  path: "/api/v1/screening/runs",
  access: { permission: "suspicions:read" },
  tags,
  summary:
    "Recent screening runs (筛查批次), newest first, with counts per rule and progress while running; runs whose process died are shown interrupted",
  success: json(Schema.Struct({ items: Schema.Array(ScreeningRun) }))
})

/** @category endpoints */
export const getRun = endpoint({
  method: "GET",
  path: "/api/v1/screening/runs/:id",
  access: { permission: "suspicions:read" },
  tags,
  summary: "One screening run",
  params: Schema.Struct({ id: Id }),
  success: json(ScreeningRun)
})

/** @category endpoints */
export const rerun = endpoint({
  method: "POST",
  path: "/api/v1/screening/runs/:id/rerun",
  access: { permission: "screening:run" },
  tags,
  summary: "Screen a run's extract again with the same parameters (queued; the worker takes it up within a minute)",
  params: Schema.Struct({ id: Id }),
  success: json(ScreeningRun, 201)
})
