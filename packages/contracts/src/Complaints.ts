/**
 * Complaints and tips (举报投诉) and rewards (举报奖励): intake, the national channel's export,
 * triage, a complaint opened as a case, the outcome and the reply, retaliation, the informant's
 * identity (masked; revealed only to `informants:reveal`, each reveal audited), and rewards through
 * 初审 → 复审 → 审批 by three different people, then paid. Within the caller's scope: a complaint
 * about an institution outside it is answered as not found; one about no institution is bureau-wide.
 *
 * @since 0.5.0
 */
import {
  ComplaintChannel,
  ComplaintIntake,
  ComplaintOutcome,
  ComplaintReply,
  ComplaintStatus,
  RetaliationReport,
  RewardPayment,
  RewardProposal,
  TriageDecision
} from "@fundguard/domain/complaints"
import * as Schema from "effect/Schema"
import { Id, Remark, Text } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

const tags = ["complaints"]
const IdParams = Schema.Struct({ id: Id })

/** The informant as shown: masked by default, in clear only in a reveal's answer. @category models */
export const InformantView = Schema.Struct({
  anonymous: Schema.Boolean,
  name: Schema.optional(Schema.String),
  phone: Schema.optional(Schema.String),
  idNumber: Schema.optional(Schema.String),
  address: Schema.optional(Schema.String)
})

/** A deadline of a complaint with where it stands today. @category models */
export const ComplaintDeadlineView = Schema.Struct({
  step: Schema.Literal("acceptance", "handling", "reply"),
  label: Schema.String,
  from: Schema.String,
  dueOn: Schema.String,
  doneOn: Schema.NullOr(Schema.String),
  state: Schema.Literal("open", "overdue", "met", "late"),
  basis: Schema.String,
  confidence: Schema.String,
  provisional: Schema.Boolean
})

/** A reward with who took each step. @category models */
export const RewardView = Schema.Struct({
  id: Schema.String,
  status: Schema.Literal("proposed", "reviewed", "approved", "paid", "rejected"),
  statusLabel: Schema.String,
  amount: Schema.Number,
  caseValue: Schema.Number,
  insider: Schema.Boolean,
  basis: Schema.String,
  proposedByName: Schema.String,
  proposedOn: Schema.String,
  reviewedByName: Schema.NullOr(Schema.String),
  reviewedOn: Schema.NullOr(Schema.String),
  approvedByName: Schema.NullOr(Schema.String),
  approvedOn: Schema.NullOr(Schema.String),
  rejectedByName: Schema.NullOr(Schema.String),
  rejectReason: Schema.NullOr(Schema.String),
  paidOn: Schema.NullOr(Schema.String),
  paidAmount: Schema.NullOr(Schema.Number),
  paymentMethod: Schema.NullOr(Schema.String),
  paymentReference: Schema.NullOr(Schema.String)
})

/** A complaint in the list (no identity at all). @category models */
export const ComplaintSummary = Schema.Struct({
  id: Schema.String,
  number: Schema.String,
  channel: ComplaintChannel,
  channelLabel: Schema.String,
  receivedOn: Schema.String,
  subjectKind: Schema.Literal("institution", "person"),
  institutionCode: Schema.NullOr(Schema.String),
  institutionName: Schema.NullOr(Schema.String),
  personName: Schema.NullOr(Schema.String),
  content: Schema.String,
  amountInvolved: Schema.NullOr(Schema.Number),
  anonymous: Schema.Boolean,
  status: ComplaintStatus,
  statusLabel: Schema.String,
  caseId: Schema.NullOr(Schema.String),
  outcome: Schema.NullOr(Schema.Literal("verified", "unfounded")),
  retaliation: Schema.Boolean,
  /** The next deadline not met, if any, and whether it is past. */
  nextDue: Schema.NullOr(Schema.Struct({ label: Schema.String, dueOn: Schema.String, overdue: Schema.Boolean }))
})

/** A complaint as its handler sees it. @category models */
export const ComplaintView = Schema.Struct({
  ...ComplaintSummary.fields,
  externalRef: Schema.NullOr(Schema.String),
  subjectDescription: Schema.NullOr(Schema.String),
  triagedOn: Schema.NullOr(Schema.String),
  triageReason: Schema.NullOr(Schema.String),
  forwardTo: Schema.NullOr(Schema.String),
  mergedInto: Schema.NullOr(Schema.String),
  outcomeOn: Schema.NullOr(Schema.String),
  verifiedAmount: Schema.NullOr(Schema.Number),
  outcomeNote: Schema.NullOr(Schema.String),
  repliedOn: Schema.NullOr(Schema.String),
  retaliations: Schema.Array(Schema.Struct({ on: Schema.String, by: Schema.String, description: Schema.String })),
  informant: InformantView,
  deadlines: Schema.Array(ComplaintDeadlineView),
  rewards: Schema.Array(RewardView)
})

/** @category endpoints */
export const listComplaints = endpoint({
  method: "GET",
  path: "/api/v1/complaints",
  access: { permission: "complaints:read" },
  tags,
  summary: "Complaints and tips (举报投诉) within the caller's scope, newest first, with the next deadline",
  success: json(Schema.Struct({ items: Schema.Array(ComplaintSummary) }))
})

/** @category endpoints */
export const intakeComplaint = endpoint({
  method: "POST",
  path: "/api/v1/complaints",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Record a complaint received by web form, phone (电话记录), letter or visit",
  description: "The informant's identity is stored apart from the complaint and never shown unmasked in lists.",
  body: ComplaintIntake,
  success: json(Schema.Struct({ id: Schema.String, number: Schema.String }), 201)
})

