/**
 * Internal control of enforcement (内部控制, seed 003): filing a case, deciding a penalty and recovering
 * funds each pass 初审 (the officer who drafted it) → 复审 → 审批 by three different people, and nobody
 * approves their own work — by the same separation rule as the suspicion review
 * (`threeLevelReview`, `access/Separation.ts`), not a copy of it.
 *
 * @since 0.4.0
 */
import * as Schema from "effect/Schema"
import { conflictingLevels, threeLevelReview, type LevelHeld } from "../access/Separation.js"

/**
 * The matters that pass the three-level review.
 *
 * @category models
 */
export const ControlledMatter = Schema.Literal("case_filing", "penalty_decision", "fund_recovery")
/** @category models */
export type ControlledMatter = typeof ControlledMatter.Type

/** @category formatting */
export const controlledMatterLabel: Readonly<Record<ControlledMatter, string>> = {
  case_filing: "立案审批",
  penalty_decision: "行政处罚决定",
  fund_recovery: "基金追回"
}

/**
 * A level of the review: 初审 (drafting and first review), 复审, 审批.
 *
 * @category models
 */
export type ControlLevel = keyof typeof threeLevelReview.label

/**
 * A person may not act at this level on this matter (they already held an incompatible one).
 *
 * @category errors
 */
export class InternalControlRefused extends Schema.TaggedError<InternalControlRefused>()("InternalControlRefused", {
  matter: ControlledMatter,
  level: Schema.Literal("first", "second", "approval"),
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/**
 * The refusal when `person` already holds, on this matter, a level incompatible with `level`; null
 * when they may act.
 *
 * @category rules
 */
export const internalControlConflict = (
  matter: ControlledMatter,
  history: ReadonlyArray<LevelHeld<ControlLevel>>,
  person: { readonly id: string; readonly name: string },
  level: ControlLevel
): InternalControlRefused | null => {
  const held = conflictingLevels(threeLevelReview, history, person.id, level)
  if (held.length === 0) return null
  const label = threeLevelReview.label
  return new InternalControlRefused({
    matter,
    level,
    detail: `内部控制不相容岗位分离：${person.name}已担任本${controlledMatterLabel[matter]}的${held.map((l) => label[l]).join("、")}，不能再办理${label[level]}（初审、复审、审批须由三名不同人员办理，任何人不得审批本人经办的事项）`
  })
}
