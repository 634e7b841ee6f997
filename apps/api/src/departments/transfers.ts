/**
 * Transfers over HTTP, from both sides. The bureau (transfers:*) sees the ledger within its data scope and
 * takes the bureau's steps: a transfer about an institution is the scope of that institution's units, one
 * about a person (no institution) is personal data seen only at the bureau and its sections (`bureauWide`),
 * and every read of it is audited; ID and phone numbers in a transfer's text are masked for roles without
 * `personal-data:unmasked`; a department (department:inbox — its users in the UI and its API clients) sees
 * only the transfers addressed to it or sent by it, and takes the department's steps. Another department's
 * transfer is answered as if it did not exist, so nothing of it leaks. Documents (移送书, 回执) are printed
 * from the record; every print and every department call is audited.
 */
import * as Application from "@fundguard/application"
import { Transfers } from "@fundguard/contracts"
import {
  bureauNameOf,
  findTransfer,
  institutionOfCase,
  institutionOfTransfer,
  jointPunishmentNoticesFor,
  listDuties,
  listTransfers,
  recordAudit,
  type Db
} from "@fundguard/db"
import { can } from "@fundguard/domain/access"
import { maskForPublication } from "@fundguard/domain/credit"
import {
  departmentLabel,
  departmentOfName,
  jointMechanismLists,
  missingMaterials,
  planTransferStep,
  reportsTransfers,
  transferDirectionLabel,
  transferRulesFor,
  transferSentOn,
  transferStatusLabel,
  transferStepLabel,
  transferYearReport,
  TransferNotFound,
  type Department,
  type TransferActor,
  type TransferRecord,
  type TransferStep,
  type TransferStepKind
} from "@fundguard/domain/departments"
import { bureauDate, formatYuan } from "@fundguard/domain/kernel"
import { violationEntry } from "@fundguard/domain/penalty"
import { regionCoverage } from "@fundguard/domain/penalty"
import { bureauWide, institutionInScope } from "@fundguard/domain/responsibilities"
import { renderHtml, renderPdf, transferLetter, transferReceipt, type DocumentModel } from "@fundguard/documents"
import * as Effect from "effect/Effect"
import { createHash } from "node:crypto"
import * as Either from "effect/Either"
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { attachment, workbookOf, xlsxBytes, xlsxType } from "../responsibilities/sheets.js"
import { institutionWithinScope, objectWithinScope, requesterOf, visibleInstitutions } from "../enforcement/scope.js"

type Options = { readonly db: Db; readonly now: () => Date }

/** The department a department's caller acts for (its client's, or its user account's), or null. */
export const callerDepartment = (request: FastifyRequest): Department | null =>
  request.client?.department ?? departmentOfName(currentUser(request).department)

/** The caller as a party to transfers: the bureau's staff, or a department. */
const transferActor = (request: FastifyRequest): TransferActor => {
  const user = currentUser(request)
  const department = user.role === "department" ? callerDepartment(request) : null
  return {
    id: user.id,
    name: user.displayName,
    side: user.role === "department" ? "department" : "bureau",
    department,
    canApprove: can(user.role, "transfers:approve")
  }
}

/** A placeholder of each step kind, to ask the rules which steps the caller may take now. */
const probes: ReadonlyArray<TransferStep> = [
  { _tag: "approve" },
  { _tag: "reject", reason: "-" },
  { _tag: "send" },
  { _tag: "receive", signedBy: "-" },
  { _tag: "request_supplement", missing: ["-"] },
  { _tag: "supplement", materials: [{ kind: "other", title: "-", pages: 0 }] },
  { _tag: "forward", to: "-" },
  { _tag: "result", outcome: "filed", summary: "-" },
  { _tag: "request_reconsideration", reason: "-" },
  { _tag: "answer_reconsideration", filed: false, summary: "-" },
  { _tag: "request_procuratorate", note: "-" },
  { _tag: "hand_over_materials" },
  { _tag: "open_lead", caseId: "-" }
]

