/**
 * Other departments' API clients in the database: create, rotate and revoke a key (shown once, only the
 * SHA-256 of its secret kept), and the caller a key stands for. Every change is audited.
 */
import type { Actor } from "@fundguard/domain/kernel"
import {
  DepartmentClientNotFound,
  departmentKeyPrefix,
  parseDepartmentKey,
  type Department,
  type DepartmentClient,
  type NewDepartmentClient
} from "@fundguard/domain/departments"
import { randomUUID } from "node:crypto"
import { newApiKey, secretMatches, shouldRecordUse } from "../access/apiKeys.js"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"

type Row = Awaited<ReturnType<Db["departmentClient"]["findMany"]>>[number]

const toClient = (row: Row): DepartmentClient => ({
  id: row.id,
  department: row.department as Department,
  name: row.name,
  keyId: row.keyId,
  createdOn: row.createdAt.toISOString(),
  rotatedAt: row.rotatedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null
})

/** Every client, newest first. */
export const listDepartmentClients = async (db: Db): Promise<ReadonlyArray<DepartmentClient>> =>
  (await db.departmentClient.findMany({ orderBy: { createdAt: "desc" } })).map(toClient)

/** Creates a client; the key is returned once and never again. */
export const createDepartmentClient = async (
  db: Db,
  input: NewDepartmentClient,
  actor: Actor
): Promise<{ readonly client: DepartmentClient; readonly key: string }> => {
  const { keyId, secretHash, key } = newApiKey(departmentKeyPrefix)
  const row = await db.$transaction(async (tx) => {
    const created = await tx.departmentClient.create({
      data: {
        id: randomUUID(),
        department: input.department,
        name: input.name,
        keyId,
        secretHash,
        createdById: actor.id
      }
    })
    await recordAudit(tx, actor, {
      action: "department_client.create",
      entityType: "department_client",
      entityId: created.id,
      details: { department: input.department, name: input.name, keyId }
    })
    return created
  })
  return { client: toClient(row), key }
}

/** Gives a client a new key: the old one stops working at once. */
export const rotateDepartmentClient = async (
  db: Db,
  id: string,
  actor: Actor,
  now: Date
): Promise<{ readonly client: DepartmentClient; readonly key: string }> => {
  const { keyId, secretHash, key } = newApiKey(departmentKeyPrefix)
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.departmentClient.updateMany({
      where: { id, revokedAt: null },
      data: { keyId, secretHash, rotatedAt: now }
    })
    if (updated.count !== 1) throw new DepartmentClientNotFound({ id })
    await recordAudit(tx, actor, {
      action: "department_client.rotate",
      entityType: "department_client",
      entityId: id,
      details: { keyId }
    })
    return tx.departmentClient.findUniqueOrThrow({ where: { id } })
  })
  return { client: toClient(row), key }
}

/** Revokes a client: its key stops working for good. */
export const revokeDepartmentClient = async (db: Db, id: string, actor: Actor, now: Date): Promise<void> => {
  await db.$transaction(async (tx) => {
    const updated = await tx.departmentClient.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } })
    if (updated.count !== 1) throw new DepartmentClientNotFound({ id })
    await recordAudit(tx, actor, {
      action: "department_client.revoke",
      entityType: "department_client",
      entityId: id,
      details: {}
    })
  })
}

/** The client a bearer key stands for (active only), or null; records when it was last used. */
export const departmentClientForKey = async (
  db: Db,
  token: string,
  now: Date
): Promise<{ readonly id: string; readonly name: string; readonly department: Department } | null> => {
  const parts = parseDepartmentKey(token)
  if (parts === null) return null
  const row = await db.departmentClient.findUnique({ where: { keyId: parts.keyId } })
  if (row === null || row.revokedAt !== null) return null
  if (!secretMatches(parts.secret, row.secretHash)) return null
  if (shouldRecordUse(row.lastUsedAt, now))
    await db.departmentClient.update({ where: { id: row.id }, data: { lastUsedAt: now } })
  return { id: row.id, name: row.name, department: row.department as Department }
}
