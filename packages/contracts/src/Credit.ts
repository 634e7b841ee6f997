/**
 * Credit and points: registered practitioners and their 医保支付资格 points (医保发〔2024〕23号 🔶) with
 * the status those points bring on a day; an institution's credit record (events and counts — no
 * grade: none exists nationally ⚠️); joint-punishment notices (联合惩戒) to other departments; the
 * publication (曝光) of decisions, approved by a second person, and the public list of what is published.
 *
 * @since 0.5.0
 */
import { NoticeInput, PointEventInput, PractitionerInput, PublicationProposal } from "@fundguard/domain/credit"
import { TransferTarget } from "@fundguard/domain/penalty"
import * as Schema from "effect/Schema"
import { Id } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

const tags = ["credit"]
const IdParams = Schema.Struct({ id: Id })

/** Where a person's payment qualification stands today. @category models */
export const QualificationView = Schema.Struct({
  state: Schema.Literal("normal", "suspended", "terminated"),
  label: Schema.String,
  /** The consequence in force: its first and last day, and the day it is lifted. */
  from: Schema.NullOr(Schema.String),
  until: Schema.NullOr(Schema.String),
  liftedOn: Schema.NullOr(Schema.String),
  /** A termination from 12 points in one event (3 years without re-registration). */
  singleEvent: Schema.Boolean,
  yearPoints: Schema.Number,
  toSuspension: Schema.Number,
  toTermination: Schema.Number,
  /** A termination's bar has ended: the person must register again before practising under 医保. */
  mustReRegister: Schema.Boolean,
  /** Whether the fund settles the person's services today (急救、抢救 always). */
  fundSettles: Schema.Boolean
})

/** A practitioner in a list: name and national code masked without `personal-data:unmasked`. @category models */
export const PractitionerView = Schema.Struct({
  id: Schema.String,
  nationalCode: Schema.String,
  name: Schema.String,
  kind: Schema.String,
  kindLabel: Schema.String,
  institutionCode: Schema.String,
  institutionName: Schema.String,
  status: QualificationView
})

/** @category endpoints */
export const listPractitioners = endpoint({
  method: "GET",
  path: "/api/v1/practitioners",
  access: { permission: "credit:read" },
  tags,
  summary: "Registered practitioners (医保医师、药师等) within the caller's scope, with this year's points and status",
  success: json(Schema.Struct({ items: Schema.Array(PractitionerView), unmasked: Schema.Boolean }))
})

