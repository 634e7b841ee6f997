/**
 * Transfers in the database (the domain's `TransferRepository`): the transfer and its append-only
 * history, each write with its audit entry in one transaction; the ledger's queries.
 */
import {
  TransferNotFound,
  TransferRepository,
  TransferStepRefused,
  type Department,
  type TransferDirection,
  type TransferEvent,
  type TransferMaterial,
  type TransferRecord,
  type TransferStep
} from "@fundguard/domain/departments"
import { bureauAbbreviation } from "@fundguard/domain/enforcement"
import type { IsoDate } from "@fundguard/domain/kernel"
import type { ViolationCode } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db, DbTransaction } from "../client.js"
import { attempt } from "../effects.js"
import { bureauNameOf, nextNumber } from "../enforcement/cases.js"

type Tx = DbTransaction

type Row = NonNullable<Awaited<ReturnType<typeof loadRow>>>

const loadRow = (db: Pick<Db, "transfer">, id: string) =>
  db.transfer.findUnique({ where: { id }, include: { events: { orderBy: { sequence: "asc" } } } })

const toRecord = (row: Row): TransferRecord => ({
  id: row.id,
  number: row.number,
  direction: row.direction as TransferDirection,
  department: row.department as Department,
  region: row.region,
  institutionCode: row.institutionCode,
  institutionName: row.institutionName,
  subject: row.subject,
  caseId: row.caseId,
  decisionDate: row.decisionDate as IsoDate | null,
  discoveredOn: row.discoveredOn as IsoDate | null,
  violations: row.violations as ReadonlyArray<ViolationCode>,
  listItems: row.listItems as ReadonlyArray<number>,
  facts: row.facts,
  amount: row.amount,
  officers: row.officers as ReadonlyArray<string>,
  materials: row.materials as unknown as ReadonlyArray<TransferMaterial>,
  createdById: row.createdById,
  createdByName: row.createdByName,
  createdOn: row.createdOn as IsoDate,
  createdAt: row.createdAt.toISOString(),
  revision: row.revision,
  events: row.events.map(
    (e): TransferEvent => ({
      step: e.step as unknown as TransferStep,
      at: e.at.toISOString(),
      on: e.on as IsoDate,
      actorId: e.actorId,
      actorName: e.actorName,
      side: e.side as TransferEvent["side"]
    })
  )
})

/** A transfer by id, or null. */
export const findTransfer = async (db: Db, id: string): Promise<TransferRecord | null> => {
  const row = await loadRow(db, id)
  return row === null ? null : toRecord(row)
}

/** The filter of the ledger: by department, direction, case or institution. */
export interface TransferFilter {
  readonly department?: Department | undefined
  readonly direction?: TransferDirection | undefined
  readonly caseId?: string | undefined
  /** Only transfers about these institutions, or about none (a person), when given. */
  readonly institutions?: ReadonlySet<string> | null
}

/** Transfers matching the filter, newest first. */
export const listTransfers = async (db: Db, filter: TransferFilter = {}): Promise<ReadonlyArray<TransferRecord>> => {
  const rows = await db.transfer.findMany({
    where: {
      ...(filter.department === undefined ? {} : { department: filter.department }),
      ...(filter.direction === undefined ? {} : { direction: filter.direction }),
      ...(filter.caseId === undefined ? {} : { caseId: filter.caseId })
    },
    include: { events: { orderBy: { sequence: "asc" } } },
    orderBy: { createdAt: "desc" }
  })
  const visible = filter.institutions
  return rows
    .filter(
      (r) => visible === undefined || visible === null || r.institutionCode === null || visible.has(r.institutionCode)
    )
    .map(toRecord)
}

/** The institution a transfer is about (null: a person), or undefined when there is no such transfer. */
export const institutionOfTransfer = async (db: Db, id: string): Promise<string | null | undefined> => {
  const row = await db.transfer.findUnique({ where: { id }, select: { institutionCode: true } })
  return row === null ? undefined : row.institutionCode
}

