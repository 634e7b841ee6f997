/**
 * Complaints and tips (举报投诉) and rewards over HTTP. Within the caller's data scope: a complaint
 * about an institution outside it (and its rewards) is answered as if it did not exist — also as the
 * target of a merge; a complaint about no institution (a person reported) is the bureau's and its sections'. The
 * informant is masked in every answer except the reveal, which only `informants:reveal` may call and
 * which is audited. The person reported (name, ID and phone numbers in the texts) is masked for roles
 * without `personal-data:unmasked`, and every read of a complaint holding such data is audited.
 */
import * as Application from "@fundguard/application"
import { Complaints } from "@fundguard/contracts"
import {
  complaintOfReward,
  institutionOfComplaint,
  listComplaints,
  recordAudit,
  rewardRows,
  type Db
} from "@fundguard/db"
import { can } from "@fundguard/domain/access"
import {
  channelLabel,
  ComplaintNotFound,
  complaintStatusLabel,
  holdsPersonalData,
  InvalidComplaintInput,
  maskedPersonalData,
  mergeTargetProblems,
  nationalColumns,
  rewardStatusLabel,
  type RewardStatus,
  type StoredComplaint
} from "@fundguard/domain/complaints"
import { bureauDate } from "@fundguard/domain/kernel"
import { bureauWide, institutionInScope } from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { institutionWithinScope, requesterOf, visibleInstitutions } from "../enforcement/scope.js"

type Deadline = Effect.Effect.Success<ReturnType<typeof Application.Complaints.deadlinesOf>>[number]

