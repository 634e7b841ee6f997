/**
 * The inspection checklists: every version in force (the defaults of seeds 000 and 001 and the
 * bureau's own), and saving a new version of one without code.
 */
import { bureauToday } from "../internal/inputs.js"
import {
  allChecklists,
  ChecklistDraft,
  ChecklistRepository,
  checklistDraftProblems,
  decodeChecklist,
  InvalidChecklist,
  nextChecklistVersion
} from "@fundguard/domain/enforcement"
import { problemsOf, type Actor } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"

/** Every checklist known, defaults first, then the bureau's versions. */
export const listChecklists = Effect.flatMap(ChecklistRepository, (repo) => Effect.map(repo.stored, allChecklists))

/**
 * Saves a new version of a checklist; fails with `InvalidChecklist` naming every problem (the shape,
 * a repeated item code, an effective date in the past).
 */
export const saveChecklist = Effect.fn("Checklists.save")(function* (request: {
  readonly checklist: unknown
  readonly actor: Actor
}) {
  const draft = yield* Schema.decodeUnknown(ChecklistDraft, { errors: "all", onExcessProperty: "error" })(
    request.checklist
  ).pipe(Effect.mapError((error) => new InvalidChecklist({ problems: problemsOf(error) })))
  const today = yield* bureauToday
  const late = checklistDraftProblems(draft, today)
  if (late) return yield* Effect.fail(late)
  const repo = yield* ChecklistRepository
  const version = nextChecklistVersion(allChecklists(yield* repo.stored), draft.code)
  const checked = decodeChecklist({ ...Schema.encodeSync(ChecklistDraft)(draft), version })
  if (Either.isLeft(checked)) return yield* Effect.fail(checked.left)
  yield* repo.save(checked.right, request.actor)
  return { code: checked.right.code, version }
})
