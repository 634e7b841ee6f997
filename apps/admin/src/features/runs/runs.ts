/**
 * Rows and wording for the screening runs page (筛查批次).
 */
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import { suspicionCategory } from "@fundguard/domain/screening"
import { formatDateTime } from "../../shared/format.js"
import { ruleText, screeningRunStatusLabel } from "../../shared/labels.js"

/** A duration in words: `850 毫秒`, `12.4 秒`, `3 分 05 秒`. */
export const formatDuration = (ms: number | null | undefined): string => {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—"
  if (ms < 1000) return `${Math.round(ms)} 毫秒`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} 秒`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.round((ms % 60_000) / 1000)
  return `${minutes} 分 ${String(seconds).padStart(2, "0")} 秒`
}

/** What started a run. */
export const triggerLabel: Readonly<Record<string, string>> = {
  cli: "命令行",
  schedule: "定时任务",
  api: "接口",
  seed: "演示数据"
}

/** Whether a run is still to end (queued for the worker, or running): the page keeps polling. */
export const isActiveRun = (run: Pick<ScreeningRun, "status">): boolean =>
  run.status === "queued" || run.status === "running"

/** Whether a run may be screened again: it finished, failed or was interrupted. */
export const isRerunnable = (run: Pick<ScreeningRun, "status">): boolean =>
  run.status === "succeeded" || run.status === "failed" || run.status === "interrupted"

/** A running run's progress as a percentage (0–100), or null when unknown. */
export const progressPercent = (run: ScreeningRun): number | null => {
  const p = run.progress
  if (run.status !== "running" || p === null || p.total <= 0) return null
  return Math.min(100, Math.round((p.done / p.total) * 100))
}

/** One run as a row of the runs table. */
export const runRow = (run: ScreeningRun) => ({
  id: run.id,
  startedAt: formatDateTime(run.startedAt),
  status: screeningRunStatusLabel[run.status] ?? run.status,
  trigger: triggerLabel[run.trigger] ?? run.trigger,
  extract: run.extract,
  period: run.periodFrom !== null && run.periodTo !== null ? `${run.periodFrom} 至 ${run.periodTo}` : "—",
  duration: isActiveRun(run) ? (screeningRunStatusLabel[run.status] ?? run.status) : formatDuration(run.durationMs),
  suspicions: isActiveRun(run) ? "—" : String(run.suspicionCount),
  newCount: isActiveRun(run) ? "—" : String(run.newCount)
})

/** The per-rule counts of a run, most leads first, with Chinese rule names. */
export const ruleRows = (run: ScreeningRun) =>
  [...run.rules]
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1))
    .map((r) => ({
      code: r.code,
      name: ruleText(r.code),
      count: r.count,
      status: r.status === "skipped" ? `跳过${r.reason ? `（${r.reason}）` : ""}` : "已运行",
      duration: formatDuration(r.durationMs),
      dataQuality: suspicionCategory(r.code) === "data_quality"
    }))

const partitionJobLabel: Readonly<Record<string, string>> = {
  person: "按参保人",
  institution: "按机构",
  global: "跨参保人和机构的规则",
  staged: "分阶段规则判定"
}

const partitionStatusLabel: Readonly<Record<string, string>> = {
  queued: "排队中",
  running: "进行中",
  done: "完成"
}

/**
 * A partitioned run's partitions as rows (分区): which share, its state, how many times it was taken (more than
 * once when a worker died), by which process, its time and leads — and how many are done.
 */
export const partitionRows = (run: ScreeningRun) => ({
  done: run.partitions.filter((p) => p.status === "done").length,
  total: run.partitions.length,
  rows: run.partitions.map((p) => ({
    key: `${p.job}:${p.index}`,
    share:
      p.job === "global" ? partitionJobLabel.global! : `${partitionJobLabel[p.job] ?? p.job} ${p.index + 1}/${p.count}`,
    status: partitionStatusLabel[p.status] ?? p.status,
    attempts: p.attempts,
    worker: p.worker ?? "—",
    duration: formatDuration(p.durationMs),
    suspicions: p.suspicions === null ? "—" : String(p.suspicions)
  }))
})
