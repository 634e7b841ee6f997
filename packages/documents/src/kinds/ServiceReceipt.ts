/**
 * 送达回证: which documents were served (title and 文号), on whom, where, how and when, by whom, and the
 * row where the recipient signs. A 留置送达 gets a row for the witness (见证人).
 *
 * @see 《中华人民共和国行政处罚法》第六十一条 (决定书送达，依照《中华人民共和国民事诉讼法》的有关规定)
 * @since 0.1.0
 */
import { serviceMethodLabel } from "@fundguard/domain/enforcement"
import { documentKindLabel, field, fields, signature, type DocumentModel } from "../Model.js"
import { requireCount, type AtLeastOne } from "../Parties.js"
import { blank, blankDate, chineseDate, orBlank, wideSpace } from "../Text.js"

/**
 * How a document was served: the domain's methods (直接、留置、邮寄、电子、公告送达).
 *
 * @category models
 */
export type ServiceMethod = keyof typeof serviceMethodLabel

/**
 * A document served: its title and 文号.
 *
 * @category models
 */
export interface ServedDocument {
  readonly title: string
  readonly number: string | null
}

/**
 * What a 送达回证 needs.
 *
 * @category models
 */
export interface ServiceReceiptData {
  readonly bureauName: string
  /** The receipt's own number, if the bureau numbers receipts. */
  readonly number: string | null
  readonly documents: AtLeastOne<ServedDocument>
  /** 受送达人. */
  readonly recipient: string
  /** Who received it for the recipient and why (`张某（办公室主任），受当事人委托代收`), if not the recipient. */
  readonly receivedBy?: string | null
  readonly place: string
  readonly method: ServiceMethod
  /** `yyyy-MM-dd`. */
  readonly date: string
  /** 送达人. */
  readonly servers: AtLeastOne<string>
  readonly remarks?: string | null
}

/**
 * Builds a 送达回证.
 *
 * @throws RangeError when no document or no server is given.
 * @category constructors
 */
export const serviceReceipt = (data: ServiceReceiptData): DocumentModel => {
  const documents = requireCount(data.documents, 1, "送达回证的送达文书")
  const servers = requireCount(data.servers, 1, "送达回证的送达人")
  return {
    kind: "service_receipt",
    bureauName: data.bureauName,
    title: documentKindLabel.service_receipt,
    number: data.number,
    blocks: [
      fields([
        field(
          "送达文书名称及文号",
          documents.map((d) => (d.number === null ? d.title : `${d.title}（${d.number}）`)).join("\n")
        ),
        field("受送达人", data.recipient),
        field("送达地点", data.place),
        field("送达方式", serviceMethodLabel[data.method]),
        field("送达时间", chineseDate(data.date)),
        field("送达人", servers.join("、")),
        field("受送达人签名或者盖章", `\n\n${blankDate}`, 3),
        ...(data.receivedBy === undefined || data.receivedBy === null
          ? []
          : [field("代收人及代收理由", data.receivedBy)]),
        ...(data.method === "left_at_premises"
          ? [field("见证人签名", `拒收事由：${blank}\n见证人（签名）：${blank}${wideSpace}${blankDate}`, 3)]
          : []),
        field("备注", orBlank(data.remarks), 2)
      ]),
      signature([data.bureauName], chineseDate(data.date), true)
    ]
  }
}