/** @category endpoints */
export const registerPractitioner = endpoint({
  method: "POST",
  path: "/api/v1/practitioners",
  access: { permission: "credit:record" },
  tags,
  summary: "Register a practitioner (登记备案) of an institution within the caller's scope",
  body: PractitionerInput,
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** A point event as listed. @category models */
export const PointEventView = Schema.Struct({
  id: Schema.String,
  decidedOn: Schema.String,
  points: Schema.Number,
  tierMin: Schema.Number,
  tierMax: Schema.Number,
  responsibility: Schema.String,
  responsibilityLabel: Schema.String,
  source: Schema.Literal("case", "agreement_measure"),
  sourceId: Schema.String,
  event: Schema.String,
  suspensionMonths: Schema.NullOr(Schema.Number),
  recordedByName: Schema.String
})

/** A consequence (暂停/终止) with its dates. @category models */
export const PeriodView = Schema.Struct({
  kind: Schema.Literal("suspension", "termination"),
  label: Schema.String,
  from: Schema.String,
  until: Schema.String,
  liftedOn: Schema.String,
  length: Schema.Number,
  singleEvent: Schema.Boolean,
  superseded: Schema.Boolean,
  yearTotal: Schema.Number,
  causeEventId: Schema.String
})

/** A practitioner's history. @category models */
export const PractitionerHistory = Schema.Struct({
  practitioner: PractitionerView,
  unmasked: Schema.Boolean,
  events: Schema.Array(PointEventView),
  years: Schema.Array(Schema.Struct({ year: Schema.Number, points: Schema.Number })),
  periods: Schema.Array(PeriodView),
  /** The begins and lifts the daily pass recorded. */
  transitions: Schema.Array(
    Schema.Struct({ kind: Schema.String, label: Schema.String, on: Schema.String, until: Schema.String })
  ),
  scheme: Schema.NullOr(
    Schema.Struct({
      id: Schema.String,
      name: Schema.String,
      effectiveFrom: Schema.String,
      suspensionMonths: Schema.Struct({ min: Schema.Number, max: Schema.Number, default: Schema.Number }),
      sources: Schema.Array(Schema.String),
      notes: Schema.Array(Schema.String)
    })
  )
})

/** @category endpoints */
export const practitionerHistory = endpoint({
  method: "GET",
  path: "/api/v1/practitioners/:id",
  access: { permission: "credit:read" },
  tags,
  summary: "A practitioner's points per event and per year, the consequences with their dates, and the status today",
  params: IdParams,
  success: json(PractitionerHistory)
})

/** @category endpoints */
export const recordPoints = endpoint({
  method: "POST",
  path: "/api/v1/practitioners/:id/points",
  access: { permission: "credit:record" },
  tags,
  summary:
    "Record 医保支付资格 points against a decided penalty case or agreement measure (违约金) of the person's institution",
  description:
    "The points must lie within the tier the source allows (the penalty engine's paymentQualificationPoints; 违约金: 1–3). 9 points in a calendar year suspend the qualification for 1–6 months (suspensionMonths; default 1 ⚠️), 12 terminate it (1 year without re-registration; 12 in one event: 3 years).",
  params: IdParams,
  body: PointEventInput,
  success: json(Schema.Struct({ id: Schema.String, status: QualificationView }), 201)
})

/** An institution's credit record. @category models */
export const InstitutionCredit = Schema.Struct({
  institution: Schema.Struct({ code: Schema.String, name: Schema.String }),
  events: Schema.Array(
    Schema.Struct({
      kind: Schema.String,
      label: Schema.String,
      on: Schema.String,
      title: Schema.String,
      sourceId: Schema.String
    })
  ),
  counts: Schema.Array(Schema.Struct({ kind: Schema.String, label: Schema.String, count: Schema.Number })),
  byYear: Schema.Array(
    Schema.Struct({
      year: Schema.Number,
      counts: Schema.Array(Schema.Struct({ kind: Schema.String, label: Schema.String, count: Schema.Number }))
    })
  ),
  practitioners: Schema.Array(PractitionerView),
  /** Why no grade is shown. */
  gradeNote: Schema.String
})

/** @category endpoints */
export const institutionCredit = endpoint({
  method: "GET",
  path: "/api/v1/institutions/:code/credit",
  access: { permission: "credit:read" },
  tags,
  summary:
    "An institution's credit record: penalty decisions, agreement measures, inspection findings, rectifications overdue or failed, staff points, notices, publications",
  params: Schema.Struct({ code: Id }),
  success: json(InstitutionCredit)
})

/** A joint-punishment notice. @category models */
export const NoticeView = Schema.Struct({
  id: Schema.String,
  department: TransferTarget,
  departmentLabel: Schema.String,
  subject: Schema.Literal("institution", "practitioner"),
  subjectId: Schema.String,
  subjectName: Schema.String,
  institutionCode: Schema.String,
  caseId: Schema.NullOr(Schema.String),
  reason: Schema.String,
  request: Schema.String,
  issuedOn: Schema.String,
  issuedByName: Schema.String
})

/** @category endpoints */
export const listNotices = endpoint({
  method: "GET",
  path: "/api/v1/joint-punishment-notices",
  access: { permission: "credit:read" },
  tags,
  summary: "Joint-punishment notices (联合惩戒) sent to other departments, within the caller's scope",
  success: json(Schema.Struct({ items: Schema.Array(NoticeView) }))
})

/** @category endpoints */
export const issueNotice = endpoint({
  method: "POST",
  path: "/api/v1/joint-punishment-notices",
  access: { permission: "credit:record" },
  tags,
  summary:
    "Send a joint-punishment notice naming an institution (with its decided case) or a suspended/terminated person",
  body: NoticeInput,
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** A publication as the bureau sees it. @category models */
export const PublicationView = Schema.Struct({
  id: Schema.String,
  caseId: Schema.String,
  institutionCode: Schema.String,
  institutionName: Schema.String,
  status: Schema.Literal("proposed", "published"),
  title: Schema.String,
  summary: Schema.String,
  proposedByName: Schema.String,
  proposedOn: Schema.String,
  approvedByName: Schema.NullOr(Schema.String),
  publishedOn: Schema.NullOr(Schema.String),
  publicTitle: Schema.NullOr(Schema.String),
  publicSummary: Schema.NullOr(Schema.String)
})

/** @category endpoints */
export const listPublications = endpoint({
  method: "GET",
  path: "/api/v1/publications",
  access: { permission: "credit:read" },
  tags,
  summary: "Publications (曝光) proposed and published, within the caller's scope",
  success: json(Schema.Struct({ items: Schema.Array(PublicationView) }))
})

/** @category endpoints */
export const proposePublication = endpoint({
  method: "POST",
  path: "/api/v1/publications",
  access: { permission: "credit:record" },
  tags,
  summary: "Propose the publication of a decided penalty case with social impact (行政处罚法第四十八条)",
  body: PublicationProposal,
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** @category endpoints */
export const approvePublication = endpoint({
  method: "POST",
  path: "/api/v1/publications/:id/approval",
  access: { permission: "cases:approve" },
  tags,
  summary:
    "Approve and publish (by someone other than the proposer); names and identifiers are masked in what is published",
  params: IdParams,
  success: { status: 204 }
})

/** What the public sees. @category models */
export const ExposureView = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  summary: Schema.String,
  institutionName: Schema.String,
  decisionNumber: Schema.NullOr(Schema.String),
  publishedOn: Schema.String
})

/** @category endpoints */
export const publicExposures = endpoint({
  method: "GET",
  path: "/api/v1/public/exposures",
  access: { public: true },
  tags,
  summary: "Published decisions (曝光台), read-only and open to the public; personal names and identifiers masked",
  success: json(Schema.Struct({ items: Schema.Array(ExposureView) }))
})
