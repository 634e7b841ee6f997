/**
 * The review workflow of suspicions (疑点处理) over HTTP: a lead's detail with its evidence, history
 * and the steps open to the caller; the steps themselves (初审 … 审批) with the three-level rule
 * enforced here, whatever the client shows; the institution's response; assignment; bulk steps;
 * the .xlsx export of a filtered list. `docs/domain/review-workflow.md` describes the workflow.
 */
import {
  bureauToday,
  exportSuspicions,
  institutionOfSuspicion,
  listReviewers,
  recordAudit,
  reviewSubjectOf,
  stampFirstReviewDeadlines,
  suspicionDetail,
  suspicionSummary,
  type Db,
  warningsOfSuspicion
} from "@fundguard/db"
import type { ReviewAction } from "@fundguard/domain/review"
import { actorNameOf, can, type Role } from "@fundguard/domain/access"
import { type HospitalLevel, type OrgKind } from "@fundguard/domain/kernel"
import { institutionInScope } from "@fundguard/domain/responsibilities"
import {
  deadlineFor,
  decideAssignment,
  SuspicionNotFound,
  dispositionLabel,
  institutionResponseKindLabel,
  offeredActions,
  reviewActionLabel,
  reviewStepLabel,
  reviewTimeLimits,
  reviewTransitions,
  type ReviewActor
} from "@fundguard/domain/review"
import { type SuspicionStatus } from "@fundguard/domain/screening"
import { bureauDate, type WorkingCalendarShape } from "@fundguard/domain/kernel"
import * as Application from "@fundguard/application"
import { Review } from "@fundguard/contracts"
import * as Either from "effect/Either"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem, problemOf } from "../plugins/errors.js"
import { filterOf } from "./filters.js"
import { presentSuspicion } from "./present.js"
import { actorOf } from "../responsibilities/context.js"
import { attachment } from "../responsibilities/sheets.js"
import { writeSuspicionsWorkbook } from "./xlsx.js"
import { PassThrough } from "node:stream"

/** What the routes are built from. */
export interface ReviewRouteOptions {
  readonly db: Db
  readonly now: () => Date
  readonly calendar: WorkingCalendarShape
}

/** The most leads one export may hold; larger sets must be narrowed by filters first. */
export const exportLimit = Review.exportLimit

