/**
 * Transfers (移送) with other departments over HTTP: the bureau's side (draft, approve, send, the ledger
 * and its yearly report), the department API (its inbox: receipt, supplement, result, documents, and
 * sending a transfer to the bureau), and the departments' API clients.
 *
 * @since 0.5.0
 */
import {
  Department,
  DepartmentClient,
  IncomingTransfer,
  NewDepartmentClient,
  TransferDirection,
  TransferDraft,
  TransferMaterial,
  TransferStep
} from "@fundguard/domain/departments"
import { isoDate } from "@fundguard/domain/kernel"
import * as Schema from "effect/Schema"
import { Id, Revision } from "./Bounded.js"
import { endpoint, file, json, noContent } from "./Endpoint.js"

const tags = ["transfers"]
const YearParams = Schema.Struct({
  year: Schema.NumberFromString.pipe(Schema.int(), Schema.between(2000, 2100)).annotations({
    message: () => ({ message: "年度须为 2000 至 2100 之间的四位整数", override: true })
  })
})
const departmentTags = ["department-api"]
const IdParams = Schema.Struct({ id: Id })

/** A deadline of a transfer. @category models */
export const TransferDeadlineView = Schema.Struct({
  key: Schema.String,
  label: Schema.String,
  by: Schema.Literal("bureau", "department"),
  dueOn: Schema.String,
  dueAt: Schema.NullOr(Schema.String),
  doneOn: Schema.NullOr(Schema.String),
  state: Schema.Literal("met", "met_late", "open", "overdue", "used", "passed"),
  basis: Schema.String,
  confidence: Schema.String,
  /** Past the years the holiday calendar covers: counted with weekends only. */
  provisional: Schema.Boolean
})

/** A step taken. @category models */
export const TransferEventView = Schema.Struct({
  kind: Schema.String,
  label: Schema.String,
  step: TransferStep,
  at: Schema.String,
  on: Schema.String,
  actorName: Schema.String,
  side: Schema.Literal("bureau", "department")
})

/** A transfer in a list. @category models */
export const TransferSummary = Schema.Struct({
  id: Schema.String,
  number: Schema.NullOr(Schema.String),
  direction: TransferDirection,
  directionLabel: Schema.String,
  department: Department,
  departmentLabel: Schema.String,
  institutionCode: Schema.NullOr(Schema.String),
  subject: Schema.String,
  caseId: Schema.NullOr(Schema.String),
  status: Schema.String,
  statusLabel: Schema.String,
  createdOn: Schema.String,
  sentOn: Schema.NullOr(Schema.String),
  /** The earliest open or overdue deadline of either side. */
  nextDeadline: Schema.NullOr(TransferDeadlineView),
  overdue: Schema.Boolean
})
/** @category models */
export type TransferSummary = typeof TransferSummary.Type

/** A transfer as its sender and receiver see it. @category models */
export const TransferView = Schema.Struct({
  ...TransferSummary.fields,
  region: Schema.String,
  institutionName: Schema.NullOr(Schema.String),
  decisionDate: Schema.NullOr(Schema.String),
  discoveredOn: Schema.NullOr(Schema.String),
  violations: Schema.Array(Schema.Struct({ code: Schema.String, behaviour: Schema.String })),
  listItems: Schema.Array(Schema.Struct({ item: Schema.Number, text: Schema.String })),
  facts: Schema.String,
  amount: Schema.NullOr(Schema.Number),
  officers: Schema.Array(Schema.String),
  materials: Schema.Array(TransferMaterial),
  missingMaterials: Schema.Array(Schema.String),
  requiredMaterials: Schema.Array(Schema.Struct({ kind: Schema.String, label: Schema.String, always: Schema.Boolean })),
  createdByName: Schema.String,
  revision: Schema.Number,
  events: Schema.Array(TransferEventView),
  deadlines: Schema.Array(TransferDeadlineView),
  basis: Schema.String,
  sources: Schema.Array(Schema.String),
  /** The receiver may not refuse for incomplete materials (and the basis), or null where no rule says so. */
  noRefusal: Schema.NullOr(Schema.String),
  /** The steps the caller's side may take now. */
  nextSteps: Schema.Array(Schema.Struct({ kind: Schema.String, label: Schema.String }))
})
/** @category models */
export type TransferView = typeof TransferView.Type

const TransferQuery = Schema.Struct({
  department: Schema.optional(Department),
  direction: Schema.optional(TransferDirection),
  caseId: Schema.optional(Id)
})

const StepBody = Schema.Struct({ revision: Revision, step: TransferStep }).annotations({
  identifier: "TransferStepBody",
  examples: [
    { revision: 2, step: { _tag: "receive", signedBy: "县卫健委 刘某" } },
    { revision: 3, step: { _tag: "request_supplement", missing: ["检验报告"], note: "请补正检验报告" } },
    { revision: 4, step: { _tag: "result", outcome: "disciplined", summary: "对涉事医师给予警告处分" } }
  ]
})

