/**
 * The sample calls (list, draw, one sample, a claim's review, the conclusion) and the runs whose
 * extract may be sampled, each an endpoint of `@fundguard/contracts` called through the shared client.
 */
import * as Samples from "@fundguard/contracts/Samples"
import * as Screening from "@fundguard/contracts/Screening"
import type { ApiClient } from "../../shared/api.js"
import type { DrawBody } from "./samples.js"

/** The sample calls over a client. */
export const samplesCalls = (api: ApiClient) => ({
  list: (query: { institution?: string; page?: number } = {}) => api.call(Samples.listSamples, { query }),
  draw: (body: DrawBody) => api.call(Samples.drawSample, { body }),
  detail: (id: string) => api.call(Samples.getSample, { params: { id } }),
  review: (id: string, body: { claimId: string; overpaid: number; reason: string }) =>
    api.call(Samples.recordSampleReview, { params: { id }, body }),
  conclude: (id: string) => api.call(Samples.concludeSample, { params: { id } }),
  runs: async () => (await api.call(Screening.listRuns)).items
})

/** The sample calls' type. */
export type SamplesCalls = ReturnType<typeof samplesCalls>
