/**
 * Asking for a screening run to be done again — from the runs page, after a run failed or its
 * process died: refused while the run or another run of its extract is queued or running, otherwise
 * queued for the worker, with an audit entry.
 */
import type { Actor } from "@fundguard/domain/kernel"
import { rerunRefusal, ScreeningRunRepository } from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"

/**
 * Queues a rerun of the run `runId`. Fails with `RunNotFound` or `RunNotRerunnable` (its reason
 * says why); answers the queued run.
 */
export const requestRerun = Effect.fn("ScreeningRuns.requestRerun")(function* (request: {
  readonly runId: string
  readonly actor: Actor
}) {
  const runs = yield* ScreeningRunRepository
  const source = yield* runs.find(request.runId)
  const refusal = rerunRefusal(source, yield* runs.activeRunOf(source.extract))
  if (refusal !== null) return yield* refusal
  return yield* runs.queueRerun(source, request.actor)
})
