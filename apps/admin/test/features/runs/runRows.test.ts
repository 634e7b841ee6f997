import { describe, expect, it } from "vitest"
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import { formatDuration, partitionRows, progressPercent, ruleRows, runRow } from "../../../src/features/runs/runs.js"

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
    partitions: [],
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

  it("shows a partitioned run's partitions: share, state, how often taken, by whom, time and leads", () => {
    const base = { count: 2, worker: null, startedAt: null, finishedAt: null, durationMs: null, suspicions: null }
    const split = partitionRows({
      ...run,
      partitions: [
        {
          ...base,
          job: "person",
          index: 0,
          status: "done",
          attempts: 2,
          worker: "w2:41",
          durationMs: 2_400,
          suspicions: 31
        },
        { ...base, job: "person", index: 1, status: "running", attempts: 1, worker: "w1:40" },
        { ...base, job: "global", index: 0, count: 1, status: "queued", attempts: 0 }
      ]
    })
    expect(split.done).toBe(1)
    expect(split.total).toBe(3)
    expect(split.rows).toEqual([
      {
        key: "person:0",
        share: "按参保人 1/2",
        status: "完成",
        attempts: 2,
        worker: "w2:41",
        duration: "2.4 秒",
        suspicions: "31"
      },
      {
        key: "person:1",
        share: "按参保人 2/2",
        status: "进行中",
        attempts: 1,
        worker: "w1:40",
        duration: "—",
        suspicions: "—"
      },
      {
        key: "global:0",
        share: "跨参保人和机构的规则",
        status: "排队中",
        attempts: 0,
        worker: "—",
        duration: "—",
        suspicions: "—"
      }
    ])
  })
})
