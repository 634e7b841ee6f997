/**
 * The documents of a case (执法文书): which are available at the case's stage, each built by
 * @fundguard/documents from the case's record (its entries, the engine's assessment, the 文号 its
 * steps issued), served as printable HTML and as PDF. Every print is in the audit log: the documents
 * carry the party's and the persons' particulars.
 */
import * as Application from "@fundguard/application"
import { Cases } from "@fundguard/contracts"
import { recordAudit, type Db } from "@fundguard/db"
import {
  filingApproval,
  hearingNotice,
  inquiryRecord,
  itemDecision,
  penaltyDecision,
  penaltyNotice,
  rectificationNotice,
  renderHtml,
  renderPdf,
  serviceReceipt,
  documentKindLabel,
  type ApprovalEntry,
  type DocumentKind,
  type DocumentModel,
  type OfficerData,
  type PartyData,
  type ServiceMethod
} from "@fundguard/documents"
import {
  caseSourceLabel,
  procedureLimitsOn,
  rectificationDays,
  type CaseEntry,
  type CaseFile,
  type StoredCase,
  type StoredInspection
} from "@fundguard/domain/enforcement"
import { addDays, bureauDate, type IsoDate } from "@fundguard/domain/kernel"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { attachment } from "../responsibilities/sheets.js"
import { caseWithinScope, entriesFor, requesterOf } from "./scope.js"
import { inspectionOfCase, onsiteRecordModel } from "./inspections.js"

/** A case document kind. */
export type CaseDocument = Exclude<DocumentKind, "transfer_letter" | "transfer_receipt">

/** The documents a case issues itself (a transfer's letter and receipt are the transfer's). */
const caseDocumentKinds = (Object.keys(documentKindLabel) as Array<DocumentKind>).filter(
  (kind): kind is CaseDocument => kind !== "transfer_letter" && kind !== "transfer_receipt"
)

const entriesOf = (stored: StoredCase, action: string): ReadonlyArray<CaseEntry> =>
  stored.entries.filter((e) => e.action === action)
const lastOf = (stored: StoredCase, action: string): CaseEntry | undefined => entriesOf(stored, action).at(-1)
const detailsOf = <T>(entry: CaseEntry | undefined): Partial<T> => (entry?.details ?? {}) as Partial<T>

/**
 * Whether the case has reached the step that makes each document. `onsite` is the inspection a case
 * from an inspection refers to (`inspectionOfCase`): its record is the case's 现场检查笔录.
 */
export const documentAvailable = (
  stored: StoredCase,
  file: CaseFile,
  kind: CaseDocument,
  onsite: StoredInspection | null = null
): boolean => {
  switch (kind) {
    case "filing_approval":
      return lastOf(stored, "submit_filing") !== undefined
    case "onsite_record":
      // The 现场检查笔录 is the record of the inspection the case was opened from.
      return onsite !== null && onsiteRecordModel(onsite, stored.bureauName) !== null
    case "inquiry_record":
      return file.inquiries > 0
    case "penalty_notice":
    case "penalty_decision":
      return file.assessment !== null
    case "hearing_notice":
      return lastOf(stored, "schedule_hearing") !== undefined
    case "service_receipt":
      return file.events.noticeServedOn !== undefined || file.events.decisionServedOn !== undefined
    case "rectification_notice":
      return file.events.decidedOn !== undefined
  }
}

/** The documents of a case, each with its 文号 once numbered and whether it can be printed yet. */
export const caseDocuments = (stored: StoredCase, file: CaseFile, onsite: StoredInspection | null = null) =>
  caseDocumentKinds.map((kind) => ({
    kind,
    label: documentKindLabel[kind],
    number: (file.documents as Record<string, string | undefined>)[kind] ?? null,
    available: documentAvailable(stored, file, kind, onsite)
  }))

const partyOf = (stored: StoredCase): PartyData => ({
  name: stored.institution.name,
  code: stored.institution.code,
  codeLabel: "医保定点编码"
})

const approvalOf = (entry: CaseEntry | undefined): ApprovalEntry | undefined =>
  entry === undefined
    ? undefined
    : {
        name: entry.actorName,
        opinion: String(detailsOf<{ opinion: string }>(entry).opinion ?? ""),
        date: entry.recordedOn
      }

type InquiryDetails = {
  on: string
  startTime: string
  endTime: string
  place: string
  person: { name: string; position: string; idNumber?: string }
  officers: ReadonlyArray<{ name: string; badge: string }>
  recorder: string
  questions: ReadonlyArray<{ question: string; answer: string }>
}

