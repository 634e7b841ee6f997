/**
 * Suspicions (疑点) and their review workflow (疑点处理): the list with filters, one lead with its
 * evidence and history, the steps (初审 … 审批), the institution's response, assignment, bulk steps,
 * the .xlsx export, reviewers and the workflow's rules.
 *
 * @since 0.1.0
 */
import { Role } from "@fundguard/domain/access"
import { HospitalLevel, OrgKind } from "@fundguard/domain/kernel"
import { ReviewAction, ReviewProposal } from "@fundguard/domain/review"
import { ReviewStepInput } from "@fundguard/domain/review"
import { SuspicionStatus } from "@fundguard/domain/screening"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { BooleanFromQuery, DateText, Id, Instant, List, optional, Paging, Remark, Revision, Text } from "./Bounded.js"
import { endpoint, file, json } from "./Endpoint.js"

/** A lead as every door shows it (personal data masked for roles without `personal-data:unmasked`). @category models */
export const SuspicionView = Schema.Struct({
  id: Schema.String,
  runId: Schema.String,
  firstRunId: Schema.String,
  rule: Schema.String,
  ruleVersion: Schema.Number,
  level: Schema.String,
  category: Schema.Literal("violation", "data_quality"),
  fixmedinsCode: Schema.String,
  institutionName: Schema.NullOr(Schema.String),
  /** 人员编号; masked for roles without personal-data:unmasked. */
  psnNo: Schema.NullOr(Schema.String),
  mdtrtId: Schema.NullOr(Schema.String),
  setlId: Schema.NullOr(Schema.String),
  feedetlSn: Schema.Array(Schema.String),
  medListCodg: Schema.NullOr(Schema.String),
  date: Schema.NullOr(Schema.String),
  amount: Schema.Number,
  violation: Schema.NullOr(Schema.String),
  message: Schema.String,
  evidence: Schema.Record({ key: Schema.String, value: Schema.Unknown }),
  status: SuspicionStatus,
  /** The step the lead waits for (first_review …), null when closed. */
  step: Schema.NullOr(Schema.String),
  /** Deadline of the current step, yyyy-MM-dd. */
  dueDate: Schema.NullOr(Schema.String),
  overdue: Schema.Boolean,
  assigneeId: Schema.NullOr(Schema.String),
  assigneeName: Schema.NullOr(Schema.String),
  /** Send it back with a step; a stale one is refused (409). */
  revision: Schema.Number,
  filedAt: Instant
})
/** @category models */
export type SuspicionView = typeof SuspicionView.Type

/** A comma list of codes (`PRICE_OVER_CAP,SPLIT_ADMISSION`). */
const CodeList = (pattern: RegExp, description: string) =>
  Schema.String.pipe(
    Schema.filter((s) => (s.length <= 2000 && pattern.test(s)) || description, {
      jsonSchema: { pattern: pattern.source, maxLength: 2000 }
    })
  )

/** The list's filters (query parameters), also used by bulk selection and the export. @category models */
export const SuspicionFilter = Schema.Struct({
  rule: optional(CodeList(/^[A-Z_]{1,64}(,[A-Z_]{1,64})*$/, "规则编码，多个以逗号分隔")),
  institution: optional(Text(20)),
  status: optional(CodeList(/^[a-z_]{1,40}(,[a-z_]{1,40})*$/, "审核状态，多个以逗号分隔")),
  minAmount: optional(
    Schema.compose(
      Schema.String.pipe(Schema.filter((s) => /^\d{1,11}(\.\d{1,2})?$/.test(s) || "须为金额（元，至多两位小数）")),
      Schema.NumberFromString
    )
  ),
  maxAmount: optional(
    Schema.compose(
      Schema.String.pipe(Schema.filter((s) => /^\d{1,11}(\.\d{1,2})?$/.test(s) || "须为金额（元，至多两位小数）")),
      Schema.NumberFromString
    )
  ),
  category: optional(Schema.Literal("violation", "data_quality")),
  overdue: optional(BooleanFromQuery),
  /** A user id, or `me`. */
  assignee: optional(Id),
  /** Leads first filed by this screening run. */
  runId: optional(Id)
})
/** @category models */
export type SuspicionFilter = typeof SuspicionFilter.Type

