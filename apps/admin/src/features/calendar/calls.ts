/**
 * The calls of 职责日历 (the organisation and the working calendar, a month's tasks, the ledger),
 * each an endpoint of `@fundguard/contracts` called through the shared client's `call` and
 * `download`: paths and shapes are the contract's.
 */
import * as Cases from "@fundguard/contracts/Cases"
import * as Organisation from "@fundguard/contracts/Organisation"
import * as Reports from "@fundguard/contracts/Reports"
import * as Tasks from "@fundguard/contracts/Tasks"
import type { ApiClient } from "../../shared/api.js"
import { scope, type Scope } from "../../shared/tasks.js"

/** The calls of 职责日历. */
export const calendarCalls = (api: ApiClient) => ({
  calendarInfo: () => api.call(Tasks.calendarInfo),
  month: (month: string, s: Scope) => api.call(Tasks.monthCalendar, { query: { month, ...scope(s) } }),
  organisation: () => api.call(Organisation.getOrganisation),
  ledger: (month: string, s: Scope) => api.download(Reports.ledger, { query: { month, ...scope(s) } }),
  /** Cases whose next deadline is on or before `dueBy` (the month's last day). */
  caseDeadlines: (dueBy: string) => api.call(Cases.listCases, { query: { dueBy, pageSize: 500 } })
})

export type CalendarCalls = ReturnType<typeof calendarCalls>
