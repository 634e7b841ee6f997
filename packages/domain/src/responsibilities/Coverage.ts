/**
 * Coverage: for a duty done object by object, the share of the objects checked against the duty's
 * target — per unit and period, and for the county. Seed 001: village clinics 50 %, every other
 * designated institution 100 %; seed 003: 二级医疗机构 at least 50 %.
 *
 * @since 0.1.0
 */
import { completedOn, requiredObjects, type TaskFacts } from "./TaskState.js"

/**
 * The coverage of one duty for one unit (or the county, `unitId` null) and period.
 *
 * @category models
 */
export interface CoverageRow {
  readonly dutyCode: string
  readonly unitId: string | null
  readonly periodKey: string
  readonly objects: number
  /** Objects whose task was done by the day asked about. */
  readonly done: number
  /** Of those, done by the deadline. */
  readonly doneOnTime: number
  readonly target: number
  /** ⌈target × objects⌉. */
  readonly required: number
  /** done / objects, or null when there is nothing to cover. */
  readonly rate: number | null
  readonly status: "met" | "behind" | "no_objects"
}

const row = (
  dutyCode: string,
  unitId: string | null,
  periodKey: string,
  target: number,
  tasks: ReadonlyArray<TaskFacts>,
  on: string
): CoverageRow => {
  const objects = new Set(tasks.map((t) => `${t.unitId}|${t.objectCode}`)).size
  let done = 0
  let doneOnTime = 0
  for (const t of tasks) {
    const day = completedOn(t, on)
    if (day === null) continue
    done++
    if (day <= t.deadline) doneOnTime++
  }
  const required = requiredObjects(target, objects)
  return {
    dutyCode,
    unitId,
    periodKey,
    objects,
    done,
    doneOnTime,
    target,
    required,
    rate: objects === 0 ? null : done / objects,
    status: objects === 0 ? "no_objects" : done >= required ? "met" : "behind"
  }
}

/**
 * Coverage rows for the per-object tasks given, as of `on`: one per duty, unit and period, then one
 * county row per duty and period (all units together), each against the duty's target. A duty with
 * no objects in a period yields a `no_objects` county row when listed in `expectedDuties`.
 *
 * @category rules
 */
export const coverage = (
  tasks: ReadonlyArray<TaskFacts>,
  targetOf: (dutyCode: string) => number,
  on: string,
  expectedDuties: ReadonlyArray<{ readonly dutyCode: string; readonly periodKey: string }> = []
): ReadonlyArray<CoverageRow> => {
  const perObject = tasks.filter((t) => t.objectCode !== "")
  const byUnit = new Map<string, Array<TaskFacts>>()
  const byCounty = new Map<string, Array<TaskFacts>>()
  for (const t of perObject) {
    const unitKey = `${t.dutyCode}\u0000${t.periodKey}\u0000${t.unitId}`
    const countyKey = `${t.dutyCode}\u0000${t.periodKey}`
    byUnit.set(unitKey, [...(byUnit.get(unitKey) ?? []), t])
    byCounty.set(countyKey, [...(byCounty.get(countyKey) ?? []), t])
  }
  for (const e of expectedDuties) {
    const countyKey = `${e.dutyCode}\u0000${e.periodKey}`
    if (!byCounty.has(countyKey)) byCounty.set(countyKey, [])
  }
  const rows: Array<CoverageRow> = []
  for (const [key, group] of byUnit) {
    const [dutyCode, periodKey, unitId] = key.split("\u0000") as [string, string, string]
    rows.push(row(dutyCode, unitId, periodKey, targetOf(dutyCode), group, on))
  }
  for (const [key, group] of byCounty) {
    const [dutyCode, periodKey] = key.split("\u0000") as [string, string]
    rows.push(row(dutyCode, null, periodKey, targetOf(dutyCode), group, on))
  }
  return rows.sort(
    (a, b) =>
      a.dutyCode.localeCompare(b.dutyCode) ||
      a.periodKey.localeCompare(b.periodKey) ||
      (a.unitId === null ? 1 : 0) - (b.unitId === null ? 1 : 0) ||
      (a.unitId ?? "").localeCompare(b.unitId ?? "")
  )
}
