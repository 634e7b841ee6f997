/**
 * 行政处罚决定书, composed from an assessment result (`assessPenalty` of `@fundguard/domain/penalty`):
 * the facts, the basis and the reasons for the grade (the items' explanations), the decision, how and
 * when to pay (行政处罚法 Art.67, Art.72), and the remedies (行政复议 60 days, 行政诉讼 6 months).
 * Internal steps (transfers, hearing, legal review) are listed apart as 办案提示, a note that is never
 * printed as part of the document.
 *
 * `decisionDraft` is the draft the admin's penalty page shows and prints (moved here from
 * `apps/admin/src/features/penalty/decisionDraft.ts`, wording unchanged); `penaltyDecision` makes the
 * same text a `DocumentModel` with the bureau, the 文号 and the party's name.
 *
 * @see 《中华人民共和国行政处罚法》第五十九条 (决定书载明的事项)、第六十七条、第七十二条
 * @since 0.1.0
 */
import { formatYuan, orgKindLabel, type OrgKind } from "@fundguard/domain/kernel"
import {
  violationCatalogue,
  type AssessedItem,
  type AssessmentResult,
  type TransferTarget
} from "@fundguard/domain/penalty"
import { heading, note, paragraph, signature, type Block, type DocumentModel } from "../Model.js"
import { chineseDate } from "../Text.js"

/**
 * What the draft needs beyond the result (the party's name is not part of the assessment input).
 *
 * @category models
 */
export interface DraftParty {
  readonly partyName: string
  readonly subjectKind: "institution" | "individual" | "agency" | "staff"
  readonly orgKind: OrgKind | ""
  /** `yyyy-MM-dd`. */
  readonly decisionDate: string
}

/**
 * A numbered section of the draft (`一、违法事实`) and its paragraphs.
 *
 * @category models
 */
export interface DraftSection {
  readonly heading: string
  readonly paragraphs: ReadonlyArray<string>
}

/**
 * The decision draft as the admin's penalty page shows it.
 *
 * @category models
 */
export interface DecisionDraft {
  readonly title: string
  readonly number: string
  readonly party: string
  readonly sections: ReadonlyArray<DraftSection>
  /** Internal steps, printed apart and marked as not part of the document. */
  readonly notes: ReadonlyArray<string>
  readonly signature: ReadonlyArray<string>
}

const partyKind: Readonly<Record<DraftParty["subjectKind"], string>> = {
  institution: "定点医药机构",
  individual: "个人",
  agency: "医疗保障经办机构",
  staff: "工作人员"
}

const transferTargetLabel: Readonly<Record<TransferTarget, string>> = {
  police: "公安机关",
  health_commission: "卫生健康部门",
  discipline_commission: "纪检监察机关",
  market_regulation: "市场监督管理部门"
}

const catalogueByCode = new Map<string, (typeof violationCatalogue)[number]>(violationCatalogue.map((e) => [e.code, e]))

/** A catalogue code as `第三十八条第三项 超标准收费`; codes outside the catalogue as they are. */
const violationText = (code: string): string => {
  const entry = catalogueByCode.get(code)
  return entry === undefined ? code : `${entry.clause} ${entry.behaviour}`
}

const numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
const ordinal = (i: number) => `（${numerals[i] ?? String(i + 1)}）`

/** Explanation lines that state facts (经查…, 上述行为…) versus those that give the basis and the reasons. */
const isFact = (line: string) => line.startsWith("经查") || line.startsWith("上述行为")
/** Lines about the staff's payment-qualification points: a follow-up step, not part of the decision. */
const isInternal = (line: string) => line.startsWith("医保支付资格记分")

/**
 * The decision of one item, as the operative part of a 决定书 words it.
 *
 * @category formatting
 */
