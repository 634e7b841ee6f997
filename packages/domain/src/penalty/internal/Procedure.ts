/**
 * Procedural consequences of an intended decision: the right to a hearing (行政处罚法 Art.63), the legal review
 * before deciding (Art.58), the limitation period (Art.36) and the priority of a criminal transfer (Art.27,
 * Art.35; 国务院令第310号 Art.11).
 *
 * @since 0.1.0
 */
import type { ResolvedBenchmark } from "../Benchmarks.js"
import { formatYuan } from "../../kernel/Money.js"
import type { AssessmentInput } from "../PenaltyInput.js"
import type { AssessedItem, AssessmentResult, Transfer } from "../PenaltyResult.js"

const APL = "行政处罚法"

/**
 * The procedure block of the result.
 *
 * @category rules
 */
export const procedureFor = (
  input: AssessmentInput,
  items: ReadonlyArray<AssessedItem>,
  totals: AssessmentResult["totals"],
  transfers: ReadonlyArray<Transfer>,
  benchmark: ResolvedBenchmark
): AssessmentResult["procedure"] => {
  const citizen = input.subject.kind === "individual" || input.subject.kind === "staff"
  const who = citizen ? "公民" : "法人或者其他组织"
  const hearingThreshold = citizen ? benchmark.hearing.citizen : benchmark.hearing.organisation
  const reviewThreshold = citizen ? benchmark.legalReview.citizen : benchmark.legalReview.organisation
  const hearingReasons: Array<string> = []
  if (totals.fineRecommended >= hearingThreshold)
    hearingReasons.push(
      `拟处较大数额罚款（建议罚款合计${formatYuan(totals.fineRecommended)}，本基准对${who}为${formatYuan(hearingThreshold)}以上，${APL}第六十三条第一款第一项）`
    )
  else if (totals.fineMax >= hearingThreshold && totals.fineRecommended > 0)
    hearingReasons.push(
      `如最终拟处罚款达到${formatYuan(hearingThreshold)}（对${who}）以上，应告知听证权利（罚款幅度上限${formatYuan(totals.fineMax)}）`
    )
  if (totals.confiscation >= hearingThreshold)
    hearingReasons.push(`没收较大数额违法所得（${formatYuan(totals.confiscation)}，${APL}第六十三条第一款第二项）`)
  if (items.some((i) => i.suspensionMonths !== null))
    hearingReasons.push(`暂停相关责任部门涉及医保基金使用的医药服务（${APL}第六十三条第一款第四项、第五项）`)
  if (items.some((i) => i.settlementSuspensionMonths !== null))
    hearingReasons.push(`暂停医疗费用联网结算（${APL}第六十三条第一款第五项；${benchmark.hearing.source}）`)
  if (items.some((i) => i.agreementTermination.recommended && i.track === "administrative"))
    hearingReasons.push(`建议解除服务协议（${benchmark.hearing.source}）`)
  if (items.some((i) => i.managementBan !== null))
    hearingReasons.push(
      `法定代表人或者主要负责人禁止从事定点医药机构管理活动，属于限制从业（${APL}第六十三条第一款第四项）`
    )
  const hearingRight = hearingReasons.some((r) => !r.startsWith("如最终"))

  const legalReviewReasons: Array<string> = []
  const money = totals.refund + totals.fineRecommended
  if (money >= reviewThreshold)
    legalReviewReasons.push(
      `责令退回与罚款合计${formatYuan(money)}，达到${formatYuan(reviewThreshold)}（对${who}，${benchmark.legalReview.source}）`
    )
  if (
    benchmark.legalReview.onTermination &&
    items.some((i) => i.agreementTermination.recommended && i.track === "administrative")
  )
    legalReviewReasons.push(`建议解除服务协议（${benchmark.legalReview.source}）`)
  if (
    items.some((i) => i.suspensionMonths !== null || i.settlementSuspensionMonths !== null || i.managementBan !== null)
  )
    legalReviewReasons.push(
      `直接关系当事人重大权益（暂停、限制从业），当事人要求听证的须经听证程序（${APL}第五十八条第一款第二项）`
    )
  const grouped = new Set(items.filter((i) => i.actId !== null).map((i) => i.actId))
  if ([...grouped].some((id) => items.filter((i) => i.actId === id).length > 1))
    legalReviewReasons.push(`同一违法行为违反多个法律规范，涉及多个法律关系（${APL}第五十八条第一款第三项）`)
  if (transfers.some((t) => t.to === "police"))
    legalReviewReasons.push(`涉嫌犯罪需移送司法机关，案情重大复杂（${APL}第五十八条第一款第三项）`)

  const checked = items.filter((i) => i.limitation !== "unknown")
  return {
    hearingRight,
    hearingReasons,
    legalReviewRequired: legalReviewReasons.length > 0,
    legalReviewReasons,
    limitationExpired: checked.length > 0 && items.every((i) => i.limitation === "expired"),
    limitationChecked: checked.length === items.length,
    criminalTransferFirst: transfers.some(
      (t) => t.to === "police" || (t.to === "discipline_commission" && t.reason.startsWith("经办机构骗取"))
    )
  }
}