const tags = ["review"]
const LeadParams = Schema.Struct({ id: Id })

/** Where a page of the list ends: its last lead's amount and id (the list's order). @category models */
export interface SuspicionListPosition {
  readonly amount: number
  readonly id: string
}

const base64url = (text: string) => btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")
const fromBase64url = (text: string) => atob(text.replace(/-/g, "+").replace(/_/g, "/"))

/**
 * The keyset cursor of the suspicion list (`after`, `nextCursor`): opaque to callers, who pass back the
 * `nextCursor` of the page they have. Paging by position instead of by offset keeps every page as fast as
 * the first on a million leads (docs/benchmarks.md).
 *
 * @category models
 */
export const SuspicionCursor: Schema.Schema<SuspicionListPosition, string> = Schema.transformOrFail(
  Schema.String.pipe(
    Schema.filter((s) => /^[A-Za-z0-9_-]{1,200}$/.test(s) || "须为上一页返回的 nextCursor", {
      jsonSchema: { pattern: "^[A-Za-z0-9_-]{1,200}$" }
    })
  ),
  Schema.Struct({ amount: Schema.Number, id: Schema.String }),
  {
    strict: true,
    decode: (text, _, ast) => {
      try {
        const value: unknown = JSON.parse(fromBase64url(text))
        if (
          Array.isArray(value) &&
          value.length === 2 &&
          typeof value[0] === "number" &&
          Number.isFinite(value[0]) &&
          typeof value[1] === "string" &&
          value[1].length <= 64
        )
          return ParseResult.succeed({ amount: value[0], id: value[1] })
      } catch {
        // not base64url JSON: the failure below
      }
      return ParseResult.fail(new ParseResult.Type(ast, text, "须为上一页返回的 nextCursor"))
    },
    encode: (position) => ParseResult.succeed(base64url(JSON.stringify([position.amount, position.id])))
  }
).annotations({ identifier: "SuspicionCursor" })

/** @category endpoints */
export const listSuspicions = endpoint({
  method: "GET",
  path: "/api/v1/suspicions",
  access: { permission: "suspicions:read" },
  tags: ["suspicions"],
  summary:
    "List suspicions (疑点) within the caller's scope, largest amount first, with their review state and deadline",
  query: Schema.Struct({
    ...SuspicionFilter.fields,
    ...Paging.fields,
    /** The page after this position (the previous page's `nextCursor`); not with `page`. */
    after: optional(SuspicionCursor)
  }),
  success: json(
    Schema.Struct({
      items: Schema.Array(SuspicionView),
      total: Schema.Number,
      totalAmount: Schema.Number,
      /** `after` for the next page, or null on the last page. */
      nextCursor: Schema.NullOr(SuspicionCursor)
    })
  )
})

/** A step that was taken on a lead. @category models */
export const HistoryEntry = Schema.Struct({
  revision: Schema.Number,
  action: Schema.String,
  label: Schema.String,
  fromStatus: SuspicionStatus,
  toStatus: SuspicionStatus,
  level: Schema.NullOr(Schema.String),
  actorName: Schema.String,
  actorRole: Role,
  reason: Schema.NullOr(Schema.String),
  details: Schema.Unknown,
  assigneeName: Schema.NullOr(Schema.String),
  dueDate: Schema.NullOr(Schema.String),
  late: Schema.Boolean,
  at: Instant
})

/** A step the lead's status offers, allowed or refused for the caller (the UI's buttons). @category models */
export const OfferedAction = Schema.Struct({
  action: ReviewAction,
  label: Schema.String,
  allowed: Schema.Boolean,
  refusal: Schema.NullOr(Schema.String),
  reasonRequired: Schema.Boolean
})

