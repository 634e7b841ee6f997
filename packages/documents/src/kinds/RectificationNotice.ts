/**
 * 整改通知书: the problems an inspection found at an institution, the legal basis for ordering them put
 * right, the deadline, and what the institution's written report must contain.
 *
 * @since 0.1.0
 */
import { documentKindLabel, list, paragraph, signature, type DocumentModel } from "../Model.js"
import { addressee, contactText, requireCount, type AtLeastOne, type ContactData, type PartyData } from "../Parties.js"
import { chineseDate } from "../Text.js"

/**
 * What a report on rectification usually contains; pass it, or a list of your own, as `reportContents`.
 *
 * @category models
 */
export const defaultReportContents: ReadonlyArray<string> = [
  "问题产生的原因分析；",
  "已采取的整改措施及取得的成效；",
  "涉及医疗保障基金的，基金退回情况及凭证；",
  "建立健全的内部管理制度；",
  "整改责任人及联系方式。"
]

/**
 * What a 整改通知书 needs.
 *
 * @category models
 */
export interface RectificationNoticeData {
  readonly bureauName: string
  readonly number: string | null
  /** The date of the notice, `yyyy-MM-dd`. */
  readonly date: string
  readonly institution: PartyData
  /** Where the problems were found (`2026年11月20日对你单位开展的现场检查`). */
  readonly occasion: string
  readonly problems: AtLeastOne<string>
  /** The provisions the order rests on (`《医疗保障基金使用监督管理条例》第三十八条`). */
  readonly basis: ReadonlyArray<string>
  /** The day by which the rectification must be done, `yyyy-MM-dd`. */
  readonly deadline: string
  readonly reportContents: ReadonlyArray<string>
  readonly contact: ContactData
}

/**
 * Builds a 整改通知书.
 *
 * @throws RangeError when no problem is given.
 * @category constructors
 */
export const rectificationNotice = (data: RectificationNoticeData): DocumentModel => ({
  kind: "rectification_notice",
  bureauName: data.bureauName,
  title: documentKindLabel.rectification_notice,
  number: data.number,
  blocks: [
    paragraph(addressee(data.institution), false),
    paragraph(`本局在${data.occasion}中发现你单位存在以下问题：`),
    list(requireCount(data.problems, 1, "整改通知书的问题")),
    paragraph(
      `${data.basis.length === 0 ? "" : `依据${data.basis.join("、")}的规定，`}现责令你单位对上述问题进行整改，于${chineseDate(data.deadline)}前整改完毕，并将整改情况书面报告本局。`
    ),
    ...(data.reportContents.length === 0 ? [] : [paragraph("整改报告应当包括以下内容："), list(data.reportContents)]),
    paragraph("逾期未整改或者整改不到位的，本局将依法依规处理。"),
    paragraph(contactText(data.contact)),
    signature([data.bureauName], chineseDate(data.date), true)
  ]
})
