/**
 * The review workflow of suspicions (疑点处理) over HTTP: a lead's detail with its evidence, history
 * and the steps open to the caller; the steps themselves (初审 … 审批) with the three-level rule
 * enforced here, whatever the client shows; the institution's response; assignment; bulk steps;
 * the .xlsx export of a filtered list. `docs/domain/review-workflow.md` describes the workflow.
 */
import {
  applyReviewStep,
  assignSuspicion,
  bureauToday,
  exportSuspicions,
  institutionOfSuspicion,
  listReviewers,
  recordAudit,
  reviewSubject,
  stampFirstReviewDeadlines,
  suspicionDetail,
  SuspicionNotFound,
  type Db
} from "@fundguard/db"
import {
  can,
  deadlineFor,
  decideAssignment,
  institutionInScope,
  dispositionLabel,
  institutionResponseKindLabel,
  offeredActions,
  ReviewAction,
  reviewActionLabel,
  reviewStepLabel,
  reviewTimeLimits,
  reviewTransitions,
  type ReviewActor
} from "@fundguard/domain"
import { bureauDate, type WorkingCalendarShape } from "@fundguard/domain/WorkingCalendar"
import * as Either from "effect/Either"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { HttpProblem } from "../plugins/errors.js"
import { filterOf } from "../review/filters.js"
import { filterProperties, presentSuspicion, type FilterQuery } from "../review/present.js"
import { asHttp, reviewProblem } from "../review/problems.js"
import { suspicionsWorkbook } from "../review/xlsx.js"

/** What the routes are built from. */
export interface ReviewRouteOptions {
  readonly db: Db
  readonly now: () => Date
  readonly calendar: WorkingCalendarShape
}

/** The most leads one export may hold; larger sets must be narrowed by filters first. */
export const exportLimit = 50_000

const bulkActions = [
  "first_review_confirm",
  "first_review_dismiss",
  "request_correction",
  "second_review_push",
  "second_review_dismiss",
  "assign"
] as const

const stepBodyProperties = {
  revision: { type: "integer", minimum: 0, description: "the revision the step was decided on" },
  reason: { type: "string", maxLength: 2000, description: "理由/意见" },
  response: {
    type: "object",
    properties: {
      kind: { type: "string", enum: ["accepted", "appeal"] },
      statement: { type: "string", maxLength: 5000 },
      receivedOn: { type: "string", format: "date" },
      documents: { type: "array", items: { type: "string", maxLength: 200 }, maxItems: 50 }
    },
    required: ["kind", "statement", "receivedOn"],
    additionalProperties: false
  },
  proposal: {
    type: "object",
    properties: {
      disposition: { type: "string", enum: ["deduction", "case"] },
      deductionAmount: { type: "number", minimum: 0 }
    },
    required: ["disposition"],
    additionalProperties: false
  },
  caseNumber: { type: "string", maxLength: 100 }
} as const

const stepResultSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    status: { type: "string" },
    revision: { type: "integer" },
    dueDate: { type: ["string", "null"] }
  },
  required: ["id", "status", "revision", "dueDate"]
} as const

const idParams = {
  type: "object",
  properties: { id: { type: "string", minLength: 1, maxLength: 64 } },
  required: ["id"]
} as const

