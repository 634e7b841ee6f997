/**
 * The pre-settlement check's records: the lines already checked (the history the history-dependent rules
 * read, kept across restarts), every warning given with its jr_id, and what the institution did with it
 * (3103). A request's lines and warnings are written in one transaction: nothing half stored.
 */
import type { Actor } from "@fundguard/domain/kernel"
import { type PrecheckWarning as WarningAnswer, unknownWarningMessage } from "@fundguard/domain/screening"
import { Data } from "effect"
import { recordAudit } from "../access/audit.js"
import { type Db, providerOfDb, sqlReader } from "../client.js"
import { insertRows, storedInstant } from "../kernel/bulkInsert.js"
import type { Provider } from "../config.js"
import { timeOrderedId } from "../kernel/ids.js"

/** A checked line as stored: its day and serial, and the line itself. */
interface StoredLine {
  readonly feedetl_sn: string
  readonly day: string
}

/** A visit as checked. */
export interface CheckedVisit {
  readonly mdtrt_id: string
  readonly psn_no: string
  readonly fixmedins_code: string
  readonly lines: ReadonlyArray<StoredLine>
}

/** A request's records: its checked visits and its warnings, at the time it was answered. */
export interface PrecheckRecords {
  readonly at: Date
  readonly visits: ReadonlyArray<CheckedVisit>
  readonly warnings: ReadonlyArray<WarningToStore>
}

/** A warning to store. */
export interface WarningToStore {
  readonly infno: string
  readonly ruleCode: string
  readonly ruleVersion: number
  readonly institutionCode: string
  readonly psnNo: string
  readonly doctorCode: string | null
  readonly day: string
  readonly amount: number
  readonly answer: WarningAnswer
}

/**
 * The lines already checked of people at institutions on given days — several people in one query (the
 * door gathers the days its concurrent requests miss).
 */
export const checkedLines = async (
  db: Db,
  wanted: ReadonlyArray<{
    readonly psnNo: string
    readonly institutionCode: string
    readonly days: ReadonlyArray<string>
  }>
): Promise<
  ReadonlyArray<{
    readonly psnNo: string
    readonly institutionCode: string
    readonly mdtrtId: string
    readonly day: string
    readonly line: unknown
  }>
> => {
  const groups = wanted.filter((w) => w.days.length > 0)
  return groups.length === 0
    ? []
    : db.precheckLine.findMany({
        where: {
          OR: groups.map((w) => ({ psnNo: w.psnNo, institutionCode: w.institutionCode, day: { in: [...w.days] } }))
        },
        select: { psnNo: true, institutionCode: true, mdtrtId: true, day: true, line: true },
        orderBy: [{ checkedAt: "asc" }, { id: "asc" }]
      })
}

/**
 * The most recent days of checked lines, whole, for a cache to start from: the newest days first, as many as
 * fit in `maxLines` lines (at least the newest), and the newest day of all (null when nothing was checked) —
 * every day after it has no lines yet.
 */
export const recentCheckedLines = async (
  db: Db,
  maxLines: number
): Promise<{
  readonly newestDay: string | null
  readonly days: ReadonlyArray<string>
  readonly lines: ReadonlyArray<{
    readonly psnNo: string
    readonly institutionCode: string
    readonly mdtrtId: string
    readonly day: string
    readonly line: unknown
  }>
}> => {
  const counts = await db.precheckLine.groupBy({
    by: ["day"],
    _count: { _all: true },
    orderBy: { day: "desc" },
    take: 31
  })
  const days: Array<string> = []
  let total = 0
  for (const c of counts) {
    if (days.length > 0 && total + c._count._all > maxLines) break
    days.push(c.day)
    total += c._count._all
  }
  const lines =
    days.length === 0
      ? []
      : await db.precheckLine.findMany({
          where: { day: { in: days } },
          select: { psnNo: true, institutionCode: true, mdtrtId: true, day: true, line: true },
          orderBy: [{ checkedAt: "asc" }, { id: "asc" }]
        })
  return { newestDay: counts[0]?.day ?? null, days, lines }
}

