/**
 * What the task pages (今日待办 and 职责日历) share: the colour of a task state, the unit selector,
 * and the unit scope of a task query as it is sent.
 */
import type { OrganisationView } from "@fundguard/contracts/Organisation"
import type * as Tasks from "@fundguard/contracts/Tasks"
import type { TaskState } from "@fundguard/domain/responsibilities"
import { unitKindLabel } from "@fundguard/domain/responsibilities"

/** The colour family of a task state. */
export const stateTone: Readonly<Record<TaskState, "danger" | "success" | "warning" | "info" | "muted">> = {
  overdue: "danger",
  done: "success",
  done_late: "warning",
  open: "info",
  not_selected: "muted"
}

/** The options of a unit selector, grouped by kind in the organisation's order. */
export const unitOptions = (org: OrganisationView | null): ReadonlyArray<{ id: string; label: string }> =>
  org === null
    ? []
    : org.units.filter((u) => u.active).map((u) => ({ id: u.id, label: `${u.name}（${unitKindLabel[u.kind]}）` }))

/** Which units a task query covers: one unit (and, when asked, those it supervises), else all in scope. */
export type Scope = typeof Tasks.UnitFilter.Type

/** The scope as sent: `includeSupervised` only when asked for (as the pages always have sent it). */
export const scope = (s: Scope): Scope => ({
  ...(s.unit === undefined || s.unit === "" ? {} : { unit: s.unit }),
  ...(s.includeSupervised === true ? { includeSupervised: true } : {})
})
