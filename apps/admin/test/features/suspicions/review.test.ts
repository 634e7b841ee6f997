import { describe, expect, it } from "vitest"
import {
  describeEvidence,
  evidenceChart,
  evidenceSentences,
  evidenceValueText
} from "../../../src/features/suspicions/evidence.js"
import {
  bulkFailureText,
  deadlineText,
  documentNames,
  draftToInput,
  emptyDraft,
  historyDetail,
  stepForm
} from "../../../src/features/suspicions/review.js"

describe("evidence in words", () => {
  const price = {
    med_list_name: "阿莫西林胶囊",
    pric: 15.8,
    ceiling: 10,
    ceiling_column: "pric_uplmt_lv3",
    hosp_lv: "3",
    cnt: 2,
    original_cnt: 3,
    refunded_cnt: 1
  }

  it("explains a price over the ceiling and draws price against ceiling", () => {
    expect(evidenceSentences("PRICE_OVER_CAP", price)).toEqual([
      "阿莫西林胶囊单价 15.80 元，一级医院限价 10.00 元，每单位超出 5.80 元。",
      "原数量 3，已退 1，按净数量 2 计算。"
    ])
    expect(evidenceChart("PRICE_OVER_CAP", price)).toEqual({
      kind: "bars",
      title: "单价与限价",
      unit: "元",
      bars: [
        { label: "限价", value: 10, flagged: false },
        { label: "收费单价", value: 15.8, flagged: true }
      ]
    })
  })

  it("names facts and codes in Chinese and turns lists of records into tables", () => {
    const { facts, tables } = describeEvidence({
      hosp_lv: "3",
      window: { from: "2025-01-01", pharmacies: 4 },
      missing_items: ["X1", "X2"],
      lines: [
        { feedetl_sn: "0001", pric: 12.5, cnt: 1 },
        { feedetl_sn: "0002", pric: 3, cnt: 2, amount: 6 }
      ]
    })
    expect(facts.map((f) => `${f.label}=${f.text}`)).toEqual([
      "医院等级=一级",
      "30日窗口·起=2025-01-01",
      "30日窗口·药店数=4",
      "无销售记录的药品=X1、X2"
    ])
    expect(tables).toEqual([
      {
        key: "lines",
        title: "涉及费用明细",
        columns: [
          { key: "feedetl_sn", label: "费用明细流水号" },
          { key: "pric", label: "单价（元）" },
          { key: "cnt", label: "数量" },
          { key: "amount", label: "金额（元）" }
        ],
        rows: [
          { feedetl_sn: "0001", pric: "12.50", cnt: "1", amount: "—" },
          { feedetl_sn: "0002", pric: "3.00", cnt: "2", amount: "6.00" }
        ]
      }
    ])
    expect(evidenceValueText("test_share", 0.8123)).toBe("81.2%")
    expect(evidenceValueText("counted", false)).toBe("否")
  })

  it("draws a stay timeline with the charge outside it, and the inventory balance", () => {
    const outside = {
      fee_ocur_time: "2025-02-09 08:00:00",
      begntime: "2025-02-03 09:12:00",
      endtime: "2025-02-08 10:30:00",
      position: "after_discharge",
      days_outside: 1
    }
    expect(evidenceSentences("CHARGE_OUTSIDE_STAY", outside)[1]).toContain("在出院后 1 天")
    expect(evidenceChart("CHARGE_OUTSIDE_STAY", outside)).toEqual({
      kind: "timeline",
      title: "住院期间与费用时间",
      ranges: [{ label: "本次住院", from: "2025-02-03 09:12:00", to: "2025-02-08 10:30:00" }],
      points: [{ label: "费用发生", at: "2025-02-09 08:00:00" }]
    })
    const split = evidenceChart("SPLIT_ADMISSION", {
      previous_begntime: "2025-01-02 08:00:00",
      previous_endtime: "2025-01-10 09:00:00",
      begntime: "2025-01-16 08:00:00",
      endtime: "2025-01-20 09:00:00"
    })
    expect(split?.kind === "timeline" && split.ranges.map((r) => r.label)).toEqual(["前次住院", "本次住院"])
    const stock = {
      opening_stock: 10,
      purchased: 100,
      purchase_returned: 5,
      available: 105,
      settled: 130,
      shortfall: 25
    }
    expect(evidenceSentences("INVENTORY_SHORTFALL", stock)).toEqual([
      "期初库存 10 + 采购 100 − 退货 5 = 可供 105；期间医保结算 130，短缺 25。"
    ])
    expect(evidenceChart("INVENTORY_SHORTFALL", stock)?.kind).toBe("bars")
    expect(evidenceChart("TRACE_CODE_REUSED", { drug_trac_codg: "8100" })).toBeNull()
  })
})

