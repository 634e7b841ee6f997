/**
 * The review workflow's API calls (`/api/v1/suspicions/:id…`, bulk, export, runs), typed, on top
 * of the shared client's `call` and `download`.
 */
import type { ReviewAction, ReviewProposal } from "@fundguard/domain/ReviewWorkflow"
import type { ReviewStepInput } from "@fundguard/domain/ReviewInput"
import type { ApiClient, ScreeningRun, SuspicionQuery, SuspicionRow } from "./api.js"
import { buildQuery } from "./api.js"

/** A step open to the current user, as the API offers it. */
export interface OfferedStep {
  readonly action: ReviewAction
  readonly label: string
  readonly allowed: boolean
  readonly refusal: string | null
  readonly reasonRequired: boolean
}

/** One entry of a lead's workflow history. */
export interface HistoryEntry {
  readonly revision: number
  readonly action: string
  readonly label: string
  readonly fromStatus: string
  readonly toStatus: string
  readonly level: string | null
  readonly actorName: string
  readonly actorRole: string
  readonly reason: string | null
  readonly details: {
    readonly response?: { readonly kind: string; readonly statement: string; readonly receivedOn: string } | null
    readonly proposal?: ReviewProposal | null
    readonly caseNumber?: string | null
  } | null
  readonly assigneeName: string | null
  readonly dueDate: string | null
  readonly late: boolean
  readonly at: string
}

/** The institution's response to a lead. */
export interface InstitutionResponseRow {
  readonly kind: "accepted" | "appeal" | "none"
  readonly kindLabel: string
  readonly statement: string
  readonly receivedOn: string
  readonly documents: ReadonlyArray<string>
  readonly late: boolean
  readonly recordedByName: string
  readonly at: string
}

/** How a lead ended. */
export interface OutcomeRow {
  readonly result: "confirmed" | "excluded"
  readonly disposition: "deduction" | "case" | null
  readonly dispositionLabel: string | null
  readonly deductionAmount: number | null
  readonly caseNumber: string | null
  readonly reason: string
  readonly proposedByName: string
  readonly approvedByName: string
  readonly decidedAt: string
}

/** `GET /api/v1/suspicions/:id`. */
export interface SuspicionDetail extends SuspicionRow {
  readonly institution: {
    readonly code: string
    readonly name: string
    readonly orgKind: string
    readonly hospitalLevel: string | null
    readonly approvedBeds: number | null
  } | null
  readonly deadlineSource: string | null
  readonly firstRun: { readonly id: string; readonly startedAt: string; readonly extract: string } | null
  readonly history: ReadonlyArray<HistoryEntry>
  readonly responses: ReadonlyArray<InstitutionResponseRow>
  readonly outcome: OutcomeRow | null
  readonly proposal: ReviewProposal | null
  readonly actions: ReadonlyArray<OfferedStep>
  readonly canAssign: boolean
  readonly canClaim: boolean
}

/** What a step returns. */
export interface StepResult {
  readonly id: string
  readonly status: string
  readonly revision: number
  readonly dueDate: string | null
}

/** A person who can be assigned a step. */
export interface Reviewer {
  readonly id: string
  readonly displayName: string
  readonly role: string
  readonly department: string | null
}

/** The steps bulk actions support. */
export type BulkAction =
  | "first_review_confirm"
  | "first_review_dismiss"
  | "request_correction"
  | "second_review_push"
  | "second_review_dismiss"
  | "assign"

/** What a bulk action returns, lead by lead. */
export interface BulkResult {
  readonly done: number
  readonly failed: number
  readonly results: ReadonlyArray<{
    readonly id: string
    readonly ok: boolean
    readonly status?: string
    readonly error?: string
    readonly message?: string
  }>
}

/** The list's filters as query parameters (shared by the list and the export). */
export const filterQuery = (query: Omit<SuspicionQuery, "page" | "pageSize">): string =>
  buildQuery({
    rule: query.rule,
    institution: query.institution,
    status: query.status,
    minAmount: query.minAmount,
    maxAmount: query.maxAmount,
    category: query.category,
    overdue: query.overdue === true ? "true" : undefined,
    assignee: query.assignee,
    runId: query.runId
  })

/** The review calls over a client. */
export const reviewApi = (api: ApiClient) => ({
  detail: (id: string) => api.call<SuspicionDetail>("GET", `/api/v1/suspicions/${encodeURIComponent(id)}`),
  step: (id: string, action: ReviewAction, revision: number, input: ReviewStepInput = {}) =>
    api.call<StepResult>("POST", `/api/v1/suspicions/${encodeURIComponent(id)}/steps`, { action, revision, ...input }),
  assign: (id: string, revision: number, assigneeId: string) =>
    api.call<StepResult & { readonly assigneeName: string }>(
      "POST",
      `/api/v1/suspicions/${encodeURIComponent(id)}/assign`,
      { revision, assigneeId }
    ),
  bulk: (
    action: BulkAction,
    items: ReadonlyArray<{ id: string; revision: number }>,
    extra: { reason?: string; assigneeId?: string } = {}
  ) => api.call<BulkResult>("POST", "/api/v1/suspicions/bulk", { action, items, ...extra }),
  reviewers: async () => (await api.call<{ items: ReadonlyArray<Reviewer> }>("GET", "/api/v1/review/reviewers")).items,
  runs: async () => (await api.call<{ items: ReadonlyArray<ScreeningRun> }>("GET", "/api/v1/screening/runs")).items,
  /** Screens a run's extract again: 201 with the queued run; 409 when one is already queued or running. */
  rerun: (id: string) => api.call<ScreeningRun>("POST", `/api/v1/screening/runs/${encodeURIComponent(id)}/rerun`),
  exportXlsx: (query: Omit<SuspicionQuery, "page" | "pageSize">) =>
    api.download(`/api/v1/suspicions/export${filterQuery(query)}`)
})

/** The review calls' type. */
export type ReviewApi = ReturnType<typeof reviewApi>
