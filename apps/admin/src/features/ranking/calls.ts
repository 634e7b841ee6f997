/**
 * The calls of 考核排名 (the working calendar, the rankings, the ranking scheme), each an endpoint of
 * `@fundguard/contracts` called through the shared client's `call`: paths and shapes are the contract's.
 */
import * as Duties from "@fundguard/contracts/Duties"
import * as Reports from "@fundguard/contracts/Reports"
import * as Tasks from "@fundguard/contracts/Tasks"
import { checkBody, type ApiClient } from "../../shared/api.js"

/** The calls of 考核排名. */
export const rankingCalls = (api: ApiClient) => ({
  calendarInfo: () => api.call(Tasks.calendarInfo),
  rankings: (period: string, asOf?: string) => api.call(Reports.rankings, { query: { period, asOf } }),
  /** Saves a scheme edited in the page (JSON), checked against the contract first. */
  saveRankingScheme: async (scheme: unknown) =>
    api.call(Duties.saveRankingScheme, { body: checkBody(Duties.saveRankingScheme, scheme) })
})

export type RankingCalls = ReturnType<typeof rankingCalls>
