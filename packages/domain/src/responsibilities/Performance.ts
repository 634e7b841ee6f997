/**
 * What each unit did in a period, measured from its tasks and their evidence, for the ranking.
 *
 * A task belongs to the period its own period ends in (a September ledger is third-quarter work even
 * when its deadline, moved past National Day, falls in October). Only tasks already due on the day
 * asked about count, and a sampled task not selected (coverage met) does not count at all. Problems
 * found and rectifications verified are summed over completions recorded in the period.
 *
 * @since 0.1.0
 */
import type { DutyCategory } from "./Duty.js"
import { countOf, type EvidenceValue } from "./Evidence.js"
import type { UnitKind } from "./Organisation.js"
import type { Period } from "../kernel/Period.js"
import type { UnitPerformance } from "./Ranking.js"
import { completedOn, taskStates, type TaskFacts } from "./TaskState.js"

/**
 * A task with what the ranking reads.
 *
 * @category models
 */
export interface TaskRecord extends TaskFacts {
  readonly category: DutyCategory
  readonly completions: ReadonlyArray<{
    readonly completedOn: string
    readonly values: Readonly<Record<string, EvidenceValue>> | unknown
  }>
}

/**
 * The performance of each unit given, over `period`, as of `asOf`.
 *
 * @category rules
 */
export const performances = (
  units: ReadonlyArray<{ readonly id: string; readonly name: string; readonly kind: UnitKind }>,
  tasks: ReadonlyArray<TaskRecord>,
  coverageTargetOf: (dutyCode: string) => number,
  period: Period,
  asOf: string
): ReadonlyArray<UnitPerformance> => {
  const until = asOf < period.end ? asOf : period.end
  const inPeriod = tasks.filter((t) => t.periodEnd >= period.start && t.periodEnd <= period.end)
  const states = taskStates(inPeriod, coverageTargetOf, asOf)
  return units.map((unit) => {
    const mine = states.filter((s) => s.task.unitId === unit.id)
    const due = mine.filter((s) => s.task.deadline <= asOf && s.state !== "not_selected")
    const doneBy = (t: TaskRecord) => completedOn(t, asOf)
    const checks = due.filter((s) => s.task.category === "inspection")
    const completions = tasks
      .filter((t) => t.unitId === unit.id)
      .flatMap((t) => t.completions)
      .filter((c) => c.completedOn >= period.start && c.completedOn <= until)
    return {
      unitId: unit.id,
      unitName: unit.name,
      unitKind: unit.kind,
      dutiesDue: due.length,
      dutiesOnTime: due.filter((s) => s.state === "done").length,
      checksRequired: checks.length,
      checksDone: checks.filter((s) => doneBy(s.task) !== null).length,
      problemsFound: completions.reduce((sum, c) => sum + countOf(c.values, "problemsFound"), 0),
      rectificationsVerified: completions.reduce((sum, c) => sum + countOf(c.values, "rectificationsVerified"), 0),
      overdue: due.filter((s) => s.state === "overdue").length
    }
  })
}
