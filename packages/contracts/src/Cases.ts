/**
 * Cases (案件): the list, proposals from confirmed leads, opening a case, one case with its
 * timeline, deadlines, ledgers and documents, the steps of the procedure, and the documents as
 * printable HTML and PDF.
 *
 * @since 0.4.0
 */
import { CaseAction, CaseOpening, CaseSource, CaseStatus, Ledger } from "@fundguard/domain/enforcement"
import * as Schema from "effect/Schema"
import { DateText, Id, Instant, optional, Paging, Revision } from "./Bounded.js"
import { endpoint, file, json } from "./Endpoint.js"

const tags = ["cases"]

/** A case in a list. @category models */
export const CaseSummary = Schema.Struct({
  id: Schema.String,
  number: Schema.NullOr(Schema.String),
  institutionCode: Schema.String,
  institutionName: Schema.String,
  source: CaseSource,
  status: CaseStatus,
  statusLabel: Schema.String,
  summary: Schema.String,
  discoveredOn: Schema.String,
  /** The bureau's next open deadline and its step. */
  nextDueOn: Schema.NullOr(Schema.String),
  nextDueStep: Schema.NullOr(Schema.String),
  overdue: Schema.Boolean,
  openedByName: Schema.String,
  createdAt: Instant
})
/** @category models */
export type CaseSummary = typeof CaseSummary.Type

/** @category endpoints */
export const listCases = endpoint({
  method: "GET",
  path: "/api/v1/cases",
  access: { permission: "cases:read" },
  tags,
  summary: "List cases (案件) within the caller's scope, newest first, with their next deadline",
  query: Schema.Struct({
    status: optional(CaseStatus),
    /** Only cases whose next deadline is on or before this day (yyyy-MM-dd), soonest first: the reminders. */
    dueBy: optional(DateText),
    ...Paging.fields
  }),
  success: json(Schema.Struct({ items: Schema.Array(CaseSummary), total: Schema.Number }))
})

/** Confirmed leads not yet in a case, grouped into proposed cases. @category models */
export const CaseProposal = Schema.Struct({
  institutionCode: Schema.String,
  institutionName: Schema.String,
  leads: Schema.Array(Schema.String),
  violations: Schema.Array(Schema.Struct({ code: Schema.String, amount: Schema.Number, leads: Schema.Number })),
  amount: Schema.Number,
  from: Schema.NullOr(Schema.String),
  to: Schema.NullOr(Schema.String),
  /** The day the first of the leads was approved: the discovery date the 15-working-day filing limit counts from. */
  discoveredOn: Schema.String,
  /** Finished inspections of the institution, newest first: the case keeps their records. */
  inspections: Schema.Array(Schema.Struct({ id: Schema.String, finishedOn: Schema.NullOr(Schema.String) }))
})

/** @category endpoints */
export const listProposals = endpoint({
  method: "GET",
  path: "/api/v1/cases/proposals",
  access: { permission: "cases:read" },
  tags,
  summary: "Confirmed leads (确认立案查处) not yet in a case, grouped by institution (线索并案)",
  success: json(Schema.Struct({ items: Schema.Array(CaseProposal) }))
})

