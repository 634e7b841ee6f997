/**
 * The audit log (执法全过程记录): every state change and every read of personal data, with who, what
 * and when, written in the same transaction as the change itself.
 *
 * The log is append-only (database triggers refuse UPDATE and DELETE, see the `trust` migration) and
 * tamper-evident: entry n carries `prevHash` = the hash of entry n − 1 and `hash` = SHA-256 of its own
 * canonical content (which includes `prevHash`). `AuditChainHead` holds the last entry's number and
 * hash, so entries removed from the end are seen too. `verifyAuditChain` recomputes the whole chain
 * and names the first entry that does not fit.
 */
import { AuditLog, type AuditActor, type AuditVerification } from "@fundguard/domain/access"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { createHash } from "node:crypto"
import type { Db } from "../client.js"

/** Who acted: a signed-in user, or the system (worker, seed, CLI). */
export interface Actor {
  readonly id: string | null
  readonly name: string
  readonly ip?: string | null
}

/** The system itself, for scheduled and command-line work. */
export const systemActor = (name = "system"): AuditActor => ({ id: null, name, ip: null })

/** One audit entry. */
export interface AuditEntry {
  readonly action: string
  readonly entityType: string
  readonly entityId?: string | null
  readonly details?: Record<string, unknown>
}

/** A client or a transaction client: anything with the audit models. */
export type AuditWriter = Pick<Db, "auditEvent" | "auditChainHead">

/** The hash before the first entry. */
export const genesisHash = "0".repeat(64)

/** The fields an entry's hash covers. */
export interface AuditContent {
  readonly seq: number
  readonly at: Date
  readonly actorId: string | null
  readonly actorName: string
  readonly ip: string | null
  readonly action: string
  readonly entityType: string
  readonly entityId: string | null
  readonly details: unknown
  readonly prevHash: string
}

/** JSON with object keys sorted at every level, so a database that reorders keys (jsonb) hashes the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null"
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`
}

/** The canonical text of an entry: what its hash is computed over. */
export const canonicalAuditContent = (entry: AuditContent): string =>
  canonicalJson({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actorId: entry.actorId,
    actorName: entry.actorName,
    ip: entry.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: entry.details,
    prevHash: entry.prevHash
  })

/** SHA-256 (hex) of an entry's canonical content. */
export const auditHash = (entry: AuditContent): string =>
  createHash("sha256").update(canonicalAuditContent(entry), "utf8").digest("hex")

/** Details as they will read back from the database (plain JSON: no undefined, no Date objects). */
const asStoredJson = (details: Record<string, unknown> | undefined): unknown =>
  JSON.parse(JSON.stringify(details ?? {})) as unknown

const isClient = (db: AuditWriter): db is Db => "$transaction" in db

/** An entry with who made it, for a batch that mixes actors. */
interface ActedEntry {
  readonly actor: Actor
  readonly entry: AuditEntry
}

/**
 * Appends entries to the chain inside a transaction: one head update reserves their numbers, one insert per
 * thousand writes them, one head update records the last hash.
 */
const appendEntries = async (tx: AuditWriter, entries: ReadonlyArray<ActedEntry>): Promise<void> => {
  // Taking the head first serialises appends: the row lock (PostgreSQL) or the write lock (SQLite)
  // is held until this transaction commits.
  const head = await tx.auditChainHead.update({ where: { id: 1 }, data: { seq: { increment: entries.length } } })
  let prevHash = head.hash
  const at = new Date()
  const rows = entries.map(({ actor, entry }, i) => {
    const content: AuditContent = {
      seq: head.seq - entries.length + 1 + i,
      at,
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: asStoredJson(entry.details),
      prevHash
    }
    prevHash = auditHash(content)
    return { ...content, details: content.details as never, hash: prevHash }
  })
  for (let i = 0; i < rows.length; i += 1000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 1000) })
  await tx.auditChainHead.update({ where: { id: 1 }, data: { hash: prevHash } })
}

/**
 * Appends many entries to the audit log in one transaction's few statements (one head update reserves their
 * numbers, one insert writes them): the same chain as one `recordAudit` per entry, for bulk changes such as a
 * province's register of ten thousand institutions.
 */
