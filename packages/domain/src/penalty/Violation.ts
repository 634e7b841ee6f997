/**
 * The violation catalogue: every behaviour the 《医疗保障基金使用监督管理条例》(国务院令第735号)
 * punishes, with its article and clause, the statute's wording, who it applies to, and where seed
 * 004 (宁夏医保局·卫健委 联动机制, 2022) puts it on the 医保→卫健 or 卫健→医保 transfer lists.
 *
 * Codes are stable identifiers shared with the screening rules (`screening-rules.md`) and the
 * penalty-assessment contract (`penalty-assessment.md`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * Every catalogue code.
 *
 * @category models
 */
export const violationCodes = [
  "A38-1-SPLIT_ADMISSION",
  "A38-1-BED_HANGING",
  "A38-2-OVER_TREATMENT",
  "A38-2-OVER_EXAMINATION",
  "A38-2-SPLIT_PRESCRIPTION",
  "A38-2-OVER_PRESCRIPTION",
  "A38-2-DUPLICATE_PRESCRIPTION",
  "A38-2-LOW_INDICATION_ADMISSION",
  "A38-3-DUPLICATE_CHARGE",
  "A38-3-OVER_STANDARD_CHARGE",
  "A38-3-UNBUNDLED_CHARGE",
  "A38-4-SWAP",
  "A38-5-RESALE_FACILITATION",
  "A38-6-OUT_OF_SCOPE_SETTLEMENT",
  "A38-7-OTHER_LOSS",
  "A39-1-NO_INTERNAL_RULES",
  "A39-2-RECORDS_NOT_KEPT",
  "A39-3-DATA_NOT_TRANSMITTED",
  "A39-4-NOT_REPORTED",
  "A39-5-FEES_NOT_PUBLISHED",
  "A39-6-NO_CONSENT_OUT_OF_SCOPE",
  "A39-7-REFUSED_INSPECTION",
  "A40-1-IMPERSONATION_OR_FAKE_CARE",
  "A40-2-FORGED_RECORDS",
  "A40-3-FICTITIOUS_SERVICE",
  "A40-4-OTHER_FRAUD",
  "A41-1-LEND_CREDENTIAL",
  "A41-1-DOUBLE_BENEFIT",
  "A41-1-RESALE",
  "A41-2-IMPERSONATION",
  "A41-2-FORGERY",
  "A36-AGENCY_DUTY",
  "A37-AGENCY_FRAUD",
  "A42-ILLEGAL_GAINS",
  "A44-EMBEZZLEMENT",
  "A46-DATA_LEAK",
  "AGR-PHARMACIST_ABSENT",
  "AGR-PRICE_TAGS",
  "AGR-REAL_NAME",
  "AGR-DESIGNATED_PURCHASE"
] as const

const isViolationCode = (value: string): value is (typeof violationCodes)[number] =>
  (violationCodes as ReadonlyArray<string>).includes(value)

/**
 * A violation code from the catalogue. A string refined to the codes (rather than a union of literals) so a
 * wrong code is one problem with one message, not one per code; the JSON Schema still lists them as an enum.
 *
 * @category models
 */
export const ViolationCode = Schema.String.pipe(
  Schema.filter(isViolationCode, {
    message: () => "a violation code from the catalogue (penalty-assessment.md), e.g. A38-2-OVER_PRESCRIPTION",
    jsonSchema: { enum: violationCodes }
  }),
  Schema.annotations({ identifier: "ViolationCode", description: "违法行为目录代码" })
)
/** @category models */
export type ViolationCode = typeof ViolationCode.Type

/**
 * Who the behaviour is committed by: 定点医药机构, 个人 (insured or not), 经办机构, or anyone.
 *
 * @category models
 */
export type ViolationSubject = "institution" | "individual" | "agency" | "any"

/**
 * The kinds of party an assessment is about (`subject.kind` of the contract): 定点医药机构, 个人,
 * 医疗保障经办机构, and 工作人员 (of a 医疗保障行政部门, 经办机构 or 定点医药机构).
 *
 * @category models
 */
export type SubjectKind = "institution" | "individual" | "agency" | "staff"

