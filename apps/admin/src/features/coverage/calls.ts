/**
 * The calls of 检查覆盖率 (the working calendar, coverage, campaigns), each an endpoint of
 * `@fundguard/contracts` called through the shared client's `call`: paths and shapes are the contract's.
 */
import type { QueryOf } from "@fundguard/contracts/Endpoint"
import * as Reports from "@fundguard/contracts/Reports"
import * as Tasks from "@fundguard/contracts/Tasks"
import type { ApiClient } from "../../shared/api.js"

/** The calls of 检查覆盖率. */
export const coverageCalls = (api: ApiClient) => ({
  calendarInfo: () => api.call(Tasks.calendarInfo),
  coverage: (query: QueryOf<typeof Reports.coverage>) => api.call(Reports.coverage, { query }),
  campaigns: () => api.call(Reports.campaigns)
})

export type CoverageCalls = ReturnType<typeof coverageCalls>