export const recordAudits = async (
  tx: AuditWriter,
  actor: Actor,
  entries: ReadonlyArray<AuditEntry>
): Promise<void> => {
  if (entries.length === 0) return
  const acted = entries.map((entry) => ({ actor, entry }))
  if (isClient(tx)) return tx.$transaction((inner) => appendEntries(inner, acted))
  return appendEntries(tx, acted)
}

interface Waiting extends ActedEntry {
  /** Settles the caller's promise: committed, or failed with the error. */
  readonly settle: (
    outcome: { readonly committed: true } | { readonly committed: false; readonly error: unknown }
  ) => void
}

/** Entries of their own (not part of a change's transaction) waiting for the next commit, per database. */
const groups = new WeakMap<Db, { waiting: Array<Waiting>; committing: boolean }>()
const largestGroup = 1000

/**
 * Group commit: entries written on their own — reads of personal data above all, one per request — wait while a
 * commit is under way and then go together in the next one. The chain serialises appends, so one transaction
 * per entry would cap the reads a server can answer at the rate of its commits; a group costs one commit
 * whatever its size. Each caller still returns only once its own entry has committed. An entry that cannot be
 * stored fails alone; a group that the database refuses fails whole.
 */
const commitOnItsOwn = (db: Db, actor: Actor, entry: AuditEntry): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    let group = groups.get(db)
    if (group === undefined) groups.set(db, (group = { waiting: [], committing: false }))
    group.waiting.push({ actor, entry, settle: (o) => (o.committed ? resolve() : reject(o.error)) })
    if (!group.committing) void commitGroups(db, group)
  })

const commitGroups = async (db: Db, group: { waiting: Array<Waiting>; committing: boolean }): Promise<void> => {
  group.committing = true
  try {
    while (group.waiting.length > 0) {
      const taken = group.waiting.splice(0, largestGroup)
      // An entry that cannot be stored (details that are not JSON) fails alone, before the group's transaction.
      const batch = taken.filter((w) => {
        try {
          asStoredJson(w.entry.details)
          return true
        } catch (error) {
          w.settle({ committed: false, error })
          return false
        }
      })
      if (batch.length === 0) continue
      // The group commits or fails whole: a database error (a lost connection, a timeout) is every entry's.
      await db
        .$transaction((tx) => appendEntries(tx, batch))
        .then(
          () => batch.forEach((w) => w.settle({ committed: true })),
          (error: unknown) => batch.forEach((w) => w.settle({ committed: false, error }))
        )
    }
  } finally {
    group.committing = false
  }
}

/**
 * Appends one entry to the audit log. Given a transaction client, the entry commits or rolls back
 * with the change it records; given the client, it is committed on its own — grouped with the other entries
 * waiting at that moment (`commitOnItsOwn`) — before this returns.
 */
export const recordAudit = async (db: AuditWriter, actor: Actor, entry: AuditEntry): Promise<void> => {
  if (isClient(db)) await commitOnItsOwn(db, actor, entry)
  else await appendEntries(db, [{ actor, entry }])
}

/** A filter over the audit log. */
export interface AuditQuery {
  /** Actor name or id contains this. */
  readonly actor?: string
  readonly entityType?: string
  readonly entityId?: string
  readonly action?: string
  readonly from?: Date
  readonly to?: Date
  readonly page?: number
  readonly pageSize?: number
}

/** Audit entries matching a filter, newest first, with the total count. */
export const searchAudit = async (db: Db, query: AuditQuery = {}) => {
  const where = {
    ...(query.entityType === undefined ? {} : { entityType: query.entityType }),
    ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
    ...(query.action === undefined ? {} : { action: query.action }),
    // A name containing LIKE wildcards is matched exactly (Prisma passes them through to LIKE).
    ...(query.actor === undefined
      ? {}
      : {
          OR: [
            { actorName: /[%_\\]/.test(query.actor) ? query.actor : { contains: query.actor } },
            { actorId: query.actor }
          ]
        }),
    ...(query.from === undefined && query.to === undefined
      ? {}
      : {
          at: {
            ...(query.from === undefined ? {} : { gte: query.from }),
            ...(query.to === undefined ? {} : { lt: query.to })
          }
        })
  }
  const pageSize = query.pageSize ?? 50
  const page = query.page ?? 1
  const [total, items] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ seq: "desc" }, { at: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize
    })
  ])
  return { total, items }
}

