/**
 * 立案审批表: the officer's proposal to open a case (案件来源, the party, the facts, the article it
 * would fall under) and the three approval rows (初审, 复审, 审批), filled in or left blank for signing.
 *
 * @see 《中华人民共和国行政处罚法》第五十四条 (符合立案标准的，行政机关应当及时立案)
 * @since 0.1.0
 */
import { formatYuan } from "@fundguard/domain/kernel"
import { documentKindLabel, field, fields, type DocumentModel, type FieldRow } from "../Model.js"
import { partyRows, type PartyData } from "../Parties.js"
import { blank, blankDate, chineseDate, wideSpace } from "../Text.js"

/**
 * The three approval steps of a filing, in order.
 *
 * @category models
 */
export type ApprovalStage = "first_review" | "second_review" | "approval"

/**
 * Each approval step's name on the form.
 *
 * @category formatting
 */
export const approvalStageLabel: Readonly<Record<ApprovalStage, string>> = {
  first_review: "初审",
  second_review: "复审",
  approval: "审批"
}

/**
 * An approval step that has been taken: who, what they wrote, when (`yyyy-MM-dd`).
 *
 * @category models
 */
export interface ApprovalEntry {
  readonly name: string
  readonly opinion: string
  readonly date: string
}

/**
 * What a 立案审批表 needs.
 *
 * @category models
 */
export interface FilingApprovalData {
  readonly bureauName: string
  /** The form's own 文号, if the bureau numbers it. */
  readonly number: string | null
  /** 案号. */
  readonly caseNumber: string
  /** 案由 (`奉节县某某医院涉嫌超量开药案`). */
  readonly caseName: string
  /** 案件来源 (`智能监控疑点`, `举报投诉`, `监督检查发现`, …). */
  readonly caseSource: string
  readonly party: PartyData
  /** 简要案情. */
  readonly factSummary: string
  /** The fund money involved, in yuan, when known. */
  readonly amountInvolved: number | null
  /** The articles the conduct would fall under (`《医疗保障基金使用监督管理条例》第三十八条第二项`). */
  readonly proposedArticles: ReadonlyArray<string>
  /** The officers in charge (承办人) and their opinion. */
  readonly handlers: ReadonlyArray<string>
  readonly handlerOpinion: string
  readonly handlerDate: string | null
  /** The approval steps taken so far; a missing step is printed blank for signing. */
  readonly approvals: { readonly [S in ApprovalStage]?: ApprovalEntry }
}

const stages: ReadonlyArray<ApprovalStage> = ["first_review", "second_review", "approval"]

const approvalRow = (stage: ApprovalStage, entry: ApprovalEntry | undefined): FieldRow =>
  entry === undefined
    ? field(`${approvalStageLabel[stage]}意见`, `\n\n签名：${blank}${wideSpace}${blankDate}`, 3)
    : field(
        `${approvalStageLabel[stage]}意见`,
        `${entry.opinion}\n签名：${entry.name}${wideSpace}${chineseDate(entry.date)}`,
        3
      )

/**
 * Builds a 立案审批表.
 *
 * @category constructors
 */
export const filingApproval = (data: FilingApprovalData): DocumentModel => ({
  kind: "filing_approval",
  bureauName: data.bureauName,
  title: documentKindLabel.filing_approval,
  number: data.number,
  blocks: [
    fields([
      field("案号", data.caseNumber),
      field("案由", data.caseName),
      field("案件来源", data.caseSource),
      ...partyRows(data.party),
      field("涉及医疗保障基金", data.amountInvolved === null ? "待查" : formatYuan(data.amountInvolved)),
      field("简要案情", data.factSummary, 3),
      field("拟适用的法律依据", data.proposedArticles.length === 0 ? blank : data.proposedArticles.join("\n")),
      field(
        "承办人意见",
        `${data.handlerOpinion}\n承办人：${data.handlers.length === 0 ? blank : data.handlers.join("、")}${wideSpace}${data.handlerDate === null ? blankDate : chineseDate(data.handlerDate)}`,
        2
      ),
      ...stages.map((stage) => approvalRow(stage, data.approvals[stage]))
    ])
  ]
})
