/**
 * Generating duty tasks (the worker daily, an administrator on demand, the CLI): plan the periods
 * begun in a range from the duties in force, keep what is not stored yet, recompute deadlines that
 * were provisional, and write the pass with its audit entries. Idempotent.
 */
import { WorkingCalendar, type IsoDate } from "@fundguard/domain/kernel"
import {
  generationReport,
  planGeneration,
  planTasks,
  TaskGenerationRepository,
  type CompletionActor
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"

/** Generates the tasks of every period that has begun within `from`…`through`. */
export const generateTasks = Effect.fn("Tasks.generate")(function* (request: {
  readonly from: IsoDate
  readonly through: IsoDate
  readonly actor: CompletionActor
}) {
  const repository = yield* TaskGenerationRepository
  const calendar = yield* WorkingCalendar
  const context = yield* repository.plannerContext
  const planned = planTasks({ ...context, from: request.from, through: request.through, calendar })
  const plan = planGeneration(planned, yield* repository.storedTasks(request.from, request.through))
  if (plan.fresh.length > 0 || plan.recalculate.length > 0)
    yield* repository.saveGeneration(plan, { from: request.from, through: request.through }, request.actor)
  return generationReport(plan)
})