describe("review forms and wording", () => {
  it("says how long is left, or how late", () => {
    expect(deadlineText("2025-10-14", "pending_second_review", "2025-10-10")).toEqual({
      text: "2025-10-14（剩余 4 天）",
      overdue: false
    })
    expect(deadlineText("2025-10-14", "pending_second_review", "2025-10-14").text).toBe("2025-10-14（今天到期）")
    expect(deadlineText("2025-10-14", "pending_second_review", "2025-10-20")).toEqual({
      text: "2025-10-14（已逾期 6 天）",
      overdue: true
    })
    expect(deadlineText("2025-10-14", "confirmed", "2025-10-20").text).toBe("已办结")
  })

  it("asks each step for what it needs and builds the API's body", () => {
    const dismiss = stepForm("first_review_dismiss", true)
    expect(dismiss).toMatchObject({ reason: "required", reasonLabel: "排除理由", tone: "danger" })
    const draft = emptyDraft(40, "2025-10-10")
    expect(draftToInput("first_review_dismiss", dismiss, draft)).toEqual({
      ok: false,
      problems: [{ path: "$.reason", message: "请填写排除理由" }]
    })
    const respond = stepForm("record_response", false)
    expect(
      draftToInput("record_response", respond, {
        ...draft,
        responseKind: "appeal",
        statement: "有备案",
        documents: "备案函、 发票，"
      })
    ).toEqual({
      ok: true,
      input: {
        response: { kind: "appeal", statement: "有备案", receivedOn: "2025-10-10", documents: ["备案函", "发票"] }
      }
    })
    const propose = stepForm("propose_confirm", true)
    expect(draftToInput("propose_confirm", propose, { ...draft, reason: "属实", deductionAmount: "1,200.5" })).toEqual({
      ok: true,
      input: { reason: "属实", proposal: { disposition: "deduction", deductionAmount: 1200.5 } }
    })
    expect(draftToInput("propose_confirm", propose, { ...draft, reason: "属实", deductionAmount: "0" }).ok).toBe(false)
  })

  it("reads history details", () => {
    const entry = {
      revision: 5,
      action: "propose_confirm",
      label: "核实确认，提请审批",
      fromStatus: "verifying" as const,
      toStatus: "pending_approval" as const,
      level: "verification",
      actorName: "赵审核",
      actorRole: "reviewer" as const,
      reason: "属实",
      details: { proposal: { result: "confirm" as const, disposition: "deduction" as const, deductionAmount: 1200.5 } },
      assigneeName: null,
      dueDate: null,
      late: true,
      at: "2025-10-10T02:00:00Z"
    }
    expect(historyDetail(entry)).toBe("建议扣款/核减 1,200.50 元；超期办理")
    // The contract leaves details open: a response, a case number, and anything unexpected is passed over.
    expect(
      historyDetail({
        ...entry,
        late: false,
        details: { response: { kind: "appeal", statement: "有备案", receivedOn: "2025-10-09" }, caseNumber: "FJ-1" }
      })
    ).toBe("申诉（2025-10-09 收到）：有备案；案件编号 FJ-1")
    expect(historyDetail({ ...entry, late: false, details: null })).toBeNull()
    expect(historyDetail({ ...entry, late: false, details: { proposal: "?", caseNumber: 7 } })).toBeNull()
  })

  it("lists a response's documents by name, whatever the answer holds", () => {
    expect(documentNames(["备案函", "", 3, "发票"])).toEqual(["备案函", "发票"])
    expect(documentNames(null)).toEqual([])
  })

  it("says why a lead of a bulk step failed, with the contract's title of its code", () => {
    expect(bulkFailureText({ id: "s1", ok: false, code: "StaleRevision", detail: "疑点已被李四处理" })).toBe(
      "该疑点已被他人处理，请刷新后重试：疑点已被李四处理"
    )
    expect(bulkFailureText({ id: "s1", ok: false, code: "WrongStatus", detail: "当前状态不能执行此步骤" })).toBe(
      "当前状态不能执行此步骤"
    )
    expect(bulkFailureText({ id: "s1", ok: false, code: "Mystery", detail: "说不清" })).toBe("说不清")
    expect(bulkFailureText({ id: "s1", ok: false })).toBe("处理失败")
  })
})
