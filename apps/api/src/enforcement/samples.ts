/**
 * Claim samples (抽样推算) over HTTP: the list within the caller's scope, drawing a sample from a
 * screening run's extract, one sample with its claims (人员编号 masked by role, the read audited), a
 * claim's review, and the conclusion. A sample of an institution outside the caller's data scope is
 * answered as if it did not exist.
 */
import { institutionWithinScope, objectWithinScope, requesterOf } from "./scope.js"
import * as Application from "@fundguard/application"
import { Samples } from "@fundguard/contracts"
import { institutionOfSample, listSamples, type Db } from "@fundguard/db"
import { SampleNotFound, sampleStatusLabel, type SampleStatus, type StoredSample } from "@fundguard/domain/enforcement"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { mount } from "../plugins/contracts.js"

/** What the routes are built from. */
export interface SampleRouteOptions {
  readonly db: Db
}

/** A sample outside the caller's data scope is answered as if it did not exist. */
const sampleWithinScope = async (db: Db, request: FastifyRequest, id: string): Promise<void> =>
  objectWithinScope(request, await institutionOfSample(db, id), () => new SampleNotFound({ id }))

const summaryOf = (s: {
  readonly id: string
  readonly institutionCode: string
  readonly institutionName: string
  readonly runId: string | null
  readonly periodFrom: string | null
  readonly periodTo: string | null
  readonly seed: string
  readonly algorithm: string
  readonly frameSize: number
  readonly frameAmount: number
  readonly size: number
  readonly reviewed: number
  readonly status: SampleStatus
  readonly drawnOn: string
  readonly drawnByName: string
  readonly conclusion: { readonly pointEstimate: number; readonly recoverable: number } | null
  readonly createdAt: Date
}): Samples.SampleSummary => ({
  id: s.id,
  institutionCode: s.institutionCode,
  institutionName: s.institutionName,
  runId: s.runId,
  periodFrom: s.periodFrom,
  periodTo: s.periodTo,
  seed: s.seed,
  algorithm: s.algorithm,
  frameSize: s.frameSize,
  frameAmount: s.frameAmount,
  size: s.size,
  reviewed: s.reviewed,
  status: s.status,
  statusLabel: sampleStatusLabel[s.status],
  drawnOn: s.drawnOn,
  drawnByName: s.drawnByName,
  pointEstimate: s.conclusion?.pointEstimate ?? null,
  recoverable: s.conclusion?.recoverable ?? null,
  createdAt: s.createdAt.toISOString()
})

const detailOf = (sample: StoredSample, createdAt: Date, masked: boolean): Samples.SampleDetail => ({
  ...summaryOf({
    id: sample.id,
    institutionCode: sample.institution.code,
    institutionName: sample.institution.name,
    runId: sample.extract.runId,
    periodFrom: sample.period?.from ?? null,
    periodTo: sample.period?.to ?? null,
    seed: sample.seed,
    algorithm: sample.algorithm,
    frameSize: sample.frameSize,
    frameAmount: sample.frameAmount,
    size: sample.claims.length,
    reviewed: sample.claims.filter((c) => c.review !== null).length,
    status: sample.status,
    drawnOn: sample.drawnOn,
    drawnByName: sample.drawnByName,
    conclusion: sample.conclusion,
    createdAt
  }),
  extractPath: sample.extract.path,
  settings: sample.settings,
  claims: sample.claims.map((c) => ({
    position: c.position,
    id: c.id,
    visitId: c.visitId,
    psnNo: c.psnNo,
    settledAt: c.settledAt,
    medType: c.medType,
    paid: c.paid,
    review:
      c.review === null
        ? null
        : {
            overpaid: c.review.overpaid,
            reason: c.review.reason,
            reviewerName: c.review.reviewerName,
            reviewedOn: c.review.reviewedOn
          }
  })),
  conclusion: sample.conclusion,
  masked
})

/** The sample routes. */
export const sampleRoutes = async (app: FastifyInstance, options: SampleRouteOptions) => {
  const { db } = options

  mount(app, Samples.listSamples, async ({ query, request }) => {
    const scope = await request.scope()
    const pageSize = query.pageSize ?? 50
    const page = query.page ?? 1
    const result = await listSamples(db, {
      ...(query.institution === undefined ? {} : { institution: query.institution }),
      institutions: scope.all ? null : [...scope.institutionCodes],
      limit: pageSize,
      offset: (page - 1) * pageSize
    })
    return {
      total: result.total,
      items: result.rows.map((r) => summaryOf({ ...r, status: r.status as SampleStatus }))
    }
  })

  mount(app, Samples.drawSample, async ({ body, request }) => {
    await institutionWithinScope(request, body.institutionCode)
    return app.run(
      Application.Enforcement.drawSample({
        institutionCode: body.institutionCode,
        source: { runId: body.extract },
        size: body.size,
        ...(body.seed === undefined ? {} : { seed: body.seed }),
        ...(body.period === undefined ? {} : { period: body.period }),
        actor: requesterOf(request).actor
      })
    )
  })

  mount(app, Samples.getSample, async ({ params, request }) => {
    await sampleWithinScope(db, request, params.id)
    const { sample, masked } = await app.run(
      Application.Enforcement.viewSample({ sampleId: params.id, ...requesterOf(request) })
    )
    const row = await db.claimSample.findUniqueOrThrow({ where: { id: params.id }, select: { createdAt: true } })
    return detailOf(sample, row.createdAt, masked)
  })

  mount(app, Samples.recordSampleReview, async ({ params, body, request }) => {
    await sampleWithinScope(db, request, params.id)
    return app.run(
      Application.Enforcement.recordSampleReview({
        sampleId: params.id,
        input: body,
        actor: requesterOf(request).actor
      })
    )
  })

  mount(app, Samples.concludeSample, async ({ params, request }) => {
    await sampleWithinScope(db, request, params.id)
    return app.run(Application.Enforcement.concludeSample({ sampleId: params.id, actor: requesterOf(request).actor }))
  })
}
