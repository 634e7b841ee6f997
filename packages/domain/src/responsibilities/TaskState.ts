/**
 * Where a task stands on a given day: done (on time or late), open, or overdue — and, for a sampled
 * duty (coverage target below 100 %), "not selected" once the unit has met the target and the
 * deadline has passed: the tasks it did not pick are not failures (seed 003's 50 % 双随机).
 *
 * @since 0.1.0
 */
import type { IsoDate } from "../kernel/IsoDate.js"

/**
 * The state of a task on a day.
 *
 * @category models
 */
export type TaskState = "done" | "done_late" | "open" | "overdue" | "not_selected"

/** @category formatting */
export const taskStateLabel: Readonly<Record<TaskState, string>> = {
  done: "按时完成",
  done_late: "逾期完成",
  open: "待完成",
  overdue: "已逾期",
  not_selected: "未抽中（覆盖率已达标）"
}

/**
 * The facts of a task its state depends on.
 *
 * @category models
 */
export interface TaskFacts {
  readonly dutyCode: string
  readonly unitId: string
  readonly objectCode: string
  readonly periodKey: string
  readonly periodStart: string
  readonly periodEnd: string
  readonly deadline: string
  readonly requiredCount: number
  /** Completion days, in any order. */
  readonly completionDates: ReadonlyArray<string>
}

/**
 * The day the task was done: the day of its `requiredCount`-th completion, or null.
 *
 * @category rules
 */
export const completedOn = (task: Pick<TaskFacts, "requiredCount" | "completionDates">, on?: string): string | null => {
  const dates = [...task.completionDates].filter((d) => on === undefined || d <= on).sort()
  return dates.length >= task.requiredCount ? (dates[task.requiredCount - 1] ?? null) : null
}

/**
 * A task's state on `on`, by itself (sampling aside).
 *
 * @category rules
 */
export const taskState = (task: TaskFacts, on: IsoDate | string): TaskState => {
  const done = completedOn(task, on)
  if (done !== null) return done <= task.deadline ? "done" : "done_late"
  return on > task.deadline ? "overdue" : "open"
}

/**
 * The number of objects a coverage target asks for: ⌈target × objects⌉ (50 % of 3 is 2).
 *
 * @category rules
 */
export const requiredObjects = (target: number, objects: number): number =>
  objects === 0 ? 0 : Math.min(objects, Math.ceil(target * objects - 1e-9))

/**
 * The states of many tasks on `on`, with sampling applied: for a duty whose coverage target is below
 * 1, an overdue task becomes `not_selected` when its unit has done enough of that period's objects.
 *
 * @category rules
 */
export const taskStates = <T extends TaskFacts>(
  tasks: ReadonlyArray<T>,
  coverageTargetOf: (dutyCode: string) => number,
  on: IsoDate | string
): ReadonlyArray<{ readonly task: T; readonly state: TaskState }> => {
  const groups = new Map<string, { objects: number; done: number }>()
  const groupKey = (t: TaskFacts) => `${t.dutyCode}|${t.unitId}|${t.periodKey}`
  const states = tasks.map((task) => ({ task, state: taskState(task, on) }))
  for (const { task, state } of states) {
    if (task.objectCode === "") continue
    const g = groups.get(groupKey(task)) ?? { objects: 0, done: 0 }
    g.objects++
    if (state === "done" || state === "done_late") g.done++
    groups.set(groupKey(task), g)
  }
  return states.map(({ task, state }) => {
    const target = coverageTargetOf(task.dutyCode)
    const g = groups.get(groupKey(task))
    if (state === "overdue" && target < 1 && g !== undefined && g.done >= requiredObjects(target, g.objects))
      return { task, state: "not_selected" as const }
    return { task, state }
  })
}
