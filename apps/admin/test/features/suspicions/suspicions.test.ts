import { describe, expect, it } from "vitest"
import type { SuspicionView } from "@fundguard/contracts/Review"
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import { ruleText, violationText } from "../../../src/shared/labels.js"
import {
  describeRun,
  latestRun,
  pagePositions,
  sumAmounts,
  suspicionGridRows
} from "../../../src/features/suspicions/suspicions.js"

const suspicion: SuspicionView = {
  id: "s1",
  runId: "r1",
  firstRunId: "r1",
  rule: "PRICE_OVER_CAP",
  ruleVersion: 1,
  level: "line",
  fixmedinsCode: "H50023500001",
  institutionName: "奉节县人民医院",
  psnNo: "500***12",
  mdtrtId: "M000123",
  feedetlSn: ["F1"],
  medListCodg: "X1",
  date: "2025-03-14",
  amount: 1234.5,
  violation: "A38-3-OVER_STANDARD_CHARGE",
  message: "单价超过限价",
  evidence: {},
  status: "pending_first_review",
  category: "violation",
  setlId: null,
  step: "first_review",
  dueDate: null,
  overdue: false,
  assigneeId: null,
  assigneeName: null,
  revision: 0,
  filedAt: "2025-03-15T02:00:00.000Z"
}

describe("suspicion rows", () => {
  it("show rule, violation and status in Chinese and the amount with two decimals", () => {
    expect(suspicionGridRows([suspicion])[0]).toEqual({
      id: "s1",
      rule: "超限价收费",
      institution: "奉节县人民医院",
      mdtrtId: "M000123",
      date: "2025-03-14",
      amount: "1,234.50",
      violation: "第三十八条第三项 超标准收费",
      message: "单价超过限价",
      status: "待初审",
      category: "疑似违规",
      deadline: "—",
      assignee: "—",
      overdue: false
    })
  })

  it("fall back to codes and dashes", () => {
    const row = suspicionGridRows([
      { ...suspicion, rule: "NEW_RULE", institutionName: null, mdtrtId: null, date: null, violation: null }
    ])[0]
    expect(row).toMatchObject({
      rule: "NEW_RULE",
      institution: "H50023500001",
      mdtrtId: "—",
      date: "—",
      violation: "—"
    })
    expect(ruleText("CARD_POOLING")).toBe("聚集性盗刷")
    expect(violationText("lead only")).toBe("lead only")
  })

  it("add amounts to the fen", () => {
    expect(sumAmounts([{ amount: 0.1 }, { amount: 0.2 }])).toBe(0.3)
    expect(sumAmounts([{ amount: 1234.5 }, { amount: 8231.5 }, { amount: Number.NaN }])).toBe(9466)
    expect(sumAmounts([])).toBe(0)
  })
})

describe("screening runs", () => {
  const run = (id: string, startedAt: string, status: ScreeningRun["status"] = "succeeded"): ScreeningRun => ({
    id,
    startedAt,
    finishedAt: null,
    status,
    trigger: "cli",
    extract: "extract-2025-06",
    admdvs: null,
    periodFrom: "2025-01-01",
    periodTo: "2025-06-30",
    suspicionCount: 321,
    newCount: 0,
    statusCounts: {},
    durationMs: null,
    ruleCounts: {},
    rules: [],
    progress: null,
    heartbeatAt: null,
    partitions: [],
    error: null
  })

  it("pick the latest run", () => {
    expect(latestRun([])).toBeNull()
    expect(
      latestRun([run("a", "2025-09-01T00:00:00Z"), run("b", "2025-09-18T00:00:00Z"), run("c", "2025-09-02T00:00:00Z")])
        ?.id
    ).toBe("b")
  })

  it("describe a run in one line", () => {
    expect(describeRun(run("a", "2025-09-17T18:00:00Z"))).toBe(
      "2025-09-18 02:00 开始 · 完成 · 数据期间 2025-01-01 至 2025-06-30 · 生成疑点 321 条"
    )
    expect(describeRun({ ...run("a", "2025-09-17T18:00:00Z", "running"), periodFrom: null })).toBe(
      "2025-09-18 02:00 开始 · 进行中"
    )
    expect(describeRun({ ...run("a", "2025-09-17T18:00:00Z", "queued"), periodFrom: null })).toBe(
      "2025-09-18 02:00 开始 · 排队中"
    )
  })
})

describe("pagePositions", () => {
  const cursor = (amount: number, id: string) => ({ amount, id })

  it("asks for the next page by the cursor its predecessor returned, and a jump by number", () => {
    const positions = pagePositions()
    const filters = { rule: "PRICE_OVER_CAP" }
    expect(positions.paging(filters, 1, 50)).toEqual({ page: 1 })
    positions.learn(1, cursor(120.5, "b"))
    expect(positions.paging(filters, 2, 50)).toEqual({ after: { amount: 120.5, id: "b" } })
    expect(positions.paging(filters, 7, 50)).toEqual({ page: 7 })
    positions.learn(2, null)
    expect(positions.paging(filters, 3, 50)).toEqual({ page: 3 })
  })

  it("forgets every position when the filters or the page size change", () => {
    const positions = pagePositions()
    positions.paging({ rule: "A" }, 1, 50)
    positions.learn(1, cursor(10, "x"))
    expect(positions.paging({ rule: "B" }, 2, 50)).toEqual({ page: 2 })
    positions.paging({ rule: "A" }, 1, 50)
    positions.learn(1, cursor(10, "x"))
    expect(positions.paging({ rule: "A" }, 2, 20)).toEqual({ page: 2 })
  })
})
