/**
 * The pre-settlement check's records at the speed of a till: a history cache in front of the database, and
 * a group commit behind the door.
 *
 * - **History** (`HistoryCache`): the lines already checked of a person at an institution on a day, read from
 *   the database on first use and kept in memory (least recently used first out, so memory stays flat), kept
 *   up to date by every check this process makes. The API is one process per database, so the cache is the
 *   database's state plus what is still being written.
 * - **Records** (`GroupCommit`): each request's checked lines and warnings are queued and written every 50 ms
 *   (or every 500 requests) in one transaction per batch — a request is never split across batches, so it is stored
 *   whole or not at all. The answer does not wait for the write: a crash loses at most the last batch of
 *   records (the institution's system still has its claims), while a clean stop writes everything first.
 *   Whatever reads the records (3103 feedback, a reload of the cache) waits for the queue to be written.
 */
import { checkedLines, type CheckedVisit, type PrecheckRecords, recordPrecheck, type Db } from "@fundguard/db"
import type { ClaimLine, HistoryLine } from "@fundguard/screening"
import type { FastifyBaseLogger } from "fastify"

/** Writes queued requests in batches. */
export interface GroupCommit {
  readonly add: (records: PrecheckRecords) => void
  /** Resolves when everything queued so far is written. */
  readonly flush: () => Promise<void>
  readonly pending: () => number
}

/** @category constructors */
export const groupCommit = (db: Db, log: FastifyBaseLogger, intervalMs = 50, maxRequests = 500): GroupCommit => {
  let requests: Array<PrecheckRecords> = []
  let writing: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  const write = () => {
    timer = null
    if (requests.length === 0) return writing
    const batch = requests
    requests = []
    writing = writing
      .then(() => recordPrecheck(db, batch))
      .catch((error: unknown) =>
        log.error({ err: error, requests: batch.length }, "pre-settlement check: a batch of records was not written")
      )
    return writing
  }
  return {
    add: (records) => {
      requests.push(records)
      if (requests.length >= maxRequests) {
        if (timer !== null) clearTimeout(timer)
        void write()
      } else timer ??= setTimeout(write, intervalMs)
    },
    flush: async () => {
      if (timer !== null) clearTimeout(timer)
      await write()
    },
    pending: () => requests.length
  }
}

const key = (psn: string, institution: string, day: string) => `${psn}\u0000${institution}\u0000${day}`

/** The lines already checked, by person, institution and day. */
export interface HistoryCache {
  /** Loads (from the database where not cached) the days of a person at an institution. */
  readonly load: (psn: string, institution: string, days: ReadonlyArray<string>) => Promise<void>
  /** The lines of a loaded day from visits other than `exceptVisits`. */
  readonly lines: (
    psn: string,
    institution: string,
    day: string,
    exceptVisits: ReadonlySet<string>
  ) => ReadonlyArray<HistoryLine>
  /** Records a checked visit: its lines replace its earlier ones on every loaded day. */
  readonly record: (visit: CheckedVisit & { readonly lines: ReadonlyArray<ClaimLine> }) => void
  readonly size: () => number
}

/** @category constructors */
export const historyCache = (db: Db, maxDays = 100_000): HistoryCache => {
  const days = new Map<string, Array<HistoryLine>>()
  // The days each visit has lines on, to replace a visit checked again without scanning the cache.
  const visitDays = new Map<string, ReadonlySet<string>>()
  const touch = (k: string, list: Array<HistoryLine>) => {
    days.delete(k)
    days.set(k, list)
    while (days.size > maxDays) days.delete(days.keys().next().value!)
  }
  const index = (visit: string, keys: ReadonlySet<string>) => {
    visitDays.delete(visit)
    visitDays.set(visit, keys)
    while (visitDays.size > maxDays) visitDays.delete(visitDays.keys().next().value!)
  }
  // Days missed by requests arriving together are read in one query (a till's requests come in bursts).
  let gathering: Array<{ readonly psnNo: string; readonly institutionCode: string; readonly days: Array<string> }> = []
  let reading: Promise<void> | null = null
  const readMissing = (psnNo: string, institutionCode: string, missing: ReadonlyArray<string>): Promise<void> => {
    gathering.push({ psnNo, institutionCode, days: [...missing] })
    reading ??= new Promise<void>((resolve, reject) =>
      setImmediate(() => {
        const batch = gathering
        gathering = []
        reading = null
        // At most 100 people's days a query (SQLite limits the depth of a query's expression).
        const chunks = Array.from({ length: Math.ceil(batch.length / 100) }, (_, i) =>
          batch.slice(i * 100, i * 100 + 100)
        )
        Promise.all(chunks.map((chunk) => checkedLines(db, chunk)))
          .then((parts) => parts.flat())
          .then((rows) => {
            const fresh = new Map<string, Array<HistoryLine>>(
              batch.flatMap((w) => w.days.map((d) => [key(w.psnNo, w.institutionCode, d), []] as const))
            )
            for (const row of rows) {
              const k = key(row.psnNo, row.institutionCode, row.day)
              fresh.get(k)?.push({ mdtrt_id: row.mdtrtId, line: row.line as ClaimLine })
              index(row.mdtrtId, new Set([...(visitDays.get(row.mdtrtId) ?? []), k]))
            }
            // Another read may have loaded the same day meanwhile: the first one loaded stays.
            for (const [k, list] of fresh) if (!days.has(k)) touch(k, list)
            resolve()
          })
          .catch(reject)
      })
    )
    return reading
  }
  return {
    load: async (psn, institution, wanted) => {
      const missing = wanted.filter((d) => !days.has(key(psn, institution, d)))
      // A day read from the database has nothing still queued: every day a check records is in the cache
      // (loaded before the check), and a day leaves the cache only after 100,000 others were used since —
      // far longer than the 50 ms a record waits in the queue.
      if (missing.length > 0) await readMissing(psn, institution, missing)
      for (const d of wanted) {
        const k = key(psn, institution, d)
        const list = days.get(k)
        if (list !== undefined) touch(k, list)
      }
    },
    lines: (psn, institution, day, exceptVisits) =>
      (days.get(key(psn, institution, day)) ?? []).filter((h) => !exceptVisits.has(h.mdtrt_id)),
    record: (visit) => {
      for (const k of visitDays.get(visit.mdtrt_id) ?? []) {
        const list = days.get(k)
        if (list !== undefined)
          days.set(
            k,
            list.filter((h) => h.mdtrt_id !== visit.mdtrt_id)
          )
      }
      const keys = new Set<string>()
      for (const line of visit.lines) {
        const k = key(visit.psn_no, visit.fixmedins_code, line.day)
        const list = days.get(k)
        // A day not loaded is read from the database when first needed (the write is queued before).
        if (list === undefined) continue
        list.push({ mdtrt_id: visit.mdtrt_id, line })
        keys.add(k)
      }
      index(visit.mdtrt_id, keys)
    },
    size: () => days.size
  }
}