/** @category endpoints */
export const listTransfers = endpoint({
  method: "GET",
  path: "/api/v1/transfers",
  access: { permission: "transfers:read" },
  tags,
  summary: "The transfer ledger (移送台账) within the caller's scope: outgoing and incoming, newest first",
  query: TransferQuery,
  success: json(Schema.Struct({ items: Schema.Array(TransferSummary) }))
})

/** @category endpoints */
export const draftTransfer = endpoint({
  method: "POST",
  path: "/api/v1/transfers",
  access: { permission: "transfers:handle" },
  tags,
  summary: "Draft an outgoing transfer (移送报告) for the head's approval",
  description:
    "To the police (涉嫌犯罪: ≥ 2 officers, the 国务院令第310号 document set), the health commission, the discipline commission or market regulation.",
  body: TransferDraft.annotations({
    examples: [
      {
        department: "health_commission",
        institutionCode: "H50023500001",
        caseId: "0b6c1a52-0000-4000-8000-000000000001",
        decisionDate: isoDate("2025-11-14"),
        violations: ["A38-2-OVER_EXAMINATION"],
        listItems: [4, 5],
        facts: "2025年1—9月无指征开展CT检查312人次",
        amount: 48_200,
        officers: ["王稽核", "张稽核"],
        materials: [
          { kind: "transfer_letter", title: "医保基金使用违法违规案件移送书", pages: 2 },
          { kind: "evidence", title: "违法违规明细及证据材料", pages: 36 }
        ]
      }
    ]
  }),
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** @category endpoints */
export const recordIncomingTransfer = endpoint({
  method: "POST",
  path: "/api/v1/transfers/incoming",
  access: { permission: "transfers:handle" },
  tags,
  summary: "Record a transfer received on paper from another department (登记来函)",
  body: Schema.Struct({ department: Department, transfer: IncomingTransfer }),
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** @category endpoints */
export const getTransfer = endpoint({
  method: "GET",
  path: "/api/v1/transfers/:id",
  access: { permission: "transfers:read" },
  tags,
  summary: "A transfer with its history, deadlines and the steps the bureau may take",
  params: IdParams,
  success: json(TransferView)
})

/** @category endpoints */
export const takeTransferStep = endpoint({
  method: "POST",
  path: "/api/v1/transfers/:id/steps",
  access: { permission: "transfers:handle" },
  tags,
  summary: "Take the bureau's step on a transfer (approve/reject: the head only; send; supplement; receipt …)",
  params: IdParams,
  body: StepBody,
  success: json(Schema.Struct({ status: Schema.String }))
})

/** @category endpoints */
export const openCaseFromTransfer = endpoint({
  method: "POST",
  path: "/api/v1/transfers/:id/case",
  access: { permission: "transfers:handle" },
  tags,
  summary: "Open a case (案源: 其他部门移送) on an incoming transfer the bureau has signed for",
  params: IdParams,
  body: Schema.Struct({ revision: Revision }),
  success: json(Schema.Struct({ caseId: Schema.String }), 201)
})

/** The documents of a transfer. @category models */
export const TransferDocumentKind = Schema.Literal("letter", "receipt")

const DocumentQuery = Schema.Struct({
  /** The letter (default) or the receipt. */
  kind: Schema.optional(TransferDocumentKind),
  format: Schema.optional(Schema.Literal("pdf", "html"))
})

/** @category endpoints */
export const transferDocument = endpoint({
  method: "GET",
  path: "/api/v1/transfers/:id/document",
  access: { permission: "transfers:read" },
  tags,
  summary: "The transfer letter (移送书) or the receipt (回执), as PDF (default) or printable HTML",
  params: IdParams,
  query: DocumentQuery,
  success: file("application/pdf")
})

/** @category endpoints */
export const transferReport = endpoint({
  method: "GET",
  path: "/api/v1/transfer-reports/:year",
  access: { permission: "transfers:read" },
  tags,
  summary: "The yearly transfer report (.xlsx) generated from the ledger: a department's transfers sent that year",
  params: YearParams,
  query: Schema.Struct({ department: Schema.optional(Department) }),
  success: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
})

/** @category endpoints */
export const submitTransferReport = endpoint({
  method: "POST",
  path: "/api/v1/transfer-reports/:year/submit",
  access: { permission: "transfers:handle" },
  tags,
  summary: "Generate the yearly report from the ledger and record it as the reporting duty's completion",
  params: YearParams,
  body: Schema.Struct({ department: Department }),
  success: json(
    Schema.Struct({
      rows: Schema.Number,
      sha256: Schema.String,
      /** The duty task it completed, or null when no open reporting task was due for that year. */
      taskId: Schema.NullOr(Schema.String)
    })
  )
})

// The department API.

/** @category endpoints */
export const inbox = endpoint({
  method: "GET",
  path: "/api/v1/inbox/transfers",
  access: { permission: "department:inbox" },
  tags: departmentTags,
  summary: "Transfers addressed to the caller's department or sent by it",
  query: Schema.Struct({ direction: Schema.optional(TransferDirection) }),
  success: json(Schema.Struct({ items: Schema.Array(TransferSummary) }))
})

/** @category endpoints */
export const inboxTransfer = endpoint({
  method: "GET",
  path: "/api/v1/inbox/transfers/:id",
  access: { permission: "department:inbox" },
  tags: departmentTags,
  summary: "One of the department's transfers (another department's is not found)",
  params: IdParams,
  success: json(TransferView)
})

/** @category endpoints */
export const sendToBureau = endpoint({
  method: "POST",
  path: "/api/v1/inbox/transfers",
  access: { permission: "department:inbox" },
  tags: departmentTags,
  summary: "Send the bureau a transfer (e.g. 卫健 → 医保 under seed 004 §二(二)); the bureau must sign the receipt",
  body: IncomingTransfer.annotations({
    examples: [
      {
        number: "奉卫移〔2025〕3号",
        institutionCode: "H50023500001",
        discoveredOn: isoDate("2025-11-18"),
        violations: ["A38-1-BED_HANGING"],
        listItems: [1],
        facts: "行业检查发现住院患者3人不在床",
        materials: [{ kind: "transfer_letter", title: "移送书", pages: 1 }]
      }
    ]
  }),
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** @category endpoints */
export const inboxStep = endpoint({
  method: "POST",
  path: "/api/v1/inbox/transfers/:id/steps",
  access: { permission: "department:inbox" },
  tags: departmentTags,
  summary:
    "Take the department's step: sign the receipt (回执), request materials (after signing: never a refusal), answer with the result, supplement what the bureau asked for",
  params: IdParams,
  body: StepBody,
  success: json(Schema.Struct({ status: Schema.String }))
})

/** @category endpoints */
export const inboxDocument = endpoint({
  method: "GET",
  path: "/api/v1/inbox/transfers/:id/document",
  access: { permission: "department:inbox" },
  tags: departmentTags,
  summary: "Download the transfer letter (移送书) or the receipt (回执) of one of the department's transfers",
  params: IdParams,
  query: DocumentQuery,
  success: file("application/pdf")
})

/** A joint-punishment notice (联合惩戒) addressed to a department. @category models */
export const NoticeView = Schema.Struct({
  id: Schema.String,
  subject: Schema.Literal("institution", "practitioner"),
  subjectName: Schema.String,
  institutionCode: Schema.String,
  reason: Schema.String,
  request: Schema.String,
  issuedOn: Schema.String,
  issuedByName: Schema.String
})

/** @category endpoints */
export const inboxNotices = endpoint({
  method: "GET",
  path: "/api/v1/inbox/notices",
  access: { permission: "department:inbox" },
  tags: departmentTags,
  summary: "Joint-punishment notices (联合惩戒) the bureau addressed to the caller's department, newest first",
  description:
    "The person or institution is named in full: the receiving department acts on them. Every read is audited.",
  success: json(Schema.Struct({ items: Schema.Array(NoticeView) }))
})

// API clients.

/** @category endpoints */
export const listClients = endpoint({
  method: "GET",
  path: "/api/v1/department-clients",
  access: { permission: "departments:manage" },
  tags: departmentTags,
  summary: "Other departments' API clients (never their keys)",
  success: json(Schema.Struct({ items: Schema.Array(DepartmentClient) }))
})

const KeyAnswer = Schema.Struct({
  client: DepartmentClient,
  /** Shown once: only its hash is kept. Send it as `Authorization: Bearer <key>`. */
  key: Schema.String
})

/** @category endpoints */
export const createClient = endpoint({
  method: "POST",
  path: "/api/v1/department-clients",
  access: { permission: "departments:manage" },
  tags: departmentTags,
  summary: "Create a department's API client; the key is shown once",
  body: NewDepartmentClient,
  success: json(KeyAnswer, 201)
})

/** @category endpoints */
export const rotateClient = endpoint({
  method: "POST",
  path: "/api/v1/department-clients/:id/rotate",
  access: { permission: "departments:manage" },
  tags: departmentTags,
  summary: "Give a client a new key; the old one stops working at once",
  params: IdParams,
  success: json(KeyAnswer)
})

/** @category endpoints */
export const revokeClient = endpoint({
  method: "POST",
  path: "/api/v1/department-clients/:id/revoke",
  access: { permission: "departments:manage" },
  tags: departmentTags,
  summary: "Revoke a client for good",
  params: IdParams,
  success: noContent
})
