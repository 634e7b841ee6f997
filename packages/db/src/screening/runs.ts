/**
 * Screening runs and the suspicions they file. A run's suspicions are written in one transaction
 * when it finishes, so a run killed half-way leaves the previous results intact; suspicions are
 * unique per rule and key, so a rerun files no duplicates and keeps each lead's review status.
 */
import {
  rerunRefusal,
  RunNotFound,
  RunNotRerunnable,
  runIsInterrupted,
  ScreeningRunRepository,
  suspicionKey,
  type RunStatus,
  type StoredRun,
  type Suspicion
} from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { bureauDate } from "@fundguard/domain/kernel"
import { randomUUID } from "node:crypto"
import { hostname } from "node:os"
import { canonicalJson, recordAudit, type Actor } from "../access/audit.js"
import { providerOfDb, type Db, type DbTransaction } from "../client.js"
import type { Provider } from "../config.js"
import { insertRows, storedInstant } from "../kernel/bulkInsert.js"
import { attempt } from "../effects.js"
import { searchSuspicions, type SuspicionFilter } from "../review/queries.js"

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

/** The owner of a partitioned run while its partitions are on the queue. */
export const partitionedRunOwner = "queue"

/** Where a run is running: this host and process, so that others can tell whether it still lives. */
export const runOwner = (): string => `${hostname()}:${process.pid}`

/** How often a running run says it is alive, and how long without that it counts as dead. */
export const runHeartbeat = { intervalMs: 10_000, leaseMs: 90_000 } as const

/** Records that a run has started (running here, alive now). */
export const startRun = async (db: Db, actor: Actor, start: RunStart) =>
  db.$transaction(async (tx) => {
    const run = await tx.screeningRun.create({
      data: {
        ...start,
        params: start.params as never,
        status: "running",
        ruleStats: [] as never,
        owner: runOwner(),
        heartbeatAt: new Date()
      }
    })
    await recordAudit(tx, actor, {
      action: "screening.start",
      entityType: "screening_run",
      entityId: run.id,
      details: { extract: start.extract, trigger: start.trigger }
    })
    return run
  })

/**
 * Files a finished run's suspicions (new ones as 待初审) and closes the run, atomically: new leads by one insert
 * per 500, leads found again as they were by one update per 500, changed ones one by one.
 */
export const finishRun = async (
  db: Db,
  actor: Actor,
  runId: string,
  result: { readonly suspicions: ReadonlyArray<Suspicion>; readonly rules: ReadonlyArray<RuleStat> }
) =>
  db.$transaction(
    async (tx) => {
      // One lead per rule and key; a key found twice keeps its last finding, as filing one by one did.
      const found = new Map<string, Finding>()
      for (const s of result.suspicions) {
        const dedupKey = suspicionKey(s)
        found.set(`${s.rule}\u0000${dedupKey}`, { s, dedupKey })
      }
      const created = await fileFindings(tx, providerOfDb(db), runId, [...found.values()])
      return closeRun(tx, actor, runId, { suspicions: result.suspicions.length, created, rules: result.rules })
    },
    { timeout: fileRunTimeoutMs }
  )

/** A suspicion with its key (`suspicionKey`), as filed. */
interface Finding {
  readonly s: Suspicion
  readonly dedupKey: string
}

/**
 * Files findings (one per rule and key) of run `runId` inside a transaction; returns how many leads were new. In
 * bulk, 500 at a time (the keys and rules of a chunk stay within SQLite's 999 bound values per query, as Prisma
 * counts them): a province files hundreds of thousands of leads.
 */
const fileFindings = async (
  tx: DbTransaction,
  provider: Provider,
  runId: string,
  entries: ReadonlyArray<Finding>
): Promise<number> => {
  let created = 0
  for (let i = 0; i < entries.length; i += 500) {
    const chunk = entries.slice(i, i + 500)
    // Both columns of the unique index (ruleCode, dedupKey): the key alone has no index of its own.
    const stored = await tx.suspicion.findMany({
      where: {
        ruleCode: { in: [...new Set(chunk.map((c) => c.s.rule))] },
        dedupKey: { in: chunk.map((c) => c.dedupKey) }
      }
    })
    const storedByKey = new Map(stored.map((r) => [`${r.ruleCode}\u0000${r.dedupKey}`, r]))
    const fresh: Array<
      ReturnType<typeof leadData> & {
        readonly ruleCode: string
        readonly dedupKey: string
        readonly firstRunId: string
        readonly status: string
      }
    > = []
    const unchanged: Array<string> = []
    for (const { s, dedupKey } of chunk) {
      const data = leadData(s, runId)
      const existing = storedByKey.get(`${s.rule}\u0000${dedupKey}`)
      if (existing === undefined) {
        fresh.push({ ...data, ruleCode: s.rule, dedupKey, firstRunId: runId, status: "pending_first_review" })
      } else if (sameFinding(existing, data)) {
        unchanged.push(existing.id)
      } else {
        await tx.suspicion.update({ where: { id: existing.id }, data })
      }
    }
    if (fresh.length > 0) {
      const at = storedInstant(provider, new Date())
      await tx.$executeRawUnsafe(
        insertLeads(provider),
        JSON.stringify(
          fresh.map((f) => [
            randomUUID(),
            f.firstRunId,
            f.lastRunId,
            f.ruleCode,
            f.ruleVersion,
            f.level,
            f.dedupKey,
            f.fixmedinsCode,
            f.psnNo,
            f.mdtrtId,
            f.setlId,
            f.feedetlSn,
            f.medListCodg,
            f.date,
            f.amount,
            f.violation,
            f.evidence,
            f.message,
            f.status,
            at,
            at
          ])
        )
      )
    }
    // A lead found again as it was: only the run that last found it changes.
    if (unchanged.length > 0)
      await tx.suspicion.updateMany({ where: { id: { in: unchanged } }, data: { lastRunId: runId } })
    created += fresh.length
  }
  return created
}

