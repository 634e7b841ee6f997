import { describe, expect, it } from "vitest"
import type { InstitutionRow } from "@fundguard/contracts/Institutions"
import type { SuspicionView } from "@fundguard/contracts/Review"
import type { ScreeningRun } from "@fundguard/contracts/Screening"
import { ruleText, violationText } from "../src/lib/labels.js"
import { chineseNumber, articleName, gradeTone, monthsText, transferDeadlineText } from "../src/lib/penaltyResult.js"
import { clampPage, clampPageSize, latestOnly } from "../src/lib/paging.js"
import { describeRun, institutionGridRows, latestRun, sumAmounts, suspicionGridRows } from "../src/lib/tables.js"

const hospital: InstitutionRow = {
  code: "H50023500001",
  name: "奉节县人民医院",
  orgKind: "public_hospital",
  hospitalLevel: "2",
  admdvs: "500235",
  approvedBeds: 800,
  supervisorCode: null
}
const clinic: InstitutionRow = {
  code: "H50023500123",
  name: "某村卫生室",
  orgKind: "village_clinic",
  hospitalLevel: null,
  admdvs: "500235",
  approvedBeds: null,
  supervisorCode: "H50023500010"
}
const centre: InstitutionRow = {
  ...clinic,
  code: "H50023500010",
  name: "某镇卫生院",
  orgKind: "township_health_center",
  supervisorCode: null
}

describe("institution rows", () => {
  it("show Chinese labels and dashes for missing values", () => {
    const [row] = institutionGridRows([hospital])
    expect(row).toEqual({
      id: "H50023500001",
      code: "H50023500001",
      name: "奉节县人民医院",
      orgKind: "公立医院",
      hospitalLevel: "二级",
      admdvs: "500235",
      approvedBeds: "800",
      supervisor: "—"
    })
    expect(institutionGridRows([clinic])[0]).toMatchObject({
      orgKind: "村卫生室",
      hospitalLevel: "—",
      approvedBeds: "—"
    })
  })

  it("name the supervising 卫生院 when it is on the same page", () => {
    expect(institutionGridRows([clinic])[0]?.supervisor).toBe("H50023500010")
    expect(institutionGridRows([clinic, centre])[0]?.supervisor).toBe("某镇卫生院（H50023500010）")
  })
})

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

describe("paging", () => {
  it("keeps page sizes within the API's limit", () => {
    expect(clampPageSize(50)).toBe(50)
    expect(clampPageSize(0)).toBe(50)
    expect(clampPageSize(Number.NaN)).toBe(50)
    expect(clampPageSize(1000)).toBe(200)
    expect(clampPageSize(20.7)).toBe(20)
  })

  it("never goes past the last page", () => {
    expect(clampPage(5, 120, 50)).toBe(3)
    expect(clampPage(2, 0, 50)).toBe(1)
    expect(clampPage(0, 120, 50)).toBe(1)
  })

  it("drops stale answers", () => {
    const requests = latestOnly()
    const first = requests.begin()
    const second = requests.begin()
    expect(requests.isCurrent(first)).toBe(false)
    expect(requests.isCurrent(second)).toBe(true)
  })
})

describe("result wording", () => {
  it("writes article numbers in Chinese", () => {
    expect(chineseNumber(38)).toBe("三十八")
    expect(chineseNumber(40)).toBe("四十")
    expect(chineseNumber(10)).toBe("十")
    expect(chineseNumber(7)).toBe("七")
    expect(articleName(41)).toBe("第四十一条")
  })

  it("colours grades and words months and deadlines", () => {
    expect(gradeTone("从重")).toBe("heavy")
    expect(gradeTone("从轻")).toBe("light")
    expect(gradeTone("减轻")).toBe("light")
    expect(gradeTone("一般")).toBe("normal")
    expect(gradeTone("不予处罚")).toBe("none")
    expect(monthsText(null, "暂停")).toBe("不适用")
    expect(monthsText({ min: 6, max: 12, recommended: 6 }, "暂停")).toBe("暂停6–12个月，建议6个月")
    expect(transferDeadlineText(7)).toBe("处罚决定书下达后7个工作日内")
    expect(transferDeadlineText(null)).toBe("见事由")
  })
})
