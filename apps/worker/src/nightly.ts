/**
 * One pass of the nightly job: screen every pending extract of the inbox, one after the other.
 * A failing extract is logged and left pending; the others go on.
 */
import { claimQueuedRun, databaseRunRecorder, reapInterruptedRuns, systemActor, type Db } from "@fundguard/db"
import { defaultMemoryLimit, screenAndRecord } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import { mkdir } from "node:fs/promises"
import { join } from "node:path"
import type { WorkerConfig } from "./config.js"
import { markScreened, pendingExtracts } from "./inbox.js"

/** A line of the worker's log. */
export type Log = (line: string) => void

/** What a pass did. */
export interface PassReport {
  readonly screened: ReadonlyArray<{ readonly name: string; readonly runId: string; readonly suspicions: number }>
  readonly failed: ReadonlyArray<{ readonly name: string; readonly error: string }>
}

/** Screens the pending extracts of the inbox, each with its region's parameters (chosen by the job). */
export const screenInbox = async (db: Db, config: WorkerConfig, log: Log): Promise<PassReport> => {
  const pending = await pendingExtracts(config.inbox, config.outbox)
  const screened: Array<PassReport["screened"][number]> = []
  const failed: Array<PassReport["failed"][number]> = []
  const recorder = databaseRunRecorder(db, systemActor("worker"))
  for (const extract of pending) {
    log(`screening ${extract.name} …`)
    await mkdir(extract.outDir, { recursive: true })
    const outcome = await Effect.runPromise(
      Effect.either(
        // The job applies the extract's region parameters itself, as it does for the CLI.
        screenAndRecord(
          {
            extractDir: extract.dir,
            outFile: join(extract.outDir, "suspicions.jsonl"),
            trigger: "schedule",
            importOptions: { duckdb: { memory_limit: config.duckdbMemoryLimit } },
            onProgress: (event) => {
              if (event._tag === "RegionParams")
                log(`${extract.name}: using the rule parameters of region ${event.admdvs}`)
            }
          },
          recorder
        )
      )
    )
    if (outcome._tag === "Left") {
      log(`screening ${extract.name} failed: ${outcome.left.message}`)
      failed.push({ name: extract.name, error: outcome.left.message })
      continue
    }
    await markScreened(extract, outcome.right.runId)
    const count = outcome.right.result.suspicions.length
    log(`screened ${extract.name}: ${count} suspicions (${outcome.right.created} new), run ${outcome.right.runId}`)
    screened.push({ name: extract.name, runId: outcome.right.runId, suspicions: count })
  }
  return { screened, failed }
}

/**
 * Marks runs whose process died as interrupted, then does the reruns people asked for (queued runs),
 * oldest first, each over its extract with the parameters it was asked with.
 */
export const runQueued = async (db: Db, log: Log, memoryLimit: string = defaultMemoryLimit): Promise<PassReport> => {
  const actor = systemActor("worker")
  for (const id of await reapInterruptedRuns(db, actor)) log(`run ${id} was interrupted (its process is gone)`)
  const screened: Array<PassReport["screened"][number]> = []
  const failed: Array<PassReport["failed"][number]> = []
  for (let run = await claimQueuedRun(db); run !== null; run = await claimQueuedRun(db)) {
    log(`rerunning ${run.extract} as run ${run.id} …`)
    const params = run.params as Record<string, unknown> | null
    const outcome = await Effect.runPromise(
      Effect.either(
        screenAndRecord(
          {
            extractDir: run.extract,
            trigger: "api",
            importOptions: { duckdb: { memory_limit: memoryLimit } },
            ...(params === null || Object.keys(params).length === 0 ? {} : { params })
          },
          databaseRunRecorder(db, actor, { claimed: run.id })
        )
      )
    )
    if (outcome._tag === "Left") {
      const message = outcome.left.message
      // A run that failed before it was recorded (bad extract) is still ours: close it.
      await db.screeningRun.updateMany({
        where: { id: run.id, status: "running" },
        data: { status: "failed", finishedAt: new Date(), error: message }
      })
      log(`rerun ${run.id} failed: ${message}`)
      failed.push({ name: run.extract, error: message })
      continue
    }
    log(`rerun ${run.id}: ${outcome.right.result.suspicions.length} suspicions (${outcome.right.created} new)`)
    screened.push({ name: run.extract, runId: run.id, suspicions: outcome.right.result.suspicions.length })
  }
  return { screened, failed }
}
