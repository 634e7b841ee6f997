/**
 * 今日待办's logic, free of the browser: how a task's deadline reads, the evidence form of a
 * completion, and the signed-in user's unit.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import type { OrganisationView } from "@fundguard/contracts/Organisation"
import type { completeTask, TaskView } from "@fundguard/contracts/Tasks"
import type { EvidenceField } from "@fundguard/domain/responsibilities"

/** How a task's deadline reads in a list. */
export const deadlineText = (
  t: Pick<TaskView, "deadline" | "state" | "dueToday" | "workingDaysLeft" | "deadlineProvisional">
): string => {
  const tail =
    t.state === "overdue"
      ? "已逾期"
      : t.dueToday
        ? "今日到期"
        : t.workingDaysLeft === null
          ? ""
          : `剩 ${t.workingDaysLeft} 个工作日`
  return `${t.deadline}${t.deadlineProvisional ? "（暂定）" : ""}${tail === "" ? "" : ` · ${tail}`}`
}

/** The evidence form's state: text for counts, booleans for confirmations, chosen institutions. */
export interface EvidenceFormState {
  completedOn: string
  record: string
  counts: Record<string, string>
  flags: Record<string, boolean>
  texts: Record<string, string>
  institutions: Record<string, Array<string>>
}

/** An empty form for a task's evidence fields. */
export const emptyEvidenceForm = (fields: ReadonlyArray<EvidenceField>, today: string): EvidenceFormState => ({
  completedOn: today,
  record: "",
  counts: Object.fromEntries(fields.filter((f) => f.type === "count").map((f) => [f.key, ""])),
  flags: Object.fromEntries(fields.filter((f) => f.type === "flag").map((f) => [f.key, false])),
  texts: Object.fromEntries(fields.filter((f) => f.type === "text").map((f) => [f.key, ""])),
  institutions: Object.fromEntries(fields.filter((f) => f.type === "institutions").map((f) => [f.key, []]))
})

/** The `values` of a completion (`POST /api/v1/tasks/:id/completions`). */
export type EvidenceValues = NonNullable<BodyOf<typeof completeTask>["values"]>

/**
 * The `values` of a completion from the form, and the problems the form can see itself (a count that
 * is not a whole number); the server checks the rest (minimums, confirmations, files).
 */
export const evidenceValues = (
  fields: ReadonlyArray<EvidenceField>,
  form: EvidenceFormState
): {
  readonly values: EvidenceValues
  readonly problems: ReadonlyArray<{ path: string; message: string }>
} => {
  const values: Record<string, EvidenceValues[string]> = {}
  const problems: Array<{ path: string; message: string }> = []
  for (const f of fields) {
    if (f.type === "count") {
      const text = (form.counts[f.key] ?? "").trim()
      if (text === "") continue
      const n = Number(text.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
      if (!Number.isInteger(n) || n < 0)
        problems.push({ path: `$.values.${f.key}`, message: `${f.label}：须为非负整数` })
      else values[f.key] = n
    } else if (f.type === "flag") values[f.key] = form.flags[f.key] === true
    else if (f.type === "text") {
      const text = (form.texts[f.key] ?? "").trim()
      if (text !== "") values[f.key] = text
    } else if (f.type === "institutions") values[f.key] = [...(form.institutions[f.key] ?? [])]
  }
  return { values, problems }
}

/** The unit a signed-in user belongs to, matched by their department's name, if any. */
export const unitOfDepartment = (org: OrganisationView | null, department: string | null): string =>
  org?.units.find((u) => department !== null && u.name === department)?.id ?? ""

/** The last day a case deadline is announced on 今日待办: a week ahead. */
export const caseReminderHorizon = (on: string): string => {
  const day = new Date(`${on}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 7)
  return day.toISOString().slice(0, 10)
}

/** How a case's next deadline reads on 今日待办. */
export const caseReminderText = (
  c: { readonly nextDueOn: string | null; readonly nextDueStep: string | null; readonly statusLabel: string },
  on: string
): string =>
  c.nextDueOn === null
    ? c.statusLabel
    : `${c.statusLabel}：${c.nextDueStep ?? ""} ${c.nextDueOn}${c.nextDueOn < on ? "（已逾期）" : ""}`