/**
 * What the contract's `amount` means for a code: 造成损失金额 (Art.38, Art.41¶1), 骗取金额 (fraud),
 * 违法所得 (Art.42), 侵占挪用金额 (Art.44, recovered), or nothing the law attaches a sanction to.
 *
 * @category models
 */
export type AmountBasis = "loss" | "defrauded" | "illegal_gains" | "embezzled" | "none"

/**
 * Administrative penalty (条例 Art.36–48, by the 医疗保障行政部门) or agreement handling
 * (服务协议处理 by the 经办机构 under 条例 Art.13) — two parallel tracks, as the law keeps them.
 *
 * @category models
 */
export type ViolationTrack = "administrative" | "agreement"

/**
 * One catalogue entry.
 *
 * @category models
 */
export interface ViolationEntry {
  readonly code: ViolationCode
  /** Article of 国务院令第735号 (null for agreement items). */
  readonly article: number | null
  /** Paragraph (款) where the article has more than one that matters (Art.40, Art.41). */
  readonly paragraph: number | null
  /** Item (项) within the article or paragraph. */
  readonly item: number | null
  /** The clause as a decision document cites it, e.g. 第三十八条第二项. */
  readonly clause: string
  /** The statute's wording (paraphrase kept close to the text). */
  readonly behaviour: string
  readonly subject: ViolationSubject
  /** The subject kinds the article applies to; another kind is an input problem. */
  readonly subjectKinds: ReadonlyArray<SubjectKind>
  /** What `amount` means for this code. */
  readonly amountBasis: AmountBasis
  /** Fraud by definition (骗取: Art.37, Art.40, Art.41¶2): intent is part of the behaviour. */
  readonly fraud: boolean
  readonly track: ViolationTrack
  /** Seed 004 §二(一): 医保 must hand the finding to 卫健 as well (item number in that list). */
  readonly toHealthCommissionItem: number | null
  /** Every item of seed 004 §二(一) the behaviour falls under (过度检查 is named in items 4 and 5). */
  readonly toHealthCommissionItems: ReadonlyArray<number>
  /** Seed 004 §二(二): 卫健 hands such leads to 医保 (item number in that list). */
  readonly fromHealthCommissionItem: number | null
  /** Agreement items: the code whose administrative article applies once the party refuses to correct. */
  readonly onRefusal: ViolationCode | null
  /** Duty articles the behaviour breaches, and the penalty article. */
  readonly citations: ReadonlyArray<string>
}

const R735 = "《医疗保障基金使用监督管理条例》"
const SEED004 = "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》(2022)"

/** What an article attaches to a behaviour by default: who it binds, what `amount` means, whether it is fraud. */
const articleDefaults = (
  article: number | null,
  paragraph: number | null
): Pick<ViolationEntry, "subjectKinds" | "amountBasis" | "fraud"> => {
  switch (article) {
    case 36:
      return { subjectKinds: ["agency"], amountBasis: "none", fraud: false }
    case 37:
      return { subjectKinds: ["agency"], amountBasis: "defrauded", fraud: true }
    case 38:
      return { subjectKinds: ["institution"], amountBasis: "loss", fraud: false }
    case 39:
      return { subjectKinds: ["institution"], amountBasis: "none", fraud: false }
    case 40:
      return { subjectKinds: ["institution"], amountBasis: "defrauded", fraud: true }
    case 41:
      return paragraph === 2
        ? { subjectKinds: ["individual"], amountBasis: "defrauded", fraud: true }
        : { subjectKinds: ["individual"], amountBasis: "loss", fraud: false }
    // Art.42: 医疗保障等行政部门、医疗保障经办机构、定点医药机构及其工作人员.
    case 42:
      return { subjectKinds: ["institution", "agency", "staff"], amountBasis: "illegal_gains", fraud: false }
    // Art.44: 违反本条例规定 — anyone who 侵占、挪用 the fund.
    case 44:
      return { subjectKinds: ["institution", "individual", "agency", "staff"], amountBasis: "embezzled", fraud: false }
    // Art.46: 医疗保障等行政部门、医疗保障经办机构、会计师事务所等机构及其工作人员 (not 定点医药机构).
    case 46:
      return { subjectKinds: ["agency", "staff"], amountBasis: "none", fraud: false }
    default:
      return { subjectKinds: ["institution"], amountBasis: "loss", fraud: false }
  }
}

