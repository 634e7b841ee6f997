/**
 * The calls of 今日待办 (the organisation and the working calendar, the tasks due on a day, recording
 * a completion, generating tasks), each an endpoint of `@fundguard/contracts` called through the
 * shared client's `call`: paths and shapes are the contract's.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import * as Cases from "@fundguard/contracts/Cases"
import * as Organisation from "@fundguard/contracts/Organisation"
import * as Tasks from "@fundguard/contracts/Tasks"
import type { ApiClient } from "../../shared/api.js"
import { scope, type Scope } from "../../shared/tasks.js"

/** The calls of 今日待办. */
export const todayCalls = (api: ApiClient) => ({
  calendarInfo: () => api.call(Tasks.calendarInfo),
  due: (on: string, s: Scope) => api.call(Tasks.dueTasks, { query: { on, ...scope(s) } }),
  complete: (id: string, body: BodyOf<typeof Tasks.completeTask>) =>
    api.call(Tasks.completeTask, { params: { id }, body }),
  generate: () => api.call(Tasks.generateTasks, { body: {} }),
  organisation: () => api.call(Organisation.getOrganisation),
  /** Cases whose next deadline is on or before `dueBy`, soonest first. */
  caseDeadlines: (dueBy: string) => api.call(Cases.listCases, { query: { dueBy, pageSize: 50 } })
})

export type TodayCalls = ReturnType<typeof todayCalls>
