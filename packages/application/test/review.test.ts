/**
 * The review workflow end to end on a real database: the use case (`takeReviewStep`) over the
 * Prisma repository, on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Role } from "@fundguard/domain/access"
import { BureauClock, isoDate, WorkingCalendar } from "@fundguard/domain/kernel"
import {
  InvalidReviewInput,
  ReviewRefused,
  StaleRevision,
  type ReviewAction,
  type StepActor
} from "@fundguard/domain/review"
import { type Suspicion } from "@fundguard/domain/screening"
import { weekendsOnlyCalendar } from "@fundguard/domain/kernel"
import {
  databaseRunRecorder,
  finishRun,
  listRunsWithFigures,
  recordRunProgress,
  searchSuspicions,
  ReviewRepositoryLive,
  stampFirstReviewDeadlines,
  startRun,
  suspicionDetail,
  systemActor,
  upsertUser
} from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { assignLead, takeReviewStep, type AssignRequest, type StepRequest } from "../src/review/index.js"

const calendar = weekendsOnlyCalendar(2024, 2030)
const today = isoDate("2025-06-10")

const lead = (rule: string, sn: string, amount: number): Suspicion => ({
  rule,
  ruleVersion: 1,
  level: "line",
  fixmedins_code: "H50023500001",
  psn_no: "500235199001011234",
  mdtrt_id: "M001",
  setl_id: null,
  feedetl_sn: [sn],
  med_list_codg: "X1",
  date: isoDate("2025-01-02"),
  amount,
  violation: rule === "PRICE_OVER_CAP" ? "A38-3-OVER_STANDARD_CHARGE" : null,
  evidence: { pric: 50, ceiling: 10 },
  message: "测试疑点"
})

describe.each(["sqlite", "postgresql"] as const)("review workflow repository on %s", (provider) => {
  let scratch: ScratchDatabase
  const people: Record<string, StepActor> = {}
  let runId = ""

  /** Assignment (the use case over this database's repository), failing with its typed error. */
  const assign = async (request: AssignRequest) => {
    const exit = await Effect.runPromiseExit(assignLead(request).pipe(Effect.provide(ReviewRepositoryLive(scratch.db))))
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }

  /** The use case over this database's repository, failing with its typed error. */
  const take = async (request: StepRequest & { readonly today?: string }) => {
    const { today: on, ...step } = request
    // The bureau's clock, stopped on the day of the step.
    const layer = Layer.mergeAll(
      ReviewRepositoryLive(scratch.db),
      Layer.succeed(WorkingCalendar, calendar),
      BureauClock.fixed(on ?? today)
    )
    const exit = await Effect.runPromiseExit(takeReviewStep(step).pipe(Effect.provide(layer)))
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }

  const idOf = async (sn: string) =>
    (await scratch.db.suspicion.findFirstOrThrow({ where: { dedupKey: { contains: `|${sn}` } } })).id
  const state = (id: string) => scratch.db.suspicion.findUniqueOrThrow({ where: { id } })
  const step = async (id: string, who: string, action: ReviewAction, input: unknown = {}, on = today) =>
    take({
      suspicionId: id,
      revision: (await state(id)).revision,
      action,
      input,
      actor: people[who]!,
      today: on
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    const users: ReadonlyArray<[string, string, Role]> = [
      ["shenhe", "李审核", "reviewer"],
      ["shenhe2", "赵审核", "reviewer"],
      ["jihe", "王稽核", "supervisor"],
      ["admin", "管理员", "admin"]
    ]
    for (const [username, displayName, role] of users) {
      const u = await upsertUser(scratch.db, systemActor(), {
        username,
        displayName,
        role,
        department: null,
        password: "x-password"
      })
      people[username] = {
        id: u.id,
        name: displayName,
        role,
        ip: "127.0.0.1",
        auditName: `${displayName}（${username}）`
      }
    }
    const run = await startRun(scratch.db, systemActor(), {
      trigger: "cli",
      extract: "test",
      admdvs: "500235",
      periodFrom: null,
      periodTo: null,
      params: {}
    })
    runId = run.id
    await databaseRunRecorder(scratch.db, systemActor()).progress(run.id, { rule: "PRICE_OVER_CAP", done: 1, total: 2 })
    expect((await scratch.db.screeningRun.findUniqueOrThrow({ where: { id: run.id } })).progress).toMatchObject({
      rule: "PRICE_OVER_CAP",
      done: 1,
      total: 2
    })
    await finishRun(scratch.db, systemActor(), run.id, {
      rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 5, durationMs: 3 }],
      suspicions: [
        lead("PRICE_OVER_CAP", "F1", 40),
        lead("PRICE_OVER_CAP", "F2", 120),
        lead("PRICE_OVER_CAP", "F3", 300),
        lead("PRICE_OVER_CAP", "F4", 15),
        lead("CHARGE_OUTSIDE_STAY", "F5", 80)
      ]
    })
    // A late progress write after the run finished changes nothing.
    await recordRunProgress(scratch.db, run.id, { rule: "LATE", done: 2, total: 2 })
    expect((await scratch.db.screeningRun.findUniqueOrThrow({ where: { id: run.id } })).progress).toMatchObject({
      rule: "PRICE_OVER_CAP"
    })
  })
  afterAll(async () => {
    await scratch?.dispose()
  })

  it("stamps the first-review deadline of newly filed leads from the day they were filed", async () => {
    expect(await stampFirstReviewDeadlines(scratch.db, calendar)).toBe(5)
    expect(await stampFirstReviewDeadlines(scratch.db, calendar)).toBe(0)
    const s = await state(await idOf("F1"))
    expect(s.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(s.revision).toBe(0)
  })

  it("walks a lead through every step with an event, an audit entry, the response and the outcome", async () => {
    const id = await idOf("F1")
    await step(id, "shenhe", "first_review_confirm", { reason: "单价明显超限" })
    const pushed = await step(id, "jihe", "second_review_push")
    expect(pushed).toMatchObject({ status: "sent_to_institution", revision: 2, dueDate: "2025-06-24" })
    await step(id, "shenhe", "record_response", {
      response: { kind: "appeal", statement: "该耗材为新型号", receivedOn: "2025-06-09", documents: ["采购发票"] }
    })
    await step(id, "shenhe2", "start_verification")
    expect((await state(id)).assigneeName).toBe("赵审核")
    await step(id, "shenhe2", "propose_confirm", {
      reason: "发票价格低于收费价，申诉不成立",
      proposal: { disposition: "deduction", deductionAmount: 40 }
    })
    const approved = await step(id, "admin", "approve")
    expect(approved).toMatchObject({ status: "confirmed", dueDate: null, revision: 6 })

    const detail = await suspicionDetail(scratch.db, id)
    expect(detail.suspicion.reviewEvents.map((e) => [e.action, e.actorName, e.level])).toEqual([
      ["first_review_confirm", "李审核", "first"],
      ["second_review_push", "王稽核", "second"],
      ["record_response", "李审核", null],
      ["start_verification", "赵审核", "verification"],
      ["propose_confirm", "赵审核", "verification"],
      ["approve", "管理员", "approval"]
    ])
    expect(detail.suspicion.responses).toMatchObject([{ kind: "appeal", documents: ["采购发票"], late: false }])
    expect(detail.suspicion.outcome).toMatchObject({
      result: "confirmed",
      disposition: "deduction",
      deductionAmount: 40,
      proposedByName: "赵审核",
      approvedByName: "管理员",
      reason: "发票价格低于收费价，申诉不成立"
    })
    expect(detail.institution).toBeNull()
    const audit = await scratch.db.auditEvent.findMany({ where: { entityType: "suspicion", entityId: id } })
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "suspicion.approve",
        "suspicion.first_review_confirm",
        "suspicion.propose_confirm",
        "suspicion.record_response",
        "suspicion.second_review_push",
        "suspicion.start_verification"
      ].sort()
    )
  })

  it("refuses the first reviewer's second review and leaves the lead untouched", async () => {
    const id = await idOf("F2")
    await step(id, "jihe", "first_review_confirm")
    const error = await step(id, "jihe", "second_review_push").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ReviewRefused)
    expect((error as ReviewRefused).reason).toBe("separation_of_duties")
    expect(await state(id)).toMatchObject({ status: "pending_second_review", revision: 1 })
    expect(await scratch.db.reviewEvent.count({ where: { suspicionId: id } })).toBe(1)
  })

  it("rejects bad input without recording anything", async () => {
    const id = await idOf("F3")
    const error = await step(id, "shenhe", "first_review_dismiss", { reason: "" }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidReviewInput)
    expect((await state(id)).revision).toBe(0)
  })

  it("lets only one of two reviewers acting on the same revision succeed", async () => {
    const id = await idOf("F3")
    const results = await Promise.allSettled([
      take({ suspicionId: id, revision: 0, action: "first_review_confirm", input: {}, actor: people["shenhe"]! }),
      take({ suspicionId: id, revision: 0, action: "first_review_confirm", input: {}, actor: people["shenhe2"]! })
    ])
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult
    expect(failed.reason).toBeInstanceOf(StaleRevision)
    expect((await state(id)).revision).toBe(1)
    expect(await scratch.db.reviewEvent.count({ where: { suspicionId: id } })).toBe(1)
    const stale = await take({
      suspicionId: id,
      revision: 0,
      action: "second_review_dismiss",
      input: { reason: "x" },
      actor: people["jihe"]!
    }).catch((e: unknown) => e)
    expect(stale).toBeInstanceOf(StaleRevision)
  })

  it("assigns a step, and then only the assignee may take it", async () => {
    const id = await idOf("F4")
    const assigned = await assign({
      suspicionId: id,
      revision: 0,
      assigneeId: people["shenhe2"]!.id,
      actor: people["jihe"]!
    })
    expect(assigned).toMatchObject({ assigneeName: "赵审核", revision: 1 })
    const refused = await step(id, "shenhe", "first_review_dismiss", { reason: "金额小" }).catch((e: unknown) => e)
    expect((refused as ReviewRefused).reason).toBe("not_assignee")
    await step(id, "shenhe2", "first_review_dismiss", { reason: "金额小，已口头提醒" })
    expect(await state(id)).toMatchObject({ status: "dismissed", assigneeId: null, dueDate: null })
    const claim = await assign({
      suspicionId: id,
      revision: 2,
      assigneeId: people["shenhe"]!.id,
      actor: people["shenhe"]!
    }).catch((e: unknown) => e)
    expect((claim as ReviewRefused).reason).toBe("status")
  })

  it("takes a data-quality lead through correction", async () => {
    const id = await idOf("F5")
    await step(id, "shenhe", "request_correction", { reason: "请核对出院日期" })
    expect((await state(id)).status).toBe("awaiting_correction")
    await step(id, "shenhe", "mark_corrected", { reason: "机构已更正出院时间" })
    expect((await state(id)).status).toBe("corrected")
  })

  it("filters by category, amount range, status, overdue and run, and counts a run's leads", async () => {
    const ids = async (filter: Parameters<typeof searchSuspicions>[1], on = today) =>
      (await searchSuspicions(scratch.db, filter, on)).items.map((s) => s.feedetlSn).flat()
    expect(await ids({ category: "data_quality" })).toEqual(["F5"])
    expect(await ids({ category: "violation", minAmount: 20, maxAmount: 200 })).toEqual(["F2", "F1"])
    expect(await ids({ status: ["dismissed", "corrected"] })).toEqual(["F5", "F4"])
    expect(await ids({ runId })).toHaveLength(5)
    // F2 waits for 复审 and F3 for 复审 too; their deadlines pass a month later.
    expect(await ids({ overdue: true })).toEqual([])
    expect(await ids({ overdue: true }, isoDate("2025-12-31"))).toEqual(["F3", "F2"])
    const [run] = await listRunsWithFigures(scratch.db)
    expect(run).toMatchObject({
      id: runId,
      newCount: 5,
      statusCounts: { confirmed: 1, dismissed: 1, corrected: 1, pending_second_review: 2 }
    })
  })
})
