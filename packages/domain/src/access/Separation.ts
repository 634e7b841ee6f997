/**
 * 不相容岗位分离: in a chain of approval levels (经办人员初审、分管领导复审、主要领导审批 — seed 003, the
 * internal-control reports of a handling agency), which levels one person may not hold on the same
 * matter. One mechanism for every chain: the suspicion review, case filing, penalty decisions and
 * fund recoveries each state their levels and incompatibilities as data and ask the same question.
 *
 * @since 0.4.0
 */

/**
 * The levels of a chain, which levels each is incompatible with, and their names.
 *
 * @category models
 */
export interface SeparationRule<L extends string> {
  readonly incompatible: Readonly<Record<L, ReadonlyArray<L>>>
  readonly label: Readonly<Record<L, string>>
}

/**
 * A step already taken on the matter: who took it, at which level (null: a step of no level).
 *
 * @category models
 */
export interface LevelHeld<L extends string> {
  readonly actorId: string | null
  readonly level: L | null
}

/**
 * The levels `personId` has held on the matter, each once, in the order first held.
 *
 * @category rules
 */
export const levelsHeldBy = <L extends string>(
  history: ReadonlyArray<LevelHeld<L>>,
  personId: string
): ReadonlyArray<L> => [
  ...new Set(history.filter((h) => h.actorId === personId && h.level !== null).map((h) => h.level as L))
]

/**
 * The levels `personId` already holds on the matter that `level` may not be combined with (empty:
 * the person may act at that level).
 *
 * @category rules
 */
export const conflictingLevels = <L extends string>(
  rule: SeparationRule<L>,
  history: ReadonlyArray<LevelHeld<L>>,
  personId: string,
  level: L
): ReadonlyArray<L> => levelsHeldBy(history, personId).filter((held) => rule.incompatible[level].includes(held))

/**
 * The three-level review of seed 003: 初审 (by whoever prepared the matter), 复审 and 审批 by three
 * different people; nobody approves their own work.
 *
 * @category statute
 */
export const threeLevelReview: SeparationRule<"first" | "second" | "approval"> = {
  incompatible: { first: ["second", "approval"], second: ["first", "approval"], approval: ["first", "second"] },
  label: { first: "初审", second: "复审", approval: "审批" }
}
