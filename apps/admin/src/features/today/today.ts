/**
 * The responsibility pages' logic, free of the browser: the month grid, task wording, the evidence
 * form, and the chart options for coverage and rankings.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import type { OrganisationView } from "@fundguard/contracts/Organisation"
import type { CoverageView, Ranking } from "@fundguard/contracts/Reports"
import type { completeTask, TaskView } from "@fundguard/contracts/Tasks"
import type { EvidenceField } from "@fundguard/domain/responsibilities"
import type { TaskState } from "@fundguard/domain/responsibilities"
import { unitKindLabel } from "@fundguard/domain/responsibilities"

const pad = (n: number) => String(n).padStart(2, "0")

/** The month `delta` months after `month` (`2026-11`, -1 → `2026-10`). */
export const shiftMonth = (month: string, delta: number): string => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  const total = y * 12 + (m - 1) + delta
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`
}

/** `2026-11` → `2026年11月`. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`

/** The weeks of a month, Monday first; days outside the month are null. */
export const monthGrid = (month: string): ReadonlyArray<ReadonlyArray<string | null>> => {
  const [y, m] = month.split("-").map(Number) as [number, number]
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7
  const cells: Array<string | null> = [...Array<null>(first).fill(null)]
  for (let d = 1; d <= days; d++) cells.push(`${month}-${pad(d)}`)
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: Array<Array<string | null>> = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** The colour family of a task state. */
export const stateTone: Readonly<Record<TaskState, "danger" | "success" | "warning" | "info" | "muted">> = {
  overdue: "danger",
  done: "success",
  done_late: "warning",
  open: "info",
  not_selected: "muted"
}

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

/** A share as a percentage with one decimal, or a dash. */
export const percent = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? "—" : `${Math.round(n * 1000) / 10}%`

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

/** The options of a unit selector, grouped by kind in the organisation's order. */
export const unitOptions = (org: OrganisationView | null): ReadonlyArray<{ id: string; label: string }> =>
  org === null
    ? []
    : org.units.filter((u) => u.active).map((u) => ({ id: u.id, label: `${u.name}（${unitKindLabel[u.kind]}）` }))

/** The unit a signed-in user belongs to, matched by their department's name, if any. */
export const unitOfDepartment = (org: OrganisationView | null, department: string | null): string =>
  org?.units.find((u) => department !== null && u.name === department)?.id ?? ""

/** ECharts option: each unit's coverage of one duty against its target. */
export const coverageChart = (rows: ReadonlyArray<CoverageView>, dutyCode: string, periodKey: string) => {
  const mine = rows.filter((r) => r.dutyCode === dutyCode && r.periodKey === periodKey)
  const target = mine[0]?.target ?? 1
  return {
    tooltip: { trigger: "axis" as const },
    grid: { left: 50, right: 20, top: 30, bottom: 60 },
    xAxis: { type: "category" as const, data: mine.map((r) => r.unitName), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: "value" as const, max: 100, name: "%" },
    series: [
      {
        type: "bar" as const,
        name: "覆盖率",
        barMaxWidth: 40,
        label: { show: true, position: "top" as const, formatter: "{c}%" },
        data: mine.map((r) => ({
          value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10,
          itemStyle: { color: r.status === "behind" ? "#c0392b" : r.unitId === null ? "#173e73" : "#5b8bd0" }
        })),
        markLine: {
          symbol: "none",
          label: { formatter: `目标 ${Math.round(target * 100)}%` },
          lineStyle: { color: "#8a5a00", type: "dashed" as const },
          data: [{ yAxis: Math.round(target * 100) }]
        }
      }
    ]
  }
}

/** ECharts option: one group's scores, best first, commended green and interviewed red. */
export const rankingChart = (group: Ranking["groups"][number]) => ({
  tooltip: { trigger: "axis" as const },
  grid: { left: 200, right: 40, top: 10, bottom: 30 },
  xAxis: { type: "value" as const, max: 100 },
  yAxis: {
    type: "category" as const,
    inverse: true,
    data: group.rows.map((r) => `${r.rank === null ? "不排名" : `${r.rank}.`} ${r.performance.unitName}`)
  },
  series: [
    {
      type: "bar" as const,
      name: "得分",
      barMaxWidth: 22,
      label: { show: true, position: "right" as const },
      data: group.rows.map((r) => ({
        value: r.score,
        itemStyle: {
          color: r.outcome === "commended" ? "#1e7d3a" : r.outcome === "interviewed" ? "#c0392b" : "#5b8bd0"
        }
      }))
    }
  ]
})

/** The words of a ranking outcome. */
export const outcomeText = (outcome: "commended" | "interviewed" | null): string =>
  outcome === "commended" ? "通报表扬" : outcome === "interviewed" ? "约谈主要负责人" : ""
