/**
 * Recording a duty task's completion with its evidence: load what the task needs, let the domain
 * check the evidence against the duty, store the files by hash, write the completion with its
 * audit entry in one transaction.
 */
import { BureauClock } from "@fundguard/domain/kernel"
import {
  EvidenceStore,
  planCompletion,
  TaskRepository,
  type CompletionActor,
  type EvidenceUpload
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"

/** A completion someone records. */
export interface CompletionRequest {
  readonly taskId: string
  readonly completedOn: string
  readonly record: string
  /** The values the duty asks for (counts, confirmations, institutions checked). */
  readonly values: Readonly<Record<string, unknown>>
  readonly files: ReadonlyArray<EvidenceUpload>
  readonly actor: CompletionActor
}

/**
 * Records one completion. Fails with `TaskNotFound` or `InvalidCompletion` (every problem named,
 * nothing stored — not even the files).
 */
export const completeTask = Effect.fn("Tasks.complete")(function* (request: CompletionRequest) {
  const tasks = yield* TaskRepository
  const evidence = yield* EvidenceStore
  // The bureau's date: a completion cannot be dated after it.
  const today = yield* Effect.flatMap(BureauClock, (clock) => clock.today)
  const context = yield* tasks.completionContext(request.taskId)
  const plan = yield* planCompletion(context, { ...request, fileCount: request.files.length }, today)
  const stored = yield* Effect.forEach(request.files, (file) =>
    Effect.map(evidence.store(file.bytes), (sha256) => ({
      fileName: file.fileName,
      mediaType: file.mediaType,
      size: file.bytes.byteLength,
      sha256
    }))
  )
  return yield* tasks.saveCompletion(context, plan, stored, request.actor)
})