export const itemDecision = (item: AssessedItem): ReadonlyArray<string> => {
  if (item.track === "agreement") return item.measures.map((m) => `由医疗保障经办机构按服务协议${m}`)
  const parts: Array<string> = []
  if (item.measures.includes("责令改正")) parts.push("责令改正")
  if (item.refund > 0)
    parts.push(`${item.measures.includes("责令追回") ? "责令追回" : "责令退回"}医疗保障基金${formatYuan(item.refund)}`)
  if (item.fine !== null)
    parts.push(
      `处罚款${formatYuan(item.fine.recommended)}${item.fine.recommendedMultiple === null ? "" : `（${item.fine.basis === "loss" ? "造成损失金额" : "骗取金额"}的${item.fine.recommendedMultiple}倍）`}`
    )
  if (item.confiscation !== null && item.confiscation > 0) parts.push(`没收违法所得${formatYuan(item.confiscation)}`)
  if (item.suspensionMonths !== null)
    parts.push(`责令暂停相关责任部门${item.suspensionMonths.recommended}个月涉及医疗保障基金使用的医药服务`)
  if (item.settlementSuspensionMonths !== null)
    parts.push(`暂停医疗费用联网结算${item.settlementSuspensionMonths.recommended}个月`)
  if (item.managementBan !== null)
    parts.push(`${item.managementBan.appliesTo}${item.managementBan.years}年内禁止从事定点医药机构管理活动`)
  if (item.agreementTermination.recommended) parts.push("建议医疗保障经办机构解除服务协议")
  if (item.outcome === "no_penalty" && item.grade === "不予处罚") parts.push("不予行政处罚，并对当事人进行教育")
  return parts
}

const titleOf = (result: AssessmentResult): string =>
  result.outcome === "penalty"
    ? "行政处罚决定书（草稿）"
    : result.outcome === "agreement_only"
      ? "协议处理意见书（草稿）"
      : result.items.every((i) => i.grade === "不予处罚")
        ? "不予行政处罚决定书（草稿）"
        : "责令改正决定书（草稿）"

/**
 * Composes the draft. Everything the result says is used as it is; placeholders (`＿＿`) mark what the
 * officer must fill in (document number, the party's name when not given).
 *
 * @category constructors
 */
export const decisionDraft = (result: AssessmentResult, party: DraftParty): DecisionDraft => {
  const name = party.partyName.trim() === "" ? "＿＿＿＿＿＿＿＿" : party.partyName.trim()
  const kind = `${partyKind[party.subjectKind]}${party.subjectKind === "institution" && party.orgKind !== "" ? `，${orgKindLabel[party.orgKind]}` : ""}`
  const year = party.decisionDate.slice(0, 4)
  const facts = result.items.flatMap((item, i) => [
    `${ordinal(i)}${violationText(item.violation)}`,
    ...item.explanation.filter(isFact)
  ])
  const reasons = result.items.flatMap((item, i) => [
    `${ordinal(i)}${item.appliedLaw ?? item.clause}（裁量等级：${item.grade}）`,
    ...item.explanation.filter((l) => !isFact(l) && !isInternal(l))
  ])
  const decisions = result.items.map((item, i) => `${ordinal(i)}${itemDecision(item).join("；") || "不予处理"}。`)
  const totals =
    result.outcome === "penalty"
      ? [
          `以上合计：责令退回医疗保障基金${formatYuan(result.totals.refund)}，罚款${formatYuan(result.totals.fineRecommended)}${result.totals.confiscation > 0 ? `，没收违法所得${formatYuan(result.totals.confiscation)}` : ""}。`
        ]
      : []
  const sections: Array<DraftSection> = [
    { heading: "一、违法事实", paragraphs: facts },
    {
      heading: "二、处罚依据和裁量理由",
      paragraphs: [...reasons, ...result.explanation.filter((l) => l.startsWith("依据") || l.includes("第二十九条"))]
    },
    { heading: "三、处理决定", paragraphs: [...decisions, ...totals] }
  ]
  if (result.outcome === "penalty")
    sections.push({
      heading: "四、履行方式和期限",
      paragraphs: [
        "当事人应当自收到本决定书之日起十五日内，将罚款缴纳至指定银行或者通过电子支付系统缴纳（《中华人民共和国行政处罚法》第六十七条）；到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（第七十二条）。",
        "责令退回的医疗保障基金退回原医疗保障基金财政专户；罚款、没收的违法所得依法上缴国库（《医疗保障基金使用监督管理条例》第四十五条）。"
      ]
    })
  if (result.outcome !== "agreement_only")
    sections.push({
      heading: result.outcome === "penalty" ? "五、救济途径" : "四、救济途径",
      paragraphs: [
        "当事人如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。"
      ]
    })
  const notes = [
    ...result.items.flatMap((item) => item.explanation.filter(isInternal)),
    ...result.transfers.map(
      (t) =>
        `移送${transferTargetLabel[t.to]}${t.mandatory ? "" : "（可以移送）"}：${t.reason}（时限：${t.deadline}；依据：${t.basis}）`
    ),
    result.procedure.hearingRight
      ? `应当告知当事人有要求听证的权利：${result.procedure.hearingReasons.join("；")}`
      : "不属于应当告知听证的情形。",
    ...(result.procedure.legalReviewRequired
      ? [`作出决定前须经法制审核：${result.procedure.legalReviewReasons.join("；")}`]
      : []),
    `裁量基准：${result.benchmark.name}（${result.benchmark.id}，版本${result.benchmark.version}${result.benchmark.fallback ? "，回退至国家默认基准" : ""}）`,
    "作出决定前，应当告知拟作出的处罚内容及事实、理由、依据，听取当事人的陈述、申辩（《中华人民共和国行政处罚法》第四十四条、第四十五条；条例第三十一条）。"
  ]
  return {
    title: titleOf(result),
    number: `＿医保${result.outcome === "agreement_only" ? "协处" : "罚"}〔${year}〕＿号`,
    party: `当事人：${name}（${kind}）`,
    sections,
    notes,
    signature: [
      result.outcome === "agreement_only" ? "＿＿医疗保障事务中心（经办机构）" : "＿＿医疗保障局",
      party.decisionDate
    ]
  }
}

