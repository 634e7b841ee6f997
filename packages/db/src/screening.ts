/**
 * Screening runs and the suspicions they file. A run's suspicions are written in one transaction
 * when it finishes, so a run killed half-way leaves the previous results intact; suspicions are
 * unique per rule and key, so a rerun files no duplicates and keeps each lead's review status.
 */
import { suspicionKey, type Suspicion } from "@fundguard/domain"
import { bureauDate } from "@fundguard/domain/WorkingCalendar"
import { recordAudit, type Actor } from "./audit.js"
import type { Db } from "./client.js"
import { searchSuspicions, type SuspicionFilter } from "./reviewQueries.js"

/** What a run records about itself when it starts. */
export interface RunStart {
  readonly trigger: "cli" | "schedule" | "api" | "seed"
  readonly extract: string
  readonly admdvs: string | null
  readonly periodFrom: string | null
  readonly periodTo: string | null
  readonly params: Record<string, unknown>
}

/** Per-rule statistics of a run. */
export interface RuleStat {
  readonly code: string
  readonly version: number
  readonly status: "ran" | "skipped"
  readonly reason?: string
  readonly count: number
  readonly durationMs: number
}

/** Records that a run has started. */
export const startRun = async (db: Db, actor: Actor, start: RunStart) =>
  db.$transaction(async (tx) => {
    const run = await tx.screeningRun.create({
      data: { ...start, params: start.params as never, status: "running", ruleStats: [] as never }
    })
    await recordAudit(tx, actor, {
      action: "screening.start",
      entityType: "screening_run",
      entityId: run.id,
      details: { extract: start.extract, trigger: start.trigger }
    })
    return run
  })

/** Files a finished run's suspicions (new ones as 待初审) and closes the run, atomically. */
export const finishRun = async (
  db: Db,
  actor: Actor,
  runId: string,
  result: { readonly suspicions: ReadonlyArray<Suspicion>; readonly rules: ReadonlyArray<RuleStat> }
) =>
  db.$transaction(async (tx) => {
    let created = 0
    for (const s of result.suspicions) {
      const dedupKey = suspicionKey(s)
      const existing = await tx.suspicion.findUnique({ where: { ruleCode_dedupKey: { ruleCode: s.rule, dedupKey } } })
      const data = {
        ruleVersion: s.ruleVersion,
        level: s.level,
        fixmedinsCode: s.fixmedins_code,
        psnNo: s.psn_no,
        mdtrtId: s.mdtrt_id,
        setlId: s.setl_id,
        feedetlSn: [...s.feedetl_sn] as never,
        medListCodg: s.med_list_codg,
        date: s.date,
        amount: s.amount,
        violation: s.violation,
        evidence: s.evidence as never,
        message: s.message,
        lastRunId: runId
      }
      if (existing === null) {
        await tx.suspicion.create({
          data: { ...data, ruleCode: s.rule, dedupKey, firstRunId: runId, status: "pending_first_review" }
        })
        created++
      } else {
        await tx.suspicion.update({ where: { id: existing.id }, data })
      }
    }
    const run = await tx.screeningRun.update({
      where: { id: runId },
      data: {
        status: "succeeded",
        finishedAt: new Date(),
        suspicionCount: result.suspicions.length,
        ruleStats: result.rules as never
      }
    })
    await recordAudit(tx, actor, {
      action: "screening.finish",
      entityType: "screening_run",
      entityId: runId,
      details: { suspicions: result.suspicions.length, created }
    })
    return { run, created }
  })

/** How far a running run has got: the rule being screened, and rules done of all. */
export interface RunProgress {
  readonly rule: string
  readonly done: number
  readonly total: number
}

/**
 * Records a running run's progress for the runs page. Not audited: it is a gauge, not a state
 * change (the run's start, finish and failure are).
 */
export const recordRunProgress = async (db: Db, runId: string, progress: RunProgress): Promise<void> => {
  await db.screeningRun.updateMany({
    where: { id: runId, status: "running" },
    data: { progress: { ...progress, at: new Date().toISOString() } as never }
  })
}

/** Marks a run as failed with its error message. */
export const failRun = async (db: Db, actor: Actor, runId: string, error: string) =>
  db.$transaction(async (tx) => {
    await tx.screeningRun.update({ where: { id: runId }, data: { status: "failed", finishedAt: new Date(), error } })
    await recordAudit(tx, actor, {
      action: "screening.fail",
      entityType: "screening_run",
      entityId: runId,
      details: { error }
    })
  })

/** Filters for listing suspicions. */
export interface SuspicionQuery {
  readonly rule?: string
  readonly institution?: string
  readonly status?: string
  readonly minAmount?: number
  readonly page?: number
  readonly pageSize?: number
}

/** A page of suspicions (largest amount first) with the institution's name, and the total. */
export const listSuspicions = async (db: Db, query: SuspicionQuery = {}) => {
  const { page, pageSize, ...filter } = query
  return searchSuspicions(db, filter as SuspicionFilter, bureauDate(new Date()), {
    ...(page === undefined ? {} : { page }),
    ...(pageSize === undefined ? {} : { pageSize })
  })
}

/** The most recent screening runs, newest first. */
export const listRuns = (db: Db, take = 20) => db.screeningRun.findMany({ orderBy: { startedAt: "desc" }, take })

/**
 * Records screening runs in this database; structurally the `RunRecorder` of
 * `@fundguard/screening`'s job (this package does not depend on it).
 */
export const databaseRunRecorder = (db: Db, actor: Actor) => ({
  start: (run: RunStart) => startRun(db, actor, run),
  finish: async (
    runId: string,
    result: { readonly suspicions: ReadonlyArray<Suspicion>; readonly rules: ReadonlyArray<RuleStat> }
  ) => {
    const { created } = await finishRun(db, actor, runId, result)
    return { created }
  },
  fail: (runId: string, error: string) => failRun(db, actor, runId, error),
  progress: (runId: string, progress: RunProgress) => recordRunProgress(db, runId, progress)
})
