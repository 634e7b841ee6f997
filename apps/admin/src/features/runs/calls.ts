/**
 * The calls of 筛查批次 (the screening runs, screening a run's extract again), each an endpoint of
 * `@fundguard/contracts` called through the shared client's `call`: paths and shapes are the contract's.
 */
import * as Screening from "@fundguard/contracts/Screening"
import type { ApiClient } from "../../shared/api.js"

/** The screening run calls over a client. */
export const runsCalls = (api: ApiClient) => ({
  runs: async () => (await api.call(Screening.listRuns)).items,
  /** Screens a run's extract again: 201 with the queued run; 409 when one is already queued or running. */
  rerun: (id: string) => api.call(Screening.rerun, { params: { id } })
})

/** The screening run calls' type. */
export type RunsCalls = ReturnType<typeof runsCalls>
