/**
 * Credit and points over HTTP: practitioners and their 医保支付资格 points, an institution's credit
 * record, joint-punishment notices, publications (曝光) and the public list of what is published.
 * Within the caller's data scope (an object of an institution outside it is answered as if it did not
 * exist); names and national codes masked for roles without `personal-data:unmasked`.
 */
import * as Application from "@fundguard/application"
import { Credit } from "@fundguard/contracts"
import {
  institutionCreditEvents,
  institutionOfCase,
  institutionOfPractitioner,
  institutionOfPublication,
  listJointPunishmentNotices,
  listPractitioners,
  listPublications,
  pointEventOf,
  practitionerHistory,
  publishedExposures,
  recordAudit,
  type Db
} from "@fundguard/db"
import { can, maskName } from "@fundguard/domain/access"
import {
  CreditNotFound,
  InvalidCreditInput,
  creditCounts,
  creditEventLabel,
  departmentLabel,
  fundSettles,
  maskPractitioner,
  nationalPointScheme,
  practitionerKindLabel,
  pointsByYear,
  qualificationPeriods,
  qualificationStatus,
  responsibilityLabel,
  schemeFor,
  sortCreditEvents,
  transitionLabel,
  type CreditEventKind,
  type PointEvent,
  type PractitionerKind,
  type QualificationStatus,
  type QualificationTransition
} from "@fundguard/domain/credit"
import { bureauDate, type IsoDate } from "@fundguard/domain/kernel"
import type { TransferTarget } from "@fundguard/domain/penalty"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { institutionWithinScope, objectWithinScope, requesterOf, visibleInstitutions } from "../enforcement/scope.js"

const stateLabel: Readonly<Record<QualificationStatus["state"], string>> = {
  normal: "正常",
  suspended: "暂停医保支付资格",
  terminated: "终止医保支付资格"
}

/** A status as the contract shows it. */
const statusView = (status: QualificationStatus) => ({
  state: status.state,
  label: stateLabel[status.state],
  from: status.period?.from ?? null,
  until: status.period?.until ?? null,
  liftedOn: status.period?.liftedOn ?? null,
  singleEvent: status.period?.singleEvent ?? false,
  yearPoints: status.yearPoints,
  toSuspension: status.toSuspension,
  toTermination: status.toTermination,
  mustReRegister: status.mustReRegister,
  fundSettles: fundSettles(status, false)
})

