/**
 * Which tasks the duties give each unit, and their deadlines. Pure: the organisation, the register,
 * the duties and the working-day calendar in, the planned tasks out — the worker stores them
 * (idempotently, keyed by duty, unit, object and period), and "what is due on a date" asks the same.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type { Duty, DutyCategory, DutyObject } from "./Duty.js"
import { versionForPeriod } from "./Duty.js"
import { isoDate, type IsoDate } from "../kernel/IsoDate.js"
import {
  areasOf,
  institutionsOverseenBy,
  type InstitutionFacts,
  type Organisation,
  type OrgUnit
} from "./Organisation.js"
import { dayOfFollowingMonth, periodsOverlapping, windowPeriod, type Period } from "../kernel/Period.js"
import {
  addWorkingDays,
  onOrNextWorkingDay,
  weekendsOnlyCalendar,
  type WorkingCalendarShape
} from "../kernel/WorkingCalendar.js"

/**
 * A task's deadline. `provisional` when the calendar has no holiday data for its year: the date is
 * then the nominal one (or a weekends-only count), and `note` says so — it is recomputed once the
 * holiday data covers the year.
 *
 * @category models
 */
export interface Deadline {
  readonly date: IsoDate
  readonly nominal: IsoDate
  readonly provisional: boolean
  readonly note: string | null
}

/**
 * The deadline of `duty` for `period`: 民法典 Art.203 moves a deadline that falls on a rest day to the
 * next working day; "N working days" counts from the day after the period ends (Art.201).
 *
 * @category rules
 */
export const dutyDeadline = (
  duty: Pick<Duty, "deadline">,
  period: Period,
  calendar: WorkingCalendarShape
): Deadline => {
  const rule = duty.deadline
  if (rule.kind === "working_days_after_period_end") {
    const exact = addWorkingDays(calendar, period.end, rule.days)
    if (Either.isRight(exact)) return { date: exact.right, nominal: exact.right, provisional: false, note: null }
    const year = Number(exact.left.date.slice(0, 4))
    const guess = Either.getOrThrow(addWorkingDays(weekendsOnlyCalendar(year - 1, year + 1), period.end, rule.days))
    return {
      date: guess,
      nominal: guess,
      provisional: true,
      note: `${exact.left.message}。截止日期暂按仅扣除周末推算为 ${guess}，未计入该年法定节假日和调休，节假日数据更新后自动重算。`
    }
  }
  const nominal = rule.kind === "period_end" ? period.end : dayOfFollowingMonth(period.end, rule.day)
  const rolled = onOrNextWorkingDay(calendar, nominal)
  if (Either.isRight(rolled)) return { date: rolled.right, nominal, provisional: false, note: null }
  return {
    date: nominal,
    nominal,
    provisional: true,
    note: `${rolled.left.message}。截止日期暂按名义日期 ${nominal} 计，未按法定节假日顺延（民法典第二百零三条），节假日数据更新后自动重算。`
  }
}

/**
 * One task the duties give a unit.
 *
 * @category models
 */
export interface PlannedTask {
  readonly dutyCode: string
  readonly dutyVersion: number
  readonly title: string
  readonly category: DutyCategory
  readonly unitId: string
  readonly objectType: "institution" | "area" | "none"
  /** The institution code or area code; "" for a unit's own task. */
  readonly objectCode: string
  readonly objectName: string | null
  readonly period: Period
  readonly deadline: Deadline
  readonly requiredCount: number
}

/** The identity of a task: generation never creates a second one with the same key. @category rules */
export const taskKey = (t: {
  readonly dutyCode: string
  readonly unitId: string
  readonly objectCode: string
  readonly periodKey: string
}): string => `${t.dutyCode}|${t.unitId}|${t.objectCode}|${t.periodKey}`

/**
 * The institutions a duty's object selects among those a unit oversees.
 *
 * @category rules
 */