/** @category endpoints */
export const openCase = endpoint({
  method: "POST",
  path: "/api/v1/cases",
  access: { permission: "cases:handle" },
  tags,
  summary: "Open a case (登记案源) on confirmed leads, an inspection, a complaint or a transfer",
  description:
    "Errors: 400 with every problem named (unknown institution; leads not confirmed for 立案, of another institution or already in a case); 403 an institution outside the caller's scope.",
  body: CaseOpening,
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** One entry of the case's timeline. @category models */
export const CaseTimelineEntry = Schema.Struct({
  revision: Schema.Number,
  action: Schema.String,
  label: Schema.String,
  actorName: Schema.String,
  recordedOn: Schema.String,
  details: Schema.Unknown,
  documentNumber: Schema.NullOr(Schema.String)
})

/** One deadline of the case. @category models */
export const CaseDeadlineView = Schema.Struct({
  step: Schema.String,
  label: Schema.String,
  by: Schema.Literal("bureau", "party"),
  dueOn: Schema.String,
  doneOn: Schema.NullOr(Schema.String),
  state: Schema.Literal("met", "met_late", "open", "overdue", "used", "passed"),
  basis: Schema.String,
  confidence: Schema.String,
  /** The date falls in a year whose holidays are not yet published: counted with weekends only. */
  provisional: Schema.Boolean
})

/** A document of the case: available once the step that issues it is reached. @category models */
export const CaseDocumentView = Schema.Struct({
  kind: Schema.String,
  label: Schema.String,
  number: Schema.NullOr(Schema.String),
  available: Schema.Boolean
})

/** One case with everything its page shows. @category models */
export const CaseDetail = Schema.Struct({
  ...CaseSummary.fields,
  revision: Schema.Number,
  institution: Schema.Struct({
    code: Schema.String,
    name: Schema.String,
    orgKind: Schema.String,
    admdvs: Schema.String
  }),
  references: Schema.Array(Schema.String),
  timeline: Schema.Array(CaseTimelineEntry),
  deadlines: Schema.Array(CaseDeadlineView),
  calendarProblem: Schema.NullOr(Schema.String),
  offered: Schema.Array(Schema.Struct({ action: CaseAction, label: Schema.String })),
  /** The engine's assessment on the case's facts (`penalty-assessment.md`), once made. */
  assessment: Schema.NullOr(Schema.Unknown),
  ledgers: Schema.Array(
    Schema.Struct({
      ledger: Ledger,
      label: Schema.String,
      due: Schema.Number,
      paid: Schema.Number,
      outstanding: Schema.Number
    })
  ),
  /** Who holds which level of which controlled matter (不相容岗位分离). */
  control: Schema.Array(
    Schema.Struct({ matter: Schema.String, level: Schema.String, label: Schema.String, actorName: Schema.String })
  ),
  documents: Schema.Array(CaseDocumentView)
})
/** @category models */
export type CaseDetail = typeof CaseDetail.Type

const CaseParams = Schema.Struct({ id: Id })

/** @category endpoints */
export const getCase = endpoint({
  method: "GET",
  path: "/api/v1/cases/:id",
  access: { permission: "cases:read" },
  tags,
  summary: "One case: timeline, deadlines, ledgers, documents and the steps the caller may take",
  params: CaseParams,
  success: json(CaseDetail)
})

/** @category endpoints */
export const takeCaseStep = endpoint({
  method: "POST",
  path: "/api/v1/cases/:id/steps",
  access: { permission: "cases:handle" },
  tags,
  summary: "Take a step of the procedure (立案、调查、告知、听证、审核、决定、送达、缴款、结案)",
  description:
    "`input` is the step's own record (see `caseStepInputs` of @fundguard/domain/enforcement and docs/domain/procedure.md). Errors: 400 the input (problems name the field); 403 role; 404 a case outside the caller's scope; 409 the case changed (stale revision), its status does not allow the step, a gate of the law (the party's windows, hearing, legal review, collective discussion, unpaid money) or 不相容岗位分离 refuses it.",
  params: CaseParams,
  body: Schema.Struct({ action: CaseAction, revision: Revision, input: Schema.Unknown }),
  success: json(
    Schema.Struct({
      id: Schema.String,
      status: CaseStatus,
      revision: Schema.Number,
      documentNumber: Schema.NullOr(Schema.String)
    })
  )
})

const DocumentParams = Schema.Struct({
  id: Id,
  kind: Schema.Literal(
    "filing_approval",
    "onsite_record",
    "inquiry_record",
    "penalty_notice",
    "hearing_notice",
    "penalty_decision",
    "service_receipt",
    "rectification_notice"
  )
})

/** @category endpoints */
export const caseDocumentHtml = endpoint({
  method: "GET",
  path: "/api/v1/cases/:id/documents/:kind",
  access: { permission: "cases:read" },
  tags,
  summary: "A document of the case (执法文书) as printable HTML with a print stylesheet",
  description:
    "409 (DocumentNotReady) when the case has not reached the step that makes the document; 404 a case outside the caller's scope. Every print is audited.",
  params: DocumentParams,
  success: file("text/html; charset=utf-8")
})

/** @category endpoints */
export const caseDocumentPdf = endpoint({
  method: "GET",
  path: "/api/v1/cases/:id/documents/:kind/pdf",
  access: { permission: "cases:read" },
  tags,
  summary: "A document of the case as PDF (A4, Chinese font embedded; produced offline)",
  params: DocumentParams,
  success: file("application/pdf")
})