const entry = (
  code: ViolationCode,
  article: number | null,
  paragraph: number | null,
  item: number | null,
  clause: string,
  behaviour: string,
  subject: ViolationSubject,
  duty: ReadonlyArray<string>,
  lists: { readonly to?: ReadonlyArray<number>; readonly from?: number } = {},
  track: ViolationTrack = "administrative",
  onRefusal: ViolationCode | null = null
): ViolationEntry => ({
  code,
  article,
  paragraph,
  item,
  clause,
  behaviour,
  subject,
  ...articleDefaults(article, paragraph),
  track,
  toHealthCommissionItem: lists.to?.[0] ?? null,
  toHealthCommissionItems: lists.to ?? [],
  fromHealthCommissionItem: lists.from ?? null,
  onRefusal,
  citations: [
    ...(article === null ? [] : [`${R735}${clause}`]),
    ...duty.map((d) => `${R735}${d}`),
    ...(lists.to === undefined ? [] : [`${SEED004}二(一)${lists.to.join("、")}`]),
    ...(lists.from === undefined ? [] : [`${SEED004}二(二)${lists.from}`])
  ]
})

const A38 = (
  item: number,
  cn: string,
  code: ViolationCode,
  behaviour: string,
  lists: { to?: ReadonlyArray<number>; from?: number }
) => entry(code, 38, null, item, `第三十八条第${cn}项`, behaviour, "institution", ["第十五条"], lists)

/**
 * The catalogue, one entry per code, in the order of the statute.
 *
 * @category catalogue
 */
