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
import { completedOn } from "./TaskState.js"

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
export interface CompletionActor {
  readonly id: string | null
  readonly name: string
  readonly ip: string | null
}

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
