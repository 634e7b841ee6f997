/**
 * Claim samples (抽样推算) in the database: the domain's `SampleRepository` (store a drawn sample,
 * load it, record a claim's review, store the conclusion, record a read of its claims) with the
 * audit entry of each in the same transaction, and the query of the sample list. A review or a
 * conclusion is written only while the sample is still in the state it was decided on.
 */
import {
  InvalidSampleInput,
  SampleNotFound,
  SampleRepository,
  SampleStepRefused,
  type SampleConclusion,
  type SampleSettings,
  type SampleStatus,
  type StoredSample
} from "@fundguard/domain/enforcement"
import type { IsoDate } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { recordAudit } from "../access/audit.js"
import type { Db } from "../client.js"
import { attempt } from "../effects.js"

const loadSample = async (db: Db, id: string): Promise<StoredSample> => {
  const row = await db.claimSample.findUnique({
    where: { id },
    include: { claims: { orderBy: { position: "asc" } } }
  })
  if (row === null) throw new SampleNotFound({ id })
  const institution = await db.institution.findUnique({ where: { code: row.institutionCode }, select: { name: true } })
  return {
    id: row.id,
    institution: { code: row.institutionCode, name: institution?.name ?? row.institutionCode },
    extract: { path: row.extractPath, runId: row.runId },
    period:
      row.periodFrom === null || row.periodTo === null
        ? null
        : { from: row.periodFrom as IsoDate, to: row.periodTo as IsoDate },
    seed: row.seed,
    algorithm: row.algorithm as StoredSample["algorithm"],
    frameSize: row.frameSize,
    frameAmount: row.frameAmount,
    settings: row.settings as unknown as SampleSettings,
    status: row.status as SampleStatus,
    drawnOn: row.drawnOn as IsoDate,
    drawnByName: row.drawnByName,
    claims: row.claims.map((c) => ({
      position: c.position,
      id: c.setlId,
      visitId: c.mdtrtId,
      psnNo: c.psnNo,
      settledAt: c.settledAt,
      medType: c.medType,
      paid: c.paid,
      review:
        c.overpaid === null
          ? null
          : {
              overpaid: c.overpaid,
              reason: c.reason ?? "",
              reviewerId: c.reviewerId,
              reviewerName: c.reviewerName ?? "",
              reviewedOn: (c.reviewedOn ?? "") as IsoDate
            }
    })),
    conclusion: (row.conclusion ?? null) as unknown as SampleConclusion | null
  }
}