/** Marks a run succeeded with its figures and audits it (inside the transaction that filed its findings). */
export const closeRun = async (
  tx: DbTransaction,
  actor: Actor,
  runId: string,
  figures: { readonly suspicions: number; readonly created: number; readonly rules: ReadonlyArray<RuleStat> }
) => {
  const run = await tx.screeningRun.update({
    where: { id: runId },
    data: {
      status: "succeeded",
      finishedAt: new Date(),
      suspicionCount: figures.suspicions,
      ruleStats: figures.rules as never
    }
  })
  await recordAudit(tx, actor, {
    action: "screening.finish",
    entityType: "screening_run",
    entityId: runId,
    details: { suspicions: figures.suspicions, created: figures.created }
  })
  return { run, created: figures.created }
}

/** New leads in one statement (`insertRows`): `createMany` cost half a millisecond a lead in Prisma's compiler. */
const insertLeads = (provider: Provider) =>
  insertRows(provider, "Suspicion", [
    ["id", "text"],
    ["firstRunId", "text"],
    ["lastRunId", "text"],
    ["ruleCode", "text"],
    ["ruleVersion", "integer"],
    ["level", "text"],
    ["dedupKey", "text"],
    ["fixmedinsCode", "text"],
    ["psnNo", "text"],
    ["mdtrtId", "text"],
    ["setlId", "text"],
    ["feedetlSn", "jsonb"],
    ["medListCodg", "text"],
    ["date", "text"],
    ["amount", "double precision"],
    ["violation", "text"],
    ["evidence", "jsonb"],
    ["message", "text"],
    ["status", "text"],
    ["createdAt", "timestamp(3)"],
    ["updatedAt", "timestamp(3)"]
  ])

/** What a finding writes on its lead. */
const leadData = (s: Suspicion, runId: string) => ({
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
})

/** Whether a stored lead already says what a finding says (JSON compared by content: jsonb reorders keys). */
const sameFinding = (stored: Record<string, unknown>, data: ReturnType<typeof leadData>): boolean =>
  Object.entries(data).every(([field, value]) =>
    field === "lastRunId"
      ? true
      : field === "feedetlSn" || field === "evidence"
        ? canonicalJson(stored[field]) === canonicalJson(value)
        : stored[field] === value
  )

/**
 * How long filing a run's suspicions may take: they are filed in one transaction, so that a run killed half-way
 * leaves the previous results intact, and a county's or a province's thousands take longer than Prisma's default
 * five seconds.
 */
const fileRunTimeoutMs = 600_000

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

/** Says that a running run is still alive. */
export const beatRun = async (db: Db, runId: string, now: Date = new Date()): Promise<void> => {
  await db.screeningRun.updateMany({ where: { id: runId, status: "running" }, data: { heartbeatAt: now } })
}

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}

/**
 * Marks as interrupted every running run whose process is gone: on this host, a process that no
 * longer exists; anywhere, a heartbeat older than the lease. Nothing it filed is kept (a run files
 * its suspicions only when it finishes), so the previous results stand. Resolves the runs marked.
 */
export const reapInterruptedRuns = async (
  db: Db,
  actor: Actor,
  now: Date = new Date(),
  leaseMs: number = runHeartbeat.leaseMs
): Promise<ReadonlyArray<string>> => {
  const running = await db.screeningRun.findMany({ where: { status: "running" } })
  const here = { host: hostname(), now, leaseMs, processAlive }
  // A partitioned run is owned by the queue, not by a process: its workers come and go, a lost partition is
  // offered again by the queue, and a merge whose worker died is taken up by the next worker (`partitions.ts`).
  const dead = running.filter(
    (run) =>
      run.owner !== partitionedRunOwner && !(run.owner ?? "").startsWith("merging:") && runIsInterrupted(run, here)
  )
  const reaped: Array<string> = []
  for (const run of dead) {
    await db.$transaction(async (tx) => {
      const marked = await tx.screeningRun.updateMany({
        where: { id: run.id, status: "running" },
        data: {
          status: "interrupted",
          finishedAt: now,
          error: `筛查进程已终止（${run.owner ?? "未知进程"}，最后心跳 ${(run.heartbeatAt ?? run.startedAt).toISOString()}），本次未生成疑点；可重新筛查`
        }
      })
      if (marked.count === 0) return
      reaped.push(run.id)
      await recordAudit(tx, actor, {
        action: "screening.interrupted",
        entityType: "screening_run",
        entityId: run.id,
        details: { owner: run.owner, heartbeatAt: (run.heartbeatAt ?? run.startedAt).toISOString() }
      })
    })
  }
  return reaped
}