/** The complaint routes. */
export const complaintRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db } = options
  const today = () => bureauDate(options.now())
  const actor = (request: FastifyRequest) => requesterOf(request).actor

  /**
   * A complaint outside the caller's scope, or none, is not found; one about no institution (a person) belongs to
   * the bureau and its sections (`bureauWide`), as a transfer about a person does.
   */
  const complaintWithinScope = async (request: FastifyRequest, id: string): Promise<void> => {
    const institution = await institutionOfComplaint(db, id)
    if (institution === undefined) throw new ComplaintNotFound({ id })
    const scope = await request.scope()
    if (institution === null ? !bureauWide(scope) : !institutionInScope(scope, institution))
      throw new ComplaintNotFound({ id })
  }
  /** A merge target outside the caller's scope, or none, is refused at `$.mergeInto` in the same words. */
  const mergeTargetWithinScope = async (request: FastifyRequest, id: string): Promise<void> =>
    complaintWithinScope(request, id).catch((error: unknown) => {
      if (error instanceof ComplaintNotFound)
        throw new InvalidComplaintInput({ problems: mergeTargetProblems(id, null) })
      throw error
    })
  /** Whether the caller sees personal data in clear; otherwise complaints are shown masked. */
  const unmaskedFor = (request: FastifyRequest) => can(currentUser(request).role, "personal-data:unmasked")
  const shown = (c: StoredComplaint, unmasked: boolean): StoredComplaint => (unmasked ? c : maskedPersonalData(c))
  const rewardWithinScope = async (request: FastifyRequest, id: string): Promise<void> => {
    const complaintId = await complaintOfReward(db, id)
    if (complaintId === undefined) throw new ComplaintNotFound({ id })
    await complaintWithinScope(request, complaintId).catch(() => {
      throw new ComplaintNotFound({ id })
    })
  }
  const names = async (codes: ReadonlyArray<string>) =>
    new Map(
      (
        await db.institution.findMany({
          where: { code: { in: [...new Set(codes)] } },
          select: { code: true, name: true }
        })
      ).map((i) => [i.code, i.name])
    )
  const deadlinesOf = (complaint: StoredComplaint) =>
    Application.Complaints.deadlinesOf(complaint, today()).pipe(
      Effect.catchTag("CalendarYearNotCovered", () => Effect.succeed([] as ReadonlyArray<Deadline>))
    )
  const nextDue = (deadlines: ReadonlyArray<Deadline>) => {
    const open = deadlines
      .filter((d) => d.doneOn === null)
      .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))[0]
    return open === undefined ? null : { label: open.label, dueOn: open.dueOn, overdue: open.state === "overdue" }
  }
  const summaryOf = (c: StoredComplaint, named: Map<string, string>, deadlines: ReadonlyArray<Deadline>) => ({
    id: c.id,
    number: c.number,
    channel: c.channel,
    channelLabel: channelLabel[c.channel],
    receivedOn: c.receivedOn,
    subjectKind: c.subject.kind,
    institutionCode: c.institutionCode,
    institutionName: c.institutionCode === null ? null : (named.get(c.institutionCode) ?? c.institutionCode),
    personName: c.subject.personName ?? null,
    content: c.content,
    amountInvolved: c.amountInvolved,
    anonymous: c.anonymous,
    status: c.status,
    statusLabel: complaintStatusLabel[c.status],
    caseId: c.caseId,
    outcome: c.outcome?.result ?? null,
    retaliation: c.retaliations.length > 0,
    nextDue: nextDue(deadlines)
  })

  mount(app, Complaints.listComplaints, async ({ request }) => {
    const rows = await listComplaints(db, await visibleInstitutions(request), bureauWide(await request.scope()))
    const named = await names(rows.flatMap((r) => r.institutionCode ?? []))
    const deadlines = await app.run(Effect.forEach(rows, deadlinesOf))
    const unmasked = unmaskedFor(request)
    // The list shows the persons reported: which complaints' personal data was read is on the record.
    const personal = rows.filter(holdsPersonalData).map((c) => c.id)
    if (personal.length > 0)
      await recordAudit(db, actor(request), {
        action: "complaint.list",
        entityType: "complaint",
        entityId: null,
        details: { complaints: personal, unmasked }
      })
    return { items: rows.map((c, i) => summaryOf(shown(c, unmasked), named, deadlines[i] ?? [])) }
  })
  mount(app, Complaints.intakeComplaint, async ({ body, request }) => {
    if (body.subject.institutionCode !== undefined) await institutionWithinScope(request, body.subject.institutionCode)
    else if (!bureauWide(await request.scope()))
      throw new Problem("OutOfScope", "不涉及定点医药机构的举报（被举报人为个人）须由医保局或局机关科室的人员受理")
    return app.run(Application.Complaints.intakeComplaint({ input: request.body, actor: actor(request) }))
  })
  mount(app, Complaints.importFormat, async () => ({
    columns: Object.entries(nationalColumns).map(([name, c]) => ({
      name,
      label: c.label,
      required: c.required,
      confidence: c.confidence
    }))
  }))
  mount(app, Complaints.importComplaints, async ({ body, request }) => {
    // The national channel's export is the bureau's as a whole: imported by someone who sees all of it.
    if (!(await request.scope()).all) throw new Problem("OutOfScope", "导入国家平台举报须由数据范围为全县的人员办理")
    return app.run(
      Application.Complaints.importNationalExport({
        file: body.fileName,
        format: body.format,
        content: body.content,
        actor: actor(request)
      })
    )
  })
  mount(app, Complaints.getComplaint, async ({ params, request }) => {
    await complaintWithinScope(request, params.id)
    const view = await app.run(Application.Complaints.viewComplaint({ id: params.id }))
    const unmasked = unmaskedFor(request)
    if (holdsPersonalData(view.complaint))
      await recordAudit(db, actor(request), {
        action: "complaint.view",
        entityType: "complaint",
        entityId: view.complaint.id,
        details: { unmasked, subjectKind: view.complaint.subject.kind }
      })
    const c = shown(view.complaint, unmasked)
    const named = await names(c.institutionCode === null ? [] : [c.institutionCode])
    const rewards = await rewardRows(db, [c.id])
    return {
      ...summaryOf(c, named, view.deadlines),
      externalRef: c.externalRef,
      subjectDescription: c.subject.description ?? null,
      triagedOn: c.triagedOn,
      triageReason: c.triageReason,
      forwardTo: c.forwardTo,
      mergedInto: c.mergedInto,
      outcomeOn: c.outcome?.on ?? null,
      verifiedAmount: c.outcome?.verifiedAmount ?? null,
      outcomeNote: c.outcome?.note ?? null,
      repliedOn: c.repliedOn,
      retaliations: c.retaliations.map((r) => ({ on: r.on, by: r.by, description: r.description })),
      informant: view.informant,
      deadlines: view.deadlines,
      rewards: rewards.map((r) => ({
        id: r.id,
        status: r.status as RewardStatus,
        statusLabel: rewardStatusLabel[r.status as RewardStatus],
        amount: r.amount,
        caseValue: r.caseValue,
        insider: r.insider,
        basis: r.basis,
        proposedByName: r.proposedByName,
        proposedOn: r.proposedOn,
        reviewedByName: r.reviewedByName,
        reviewedOn: r.reviewedOn,
        approvedByName: r.approvedByName,
        approvedOn: r.approvedOn,
        rejectedByName: r.rejectedByName,
        rejectReason: r.rejectReason,
        paidOn: r.paidOn,
        paidAmount: r.paidAmount,
        paymentMethod: r.paymentMethod,
        paymentReference: r.paymentReference
      }))
    }
  })
  mount(app, Complaints.triageComplaint, async ({ params, body, request }) => {
    await complaintWithinScope(request, params.id)
    if (body.decision === "merge" && body.mergeInto !== undefined && body.mergeInto !== params.id)
      await mergeTargetWithinScope(request, body.mergeInto)
    await app.run(Application.Complaints.triageComplaint({ id: params.id, input: request.body, actor: actor(request) }))
  })
  mount(app, Complaints.openCase, async ({ params, body, request }) => {
    await complaintWithinScope(request, params.id)
    return app.run(
      Application.Complaints.openCaseFromComplaint({ id: params.id, summary: body.summary, ...requesterOf(request) })
    )
  })
  for (const [endpoint, useCase] of [
    [Complaints.recordOutcome, Application.Complaints.recordComplaintOutcome],
    [Complaints.recordReply, Application.Complaints.recordComplaintReply],
    [Complaints.recordRetaliation, Application.Complaints.recordRetaliation]
  ] as const)
    mount(app, endpoint, async ({ params, request }) => {
      await complaintWithinScope(request, params.id)
      await app.run(useCase({ id: params.id, input: request.body, actor: actor(request) }))
    })
  mount(app, Complaints.revealInformant, async ({ params, request }) => {
    await complaintWithinScope(request, params.id)
    return app.run(
      Application.Complaints.revealInformant({ id: params.id, input: request.body, actor: actor(request) })
    )
  })
  mount(app, Complaints.proposeReward, async ({ params, request }) => {
    await complaintWithinScope(request, params.id)
    return app.run(
      Application.Complaints.proposeReward({ complaintId: params.id, input: request.body, actor: actor(request) })
    )
  })
  for (const [endpoint, step] of [
    [Complaints.reviewReward, "review"],
    [Complaints.approveReward, "approve"],
    [Complaints.returnReward, "reject"]
  ] as const)
    mount(app, endpoint, async ({ params, request }) => {
      await rewardWithinScope(request, params.id)
      await app.run(
        Application.Complaints.rewardStep({ rewardId: params.id, step, input: request.body, actor: actor(request) })
      )
    })
  mount(app, Complaints.payReward, async ({ params, request }) => {
    await rewardWithinScope(request, params.id)
    await app.run(Application.Complaints.payReward({ rewardId: params.id, input: request.body, actor: actor(request) }))
  })
}