/** The credit routes. */
export const creditPlugin = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db } = options
  const today = () => bureauDate(options.now()) as IsoDate
  const actor = (request: FastifyRequest) => requesterOf(request).actor
  const unmaskedFor = (request: FastifyRequest) => can(currentUser(request).role, "personal-data:unmasked")
  const names = async (codes: ReadonlyArray<string>) =>
    new Map(
      (
        await db.institution.findMany({
          where: { code: { in: [...new Set(codes)] } },
          select: { code: true, name: true, admdvs: true }
        })
      ).map((i) => [i.code, i])
    )
  const statusOf = (events: ReadonlyArray<PointEvent>, admdvs: string, on: IsoDate) =>
    qualificationStatus(events, on, schemeFor(admdvs, on) ?? nationalPointScheme)
  type Row = Awaited<ReturnType<typeof listPractitioners>>[number]
  const practitionerView = (
    row: Row,
    institution: { readonly name: string; readonly admdvs: string } | undefined,
    unmasked: boolean
  ) =>
    maskPractitioner(
      {
        id: row.id,
        nationalCode: row.nationalCode,
        name: row.name,
        kind: row.kind,
        kindLabel: practitionerKindLabel[row.kind as PractitionerKind] ?? row.kind,
        institutionCode: row.institutionCode,
        institutionName: institution?.name ?? row.institutionCode,
        status: statusView(statusOf(row.events.map(pointEventOf), institution?.admdvs ?? "000000", today()))
      },
      unmasked
    )
  const practitionerWithinScope = async (request: FastifyRequest, id: string) =>
    objectWithinScope(request, await institutionOfPractitioner(db, id), () => new CreditNotFound({ kind: "人员", id }))
  /** An object named in a body, outside the scope or absent: a problem of that field (nothing more is told). */
  const namedWithinScope = async (request: FastifyRequest, institution: string | null, path: string, what: string) =>
    objectWithinScope(
      request,
      institution,
      () => new InvalidCreditInput({ problems: [{ path, message: `${what}不存在` }] })
    )

  mount(app, Credit.listPractitioners, async ({ request }) => {
    const rows = await listPractitioners(db, await visibleInstitutions(request))
    const named = await names(rows.map((r) => r.institutionCode))
    const unmasked = unmaskedFor(request)
    return { items: rows.map((r) => practitionerView(r, named.get(r.institutionCode), unmasked)), unmasked }
  })
  mount(app, Credit.registerPractitioner, async ({ body, request }) => {
    await institutionWithinScope(request, body.institutionCode)
    return app.run(Application.Credit.registerPractitioner({ input: request.body, actor: actor(request) }))
  })
  mount(app, Credit.practitionerHistory, async ({ params, request }) => {
    await practitionerWithinScope(request, params.id)
    const row = await practitionerHistory(db, params.id)
    if (row === null) throw new CreditNotFound({ kind: "人员", id: params.id })
    const institution = (await names([row.institutionCode])).get(row.institutionCode)
    const unmasked = unmaskedFor(request)
    // A person's points are personal data: every read of the history is on the record.
    await recordAudit(db, actor(request), {
      action: "practitioner.view",
      entityType: "practitioner",
      entityId: row.id,
      details: { unmasked }
    })
    const on = today()
    const scheme = schemeFor(institution?.admdvs ?? "000000", on)
    const events = row.events.map(pointEventOf)
    return {
      practitioner: practitionerView(row, institution, unmasked),
      unmasked,
      events: events.map((e) => ({
        id: e.id,
        decidedOn: e.decidedOn,
        points: e.points,
        tierMin: e.tierMin,
        tierMax: e.tierMax,
        responsibility: e.responsibility,
        responsibilityLabel: responsibilityLabel[e.responsibility],
        source: e.source,
        sourceId: e.sourceId,
        event: e.event,
        suspensionMonths: e.suspensionMonths,
        recordedByName: e.recordedByName
      })),
      years: [...pointsByYear(events)].reverse(),
      periods: qualificationPeriods(
        events.filter((e) => e.decidedOn <= on),
        scheme ?? nationalPointScheme
      ).map((p) => ({ ...p, label: p.kind === "suspension" ? "暂停医保支付资格" : "终止医保支付资格" })),
      transitions: row.transitions.map((t) => ({
        kind: t.kind,
        label: transitionLabel[t.kind as QualificationTransition["kind"]] ?? t.kind,
        on: t.on,
        until: t.until
      })),
      scheme:
        scheme === null
          ? null
          : {
              id: scheme.id,
              name: scheme.name,
              effectiveFrom: scheme.effectiveFrom,
              suspensionMonths: scheme.suspensionMonths,
              sources: scheme.sources,
              notes: scheme.notes
            }
    }
  })
  mount(app, Credit.recordPoints, async ({ params, request }) => {
    await practitionerWithinScope(request, params.id)
    const recorded = await app.run(
      Application.Credit.recordPoints({ practitionerId: params.id, input: request.body, actor: actor(request) })
    )
    return { id: recorded.id, status: statusView(recorded.status) }
  })

  mount(app, Credit.institutionCredit, async ({ params, request }) => {
    await objectWithinScope(request, params.code, () => new CreditNotFound({ kind: "定点医药机构", id: params.code }))
    const institution = await db.institution.findUnique({ where: { code: params.code } })
    if (institution === null) throw new CreditNotFound({ kind: "定点医药机构", id: params.code })
    const events = sortCreditEvents(await institutionCreditEvents(db, params.code, today()))
    const counts = creditCounts(events)
    const countList = (c: Partial<Record<CreditEventKind, number>>) =>
      (Object.keys(creditEventLabel) as Array<CreditEventKind>)
        .filter((k) => (c[k] ?? 0) > 0)
        .map((k) => ({ kind: k, label: creditEventLabel[k], count: c[k] ?? 0 }))
    const unmasked = unmaskedFor(request)
    const staff = await listPractitioners(db, [params.code])
    return {
      institution: { code: institution.code, name: institution.name },
      events: events.map((e) => ({ ...e, label: creditEventLabel[e.kind] })),
      counts: countList(counts.byKind),
      byYear: counts.byYear.map((y) => ({ year: y.year, counts: countList(y.counts) })),
      practitioners: staff.map((r) => practitionerView(r, institution, unmasked)),
      gradeNote:
        "国家层面尚无定点医药机构信用评价等级办法（条例第三十三条要求建立信用管理制度，但未见国家医保局的评级标准）：此处只列信用事件及其数量，不评定等级。"
    }
  })

  mount(app, Credit.listNotices, async ({ request }) => {
    const rows = await listJointPunishmentNotices(db, await visibleInstitutions(request))
    const unmasked = unmaskedFor(request)
    return {
      items: rows.map((n) => ({
        ...n,
        department: n.department as TransferTarget,
        departmentLabel: departmentLabel[n.department as TransferTarget] ?? n.department,
        subject: n.subject as "institution" | "practitioner",
        subjectName: n.subject === "practitioner" && !unmasked ? maskName(n.subjectName) : n.subjectName
      }))
    }
  })
  mount(app, Credit.issueNotice, async ({ body, request }) => {
    // An institution named directly is checked here; a person through their institution; a case named too.
    if (body.subject === "institution") await institutionWithinScope(request, body.subjectId)
    else
      await namedWithinScope(
        request,
        await institutionOfPractitioner(db, body.subjectId),
        "$.subjectId",
        `人员 ${body.subjectId} `
      )
    if (body.caseId !== undefined)
      await namedWithinScope(request, await institutionOfCase(db, body.caseId), "$.caseId", `案件 ${body.caseId} `)
    const issued = await app.run(Application.Credit.issueNotice({ input: request.body, actor: actor(request) }))
    return { id: issued.id }
  })

  mount(app, Credit.listPublications, async ({ request }) => {
    const rows = await listPublications(db, await visibleInstitutions(request))
    const named = await names(rows.map((r) => r.institutionCode))
    return {
      items: rows.map((p) => ({
        id: p.id,
        caseId: p.caseId,
        institutionCode: p.institutionCode,
        institutionName: named.get(p.institutionCode)?.name ?? p.institutionCode,
        status: p.status as "proposed" | "published",
        title: p.title,
        summary: p.summary,
        proposedByName: p.proposedByName,
        proposedOn: p.proposedOn,
        approvedByName: p.approvedByName,
        publishedOn: p.publishedOn,
        publicTitle: p.publicTitle,
        publicSummary: p.publicSummary
      }))
    }
  })
  mount(app, Credit.proposePublication, async ({ body, request }) => {
    await namedWithinScope(request, await institutionOfCase(db, body.caseId), "$.caseId", `案件 ${body.caseId} `)
    const proposed = await app.run(
      Application.Credit.proposePublication({ proposal: request.body, actor: actor(request) })
    )
    return { id: proposed.id }
  })
  mount(app, Credit.approvePublication, async ({ params, request }) => {
    await objectWithinScope(
      request,
      await institutionOfPublication(db, params.id),
      () => new CreditNotFound({ kind: "曝光", id: params.id })
    )
    await app.run(Application.Credit.approvePublication({ id: params.id, actor: actor(request) }))
  })

  // Open to the public: only what was approved, with the masked texts.
  mount(app, Credit.publicExposures, async () => ({ items: await publishedExposures(db) }), {
    rateLimitPerMinute: 60
  })
}
