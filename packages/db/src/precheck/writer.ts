/**
 * The pre-settlement check's records written off the door's thread: a worker thread with its own database
 * connection runs `recordPrecheck`. A till's door answers in milliseconds; a batch written on its own thread
 * (SQLite through better-sqlite3 is synchronous, and the client's work for a PostgreSQL statement is on the
 * caller's thread too) stopped every request that arrived meanwhile — most of the door's slowest answers
 * (docs/benchmarks.md).
 */
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { Worker } from "node:worker_threads"
import { type Db, urlOfDb } from "../client.js"
import type { PrecheckRecords } from "./store.js"
import type { WriterAnswer, WriterMessage } from "./writerThread.js"

/** Writes batches of the pre-settlement check's records on another thread. */
export interface PrecheckWriter {
  /** Writes a batch whole (one transaction); rejects with the database's reason if it could not. */
  readonly write: (batch: ReadonlyArray<PrecheckRecords>) => Promise<void>
  /** Closes the thread and its connection, after the batches already sent. */
  readonly close: () => Promise<void>
}

/** A batch the thread could not write. */
export class PrecheckWriteFailed extends Error {
  override readonly name = "PrecheckWriteFailed"
}

/** tsx's ESM API (its package's `./esm/api` export for `import`; `require.resolve` would give the CommonJS one). */
const tsxEsmApi = () =>
  pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs"))
    .href

/**
 * Starts the writer thread on the database `db` was opened on. Run from TypeScript sources (development,
 * tests), the thread loads them the same way (tsx, the sources' export condition); built, it loads the
 * compiled file beside this one.
 */
export const startPrecheckWriter = (db: Db): PrecheckWriter => {
  const here = fileURLToPath(import.meta.url)
  const worker = here.endsWith(".ts")
    ? // From the sources: tsx's loader registered in the thread before the thread's module is imported.
      new Worker(
        `(async () => {
          const { register } = await import(${JSON.stringify(tsxEsmApi())})
          register()
          await import(${JSON.stringify(pathToFileURL(join(dirname(here), "writerThread.ts")).href)})
        })()`,
        { eval: true, workerData: { url: urlOfDb(db) }, execArgv: ["--conditions=@fundguard/source"] }
      )
    : new Worker(join(dirname(here), "writerThread.js"), { workerData: { url: urlOfDb(db) } })
  // The thread never keeps the process alive by itself: a clean stop closes it after the last write.
  worker.unref()
  const waiting = new Map<number, { readonly resolve: () => void; readonly reject: (e: Error) => void }>()
  let nextId = 0
  let failure: Error | null = null
  const failAll = (error: Error) => {
    failure = error
    for (const w of waiting.values()) w.reject(error)
    waiting.clear()
  }
  worker.on("message", (answer: WriterAnswer) => {
    const w = waiting.get(answer.id)
    waiting.delete(answer.id)
    if (answer.error === null) w?.resolve()
    else w?.reject(new PrecheckWriteFailed(answer.error))
  })
  worker.on("error", (error) => failAll(error))
  worker.on("exit", (code) => failAll(new PrecheckWriteFailed(`the writer thread stopped (exit code ${code})`)))
  return {
    write: (batch) =>
      failure !== null
        ? Promise.reject(failure)
        : new Promise<void>((resolve, reject) => {
            const id = nextId++
            waiting.set(id, { resolve, reject })
            worker.postMessage({ id, batch } satisfies WriterMessage)
          }),
    close: async () => {
      if (failure !== null) return
      const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()))
      // Kept alive until the thread is gone: whoever awaits the close must see it end.
      worker.ref()
      worker.postMessage({ close: true } satisfies WriterMessage)
      await exited
    }
  }
}
