/**
 * 询问笔录: when and where, the inquirers (at least two) and the recorder, the person asked, the
 * statement of who is asking and of the person's rights and duties (申请回避, 如实回答) with the answer,
 * then the questions and answers (问/答) and the signature lines.
 *
 * @see 《中华人民共和国行政处罚法》第四十二条 (执法人员不得少于两人)、第四十三条 (回避)、第五十五条 (如实回答询问；询问应当制作笔录)
 * @since 0.1.0
 */
import { documentKindLabel, field, fields, paragraph, signature, type DocumentModel } from "../Model.js"
import { officersText, requireCount, type AtLeastTwo, type OfficerData } from "../Parties.js"
import { blank, blankDate, orBlank, recordTime } from "../Text.js"

/**
 * The person asked. The ID number is printed as given (mask it before: `500236********1234`).
 *
 * @category models
 */
export interface InquirySubject {
  readonly name: string
  readonly idNumber: string
  readonly employer?: string | null
  readonly position: string
  readonly phone?: string | null
}

/**
 * One question and its answer.
 *
 * @category models
 */
export interface QuestionAnswer {
  readonly question: string
  readonly answer: string
}

/**
 * What a 询问笔录 needs. Dates `yyyy-MM-dd`, times `HH:mm`.
 *
 * @category models
 */
export interface InquiryRecordData {
  readonly bureauName: string
  readonly number: string | null
  readonly date: string
  readonly startTime: string
  readonly endTime: string
  readonly place: string
  readonly inquirers: AtLeastTwo<OfficerData>
  readonly recorder: string
  readonly subject: InquirySubject
  /** The matter inquired into (`奉节县某某医院涉嫌超量开药一案`). */
  readonly caseName: string
  /** The person's answer to whether they ask for recusal (`不申请。`). */
  readonly recusalAnswer: string
  readonly exchanges: ReadonlyArray<QuestionAnswer>
}

/**
 * The opening the inquirers read out: who they are, their certificates, the matter, the duty to answer
 * truthfully and the right to ask for recusal.
 *
 * @category formatting
 */
export const inquiryOpening = (data: InquiryRecordData): string =>
  `问：我们是${data.bureauName}的执法人员${data.inquirers.map((i) => i.name).join("、")}，执法证号分别为${data.inquirers.map((i) => i.certificateNumber).join("、")}，这是我们的执法证件（出示）。现依法就${data.caseName}向你了解有关情况。你应当如实回答询问，协助调查，不得拒绝或者阻挠（《中华人民共和国行政处罚法》第五十五条）。你认为我们与本案有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避（第四十三条）。你是否申请回避？`

/**
 * Builds a 询问笔录.
 *
 * @throws RangeError when fewer than two inquirers are given.
 * @category constructors
 */
export const inquiryRecord = (data: InquiryRecordData): DocumentModel => {
  const inquirers = requireCount(data.inquirers, 2, "询问笔录的询问人")
  const subject = data.subject
  return {
    kind: "inquiry_record",
    bureauName: data.bureauName,
    title: documentKindLabel.inquiry_record,
    number: data.number,
    blocks: [
      fields([
        field("询问时间", recordTime(data.date, data.startTime, data.endTime)),
        field("询问地点", data.place),
        field("询问人", officersText(inquirers)),
        field("记录人", data.recorder),
        field("被询问人", subject.name),
        field("身份证件号码", subject.idNumber),
        field(
          "工作单位及职务",
          `${subject.employer === undefined || subject.employer === null ? "" : subject.employer}${subject.position}`
        ),
        field("联系电话", orBlank(subject.phone))
      ]),
      paragraph(inquiryOpening(data), false),
      paragraph(`答：${data.recusalAnswer}`, false),
      ...data.exchanges.flatMap((qa) => [paragraph(`问：${qa.question}`, false), paragraph(`答：${qa.answer}`, false)]),
      fields([field("被询问人核对意见", "", 2)]),
      signature(
        [
          `被询问人（签名）：${blank}`,
          `询问人（签名）：${inquirers.map(() => blank).join("\u3000")}`,
          `记录人（签名）：${blank}`
        ],
        blankDate,
        false
      )
    ]
  }
}
