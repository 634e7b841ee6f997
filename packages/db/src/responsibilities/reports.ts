/**
 * Reports over the tasks: coverage per duty, campaign and unit against target; the seed 000 ranking
 * for a year or quarter; the monthly inspection ledger (月度检查台账); a month's calendar of deadlines.
 */
import {
  addDays,
  isoDate,
  parsePeriodKey,
  type DayInfo,
  type Period,
  type WorkingCalendarShape
} from "@fundguard/domain/kernel"
import {
  coverage,
  defaultRankingScheme,
  performances,
  rankUnits,
  type CoverageRow,
  type RankingGroup,
  type RankingScheme,
  type TaskRecord
} from "@fundguard/domain/responsibilities"
import * as Either from "effect/Either"
import type { Db } from "../client.js"
import { listRankingSchemes, rankingSchemeOn } from "./duties.js"
import { findTasks, plannerContext, tasksWithDeadlines, unitScope, type TaskView, type UnitQuery } from "./tasks.js"

/** A coverage row with names. */
export interface CoverageView extends CoverageRow {
  readonly dutyTitle: string
  readonly unitName: string
  readonly campaign: { readonly code: string; readonly name: string; readonly phase: string } | null
}

/**
 * Coverage of the per-object duties whose periods end in `period` (or of one campaign's duties), as of
 * `asOf`, per unit and for the county.
 */
export const coverageReport = async (
  db: Db,
  query: { readonly period?: Period; readonly campaign?: string; readonly asOf: string; readonly unitId?: string }
): Promise<ReadonlyArray<CoverageView>> => {
  const context = await plannerContext(db)
  const duties = context.duties.filter((d) => query.campaign === undefined || d.campaign?.code === query.campaign)
  const codes = [...new Set(duties.map((d) => d.code))]
  const tasks = await findTasks(db, {
    dutyCodes: codes,
    ...(query.period === undefined ? {} : { periodEndFrom: query.period.start, periodEndTo: query.period.end }),
    ...(query.unitId === undefined ? {} : { unitIds: [query.unitId] })
  })
  const facts = tasks.map((t) => ({ ...t, completionDates: t.completions.map((c) => c.completedOn) }))
  const latest = (code: string) => [...duties].reverse().find((d) => d.code === code)
  const units = new Map(context.organisation.units.map((u) => [u.id as string, u.name]))
  return coverage(facts, (code) => latest(code)?.coverageTarget ?? 1, query.asOf).map((row) => {
    const duty = latest(row.dutyCode)
    return {
      ...row,
      dutyTitle: duty?.title ?? row.dutyCode,
      unitName: row.unitId === null ? "全县合计" : (units.get(row.unitId) ?? row.unitId),
      campaign: duty?.campaign ?? null
    }
  })
}

/** The campaigns the duties name. */
export const listCampaigns = async (db: Db) => {
  const context = await plannerContext(db)
  const map = new Map<string, { code: string; name: string; phases: Array<string>; from: string; to: string }>()
  for (const d of context.duties) {
    if (d.campaign === null) continue
    const c = map.get(d.campaign.code) ?? {
      code: d.campaign.code,
      name: d.campaign.name,
      phases: [],
      from: d.effectiveFrom,
      to: d.effectiveTo ?? d.effectiveFrom
    }
    if (!c.phases.includes(d.campaign.phase)) c.phases.push(d.campaign.phase)
    if (d.frequency.kind === "window") {
      if (d.frequency.from < c.from) c.from = d.frequency.from
      if (d.frequency.to > c.to) c.to = d.frequency.to
    }
    map.set(c.code, c)
  }
  return [...map.values()].sort((a, b) => b.from.localeCompare(a.from))
}

/** A ranking and the scheme it used. */
export interface RankingReport {
  readonly period: Period
  readonly asOf: string
  readonly scheme: RankingScheme
  readonly groups: ReadonlyArray<RankingGroup>
}

/**
 * The ranking for a period (`2026` or `2026-Q3`) as of `asOf`, under the scheme in force at the end
 * of the period (or on `asOf`, if earlier); the built-in default when none is stored.
 */
export const rankingReport = async (
  db: Db,
  query: { readonly period: Period; readonly asOf: string }
): Promise<RankingReport> => {
  const context = await plannerContext(db)
  const day = query.asOf < query.period.end ? query.asOf : query.period.end
  const scheme = rankingSchemeOn(await listRankingSchemes(db), day) ?? defaultRankingScheme
  const kinds = new Set(scheme.groups.map((g) => g.unitKind as string))
  const units = context.organisation.units.filter((u) => u.active && kinds.has(u.kind))
  const tasks = await findTasks(db, {
    unitIds: units.map((u) => u.id),
    periodEndFrom: query.period.start,
    periodEndTo: query.period.end
  })
  const records: Array<TaskRecord> = tasks.map((t) => ({
    ...t,
    category: t.category as TaskRecord["category"],
    completionDates: t.completions.map((c) => c.completedOn),
    completions: t.completions.map((c) => ({ completedOn: c.completedOn, values: c.values }))
  }))
  const target = (code: string) => context.duties.find((d) => d.code === code)?.coverageTarget ?? 1
  const perf = performances(units, records, target, query.period, query.asOf)
  return { period: query.period, asOf: query.asOf, scheme, groups: rankUnits(scheme, perf) }
}