const insertLines = (provider: Provider) =>
  insertRows(provider, "PrecheckLine", [
    ["id", "text"],
    ["psnNo", "text"],
    ["institutionCode", "text"],
    ["day", "text"],
    ["mdtrtId", "text"],
    ["feedetlSn", "text"],
    ["line", "jsonb"],
    ["checkedAt", "timestamp(3)"]
  ])

const insertWarnings = (provider: Provider) =>
  insertRows(provider, "PrecheckWarning", [
    ["id", "text"],
    ["infno", "text"],
    ["ruleCode", "text"],
    ["ruleVersion", "integer"],
    ["institutionCode", "text"],
    ["psnNo", "text"],
    ["mdtrtId", "text"],
    ["doctorCode", "text"],
    ["day", "text"],
    ["amount", "double precision"],
    ["message", "text"],
    ["answer", "jsonb"],
    ["createdAt", "timestamp(3)"]
  ])

const deleteLinesOfVisits = (provider: Provider) =>
  provider === "sqlite"
    ? `DELETE FROM "PrecheckLine" WHERE "mdtrtId" IN (SELECT value FROM json_each(?))`
    : `DELETE FROM "PrecheckLine" WHERE "mdtrtId" IN (SELECT jsonb_array_elements_text($1::jsonb))`

/**
 * Records requests: their checked visits' lines replace those visits' earlier lines (a visit checked twice in
 * the batch keeps its last lines), and their warnings are stored, each at the time its request was answered —
 * all in one transaction, so that a batch of requests (the door's group commit) is written whole or not at
 * all. Written in SQL with the rows as one JSON value: the till's door writes thousands of lines a second,
 * and `createMany`'s cost per row in the query compiler was most of the door's time (docs/benchmarks.md).
 */
export const recordPrecheck = async (db: Db, requests: ReadonlyArray<PrecheckRecords>): Promise<void> => {
  const provider = providerOfDb(db)
  const latest = new Map<string, { readonly visit: CheckedVisit; readonly at: Date }>()
  for (const r of requests) for (const visit of r.visits) latest.set(visit.mdtrt_id, { visit, at: r.at })
  const lines = [...latest.values()].flatMap(({ visit: v, at }) => {
    const checkedAt = storedInstant(provider, at)
    return v.lines.map((line) => [
      timeOrderedId(),
      v.psn_no,
      v.fixmedins_code,
      line.day,
      v.mdtrt_id,
      line.feedetl_sn,
      line,
      checkedAt
    ])
  })
  const warnings = requests.flatMap((r) =>
    r.warnings.map((w) => [
      w.answer.jr_id,
      w.infno,
      w.ruleCode,
      w.ruleVersion,
      w.institutionCode,
      w.psnNo,
      w.answer.mdtrt_id,
      w.doctorCode,
      w.day,
      w.amount,
      w.answer.vola_cont,
      w.answer,
      storedInstant(provider, r.at)
    ])
  )
  // One batch of statements in one transaction (cheaper than an interactive one).
  await db.$transaction([
    db.$executeRawUnsafe(deleteLinesOfVisits(provider), JSON.stringify([...latest.keys()])),
    ...(lines.length === 0 ? [] : [db.$executeRawUnsafe(insertLines(provider), JSON.stringify(lines))]),
    ...(warnings.length === 0 ? [] : [db.$executeRawUnsafe(insertWarnings(provider), JSON.stringify(warnings))])
  ])
}

/** No warning of that jr_id was given to this institution. */
export class PrecheckWarningNotFound extends Data.TaggedError("PrecheckWarningNotFound")<{ readonly jrId: string }> {
  override get message(): string {
    return unknownWarningMessage(this.jrId)
  }
}

/**
 * Records what the institution did with a warning (3103), audited: 1 继续执行 with its reason, 2 返回修改. A
 * later feedback replaces an earlier one (the doctor changed course).
 */
