/**
 * The pre-settlement check's writer thread (see `startPrecheckWriter`): its own connection to the database,
 * writing the batches the door sends, one at a time, so that the door's event loop never waits for a write.
 */
import { parentPort, workerData } from "node:worker_threads"
import { openDatabase } from "../client.js"
import { type PrecheckRecords, recordPrecheck } from "./store.js"

/** What the door sends: a batch to write, or the order to close. */
export type WriterMessage =
  | { readonly id: number; readonly batch: ReadonlyArray<PrecheckRecords> }
  | { readonly close: true }

/** What the thread answers for a batch. */
export type WriterAnswer = { readonly id: number; readonly error: string | null }

const port = parentPort
if (port === null) throw new Error("writerThread runs only as a worker thread")
const database = openDatabase((workerData as { readonly url: string }).url)
port.on("message", (message: WriterMessage) => {
  if ("close" in message) {
    void database.close().finally(() => port.close())
    return
  }
  recordPrecheck(database.db, message.batch).then(
    () => port.postMessage({ id: message.id, error: null } satisfies WriterAnswer),
    (error: unknown) =>
      port.postMessage({
        id: message.id,
        error: error instanceof Error ? error.message : String(error)
      } satisfies WriterAnswer)
  )
})
