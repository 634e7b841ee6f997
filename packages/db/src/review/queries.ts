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
import { createHash } from "node:crypto"

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

/** Where a page of the list ends: its last lead's amount and id (the list's order). */
export interface ListPosition {
  readonly amount: number
  readonly id: string
}

/** Paging of a list: by page number (offset), or after a position (keyset, as fast deep as on page 1). */
export interface Paging {
  readonly page?: number
  readonly pageSize?: number
  readonly after?: ListPosition
}

/** The list's order: largest amount first, then id — the order of the list's indexes. */
const listOrder = [{ amount: "desc" as const }, { id: "asc" as const }]

/** The leads after a position in the list's order (an index range: amount ≤ a, then the ties after the id). */
const afterPosition = (p: ListPosition) => [
  { amount: { lte: p.amount } },
  { OR: [{ amount: { lt: p.amount } }, { id: { gt: p.id } }] }
]

const withInstitutionNames = async <R extends { readonly fixmedinsCode: string }>(db: Db, rows: ReadonlyArray<R>) => {
  const codes = [...new Set(rows.map((r) => r.fixmedinsCode))]
  const names = new Map(
    (await db.institution.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })).map(
      (i) => [i.code, i.name] as const
    )
  )
  return rows.map((r) => ({ ...r, institutionName: names.get(r.fixmedinsCode) ?? null }))
}

/** When leads last changed (the newest `updatedAt`, in ms; 0 without leads): one entry of its index. */
export const suspicionsStamp = async (db: Db): Promise<number> => {
  // findFirst reads one entry of the updatedAt index; Prisma's aggregate _max would scan the table.
  const newest = await db.suspicion.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } })
  return newest?.updatedAt.getTime() ?? 0
}

/** How many leads a filter holds and their amount. */
export interface SuspicionSummary {
  readonly total: number
  readonly totalAmount: number
}

interface RememberedSummary {
  readonly stamp: number
  readonly at: number
  readonly summary: Promise<SuspicionSummary>
  /** A recount under way while the remembered figures are still served. */
  readonly refreshing?: boolean
}

/** The summaries remembered per database, by filter, most recently used last. */
const summaries = new WeakMap<Db, Map<string, RememberedSummary>>()
const rememberedFilters = 1000
// The newest change (max updatedAt) tells whether leads changed since a summary was counted. A transaction that
// commits after a newer one keeps its older instant and would go unseen, so a summary older than this is
// recounted in the background while the remembered figures are served (under steady use the totals are never
// staler than this plus one count, and no reader waits for it); one older than `waitForRecountAfterMs` (after a
// quiet spell) is counted again before answering. A page's leads are always read fresh.
const recountAfterMs = 10_000
const waitForRecountAfterMs = 60_000

const countSummary = (db: Db, where: ReturnType<typeof suspicionWhere>): Promise<SuspicionSummary> =>
  db.suspicion.aggregate({ where, _count: { _all: true }, _sum: { amount: true } }).then((a) => ({
    total: a._count._all,
    totalAmount: Math.round((a._sum.amount ?? 0) * 100) / 100
  }))

/**
 * How many leads a filter holds and their amount. Counting a million leads costs tens of milliseconds, so the
 * figures are remembered per filter until a lead changes (one indexed read of the newest change per call);
 * concurrent callers of the same filter share one count.
 */
export const suspicionSummary = async (
  db: Db,
  where: ReturnType<typeof suspicionWhere>,
  knownStamp?: number
): Promise<SuspicionSummary> => {
  const stamp = knownStamp ?? (await suspicionsStamp(db))
  let cache = summaries.get(db)
  if (cache === undefined) summaries.set(db, (cache = new Map()))
  // A scope's institution list can be thousands of codes: the key is its digest, not the text.
  const key = createHash("sha256").update(JSON.stringify(where)).digest("base64")
  const now = Date.now()
  const known = cache.get(key)
  cache.delete(key)
  // After a quiet spell nobody has refreshed the figures: count again before answering.
  if (known !== undefined && known.stamp === stamp && now - known.at < waitForRecountAfterMs) {
    cache.set(key, known)
    if (now - known.at >= recountAfterMs && known.refreshing !== true) {
      const remembered = cache
      remembered.set(key, { ...known, refreshing: true })
      countSummary(db, where).then(
        (summary) => {
          if (remembered.get(key)?.stamp === stamp)
            remembered.set(key, { stamp, at: Date.now(), summary: Promise.resolve(summary) })
        },
        () => remembered.delete(key)
      )
    }
    return known.summary
  }
  const summary = countSummary(db, where)
  cache.set(key, { stamp, at: now, summary })
  summary.catch(() => cache.delete(key))
  if (cache.size > rememberedFilters) cache.delete(cache.keys().next().value!)
  return summary
}

/**
 * A page of leads (largest amount first) with the institution's name, the filter's total and its amount, and
 * where the next page starts (null on the last page).
 */
export const searchSuspicions = async (
  db: Db,
  filter: SuspicionFilter,
  today: IsoDate,
  paging: Paging = {},
  /** The leads' change stamp when the caller has just read it (`readySuspicionReads`). */
  stamp?: number
) => {
  const pageSize = Math.min(Math.max(paging.pageSize ?? 50, 1), 500)
  const page = Math.max(paging.page ?? 1, 1)
  const where = suspicionWhere(filter, today)
  const [rows, summary] = await Promise.all([
    db.suspicion.findMany({
      where: paging.after === undefined ? where : { AND: [where, ...afterPosition(paging.after)] },
      orderBy: listOrder,
      skip: paging.after === undefined ? (page - 1) * pageSize : 0,
      take: pageSize + 1
    }),
    suspicionSummary(db, where, stamp)
  ])
  const items = rows.slice(0, pageSize)
  const last = items.at(-1)
  return {
    items: await withInstitutionNames(db, items),
    ...summary,
    nextCursor: rows.length > pageSize && last !== undefined ? { amount: last.amount, id: last.id } : null
  }
}

/**
 * Every lead of a filter for export, in the list's order, a page at a time (keyset), so that an export of a
 * million leads holds one page in memory.
 */
export async function* exportSuspicions(db: Db, filter: SuspicionFilter, today: IsoDate, pageSize = 2000) {
  const where = suspicionWhere(filter, today)
  let after: ListPosition | undefined
  for (;;) {
    const rows = await db.suspicion.findMany({
      where: after === undefined ? where : { AND: [where, ...afterPosition(after)] },
      orderBy: listOrder,
      take: pageSize,
      include: { outcome: true }
    })
    if (rows.length === 0) return
    yield await withInstitutionNames(db, rows)
    if (rows.length < pageSize) return
    const last = rows.at(-1)!
    after = { amount: last.amount, id: last.id }
  }
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
