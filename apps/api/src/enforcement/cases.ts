/**
 * Cases (案件) over HTTP: the list and the proposals from confirmed leads within the caller's scope,
 * opening a case, one case with its timeline, deadlines, ledgers and documents, and the steps of the
 * procedure (the rules are the domain's, enforced here whatever the client shows).
 */
import * as Application from "@fundguard/application"
import { Cases } from "@fundguard/contracts"
import { finishedInspections, leadsAwaitingCase, listCases, recordAudit, type Db } from "@fundguard/db"
import { threeLevelReview } from "@fundguard/domain/access"
import {
  caseActionLabel,
  caseStatusLabel,
  controlledMatterLabel,
  groupLeads,
  ledgerLabel,
  type CaseAction,
  type CaseStatus
} from "@fundguard/domain/enforcement"
import { bureauDate, roundYuan } from "@fundguard/domain/kernel"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { caseDocuments } from "./documents.js"
import { caseWithinScope, entriesFor, institutionWithinScope, requesterOf, visibleInstitutions } from "./scope.js"
import { inspectionOfCase } from "./inspections.js"

/** What the routes are built from. */
export interface CaseRouteOptions {
  readonly db: Db
  readonly now: () => Date
}

/** The case routes. */
export const caseRoutes = async (app: FastifyInstance, options: CaseRouteOptions) => {
  const { db } = options
  const today = () => bureauDate(options.now())

  mount(app, Cases.listCases, async ({ query, request }) => {
    const pageSize = query.pageSize ?? 50
    const page = query.page ?? 1
    const result = await listCases(db, {
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.dueBy === undefined ? {} : { dueBy: query.dueBy }),
      institutions: await visibleInstitutions(request),
      limit: pageSize,
      offset: (page - 1) * pageSize
    })
    const on = today()
    return {
      total: result.total,
      items: result.rows.map((r) => ({
        id: r.id,
        number: r.number,
        institutionCode: r.institutionCode,
        institutionName: r.institutionName,
        source: r.source as Cases.CaseSummary["source"],
        status: r.status as CaseStatus,
        statusLabel: caseStatusLabel[r.status as CaseStatus],
        summary: r.summary,
        discoveredOn: r.discoveredOn,
        nextDueOn: r.nextDueOn,
        nextDueStep: r.nextDueStep,
        overdue: r.nextDueOn !== null && r.nextDueOn < on,
        openedByName: r.openedByName,
        createdAt: r.createdAt.toISOString()
      }))
    }
  })

  mount(app, Cases.listProposals, async ({ request }) => {
    const on = today()
    const leads = await leadsAwaitingCase(db, await visibleInstitutions(request))
    const { cases } = groupLeads(leads, "institution")
    const names = new Map(
      (
        await db.institution.findMany({
          where: { code: { in: cases.map((c) => c.subject) } },
          select: { code: true, name: true }
        })
      ).map((i) => [i.code, i.name])
    )
    const inspected = await finishedInspections(
      db,
      cases.map((c) => c.subject)
    )
    return {
      items: cases.map((c) => {
        const members = leads.filter((l) => c.leads.includes(l.id))
        // The day the first lead was approved (the filing limit runs from it); never after the bureau's today.
        const approved = members
          .map((l) => bureauDate(l.approvedAt))
          .map((d) => (d > on ? on : d))
          .sort()
        return {
          institutionCode: c.subject,
          institutionName: names.get(c.subject) ?? c.subject,
          leads: c.leads,
          violations: c.violations,
          amount: c.amount,
          from: c.from,
          to: c.to,
          discoveredOn: approved[0] ?? on,
          inspections: inspected
            .filter((i) => i.institutionCode === c.subject)
            .map((i) => ({ id: i.id, finishedOn: i.finishedOn }))
        }
      })
    }
  })

  mount(app, Cases.openCase, async ({ body, request }) => {
    await institutionWithinScope(request, body.institutionCode)
    return app.run(Application.Enforcement.openCase({ opening: body, ...requesterOf(request) }))
  })

  mount(app, Cases.getCase, async ({ params, request }) => {
    await caseWithinScope(db, request, params.id)
    const view = await app.run(Application.Enforcement.viewCase({ caseId: params.id, ...requesterOf(request) }))
    const { stored, file } = view
    // The person questioned in an inquiry is personal data: masked unless the role may see it, and
    // every read of it is on the record.
    const seen = entriesFor(stored.entries, currentUser(request).role)
    if (seen.personal)
      await recordAudit(db, requesterOf(request).actor, {
        action: "case.view",
        entityType: "case",
        entityId: stored.id,
        details: { unmasked: seen.unmasked }
      })
    const row = await db.enforcementCase.findUniqueOrThrow({ where: { id: params.id } })
    const on = today()
    return {
      id: stored.id,
      number: stored.number,
      institutionCode: stored.institution.code,
      institutionName: stored.institution.name,
      source: file.opening.source,
      status: file.status,
      statusLabel: caseStatusLabel[file.status],
      summary: file.opening.summary,
      discoveredOn: file.opening.discoveredOn,
      nextDueOn: row.nextDueOn,
      nextDueStep: row.nextDueStep,
      overdue: row.nextDueOn !== null && row.nextDueOn < on,
      openedByName: row.openedByName,
      createdAt: row.createdAt.toISOString(),
      revision: file.revision,
      institution: stored.institution,
      references: file.opening.references,
      timeline: seen.entries.map((e) => ({
        revision: e.revision,
        action: e.action,
        label: caseActionLabel[e.action],
        actorName: e.actorName,
        recordedOn: e.recordedOn,
        details: e.details,
        documentNumber: e.documentNumber
      })),
      deadlines: view.deadlines,
      calendarProblem: view.calendarProblem,
      offered: view.offered.map((action: CaseAction) => ({ action, label: caseActionLabel[action] })),
      assessment: file.assessment,
      ledgers: file.ledgers.map((l) => ({
        ...l,
        label: ledgerLabel[l.ledger],
        outstanding: roundYuan(l.due - l.paid)
      })),
      // Who held which level, once each (registering, assessing and recording money count as 初审).
      control: file.control
        .filter(
          (c, i, all) =>
            all.findIndex((o) => o.matter === c.matter && o.level === c.level && o.actorId === c.actorId) === i
        )
        .map((c) => ({
          matter: controlledMatterLabel[c.matter],
          level: c.level,
          label: threeLevelReview.label[c.level],
          actorName: c.actorName
        })),
      documents: caseDocuments(stored, file, await inspectionOfCase(app, stored, file.opening))
    }
  })

  mount(app, Cases.takeCaseStep, async ({ params, body, request }) => {
    await caseWithinScope(db, request, params.id)
    return app.run(
      Application.Enforcement.takeCaseStep({
        caseId: params.id,
        action: body.action,
        revision: body.revision,
        input: body.input,
        ...requesterOf(request)
      })
    )
  })
}
