/**
 * 行政处罚事先告知书: the facts found, the evidence, the articles violated and the basis, the proposed
 * penalty, and the party's rights — 陈述、申辩 within the working days the bureau sets, and 听证 within
 * five days when the proposed penalty gives that right.
 *
 * @see 《中华人民共和国行政处罚法》第四十四条、第四十五条 (告知；陈述、申辩)
 * @see 《中华人民共和国行政处罚法》第六十三条、第六十四条 (听证：告知后五日内提出)
 * @since 0.1.0
 */
import { documentKindLabel, list, paragraph, signature, type DocumentModel } from "../Model.js"
import { addressee, contactText, type ContactData, type PartyData } from "../Parties.js"
import { chineseDate, chineseNumber } from "../Text.js"

/**
 * What a 行政处罚事先告知书 needs.
 *
 * @category models
 */
export interface PenaltyNoticeData {
  readonly bureauName: string
  readonly number: string | null
  /** The date of the notice, `yyyy-MM-dd`. */
  readonly date: string
  readonly party: PartyData
  readonly facts: ReadonlyArray<string>
  readonly evidence: ReadonlyArray<string>
  /** The provisions the conduct violated (`《医疗保障基金使用监督管理条例》第十五条第一款`). */
  readonly violatedArticles: ReadonlyArray<string>
  /** The provisions the penalty rests on (`《医疗保障基金使用监督管理条例》第三十八条第二项`). */
  readonly basis: ReadonlyArray<string>
  /** The proposed penalty, one line per measure (`罚款13,791.60元`). */
  readonly proposedPenalty: ReadonlyArray<string>
  /** The working days the party has to state its case (陈述、申辩). */
  readonly statementDays: number
  /** Whether the proposed penalty gives the right to a hearing (行政处罚法 Art.63). */
  readonly hearingAvailable: boolean
  readonly contact: ContactData
}

/**
 * The party's right to state its case and defend itself, within `days` working days.
 *
 * @category formatting
 */
export const statementRightText = (days: number): string =>
  `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。如需陈述、申辩，请于收到本告知书之日起${chineseNumber(days)}个工作日内向本局提出；逾期未提出的，视为放弃陈述、申辩的权利。`

/**
 * The party's right to ask for a hearing, within five days.
 *
 * @category formatting
 */
export const hearingRightText =
  "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证。如要求听证，应当在收到本告知书之日起五日内向本局提出；逾期未提出的，视为放弃听证的权利。"

/**
 * Builds a 行政处罚事先告知书.
 *
 * @category constructors
 */
export const penaltyNotice = (data: PenaltyNoticeData): DocumentModel => ({
  kind: "penalty_notice",
  bureauName: data.bureauName,
  title: documentKindLabel.penalty_notice,
  number: data.number,
  blocks: [
    paragraph(addressee(data.party), false),
    paragraph("经调查，本局认定你（单位）存在以下违法事实："),
    list(data.facts),
    paragraph("以上事实有下列证据证明："),
    list(data.evidence),
    paragraph(
      `你（单位）的上述行为违反了${data.violatedArticles.join("、")}的规定。依据${data.basis.join("、")}的规定，本局拟对你（单位）作出如下行政处罚：`
    ),
    list(data.proposedPenalty),
    paragraph(statementRightText(data.statementDays)),
    ...(data.hearingAvailable ? [paragraph(hearingRightText)] : []),
    paragraph(contactText(data.contact)),
    signature([data.bureauName], chineseDate(data.date), true)
  ]
})
