/**
 * Finding leads for review: the filters of the suspicion list (rule, institution, amount range,
 * status, category, overdue, assignee, run), shared by the list, its totals and the .xlsx export so that all
 * three see the same set; and screening runs with their figures.
 */
import { type IsoDate } from "@fundguard/domain/kernel"
import {
  closedSuspicionStatuses,
  dataQualityRuleCodes,
  type SuspicionCategory,
  type SuspicionStatus
} from "@fundguard/domain/screening"
import { providerOfDb, sqlReader, type Db } from "../client.js"
import type { Provider } from "../config.js"
import { dueForSettling, settledOnStamp } from "../kernel/changeStamp.js"
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

/** Lists up to this long are bound value by value (the planner sees the values); longer ones as one JSON text. */
const bindUpTo = 500

/** SQL conditions over the leads (`"Suspicion" s`) with their parameters, numbered from $1 in order. */
export interface SuspicionConditions {
  readonly text: string
  readonly params: ReadonlyArray<unknown>
}

/**
 * The conditions of a filter on `today` (the bureau's date, for "overdue"), in SQL for the database `provider`
 * (a long list is written differently on SQLite and PostgreSQL): the list, its totals and the export read the same
 * set. Written in SQL because the list is the busiest read of the review (`sqlReader`).
 */