/** The columns of the national export as FundGuard documents them. @category models */
export const ImportColumn = Schema.Struct({
  name: Schema.String,
  label: Schema.String,
  required: Schema.Boolean,
  confidence: Schema.String
})

/** @category endpoints */
export const importFormat = endpoint({
  method: "GET",
  path: "/api/v1/complaints/import-format",
  access: { permission: "complaints:read" },
  tags,
  summary: "The import format of the national channel's export (FundGuard's own, ⚠️ the national format is not known)",
  success: json(Schema.Struct({ columns: Schema.Array(ImportColumn) }))
})

/** @category endpoints */
export const importComplaints = endpoint({
  method: "POST",
  path: "/api/v1/complaints/import",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Import the national platform's complaint export (CSV or JSON): the whole file or nothing",
  description: "Every bad line is refused with `errors` naming `file:line:column`; nothing is written then.",
  body: Schema.Struct({
    fileName: Text(200, { min: 1 }),
    format: Schema.Literal("csv", "json"),
    content: Text(5_000_000, { min: 1 })
  }),
  bodyLimit: 16 * 1024 * 1024,
  success: json(Schema.Struct({ imported: Schema.Number }), 201)
})

/** @category endpoints */
export const getComplaint = endpoint({
  method: "GET",
  path: "/api/v1/complaints/:id",
  access: { permission: "complaints:read" },
  tags,
  summary: "A complaint with its deadlines (受理、办理、告知), the informant masked, and its rewards",
  params: IdParams,
  success: json(ComplaintView)
})

/** @category endpoints */
export const triageComplaint = endpoint({
  method: "POST",
  path: "/api/v1/complaints/:id/triage",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Accept, not accept (with the reason), forward (not ours) or merge a received complaint",
  params: IdParams,
  body: TriageDecision,
  success: { status: 204 }
})

/** @category endpoints */
export const openCase = endpoint({
  method: "POST",
  path: "/api/v1/complaints/:id/case",
  access: { permission: "cases:handle" },
  tags,
  summary: "Open an accepted complaint about an institution as a case (登记案源, source 举报投诉)",
  params: IdParams,
  body: Schema.Struct({ summary: Schema.optional(Text(5000, { min: 1 })) }),
  success: json(Schema.Struct({ caseId: Schema.String }), 201)
})

/** @category endpoints */
export const recordOutcome = endpoint({
  method: "POST",
  path: "/api/v1/complaints/:id/outcome",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Record the handling's result: verified (查实, with the amount found) or unfounded",
  params: IdParams,
  body: ComplaintOutcome,
  success: { status: 204 }
})

/** @category endpoints */
export const recordReply = endpoint({
  method: "POST",
  path: "/api/v1/complaints/:id/reply",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Record the reply to a real-name informant (告知举报人)",
  params: IdParams,
  body: ComplaintReply,
  success: { status: 204 }
})

/** @category endpoints */
export const recordRetaliation = endpoint({
  method: "POST",
  path: "/api/v1/complaints/:id/retaliation",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Record retaliation against the informant (打击报复举报人): an aggravating factor of the case",
  params: IdParams,
  body: RetaliationReport,
  success: { status: 204 }
})

/** @category endpoints */
export const revealInformant = endpoint({
  method: "POST",
  path: "/api/v1/complaints/:id/informant/reveal",
  access: { permission: "informants:reveal" },
  tags,
  summary: "Reveal the informant's identity (named roles only), with the reason; the reveal is audited",
  params: IdParams,
  body: Schema.Struct({ reason: Text(500, { min: 2 }) }),
  success: json(InformantView)
})

/** @category endpoints */
export const proposeReward = endpoint({
  method: "POST",
  path: "/api/v1/complaints/:id/rewards",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Propose a reward (初审) on a verified complaint whose case is decided, within the national bounds",
  params: IdParams,
  body: RewardProposal,
  success: json(Schema.Struct({ id: Schema.String, amount: Schema.Number }), 201)
})

const Note = Schema.Struct({ note: Remark.pipe(Schema.minLength(1, { message: () => "不得为空" })) })

/** @category endpoints */
export const reviewReward = endpoint({
  method: "POST",
  path: "/api/v1/complaint-rewards/:id/review",
  access: { permission: "complaints:handle" },
  tags,
  summary: "复审 a proposed reward: not by its proposer",
  params: IdParams,
  body: Note,
  success: { status: 204 }
})

/** @category endpoints */
export const approveReward = endpoint({
  method: "POST",
  path: "/api/v1/complaint-rewards/:id/approval",
  access: { permission: "cases:approve" },
  tags,
  summary: "审批 a reviewed reward: by a third person (the bureau's head)",
  params: IdParams,
  body: Note,
  success: { status: 204 }
})

/** @category endpoints */
export const returnReward = endpoint({
  method: "POST",
  path: "/api/v1/complaint-rewards/:id/return",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Return (退回) a reward at 复审 or 审批, with the reason; a new proposal may follow",
  params: IdParams,
  body: Note,
  success: { status: 204 }
})

/** @category endpoints */
export const payReward = endpoint({
  method: "POST",
  path: "/api/v1/complaint-rewards/:id/payment",
  access: { permission: "complaints:handle" },
  tags,
  summary: "Record the payment of an approved reward: date, the approved amount, method, voucher",
  params: IdParams,
  body: RewardPayment,
  success: { status: 204 }
})
