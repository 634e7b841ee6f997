/**
 * The pre-settlement check's records at the speed of a till: a history cache in front of the database, and
 * a group commit behind the door.
 *
 * - **History** (`HistoryCache`): the lines already checked of a person at an institution on a day, the most
 *   recent days loaded at the start and older ones read from the database on first use, kept in memory (least
 *   recently used first out, so memory stays flat) and up to date by every check this process makes. The API
 *   is one process per database, so the cache is the database's state plus what is still being written.
 * - **Records** (`GroupCommit`): each request's checked lines and warnings are queued and written every 10 ms
 *   (or every 500 requests) by the writer thread (`startPrecheckWriter`) in one transaction per batch — a request is never split across batches, so it is stored
 *   whole or not at all. The answer does not wait for the write: a crash loses at most the last batch of
 *   records (the institution's system still has its claims), while a clean stop writes everything first.
 *   Whatever reads the records (3103 feedback, a reload of the cache) waits for the queue to be written.
 */
import { checkedLines, type CheckedVisit, type PrecheckRecords, recentCheckedLines, type Db } from "@fundguard/db"
import type { ClaimLine, HistoryLine } from "@fundguard/screening"
import type { FastifyBaseLogger } from "fastify"

/** Writes queued requests in batches. */
export interface GroupCommit {
  readonly add: (records: PrecheckRecords) => void
  /** Resolves when everything queued so far is written. */
  readonly flush: () => Promise<void>
  readonly pending: () => number
}

/**
 * Queues requests' records and hands them to `write` in batches, one batch at a time.
 * @category constructors
 */
export const groupCommit = (
  writeBatch: (batch: ReadonlyArray<PrecheckRecords>) => Promise<void>,
  log: FastifyBaseLogger,
  intervalMs = 10,
  maxRequests = 500
): GroupCommit => {
  let requests: Array<PrecheckRecords> = []
  let writing: Promise<void> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  const write = () => {
    timer = null
    if (requests.length === 0) return writing
    const batch = requests
    requests = []
    writing = writing
      .then(() => writeBatch(batch))
      .catch((error: unknown) => {
        log.error({ err: error, requests: batch.length }, "pre-settlement check: a batch of records was not written")
      })
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
const dayOfKey = (k: string) => k.slice(k.lastIndexOf("\u0000") + 1)

/** The lines already checked, by person, institution and day. */
export interface HistoryCache {
  /** Loads (from the database where not known) the days of a person at an institution. */
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
  /** How many times the database was read since the start (the till's days should need none). */
  readonly reads: () => number
}

/**
 * Opens the cache with the most recent days already in it (up to `preloadLines` lines). A day is **whole** in
 * the cache when it was loaded at the start or comes after the newest day in the database: a person's
 * entry missing on a whole day means no lines, without asking the database — so the checks of today, the
 * till's days, never wait for a read. A day stops being whole when one of its entries leaves the cache (least
 * recently used first out, so memory stays flat); its entries are then read when needed.
 * @category constructors
 */
export const openHistoryCache = async (
  db: Db,
  { maxDays = 100_000, preloadLines = 500_000 }: { readonly maxDays?: number; readonly preloadLines?: number } = {}
): Promise<HistoryCache> => {
  const recent = await recentCheckedLines(db, preloadLines)
  const days = new Map<string, Array<HistoryLine>>()
  // The days each visit has lines on, to replace a visit checked again without scanning the cache.
  const visitDays = new Map<string, ReadonlySet<string>>()
  const loadedWhole = new Set(recent.days)
  const partial = new Set<string>()
  const whole = (day: string) =>
    !partial.has(day) && (loadedWhole.has(day) || recent.newestDay === null || day > recent.newestDay)
  let reads = 0
  const touch = (k: string, list: Array<HistoryLine>) => {
    days.delete(k)
    days.set(k, list)
    while (days.size > maxDays) {
      const oldest = days.keys().next().value!
      days.delete(oldest)
      partial.add(dayOfKey(oldest))
    }
  }
  const index = (visit: string, keys: ReadonlySet<string>) => {
    visitDays.delete(visit)
    visitDays.set(visit, keys)
    while (visitDays.size > maxDays) visitDays.delete(visitDays.keys().next().value!)
  }
  const put = (
    rows: ReadonlyArray<{ psnNo: string; institutionCode: string; mdtrtId: string; day: string; line: unknown }>,
    into: Map<string, Array<HistoryLine>>
  ) => {
    for (const row of rows) {
      const k = key(row.psnNo, row.institutionCode, row.day)
      let list = into.get(k)
      if (list === undefined) into.set(k, (list = []))
      list.push({ mdtrt_id: row.mdtrtId, line: row.line as ClaimLine })
      index(row.mdtrtId, new Set([...(visitDays.get(row.mdtrtId) ?? []), k]))
    }
  }
  const preloaded = new Map<string, Array<HistoryLine>>()
  put(recent.lines, preloaded)
  for (const [k, list] of preloaded) touch(k, list)

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
        reads += chunks.length
        Promise.all(chunks.map((chunk) => checkedLines(db, chunk)))
          .then((parts) => {
            const fresh = new Map<string, Array<HistoryLine>>(
              batch.flatMap((w) => w.days.map((d) => [key(w.psnNo, w.institutionCode, d), []] as const))
            )
            put(parts.flat(), fresh)
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
      const missing: Array<string> = []
      for (const d of wanted) {
        const k = key(psn, institution, d)
        if (days.has(k)) continue
        if (whole(d)) touch(k, [])
        else missing.push(d)
      }
      // A day read from the database has nothing still queued: every day a check records is in the cache
      // (loaded before the check), and a day leaves the cache only after 100,000 others were used since —
      // far longer than the few milliseconds a record waits in the queue.
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
        let list = days.get(k)
        if (list === undefined) {
          // A day not loaded is read from the database when first needed (the write is queued before).
          if (!whole(line.day)) continue
          touch(k, (list = []))
        }
        list.push({ mdtrt_id: visit.mdtrt_id, line })
        keys.add(k)
      }
      index(visit.mdtrt_id, keys)
    },
    size: () => days.size,
    reads: () => reads
  }
}
