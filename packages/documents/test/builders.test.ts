import { assert, describe, it } from "@effect/vitest"
import {
  chineseDate,
  chineseNumber,
  chineseTime,
  documentKindLabel,
  filingApproval,
  hearingNotice,
  inquiryRecord,
  onsiteRecord,
  penaltyNotice,
  printedText,
  rectificationNotice,
  renderHtml,
  serviceReceipt,
  transferLetter,
  transferReceipt,
  type Block,
  type DocumentModel,
  type FieldRow,
  type OnsiteRecordData
} from "../src/index.js"
import { filing, hearing, inquiry, notice, onsite, party, rectification, receipt } from "./utils/fixtures.js"

const text = (model: DocumentModel) => printedText(model).join("\n")
const rows = (model: DocumentModel): ReadonlyArray<FieldRow> =>
  model.blocks.flatMap((b) => (b._tag === "fields" ? b.rows : []))
const row = (model: DocumentModel, label: string): FieldRow => {
  const found = rows(model).find((r) => r.label === label)
  assert.isDefined(found, `no row ${label}`)
  return found!
}
const only = <T extends Block["_tag"]>(model: DocumentModel, tag: T) =>
  model.blocks.filter((b): b is Extract<Block, { _tag: T }> => b._tag === tag)

describe("wording helpers", () => {
  it("prints dates, times and small numbers the way documents do", () => {
    assert.strictEqual(chineseDate("2026-12-06"), "2026年12月6日")
    assert.strictEqual(chineseDate("2027-01-15"), "2027年1月15日")
    assert.throws(() => chineseDate("2026-02-30"), RangeError)
    assert.throws(() => chineseDate("6 December 2026"), RangeError)
    assert.strictEqual(chineseTime("09:05"), "9时05分")
    assert.throws(() => chineseTime("24:00"), RangeError)
    assert.deepStrictEqual([0, 3, 5, 10, 15, 20, 60, 99, 100].map(chineseNumber), [
      "零",
      "三",
      "五",
      "十",
      "十五",
      "二十",
      "六十",
      "九十九",
      "100"
    ])
  })
})

describe("立案审批表", () => {
  const model = filingApproval(filing)

  it("carries the case, its source, the party and the proposal", () => {
    assert.strictEqual(model.kind, "filing_approval")
    assert.strictEqual(model.title, "立案审批表")
    assert.strictEqual(model.number, "奉医保立〔2026〕3号")
    assert.strictEqual(row(model, "案号").value, "奉医保案〔2026〕3号")
    assert.strictEqual(row(model, "案件来源").value, "智能监控疑点")
    assert.strictEqual(row(model, "当事人").value, "奉节县某某医院")
    assert.strictEqual(row(model, "统一社会信用代码").value, party.code)
    assert.strictEqual(row(model, "住所（地址）").value, party.address)
    assert.strictEqual(row(model, "法定代表人（负责人）").value, "赵某某")
    assert.strictEqual(row(model, "涉及医疗保障基金").value, "13,791.60元")
    assert.include(row(model, "简要案情").value, "超量开药")
    assert.include(row(model, "拟适用的法律依据").value, "第三十八条第二项")
    assert.include(row(model, "承办人意见").value, "建议立案调查")
    assert.include(row(model, "承办人意见").value, "王稽核、李执法　　2026年12月1日")
  })

  it("prints the three approval rows in order, the steps not yet taken blank for signing", () => {
    const approvals = rows(model).slice(-3)
    assert.deepStrictEqual(
      approvals.map((r) => r.label),
      ["初审意见", "复审意见", "审批意见"]
    )
    assert.strictEqual(approvals[0]!.value, "同意立案。\n签名：陈科长　　2026年12月2日")
    for (const blankRow of approvals.slice(1)) {
      assert.match(blankRow.value, /^\n\n签名：＿+\u3000\u3000\s*年\s*月\s*日$/)
      assert.isAtLeast(blankRow.minLines, 3)
    }
  })

  it("leaves a party without legal representative without that row", () => {
    const model = filingApproval({ ...filing, party: { name: "张某" }, amountInvolved: null })
    assert.isUndefined(rows(model).find((r) => r.label === "法定代表人（负责人）"))
    assert.strictEqual(row(model, "住所（地址）").value, "＿＿＿＿＿＿＿＿")
    assert.strictEqual(row(model, "涉及医疗保障基金").value, "待查")
  })
})