export const recordPrecheckFeedback = async (
  db: Db,
  actor: Actor,
  input: {
    readonly institutionCode: string
    readonly jrId: string
    readonly way: "1" | "2"
    readonly reason: string | null
    readonly at: Date
  }
): Promise<void> => {
  await db.$transaction(async (tx) => {
    const updated = await tx.precheckWarning.updateMany({
      where: { id: input.jrId, institutionCode: input.institutionCode },
      data: { dispoWay: input.way, dispoReason: input.reason, dispoAt: input.at }
    })
    if (updated.count !== 1) throw new PrecheckWarningNotFound({ jrId: input.jrId })
    await recordAudit(tx, actor, {
      action: "precheck.feedback",
      entityType: "precheck_warning",
      entityId: input.jrId,
      details: { way: input.way, reason: input.reason }
    })
  })
}

/** A warning as a nightly suspicion shows it. */
export interface WarningOfSuspicion {
  readonly jrId: string
  readonly at: Date
  readonly mdtrtId: string
  readonly message: string
  readonly amount: number
  readonly dispoWay: "1" | "2" | null
  readonly dispoReason: string | null
  readonly dispoAt: Date | null
}

/**
 * The warnings given before settlement for what a nightly suspicion flags: the same rule, on the visits its
 * lines belong to (a day's units may span visits), at its institution — oldest first.
 */
export const warningsOfSuspicion = async (
  db: Db,
  suspicion: {
    readonly ruleCode: string
    readonly fixmedinsCode: string
    readonly mdtrtId: string | null
    readonly evidence: unknown
  }
): Promise<ReadonlyArray<WarningOfSuspicion>> => {
  const lines = (suspicion.evidence as { lines?: unknown } | null)?.lines
  const visits = new Set<string>(suspicion.mdtrtId === null ? [] : [suspicion.mdtrtId])
  if (Array.isArray(lines))
    for (const l of lines)
      if (typeof l === "object" && l !== null && typeof (l as { mdtrt_id?: unknown }).mdtrt_id === "string")
        visits.add((l as { mdtrt_id: string }).mdtrt_id)
  if (visits.size === 0) return []
  // In SQL: read on every view of a lead's detail (`sqlReader`).
  const rows = await sqlReader(db)<Awaited<ReturnType<Db["precheckWarning"]["findFirstOrThrow"]>>>(
    `SELECT * FROM "PrecheckWarning"
     WHERE "ruleCode" = $1 AND "institutionCode" = $2 AND "mdtrtId" IN (${[...visits].map((_, i) => `$${i + 3}`).join(", ")})
     ORDER BY "createdAt" ASC LIMIT 20`,
    [suspicion.ruleCode, suspicion.fixmedinsCode, ...visits]
  )
  return rows.map((r) => ({
    jrId: r.id,
    at: r.createdAt,
    mdtrtId: r.mdtrtId,
    message: r.message,
    amount: r.amount,
    dispoWay: r.dispoWay === "1" || r.dispoWay === "2" ? r.dispoWay : null,
    dispoReason: r.dispoReason,
    dispoAt: r.dispoAt
  }))
}

/** One row of the report: warnings given, what was done with them, and what they saved. */
export interface PrecheckReportRow {
  readonly institutionCode: string
  readonly doctorCode: string | null
  readonly warnings: number
  readonly overrides: number
  readonly edited: number
  readonly noFeedback: number
  /** Overrides of a warning whose line the nightly run later flagged and review confirmed. */
  readonly overridesConfirmed: number
  /** Yuan: the warned amounts of lines that, when their visit was checked again, no longer broke the rule. */
  readonly saved: number
}

/**
 * The pre-settlement check's report for warnings given between two days (inclusive, bureau days as
 * `yyyy-MM-dd` on the warning's visit day), per institution and per doctor, for the institutions given (null:
 * all).
 */