/** Builds one document of a case from its record. */
export const buildCaseDocument = (
  stored: StoredCase,
  file: CaseFile,
  kind: CaseDocument,
  today: IsoDate,
  onsite: StoredInspection | null = null
): DocumentModel => {
  const bureauName = stored.bureauName
  const party = partyOf(stored)
  const caseName = `${stored.institution.name}涉嫌违法使用医疗保障基金案`
  const numbers = file.documents as Record<string, string | undefined>
  const assessment = file.assessment
  const items = assessment?.items ?? []
  const contactText = String(detailsOf<{ contact: string }>(lastOf(stored, "serve_notice")).contact ?? "")
  const contact = {
    name: contactText === "" ? (file.officers[0] ?? stored.entries[0]!.actorName) : contactText,
    phone: ""
  }
  switch (kind) {
    case "onsite_record": {
      const model = onsite === null ? null : onsiteRecordModel(onsite, bureauName)
      if (model === null) throw new Problem("DocumentNotReady", "本案来源检查尚未记录现场检查笔录")
      return model
    }
    case "filing_approval": {
      const submitted = lastOf(stored, "submit_filing")
      // The current round: the review and approval recorded after the last submission.
      const after = (action: string) =>
        stored.entries.filter((e) => e.action === action && e.revision > (submitted?.revision ?? 0)).at(-1)
      const first = approvalOf(submitted)
      const second = approvalOf(after("review_filing"))
      const approval = approvalOf(after("approve_filing"))
      return filingApproval({
        bureauName,
        number: numbers["filing_approval"] ?? null,
        caseNumber: stored.number ?? "（审批后编号）",
        caseName,
        caseSource: `${caseSourceLabel[file.opening.source]}${file.opening.references.length > 0 ? `（${file.opening.references.length} 项）` : ""}`,
        party,
        factSummary: file.opening.summary,
        amountInvolved: assessment ? assessment.totals.refund : null,
        proposedArticles: items.map((i) => i.clause),
        handlers: [stored.entries[0]!.actorName],
        handlerOpinion: first?.opinion ?? "",
        handlerDate: first?.date ?? null,
        approvals: {
          ...(first ? { first_review: first } : {}),
          ...(second ? { second_review: second } : {}),
          ...(approval ? { approval } : {})
        }
      })
    }
    case "inquiry_record": {
      const inquiry = detailsOf<InquiryDetails>(lastOf(stored, "record_inquiry"))
      const officers = (inquiry.officers ?? []).map((o): OfficerData => ({ name: o.name, certificateNumber: o.badge }))
      return inquiryRecord({
        bureauName,
        number: null,
        date: inquiry.on ?? today,
        startTime: inquiry.startTime ?? "09:00",
        endTime: inquiry.endTime ?? "09:00",
        place: inquiry.place ?? "",
        inquirers: officers as unknown as readonly [OfficerData, OfficerData, ...Array<OfficerData>],
        recorder: inquiry.recorder ?? "",
        subject: {
          name: inquiry.person?.name ?? "",
          idNumber: inquiry.person?.idNumber ?? "",
          position: inquiry.person?.position ?? ""
        },
        caseName,
        recusalAnswer: "不申请回避。",
        exchanges: inquiry.questions ?? []
      })
    }
    case "penalty_notice": {
      const evidence = entriesOf(stored, "record_evidence").flatMap(
        (e) => detailsOf<{ items: ReadonlyArray<{ name: string; kind: string; source: string }> }>(e).items ?? []
      )
      const summary = String(detailsOf<{ summary: string }>(lastOf(stored, "assess")).summary ?? file.opening.summary)
      return penaltyNotice({
        bureauName,
        number: numbers["penalty_notice"] ?? null,
        date: file.events.noticeServedOn ?? today,
        party,
        facts: [summary],
        evidence: evidence.map((e) => `${e.name}（${e.kind}，来源：${e.source}）`),
        violatedArticles: [...new Set(items.flatMap((i) => i.citations))],
        basis: [...new Set(items.map((i) => `《医疗保障基金使用监督管理条例》${i.clause}`))],
        proposedPenalty: items.flatMap((i) => itemDecision(i)),
        statementDays: procedureLimitsOn(file.events.noticeServedOn ?? today).value.steps.statement.amount,
        hearingAvailable: assessment?.procedure.hearingRight === true,
        contact
      })
    }
    case "hearing_notice": {
      const scheduled = detailsOf<{ noticeSentOn: string; hearingOn: string; place: string; host: string }>(
        lastOf(stored, "schedule_hearing")
      )
      return hearingNotice({
        bureauName,
        number: numbers["hearing_notice"] ?? null,
        date: scheduled.noticeSentOn ?? today,
        party,
        caseName,
        requestedOn: file.events.hearingRequestedOn ?? null,
        hearing: { date: scheduled.hearingOn ?? today, time: "09:00", place: scheduled.place ?? "", public: true },
        hearingOfficer: scheduled.host ?? "",
        clerk: null,
        contact
      })
    }
    case "penalty_decision":
      return penaltyDecision({
        bureauName,
        number: numbers["penalty_decision"] ?? null,
        result: assessment!,
        party: {
          partyName: stored.institution.name,
          subjectKind: "institution",
          orgKind: stored.institution.orgKind,
          decisionDate: file.events.decidedOn ?? today
        },
        particulars: { code: stored.institution.code }
      })
    case "service_receipt": {
      const decided = file.events.decisionServedOn !== undefined
      const served = detailsOf<{ servedOn: string; method: string; recipient: string; servers: ReadonlyArray<string> }>(
        lastOf(stored, decided ? "serve_decision" : "serve_notice")
      )
      const servers = served.servers ?? file.officers
      return serviceReceipt({
        bureauName,
        number: null,
        documents: [
          decided
            ? { title: documentKindLabel.penalty_decision, number: numbers["penalty_decision"] ?? null }
            : { title: documentKindLabel.penalty_notice, number: numbers["penalty_notice"] ?? null }
        ],
        recipient: stored.institution.name,
        receivedBy: served.recipient ?? null,
        place: stored.institution.name,
        method: (served.method ?? "direct") as ServiceMethod,
        date: served.servedOn ?? today,
        servers: (servers.length > 0 ? servers : [stored.entries[0]!.actorName]) as unknown as readonly [
          string,
          ...Array<string>
        ]
      })
    }
    case "rectification_notice": {
      const decidedOn = file.events.decidedOn ?? today
      const problems =
        items.length > 0
          ? items.map(
              (i) => `${i.clause}：${String(detailsOf<{ summary: string }>(lastOf(stored, "assess")).summary ?? "")}`
            )
          : [file.opening.summary]
      return rectificationNotice({
        bureauName,
        number: null,
        date: decidedOn,
        institution: party,
        occasion: `${caseName}（${stored.number ?? ""}）`,
        problems: problems as unknown as readonly [string, ...Array<string>],
        basis: ["《医疗保障基金使用监督管理条例》第三十八条", "《医疗保障基金使用监督管理条例》第十五条"],
        deadline: addDays(decidedOn, rectificationDays),
        reportContents: ["问题整改情况及整改措施", "违规费用退回情况", "举一反三自查情况", "内部管理制度完善情况"],
        contact
      })
    }
  }
}

