import { assert, describe, it } from "@effect/vitest"
import { assessPenalty } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import {
  escapeHtml,
  filingApproval,
  penaltyDecision,
  penaltyNotice,
  renderHtml,
  serviceReceipt,
  type DocumentModel
} from "../src/index.js"
import { bureauName, filing, notice, receipt } from "./utils/fixtures.js"

const hostile = '<script>alert("x")</script>&医院'

describe("renderHtml", () => {
  it("makes a complete zh-CN page with the title centred and the 文号 under it", () => {
    const html = renderHtml(penaltyNotice(notice))
    assert.match(html, /^<!doctype html>\n<html lang="zh-CN">/)
    assert.include(html, `<meta charset="utf-8">`)
    assert.include(html, "<title>奉节县医疗保障局行政处罚事先告知书</title>")
    assert.include(
      html,
      `<p class="bureau">奉节县医疗保障局</p>\n<h1>行政处罚事先告知书</h1>\n<p class="number">奉医保罚告〔2026〕3号</p>`
    )
    assert.match(html, /\.document header \{ text-align: center;/)
    assert.include(html, "收到本告知书之日起三个工作日内")
    assert.match(html, /<\/html>\n$/)
  })

  it("prints on A4 with a 仿宋/宋体 stack and hides the notes in print", () => {
    const html = renderHtml(filingApproval(filing))
    assert.match(html, /@page \{ size: A4;/)
    assert.match(html, /font-family: "FangSong", "STFangsong", "仿宋", "仿宋_GB2312", "SimSun", "宋体"/)
    const print = html.slice(html.indexOf("@media print"))
    assert.match(print, /\.document \.note \{ display: none; \}/)
    assert.match(html, /table\.fields th, \.document table\.fields td \{ border: 1px solid #000;/)
  })

  it("renders the fields as a bordered table, keeping line breaks and the room left for signing", () => {
    const html = renderHtml(filingApproval(filing))
    assert.include(html, `<table class="fields"><tbody><tr><th scope="row">案号</th><td>奉医保案〔2026〕3号</td></tr>`)
    assert.include(
      html,
      `<th scope="row">初审意见</th><td style="height: 5.25em">同意立案。<br>签名：陈科长\u3000\u30002026年12月2日</td>`
    )
  })

  it("escapes every text value: a party named with markup comes out as text", () => {
    const model: DocumentModel = penaltyNotice({
      ...notice,
      number: `"><img src=x>`,
      party: { ...notice.party, name: hostile },
      facts: [hostile]
    })
    const html = renderHtml(model)
    assert.notInclude(html, "<script>")
    assert.notInclude(html, "<img")
    assert.include(html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;医院：")
    assert.include(html, `<p class="number">&quot;&gt;&lt;img src=x&gt;</p>`)
    const receiptHtml = renderHtml(serviceReceipt({ ...receipt, recipient: hostile, remarks: "a'b" }))
    assert.include(receiptHtml, "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;医院</td>")
    assert.include(receiptHtml, "a&#39;b")
    assert.strictEqual(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
  })

  it("shows the 办案提示 as a note block", () => {
    const result = Effect.runSync(
      assessPenalty({
        subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
        region: "500235",
        decisionDate: "2025-09-18",
        violations: [
          { code: "A38-2-OVER_PRESCRIPTION", amount: 13791.6, occurredFrom: "2024-01-01", occurredTo: "2024-12-31" }
        ],
        factors: { firstOffence: true }
      })
    )
    const html = renderHtml(
      penaltyDecision({
        bureauName,
        number: "奉医保罚〔2025〕3号",
        result,
        party: {
          partyName: "某某医院",
          subjectKind: "institution",
          orgKind: "private_hospital",
          decisionDate: "2025-09-18"
        }
      })
    )
    assert.match(
      html,
      /<aside class="note"><h2>办案提示（不印入决定书正文）<\/h2><ol>(<li>[^<]*<\/li>)*<li>移送卫生健康部门/
    )
    assert.include(
      html,
      `<div class="signature"><p>奉节县医疗保障局</p><p>2025年9月18日</p><p class="seal">（盖章）</p></div>`
    )
  })
})
