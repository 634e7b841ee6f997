/**
 * Follow-ups of a finding: the agreement track's measures (协议处理), rectification orders (整改) with
 * the problems common to several institutions (通报、举一反三), and self-inspection campaigns (自查自纠)
 * with each institution's report and the campaign's statistics form.
 *
 * @since 0.4.0
 */
import {
  AgreementAction,
  CampaignDefinition,
  MeasureProposal,
  RectificationIssue,
  ReportInput
} from "@fundguard/domain/enforcement"
import * as Schema from "effect/Schema"
import { DateText, Id, Instant, LongText, Remark } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

const tags = ["follow-up"]
const IdParams = Schema.Struct({ id: Id })

/** A measure of the agreement track. @category models */
export const MeasureView = Schema.Struct({
  id: Schema.String,
  institutionCode: Schema.String,
  institutionName: Schema.String,
  action: AgreementAction,
  label: Schema.String,
  status: Schema.Literal("proposed", "decided", "withdrawn"),
  reason: Schema.String,
  amount: Schema.NullOr(Schema.Number),
  requestedBy: Schema.NullOr(Schema.String),
  month: Schema.NullOr(Schema.String),
  caseId: Schema.NullOr(Schema.String),
  basis: Schema.String,
  hearFirst: Schema.Boolean,
  proposedByName: Schema.String,
  proposedOn: Schema.String,
  statement: Schema.NullOr(Schema.String),
  statementOn: Schema.NullOr(Schema.String),
  /** A fund-recovery measure (money moves) passes 复审 before its decision. */
  needsReview: Schema.Boolean,
  reviewedByName: Schema.NullOr(Schema.String),
  reviewedOn: Schema.NullOr(Schema.String),
  decidedByName: Schema.NullOr(Schema.String),
  decidedOn: Schema.NullOr(Schema.String),
  decision: Schema.NullOr(Schema.String)
})

/** @category endpoints */
export const listMeasures = endpoint({
  method: "GET",
  path: "/api/v1/agreement-measures",
  access: { permission: "cases:read" },
  tags,
  summary:
    "Agreement-track measures (协议处理: 约谈、限期整改、暂停/不予拨付、追回、违约金、中止、解除协议) within the caller's scope",
  success: json(Schema.Struct({ items: Schema.Array(MeasureView) }))
})