/** One line of the monthly inspection ledger. */
export interface LedgerLine {
  readonly completedOn: string
  readonly unitId: string
  readonly unitName: string
  readonly dutyCode: string
  readonly title: string
  readonly objectName: string
  readonly periodLabel: string
  readonly record: string
  readonly personsSampled: number | null
  readonly problemsFound: number | null
  readonly rectificationsVerified: number | null
  readonly files: number
  readonly actorName: string
}

const num = (values: unknown, key: string): number | null => {
  const v = typeof values === "object" && values !== null ? (values as Record<string, unknown>)[key] : undefined
  return typeof v === "number" ? v : null
}

/**
 * The monthly inspection ledger (seed 000 §二(六)): every completion recorded in `month` (`2026-10`)
 * by the unit (and the units it supervises, when asked), by day.
 */
export const monthlyLedger = async (
  db: Db,
  query: UnitQuery & { readonly month: string }
): Promise<{ readonly period: Period; readonly lines: ReadonlyArray<LedgerLine> }> => {
  const period = parsePeriodKey(query.month)
  if (period === null || !/^\d{4}-\d{2}$/.test(query.month)) throw new Error(`not a month: ${query.month}`)
  const context = await plannerContext(db)
  const unitIds = unitScope(context.organisation, query.unitId, query.includeSupervised ?? false, query.allowedUnitIds)
  const completions = await db.taskCompletion.findMany({
    where: {
      completedOn: { gte: period.start, lte: period.end },
      ...(unitIds === undefined ? {} : { task: { unitId: { in: [...unitIds] } } })
    },
    include: { task: true, files: true },
    orderBy: [{ completedOn: "asc" }, { createdAt: "asc" }]
  })
  const units = new Map(context.organisation.units.map((u) => [u.id as string, u.name]))
  const title = (code: string, version: number) =>
    context.duties.find((d) => d.code === code && d.version === version)?.title ?? code
  const institutionsOf = (values: unknown) => {
    const v =
      typeof values === "object" && values !== null ? (values as Record<string, unknown>)["institutions"] : undefined
    return Array.isArray(v)
      ? v.map((c) => context.institutions.find((i) => i.code === c)?.name ?? String(c)).join("、")
      : ""
  }
  return {
    period,
    lines: completions.map((c) => ({
      completedOn: c.completedOn,
      unitId: c.task.unitId,
      unitName: units.get(c.task.unitId) ?? c.task.unitId,
      dutyCode: c.task.dutyCode,
      title: title(c.task.dutyCode, c.task.dutyVersion),
      objectName: c.task.objectName ?? (institutionsOf(c.values) || "—"),
      periodLabel: parsePeriodKey(c.task.periodKey)?.label ?? c.task.periodKey,
      record: c.record,
      personsSampled: num(c.values, "personsSampled"),
      problemsFound: num(c.values, "problemsFound"),
      rectificationsVerified: num(c.values, "rectificationsVerified"),
      files: c.files.length,
      actorName: c.actorName
    }))
  }
}

/** One day of the month calendar. */
export interface CalendarDay {
  readonly date: string
  readonly day: DayInfo | null
  /** Why `day` is null: the year is outside the holiday data. */
  readonly dayUnknown: string | null
  readonly tasks: ReadonlyArray<TaskView>
}

/** A month's days with the holidays and the deadlines that fall on each, states as of `today`. */
export const monthCalendar = async (
  db: Db,
  calendar: WorkingCalendarShape,
  query: UnitQuery & {
    readonly month: string
    readonly today: string
  }
): Promise<ReadonlyArray<CalendarDay>> => {
  const period = parsePeriodKey(query.month)
  if (period === null || !/^\d{4}-\d{2}$/.test(query.month)) throw new Error(`not a month: ${query.month}`)
  const tasks = await tasksWithDeadlines(db, calendar, {
    from: period.start,
    to: period.end,
    on: query.today,
    ...(query.unitId === undefined ? {} : { unitId: query.unitId }),
    ...(query.includeSupervised === undefined ? {} : { includeSupervised: query.includeSupervised }),
    ...(query.allowedUnitIds === undefined ? {} : { allowedUnitIds: query.allowedUnitIds })
  })
  const days: Array<CalendarDay> = []
  for (let date = isoDate(period.start); date <= period.end; date = addDays(date, 1)) {
    const info = calendar.day(date)
    days.push({
      date,
      day: Either.isRight(info) ? info.right : null,
      dayUnknown: Either.isLeft(info) ? info.left.message : null,
      tasks: tasks.filter((t) => t.deadline === date)
    })
  }
  return days
}
