/**
 * Recording that a duty task was done, with its evidence (佐证): what the use case needs from
 * storage (`TaskRepository`, `EvidenceStore`), and the decision itself — checked against the duty
 * version the task was generated under, the completion day of the task worked out — as a pure
 * function.
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { Duty } from "./Duty.js"
import { checkCompletion, InvalidCompletion, type EvidenceValue } from "./Evidence.js"
import type { InstitutionFacts, Organisation } from "./Organisation.js"
import { taskKey, type PlannedTask } from "./TaskPlan.js"
import { completedOn } from "./TaskState.js"
import type { Actor } from "../kernel/Actor.js"

/**
 * There is no such task (or it is outside the caller's scope, which is told the same way).
 *
 * @category errors
 */
export class TaskNotFound extends Schema.TaggedError<TaskNotFound>()("TaskNotFound", { id: Schema.String }) {
  override get message(): string {
    return `任务 ${this.id} 不存在`
  }
}

/**
 * A task as a completion finds it: its period, how many completions it needs and the days of those
 * it has, the duty version it was generated under, and the institutions it may name (for duties
 * whose object is institutions; null otherwise).
 *
 * @category models
 */
export interface CompletionContext {
  readonly taskId: string
  readonly unitId: string
  readonly periodStart: string
  readonly requiredCount: number
  readonly completionDates: ReadonlyArray<string>
  readonly duty: Duty
  readonly allowedInstitutions: ReadonlySet<string> | null
}

/** A file sent with a completion. @category models */
export interface EvidenceUpload {
  readonly fileName: string
  readonly mediaType: string
  readonly bytes: Uint8Array
}

/**
 * What a completion writes: the checked values and, with it, the day the task counts as done (the
 * day of its `requiredCount`-th completion), or null while it needs more.
 *
 * @category models
 */
export interface CompletionPlan {
  readonly completedOn: string
  readonly record: string
  readonly values: Readonly<Record<string, EvidenceValue>>
  readonly taskDoneOn: string | null
  readonly completionCount: number
}

/**
 * Decides a completion: every problem named (`InvalidCompletion`), or what to write.
 *
 * @category rules
 */
export const planCompletion = (
  context: CompletionContext,
  input: {
    readonly completedOn: string
    readonly record: string
    readonly values: Readonly<Record<string, unknown>>
    readonly fileCount: number
  },
  today: string
): Either.Either<CompletionPlan, InvalidCompletion> => {
  const checked = checkCompletion(context.duty, context, input, today, context.allowedInstitutions)
  if (checked.problems.length > 0) return Either.left(new InvalidCompletion({ problems: checked.problems }))
  const dates = [...context.completionDates, input.completedOn]
  return Either.right({
    completedOn: input.completedOn,
    record: input.record.trim(),
    values: checked.values,
    taskDoneOn: completedOn({ requiredCount: context.requiredCount, completionDates: dates }),
    completionCount: dates.length
  })
}

/** Who records a completion, as the audit log names them. @category models */
export type CompletionActor = Actor

/**
 * Where tasks and their completions are kept. `saveCompletion` writes the completion, its files'
 * metadata, the task's completion day and the audit entry in one transaction.
 *
 * @category services
 */
export class TaskRepository extends Context.Tag("@fundguard/domain/TaskRepository")<
  TaskRepository,
  {
    readonly completionContext: (taskId: string) => Effect.Effect<CompletionContext, TaskNotFound>
    readonly saveCompletion: (
      context: CompletionContext,
      plan: CompletionPlan,
      files: ReadonlyArray<{
        readonly fileName: string
        readonly mediaType: string
        readonly size: number
        readonly sha256: string
      }>,
      actor: CompletionActor
    ) => Effect.Effect<{ readonly completionId: string }>
  }
>() {}

/**
 * Where evidence files are kept, by their SHA-256 (content-addressed: the same bytes are stored
 * once, and a file whose bytes no longer match its hash is refused when read).
 *
 * @category services
 */
export class EvidenceStore extends Context.Tag("@fundguard/domain/EvidenceStore")<
  EvidenceStore,
  { readonly store: (bytes: Uint8Array) => Effect.Effect<string> }
>() {}

/**
 * A task already stored, as generation needs it: its key and whether its deadline was provisional.
 *
 * @category models
 */
export interface StoredTaskKey {
  readonly id: string
  readonly dutyCode: string
  readonly unitId: string
  readonly objectCode: string
  readonly periodKey: string
  readonly deadline: string
  readonly deadlineProvisional: boolean
}

/**
 * What one generation pass does: the tasks the duties give for the periods begun in the range,
 * those of them not yet stored (`fresh`), and the stored ones whose provisional deadline can now be
 * computed (`recalculate`).
 *
 * @category models
 */
export interface GenerationPlan {
  readonly planned: ReadonlyArray<PlannedTask>
  readonly fresh: ReadonlyArray<PlannedTask>
  readonly recalculate: ReadonlyArray<{ readonly id: string; readonly from: string; readonly task: PlannedTask }>
}

/**
 * Decides a generation pass from the planner's tasks and those stored: running it again changes
 * nothing (a task exists once per duty, unit, object and period).
 *
 * @category rules
 */
export const planGeneration = (
  planned: ReadonlyArray<PlannedTask>,
  stored: ReadonlyArray<StoredTaskKey>
): GenerationPlan => {
  const byKey = new Map(stored.map((e) => [taskKey(e), e]))
  const keyOf = (p: PlannedTask) => taskKey({ ...p, periodKey: p.period.key })
  return {
    planned,
    fresh: planned.filter((p) => !byKey.has(keyOf(p))),
    recalculate: planned.flatMap((p) => {
      const e = byKey.get(keyOf(p))
      return e !== undefined && e.deadlineProvisional && (!p.deadline.provisional || p.deadline.date !== e.deadline)
        ? [{ id: e.id, from: e.deadline, task: p }]
        : []
    })
  }
}

/**
 * What a pass did: tasks planned, newly stored, deadlines recomputed, deadlines still provisional.
 *
 * @category models
 */
export const GenerationReport = Schema.Struct({
  planned: Schema.Number,
  created: Schema.Number,
  recalculated: Schema.Number,
  provisional: Schema.Number
}).annotations({ identifier: "GenerationReport" })
/** @category models */
export type GenerationReport = typeof GenerationReport.Type

/** The report of a pass. @category rules */
export const generationReport = (plan: GenerationPlan): GenerationReport => ({
  planned: plan.planned.length,
  created: plan.fresh.length,
  recalculated: plan.recalculate.length,
  provisional: plan.planned.filter((p) => p.deadline.provisional).length
})

/**
 * What generation reads: the duties, the organisation and the register.
 *
 * @category models
 */
export interface PlannerContext {
  readonly duties: ReadonlyArray<Duty>
  readonly organisation: Organisation
  readonly institutions: ReadonlyArray<InstitutionFacts>
}

/**
 * Where duties' tasks are generated into: what the planner reads, the tasks stored for a range,
 * and a pass written (new tasks, recalculated deadlines, the audit entries) in one transaction.
 *
 * @category services
 */
export class TaskGenerationRepository extends Context.Tag("@fundguard/domain/TaskGenerationRepository")<
  TaskGenerationRepository,
  {
    readonly plannerContext: Effect.Effect<PlannerContext>
    readonly storedTasks: (from: string, through: string) => Effect.Effect<ReadonlyArray<StoredTaskKey>>
    readonly saveGeneration: (
      plan: GenerationPlan,
      range: { readonly from: string; readonly through: string },
      actor: CompletionActor
    ) => Effect.Effect<void>
  }
>() {}
