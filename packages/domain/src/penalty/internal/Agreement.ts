/**
 * The agreement track (服务协议处理): what the 医疗保障经办机构 may do under 条例 Art.13 and the service
 * agreement when a 定点医药机构 breaches it. It is not an administrative penalty (no 行政处罚法 grading, no
 * hearing), and the law keeps it apart from Art.36–48; both tracks can apply to the same facts.
 *
 * @since 0.2.0
 */
import type { ItemContext } from "./ItemContext.js"
import { AgreementAction } from "../Benchmark.js"
import { factorReasons, gradeWithinRange } from "../Grade.js"
import { formatYuan, roundYuan } from "../../kernel/Money.js"
import type { AssessedItem } from "../PenaltyResult.js"
import { pointsFor } from "./PointScoring.js"
import type { ViolationEntry } from "../Violation.js"
import { R735 } from "./Wording.js"

/**
 * Every action 条例 Art.13 and the service agreements allow: 督促履行 (约谈、限期整改), 暂停或者不予拨付费用,
 * 追回违规费用, 违约金 (per the agreement), 中止相关责任人员或者所在部门涉及医保基金使用的医药服务, 直至解除服务协议.
 *
 * @category rules
 */
export const lawfulAgreementActions: ReadonlyArray<AgreementAction> = AgreementAction.literals

/** What an administrative item hands over when the law of its time had no administrative sanction for it. */
export interface PriorLawContext {
  readonly explanation: ReadonlyArray<string>
  readonly citations: ReadonlyArray<string>
  readonly base: Omit<
    AssessedItem,
    "outcome" | "appliedLaw" | "grade" | "refund" | "measures" | "citations" | "explanation" | "track"
  >
}

/**
 * An item handled on the agreement track: an agreement item (执业药师不在岗, 价签不全 before a refusal), or an
 * ordinary violation done before the 条例 took effect, which national law then left to the agreement.
 *
 * @category assessment
 */
export const agreementItem = (c: ItemContext, entry: ViolationEntry, prior: PriorLawContext | null): AssessedItem => {
  const amount = roundYuan(c.facts.amount)
  const grade = gradeWithinRange(c.summary, c.benchmark.factors.reduceBelowFloorFromGrounds)
  const recommended: Array<AgreementAction> = [...c.benchmark.agreementActions[grade]]
  if (amount > 0 && !recommended.includes("追回违规费用")) recommended.push("追回违规费用")
  const ordered = lawfulAgreementActions.filter((a) => recommended.includes(a))
  const reasons = factorReasons(c.summary)
  const basis = `${R735}第十三条；服务协议`
  const explanation = [
    ...(prior?.explanation ?? [
      `经查，当事人${entry.behaviour}${amount > 0 ? `，涉及违规费用${formatYuan(amount)}` : ""}。`,
      `该行为属于违反服务协议的行为，由医疗保障经办机构依据${R735}第十三条和服务协议处理，不属于行政处罚。`
    ]),
    ...(entry.onRefusal !== null && prior === null
      ? ["经责令改正后拒不改正的，依据该条例第三十九条第五项由医疗保障行政部门处罚。"]
      : []),
    ...(reasons.length === 0 ? [] : [`情节：${reasons.join("；")}（协议处理参照“${grade}”）。`]),
    `建议协议处理：${ordered.join("、")}${amount > 0 ? `；追回违规费用${formatYuan(amount)}，退回医疗保障基金` : ""}（违约金、中止、解除以服务协议约定为准）。`
  ]
  const base = prior?.base ?? {
    violation: c.facts.code,
    article: entry.article,
    clause: entry.clause,
    assessedUnder: null,
    actId: c.facts.actId ?? null,
    limitation:
      c.limitation._tag === "Unknown"
        ? ("unknown" as const)
        : c.limitation._tag === "Expired"
          ? ("expired" as const)
          : ("within" as const),
    licenceRevocation: false,
    discipline: false,
    managementBan: null,
    agreement: null,
    paymentQualificationPoints: null,
    confiscation: null,
    settlementSuspensionMonths: null,
    suspensionMonths: null,
    fine: null,
    agreementTermination: { lawful: false, recommended: false }
  }
  const points = pointsFor(c, null, "agreement_only", ordered)
  if (points !== null) explanation.push(points.sentence)
  return {
    ...base,
    outcome: "agreement_only",
    track: "agreement",
    appliedLaw: null,
    grade,
    refund: 0,
    agreement: { lawful: lawfulAgreementActions, recommended: ordered, recovery: amount, basis },
    agreementTermination: { lawful: true, recommended: ordered.includes("解除服务协议") },
    paymentQualificationPoints: points?.points ?? null,
    measures: ordered,
    citations: [...new Set([...(prior?.citations ?? entry.citations), `${R735}第十三条`])],
    explanation
  }
}