export const precheckReport = async (
  db: Db,
  input: { readonly from: string; readonly to: string; readonly institutions: ReadonlyArray<string> | null }
): Promise<{
  readonly institutions: ReadonlyArray<PrecheckReportRow>
  readonly doctors: ReadonlyArray<PrecheckReportRow>
}> => {
  const warnings = await db.precheckWarning.findMany({
    where: {
      day: { gte: input.from, lte: input.to },
      ...(input.institutions === null ? {} : { institutionCode: { in: [...input.institutions] } })
    },
    select: {
      id: true,
      institutionCode: true,
      doctorCode: true,
      ruleCode: true,
      mdtrtId: true,
      dispoWay: true,
      answer: true,
      createdAt: true
    },
    take: 200_000
  })
  const visits = [...new Set(warnings.map((w) => w.mdtrtId))]
  const [confirmed, later, lines] = await Promise.all([
    db.suspicion.findMany({
      where: { mdtrtId: { in: visits }, outcome: { is: { result: "confirmed" } } },
      select: { ruleCode: true, mdtrtId: true, fixmedinsCode: true }
    }),
    db.precheckWarning.findMany({
      where: { mdtrtId: { in: visits } },
      select: { ruleCode: true, mdtrtId: true, answer: true, createdAt: true }
    }),
    db.precheckLine.findMany({ where: { mdtrtId: { in: visits } }, select: { mdtrtId: true, checkedAt: true } })
  ])
  const confirmedKeys = new Set(confirmed.map((s) => `${s.fixmedinsCode}|${s.ruleCode}|${s.mdtrtId}`))
  const lastChecked = new Map<string, number>()
  for (const l of lines) lastChecked.set(l.mdtrtId, Math.max(lastChecked.get(l.mdtrtId) ?? 0, l.checkedAt.getTime()))
  type Detail = { readonly rx_id: string; readonly vola_item_type: string; readonly vola_amt: number }
  const flagged = (answer: unknown): ReadonlyArray<Detail> =>
    ((answer as { judge_result_detail_dtos?: ReadonlyArray<Detail> }).judge_result_detail_dtos ?? []).filter(
      (d) => d.vola_item_type === "1"
    )
  const savedBy = (w: (typeof warnings)[number]): number => {
    // Checked again after the warning: each warned line no later warning of the rule flags was corrected.
    if ((lastChecked.get(w.mdtrtId) ?? 0) <= w.createdAt.getTime()) return 0
    const flaggedAfter = new Set(
      later
        .filter((o) => o.mdtrtId === w.mdtrtId && o.ruleCode === w.ruleCode && o.createdAt > w.createdAt)
        .flatMap((o) => flagged(o.answer).map((d) => d.rx_id))
    )
    return flagged(w.answer)
      .filter((d) => !flaggedAfter.has(d.rx_id))
      .reduce((n, d) => n + d.vola_amt, 0)
  }
  const rows = (keyOf: (w: (typeof warnings)[number]) => string) => {
    const groups = new Map<string, Array<(typeof warnings)[number]>>()
    for (const w of warnings) groups.set(keyOf(w), [...(groups.get(keyOf(w)) ?? []), w])
    return [...groups.values()]
      .map(
        (ws): PrecheckReportRow => ({
          institutionCode: ws[0]!.institutionCode,
          doctorCode: keyOf(ws[0]!).includes("|") ? ws[0]!.doctorCode : null,
          warnings: ws.length,
          overrides: ws.filter((w) => w.dispoWay === "1").length,
          edited: ws.filter((w) => w.dispoWay === "2").length,
          noFeedback: ws.filter((w) => w.dispoWay === null).length,
          overridesConfirmed: ws.filter(
            (w) => w.dispoWay === "1" && confirmedKeys.has(`${w.institutionCode}|${w.ruleCode}|${w.mdtrtId}`)
          ).length,
          saved: Math.round(ws.reduce((n, w) => n + savedBy(w), 0) * 100) / 100
        })
      )
      .sort(
        (a, b) =>
          b.overrides - a.overrides || b.warnings - a.warnings || (a.institutionCode < b.institutionCode ? -1 : 1)
      )
  }
  return {
    institutions: rows((w) => w.institutionCode),
    doctors: rows((w) => `${w.institutionCode}|${w.doctorCode ?? "—"}`)
  }
}