/** The most recent audit entries, newest first. */
export const listAudit = (db: Db, options: { readonly entityType?: string; readonly take?: number } = {}) =>
  db.auditEvent.findMany({
    where: options.entityType === undefined ? {} : { entityType: options.entityType },
    orderBy: [{ seq: "desc" }, { at: "desc" }],
    take: options.take ?? 100
  })

/** The chain's head: the last entry's number and hash. */
export const auditChainHead = async (db: Pick<Db, "auditChainHead">) => {
  const head = await db.auditChainHead.findUnique({ where: { id: 1 } })
  return { seq: head?.seq ?? 0, hash: head?.hash ?? genesisHash }
}

/**
 * Why an entry breaks the chain: no sequence number or hash (`unsealed`); an entry missing before
 * it (`gap`); not pointing at the previous entry's hash — removed or reordered entries
 * (`prev_hash`); content changed since it was written (`hash`); the head not matching the last
 * entry — entries removed from the end (`head`).
 */
type AuditBreak = Extract<AuditVerification, { ok: false }>["broken"]["reason"]

const breakMessage: Readonly<Record<AuditBreak, string>> = {
  unsealed: "该条记录没有序号或哈希（未纳入哈希链）",
  gap: "该条记录之前缺少记录（记录被删除）",
  prev_hash: "该条记录的前序哈希与上一条记录不符（记录被删除、插入或调换顺序）",
  hash: "该条记录的内容与其哈希不符（记录被修改）",
  head: "链头与最后一条记录不符（末尾记录被删除）"
}

/**
 * Recomputes the whole chain in sequence order and names the first entry that does not fit. Reads
 * in pages, so a long log is verified in bounded memory.
 */
export const verifyAuditChain = async (db: Db, pageSize = 2000): Promise<AuditVerification> => {
  const broken = (seq: number | null, id: string | null, reason: AuditBreak, entries: number): AuditVerification => ({
    ok: false,
    entries,
    broken: { seq, id, reason, message: breakMessage[reason] }
  })
  const unsealed = await db.auditEvent.findFirst({ where: { OR: [{ seq: null }, { hash: null }] } })
  if (unsealed !== null) return broken(unsealed.seq, unsealed.id, "unsealed", 0)
  let expectedSeq = 1
  let prevHash = genesisHash
  let entries = 0
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { seq: { gte: expectedSeq } },
      orderBy: { seq: "asc" },
      take: pageSize
    })
    for (const e of page) {
      if (e.seq !== expectedSeq) return broken(e.seq, e.id, "gap", entries)
      if (e.prevHash !== prevHash) return broken(e.seq, e.id, "prev_hash", entries)
      const recomputed = auditHash({ ...e, seq: e.seq, prevHash: e.prevHash, details: e.details })
      if (e.hash !== recomputed) return broken(e.seq, e.id, "hash", entries)
      prevHash = e.hash
      expectedSeq++
      entries++
    }
    if (page.length < pageSize) break
  }
  const head = await auditChainHead(db)
  if (head.seq !== entries || head.hash !== prevHash) return broken(head.seq, null, "head", entries)
  return { ok: true, entries, head }
}

/**
 * Brings entries written before the chain existed into it, oldest first (once, after the migration
 * that introduced the chain; a no-op when every entry is sealed).
 */
export const sealAuditChain = async (db: Db): Promise<number> => {
  const legacy = await db.auditEvent.findMany({ where: { hash: null }, orderBy: [{ at: "asc" }, { id: "asc" }] })
  if (legacy.length === 0) return 0
  await db.$transaction(
    async (tx) => {
      for (const e of legacy) {
        const head = await tx.auditChainHead.update({ where: { id: 1 }, data: { seq: { increment: 1 } } })
        const content: AuditContent = { ...e, seq: head.seq, prevHash: head.hash, details: e.details }
        const hash = auditHash(content)
        await tx.auditEvent.update({ where: { id: e.id }, data: { seq: head.seq, prevHash: head.hash, hash } })
        await tx.auditChainHead.update({ where: { id: 1 }, data: { hash } })
      }
    },
    { timeout: 600_000 }
  )
  return legacy.length
}

/** The audit log of this database as the domain's `AuditLog` service. */
export const AuditLogLive = (db: Db): Layer.Layer<AuditLog> =>
  Layer.succeed(AuditLog, {
    head: Effect.promise(() => auditChainHead(db)),
    verify: Effect.promise(() => verifyAuditChain(db))
  })

export type { AuditVerification } from "@fundguard/domain/access"