/** One lead with everything its page shows. @category models */
export const SuspicionDetail = Schema.Struct({
  ...SuspicionView.fields,
  institution: Schema.NullOr(
    Schema.Struct({
      code: Schema.String,
      name: Schema.String,
      orgKind: OrgKind,
      hospitalLevel: Schema.NullOr(HospitalLevel),
      approvedBeds: Schema.NullOr(Schema.Number)
    })
  ),
  deadlineSource: Schema.NullOr(Schema.String),
  firstRun: Schema.NullOr(Schema.Struct({ id: Schema.String, startedAt: Instant, extract: Schema.String })),
  lastRun: Schema.NullOr(Schema.Struct({ id: Schema.String, startedAt: Instant, extract: Schema.String })),
  history: Schema.Array(HistoryEntry),
  responses: Schema.Array(
    Schema.Struct({
      kind: Schema.String,
      kindLabel: Schema.String,
      statement: Schema.String,
      receivedOn: Schema.String,
      documents: Schema.Array(Schema.String),
      late: Schema.Boolean,
      recordedByName: Schema.String,
      at: Instant
    })
  ),
  outcome: Schema.NullOr(
    Schema.Struct({
      result: Schema.Literal("confirmed", "excluded"),
      disposition: Schema.NullOr(Schema.Literal("deduction", "case")),
      dispositionLabel: Schema.NullOr(Schema.String),
      deductionAmount: Schema.NullOr(Schema.Number),
      caseNumber: Schema.NullOr(Schema.String),
      reason: Schema.String,
      proposedByName: Schema.String,
      approvedByName: Schema.String,
      decidedAt: Instant
    })
  ),
  proposal: Schema.NullOr(ReviewProposal),
  /**
   * The warnings the institution was given before settlement for what this lead flags (same rule, same
   * visits), and what it did: 继续执行 (an override, with its reason) or 返回修改. An override of a warning on a
   * line later confirmed is a fact the case officer weighs (the institution knew).
   */
  precheckWarnings: Schema.Array(
    Schema.Struct({
      jrId: Schema.String,
      at: Instant,
      mdtrtId: Schema.String,
      message: Schema.String,
      amount: Schema.Number,
      disposition: Schema.NullOr(Schema.Literal("override", "edited")),
      dispositionLabel: Schema.String,
      reason: Schema.NullOr(Schema.String),
      respondedAt: Schema.NullOr(Instant)
    })
  ),
  actions: Schema.Array(OfferedAction),
  canAssign: Schema.Boolean,
  canClaim: Schema.Boolean
})
/** @category models */
export type SuspicionDetail = typeof SuspicionDetail.Type

/** @category endpoints */
export const getSuspicion = endpoint({
  method: "GET",
  path: "/api/v1/suspicions/:id",
  access: { permission: "suspicions:read" },
  tags,
  summary: "One suspicion with its evidence, workflow history and the steps open to the caller (the read is audited)",
  params: LeadParams,
  success: json(SuspicionDetail)
})

/** What a step left the lead as. @category models */
export const StepResult = Schema.Struct({
  id: Schema.String,
  status: SuspicionStatus,
  revision: Schema.Number,
  dueDate: Schema.NullOr(Schema.String)
})

/** @category endpoints */
export const takeStep = endpoint({
  method: "POST",
  path: "/api/v1/suspicions/:id/steps",
  access: { permission: "suspicions:review" },
  tags,
  summary: "Take a review step (初审、复审、推送、反馈、核实、审批); the three-level rule is enforced",
  description:
    "Errors: 400 bad input (problems name the field); 403 role, separation of duties (三级审核：初审人不得复审或审批) or another person's assignment; 404 a lead outside the caller's scope; 409 the lead changed (stale revision) or its status does not allow the step.",
  params: LeadParams,
  body: Schema.Struct({ action: ReviewAction, revision: Revision, ...ReviewStepInput.fields }),
  success: json(StepResult)
})

/** @category endpoints */
export const recordResponse = endpoint({
  method: "POST",
  path: "/api/v1/suspicions/:id/institution-response",
  access: { permission: "suspicions:review" },
  tags,
  summary: "Record the institution's response or appeal (登记机构反馈/申诉) to a pushed lead",
  description:
    "Institutions have no accounts: bureau staff record what arrived (platform message or paper 申诉书). A response after the deadline is recorded and marked late.",
  params: LeadParams,
  body: Schema.Struct({
    revision: Revision,
    kind: Schema.Literal("accepted", "appeal"),
    statement: Text(5000),
    receivedOn: DateText,
    documents: optional(List(Text(200), 50))
  }),
  success: json(StepResult)
})