/** The review routes. */
export const reviewRoutes = async (app: FastifyInstance, options: ReviewRouteOptions) => {
  const { db, calendar } = options
  const today = () => bureauDate(options.now())
  const callerOf = (request: FastifyRequest) => {
    const user = currentUser(request)
    return { id: user.id, name: user.displayName, role: user.role, ip: request.ip, auditName: actorNameOf(user) }
  }
  /** A lead outside the caller's data scope is answered as if it did not exist. */
  const withinScope = async (request: FastifyRequest, id: string): Promise<void> => {
    const scope = await request.scope()
    if (scope.all) return
    const institution = await institutionOfSuspicion(db, id)
    if (institution === null || !institutionInScope(scope, institution)) throw new SuspicionNotFound({ id })
  }
  const step = async (request: FastifyRequest, id: string, revision: number, action: ReviewAction, input: unknown) => {
    await withinScope(request, id)
    return app.run(
      Application.Review.takeReviewStep({
        suspicionId: id,
        revision,
        action,
        input,
        actor: callerOf(request)
      })
    )
  }

  mount(app, Review.getSuspicion, async ({ params, request }) => {
    await stampFirstReviewDeadlines(db, calendar)
    const user = currentUser(request)
    const actor: ReviewActor = { id: user.id, name: user.displayName, role: user.role }
    const now = today()
    const detail = await withinScope(request, params.id).then(() => suspicionDetail(db, params.id))
    const { suspicion: s, institution, firstRun, lastRun } = detail
    const subject = reviewSubjectOf(detail)
    const warned = await warningsOfSuspicion(db, s)
    const opened = [...s.reviewEvents].reverse().find((e) => e.toStatus === s.status && e.dueDate !== null)
    const firstStep = subject.status === "pending_first_review" && opened === undefined ? "first_review" : null
    const claim = decideAssignment(subject, actor, actor)
    // Reading a lead reads personal data (人员编号, 就诊 and 结算 ids): who looked is on the record.
    await recordAudit(db, actorOf(request), {
      action: "suspicion.view",
      entityType: "suspicion",
      entityId: s.id,
      details: { unmasked: can(user.role, "personal-data:unmasked"), institution: s.fixmedinsCode }
    })
    return {
      ...presentSuspicion({ ...s, institutionName: institution?.name ?? null }, user.role, now),
      institution:
        institution === null
          ? null
          : {
              code: institution.code,
              name: institution.name,
              orgKind: institution.orgKind as OrgKind,
              hospitalLevel: institution.hospitalLevel as HospitalLevel | null,
              approvedBeds: institution.approvedBeds
            },
      deadlineSource:
        opened?.deadlineSource ??
        (firstStep === null ? null : deadlineFor(firstStep, bureauDate(s.createdAt), calendar).source),
      firstRun:
        firstRun === null
          ? null
          : { id: firstRun.id, startedAt: firstRun.startedAt.toISOString(), extract: firstRun.extract },
      lastRun:
        lastRun === null
          ? null
          : { id: lastRun.id, startedAt: lastRun.startedAt.toISOString(), extract: lastRun.extract },
      history: s.reviewEvents.map((e) => ({
        revision: e.revision,
        action: e.action,
        label: reviewActionLabel[e.action as ReviewAction | "assign"] ?? e.action,
        // Stored by the workflow itself, so they are the domain's values.
        fromStatus: e.fromStatus as SuspicionStatus,
        toStatus: e.toStatus as SuspicionStatus,
        level: e.level,
        actorName: e.actorName,
        actorRole: e.actorRole as Role,
        reason: e.reason,
        details: e.details,
        assigneeName: e.assigneeName,
        dueDate: e.dueDate,
        late: e.late,
        at: e.at.toISOString()
      })),
      precheckWarnings: warned.map((w) => ({
        jrId: w.jrId,
        at: w.at.toISOString(),
        mdtrtId: w.mdtrtId,
        message: w.message,
        amount: w.amount,
        disposition: w.dispoWay === "1" ? ("override" as const) : w.dispoWay === "2" ? ("edited" as const) : null,
        dispositionLabel:
          w.dispoWay === "1" ? "继续执行（未修改）" : w.dispoWay === "2" ? "返回修改" : "未反馈处理结果",
        reason: w.dispoReason,
        respondedAt: w.dispoAt?.toISOString() ?? null
      })),
      responses: s.responses.map((r) => ({
        kind: r.kind,
        kindLabel: institutionResponseKindLabel[r.kind as "accepted" | "appeal" | "none"] ?? r.kind,
        statement: r.statement,
        receivedOn: r.receivedOn,
        documents: r.documents as ReadonlyArray<string>,
        late: r.late,
        recordedByName: r.recordedByName,
        at: r.createdAt.toISOString()
      })),
      outcome:
        s.outcome === null
          ? null
          : {
              result: s.outcome.result as "confirmed" | "excluded",
              disposition: s.outcome.disposition as "deduction" | "case" | null,
              dispositionLabel:
                s.outcome.disposition === null
                  ? null
                  : ((dispositionLabel as Record<string, string>)[s.outcome.disposition] ?? null),
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
  })

  mount(app, Review.takeStep, async ({ params, body, request }) => {
    const { action, revision, ...input } = body
    const result = await step(request, params.id, revision, action, input)
    return { id: result.id, status: result.status, revision: result.revision, dueDate: result.dueDate }
  })

  mount(app, Review.recordResponse, async ({ params, body, request }) => {
    const { revision, ...response } = body
    const result = await step(request, params.id, revision, "record_response", { response })
    return { id: result.id, status: result.status, revision: result.revision, dueDate: result.dueDate }
  })

  mount(app, Review.assign, async ({ params, body, request }) => {
    await withinScope(request, params.id)
    return app.run(
      Application.Review.assignLead({
        suspicionId: params.id,
        revision: body.revision,
        assigneeId: body.assigneeId,
        actor: callerOf(request)
      })
    )
  })

  mount(app, Review.bulk, async ({ body, request }) => {
    const { action, items, reason, assigneeId } = body
    if (action === "assign" && assigneeId === undefined) {
      throw new Problem("InvalidRequest", "批量分派须选择承办人", [{ path: "$.assigneeId", message: "分派时必填" }])
    }
    const caller = callerOf(request)
    const results: Array<Review.BulkResult> = []
    for (const item of items) {
      try {
        await withinScope(request, item.id)
        const r =
          action === "assign"
            ? await app.run(
                Application.Review.assignLead({
                  suspicionId: item.id,
                  revision: item.revision,
                  assigneeId: assigneeId!,
                  actor: caller
                })
              )
            : await app.run(
                Application.Review.takeReviewStep({
                  suspicionId: item.id,
                  revision: item.revision,
                  action,
                  input: reason === undefined ? {} : { reason },
                  actor: caller
                })
              )
        results.push({ id: item.id, ok: true, status: r.status, revision: r.revision })
      } catch (error) {
        const problem = problemOf(error)
        if (problem === null) throw error
        results.push({ id: item.id, ok: false, code: problem.tag, detail: problem.detail })
      }
    }
    const done = results.filter((r) => r.ok).length
    return { done, failed: results.length - done, results }
  })

  mount(app, Review.exportSuspicions, async ({ query, request, reply }) => {
    await stampFirstReviewDeadlines(db, calendar)
    const user = currentUser(request)
    const filter = filterOf(query, user.id, await request.scope())
    const now = today()
    const { total } = await suspicionSummary(db, filter, now)
    if (total > exportLimit) {
      throw new Problem(
        "TooManyRows",
        `符合条件的疑点有 ${total} 条，超过单次导出上限 ${exportLimit} 条，请缩小筛选范围`
      )
    }
    const exportedAt = options.now()
    // Exports carry personal data out of the system: who took what is on the record, before the first byte leaves.
    await recordAudit(db, actorOf(request), {
      action: "suspicion.export",
      entityType: "suspicion",
      details: { filters: query, count: total, unmasked: can(user.role, "personal-data:unmasked") }
    })
    const pages = (async function* () {
      for await (const rows of exportSuspicions(db, filter, now))
        yield rows.map((s) => ({ ...presentSuspicion(s, user.role, now), outcome: s.outcome }))
    })()
    const out = new PassThrough()
    writeSuspicionsWorkbook(
      pages,
      { exportedBy: user.displayName, exportedAt, filters: { ...query } },
      out,
      exportLimit
    )
      .then(({ rows, complete }) =>
        // What actually left: the rows written (the count above was the filter's, before the first page).
        recordAudit(db, actorOf(request), {
          action: "suspicion.export_finished",
          entityType: "suspicion",
          details: { rows, complete }
        })
      )
      .catch((error: unknown) => {
        // The headers are gone: the client sees a cut-off download, and the log says why.
        request.log.error({ err: error }, "suspicion export failed")
        out.destroy(error as Error)
      })
    const stamp = exportedAt.toISOString().slice(0, 10).replace(/-/g, "")
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", attachment(`疑点清单-${stamp}.xlsx`))
      .header("x-fundguard-rows", String(total))
      .send(out)
  })

  mount(app, Review.listReviewers, async () => ({ items: await listReviewers(db) }))

  mount(app, Review.workflow, async () => {
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
  })
}