export const violationCatalogue: ReadonlyArray<ViolationEntry> = [
  A38(1, "一", "A38-1-SPLIT_ADMISSION", "分解住院", { from: 1 }),
  A38(1, "一", "A38-1-BED_HANGING", "挂床住院", { from: 1 }),
  A38(2, "二", "A38-2-OVER_TREATMENT", "违反诊疗规范过度诊疗", { to: [4] }),
  A38(2, "二", "A38-2-OVER_EXAMINATION", "违反诊疗规范过度检查（含无依据检查、重复检查）", { to: [4, 5] }),
  A38(2, "二", "A38-2-SPLIT_PRESCRIPTION", "违反诊疗规范分解处方", { to: [4] }),
  A38(2, "二", "A38-2-OVER_PRESCRIPTION", "违反诊疗规范超量开药", { to: [4] }),
  A38(2, "二", "A38-2-DUPLICATE_PRESCRIPTION", "违反诊疗规范重复开药", { to: [4] }),
  A38(2, "二", "A38-2-LOW_INDICATION_ADMISSION", "降低住院指征、无指征住院（提供其他不必要的医药服务）", {
    to: [4, 7]
  }),
  A38(3, "三", "A38-3-DUPLICATE_CHARGE", "重复收费", { from: 2 }),
  A38(3, "三", "A38-3-OVER_STANDARD_CHARGE", "超标准收费", { from: 2 }),
  A38(3, "三", "A38-3-UNBUNDLED_CHARGE", "分解项目收费", { from: 2 }),
  A38(4, "四", "A38-4-SWAP", "串换药品、医用耗材、诊疗项目和服务设施（含以医保结算换取营养品、生活用品等非医药物品）", {
    from: 3
  }),
  entry(
    "A38-5-RESALE_FACILITATION",
    38,
    null,
    5,
    "第三十八条第五项",
    "为参保人员利用其享受医疗保障待遇的机会转卖药品，接受返还现金、实物或者获得其他非法利益提供便利",
    "institution",
    ["第十九条"],
    { from: 4 }
  ),
  entry(
    "A38-6-OUT_OF_SCOPE_SETTLEMENT",
    38,
    null,
    6,
    "第三十八条第六项",
    "将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算",
    "institution",
    ["第十五条第二款"],
    { from: 5 }
  ),
  entry("A38-7-OTHER_LOSS", 38, null, 7, "第三十八条第七项", "造成医疗保障基金损失的其他违法行为", "institution", [], {
    from: 8
  }),
  entry(
    "A39-1-NO_INTERNAL_RULES",
    39,
    null,
    1,
    "第三十九条第一项",
    "未建立医疗保障基金使用内部管理制度，或者没有专门机构或者人员负责医疗保障基金使用管理工作",
    "institution",
    ["第十四条"]
  ),
  entry(
    "A39-2-RECORDS_NOT_KEPT",
    39,
    null,
    2,
    "第三十九条第二项",
    "未按照规定保管财务账目、会计凭证、处方、病历、治疗检查记录、费用明细、药品和医用耗材出入库记录等资料",
    "institution",
    ["第十六条"]
  ),
  entry(
    "A39-3-DATA_NOT_TRANSMITTED",
    39,
    null,
    3,
    "第三十九条第三项",
    "未按照规定通过医疗保障信息系统传送医疗保障基金使用有关数据",
    "institution",
    ["第十六条"]
  ),
  entry(
    "A39-4-NOT_REPORTED",
    39,
    null,
    4,
    "第三十九条第四项",
    "未按照规定向医疗保障行政部门报告医疗保障基金使用监督管理所需信息",
    "institution",
    ["第十六条"]
  ),
  entry(
    "A39-5-FEES_NOT_PUBLISHED",
    39,
    null,
    5,
    "第三十九条第五项",
    "未按照规定向社会公开医药费用、费用结构等信息",
    "institution",
    ["第十六条"]
  ),
  entry(
    "A39-6-NO_CONSENT_OUT_OF_SCOPE",
    39,
    null,
    6,
    "第三十九条第六项",
    "除急诊、抢救等特殊情形外，提供医疗保障基金支付范围以外的医药服务未经参保人员或者其近亲属、监护人同意",
    "institution",
    ["第十五条第二款"],
    { to: [3] }
  ),
  entry(
    "A39-7-REFUSED_INSPECTION",
    39,
    null,
    7,
    "第三十九条第七项",
    "拒绝医疗保障等行政部门监督检查或者提供虚假情况",
    "institution",
    ["第二十九条"]
  ),
  entry(
    "A40-1-IMPERSONATION_OR_FAKE_CARE",
    40,
    1,
    1,
    "第四十条第一款第一项",
    "诱导、协助他人冒名或者虚假就医、购药，提供虚假证明材料，或者串通他人虚开费用单据（含盗刷医保凭证）",
    "institution",
    ["第十五条", "第二十条"],
    { to: [6] }
  ),
  entry(
    "A40-2-FORGED_RECORDS",
    40,
    1,
    2,
    "第四十条第一款第二项",
    "伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料",
    "institution",
    ["第二十条"],
    { from: 6 }
  ),
  entry(
    "A40-3-FICTITIOUS_SERVICE",
    40,
    1,
    3,
    "第四十条第一款第三项",
    "虚构医药服务项目（含虚假住院）",
    "institution",
    ["第二十条"],
    { from: 7 }
  ),
  entry(
    "A40-4-OTHER_FRAUD",
    40,
    1,
    4,
    "第四十条第一款第四项",
    "其他骗取医疗保障基金支出的行为",
    "institution",
    ["第二十条"],
    { from: 8 }
  ),
  entry(
    "A41-1-LEND_CREDENTIAL",
    41,
    1,
    1,
    "第四十一条第一款第一项",
    "将本人的医疗保障凭证交由他人冒名使用",
    "individual",
    ["第十七条"]
  ),
  entry("A41-1-DOUBLE_BENEFIT", 41, 1, 2, "第四十一条第一款第二项", "重复享受医疗保障待遇", "individual", ["第十七条"]),
  entry(
    "A41-1-RESALE",
    41,
    1,
    3,
    "第四十一条第一款第三项",
    "利用享受医疗保障待遇的机会转卖药品，接受返还现金、实物或者获得其他非法利益",
    "individual",
    ["第十九条"]
  ),
  entry("A41-2-IMPERSONATION", 41, 2, null, "第四十一条第二款", "使用他人医疗保障凭证冒名就医、购药", "individual", [
    "第十七条"
  ]),
  entry(
    "A41-2-FORGERY",
    41,
    2,
    null,
    "第四十一条第二款",
    "通过伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料或者虚构医药服务项目等方式，骗取医疗保障基金支出",
    "individual",
    ["第二十条"]
  ),
  entry(
    "A36-AGENCY_DUTY",
    36,
    null,
    null,
    "第三十六条",
    "医疗保障经办机构未建立健全业务、财务、安全和风险管理制度，未履行服务协议管理、费用监控、基金拨付、待遇审核及支付等职责，或未定期向社会公开医疗保障基金的收入、支出、结余等情况",
    "agency",
    ["第十条"]
  ),
  entry(
    "A37-AGENCY_FRAUD",
    37,
    null,
    null,
    "第三十七条",
    "医疗保障经办机构通过伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料或者虚构医药服务项目等方式，骗取医疗保障基金支出",
    "agency",
    ["第二十条"]
  ),
  entry(
    "A42-ILLEGAL_GAINS",
    42,
    null,
    null,
    "第四十二条",
    "医疗保障等行政部门、医疗保障经办机构、定点医药机构及其工作人员收受贿赂或者取得其他非法收入",
    "any",
    ["第十八条"]
  ),
  entry("A44-EMBEZZLEMENT", 44, null, null, "第四十四条", "侵占、挪用医疗保障基金", "any", ["第二十一条"]),
  entry("A46-DATA_LEAK", 46, null, null, "第四十六条", "泄露、篡改、毁损、非法向他人提供个人信息、商业秘密", "any", [
    "第三十二条"
  ]),
  entry(
    "AGR-PHARMACIST_ABSENT",
    null,
    null,
    null,
    "服务协议",
    "执业药师不在岗（服务协议处理，不是行政处罚）",
    "institution",
    ["第十三条"],
    {},
    "agreement"
  ),
  entry(
    "AGR-PRICE_TAGS",
    null,
    null,
    null,
    "服务协议",
    "未明码标价、价签不全（协议处理；拒不改正时适用第三十九条第五项）",
    "institution",
    ["第十三条"],
    {},
    "agreement",
    "A39-5-FEES_NOT_PUBLISHED"
  ),
  // Seed 004 §二(一)1 and 2: behaviours the health commission judges under 诊疗规范; for the bureau they
  // break the service agreement (条例 Art.15: 核验参保人员医疗保障凭证; no article of 条例 fines them ⚠️).
  entry(
    "AGR-REAL_NAME",
    null,
    null,
    null,
    "服务协议",
    "未执行实名就医和购药管理规定，未核验参保人员医疗保障凭证（服务协议处理）",
    "institution",
    ["第十五条"],
    { to: [1] },
    "agreement"
  ),
  entry(
    "AGR-DESIGNATED_PURCHASE",
    null,
    null,
    null,
    "服务协议",
    "违规安排患者到其他指定地点购买医药耗材等产品（服务协议处理）",
    "institution",
    ["第十五条"],
    { to: [2] },
    "agreement"
  )
]

const byCode = new Map(violationCatalogue.map((e) => [e.code, e]))

/**
 * The citations of a catalogue entry that apply in `region`: seed 004's transfer lists are 宁夏's own document
 * (自治区医保局·卫健委, 2022) and are cited for a case in 宁夏 only.
 *
 * @category catalogue
 */
export const citationsIn = (citations: ReadonlyArray<string>, region: string): ReadonlyArray<string> =>
  region.startsWith("64") ? citations : citations.filter((c) => !c.startsWith(SEED004))

/**
 * Looks up a catalogue entry. Every `ViolationCode` has one.
 *
 * @category catalogue
 */
export const violationEntry = (code: ViolationCode): ViolationEntry => {
  const found = byCode.get(code)
  if (found === undefined) throw new Error(`catalogue has no entry for ${code}`)
  return found
}
