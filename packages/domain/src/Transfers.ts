/**
 * What the law says must be handed to another authority: the police (suspected crime), the health
 * commission (seed 004 list), the discipline commission (public servants).
 *
 * @since 0.1.0
 */
import {
  fraudThresholdFloor,
  healthCommissionTransferWorkingDays,
  inForceOrEarliest,
  policeTransferDays
} from "./LegalParameters.js"
import { formatYuan, roundYuan } from "./Money.js"
import type { AssessmentInput } from "./PenaltyInput.js"
import type { AssessedItem, Transfer } from "./PenaltyResult.js"
import { violationEntry } from "./Violation.js"

/**
 * Transfers required by the assessed items.
 *
 * @category rules
 */
export const transfersFor = (input: AssessmentInput, items: ReadonlyArray<AssessedItem>): ReadonlyArray<Transfer> => {
  const date = input.decisionDate
  const live = items.filter((i) => i.grade !== "不予处罚" || i.refund > 0)
  const transfers: Array<Transfer> = []

  const defrauded = input.violations.filter((v) => v.intentToDefraud)
  const defraudedTotal = roundYuan(defrauded.reduce((s, v) => s + v.amount, 0))
  const threshold = inForceOrEarliest(fraudThresholdFloor, date)
  const police = inForceOrEarliest(policeTransferDays, date)
  if (defrauded.length > 0 && defraudedTotal >= threshold.value) {
    transfers.push({
      to: "police",
      reason: `以骗取医保基金为目的，骗取金额累计 ${formatYuan(defraudedTotal)}，达到诈骗罪“数额较大”标准（本地区未配置标准，适用全国下限 ${formatYuan(threshold.value)}），涉嫌犯罪。应当在${police.value.approvalDays}日内报请负责人批准，批准后${police.value.handoverHours}小时内移送同级公安机关，不得以行政处罚代替移送。`,
      basis: `《中华人民共和国刑法》第二百六十六条；${threshold.source}；${police.source}；《医疗保障基金使用监督管理条例》第四十八条`,
      deadlineWorkingDays: null,
      violations: defrauded.map((v) => v.code)
    })
  }

  const healthDays = inForceOrEarliest(healthCommissionTransferWorkingDays, date)
  const onList = live.filter((i) => violationEntry(i.violation).toHealthCommissionItem !== null)
  if (onList.length > 0) {
    transfers.push({
      to: "health_commission",
      reason: `违反诊疗规范提供不合理、不必要医疗服务等行为，属于医保部门向卫生健康部门移送的范围（${onList
        .map(
          (i) =>
            `${violationEntry(i.violation).behaviour}：清单第${violationEntry(i.violation).toHealthCommissionItem}项`
        )
        .join(
          "；"
        )}），应在下达行政处罚决定书后${healthDays.value}个工作日内形成问题清单和书面移交报告，经主要负责人审批后移交，并取得回执。`,
      basis: healthDays.source,
      deadlineWorkingDays: healthDays.value,
      violations: onList.map((i) => i.violation)
    })
  }
  const fraudItems = live.filter((i) => i.assessedUnder === 40)
  if (fraudItems.length > 0 && !onList.some((i) => fraudItems.includes(i))) {
    transfers.push({
      to: "health_commission",
      reason:
        "定点医药机构骗取医保基金，其直接负责的主管人员和其他直接责任人员有执业资格的，由有关主管部门依法吊销执业资格，应移送卫生健康部门处理。",
      basis: "《医疗保障基金使用监督管理条例》第四十条",
      deadlineWorkingDays: healthDays.value,
      violations: fraudItems.map((i) => i.violation)
    })
  }

  if (input.subject.publicServant === true && live.length > 0) {
    transfers.push({
      to: "discipline_commission",
      reason: "当事人为公职人员或公办单位负责人，涉嫌违纪违法的线索依法移送纪检监察机关。",
      basis: "《中华人民共和国监察法》第十五条；《医疗保障基金使用监督管理条例》第三十八条至第四十条（依法给予处分）",
      deadlineWorkingDays: null,
      violations: live.map((i) => i.violation)
    })
  }
  return transfers
}

/** The violation entry's behaviour, for callers building reports. */
export const behaviourOf = (code: Parameters<typeof violationEntry>[0]): string => violationEntry(code).behaviour