/** The document routes. */
export const documentRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db } = options
  const modelFor = async (request: Parameters<typeof requesterOf>[0], id: string, kind: CaseDocument) => {
    await caseWithinScope(db, request, id)
    const { stored, file } = await app.run(Application.Enforcement.viewCase({ caseId: id, ...requesterOf(request) }))
    const onsite = await inspectionOfCase(app, stored, file.opening)
    if (!documentAvailable(stored, file, kind, onsite))
      throw new Problem("DocumentNotReady", `本案尚未办理到出具「${documentKindLabel[kind]}」的环节`)
    // A 询问笔录 names the person questioned: masked unless the role may see it (the print is audited).
    const seen = entriesFor(stored.entries, currentUser(request).role)
    const model = buildCaseDocument({ ...stored, entries: seen.entries }, file, kind, bureauDate(options.now()), onsite)
    await recordAudit(db, requesterOf(request).actor, {
      action: "case.print",
      entityType: "case",
      entityId: id,
      details: { document: kind, number: model.number, unmasked: seen.unmasked }
    })
    return model
  }
  mount(app, Cases.caseDocumentHtml, async ({ params, request, reply }) => {
    const model = await modelFor(request, params.id, params.kind)
    return reply.header("content-type", "text/html; charset=utf-8").send(renderHtml(model))
  })
  mount(app, Cases.caseDocumentPdf, async ({ params, request, reply }) => {
    const model = await modelFor(request, params.id, params.kind)
    const pdf = await renderPdf(model)
    return reply
      .header("content-type", "application/pdf")
      .header("content-disposition", attachment(`${model.title}${model.number ? `-${model.number}` : ""}.pdf`))
      .send(Buffer.from(pdf))
  })
}