/** The review routes. */
export const reviewRoutes = async (app: FastifyInstance, options: ReviewRouteOptions) => {
  const { db, calendar } = options
  const today = () => bureauDate(options.now())
  const callerOf = (request: FastifyRequest) => {
    const user = currentUser(request)
    return { id: user.id, name: user.displayName, role: user.role, ip: request.ip }
  }
  /** A lead outside the caller's data scope is answered as if it did not exist. */
  const withinScope = async (request: FastifyRequest, id: string): Promise<void> => {
    const scope = await request.scope()
    if (scope.all) return
    const institution = await institutionOfSuspicion(db, id)
    if (institution === null || !institutionInScope(scope, institution)) throw new SuspicionNotFound(id)
  }
  const step = (request: FastifyRequest, id: string, revision: number, action: ReviewAction, input: unknown) =>
    asHttp(async () => {
      await withinScope(request, id)
      return applyReviewStep(db, {
        suspicionId: id,
        revision,
        action,
        input,
        caller: callerOf(request),
        today: today(),
        calendar
      })
    })

  app.get<{ Params: { id: string } }>(
    "/api/v1/suspicions/:id",
    {
      config: { permission: "suspicions:read" },
      schema: {
        tags: ["review"],
        summary: "One suspicion with its evidence, workflow history and the steps open to the caller",
        params: idParams
      }
    },
    async (request) => {
      await stampFirstReviewDeadlines(db, calendar)
      const user = currentUser(request)
      const actor: ReviewActor = { id: user.id, name: user.displayName, role: user.role }
      const now = today()
      const {
        suspicion: s,
        institution,
        firstRun,
        lastRun
      } = await asHttp(async () => {
        await withinScope(request, request.params.id)
        return suspicionDetail(db, request.params.id)
      })
      const subject = await reviewSubject(db, s.id)
      const opened = [...s.reviewEvents].reverse().find((e) => e.toStatus === s.status && e.dueDate !== null)
      const firstStep = subject.status === "pending_first_review" && opened === undefined ? "first_review" : null
      const claim = decideAssignment(subject, actor, actor)
      // Reading a lead reads personal data (人员编号, 就诊 and 结算 ids): who looked is on the record.
      await recordAudit(
        db,
        { id: user.id, name: user.displayName, ip: request.ip },
        {
          action: "suspicion.view",
          entityType: "suspicion",
          entityId: s.id,
          details: { unmasked: can(user.role, "personal-data:unmasked"), institution: s.fixmedinsCode }
        }
      )
      return {
        ...presentSuspicion({ ...s, institutionName: institution?.name ?? null }, user.role, now),
        institution:
          institution === null
            ? null
            : {
                code: institution.code,
                name: institution.name,
                orgKind: institution.orgKind,
                hospitalLevel: institution.hospitalLevel,
                approvedBeds: institution.approvedBeds
              },
        deadlineSource:
          opened?.deadlineSource ??
          (firstStep === null ? null : deadlineFor(firstStep, bureauDate(s.createdAt), calendar).source),
        firstRun:
          firstRun === null ? null : { id: firstRun.id, startedAt: firstRun.startedAt, extract: firstRun.extract },
        lastRun: lastRun === null ? null : { id: lastRun.id, startedAt: lastRun.startedAt, extract: lastRun.extract },
        history: s.reviewEvents.map((e) => ({
          revision: e.revision,
          action: e.action,
          label: reviewActionLabel[e.action as ReviewAction | "assign"] ?? e.action,
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          level: e.level,
          actorName: e.actorName,
          actorRole: e.actorRole,
          reason: e.reason,
          details: e.details,
          assigneeName: e.assigneeName,
          dueDate: e.dueDate,
          late: e.late,
          at: e.at.toISOString()
        })),
        responses: s.responses.map((r) => ({
          kind: r.kind,
          kindLabel: institutionResponseKindLabel[r.kind as "accepted" | "appeal" | "none"] ?? r.kind,
          statement: r.statement,
          receivedOn: r.receivedOn,
          documents: r.documents,
          late: r.late,
          recordedByName: r.recordedByName,
          at: r.createdAt.toISOString()
        })),
        outcome:
          s.outcome === null
            ? null
            : {
                result: s.outcome.result,
                disposition: s.outcome.disposition,
                dispositionLabel:
                  s.outcome.disposition === null
                    ? null
                    : (dispositionLabel as Record<string, string>)[s.outcome.disposition],
                deductionAmount: s.outcome.deductionAmount,
                caseNumber: s.outcome.caseNumber,
                reason: s.outcome.reason,
                proposedByName: s.outcome.proposedByName,
                approvedByName: s.outcome.approvedByName,
                decidedAt: s.outcome.decidedAt.toISOString()
              },
        proposal: subject.proposal,
        actions: offeredActions(subject, actor, now),
        canAssign: can(user.role, "suspicions:assign") && Either.isRight(claim),
        canClaim: Either.isRight(claim) && subject.assigneeId === null
      }
    }
  )

  app.post<{ Params: { id: string }; Body: { action: ReviewAction; revision: number } & Record<string, unknown> }>(
    "/api/v1/suspicions/:id/steps",
    {
      config: { permission: "suspicions:review" },
      schema: {
        tags: ["review"],
        summary: "Take a review step (初审、复审、推送、反馈、核实、审批); the three-level rule is enforced",
        description:
          "Errors: 400 bad input (problems name the field); 403 role, separation of duties (三级审核：初审人不得复审或审批) or another person's assignment; 409 the lead changed (stale revision) or its status does not allow the step.",
        params: idParams,
        body: {
          type: "object",
          properties: { action: { type: "string", enum: [...ReviewAction.literals] }, ...stepBodyProperties },
          required: ["action", "revision"],
          additionalProperties: false
        },
        response: { 200: stepResultSchema }
      }
    },
    async (request) => {
      const { action, revision, ...input } = request.body
      const result = await step(request, request.params.id, revision, action, input)
      return { id: result.id, status: result.status, revision: result.revision, dueDate: result.dueDate }
    }
  )

  app.post<{
    Params: { id: string }
    Body: {
      revision: number
      kind: "accepted" | "appeal"
      statement: string
      receivedOn: string
      documents?: Array<string>
    }
  }>(
    "/api/v1/suspicions/:id/institution-response",
    {
      config: { permission: "suspicions:review" },
      schema: {
        tags: ["review"],
        summary: "Record the institution's response or appeal (登记机构反馈/申诉) to a pushed lead",
        description:
          "Institutions have no accounts: bureau staff record what arrived (platform message or paper 申诉书). A response after the deadline is recorded and marked late.",
        params: idParams,
        body: {
          type: "object",
          properties: { revision: stepBodyProperties.revision, ...stepBodyProperties.response.properties },
          required: ["revision", "kind", "statement", "receivedOn"],
          additionalProperties: false
        },
        response: { 200: stepResultSchema }
      }
    },
    async (request) => {
      const { revision, ...response } = request.body
      const result = await step(request, request.params.id, revision, "record_response", { response })
      return { id: result.id, status: result.status, revision: result.revision, dueDate: result.dueDate }
    }
  )

  app.post<{ Params: { id: string }; Body: { revision: number; assigneeId: string } }>(
    "/api/v1/suspicions/:id/assign",
    {
      config: { permission: "suspicions:review" },
      schema: {
        tags: ["review"],
        summary: "Assign the lead's current step to a person (稽核员 and above), or claim it (领取)",
        params: idParams,
        body: {
          type: "object",
          properties: {
            revision: stepBodyProperties.revision,
            assigneeId: { type: "string", minLength: 1, maxLength: 64 }
          },
          required: ["revision", "assigneeId"],
          additionalProperties: false
        }
      }
    },
    async (request) =>
      asHttp(async () => {
        await withinScope(request, request.params.id)
        return assignSuspicion(db, {
          suspicionId: request.params.id,
          revision: request.body.revision,
          assigneeId: request.body.assigneeId,
          caller: callerOf(request)
        })
      })
  )

  app.post<{
    Body: {
      action: (typeof bulkActions)[number]
      items: Array<{ id: string; revision: number }>
      reason?: string
      assigneeId?: string
    }
  }>(
    "/api/v1/suspicions/bulk",
    {
      config: { permission: "suspicions:review" },
      schema: {
        tags: ["review"],
        summary: "Take one step on many leads (批量初审、复审、分派); each lead succeeds or fails on its own",
        body: {
          type: "object",
          properties: {
            action: { type: "string", enum: [...bulkActions] },
            items: {
              type: "array",
              minItems: 1,
              maxItems: 500,
              items: {
                type: "object",
                properties: {
                  id: { type: "string", minLength: 1, maxLength: 64 },
                  revision: { type: "integer", minimum: 0 }
                },
                required: ["id", "revision"],
                additionalProperties: false
              }
            },
            reason: stepBodyProperties.reason,
            assigneeId: { type: "string", minLength: 1, maxLength: 64 }
          },
          required: ["action", "items"],
          additionalProperties: false
        },
        response: {
          200: {
            type: "object",
            properties: {
              done: { type: "integer" },
              failed: { type: "integer" },
              results: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    ok: { type: "boolean" },
                    status: { type: "string" },
                    revision: { type: "integer" },
                    error: { type: "string" },
                    message: { type: "string" }
                  },
                  required: ["id", "ok"]
                }
              }
            },
            required: ["done", "failed", "results"]
          }
        }
      }
    },
    async (request) => {
      const { action, items, reason, assigneeId } = request.body
      if (action === "assign" && assigneeId === undefined) {
        throw new HttpProblem(400, "InvalidRequest", "批量分派须选择承办人", [
          { path: "$.assigneeId", message: "required for assign" }
        ])
      }
      const caller = callerOf(request)
      const results = []
      for (const item of items) {
        try {
          await withinScope(request, item.id)
          const r =
            action === "assign"
              ? await assignSuspicion(db, {
                  suspicionId: item.id,
                  revision: item.revision,
                  assigneeId: assigneeId!,
                  caller
                })
              : await applyReviewStep(db, {
                  suspicionId: item.id,
                  revision: item.revision,
                  action,
                  input: reason === undefined ? {} : { reason },
                  caller,
                  today: today(),
                  calendar
                })
          results.push({ id: item.id, ok: true, status: r.status, revision: r.revision })
        } catch (error) {
          const problem = reviewProblem(error)
          if (problem === null) throw error
          results.push({ id: item.id, ok: false, error: problem.tag, message: problem.message })
        }
      }
      const done = results.filter((r) => r.ok).length
      return { done, failed: results.length - done, results }
    }
  )

  app.get<{ Querystring: FilterQuery }>(
    "/api/v1/suspicions/export",
    {
      config: { permission: "suspicions:read" },
      schema: {
        tags: ["review"],
        summary: `The filtered suspicion list as an .xlsx workbook (at most ${exportLimit} leads; personal data masked per role)`,
        querystring: { type: "object", properties: filterProperties, additionalProperties: false },
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
      }
    },
    async (request, reply) => {
      await stampFirstReviewDeadlines(db, calendar)
      const user = currentUser(request)
      const filter = filterOf(request.query, user.id, await request.scope())
      const now = today()
      const { total, items } = await exportSuspicions(db, filter, now, exportLimit)
      if (items === null) {
        throw new HttpProblem(
          400,
          "TooManyRows",
          `符合条件的疑点有 ${total} 条，超过单次导出上限 ${exportLimit} 条，请缩小筛选范围`
        )
      }
      const rows = items.map((s) => ({ ...presentSuspicion(s, user.role, now), outcome: s.outcome }))
      const exportedAt = options.now()
      const body = await suspicionsWorkbook(rows, {
        exportedBy: user.displayName,
        exportedAt,
        filters: { ...request.query }
      })
      // Exports carry personal data out of the system: who took what is on the record.
      await recordAudit(
        db,
        { id: user.id, name: user.displayName, ip: request.ip },
        {
          action: "suspicion.export",
          entityType: "suspicion",
          details: { filters: request.query, count: rows.length, unmasked: can(user.role, "personal-data:unmasked") }
        }
      )
      const stamp = exportedAt.toISOString().slice(0, 10).replace(/-/g, "")
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="suspicions-${stamp}.xlsx"; filename*=UTF-8''${encodeURIComponent(`疑点清单-${stamp}.xlsx`)}`
        )
        .send(body)
    }
  )

  app.get(
    "/api/v1/review/reviewers",
    {
      config: { permission: "suspicions:review" },
      schema: { tags: ["review"], summary: "People who can take review steps (for assignment)" }
    },
    async () => ({ items: await listReviewers(db) })
  )

  app.get(
    "/api/v1/review/workflow",
    {
      config: { permission: "suspicions:read" },
      schema: {
        tags: ["review"],
        summary: "The workflow's transitions and the time limits in force, with their sources"
      }
    },
    async () => {
      const limits = reviewTimeLimits.find(
        (v) => v.effectiveFrom <= today() && (v.effectiveTo === null || today() <= v.effectiveTo)
      )
      return {
        transitions: reviewTransitions.map((t) => ({ ...t, label: reviewActionLabel[t.action] })),
        timeLimits:
          limits === undefined
            ? null
            : {
                effectiveFrom: limits.effectiveFrom,
                source: limits.source,
                steps: Object.entries(limits.value).map(([step, l]) => ({
                  step,
                  label: reviewStepLabel[step as keyof typeof reviewStepLabel],
                  days: l.days,
                  basis: l.basis
                }))
              },
        calendar: { source: calendar.source, coveredYears: calendar.coveredYears },
        today: bureauToday(options.now())
      }
    }
  )
}
