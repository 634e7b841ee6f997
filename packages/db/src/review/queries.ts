/**
 * Finding leads for review: the filters of the suspicion list (rule, institution, amount range,
 * status, category, overdue, assignee, run), shared by the list, the bulk actions and the .xlsx
 * export so that all three see the same set; and screening runs with their figures.
 */
import { type IsoDate } from "@fundguard/domain/kernel"
import {
  closedSuspicionStatuses,
  dataQualityRuleCodes,
  type SuspicionCategory,
  type SuspicionStatus
} from "@fundguard/domain/screening"
import type { Db } from "../client.js"

/** Filters of the suspicion list. Every given filter must hold. */
export interface SuspicionFilter {
  readonly rule?: string | ReadonlyArray<string>
  readonly institution?: string
  readonly status?: SuspicionStatus | ReadonlyArray<SuspicionStatus>
  readonly minAmount?: number
  readonly maxAmount?: number
  readonly category?: SuspicionCategory
  /** Only leads whose current step is past its deadline. */
  readonly overdue?: boolean
  readonly assigneeId?: string
  /** Leads first filed by this run. */
  readonly runId?: string
  /** The caller's data scope: only leads of these institutions (undefined = every institution). */
  readonly withinInstitutions?: ReadonlyArray<string>
}

const list = <A>(value: A | ReadonlyArray<A> | undefined): ReadonlyArray<A> | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? (value as ReadonlyArray<A>) : [value as A]

/** The Prisma `where` of a filter on `today` (the bureau's date, for "overdue"). */
export const suspicionWhere = (filter: SuspicionFilter, today: IsoDate) => {
  const rules = list(filter.rule)
  const statuses = list(filter.status)
  const and: Array<Record<string, unknown>> = []
  if (rules !== undefined) and.push({ ruleCode: { in: [...rules] } })
  if (filter.category === "data_quality") and.push({ ruleCode: { in: [...dataQualityRuleCodes] } })
  if (filter.category === "violation") and.push({ ruleCode: { notIn: [...dataQualityRuleCodes] } })
  if (filter.institution !== undefined) and.push({ fixmedinsCode: filter.institution })
  if (statuses !== undefined) and.push({ status: { in: [...statuses] } })
  if (filter.minAmount !== undefined) and.push({ amount: { gte: filter.minAmount } })
  if (filter.maxAmount !== undefined) and.push({ amount: { lte: filter.maxAmount } })
  if (filter.overdue === true) {
    and.push({ dueDate: { lt: today } }, { status: { notIn: [...closedSuspicionStatuses] } })
  }
  if (filter.assigneeId !== undefined) and.push({ assigneeId: filter.assigneeId })
  if (filter.runId !== undefined) and.push({ firstRunId: filter.runId })
  if (filter.withinInstitutions !== undefined) and.push({ fixmedinsCode: { in: [...filter.withinInstitutions] } })
  return and.length === 0 ? {} : { AND: and }
}

/** Paging of a list. */
export interface Paging {
  readonly page?: number
  readonly pageSize?: number
}

const withInstitutionNames = async <R extends { readonly fixmedinsCode: string }>(db: Db, rows: ReadonlyArray<R>) => {
  const codes = [...new Set(rows.map((r) => r.fixmedinsCode))]
  const names = new Map(
    (await db.institution.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map(
      (i) => [i.code, i.name] as const
    )
  )
  return rows.map((r) => ({ ...r, institutionName: names.get(r.fixmedinsCode) ?? null }))
}

/** A page of leads (largest amount first) with the institution's name, the total and its amount. */
export const searchSuspicions = async (db: Db, filter: SuspicionFilter, today: IsoDate, paging: Paging = {}) => {
  const pageSize = Math.min(Math.max(paging.pageSize ?? 50, 1), 500)
  const page = Math.max(paging.page ?? 1, 1)
  const where = suspicionWhere(filter, today)
  const [rows, total, sum] = await Promise.all([
    db.suspicion.findMany({
      where,
      orderBy: [{ amount: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize
    }),
    db.suspicion.count({ where }),
    db.suspicion.aggregate({ where, _sum: { amount: true } })
  ])
  return {
    items: await withInstitutionNames(db, rows),
    total,
    totalAmount: Math.round((sum._sum.amount ?? 0) * 100) / 100
  }
}

/** Every lead of a filter for export, up to `limit` (the caller refuses larger sets). */
export const exportSuspicions = async (db: Db, filter: SuspicionFilter, today: IsoDate, limit: number) => {
  const where = suspicionWhere(filter, today)
  const total = await db.suspicion.count({ where })
  if (total > limit) return { total, items: null }
  const rows = await db.suspicion.findMany({
    where,
    orderBy: [{ amount: "desc" }, { id: "asc" }],
    include: { outcome: true }
  })
  return { total, items: await withInstitutionNames(db, rows) }
}

/** The ids and revisions of given leads, for bulk steps. */
export const suspicionRevisions = (db: Db, ids: ReadonlyArray<string>) =>
  db.suspicion.findMany({ where: { id: { in: [...ids] } }, select: { id: true, revision: true, status: true } })

/**
 * The most recent screening runs, newest first, each with how many of its leads were new (first
 * filed by it) and where its leads stand now.
 */
export const listRunsWithFigures = async (db: Db, options: { readonly take?: number; readonly id?: string } = {}) => {
  const runs = await db.screeningRun.findMany({
    where: options.id === undefined ? {} : { id: options.id },
    orderBy: { startedAt: "desc" },
    take: options.take ?? 50
  })
  const ids = runs.map((r) => r.id)
  const filed =
    ids.length === 0
      ? []
      : await db.suspicion.groupBy({
          by: ["firstRunId", "status"],
          where: { firstRunId: { in: ids } },
          _count: { _all: true }
        })
  return runs.map((run) => {
    const mine = filed.filter((f) => f.firstRunId === run.id)
    return {
      ...run,
      newCount: mine.reduce((n, f) => n + f._count._all, 0),
      statusCounts: Object.fromEntries(mine.map((f) => [f.status, f._count._all])) as Record<string, number>
    }
  })
}

/** One screening run with its figures, or null. */
export const findRun = async (db: Db, id: string) => (await listRunsWithFigures(db, { id }))[0] ?? null