const storedRun = (run: { readonly id: string; readonly status: string; readonly extract: string }): StoredRun => ({
  id: run.id,
  status: run.status as RunStatus,
  extract: run.extract
})

const activeRunOf = async (tx: Pick<Db, "screeningRun">, extract: string) =>
  tx.screeningRun.findFirst({ where: { extract, status: { in: ["queued", "running"] } } })

/**
 * Where runs are kept (the domain's `ScreeningRunRepository`) in this database. A rerun is a new
 * queued run over the same extract with the same parameters, which the worker takes up
 * (`claimQueuedRun`); the check that the extract has no active run is repeated inside the
 * transaction, so two requests at once queue one run.
 */
export const screeningRunRepository = (db: Db): ScreeningRunRepository["Type"] => ({
  find: (id) =>
    attempt(async () => {
      const run = await db.screeningRun.findUnique({ where: { id } })
      if (run === null) throw new RunNotFound({ id })
      return storedRun(run)
    }, RunNotFound),
  activeRunOf: (extract) =>
    Effect.promise(async () => {
      const run = await activeRunOf(db, extract)
      return run === null ? null : storedRun(run)
    }),
  queueRerun: (source, actor) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const active = await activeRunOf(tx, source.extract)
          const refusal = rerunRefusal(source, active === null ? null : storedRun(active))
          if (refusal !== null) throw refusal
          const from = await tx.screeningRun.findUniqueOrThrow({ where: { id: source.id } })
          const run = await tx.screeningRun.create({
            data: {
              status: "queued",
              trigger: "api",
              extract: from.extract,
              admdvs: from.admdvs,
              periodFrom: from.periodFrom,
              periodTo: from.periodTo,
              params: from.params as never,
              ruleStats: [] as never
            }
          })
          await recordAudit(tx, actor, {
            action: "screening.rerun_requested",
            entityType: "screening_run",
            entityId: run.id,
            details: { rerunOf: source.id, extract: from.extract }
          })
          return storedRun(run)
        }),
      RunNotRerunnable
    )
})

/** The screening-run repository as a layer. */
export const ScreeningRunRepositoryLive = (db: Db): Layer.Layer<ScreeningRunRepository> =>
  Layer.succeed(ScreeningRunRepository, screeningRunRepository(db))

/** Takes the oldest queued run for this process (atomically: two workers never take the same one). */
export const claimQueuedRun = async (db: Db) => {
  const next = await db.screeningRun.findFirst({ where: { status: "queued" }, orderBy: { startedAt: "asc" } })
  if (next === null) return null
  const claimed = await db.screeningRun.updateMany({
    where: { id: next.id, status: "queued" },
    data: { status: "running", owner: runOwner(), heartbeatAt: new Date(), startedAt: new Date() }
  })
  return claimed.count === 1 ? next : null
}

/** The most recent screening runs, newest first. */
export const listRuns = (db: Db, take = 20) => db.screeningRun.findMany({ orderBy: { startedAt: "desc" }, take })

/**
 * Records screening runs in this database; structurally the `RunRecorder` of
 * `@fundguard/screening`'s job (this package does not depend on it). While a run goes, a heartbeat
 * says every few seconds that it is alive (`reapInterruptedRuns`). Given `claimed`, the run was
 * queued and already taken by this process (`claimQueuedRun`): starting it records nothing new.
 */
export const databaseRunRecorder = (db: Db, actor: Actor, options: { readonly claimed?: string } = {}) => {
  const beats = new Map<string, NodeJS.Timeout>()
  const stopBeating = (runId: string) => {
    clearInterval(beats.get(runId))
    beats.delete(runId)
  }
  return {
    start: async (run: RunStart) => {
      const started =
        options.claimed === undefined
          ? await startRun(db, actor, run)
          : await db.screeningRun.update({
              where: { id: options.claimed },
              data: { trigger: run.trigger, admdvs: run.admdvs, periodFrom: run.periodFrom, periodTo: run.periodTo }
            })
      const timer = setInterval(() => void beatRun(db, started.id).catch(() => undefined), runHeartbeat.intervalMs)
      timer.unref()
      beats.set(started.id, timer)
      return started
    },
    finish: async (
      runId: string,
      result: { readonly suspicions: ReadonlyArray<Suspicion>; readonly rules: ReadonlyArray<RuleStat> }
    ) => {
      stopBeating(runId)
      const { created } = await finishRun(db, actor, runId, result)
      return { created }
    },
    fail: async (runId: string, error: string) => {
      stopBeating(runId)
      await failRun(db, actor, runId, error)
    },
    progress: (runId: string, progress: RunProgress) => recordRunProgress(db, runId, progress)
  }
}