/** @category endpoints */
export const assign = endpoint({
  method: "POST",
  path: "/api/v1/suspicions/:id/assign",
  access: { permission: "suspicions:review" },
  tags,
  summary: "Assign the lead's current step to a person (稽核员 and above), or claim it (领取)",
  params: LeadParams,
  body: Schema.Struct({ revision: Revision, assigneeId: Id }),
  success: json(
    Schema.Struct({
      id: Schema.String,
      status: Schema.String,
      revision: Schema.Number,
      assigneeId: Schema.NullOr(Schema.String),
      assigneeName: Schema.NullOr(Schema.String)
    })
  )
})

/** Steps that may be taken on many leads at once. @category models */
export const BulkAction = Schema.Literal(
  "first_review_confirm",
  "first_review_dismiss",
  "request_correction",
  "second_review_push",
  "second_review_dismiss",
  "assign"
)

/** How one lead of a bulk step went. @category models */
export const BulkResult = Schema.Struct({
  id: Schema.String,
  ok: Schema.Boolean,
  status: optional(Schema.String),
  revision: optional(Schema.Number),
  /** Why this lead failed: a problem tag (`StaleRevision` …) and its detail. */
  code: optional(Schema.String),
  detail: optional(Schema.String)
})
/** @category models */
export type BulkResult = typeof BulkResult.Type

/** @category endpoints */
export const bulk = endpoint({
  method: "POST",
  path: "/api/v1/suspicions/bulk",
  access: { permission: "suspicions:review" },
  tags,
  summary: "Take one step on many leads (批量初审、复审、分派); each lead succeeds or fails on its own",
  body: Schema.Struct({
    action: BulkAction,
    items: List(Schema.Struct({ id: Id, revision: Revision }), 500, { min: 1 }),
    reason: optional(Remark),
    assigneeId: optional(Id)
  }),
  success: json(
    Schema.Struct({
      done: Schema.Number,
      failed: Schema.Number,
      results: Schema.Array(BulkResult)
    })
  )
})

/**
 * The most leads one export may hold (one .xlsx sheet holds 1,048,576 rows); larger sets must be narrowed by
 * filters first. The export is streamed in pages, so the server's memory does not grow with it.
 *
 * @category models
 */
export const exportLimit = 1_000_000

/** @category endpoints */
export const exportSuspicions = endpoint({
  method: "GET",
  path: "/api/v1/suspicions/export",
  access: { permission: "suspicions:read" },
  tags,
  summary: `The filtered suspicion list as an .xlsx workbook (at most ${exportLimit} leads; personal data masked per role; audited)`,
  query: SuspicionFilter,
  success: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
})

/** A person who can take review steps. @category models */
export const Reviewer = Schema.Struct({
  id: Schema.String,
  displayName: Schema.String,
  role: Role,
  department: Schema.NullOr(Schema.String)
})

/** @category endpoints */
export const listReviewers = endpoint({
  method: "GET",
  path: "/api/v1/review/reviewers",
  access: { permission: "suspicions:review" },
  tags,
  summary: "People who can take review steps (for assignment)",
  success: json(Schema.Struct({ items: Schema.Array(Reviewer) }))
})

/** @category endpoints */
export const workflow = endpoint({
  method: "GET",
  path: "/api/v1/review/workflow",
  access: { permission: "suspicions:read" },
  tags,
  summary: "The workflow's transitions and the time limits in force, with their sources",
  success: json(
    Schema.Struct({
      transitions: Schema.Array(
        Schema.Struct({
          action: Schema.String,
          from: Schema.String,
          to: Schema.String,
          permission: Schema.String,
          level: Schema.NullOr(Schema.String),
          categories: Schema.Array(Schema.String),
          reasonRequired: Schema.Boolean,
          label: Schema.String
        })
      ),
      timeLimits: Schema.NullOr(
        Schema.Struct({
          effectiveFrom: Schema.String,
          source: Schema.String,
          steps: Schema.Array(
            Schema.Struct({ step: Schema.String, label: Schema.String, days: Schema.Number, basis: Schema.String })
          )
        })
      ),
      calendar: Schema.Struct({
        source: Schema.String,
        coveredYears: Schema.Struct({ from: Schema.Number, to: Schema.Number })
      }),
      today: Schema.String
    })
  )
})