const nextStepsFor = (record: TransferRecord, actor: TransferActor, at: Date) => {
  const rules = transferRulesFor(record.department, record.region, record.createdOn)
  return probes
    .filter((step) => Either.isRight(planTransferStep(record, rules, step, actor, at.toISOString(), bureauDate(at))))
    .map((step) => ({ kind: step._tag, label: transferStepLabel[step._tag as TransferStepKind] }))
}

const listItemsOf = (record: TransferRecord) => {
  const inNingxia = jointMechanismLists.regions.some((r) => (regionCoverage(r, record.region) ?? 0) > 0)
  const list =
    record.direction === "outgoing" ? jointMechanismLists.toHealthCommission : jointMechanismLists.fromHealthCommission
  return record.listItems.map((item) => ({
    item,
    text:
      record.department === "health_commission" && inNingxia
        ? (list.find((l) => l.item === item)?.text ?? `第${item}项`)
        : `第${item}项`
  }))
}

/** Builds the views of transfers (list line and whole). */
const views = (app: FastifyInstance, now: () => Date) => {
  const summary = async (record: TransferRecord) => {
    const described = await app.run(Application.Departments.describeTransfer(record, now()))
    const open = described.deadlines
      .filter((d) => d.state === "open" || d.state === "overdue")
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    return {
      described,
      summary: {
        id: record.id,
        number: record.number,
        direction: record.direction,
        directionLabel: transferDirectionLabel[record.direction],
        department: record.department,
        departmentLabel: departmentLabel[record.department],
        institutionCode: record.institutionCode,
        subject: record.subject,
        caseId: record.caseId,
        status: described.status,
        statusLabel: transferStatusLabel[described.status],
        createdOn: record.createdOn,
        sentOn: transferSentOn(record),
        nextDeadline: open[0] ?? null,
        overdue: described.deadlines.some((d) => d.state === "overdue")
      }
    }
  }
  const full = async (record: TransferRecord, actor: TransferActor) => {
    const { described, summary: line } = await summary(record)
    return {
      ...line,
      region: record.region,
      institutionName: record.institutionName,
      decisionDate: record.decisionDate,
      discoveredOn: record.discoveredOn,
      violations: record.violations.map((code) => ({ code, behaviour: violationEntry(code).behaviour })),
      listItems: listItemsOf(record),
      facts: record.facts,
      amount: record.amount,
      officers: record.officers,
      materials: record.materials,
      missingMaterials: missingMaterials(record, described.rules),
      requiredMaterials: described.rules.materials,
      createdByName: record.createdByName,
      revision: record.revision,
      events: record.events.map((e) => ({
        kind: e.step._tag,
        label: transferStepLabel[e.step._tag],
        step: e.step,
        at: e.at,
        on: e.on,
        actorName: e.actorName,
        side: e.side
      })),
      deadlines: described.deadlines,
      basis: described.rules.basis,
      sources: described.rules.sources,
      noRefusal: described.rules.noRefusalForIncompleteMaterials?.basis ?? null,
      nextSteps: nextStepsFor(record, actor, now())
    }
  }
  return { summary, full }
}

/** The letter or receipt of a transfer as a document. */
const documentOf = async (db: Db, record: TransferRecord, kind: "letter" | "receipt"): Promise<DocumentModel> => {
  const bureauName = await bureauNameOf(db)
  const rules = transferRulesFor(record.department, record.region, record.createdOn)
  const sender = record.direction === "outgoing" ? bureauName : departmentLabel[record.department]
  const receiver = record.direction === "outgoing" ? departmentLabel[record.department] : bureauName
  const sent = record.events.find((e) => e.step._tag === "send")
  const received = record.events.find((e) => e.step._tag === "receive")
  if (kind === "letter")
    return transferLetter({
      bureauName: sender,
      number: record.number,
      to: receiver,
      title: record.department === "police" ? "涉嫌犯罪案件移送书" : "医保基金使用违法违规案件移送书",
      subject: record.subject,
      facts: record.facts,
      matters: [
        ...listItemsOf(record).map((i) => `清单${i.text === `第${i.item}项` ? i.text : `第${i.item}项：${i.text}`}`),
        ...record.violations.map((code) => `${violationEntry(code).behaviour}（${violationEntry(code).clause}）`)
      ],
      amount: record.amount === null ? null : formatYuan(record.amount),
      basis: rules.basis,
      materials: record.materials,
      date: sent?.on ?? null,
      contact: null
    })
  return transferReceipt({
    bureauName: receiver,
    number: record.number,
    sender,
    receiver,
    pages: record.materials.reduce((n, m) => n + m.pages, 0),
    materials: record.materials.map((m) => `${m.title}（${m.pages}页）`),
    signedBy: received?.step._tag === "receive" ? received.step.signedBy : null,
    date: received?.on ?? null
  })
}

