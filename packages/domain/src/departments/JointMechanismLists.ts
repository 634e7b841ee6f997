/**
 * The two lists of seed 004 (宁夏医保局·卫健委 联动机制, 2022, 二): what the bureau hands to the health
 * commission (7 items) and what the health commission hands to the bureau (8 items), each item with the
 * catalogue's violations that fall under it. 宁夏's document: cited for institutions in 宁夏 only.
 *
 * @since 0.5.0
 */
import { violationCatalogue, type ViolationCode } from "../penalty/Violation.js"

/**
 * An item of a transfer list.
 *
 * @category models
 */
export interface ListItem {
  readonly item: number
  readonly text: string
  readonly violations: ReadonlyArray<ViolationCode>
}

const NX004 = "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》（宁夏，2022）"

const toHealthTexts = [
  "未执行实名就医和购药管理规定",
  "违规安排患者到其他指定地点购买医药耗材等产品",
  "除急诊、抢救等特殊情形外，提供医疗保障基金支付范围以外的医药服务的，未经参保人员或者其近亲属、监护人同意",
  "违反诊疗规范过度诊疗、过度检查、分解处方、超量开药、重复开药或者提供其他不必要的医药服务",
  "无依据检查、重复检查等不合理检查行为",
  "诱导、协助他人冒名或者虚假就医、购药，提供虚假证明材料，或者串通他人虚开费用单据",
  "其他违反诊疗规范提供的不合理、不必要的医疗服务行为等"
]

const fromHealthTexts = [
  "分解住院、挂床住院",
  "重复收费、超标准收费、分解项目收费",
  "串换药品、医用耗材、诊疗项目和服务设施",
  "为参保人员利用其享受医疗保障待遇的机会转卖药品，接受返还现金、实物或者获得其他非法利益提供便利",
  "将不属于医疗保障基金支付范围的医药费用纳入医疗保障基金结算",
  "伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料",
  "虚构医药服务项目",
  "造成医保基金损失的其他违法行为或其他骗取医保基金支出的行为"
]

/**
 * The lists, with the regions where they apply and their source.
 *
 * @category statute
 */
export const jointMechanismLists = {
  regions: ["640000"],
  effectiveFrom: "2022-08-05",
  source: NX004,
  /** 二(一): 医保 → 卫健. */
  toHealthCommission: toHealthTexts.map(
    (text, i): ListItem => ({
      item: i + 1,
      text,
      violations: violationCatalogue.filter((e) => e.toHealthCommissionItems.includes(i + 1)).map((e) => e.code)
    })
  ),
  /** 二(二): 卫健 → 医保. */
  fromHealthCommission: fromHealthTexts.map(
    (text, i): ListItem => ({
      item: i + 1,
      text,
      violations: violationCatalogue.filter((e) => e.fromHealthCommissionItem === i + 1).map((e) => e.code)
    })
  )
} as const