/**
 * The party's particulars printed under its name, when known.
 *
 * @category models
 */
export interface PartyParticulars {
  /** 统一社会信用代码, 医保定点编码 or a person's ID number, printed as given. */
  readonly code?: string | null
  readonly address?: string | null
  readonly legalRepresentative?: string | null
}

/**
 * What a 行政处罚决定书 needs: the assessment, the party (its name, kind and the decision date), the
 * issuing bureau and the 文号. Without a 文号 the document stays a draft: the title says `（草稿）` and the
 * number is a placeholder.
 *
 * @category models
 */
export interface PenaltyDecisionData {
  readonly bureauName: string
  readonly number: string | null
  readonly result: AssessmentResult
  readonly party: DraftParty
  readonly particulars?: PartyParticulars
}

const present = (value: string | null | undefined): value is string =>
  value !== undefined && value !== null && value.trim() !== ""

/**
 * Builds a 行政处罚决定书 (or, as the assessment decides, a 不予行政处罚决定书, a 责令改正决定书 or an
 * agreement opinion) with the text of `decisionDraft`; the 办案提示 become a note, never printed.
 *
 * @category constructors
 */
export const penaltyDecision = (data: PenaltyDecisionData): DocumentModel => {
  const draft = decisionDraft(data.result, data.party)
  const final = data.number !== null
  const particulars = data.particulars ?? {}
  const signer = data.result.outcome === "agreement_only" ? draft.signature[0]! : data.bureauName
  const blocks: Array<Block> = [
    paragraph(draft.party, false),
    ...(present(particulars.code) ? [paragraph(`统一社会信用代码（证件号码）：${particulars.code}`, false)] : []),
    ...(present(particulars.address) ? [paragraph(`住所（地址）：${particulars.address}`, false)] : []),
    ...(present(particulars.legalRepresentative)
      ? [paragraph(`法定代表人（负责人）：${particulars.legalRepresentative}`, false)]
      : []),
    ...draft.sections.flatMap((section) => [heading(section.heading), ...section.paragraphs.map((p) => paragraph(p))]),
    signature([signer], chineseDate(data.party.decisionDate), true),
    note("办案提示（不印入决定书正文）", draft.notes)
  ]
  return {
    kind: "penalty_decision",
    bureauName: data.bureauName,
    title: final ? draft.title.replace("（草稿）", "") : draft.title,
    number: final ? data.number : draft.number,
    blocks
  }
}