const sendDocument = async (
  reply: FastifyReply,
  model: DocumentModel,
  format: "pdf" | "html" | undefined
): Promise<FastifyReply> => {
  if (format === "html") return reply.header("content-type", "text/html; charset=utf-8").send(renderHtml(model))
  const pdf = await renderPdf(model)
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", attachment(`${model.title}${model.number ? `-${model.number}` : ""}.pdf`))
    .send(Buffer.from(pdf))
}

/** The institutions a transfer may name, as the use cases need them. */
const institutionLookup = (db: Db) => (code: string) =>
  Effect.promise(async () => {
    const row = await db.institution.findUnique({ where: { code }, select: { code: true, name: true, admdvs: true } })
    return row === null ? null : { code: row.code, name: row.name, region: row.admdvs }
  })

/**
 * The case of that id the caller may see (its institution), or null: none, or outside the caller's data
 * scope — answered alike, so that ids cannot be probed.
 */
const caseLookup = (db: Db, request: FastifyRequest) => (id: string) =>
  Effect.promise(async () => {
    const institutionCode = await institutionOfCase(db, id)
    if (institutionCode === null || !institutionInScope(await request.scope(), institutionCode)) return null
    return { institutionCode }
  })

/**
 * A transfer as the caller's role may read it: ID and phone numbers in its party and facts masked without
 * `personal-data:unmasked`.
 */
const asSeenBy = (request: FastifyRequest) => {
  const unmasked = can(currentUser(request).role, "personal-data:unmasked")
  return {
    unmasked,
    record: (record: TransferRecord): TransferRecord =>
      unmasked
        ? record
        : { ...record, subject: maskForPublication(record.subject, []), facts: maskForPublication(record.facts, []) }
  }
}

/** A transfer about a person (no institution) is seen and made only at the bureau and its sections (`bureauWide`). */
const personTransferRefused = () =>
  new Problem("OutOfScope", "不涉及定点医药机构的移送（当事人为个人）须由医保局或局机关科室的人员办理")

/** The bureau's region: that of its institutions (a transfer about a person has none of its own). */
const bureauRegion = async (db: Db): Promise<string> =>
  (await db.institution.findFirst({ select: { admdvs: true }, orderBy: { code: "asc" } }))?.admdvs ?? "000000"

