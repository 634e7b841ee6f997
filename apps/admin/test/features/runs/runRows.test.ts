import { describe, expect, it } from "vitest"
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import { formatDuration, progressPercent, ruleRows, runRow } from "../../../src/features/runs/runs.js"

describe("screening runs", () => {
  const run: ScreeningRun = {
    id: "r1",
    startedAt: "2025-04-01T18:00:00Z",
    finishedAt: "2025-04-01T18:00:12Z",
    status: "succeeded",
    trigger: "schedule",
    extract: "data/inbox/2025Q1",
    periodFrom: "2025-01-01",
    periodTo: "2025-03-31",
    suspicionCount: 12,
    newCount: 4,
    durationMs: 12_400,
    admdvs: null,
    statusCounts: {},
    progress: null,
    heartbeatAt: null,
    error: null,
    ruleCounts: { PRICE_OVER_CAP: 9, CHARGE_OUTSIDE_STAY: 3 },
    rules: [
      { code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 9, durationMs: 812 },
      { code: "CHARGE_OUTSIDE_STAY", version: 1, status: "ran", count: 3, durationMs: 95 },
      {
        code: "INVENTORY_SHORTFALL",
        version: 1,
        status: "skipped",
        reason: "missing table inv_stock",
        count: 0,
        durationMs: 0
      }
    ]
  }

  it("shows a run in Chinese with its duration", () => {
    expect(runRow(run)).toEqual({
      id: "r1",
      startedAt: "2025-04-02 02:00",
      status: "完成",
      trigger: "定时任务",
      extract: "data/inbox/2025Q1",
      period: "2025-01-01 至 2025-03-31",
      duration: "12.4 秒",
      suspicions: "12",
      newCount: "4"
    })
    expect(formatDuration(185_000)).toBe("3 分 05 秒")
    expect(formatDuration(850)).toBe("850 毫秒")
  })

  it("lists rules by count with skipped ones explained and data quality marked", () => {
    expect(ruleRows(run).map((r) => [r.name, r.count, r.status, r.dataQuality])).toEqual([
      ["超限价收费", 9, "已运行", false],
      ["住院期外收费", 3, "已运行", true],
      ["进销存不符", 0, "跳过（missing table inv_stock）", false]
    ])
  })

  it("gives a running run's progress", () => {
    expect(
      progressPercent({ ...run, status: "running", progress: { rule: "SPLIT_ADMISSION", done: 9, total: 27 } })
    ).toBe(33)
    expect(progressPercent(run)).toBeNull()
  })
})
