/**
 * Inspections (监督检查) over HTTP: the inspector register, plans, draws (run, verified, published,
 * the publication as JSON and CSV), today's inspections within the caller's scope, one inspection
 * (人员编号 masked unless the role may see them; every read of the sampled persons audited), the
 * on-site record and its files, and the 现场检查笔录 as HTML and PDF.
 *
 * An inspection is in a caller's scope when its institution is, or when a unit of its team is (the
 * team is drawn from outside the institution's area, 回避, and must still see its own work). The
 * inspector register is read by all; an inspector is added or edited only within the caller's units
 * (everyone's for a caller whose scope is the whole bureau).
 */
import { requesterOf } from "./scope.js"
import * as Application from "@fundguard/application"
import { Inspections } from "@fundguard/contracts"
import {
  drawWithInspections,
  listInspections,
  listInspectors,
  listPlans,
  loadOrganisation,
  recordAudit,
  scopeOfInspection,
  bureauNameOf,
  type Db
} from "@fundguard/db"
import { onsiteRecord, renderHtml, renderPdf, type DocumentModel, type OfficerData } from "@fundguard/documents"
import { can, maskIdentifier, maskName } from "@fundguard/domain/access"
import {
  InspectionNotFound,
  InspectionStateRefused,
  inspectionKindLabel,
  inspectionStatusLabel,
  itemResultLabel,
  ownAreaInstitutions,
  type DrawResult,
  type InspectionKind,
  type InspectionStatus,
  type StoredInspection
} from "@fundguard/domain/enforcement"
import { bureauDate } from "@fundguard/domain/kernel"
import { violationCatalogue } from "@fundguard/domain/penalty"
import { bureauWide, institutionInScope, unitInScope, type DataScope } from "@fundguard/domain/responsibilities"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { attachment } from "../responsibilities/sheets.js"

/** The caller as the audit log's actor (the display name, as on the documents). */
const actorOf = (request: FastifyRequest) => requesterOf(request).actor

const visible = (scope: DataScope, institutionCode: string, unitIds: ReadonlyArray<string>) =>
  institutionInScope(scope, institutionCode) || unitIds.some((u) => unitInScope(scope, u))

/** An inspection outside the caller's data scope is answered as if it did not exist. */
export const inspectionWithinScope = async (db: Db, request: FastifyRequest, id: string): Promise<void> => {
  const scope = await request.scope()
  const of = await scopeOfInspection(db, id)
  if (of === null || !visible(scope, of.institutionCode, of.unitIds))
    throw new InspectionNotFound({ what: "inspection", id })
}

const violationClause = new Map(violationCatalogue.map((v) => [v.code as string, `${v.clause}：${v.behaviour}`]))

/**
 * The 现场检查笔录 of an inspection, from its on-site record; null before a record is saved.
 *
 * @see 《中华人民共和国行政处罚法》第五十五条 (检查应当制作笔录)
 */
export const onsiteRecordModel = (inspection: StoredInspection, bureauName: string): DocumentModel | null => {
  const record = inspection.record
  if (record === null || record.officers.length < 2) return null
  const items = new Map(inspection.checklist.items.map((i) => [i.code, i.text]))
  return onsiteRecord({
    bureauName,
    number: null,
    date: inspection.finishedOn ?? inspection.plannedOn,
    startTime: record.startTime,
    endTime: record.endTime,
    place: record.place,
    party: { name: inspection.institution.name, code: inspection.institution.code, codeLabel: "医保定点编码" },
    inspectors: record.officers.map(
      (o): OfficerData => ({ name: o.name, certificateNumber: o.badge })
    ) as unknown as readonly [OfficerData, OfficerData, ...Array<OfficerData>],
    recorder: record.recorder,
    presentPerson: {
      name: record.presentPerson.name,
      position: record.presentPerson.position,
      phone: record.presentPerson.phone ?? null
    },
    checklist: record.items.map((i) => ({
      item: items.get(i.code) ?? i.code,
      result: `${itemResultLabel[i.result]}${i.note ? `：${i.note}` : ""}`
    })),
    findings: record.findings.map(
      (f) =>
        `${f.description}（${violationClause.get(f.violation) ?? f.violation}；涉及金额 ${f.amount.toFixed(2)} 元）`
    ),
    sampledInsuredCount: record.sampledPersons.length,
    photoCount: inspection.files.filter((f) => f.kind === "photo").length,
    documentCount: inspection.files.filter((f) => f.kind === "document").length
  })
}