/** The bureau's transfer routes. */
export const bureauTransferRoutes = async (app: FastifyInstance, options: Options) => {
  const { db, now } = options
  const { summary, full } = views(app, now)
  const withinScope = async (request: FastifyRequest, id: string) => {
    const institution = await institutionOfTransfer(db, id)
    if (institution === undefined) throw new TransferNotFound({ id })
    // A transfer about a person (no institution) is personal data of the bureau as a whole: only the bureau and its
    // sections see it (a 医保中心, 社保所 or 卫生院 does not); to anyone else it does not exist.
    if (institution === null) {
      if (!bureauWide(await request.scope())) throw new TransferNotFound({ id })
    } else await objectWithinScope(request, institution, () => new TransferNotFound({ id }))
    const record = await findTransfer(db, id)
    if (record === null) throw new TransferNotFound({ id })
    return record
  }
  /** The transfers the caller may see: its institutions', with those about persons at the bureau and its sections. */
  const visibleTransfers = async (request: FastifyRequest, filter: Parameters<typeof listTransfers>[1]) => {
    const visible = await visibleInstitutions(request)
    const records = await listTransfers(db, { ...filter, institutions: visible === null ? null : new Set(visible) })
    return bureauWide(await request.scope()) ? records : records.filter((r) => r.institutionCode !== null)
  }
  /** Reading a transfer about a person reads personal data: who read it, and unmasked or not, is on the record. */
  const auditPersonRead = async (
    request: FastifyRequest,
    records: ReadonlyArray<TransferRecord>,
    action: "transfer.view" | "transfer.list"
  ) => {
    const persons = records.filter((r) => r.institutionCode === null)
    if (persons.length === 0) return
    await recordAudit(db, requesterOf(request).actor, {
      action,
      entityType: "transfer",
      entityId: action === "transfer.view" ? persons[0]!.id : null,
      details: {
        unmasked: asSeenBy(request).unmasked,
        ...(action === "transfer.list" ? { transfers: persons.map((r) => r.id) } : {})
      }
    })
  }

  mount(app, Transfers.listTransfers, async ({ query, request }) => {
    const records = await visibleTransfers(request, query)
    await auditPersonRead(request, records, "transfer.list")
    const seen = asSeenBy(request)
    return { items: await Promise.all(records.map(async (r) => (await summary(seen.record(r))).summary)) }
  })
  mount(app, Transfers.draftTransfer, async ({ body, request }) => {
    if (body.institutionCode !== undefined) await institutionWithinScope(request, body.institutionCode)
    else if (!bureauWide(await request.scope())) throw personTransferRefused()
    const user = currentUser(request)
    return app.run(
      Application.Departments.draftTransfer({
        draft: request.body,
        institution: institutionLookup(db),
        caseOf: caseLookup(db, request),
        bureauRegion: await bureauRegion(db),
        actor: { id: user.id, name: user.displayName, ip: request.ip },
        at: now()
      })
    )
  })
  mount(app, Transfers.recordIncomingTransfer, async ({ body, request }) => {
    if (body.transfer.institutionCode !== undefined)
      await institutionWithinScope(request, body.transfer.institutionCode)
    else if (!bureauWide(await request.scope())) throw personTransferRefused()
    const user = currentUser(request)
    return app.run(
      Application.Departments.registerIncomingTransfer({
        department: body.department,
        transfer: (request.body as { transfer: unknown }).transfer,
        institution: institutionLookup(db),
        bureauRegion: await bureauRegion(db),
        actor: { id: user.id, name: user.displayName, ip: request.ip },
        recordedBy: "bureau",
        at: now()
      })
    )
  })
  mount(app, Transfers.getTransfer, async ({ params, request }) => {
    const record = await withinScope(request, params.id)
    await auditPersonRead(request, [record], "transfer.view")
    return full(asSeenBy(request).record(record), transferActor(request))
  })
  mount(app, Transfers.takeTransferStep, async ({ params, body, request }) => {
    await withinScope(request, params.id)
    return app.run(
      Application.Departments.takeTransferStep({
        id: params.id,
        revision: body.revision,
        step: (request.body as { step: unknown }).step,
        actor: transferActor(request),
        ip: request.ip,
        at: now()
      })
    )
  })
  mount(app, Transfers.openCaseFromTransfer, async ({ params, body, request }) => {
    const record = await withinScope(request, params.id)
    if (record.institutionCode !== null) await institutionWithinScope(request, record.institutionCode)
    return app.run(
      Application.Departments.openCaseFromTransfer({
        id: params.id,
        revision: body.revision,
        actor: transferActor(request),
        requester: requesterOf(request),
        ip: request.ip,
        at: now()
      })
    )
  })
  mount(app, Transfers.transferDocument, async ({ params, query, request, reply }) => {
    const record = await withinScope(request, params.id)
    const seen = asSeenBy(request)
    const model = await documentOf(db, seen.record(record), query.kind ?? "letter")
    await recordAudit(
      db,
      { id: currentUser(request).id, name: currentUser(request).displayName, ip: request.ip },
      {
        action: "transfer.print",
        entityType: "transfer",
        entityId: record.id,
        details: {
          document: query.kind ?? "letter",
          ...(record.institutionCode === null ? { person: true, unmasked: seen.unmasked } : {})
        }
      }
    )
    return sendDocument(reply, model, query.format)
  })

  // A report holds what the caller may see: the whole ledger for the bureau, a unit's institutions for a unit.
  const reportOf = async (request: FastifyRequest, year: number, department: Department) => {
    const records = await visibleTransfers(request, { department })
    const report = transferYearReport(records.map(asSeenBy(request).record), year, department)
    const rows = new Set(report.rows.map((r) => r.id))
    await auditPersonRead(
      request,
      records.filter((r) => rows.has(r.id)),
      "transfer.list"
    )
    const headers = [
      "序号",
      "文号",
      "方向",
      "移送日期",
      "当事人",
      "涉及问题",
      "金额（元）",
      "签收日期",
      "补正",
      "状态",
      "处理结果",
      "结果反馈日期"
    ]
    const workbook = workbookOf([
      {
        name: `${year}年移送台账`,
        headers,
        rows: report.rows.map((r, i) => [
          i + 1,
          r.number,
          r.direction,
          r.sentOn ?? "",
          r.subject,
          r.matters,
          r.amount ?? "",
          r.receivedOn ?? "",
          r.supplements,
          r.status,
          r.result,
          r.resultOn ?? ""
        ])
      },
      {
        name: "汇总",
        headers: ["项目", "数量"],
        rows: [
          ["部门", departmentLabel[department]],
          ["年度", year],
          [`移送${departmentLabel[department]}`, report.totals.outgoing],
          [`${departmentLabel[department]}移送本局`, report.totals.incoming],
          ["已签收", report.totals.received],
          ["已反馈处理结果", report.totals.answered],
          ["尚未反馈结果", report.totals.pending]
        ]
      }
    ])
    return { report, bytes: await xlsxBytes(workbook) }
  }
  mount(app, Transfers.transferReport, async ({ params, query, request, reply }) => {
    const department = query.department ?? "health_commission"
    const { bytes } = await reportOf(request, params.year, department)
    return reply
      .header("content-type", xlsxType)
      .header(
        "content-disposition",
        attachment(`${params.year}年度移送${departmentLabel[department]}线索及处理结果.xlsx`)
      )
      .send(bytes)
  })
  mount(app, Transfers.submitTransferReport, async ({ params, body, request }) => {
    const { report, bytes } = await reportOf(request, params.year, body.department)
    const sha256 = createHash("sha256").update(bytes).digest("hex")
    const user = currentUser(request)
    const actor = { id: user.id, name: user.displayName, ip: request.ip }
    // The task for that year of a duty that reports transfers (seed 004 三(一)3 in 宁夏; a bureau elsewhere may
    // define its own), if the bureau has one.
    const scope = await request.scope()
    const reporting = [...new Set((await listDuties(db)).filter(reportsTransfers).map((d) => d.code))]
    const task = await db.dutyTask.findFirst({
      where: {
        dutyCode: { in: reporting },
        periodStart: { lte: `${params.year}-12-31` },
        periodEnd: { gte: `${params.year}-01-01` },
        completedOn: null,
        ...(scope.all ? {} : { unitId: { in: [...scope.unitIds] } })
      },
      orderBy: { deadline: "asc" }
    })
    await recordAudit(db, actor, {
      action: "transfer.report",
      entityType: "transfer_report",
      entityId: `${params.year}-${body.department}`,
      details: { rows: report.rows.length, sha256 }
    })
    if (task === null || body.department !== "health_commission")
      return { rows: report.rows.length, sha256, taskId: null }
    await app.run(
      Application.Responsibilities.completeTask({
        taskId: task.id,
        completedOn: bureauDate(now()),
        record: `${params.year}年度移送${departmentLabel[body.department]}线索（问题）${report.totals.outgoing}件及处理结果，由移送台账生成（SHA-256 ${sha256.slice(0, 16)}…）`,
        values: { cluesTransferred: report.totals.outgoing },
        files: [
          {
            fileName: `${params.year}年度移送卫健部门线索及处理结果.xlsx`,
            mediaType: xlsxType,
            bytes: new Uint8Array(bytes)
          }
        ],
        actor
      })
    )
    return { rows: report.rows.length, sha256, taskId: task.id }
  })
}

