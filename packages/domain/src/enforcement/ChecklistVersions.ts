/**
 * The bureau's own checklists (检查清单 as data, editable without code): a saved checklist becomes a
 * new version of its code, in force from its effective date, replacing the default (seeds 000 and
 * 001) or the bureau's earlier version from that day. Versions are never edited.
 *
 * @since 0.4.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import { Checklist, defaultChecklists, InvalidChecklist } from "./Checklists.js"

/**
 * A checklist as the bureau submits it: everything but the version, which the store assigns.
 *
 * @category models
 */
export const ChecklistDraft = Checklist.pipe(Schema.omit("version")).annotations({ identifier: "ChecklistDraft" })
/** @category models */
export type ChecklistDraft = typeof ChecklistDraft.Type

/**
 * The version a new checklist of `code` gets: one above every version known, default or stored.
 *
 * @category rules
 */
export const nextChecklistVersion = (known: ReadonlyArray<Checklist>, code: string): number =>
  Math.max(0, ...known.filter((c) => c.code === code).map((c) => c.version)) + 1

/**
 * A saved version may not take effect before today: what was checked yesterday was checked against
 * the list then in force.
 *
 * @category rules
 */
export const checklistDraftProblems = (draft: ChecklistDraft, today: IsoDate): InvalidChecklist | null =>
  draft.effectiveFrom < today
    ? new InvalidChecklist({ problems: [{ path: "$.effectiveFrom", message: `生效日期不能早于今天（${today}）` }] })
    : null

/**
 * Every checklist known: the defaults and the bureau's versions.
 *
 * @category rules
 */
export const allChecklists = (stored: ReadonlyArray<Checklist>): ReadonlyArray<Checklist> => [
  ...defaultChecklists,
  ...stored
]

/**
 * Where the bureau's checklist versions are kept.
 *
 * @category services
 */
export class ChecklistRepository extends Context.Tag("@fundguard/domain/ChecklistRepository")<
  ChecklistRepository,
  {
    readonly stored: Effect.Effect<ReadonlyArray<Checklist>>
    readonly save: (checklist: Checklist, actor: Actor) => Effect.Effect<void>
  }
>() {}