const nextTransferNumber = async (tx: Tx, year: number): Promise<string> => {
  // A concurrent send of another transfer took the number read: this one is refused as stale, to retry.
  const sequence = await nextNumber(tx, "transfer", year).catch(() => {
    throw new TransferStepRefused({ step: "send", reason: "stale", detail: "文号分配冲突，请重试" })
  })
  // Seed 004's receipt names the letter "×局(委)案移字〔 〕号".
  return `${bureauAbbreviation(await bureauNameOf(tx))}医保案移〔${year}〕${sequence}号`
}

/** The transfer repository on this database. */
export const transferRepository = (db: Db): TransferRepository["Type"] => ({
  load: (id) =>
    attempt(async () => {
      const row = await loadRow(db, id)
      if (row === null) throw new TransferNotFound({ id })
      return toRecord(row)
    }, TransferNotFound),
  create: (record, audit) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        await tx.transfer.create({
          data: {
            id: record.id,
            number: record.number,
            direction: record.direction,
            department: record.department,
            region: record.region,
            institutionCode: record.institutionCode,
            institutionName: record.institutionName,
            subject: record.subject,
            caseId: record.caseId,
            decisionDate: record.decisionDate,
            discoveredOn: record.discoveredOn,
            violations: [...record.violations],
            listItems: [...record.listItems],
            facts: record.facts,
            amount: record.amount,
            officers: [...record.officers],
            materials: record.materials.map((m) => ({ ...m })),
            createdById: record.createdById,
            createdByName: record.createdByName,
            createdOn: record.createdOn,
            createdAt: new Date(record.createdAt),
            revision: record.events.length,
            events: {
              create: record.events.map((e, sequence) => ({
                sequence,
                kind: e.step._tag,
                step: e.step as object,
                at: new Date(e.at),
                on: e.on,
                actorId: e.actorId,
                actorName: e.actorName,
                side: e.side
              }))
            }
          }
        })
        await recordAudit(
          tx,
          { id: audit.actorId, name: audit.actorName, ip: audit.ip },
          {
            action: "transfer.create",
            entityType: "transfer",
            entityId: record.id,
            details: {
              direction: record.direction,
              department: record.department,
              institutionCode: record.institutionCode,
              caseId: record.caseId
            }
          }
        )
      })
    ),
  append: (id, revision, event, audit) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const row = await tx.transfer.findUnique({ where: { id } })
          if (row === null)
            throw new TransferStepRefused({ step: event.step._tag, reason: "stale", detail: "移送记录不存在" })
          const numbered =
            event.step._tag === "send" && row.direction === "outgoing" && row.number === null
              ? await nextTransferNumber(tx, Number(event.on.slice(0, 4)))
              : null
          const supplemented =
            event.step._tag === "supplement"
              ? [
                  ...(row.materials as unknown as ReadonlyArray<TransferMaterial>),
                  ...event.step.materials.map((m) => ({ ...m }))
                ]
              : null
          const caseId = event.step._tag === "open_lead" ? event.step.caseId : null
          const updated = await tx.transfer.updateMany({
            where: { id, revision },
            data: {
              revision: revision + 1,
              ...(numbered === null ? {} : { number: numbered }),
              ...(supplemented === null ? {} : { materials: supplemented }),
              ...(caseId === null ? {} : { caseId })
            }
          })
          if (updated.count !== 1)
            throw new TransferStepRefused({
              step: event.step._tag,
              reason: "stale",
              detail: "该移送记录已被他人更新，请刷新后重试"
            })
          await tx.transferEvent.create({
            data: {
              transferId: id,
              sequence: revision,
              kind: event.step._tag,
              step: event.step as object,
              at: new Date(event.at),
              on: event.on,
              actorId: event.actorId,
              actorName: event.actorName,
              side: event.side
            }
          })
          await recordAudit(
            tx,
            { id: event.actorId, name: event.actorName, ip: audit.ip },
            {
              action: `transfer.${event.step._tag}`,
              entityType: "transfer",
              entityId: id,
              details: { side: event.side, ...(numbered === null ? {} : { number: numbered }) }
            }
          )
        }),
      TransferStepRefused
    )
})

/** The transfer repository as a layer. */
export const TransferRepositoryLive = (db: Db): Layer.Layer<TransferRepository> =>
  Layer.succeed(TransferRepository, transferRepository(db))
