import { assert, describe, it } from "@effect/vitest"
import { assessPenalty } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import {
  documentFont,
  field,
  fields,
  filingApproval,
  hearingNotice,
  inquiryRecord,
  onsiteRecord,
  paragraph,
  penaltyDecision,
  penaltyNotice,
  printedText,
  rectificationNotice,
  renderPdf,
  serviceReceipt,
  type DocumentModel
} from "../src/index.js"
import {
  bureauName,
  filing,
  hearing,
  inquiry,
  notice,
  onsite,
  party,
  rectification,
  receipt
} from "./utils/fixtures.js"
import { rawPdf, readPdf, squeeze } from "./utils/pdf.js"

const creationDate = new Date("2026-12-06T08:00:00Z")
const render = (model: DocumentModel) => renderPdf(model, { creationDate })

/** The pages' text without the page footers, so text flowing over a page break reads on. */
const bodyText = (pageTexts: ReadonlyArray<string>) =>
  pageTexts.map((t) => squeeze(t).replace(/第\d+页共\d+页$/, "")).join("")

const models: ReadonlyArray<DocumentModel> = [
  filingApproval(filing),
  onsiteRecord(onsite),
  inquiryRecord(inquiry),
  penaltyNotice(notice),
  hearingNotice(hearing),
  serviceReceipt(receipt),
  rectificationNotice(rectification)
]

describe("renderPdf", () => {
  it("makes a small one-page A4 PDF whose text layer reads back in Chinese", async () => {
    const bytes = await render(penaltyNotice(notice))
    assert.strictEqual(rawPdf(bytes.subarray(0, 5)), "%PDF-")
    assert.isBelow(bytes.length, 500 * 1024, `${bytes.length} bytes`)
    const pdf = await readPdf(bytes)
    assert.strictEqual(pdf.pages, 1)
    const text = squeeze(pdf.text)
    assert.include(text, "奉节县医疗保障局")
    assert.include(text, "行政处罚事先告知书")
    assert.include(text, "奉医保罚告〔2026〕3号")
    assert.include(text, `${party.name}：`)
    assert.include(text, "收到本告知书之日起三个工作日内向本局提出")
    assert.include(text, "第1页共1页")
    assert.match(rawPdf(bytes), /\/MediaBox \[0 0 595\.28 841\.89\]/)
  })

  it("embeds a subset of the shipped font (CID-keyed CFF, FontFile3) with a ToUnicode map", async () => {
    const raw = rawPdf(await render(penaltyNotice(notice)))
    assert.match(raw, /\/FontFile3 \d+ 0 R/)
    assert.match(raw, /\/Subtype \/CIDFontType0C/)
    assert.match(raw, /\/ToUnicode \d+ 0 R/)
    // A subset's name carries a six-letter tag: ABCDEF+NotoSansHans-Regular (and the bold for titles).
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/)
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansHans-Bold/)
    assert.notMatch(raw, /\/FontFile2|\/BaseFont \/Helvetica/)
    assert.strictEqual(documentFont.licence, "SIL Open Font License 1.1")
  })

  it("prints every line of every kind of document", async () => {
    for (const model of models) {
      const bytes = await render(model)
      assert.isBelow(bytes.length, 500 * 1024, `${model.title}: ${bytes.length} bytes`)
      const pdf = await readPdf(bytes)
      const text = bodyText(pdf.pageTexts)
      for (const line of printedText(model)) assert.include(text, squeeze(line), `${model.title}: ${line}`)
    }
  })

  it("leaves the 办案提示 out of a 行政处罚决定书", async () => {
    const result = Effect.runSync(
      assessPenalty({
        subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
        region: "500235",
        decisionDate: "2025-09-18",
        violations: [
          { code: "A38-2-OVER_PRESCRIPTION", amount: 13791.6, occurredFrom: "2024-01-01", occurredTo: "2024-12-31" }
        ],
        factors: { firstOffence: true, refundedInFullByDeadline: true }
      })
    )
    const model = penaltyDecision({
      bureauName,
      number: "奉医保罚〔2025〕3号",
      result,
      party: {
        partyName: party.name,
        subjectKind: "institution",
        orgKind: "private_hospital",
        decisionDate: "2025-09-18"
      }
    })
    const text = bodyText((await readPdf(await render(model))).pageTexts)
    assert.include(text, "行政处罚决定书")
    assert.include(text, "处罚款13,791.60元（造成损失金额的1倍）")
    assert.include(text, "2025年9月18日")
    assert.notInclude(text, "办案提示")
    assert.notInclude(text, "移送卫生健康部门")
  })

  it("flows a long document over several pages without losing a paragraph", async () => {
    const paragraphs = Array.from(
      { length: 120 },
      (_, i) => `第${i + 1}段：经查，当事人于2024年度违反诊疗规范超量开药，造成医疗保障基金损失，涉及参保人员多人次。`
    )
    const model: DocumentModel = {
      kind: "inquiry_record",
      bureauName,
      title: "询问笔录",
      number: null,
      blocks: paragraphs.map((p) => paragraph(p))
    }
    const pdf = await readPdf(await render(model))
    assert.isAbove(pdf.pages, 4)
    assert.isTrue(squeeze(pdf.pageTexts[0]!).endsWith(`第1页共${pdf.pages}页`))
    const text = bodyText(pdf.pageTexts)
    let from = 0
    for (const p of paragraphs) {
      const at = text.indexOf(squeeze(p), from)
      assert.isAtLeast(at, from, `missing or out of order: ${p.slice(0, 8)}`)
      from = at + p.length
    }
  })

  it("continues a table row taller than a page on the next page", async () => {
    const entries = Array.from(
      { length: 80 },
      (_, i) => `第${i + 1}条：处方编号RX${String(i + 1).padStart(4, "0")}，单次开药超过30日用量。`
    )
    const model: DocumentModel = {
      kind: "onsite_record",
      bureauName,
      title: "现场检查笔录",
      number: null,
      blocks: [
        fields([
          field("检查时间", "2026年12月3日"),
          field("检查发现的问题", entries.join("\n")),
          field("记录人", "李执法")
        ])
      ]
    }
    const pdf = await readPdf(await render(model))
    assert.isAbove(pdf.pages, 1)
    const text = bodyText(pdf.pageTexts).replaceAll("检查发现的问题（续）", "")
    let from = 0
    for (const entry of entries) {
      const at = text.indexOf(squeeze(entry), from)
      assert.isAtLeast(at, from, `missing or out of order: ${entry.slice(0, 6)}`)
      from = at + 1
    }
    assert.include(squeeze(pdf.pageTexts[1]!), "检查发现的问题（续）")
    assert.include(text, "记录人李执法")
  })

  it("gives the same bytes for the same model and creation date", async () => {
    const model = rectificationNotice(rectification)
    const [a, b] = [await render(model), await render(model)]
    assert.isTrue(Buffer.from(a).equals(Buffer.from(b)))
    assert.match(rawPdf(a), /\/CreationDate \d+ 0 R/)
    assert.include(rawPdf(a), "(D:20261206080000Z)")
  })
})