describe("现场检查笔录", () => {
  const model = onsiteRecord(onsite)

  it("records time, place, inspectors with certificates, the present person and the checklist", () => {
    assert.strictEqual(model.title, "现场检查笔录")
    assert.strictEqual(row(model, "检查时间").value, "2026年12月3日9时30分至11时20分")
    assert.strictEqual(row(model, "检查地点").value, "奉节县某某医院门诊药房")
    assert.strictEqual(row(model, "被检查单位").value, "奉节县某某医院")
    assert.strictEqual(row(model, "检查人员").value, "王稽核（执法证号：50023601001）、李执法（执法证号：50023601002）")
    assert.strictEqual(row(model, "现场负责人").value, "孙主任（医保办主任，联系电话：13800000000）")
    assert.strictEqual(row(model, "处方与结算明细是否一致").value, "不一致：抽查处方12张，8张超量")
    assert.strictEqual(row(model, "药品进销存台账").value, "符合")
    assert.deepStrictEqual(only(model, "list")[0]!.items, onsite.findings)
    assert.include(text(model), "抽查参保人员36人次，现场拍摄照片14张，调取（复制）资料5份")
  })

  it("ends with signature lines for both inspectors, the recorder and the institution", () => {
    const sig = only(model, "signature")[0]!
    assert.match(sig.lines[0]!, /^检查人员（签名）：＿+\u3000＿+$/)
    assert.include(sig.lines.join("\n"), "被检查单位在场人员（签名）")
    assert.isFalse(sig.seal)
  })

  it("refuses a record with a single inspector (执法人员不得少于两人)", () => {
    const lone = { ...onsite, inspectors: [onsite.inspectors[0]] } as unknown as OnsiteRecordData
    assert.throws(() => onsiteRecord(lone), RangeError, /at least 2/)
  })
})

describe("询问笔录", () => {
  const model = inquiryRecord(inquiry)

  it("records who asked whom, the rights told, and the questions and answers in order", () => {
    assert.strictEqual(row(model, "询问时间").value, "2026年12月4日14时00分至15时10分")
    assert.strictEqual(row(model, "记录人").value, "李执法")
    assert.strictEqual(row(model, "被询问人").value, "孙某某")
    assert.strictEqual(row(model, "身份证件号码").value, "500236********1234")
    assert.strictEqual(row(model, "工作单位及职务").value, "奉节县某某医院医保办主任")
    const said = only(model, "paragraph").map((p) => p.text)
    assert.include(said[0]!, "执法证号分别为50023601001、50023601002")
    assert.include(said[0]!, "有权申请回避")
    assert.include(said[0]!, "如实回答询问")
    assert.deepStrictEqual(said.slice(1), [
      "答：不申请。",
      "问：你院门诊慢特病处方由谁审核？",
      "答：由药房药师审核。",
      "问：为何单次开药超过30日用量？",
      "答：部分患者路远，医生多开了。"
    ])
    const sig = only(model, "signature")[0]!
    assert.deepStrictEqual(
      sig.lines.map((l) => l.split("：")[0]),
      ["被询问人（签名）", "询问人（签名）", "记录人（签名）"]
    )
  })
})

describe("行政处罚事先告知书", () => {
  it("states facts, evidence, the articles and the proposed penalty, and the deadlines of the rights", () => {
    const model = penaltyNotice(notice)
    const all = text(model)
    assert.strictEqual(model.number, "奉医保罚告〔2026〕3号")
    assert.strictEqual(printedText(model)[3], "奉节县某某医院：")
    assert.include(all, "造成医疗保障基金损失13,791.60元")
    assert.include(all, "询问笔录1份")
    assert.include(all, "违反了《医疗保障基金使用监督管理条例》第十五条第一款的规定")
    assert.include(
      all,
      "依据《医疗保障基金使用监督管理条例》第三十八条第二项的规定，本局拟对你（单位）作出如下行政处罚"
    )
    assert.deepStrictEqual(only(model, "list")[2]!.items, notice.proposedPenalty)
    assert.include(all, "收到本告知书之日起三个工作日内向本局提出")
    assert.include(all, "第六十三条、第六十四条")
    assert.include(all, "收到本告知书之日起五日内向本局提出")
    assert.include(all, "联系人：王稽核　　联系电话：023-56551234")
    assert.deepStrictEqual(only(model, "signature")[0], {
      _tag: "signature",
      lines: ["奉节县医疗保障局"],
      date: "2026年12月6日",
      seal: true
    })
  })

  it("leaves the hearing out when the penalty gives no right to one, and takes the days from the data", () => {
    const all = text(penaltyNotice({ ...notice, hearingAvailable: false, statementDays: 5 }))
    assert.notInclude(all, "听证")
    assert.include(all, "五个工作日内")
  })
})