/** The department API: a department's inbox. */
export const inboxRoutes = async (app: FastifyInstance, options: Options) => {
  const { db, now } = options
  const { summary, full } = views(app, now)
  // Every call of another department is in the audit log: who, what, and how it was answered.
  app.addHook("onResponse", async (request, reply) => {
    // The calls of other departments (their clients and users), refused ones included; the bureau's own
    // staff are refused these routes by permission and leave no trace here.
    if (request.user === null || request.user.role !== "department") return
    await recordAudit(
      db,
      { id: request.user.id, name: request.user.displayName, ip: request.ip },
      {
        action: "department_api.call",
        entityType: "department_api",
        entityId: request.routeOptions.url ?? null,
        details: { method: request.method, url: request.url.slice(0, 300), status: reply.statusCode }
      }
    )
  })
  const mine = async (request: FastifyRequest, id: string): Promise<TransferRecord> => {
    const department = callerDepartment(request)
    const record = await findTransfer(db, id)
    // Another department's transfer, a draft not yet sent, or none: the same answer, naming nothing of it.
    if (
      record === null ||
      department === null ||
      record.department !== department ||
      !record.events.some((e) => e.step._tag === "send")
    )
      throw new TransferNotFound({ id })
    return record
  }
  const limits = { rateLimitPerMinute: 120 }
  mount(
    app,
    Transfers.inbox,
    async ({ query, request }) => {
      const department = callerDepartment(request)
      if (department === null) return { items: [] }
      const records = await listTransfers(db, { department, ...query })
      // A department sees what was sent: not the bureau's drafts awaiting approval.
      const sent = records.filter((r) => r.events.some((e) => e.step._tag === "send"))
      return { items: await Promise.all(sent.map(async (r) => (await summary(r)).summary)) }
    },
    limits
  )
  mount(
    app,
    Transfers.inboxNotices,
    async ({ request }) => {
      const department = callerDepartment(request)
      if (department === null) return { items: [] }
      const rows = await jointPunishmentNoticesFor(db, department)
      return {
        items: rows.map((n) => ({
          id: n.id,
          subject: n.subject as "institution" | "practitioner",
          subjectName: n.subjectName,
          institutionCode: n.institutionCode,
          reason: n.reason,
          request: n.request,
          issuedOn: n.issuedOn,
          issuedByName: n.issuedByName
        }))
      }
    },
    limits
  )
  mount(
    app,
    Transfers.inboxTransfer,
    async ({ params, request }) => {
      return full(await mine(request, params.id), transferActor(request))
    },
    limits
  )
  mount(
    app,
    Transfers.sendToBureau,
    async ({ request }) => {
      const department = callerDepartment(request)
      if (department === null) throw new Problem("Forbidden", "账户未关联协作部门，不能移送")
      const user = currentUser(request)
      return app.run(
        Application.Departments.registerIncomingTransfer({
          department,
          transfer: request.body,
          institution: institutionLookup(db),
          bureauRegion: await bureauRegion(db),
          actor: { id: user.id, name: user.displayName, ip: request.ip },
          recordedBy: "department",
          at: now()
        })
      )
    },
    limits
  )
  mount(
    app,
    Transfers.inboxStep,
    async ({ params, body, request }) => {
      await mine(request, params.id)
      return app.run(
        Application.Departments.takeTransferStep({
          id: params.id,
          revision: body.revision,
          step: (request.body as { step: unknown }).step,
          actor: transferActor(request),
          ip: request.ip,
          at: now()
        })
      )
    },
    limits
  )
  mount(
    app,
    Transfers.inboxDocument,
    async ({ params, query, request, reply }) => {
      const record = await mine(request, params.id)
      return sendDocument(reply, await documentOf(db, record, query.kind ?? "letter"), query.format)
    },
    limits
  )
}
