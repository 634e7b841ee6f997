/**
 * 听证通知书: the time and place of the hearing, its presiding officer, and the party's rights (回避,
 * 委托一至二人代理) and duties. The bureau must send it at least seven days before the hearing
 * (行政处罚法 Art.64(2)); the date comes with the data and the builder does not check it.
 *
 * @see 《中华人民共和国行政处罚法》第六十四条
 * @since 0.1.0
 */
import { documentKindLabel, list, paragraph, signature, type DocumentModel } from "../Model.js"
import { addressee, contactText, type ContactData, type PartyData } from "../Parties.js"
import { chineseDate, chineseTime } from "../Text.js"

/**
 * When and where the hearing is held, and whether in public.
 *
 * @category models
 */
export interface HearingArrangement {
  /** `yyyy-MM-dd`; at least seven days after the notice. */
  readonly date: string
  /** `HH:mm`. */
  readonly time: string
  readonly place: string
  /** Heard in public unless it touches state secrets, trade secrets or privacy (Art.64(3)). */
  readonly public: boolean
}

/**
 * What a 听证通知书 needs.
 *
 * @category models
 */
export interface HearingNoticeData {
  readonly bureauName: string
  readonly number: string | null
  /** The date of the notice, `yyyy-MM-dd`. */
  readonly date: string
  readonly party: PartyData
  /** The case (`你（单位）涉嫌超量开药一案`). */
  readonly caseName: string
  /** The day the party asked for the hearing, if it did in writing. */
  readonly requestedOn: string | null
  readonly hearing: HearingArrangement
  /** 听证主持人: an officer who did not investigate the case (Art.64(4)). */
  readonly hearingOfficer: string
  /** 记录员, if already named. */
  readonly clerk: string | null
  readonly contact: ContactData
}

/**
 * The party's rights and duties at a hearing.
 *
 * @category formatting
 */
export const hearingRights: ReadonlyArray<string> = [
  "你（单位）认为听证主持人、记录员与本案有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避。申请回避应当在听证开始前提出，并说明理由。",
  "你（单位）可以亲自参加听证，也可以委托一至二人代理。委托代理人参加听证的，应当在听证开始前向本局提交由你（单位）签名或者盖章的授权委托书，写明委托事项和权限。",
  "参加听证时，请携带身份证明（法人或者其他组织还应当携带主体资格证明和法定代表人身份证明）以及有关证据材料；需要证人到场作证的，请事先告知本局。",
  "你（单位）及代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本局终止听证（《中华人民共和国行政处罚法》第六十四条第六项）。"
]

/**
 * Builds a 听证通知书.
 *
 * @category constructors
 */
export const hearingNotice = (data: HearingNoticeData): DocumentModel => {
  const h = data.hearing
  const requested =
    data.requestedOn === null ? "" : `你（单位）于${chineseDate(data.requestedOn)}提出的听证申请，本局已收悉。`
  return {
    kind: "hearing_notice",
    bureauName: data.bureauName,
    title: documentKindLabel.hearing_notice,
    number: data.number,
    blocks: [
      paragraph(addressee(data.party), false),
      paragraph(
        `${requested}根据《中华人民共和国行政处罚法》第六十四条的规定，本局决定于${chineseDate(h.date)}${chineseTime(h.time)}在${h.place}就${data.caseName}${h.public ? "公开" : "不公开"}举行听证，听证主持人为${data.hearingOfficer}${data.clerk === null ? "" : `，记录员为${data.clerk}`}。请你（单位）准时出席。`
      ),
      paragraph("现将有关事项告知如下："),
      list(hearingRights),
      paragraph(contactText(data.contact)),
      signature([data.bureauName], chineseDate(data.date), true)
    ]
  }
}
