/**
 * 疑点管理's rows for the DataGrid — the API's items with the display text already worked out, so
 * the grid columns are plain fields and the logic is testable without a browser — and the line
 * describing the latest screening run in the page header; where each page of the list starts.
 */
import type { SuspicionListPosition, SuspicionView } from "@fundguard/contracts/Review"
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import { isClosedStatus } from "@fundguard/domain/screening"
import { formatDate, formatDateTime, formatYuan } from "../../shared/format.js"
import { ruleText, screeningRunStatusLabel, suspicionStatusText, violationText } from "../../shared/labels.js"

export interface SuspicionGridRow {
  readonly id: string
  readonly rule: string
  readonly institution: string
  readonly mdtrtId: string
  readonly date: string
  readonly amount: string
  readonly violation: string
  readonly message: string
  readonly status: string
  /** 疑似违规 or 数据质量. */
  readonly category: string
  /** The current step's deadline, `—` when closed or unknown. */
  readonly deadline: string
  readonly assignee: string
  readonly overdue: boolean
}

export const suspicionGridRows = (items: ReadonlyArray<SuspicionView>): Array<SuspicionGridRow> =>
  items.map((s) => ({
    id: s.id,
    rule: ruleText(s.rule),
    institution: s.institutionName === null ? s.fixmedinsCode : `${s.institutionName}`,
    mdtrtId: s.mdtrtId ?? "—",
    date: formatDate(s.date),
    amount: formatYuan(s.amount),
    violation: violationText(s.violation),
    message: s.message,
    status: suspicionStatusText(s.status),
    category: s.category === "data_quality" ? "数据质量" : "疑似违规",
    deadline: isClosedStatus(s.status) ? "—" : s.overdue ? `${formatDate(s.dueDate)} 逾期` : formatDate(s.dueDate),
    assignee: s.assigneeName ?? "—",
    overdue: s.overdue
  }))

/** The sum of the amounts, to the fen. */
export const sumAmounts = (items: ReadonlyArray<{ readonly amount: number }>): number =>
  Math.round(items.reduce((sum, i) => sum + (Number.isFinite(i.amount) ? i.amount : 0), 0) * 100) / 100

/** The most recently started screening run, or `null`. */
export const latestRun = (runs: ReadonlyArray<ScreeningRun>): ScreeningRun | null =>
  runs.reduce<ScreeningRun | null>(
    (latest, run) => (latest === null || Date.parse(run.startedAt) > Date.parse(latest.startedAt) ? run : latest),
    null
  )

/** One line describing a screening run for the suspicions page header. */
export const describeRun = (run: ScreeningRun): string => {
  const parts = [
    `${formatDateTime(run.startedAt)} 开始`,
    screeningRunStatusLabel[run.status] ?? run.status,
    run.periodFrom !== null && run.periodTo !== null ? `数据期间 ${run.periodFrom} 至 ${run.periodTo}` : null,
    run.status === "running" || run.status === "queued" ? null : `生成疑点 ${run.suspicionCount} 条`
  ]
  return parts.filter((p): p is string => p !== null).join(" · ")
}

/**
 * Where each page of the list starts, learnt from the page before it: the next page is asked for by the
 * keyset cursor its predecessor returned (as fast on page 2,000 as on page 1, docs/benchmarks.md); a page
 * jumped to, or the first, by its number. Changing the filters or the page size forgets every position.
 */
export const pagePositions = () => {
  let current = ""
  const starts = new Map<number, SuspicionListPosition>()
  return {
    /** How to ask for `page` of the list under `filters` (any value that names them). */
    paging(
      filters: unknown,
      page: number,
      pageSize: number
    ): { readonly page: number } | { readonly after: SuspicionListPosition } {
      const key = JSON.stringify([filters, pageSize])
      if (key !== current) {
        starts.clear()
        current = key
      }
      const after = starts.get(page)
      return after === undefined ? { page } : { after }
    },
    /** What a page's answer says of where the next one starts (its `nextCursor`). */
    learn(page: number, next: SuspicionListPosition | null) {
      if (next === null) starts.delete(page + 1)
      else starts.set(page + 1, next)
    }
  }
}