describe("听证通知书", () => {
  it("gives the time and place, the presiding officer and the rights", () => {
    const model = hearingNotice(hearing)
    const all = text(model)
    assert.include(all, "你（单位）于2026年12月8日提出的听证申请")
    assert.include(all, "本局决定于2026年12月20日9时30分在奉节县医疗保障局三楼会议室就你院涉嫌超量开药一案公开举行听证")
    assert.include(all, "听证主持人为周法规，记录员为吴记录")
    assert.include(all, "有权申请回避")
    assert.include(all, "委托一至二人代理")
    assert.strictEqual(only(model, "signature")[0]!.date, "2026年12月10日")
  })
})

describe("送达回证", () => {
  it("names the document served, the method, the date, the servers and leaves the recipient's row to sign", () => {
    const model = serviceReceipt(receipt)
    assert.strictEqual(model.title, "送达回证")
    assert.strictEqual(row(model, "送达文书名称及文号").value, "行政处罚决定书（奉医保罚〔2026〕3号）")
    assert.strictEqual(row(model, "受送达人").value, "奉节县某某医院")
    assert.strictEqual(row(model, "送达方式").value, "留置送达")
    assert.strictEqual(row(model, "送达时间").value, "2026年12月28日")
    assert.strictEqual(row(model, "送达人").value, "王稽核、李执法")
    assert.isAtLeast(row(model, "受送达人签名或者盖章").minLines, 3)
    assert.include(row(model, "见证人签名").value, "拒收事由")
    assert.strictEqual(row(model, "备注").value, receipt.remarks)
  })

  it("has no witness row when served directly", () => {
    const model = serviceReceipt({ ...receipt, method: "direct", remarks: null })
    assert.strictEqual(row(model, "送达方式").value, "直接送达")
    assert.isUndefined(rows(model).find((r) => r.label === "见证人签名"))
  })
})

describe("整改通知书", () => {
  it("lists the problems, the basis, the deadline and what the report must contain", () => {
    const model = rectificationNotice(rectification)
    const all = text(model)
    assert.deepStrictEqual(only(model, "list")[0]!.items, rectification.problems)
    assert.include(
      all,
      "依据《医疗保障基金使用监督管理条例》第三十八条的规定，现责令你单位对上述问题进行整改，于2027年1月5日前整改完毕"
    )
    assert.deepStrictEqual(only(model, "list")[1]!.items, rectification.reportContents)
    assert.strictEqual(only(model, "signature")[0]!.lines[0], "奉节县医疗保障局")
  })
})

describe("labels", () => {
  it("names every kind", () => {
    assert.deepStrictEqual(Object.values(documentKindLabel), [
      "立案审批表",
      "现场检查笔录",
      "询问笔录",
      "行政处罚事先告知书",
      "听证通知书",
      "行政处罚决定书",
      "送达回证",
      "整改通知书",
      "案件移送书",
      "案件移送书（回执）"
    ])
  })
})

describe("transfer documents", () => {
  it("writes the letter to the receiving department with its materials, and the receipt it signs", () => {
    const letter = transferLetter({
      bureauName: "奉节县医疗保障局",
      number: "奉医保案移〔2026〕1号",
      to: "卫生健康委员会",
      title: "医保基金使用违法违规案件移送书",
      subject: "奉节县某医院",
      facts: "无指征开展CT检查312人次",
      matters: ["违反诊疗规范过度检查（第三十八条第二项）"],
      amount: "48,200.00元",
      basis: "《医疗保障基金使用监督管理条例》第三十八条",
      materials: [
        { title: "移送书", pages: 2 },
        { title: "证据材料", pages: 36 }
      ],
      date: "2026-11-20",
      contact: null
    })
    const html = renderHtml(letter)
    assert.ok(html.includes("卫生健康委员会："))
    assert.ok(html.includes("随案移送材料共2份、38页"))
    assert.ok(html.includes("奉医保案移〔2026〕1号"))
    const receipt = renderHtml(
      transferReceipt({
        bureauName: "卫生健康委员会",
        number: "奉医保案移〔2026〕1号",
        sender: "奉节县医疗保障局",
        receiver: "卫生健康委员会",
        pages: 38,
        materials: ["移送书（2页）"],
        signedBy: "刘某",
        date: "2026-11-21"
      })
    )
    assert.ok(receipt.includes("今收到你单位移送的《案件移送书》（奉医保案移〔2026〕1号）案件，案卷38页。"))
    assert.ok(receipt.includes("刘某"))
  })
})
