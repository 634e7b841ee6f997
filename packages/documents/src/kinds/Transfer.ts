/**
 * 案件移送书 and its 回执: the letter with which a case passes to another department (the health
 * commission, the police — 涉嫌犯罪案件移送书, 国务院令第310号 Art.6 — or the discipline commission), and the
 * receipt the receiving department signs (seed 004's attachment: 今收到你单位移送的……案件).
 *
 * @since 0.5.0
 */
import { documentKindLabel, field, fields, list, paragraph, signature, type DocumentModel } from "../Model.js"
import { chineseDate } from "../Text.js"

/**
 * What a transfer letter and its receipt need.
 *
 * @category models
 */
export interface TransferLetterData {
  readonly bureauName: string
  readonly number: string | null
  /** The receiving authority (`奉节县卫生健康委员会`). */
  readonly to: string
  /** Its title (`医保基金使用违法违规案件移送书`, `涉嫌犯罪案件移送书`). */
  readonly title: string
  readonly subject: string
  readonly facts: string
  /** The behaviours and the items of the transfer list. */
  readonly matters: ReadonlyArray<string>
  readonly amount: string | null
  readonly basis: string
  readonly materials: ReadonlyArray<{ readonly title: string; readonly pages: number }>
  /** The day sent, `yyyy-MM-dd`, or null before it is sent. */
  readonly date: string | null
  readonly contact: string | null
}

/**
 * Builds a transfer letter.
 *
 * @category constructors
 */
export const transferLetter = (data: TransferLetterData): DocumentModel => ({
  kind: "transfer_letter",
  bureauName: data.bureauName,
  title: data.title === "" ? documentKindLabel.transfer_letter : data.title,
  number: data.number,
  blocks: [
    paragraph(`${data.to}：`, false),
    paragraph(
      `本局在医疗保障基金监督管理中发现${data.subject}存在下列问题，根据${data.basis}的规定，属于你单位管辖（处理）范围，现依法移送你单位处理。`
    ),
    paragraph(`基本事实：${data.facts}${data.amount === null ? "" : `，涉及金额${data.amount}`}。`),
    ...(data.matters.length === 0 ? [] : [paragraph("涉及问题："), list(data.matters)]),
    paragraph(`随案移送材料共${data.materials.length}份、${data.materials.reduce((n, m) => n + m.pages, 0)}页：`),
    list(data.materials.map((m) => `${m.title}（${m.pages}页）`)),
    paragraph("请收到后在回执上签字（盖章）退回本局，并将处理结果及时反馈本局。"),
    ...(data.contact === null ? [] : [paragraph(data.contact)]),
    signature([data.bureauName], data.date === null ? "年  月  日" : chineseDate(data.date), true)
  ]
})

/**
 * What the receipt records once signed (or blank lines to sign on paper).
 *
 * @category models
 */
export interface TransferReceiptData {
  readonly bureauName: string
  readonly number: string | null
  /** Who the receipt goes back to (the sender). */
  readonly sender: string
  /** Who signs it (the receiver). */
  readonly receiver: string
  readonly pages: number
  readonly materials: ReadonlyArray<string>
  readonly signedBy: string | null
  readonly date: string | null
}

/**
 * Builds the receipt (回执) of a transfer letter.
 *
 * @category constructors
 */
export const transferReceipt = (data: TransferReceiptData): DocumentModel => ({
  kind: "transfer_receipt",
  bureauName: data.bureauName,
  title: documentKindLabel.transfer_receipt,
  number: null,
  blocks: [
    paragraph(`${data.sender}：`, false),
    paragraph(`今收到你单位移送的《案件移送书》（${data.number ?? "    号"}）案件，案卷${data.pages}页。`),
    paragraph("有关文书和证据："),
    list(data.materials),
    fields([
      field("签收人", data.signedBy ?? "", 1),
      field("签收日期", data.date === null ? "" : chineseDate(data.date), 1)
    ]),
    signature([data.receiver], data.date === null ? "年  月  日" : chineseDate(data.date), true)
  ]
})
