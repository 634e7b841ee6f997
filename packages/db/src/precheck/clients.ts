/**
 * Institutions' interface keys for the pre-settlement check in the database: create (for an institution of
 * the register), rotate, revoke, list, and the institution a key stands for. Every change is audited.
 */
import type { Actor } from "@fundguard/domain/kernel"
import {
  type InstitutionClient,
  InstitutionClientNotFound,
  institutionKeyPrefix,
  type NewInstitutionClient,
  parseInstitutionKey,
  UnknownInstitution
} from "@fundguard/domain/screening"
import { randomUUID } from "node:crypto"
import { newApiKey, secretMatches, shouldRecordUse } from "../access/apiKeys.js"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"

type Row = Awaited<ReturnType<Db["institutionClient"]["findMany"]>>[number]

const toClient = (row: Row): InstitutionClient => ({
  id: row.id,
  institutionCode: row.institutionCode,
  name: row.name,
  keyId: row.keyId,
  createdOn: row.createdAt.toISOString(),
  rotatedAt: row.rotatedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null
})

/** Every client, newest first. */
export const listInstitutionClients = async (db: Db): Promise<ReadonlyArray<InstitutionClient>> =>
  (await db.institutionClient.findMany({ orderBy: { createdAt: "desc" } })).map(toClient)

/** Creates a client for an institution of the register; the key is returned once and never again. */
export const createInstitutionClient = async (
  db: Db,
  input: NewInstitutionClient,
  actor: Actor
): Promise<{ readonly client: InstitutionClient; readonly key: string }> => {
  const { keyId, secretHash, key } = newApiKey(institutionKeyPrefix)
  const row = await db.$transaction(async (tx) => {
    const known = await tx.institution.findUnique({ where: { code: input.institutionCode }, select: { code: true } })
    if (known === null) throw new UnknownInstitution({ institutionCode: input.institutionCode })
    const created = await tx.institutionClient.create({
      data: {
        id: randomUUID(),
        institutionCode: input.institutionCode,
        name: input.name,
        keyId,
        secretHash,
        createdById: actor.id
      }
    })
    await recordAudit(tx, actor, {
      action: "institution_client.create",
      entityType: "institution_client",
      entityId: created.id,
      details: { institutionCode: input.institutionCode, name: input.name, keyId }
    })
    return created
  })
  return { client: toClient(row), key }
}

/** Gives a client a new key: the old one stops working at once. */
export const rotateInstitutionClient = async (
  db: Db,
  id: string,
  actor: Actor,
  now: Date
): Promise<{ readonly client: InstitutionClient; readonly key: string }> => {
  const { keyId, secretHash, key } = newApiKey(institutionKeyPrefix)
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.institutionClient.updateMany({
      where: { id, revokedAt: null },
      data: { keyId, secretHash, rotatedAt: now }
    })
    if (updated.count !== 1) throw new InstitutionClientNotFound({ id })
    await recordAudit(tx, actor, {
      action: "institution_client.rotate",
      entityType: "institution_client",
      entityId: id,
      details: { keyId }
    })
    return tx.institutionClient.findUniqueOrThrow({ where: { id } })
  })
  return { client: toClient(row), key }
}

/** Revokes a client: its key stops working for good. */
export const revokeInstitutionClient = async (db: Db, id: string, actor: Actor, now: Date): Promise<void> => {
  await db.$transaction(async (tx) => {
    const updated = await tx.institutionClient.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } })
    if (updated.count !== 1) throw new InstitutionClientNotFound({ id })
    await recordAudit(tx, actor, {
      action: "institution_client.revoke",
      entityType: "institution_client",
      entityId: id,
      details: {}
    })
  })
}

/** The client a bearer key stands for (active only), or null; records when it was last used. */
export const institutionClientForKey = async (
  db: Db,
  token: string,
  now: Date
): Promise<{ readonly id: string; readonly name: string; readonly institutionCode: string } | null> => {
  const parts = parseInstitutionKey(token)
  if (parts === null) return null
  const row = await db.institutionClient.findUnique({ where: { keyId: parts.keyId } })
  if (row === null || row.revokedAt !== null || !secretMatches(parts.secret, row.secretHash)) return null
  if (shouldRecordUse(row.lastUsedAt, now))
    await db.institutionClient.update({ where: { id: row.id }, data: { lastUsedAt: now } })
  return { id: row.id, name: row.name, institutionCode: row.institutionCode }
}