/** Where samples are kept (the domain's `SampleRepository`), in this database. */
export const sampleRepository = (db: Db): SampleRepository["Type"] => ({
  create: ({ id, institutionCode, extract, period, draw, settings, actor, today }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const institution = await tx.institution.findUnique({ where: { code: institutionCode } })
          if (institution === null)
            throw new InvalidSampleInput({
              problems: [{ path: "$.institutionCode", message: `机构 ${institutionCode} 不在定点机构名录中` }]
            })
          await tx.claimSample.create({
            data: {
              id,
              institutionCode,
              extractPath: extract.path,
              runId: extract.runId,
              periodFrom: period?.from ?? null,
              periodTo: period?.to ?? null,
              seed: draw.seed,
              algorithm: draw.algorithm,
              frameSize: draw.frameSize,
              frameAmount: draw.frameAmount,
              size: draw.claims.length,
              settings: { ...settings },
              status: "drawn",
              drawnOn: today,
              drawnById: actor.id,
              drawnByName: actor.name,
              claims: {
                create: draw.claims.map((c, i) => ({
                  position: i + 1,
                  setlId: c.id,
                  mdtrtId: c.visitId,
                  psnNo: c.psnNo,
                  settledAt: c.settledAt,
                  medType: c.medType,
                  paid: c.paid
                }))
              }
            }
          })
          await recordAudit(tx, actor, {
            action: "sample.draw",
            entityType: "sample",
            entityId: id,
            details: {
              institutionCode,
              extract: extract.path,
              runId: extract.runId,
              period,
              seed: draw.seed,
              algorithm: draw.algorithm,
              frameSize: draw.frameSize,
              frameAmount: draw.frameAmount,
              claims: draw.claims.map((c) => c.id)
            }
          })
        }),
      InvalidSampleInput
    ),
  load: (id) => attempt(() => loadSample(db, id), SampleNotFound),
  recordReview: ({ sample, claimId, review, to, actor }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          // Only while the sample is not concluded (a conclusion since it was loaded makes this miss).
          const moved = await tx.claimSample.updateMany({
            where: { id: sample.id, status: { in: ["drawn", "reviewing"] } },
            data: { status: to }
          })
          if (moved.count !== 1)
            throw new SampleStepRefused({ id: sample.id, reason: "抽样已完成推算，不能再修改审核结果" })
          const previous = sample.claims.find((c) => c.id === claimId)?.review ?? null
          await tx.sampledClaim.update({
            where: { sampleId_setlId: { sampleId: sample.id, setlId: claimId } },
            data: {
              overpaid: review.overpaid,
              reason: review.reason,
              reviewerId: review.reviewerId,
              reviewerName: review.reviewerName,
              reviewedOn: review.reviewedOn
            }
          })
          await recordAudit(tx, actor, {
            action: "sample.review",
            entityType: "sample",
            entityId: sample.id,
            details: {
              claimId,
              overpaid: review.overpaid,
              reason: review.reason,
              ...(previous === null ? {} : { replaces: { overpaid: previous.overpaid, reason: previous.reason } })
            }
          })
        }),
      SampleStepRefused
    ),
  conclude: ({ sample, conclusion, actor }) =>
    attempt(
      () =>
        db.$transaction(async (tx) => {
          const moved = await tx.claimSample.updateMany({
            where: { id: sample.id, status: sample.status },
            data: { status: "concluded", conclusion: { ...conclusion }, concludedOn: conclusion.concludedOn }
          })
          if (moved.count !== 1)
            throw new SampleStepRefused({ id: sample.id, reason: "抽样已被他人更新，请刷新后重试" })
          // Every review is as it was when concluded: none recorded since the sample was loaded.
          const reviewed = await tx.sampledClaim.findMany({ where: { sampleId: sample.id } })
          const changed = reviewed.some((r) => {
            const loaded = sample.claims.find((c) => c.id === r.setlId)?.review
            return loaded === undefined || loaded === null || loaded.overpaid !== r.overpaid
          })
          if (changed) throw new SampleStepRefused({ id: sample.id, reason: "审核结果已被他人修改，请刷新后重试" })
          await recordAudit(tx, actor, {
            action: "sample.conclude",
            entityType: "sample",
            entityId: sample.id,
            details: {
              method: conclusion.method,
              sampleSize: conclusion.sampleSize,
              frameSize: conclusion.frameSize,
              errorCount: conclusion.errorCount,
              pointEstimate: conclusion.pointEstimate,
              lowerLimit: conclusion.lowerLimit,
              upperLimit: conclusion.upperLimit,
              recoverable: conclusion.recoverable
            }
          })
        }),
      SampleStepRefused
    ),
  recordRead: ({ sample, actor, masked }) =>
    Effect.promise(() =>
      recordAudit(db, actor, {
        action: "sample.read_claims",
        entityType: "sample",
        entityId: sample.id,
        details: { institutionCode: sample.institution.code, claims: sample.claims.length, masked }
      })
    ).pipe(Effect.asVoid)
})

/** The repository as a layer. */
export const SampleRepositoryLive = (db: Db): Layer.Layer<SampleRepository> =>
  Layer.succeed(SampleRepository, sampleRepository(db))

/** Samples for the list, newest first, filtered by institution and by the institutions a user may see. */
export const listSamples = async (
  db: Db,
  filter: {
    readonly institution?: string
    readonly institutions: ReadonlyArray<string> | null
    readonly limit: number
    readonly offset: number
  }
) => {
  const visible = filter.institutions === null ? null : [...filter.institutions]
  const codes =
    filter.institution === undefined
      ? visible
      : visible === null || visible.includes(filter.institution)
        ? [filter.institution]
        : []
  const where = codes === null ? {} : { institutionCode: { in: codes } }
  const [total, rows] = await Promise.all([
    db.claimSample.count({ where }),
    db.claimSample.findMany({ where, orderBy: { createdAt: "desc" }, take: filter.limit, skip: filter.offset })
  ])
  const reviewed = await db.sampledClaim.groupBy({
    by: ["sampleId"],
    where: { sampleId: { in: rows.map((r) => r.id) }, overpaid: { not: null } },
    _count: { _all: true }
  })
  const names = new Map(
    (
      await db.institution.findMany({
        where: { code: { in: [...new Set(rows.map((r) => r.institutionCode))] } },
        select: { code: true, name: true }
      })
    ).map((i) => [i.code, i.name])
  )
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      institutionName: names.get(r.institutionCode) ?? r.institutionCode,
      reviewed: reviewed.find((g) => g.sampleId === r.id)?._count._all ?? 0,
      conclusion: (r.conclusion ?? null) as unknown as SampleConclusion | null
    }))
  }
}

/** The institution a sample is of, or null when there is no such sample (for scope checks). */
export const institutionOfSample = async (db: Db, id: string): Promise<string | null> =>
  (await db.claimSample.findUnique({ where: { id }, select: { institutionCode: true } }))?.institutionCode ?? null