export const objectInstitutions = (
  object: DutyObject,
  org: Organisation,
  unitId: string,
  institutions: ReadonlyArray<InstitutionFacts>
): ReadonlyArray<InstitutionFacts> => {
  if (object.kind !== "institutions") return []
  return institutionsOverseenBy(org, unitId, institutions).filter(
    (i) =>
      object.orgKinds.includes(i.orgKind) &&
      (object.hospitalLevels.length === 0 ||
        (i.hospitalLevel !== null && (object.hospitalLevels as ReadonlyArray<string>).includes(i.hospitalLevel))) &&
      (!object.withBeds || (i.approvedBeds ?? 0) > 0)
  )
}

/**
 * The units a duty applies to: active units of its kind, or only those it names.
 *
 * @category rules
 */
export const responsibleUnits = (duty: Duty, org: Organisation): ReadonlyArray<OrgUnit> =>
  org.units
    .filter(
      (u) =>
        u.active &&
        u.kind === duty.responsible.unitKind &&
        (duty.responsible.unitIds.length === 0 || duty.responsible.unitIds.includes(u.id))
    )
    .sort((a, b) => a.id.localeCompare(b.id))

const periodsOf = (duty: Duty, from: IsoDate, through: IsoDate): ReadonlyArray<Period> => {
  if (duty.frequency.kind === "window") {
    const window = windowPeriod(isoDate(duty.frequency.from), isoDate(duty.frequency.to))
    return window.start <= through && window.end >= from ? [window] : []
  }
  return periodsOverlapping(duty.frequency.unit, from, through)
}

/**
 * What the planner was given.
 *
 * @category models
 */
export interface PlanInput {
  /** Every version of every duty. */
  readonly duties: ReadonlyArray<Duty>
  readonly organisation: Organisation
  readonly institutions: ReadonlyArray<InstitutionFacts>
  /** Periods that overlap `from`…`through` and have begun by `through` are planned. */
  readonly from: IsoDate
  readonly through: IsoDate
  readonly calendar: WorkingCalendarShape
  /** Only this unit's tasks, when given. */
  readonly unitId?: string
}

/**
 * The tasks of every period of every duty overlapping `from`…`through`, ordered by deadline, unit and key.
 * A period's rule is the duty version in force in it (`versionForPeriod`).
 *
 * @category rules
 */
export const planTasks = (input: PlanInput): ReadonlyArray<PlannedTask> => {
  const tasks: Array<PlannedTask> = []
  const codes = [...new Set(input.duties.map((d) => d.code))].sort()
  for (const code of codes) {
    const versions = input.duties.filter((d) => d.code === code)
    const periods = new Map<string, Period>()
    for (const v of versions) for (const p of periodsOf(v, input.from, input.through)) periods.set(p.key, p)
    for (const period of periods.values()) {
      const duty = versionForPeriod(versions, code, period.start, period.end)
      if (duty === undefined) continue
      const deadline = dutyDeadline(duty, period, input.calendar)
      for (const unit of responsibleUnits(duty, input.organisation)) {
        if (input.unitId !== undefined && unit.id !== input.unitId) continue
        const base = {
          dutyCode: duty.code,
          dutyVersion: duty.version,
          title: duty.title,
          category: duty.category,
          unitId: unit.id,
          period,
          deadline,
          requiredCount: duty.requiredCount
        }
        if (duty.scope === "unit") {
          tasks.push({ ...base, objectType: "none", objectCode: "", objectName: null })
        } else if (duty.object.kind === "areas") {
          for (const area of areasOf(input.organisation, unit.id))
            tasks.push({ ...base, objectType: "area", objectCode: area.code, objectName: area.name })
        } else {
          for (const i of objectInstitutions(duty.object, input.organisation, unit.id, input.institutions))
            tasks.push({ ...base, objectType: "institution", objectCode: i.code, objectName: i.name })
        }
      }
    }
  }
  const key = (t: PlannedTask) => taskKey({ ...t, periodKey: t.period.key })
  return tasks.sort(
    (a, b) =>
      a.deadline.date.localeCompare(b.deadline.date) || a.unitId.localeCompare(b.unitId) || key(a).localeCompare(key(b))
  )
}