export const suspicionConditions = (
  filter: SuspicionFilter,
  today: IsoDate,
  provider: Provider
): SuspicionConditions => {
  const params: Array<unknown> = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  // A long list (a city's or a province's scope: thousands of institutions) is one JSON parameter, not one
  // parameter per value: SQLite takes at most 32,766 bound values in a statement and PostgreSQL 65,535.
  const set = (values: ReadonlyArray<unknown>) =>
    values.length <= bindUpTo
      ? values.map(param).join(", ")
      : provider === "sqlite"
        ? `SELECT value FROM json_each(${param(JSON.stringify(values))})`
        : `SELECT jsonb_array_elements_text(${param(JSON.stringify(values))}::jsonb)`
  // An empty list matches nothing, as Prisma's `in: []` does (SQL has no empty IN list).
  const oneOf = (column: string, values: ReadonlyArray<unknown>) =>
    values.length === 0 ? "1 = 0" : `${column} IN (${set(values)})`
  const noneOf = (column: string, values: ReadonlyArray<unknown>) =>
    values.length === 0 ? "1 = 1" : `${column} NOT IN (${set(values)})`
  const rules = list(filter.rule)
  const statuses = list(filter.status)
  const and: Array<string> = []
  if (rules !== undefined) and.push(oneOf(`s."ruleCode"`, rules))
  if (filter.category === "data_quality") and.push(oneOf(`s."ruleCode"`, dataQualityRuleCodes))
  if (filter.category === "violation") and.push(noneOf(`s."ruleCode"`, dataQualityRuleCodes))
  if (filter.institution !== undefined) and.push(`s."fixmedinsCode" = ${param(filter.institution)}`)
  if (statuses !== undefined) and.push(oneOf(`s."status"`, statuses))
  if (filter.minAmount !== undefined) and.push(`s."amount" >= ${param(filter.minAmount)}`)
  if (filter.maxAmount !== undefined) and.push(`s."amount" <= ${param(filter.maxAmount)}`)
  if (filter.overdue === true) and.push(`s."dueDate" < ${param(today)}`, noneOf(`s."status"`, closedSuspicionStatuses))
  if (filter.assigneeId !== undefined) and.push(`s."assigneeId" = ${param(filter.assigneeId)}`)
  if (filter.runId !== undefined) and.push(`s."firstRunId" = ${param(filter.runId)}`)
  if (filter.withinInstitutions !== undefined) and.push(oneOf(`s."fixmedinsCode"`, filter.withinInstitutions))
  return { text: and.length === 0 ? "1 = 1" : and.join(" AND "), params }
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

/**
 * The leads of a filter after a position in the list's order (largest amount first, then id — the order of the
 * list's indexes): an index range, amount ≤ a, then the ties after the id.
 */
const afterPosition = (where: SuspicionConditions, after: ListPosition | undefined): SuspicionConditions => {
  if (after === undefined) return where
  const a = `$${where.params.length + 1}`
  const id = `$${where.params.length + 2}`
  return {
    text: `${where.text} AND s."amount" <= ${a} AND (s."amount" < ${a} OR s."id" > ${id})`,
    params: [...where.params, after.amount, after.id]
  }
}

/** A lead as stored. */
export type SuspicionRow = Awaited<ReturnType<Db["suspicion"]["findFirstOrThrow"]>>
/** A lead of the list: with its institution's name (null for an institution not in the register). */
export type ListedSuspicion = SuspicionRow & { readonly institutionName: string | null }

const preparedUpToParams = 12

/** A page of leads of a filter in the list's order, with their institutions' names: one statement. */
const pageOfLeads = (db: Db, where: SuspicionConditions, take: number, skip: number) =>
  sqlReader(db)<ListedSuspicion>(
    `SELECT s.*, i."name" AS "institutionName" FROM "Suspicion" s
       LEFT JOIN "Institution" i ON i."code" = s."fixmedinsCode"
     WHERE ${where.text}
     ORDER BY s."amount" DESC, s."id" ASC
     LIMIT $${where.params.length + 1} OFFSET $${where.params.length + 2}`,
    [...where.params, take, skip],
    // The usual filters repeat the same few texts; a list bound value by value (up to `bindUpTo`) does not. A
    // longer list is one JSON parameter, so its text repeats and is prepared like the others.
    { prepare: where.params.length <= preparedUpToParams }
  )

/** When leads last changed (the newest `updatedAt`, in ms; 0 without leads): one entry of its index. */
export const suspicionsStamp = async (db: Db): Promise<number> => {
  const [newest] = await sqlReader(db)<{ updatedAt: Date }>(
    `SELECT "updatedAt" FROM "Suspicion" ORDER BY "updatedAt" DESC LIMIT 1`,
    [],
    { prepare: true }
  )
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
// A summary counted on a stamp is exact once the stamp has settled (`settledOnStamp`); one counted before that
// is counted once more after it, in the background while the remembered figures are served. One left unsettled
// through a quiet spell (nobody asked for it since) is counted again before answering. A page's leads are always
// read fresh.
const countBeforeAnsweringAfterMs = 60_000

const countSummary = async (db: Db, where: SuspicionConditions): Promise<SuspicionSummary> => {
  const [row] = await sqlReader(db)<{ total: unknown; amount: unknown }>(
    `SELECT count(*) AS "total", sum(s."amount") AS "amount" FROM "Suspicion" s WHERE ${where.text}`,
    where.params
  )
  return { total: Number(row?.total ?? 0), totalAmount: Math.round(Number(row?.amount ?? 0) * 100) / 100 }
}

/**
 * How many leads a filter holds and their amount. Counting a million leads takes a core for a fraction of a
 * second, so the figures are remembered per filter until a lead changes (one indexed read of the newest change
 * per call, `changeStamp.ts`); concurrent callers of the same filter share one count.
 */
export const suspicionSummary = async (
  db: Db,
  filter: SuspicionFilter,
  today: IsoDate,
  knownStamp?: number
): Promise<SuspicionSummary> => {
  const where = suspicionConditions(filter, today, providerOfDb(db))
  const stamp = knownStamp ?? (await suspicionsStamp(db))
  let cache = summaries.get(db)
  if (cache === undefined) summaries.set(db, (cache = new Map()))
  // A scope's institution list can be thousands of codes: the key is its digest, not the text.
  const key = createHash("sha256").update(JSON.stringify(where)).digest("base64")
  const now = Date.now()
  const known = cache.get(key)
  cache.delete(key)
  const usable =
    known !== undefined &&
    known.stamp === stamp &&
    (settledOnStamp(stamp, known.at) || now - known.at < countBeforeAnsweringAfterMs)
  if (usable) {
    cache.set(key, known)
    if (dueForSettling(stamp, known.at, now) && known.refreshing !== true) {
      const remembered = cache
      remembered.set(key, { ...known, refreshing: true })
      const at = Date.now()
      countSummary(db, where).then(
        (summary) => {
          if (remembered.get(key)?.stamp === stamp)
            remembered.set(key, { stamp, at, summary: Promise.resolve(summary) })
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
  const where = suspicionConditions(filter, today, providerOfDb(db))
  const [rows, summary] = await Promise.all([
    pageOfLeads(
      db,
      afterPosition(where, paging.after),
      pageSize + 1,
      paging.after === undefined ? (page - 1) * pageSize : 0
    ),
    suspicionSummary(db, filter, today, stamp)
  ])
  const items = rows.slice(0, pageSize)
  const last = items.at(-1)
  return {
    items,
    ...summary,
    nextCursor: rows.length > pageSize && last !== undefined ? { amount: last.amount, id: last.id } : null
  }
}

/** The outcome of a lead as stored. */
export type OutcomeRow = Awaited<ReturnType<Db["reviewOutcome"]["findFirstOrThrow"]>>

/**
 * Every lead of a filter for export, in the list's order, a page at a time (keyset), so that an export of a
 * million leads holds one page in memory. Each lead comes with its institution's name and its outcome.
 */
export async function* exportSuspicions(db: Db, filter: SuspicionFilter, today: IsoDate, pageSize = 2000) {
  const where = suspicionConditions(filter, today, providerOfDb(db))
  let after: ListPosition | undefined
  for (;;) {
    const rows = await pageOfLeads(db, afterPosition(where, after), pageSize, 0)
    if (rows.length === 0) return
    const outcomes = await sqlReader(db)<OutcomeRow>(
      `SELECT * FROM "ReviewOutcome" WHERE "suspicionId" IN (${rows.map((_, i) => `$${i + 1}`).join(", ")})`,
      rows.map((r) => r.id)
    )
    const outcomeOf = new Map(outcomes.map((o) => [o.suspicionId, o]))
    yield rows.map((r) => ({ ...r, outcome: outcomeOf.get(r.id) ?? null }))
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
 * filed by it), where its leads stand now, and its partitions when it was split.
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
  const partitions =
    ids.length === 0
      ? []
      : await db.runPartition.findMany({
          where: { runId: { in: ids } },
          orderBy: [{ runId: "asc" }, { job: "asc" }, { index: "asc" }]
        })
  return runs.map((run) => {
    const mine = filed.filter((f) => f.firstRunId === run.id)
    return {
      ...run,
      partitions: partitions.filter((p) => p.runId === run.id),
      newCount: mine.reduce((n, f) => n + f._count._all, 0),
      statusCounts: Object.fromEntries(mine.map((f) => [f.status, f._count._all])) as Record<string, number>
    }
  })
}

/** One screening run with its figures, or null. */
export const findRun = async (db: Db, id: string) => (await listRunsWithFigures(db, { id }))[0] ?? null