/** @category endpoints */
export const proposeMeasure = endpoint({
  method: "POST",
  path: "/api/v1/agreement-measures",
  access: { permission: "cases:handle" },
  tags,
  summary: "Propose an agreement-track measure, or record a health centre's written request to suspend payment",
  description: "Kept apart from administrative penalties (条例 Art.13 vs Art.36–48). Money measures need an amount.",
  body: MeasureProposal,
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** @category endpoints */
export const recordMeasureStatement = endpoint({
  method: "POST",
  path: "/api/v1/agreement-measures/:id/statement",
  access: { permission: "cases:handle" },
  tags,
  summary: "Record the institution's statement (陈述、申辩) on a proposed measure",
  params: IdParams,
  body: Schema.Struct({ statement: LongText, on: DateText }),
  success: { status: 204 }
})

/** @category endpoints */
export const reviewMeasure = endpoint({
  method: "POST",
  path: "/api/v1/agreement-measures/:id/review",
  access: { permission: "cases:review" },
  tags,
  summary: "复审 a fund-recovery measure (拒付、追回、违约金、暂停拨付): by someone other than its proposer, once",
  params: IdParams,
  success: { status: 204 }
})

/** @category endpoints */
export const decideMeasure = endpoint({
  method: "POST",
  path: "/api/v1/agreement-measures/:id/decision",
  access: { permission: "cases:approve" },
  tags,
  summary:
    "Decide a measure: a fund recovery after its 复审 and by a third person, any other not by its proposer; after the institution was heard where it must be",
  params: IdParams,
  body: Schema.Struct({ decision: Remark }),
  success: { status: 204 }
})

/** A rectification order with where it stands today. @category models */
export const RectificationView = Schema.Struct({
  id: Schema.String,
  institutionCode: Schema.String,
  institutionName: Schema.String,
  source: Schema.String,
  sourceId: Schema.NullOr(Schema.String),
  violations: Schema.Array(Schema.String),
  problems: Schema.String,
  issuedOn: Schema.String,
  dueOn: Schema.String,
  reportedOn: Schema.NullOr(Schema.String),
  report: Schema.NullOr(Schema.String),
  recheckedOn: Schema.NullOr(Schema.String),
  recheckPassed: Schema.NullOr(Schema.Boolean),
  recheckNote: Schema.NullOr(Schema.String),
  /** The day the worker escalated it (升级督办) for lack of a report by its deadline. */
  escalatedOn: Schema.NullOr(Schema.String),
  state: Schema.Literal("open", "overdue", "awaiting_recheck", "closed", "failed"),
  stateLabel: Schema.String,
  createdAt: Instant
})

/** @category endpoints */
export const listRectifications = endpoint({
  method: "GET",
  path: "/api/v1/rectifications",
  access: { permission: "cases:read" },
  tags,
  summary: "Rectification orders (整改) within the caller's scope, by due date; overdue ones are escalated",
  success: json(Schema.Struct({ items: Schema.Array(RectificationView) }))
})

/** @category endpoints */
export const issueRectification = endpoint({
  method: "POST",
  path: "/api/v1/rectifications",
  access: { permission: "cases:handle" },
  tags,
  summary: "Issue a rectification order on findings (a decided case issues its own)",
  body: RectificationIssue,
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** @category endpoints */
export const reportRectification = endpoint({
  method: "POST",
  path: "/api/v1/rectifications/:id/report",
  access: { permission: "cases:handle" },
  tags,
  summary: "Record the institution's rectification report (整改报告)",
  params: IdParams,
  body: Schema.Struct({ on: DateText, text: LongText }),
  success: { status: 204 }
})

/** @category endpoints */
export const recheckRectification = endpoint({
  method: "POST",
  path: "/api/v1/rectifications/:id/recheck",
  access: { permission: "cases:handle" },
  tags,
  summary: "Record the re-check (复查): put right or not",
  params: IdParams,
  body: Schema.Struct({ on: DateText, text: LongText, passed: Schema.Boolean }),
  success: { status: 204 }
})

/** @category endpoints */
export const commonProblems = endpoint({
  method: "GET",
  path: "/api/v1/rectifications/common-problems",
  access: { permission: "cases:read" },
  tags,
  summary:
    "Problems found at two or more institutions of one kind: the county-wide notice (通报、举一反三) asking every institution of that kind to self-check",
  success: json(
    Schema.Struct({
      items: Schema.Array(
        Schema.Struct({
          violation: Schema.String,
          violationText: Schema.String,
          orgKind: Schema.String,
          orgKindLabel: Schema.String,
          institutions: Schema.Array(Schema.Struct({ code: Schema.String, name: Schema.String })),
          /** Every institution of the kind: those the notice asks to check themselves. */
          toSelfCheck: Schema.Number
        })
      )
    })
  )
})

/** @category endpoints */
export const listCampaigns = endpoint({
  method: "GET",
  path: "/api/v1/self-check/campaigns",
  access: { permission: "cases:read" },
  tags,
  summary: "Self-inspection campaigns (自查自纠)",
  success: json(Schema.Struct({ items: Schema.Array(Schema.typeSchema(CampaignDefinition)) }))
})

const CampaignParams = Schema.Struct({ code: Id })

/** @category endpoints */
export const saveCampaign = endpoint({
  method: "PUT",
  path: "/api/v1/self-check/campaigns/:code",
  access: { permission: "cases:approve" },
  tags,
  summary:
    "Define a self-inspection campaign: the kinds of institution, the data window, the report and refund deadlines",
  params: CampaignParams,
  body: CampaignDefinition,
  success: json(Schema.Struct({ code: Schema.String }))
})

/** @category endpoints */
export const saveReport = endpoint({
  method: "PUT",
  path: "/api/v1/self-check/campaigns/:code/reports",
  access: { permission: "cases:handle" },
  tags,
  summary: "Record an institution's self-check report, its written commitment (承诺书) and its refunds",
  params: CampaignParams,
  body: ReportInput,
  success: { status: 204 }
})

/** One row of the statistics form (seed 001 附件2 定点医药机构自查情况统计表). @category models */
export const StatisticsRow = Schema.Struct({
  institutionCode: Schema.String,
  institutionName: Schema.String,
  orgKindLabel: Schema.String,
  submittedOn: Schema.NullOr(Schema.String),
  reportedOnTime: Schema.Boolean,
  commitmentSigned: Schema.Boolean,
  problems: Schema.Number,
  refundedByDeadline: Schema.Number,
  refundedLate: Schema.Number,
  /** Why it is on the spot-check list (nothing returned by the deadline, or no report), or null. */
  spotCheck: Schema.NullOr(Schema.String)
})

/** @category endpoints */
export const campaignStatistics = endpoint({
  method: "GET",
  path: "/api/v1/self-check/campaigns/:code/statistics",
  access: { permission: "cases:read" },
  tags,
  summary:
    "The campaign's statistics form (自查情况统计表), one row per institution of its kinds, with the spot-check list",
  params: CampaignParams,
  success: json(
    Schema.Struct({
      campaign: Schema.typeSchema(CampaignDefinition),
      rows: Schema.Array(StatisticsRow),
      totals: Schema.Struct({
        institutions: Schema.Number,
        reported: Schema.Number,
        commitments: Schema.Number,
        problems: Schema.Number,
        refundedByDeadline: Schema.Number,
        refundedLate: Schema.Number,
        spotCheck: Schema.Number
      })
    })
  )
})
