/**
 * Screening runs (筛查批次) as the use cases see them: when a run may be done again, and where runs
 * are kept (`ScreeningRunRepository`). One extract has at most one run queued or running at a time,
 * so two reruns asked for at once never screen it twice.
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"

/**
 * Where a run stands.
 *
 * @category models
 */
export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "interrupted"

/**
 * A stored run, as far as deciding on a rerun needs it.
 *
 * @category models
 */
export interface StoredRun {
  readonly id: string
  readonly status: RunStatus
  /** The claims extract screened (its directory or file). */
  readonly extract: string
}

/**
 * There is no such run.
 *
 * @category errors
 */
export class RunNotFound extends Schema.TaggedError<RunNotFound>()("RunNotFound", { id: Schema.String }) {
  override get message(): string {
    return `筛查批次 ${this.id} 不存在`
  }
}

/**
 * The run cannot be done again now; `reason` says why.
 *
 * @category errors
 */
export class RunNotRerunnable extends Schema.TaggedError<RunNotRerunnable>()("RunNotRerunnable", {
  id: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return this.reason
  }
}

/**
 * Why `source` cannot be done again, or null when it can: it is itself queued or running, or its
 * extract already has a run that is (`active`).
 *
 * @category rules
 */
export const rerunRefusal = (source: StoredRun, active: StoredRun | null): RunNotRerunnable | null => {
  if (source.status === "running" || source.status === "queued")
    return new RunNotRerunnable({ id: source.id, reason: "该批次仍在进行或排队中，不能重新筛查" })
  if (active !== null)
    return new RunNotRerunnable({ id: source.id, reason: `同一数据包已有批次在进行或排队（${active.id}）` })
  return null
}

/**
 * Whether a run recorded as running is in fact dead: its process, on this host, no longer exists; or,
 * on any host, it has not said it is alive (its heartbeat) for longer than the lease. `owner` is
 * `host:pid`.
 *
 * @category rules
 */
export const runIsInterrupted = (
  run: { readonly owner: string | null; readonly heartbeatAt: Date | null; readonly startedAt: Date },
  here: {
    readonly host: string
    readonly now: Date
    readonly leaseMs: number
    readonly processAlive: (pid: number) => boolean
  }
): boolean => {
  const [host, pid] = (run.owner ?? "").split(":")
  const gone = host === here.host && pid !== undefined && pid !== "" && !here.processAlive(Number(pid))
  const silent = (run.heartbeatAt ?? run.startedAt).getTime() < here.now.getTime() - here.leaseMs
  return gone || silent
}

/**
 * Where screening runs are kept. `queueRerun` writes a queued run over the same extract with the
 * same parameters, with its audit entry, in one transaction — and fails with `RunNotRerunnable`
 * (by `rerunRefusal`) if another run of the extract became active meanwhile.
 *
 * @category services
 */
export class ScreeningRunRepository extends Context.Tag("@fundguard/domain/ScreeningRunRepository")<
  ScreeningRunRepository,
  {
    readonly find: (id: string) => Effect.Effect<StoredRun, RunNotFound>
    /** The run of `extract` that is queued or running, if any. */
    readonly activeRunOf: (extract: string) => Effect.Effect<StoredRun | null>
    readonly queueRerun: (source: StoredRun, actor: Actor) => Effect.Effect<StoredRun, RunNotRerunnable>
  }
>() {}
