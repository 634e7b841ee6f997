/**
 * The responsibility API's calls (organisation, duties, tasks, calendar, coverage, rankings, ledger),
 * each an endpoint of `@fundguard/contracts` called through the shared client's `call` and
 * `download`: paths and shapes are the contract's.
 */
import * as Duties from "@fundguard/contracts/Duties"
import type { BodyOf, QueryOf } from "@fundguard/contracts/Endpoint"
import * as Organisation from "@fundguard/contracts/Organisation"
import * as Reports from "@fundguard/contracts/Reports"
import * as Tasks from "@fundguard/contracts/Tasks"
import { checkBody, type ApiClient } from "./api.js"

/** Which units a task query covers: one unit (and, when asked, those it supervises), else all in scope. */
export type Scope = typeof Tasks.UnitFilter.Type

/** The scope as sent: `includeSupervised` only when asked for (as the pages always have sent it). */
const scope = (s: Scope): Scope => ({
  ...(s.unit === undefined || s.unit === "" ? {} : { unit: s.unit }),
  ...(s.includeSupervised === true ? { includeSupervised: true } : {})
})

/** The responsibility calls. */
export const dutiesApi = (api: ApiClient) => ({
  calendarInfo: () => api.call(Tasks.calendarInfo),
  due: (on: string, s: Scope) => api.call(Tasks.dueTasks, { query: { on, ...scope(s) } }),
  month: (month: string, s: Scope) => api.call(Tasks.monthCalendar, { query: { month, ...scope(s) } }),
  complete: (id: string, body: BodyOf<typeof Tasks.completeTask>) =>
    api.call(Tasks.completeTask, { params: { id }, body }),
  generate: () => api.call(Tasks.generateTasks, { body: {} }),
  organisation: () => api.call(Organisation.getOrganisation),
  /** Saves a unit edited in the page (JSON), checked against the contract first. */
  saveUnit: async (id: string, unit: unknown) =>
    api.call(Organisation.putUnit, { params: { id }, body: checkBody(Organisation.putUnit, unit) }),
  importOrganisation: (upload: BodyOf<typeof Organisation.importOrganisation>) =>
    api.call(Organisation.importOrganisation, { body: upload }),
  exportOrganisation: () => api.download(Organisation.exportOrganisation),
  duties: (all = false) => api.call(Duties.listDuties, { query: all ? { all: true } : {} }),
  saveDuty: (duty: BodyOf<typeof Duties.saveDuty>) => api.call(Duties.saveDuty, { body: duty }),
  importDuties: (upload: BodyOf<typeof Duties.importDuties>) => api.call(Duties.importDuties, { body: upload }),
  exportDuties: () => api.download(Duties.exportDuties),
  /** Saves a scheme edited in the page (JSON), checked against the contract first. */
  saveRankingScheme: async (scheme: unknown) =>
    api.call(Duties.saveRankingScheme, { body: checkBody(Duties.saveRankingScheme, scheme) }),
  coverage: (query: QueryOf<typeof Reports.coverage>) => api.call(Reports.coverage, { query }),
  campaigns: () => api.call(Reports.campaigns),
  rankings: (period: string, asOf?: string) => api.call(Reports.rankings, { query: { period, asOf } }),
  ledger: (month: string, s: Scope) => api.download(Reports.ledger, { query: { month, ...scope(s) } })
})

export type DutiesApi = ReturnType<typeof dutiesApi>