/**
 * The inspection a case from an inspection refers to (its first reference), if it exists and is of
 * the case's institution.
 */
export const inspectionOfCase = async (
  app: FastifyInstance,
  stored: { readonly institution: { readonly code: string } },
  opening: {
    readonly source: string
    readonly references: ReadonlyArray<string>
    readonly inspections?: ReadonlyArray<string> | undefined
  }
): Promise<StoredInspection | null> => {
  // The inspection the case came from, or the first one that examined its facts.
  const id = opening.source === "inspection" ? opening.references[0] : opening.inspections?.[0]
  if (id === undefined) return null
  return app
    .run(Application.Enforcement.viewInspection({ inspectionId: id }))
    .then((v) => (v.inspection.institution.code === stored.institution.code ? v.inspection : null))
    .catch((error: unknown) => {
      if (error instanceof InspectionNotFound || (error as { _tag?: string })._tag === "InspectionNotFound") return null
      throw error
    })
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** The inspection routes. */
export const inspectionRoutes = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date }
) => {
  const { db } = options
  const today = () => bureauDate(options.now())

  const institutionNames = async (codes: ReadonlyArray<string>) =>
    new Map(
      (await db.institution.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } })).map(
        (i) => [i.code, i.name]
      )
    )

  const drawView = async (id: string): Promise<Inspections.DrawView> => {
    const draw = await drawWithInspections(db, id)
    if (draw === null) throw new InspectionNotFound({ what: "draw", id })
    const result = JSON.parse(draw.result) as DrawResult
    const names = await institutionNames(result.targets)
    const staff = new Map(
      (await db.inspector.findMany({ where: { staffCode: { in: result.teams.flat() } } })).map((i) => [
        i.staffCode,
        i.name
      ])
    )
    return {
      id: draw.id,
      planId: draw.planId,
      planTitle: draw.plan.title,
      seed: draw.seed,
      algorithm: draw.algorithm,
      method: draw.method,
      statement: result.statement,
      drawnAt: draw.drawnAt.toISOString(),
      drawnByName: draw.drawnByName,
      publishedAt: draw.publishedAt?.toISOString() ?? null,
      inputs: draw.inputs,
      result: draw.result,
      strata: result.strata,
      targets: result.targets.map((code, i) => {
        const inspection = draw.inspections.find((x) => x.institutionCode === code)
        return {
          inspectionId: inspection?.id ?? "",
          institutionCode: code,
          institutionName: names.get(code) ?? code,
          team: (result.teams[i] ?? []).map((s) => ({ staffCode: s, name: staff.get(s) ?? s })),
          status: (inspection?.status ?? "planned") as InspectionStatus
        }
      })
    }
  }

  mount(app, Inspections.listInspectors, async () => {
    const [items, org, institutions] = await Promise.all([
      listInspectors(db),
      loadOrganisation(db),
      db.institution.findMany({ select: { code: true } })
    ])
    return {
      items: items.map((i) => ({
        ...i,
        unitName: org.units.find((u) => u.id === i.unitId)?.name ?? i.unitId,
        ownArea: [...ownAreaInstitutions(org, i.unitId, institutions)]
      }))
    }
  })

  // The register is read by all, but a unit keeps only its own inspectors (and those of the units it
  // supervises); the bureau and its sections (the 基金监管科 plans the 双随机 draws with the 医保中心's inspectors
  // too: `bureauWide`) keep everyone's. An unknown unit is left to the use case, which names the field.
  mount(app, Inspections.saveInspector, async ({ params, body, request }) => {
    const scope = await request.scope()
    if (!bureauWide(scope)) {
      const existing = await db.inspector.findUnique({ where: { staffCode: params.code }, select: { unitId: true } })
      if (existing !== null && !unitInScope(scope, existing.unitId))
        throw new Problem("OutOfScope", `执法检查人员 ${params.code} 不属于本单位，不能修改`)
      const known = (await loadOrganisation(db)).units.some((u) => u.id === body.unitId)
      if (known && !unitInScope(scope, body.unitId))
        throw new Problem("OutOfScope", `单位 ${body.unitId} 不在本人数据范围内，不能登记其执法检查人员`)
    }
    return app.run(
      Application.Enforcement.saveInspector({ entry: { ...body, staffCode: params.code }, actor: actorOf(request) })
    )
  })

  mount(app, Inspections.listPlans, async () => ({
    items: (await listPlans(db)).map((p) => ({
      id: p.id,
      kind: p.kind as InspectionKind,
      kindLabel: inspectionKindLabel[p.kind as InspectionKind],
      title: p.title,
      reference: p.reference,
      dutyCode: p.dutyCode,
      periodFrom: p.periodFrom,
      periodTo: p.periodTo,
      createdByName: p.createdByName,
      inspections: p._count.inspections,
      draws: p.draws.map((d) => ({
        id: d.id,
        seed: d.seed,
        method: d.method,
        drawnAt: d.drawnAt.toISOString(),
        drawnByName: d.drawnByName,
        publishedAt: d.publishedAt?.toISOString() ?? null
      }))
    }))
  }))

  mount(app, Inspections.createPlan, async ({ body, request }) =>
    app.run(Application.Enforcement.createPlan({ plan: body, actor: actorOf(request) }))
  )

  mount(app, Inspections.drawPlan, async ({ params, body, request }) => {
    const { id } = await app.run(
      Application.Enforcement.drawPlan({ planId: params.id, spec: body, actor: actorOf(request) })
    )
    return drawView(id)
  })

  mount(app, Inspections.getDraw, async ({ params }) => drawView(params.id))

  // Anyone may re-draw a published draw from its recorded seed; before publication only the planners
  // (an unannounced inspection's targets stay unseen until then).
  mount(app, Inspections.verifyDraw, async ({ params, request }) => {
    if (!can(currentUser(request).role, "inspections:plan") && (await drawView(params.id)).publishedAt === null)
      throw new InspectionStateRefused({ reason: "该抽取结果尚未公开，公开后方可复核" })
    return app.run(Application.Enforcement.verifyDraw({ drawId: params.id, actor: actorOf(request) }))
  })

  mount(app, Inspections.publishDraw, async ({ params, request }) => {
    const { publishedAt } = await app.run(
      Application.Enforcement.publishDraw({ drawId: params.id, actor: actorOf(request) })
    )
    return { publishedAt: publishedAt.toISOString() }
  })

  const publication = async (id: string) => {
    const view = await drawView(id)
    if (view.publishedAt === null) throw new InspectionStateRefused({ reason: "该抽取结果尚未公开" })
    const plan = await db.inspectionPlan.findUniqueOrThrow({ where: { id: view.planId } })
    return {
      planTitle: view.planTitle,
      kindLabel: inspectionKindLabel[plan.kind as InspectionKind],
      seed: view.seed,
      algorithm: view.algorithm,
      statement: view.statement,
      drawnAt: view.drawnAt,
      publishedAt: view.publishedAt,
      items: view.targets.map((t) => ({
        institutionCode: t.institutionCode,
        institutionName: t.institutionName,
        inspectors: t.team.map((m) => m.name)
      }))
    }
  }

  mount(app, Inspections.drawPublication, async ({ params }) => publication(params.id))

  mount(app, Inspections.drawPublicationCsv, async ({ params, reply }) => {
    const p = await publication(params.id)
    const lines = [
      ["检查计划", "检查方式", "随机种子", "算法", "抽取时间", "公开时间", "机构编码", "机构名称", "检查人员"],
      ...p.items.map((i) => [
        p.planTitle,
        p.statement,
        p.seed,
        p.algorithm,
        p.drawnAt,
        p.publishedAt,
        i.institutionCode,
        i.institutionName,
        i.inspectors.join("、")
      ])
    ]
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", attachment(`${p.planTitle}-抽取结果公开.csv`))
      .send(`\uFEFF${lines.map((l) => l.map(csvCell).join(",")).join("\r\n")}\r\n`)
  })

  mount(app, Inspections.listInspections, async ({ query, request }) => {
    const scope = await request.scope()
    const on = today()
    const rows = await listInspections(db, {
      ...(query.view === "all" ? {} : { dueBy: on }),
      ...(query.planId === undefined ? {} : { planId: query.planId })
    })
    return {
      items: rows
        .filter((r) =>
          visible(
            scope,
            r.institutionCode,
            r.members.flatMap((m) => (m === null ? [] : [m.unitId]))
          )
        )
        .map((r) => ({
          id: r.id,
          planId: r.planId,
          planTitle: r.plan.title,
          kind: r.plan.kind as InspectionKind,
          kindLabel: inspectionKindLabel[r.plan.kind as InspectionKind],
          institutionCode: r.institutionCode,
          institutionName: r.institution?.name ?? r.institutionCode,
          team: r.members.flatMap((m) =>
            m === null ? [] : [{ staffCode: m.staffCode, name: m.name, unitId: m.unitId }]
          ),
          plannedOn: r.plannedOn,
          status: r.status as InspectionStatus,
          statusLabel: inspectionStatusLabel[r.status as InspectionStatus],
          overdue: r.status !== "finished" && r.plannedOn < on
        }))
    }
  })

  mount(app, Inspections.getInspection, async ({ params, request }) => {
    await inspectionWithinScope(db, request, params.id)
    const { inspection, sampling } = await app.run(Application.Enforcement.viewInspection({ inspectionId: params.id }))
    const user = currentUser(request)
    const unmasked = can(user.role, "personal-data:unmasked")
    const record = inspection.record
    if (record !== null && record.sampledPersons.length > 0)
      await recordAudit(db, actorOf(request), {
        action: "inspection.read_persons",
        entityType: "inspection",
        entityId: inspection.id,
        details: { persons: record.sampledPersons.length, masked: !unmasked }
      })
    const on = today()
    return {
      id: inspection.id,
      planId: inspection.plan.id,
      planTitle: inspection.plan.title,
      kind: inspection.plan.kind,
      kindLabel: inspectionKindLabel[inspection.plan.kind],
      institutionCode: inspection.institution.code,
      institutionName: inspection.institution.name,
      team: inspection.team,
      plannedOn: inspection.plannedOn,
      status: inspection.status,
      statusLabel: inspectionStatusLabel[inspection.status],
      overdue: inspection.status !== "finished" && inspection.plannedOn < on,
      checklist: inspection.checklist,
      record:
        record === null || unmasked
          ? record
          : {
              ...record,
              sampledPersons: record.sampledPersons.map((p) => ({
                psnNo: maskIdentifier(p.psnNo),
                name: maskName(p.name)
              }))
            },
      files: inspection.files,
      finishedOn: inspection.finishedOn,
      published: inspection.published,
      dutyCode: inspection.plan.dutyCode ?? null,
      minimumSampled: sampling.minimum,
      minimumSource: sampling.source,
      masked: !unmasked
    }
  })

  mount(app, Inspections.recordInspection, async ({ params, body, request }) => {
    await inspectionWithinScope(db, request, params.id)
    const outcome = await app.run(
      Application.Enforcement.recordOnsite({
        inspectionId: params.id,
        record: body.record,
        finish: body.finish,
        actor: actorOf(request)
      })
    )
    return { status: outcome.status as InspectionStatus, dutyTask: outcome.dutyTask }
  })

  mount(app, Inspections.addInspectionFile, async ({ params, body, request }) => {
    await inspectionWithinScope(db, request, params.id)
    const bytes = Buffer.from(body.contentBase64, "base64")
    if (bytes.byteLength === 0)
      throw new Problem("InvalidRequest", `文件 ${body.fileName} 是空的`, [
        { path: "$.contentBase64", message: "文件为空或不是 base64" }
      ])
    if (bytes.byteLength > 20 * 1024 * 1024)
      throw new Problem("InvalidRequest", `文件 ${body.fileName} 超过 20 MB`, [
        { path: "$.contentBase64", message: "文件超过 20 MB" }
      ])
    return app.run(
      Application.Enforcement.addInspectionFile({
        inspectionId: params.id,
        kind: body.kind,
        fileName: body.fileName,
        mediaType: body.mediaType ?? "application/octet-stream",
        bytes,
        actor: actorOf(request)
      })
    )
  })

  const recordModel = async (request: FastifyRequest, id: string) => {
    await inspectionWithinScope(db, request, id)
    const { inspection } = await app.run(Application.Enforcement.viewInspection({ inspectionId: id }))
    const model = onsiteRecordModel(inspection, await bureauNameOf(db))
    if (model === null) throw new Problem("DocumentNotReady", "该检查尚未记录现场检查笔录")
    await recordAudit(db, actorOf(request), {
      action: "inspection.print",
      entityType: "inspection",
      entityId: id,
      details: { document: "onsite_record" }
    })
    return model
  }
  mount(app, Inspections.inspectionRecordHtml, async ({ params, request, reply }) =>
    reply.header("content-type", "text/html; charset=utf-8").send(renderHtml(await recordModel(request, params.id)))
  )
  mount(app, Inspections.inspectionRecordPdf, async ({ params, request, reply }) => {
    const model = await recordModel(request, params.id)
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", attachment(`${model.title}.pdf`))
      .send(Buffer.from(await renderPdf(model)))
  })
}
