import { describe, expect, it } from "vitest"
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import { screeningRunStatusLabel } from "../../../src/shared/labels.js"
import { isActiveRun, isRerunnable, progressPercent, runRow } from "../../../src/features/runs/runs.js"

const run = (status: ScreeningRun["status"], over: Partial<ScreeningRun> = {}): ScreeningRun => ({
  id: `r-${status}`,
  startedAt: "2025-04-01T18:00:00Z",
  finishedAt: null,
  status,
  trigger: "api",
  extract: "data/inbox/2025Q1",
  periodFrom: "2025-01-01",
  periodTo: "2025-03-31",
  suspicionCount: 0,
  newCount: 0,
  durationMs: null,
  admdvs: null,
  statusCounts: {},
  ruleCounts: {},
  rules: [],
  progress: null,
  heartbeatAt: null,
  partitions: [],
  error: null,
  ...over
})

describe("run statuses", () => {
  it("have a Chinese label each", () => {
    expect(screeningRunStatusLabel).toEqual({
      queued: "排队中",
      running: "进行中",
      succeeded: "完成",
      failed: "失败",
      interrupted: "已中断"
    })
  })

  it("keep the page polling while a run is queued or running", () => {
    expect(
      ["queued", "running", "succeeded", "failed", "interrupted"].map((s) =>
        isActiveRun({ status: s as ScreeningRun["status"] })
      )
    ).toEqual([true, true, false, false, false])
  })

  it("may be rerun once finished, failed or interrupted", () => {
    expect(
      ["queued", "running", "succeeded", "failed", "interrupted"].map((s) =>
        isRerunnable({ status: s as ScreeningRun["status"] })
      )
    ).toEqual([false, false, true, true, true])
  })

  it("show no counts or duration for a queued run, and its status as such", () => {
    expect(runRow(run("queued"))).toMatchObject({
      status: "排队中",
      duration: "排队中",
      suspicions: "—",
      newCount: "—",
      trigger: "接口"
    })
    expect(runRow(run("running"))).toMatchObject({ status: "进行中", duration: "进行中", suspicions: "—" })
    expect(runRow(run("interrupted", { durationMs: 65_000 }))).toMatchObject({
      status: "已中断",
      duration: "1 分 05 秒",
      suspicions: "0"
    })
    expect(progressPercent(run("queued", { progress: { rule: "X", done: 1, total: 2 } }))).toBeNull()
  })
})
