/**
 * The audit log (执法全过程记录): every state change is written with who, what and when, in the same
 * transaction as the change itself.
 */
import type { Db } from "./client.js"

/** Who acted: a signed-in user, or the system (worker, seed, CLI). */
export interface Actor {
  readonly id: string | null
  readonly name: string
  readonly ip?: string | null
}

/** The system itself, for scheduled and command-line work. */
export const systemActor = (name = "system"): Actor => ({ id: null, name })

/** One audit entry. */
export interface AuditEntry {
  readonly action: string
  readonly entityType: string
  readonly entityId?: string | null
  readonly details?: Record<string, unknown>
}

/** A client or a transaction client: anything with the audit model. */
export type AuditWriter = Pick<Db, "auditEvent">

/** Appends one entry to the audit log. */
export const recordAudit = async (db: AuditWriter, actor: Actor, entry: AuditEntry): Promise<void> => {
  await db.auditEvent.create({
    data: {
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: (entry.details ?? {}) as never
    }
  })
}

/** The most recent audit entries, newest first. */
export const listAudit = (db: Db, options: { readonly entityType?: string; readonly take?: number } = {}) =>
  db.auditEvent.findMany({
    where: options.entityType === undefined ? {} : { entityType: options.entityType },
    orderBy: { at: "desc" },
    take: options.take ?? 100
  })
