/**
 * The review workflow's calls (one lead, its steps and assignment, bulk steps, reviewers, the
 * export), each an endpoint of `@fundguard/contracts` called through the shared client's `call` and
 * `download`: paths and shapes are the contract's.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import * as Review from "@fundguard/contracts/Review"
import type { ReviewStepInput } from "@fundguard/domain/review"
import type { ReviewAction } from "@fundguard/domain/review"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** The review calls over a client. */
export const suspicionsCalls = (api: ApiClient) => ({
  detail: (id: string) => api.call(Review.getSuspicion, { params: { id } }),
  /**
   * Takes a step with the input of its form (JSON), checked against the contract first: a problem
   * (`$.response.receivedOn` …) comes back as the server would name it.
   */
  step: async (id: string, action: ReviewAction, revision: number, input: ReviewStepInput = {}) =>
    api.call(Review.takeStep, { params: { id }, body: checkBody(Review.takeStep, { action, revision, ...input }) }),
  assign: (id: string, revision: number, assigneeId: string) =>
    api.call(Review.assign, { params: { id }, body: { revision, assigneeId } }),
  bulk: (
    action: BodyOf<typeof Review.bulk>["action"],
    items: BodyOf<typeof Review.bulk>["items"],
    extra: Pick<BodyOf<typeof Review.bulk>, "reason" | "assigneeId"> = {}
  ) => api.call(Review.bulk, { body: { action, items, ...extra } }),
  reviewers: async () => (await api.call(Review.listReviewers)).items,
  exportXlsx: (filter: Review.SuspicionFilter) => api.download(Review.exportSuspicions, { query: filter })
})

/** The review calls' type. */
export type SuspicionsCalls = ReturnType<typeof suspicionsCalls>
