/**
 * Rewards to informants (举报奖励): the national bounds as versioned data, a province's way of
 * computing the amount from the value found (案值 / 查实金额) where FundGuard holds it, and the reward's
 * path — proposed (初审) → reviewed (复审) → approved (审批) by three different people (the same
 * separation rule as every other three-level review, `access/Separation.ts`), then paid and recorded.
 * A reward only after the complaint was verified (查实) and the case on it decided.
 *
 * @since 0.5.0
 */
import * as Schema from "effect/Schema"
import { conflictingLevels, threeLevelReview, type LevelHeld } from "../access/Separation.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { roundYuan, Yuan } from "../kernel/Money.js"
import { inForce, inForceOrEarliest, type Versioned } from "../penalty/LegalParameters.js"

/**
 * The national bounds of one reward: at least `min` (null: none), at most `max`, yuan; and the months
 * the informant has to claim it after being notified.
 *
 * @category models
 */
export interface RewardBounds {
  readonly min: number | null
  readonly max: number
  readonly claimMonths: number | null
  readonly confidence: "✅" | "🔶" | "⚠️"
}

/**
 * The national bounds by the day the reward is proposed. The 2022 办法 replaced the 2018 one from
 * 2023-01-01 and raised the cap from 100,000 to 200,000 yuan with a floor of 200 yuan; the amount is
 * "按照案值的一定比例" — the proportion is left to the provinces' 实施细则.
 *
 * @category statute
 */
export const rewardBounds: ReadonlyArray<Versioned<RewardBounds>> = [
  {
    effectiveFrom: "2018-11-27",
    effectiveTo: "2022-12-31",
    source:
      "《欺诈骗取医疗保障基金行为举报奖励暂行办法》（医保办发〔2018〕22号）：按查实欺诈骗保金额的一定比例奖励，最高不超过10万元（据内江医保转载的两部委通知摘要；施行日期 ⚠️ 按印发日计）",
    value: { min: null, max: 100_000, claimMonths: null, confidence: "🔶" }
  },
  {
    effectiveFrom: "2023-01-01",
    effectiveTo: null,
    source:
      "《违法违规使用医疗保障基金举报奖励办法》（医保发〔2022〕22号，国家医保局、财政部，2023-01-01施行）：对符合奖励条件的举报人按照案值的一定比例给予一次性资金奖励，最高不超过20万元，最低不少于200元；举报人应当在收到领取奖励通知之日起2个月内领取，逾期视为放弃（据中新经纬、中国网财经2022-11-25对国家医保局发布原文的报道；条次 ⚠️ 未核对）",
    value: { min: 200, max: 200_000, claimMonths: 2, confidence: "🔶" }
  }
]

/**
 * The national bounds in force on a day.
 *
 * @category statute
 */
export const rewardBoundsOn = (date: IsoDate): Versioned<RewardBounds> => inForceOrEarliest(rewardBounds, date)

/**
 * A province's scale: brackets of the value found, each paid at its rate on the part within it
 * (分段累计), a floor, a bonus share for an insider of the institution (内部人员), and its own cap.
 *
 * @category models
 */
export interface RewardScale {
  readonly brackets: ReadonlyArray<{ readonly upTo: number | null; readonly rate: number }>
  readonly floor: number
  readonly insiderBonus: number
  readonly cap: number
  readonly confidence: "✅" | "🔶" | "⚠️"
}

/**
 * The provincial scales FundGuard holds, by the province's two-digit code (the first two digits of
 * the 医保区划). A province's scale applies only to its own bureaus. Chongqing (50), the demo county's
 * province, is not among them: its 实施细则 was not found (⚠️) — there the officer enters the amount
 * and its basis, and only the national bounds are checked.
 *
 * @category statute
 */
export const provincialRewardScales: Readonly<Record<string, ReadonlyArray<Versioned<RewardScale>>>> = {
  "14": [
    {
      effectiveFrom: "2023-08-01",
      effectiveTo: null,
      source:
        "山西省医疗保障局、山西省财政厅《违法违规使用医疗保障基金举报奖励实施细则》（2023-08-01施行）：案值10万元以下（含）部分按3%，10万至100万元（含）部分按2%，100万元以上部分按1%，不足200元按200元；内部人员举报增加20%；最高不超过20万元（据山西日报、光明网2023-08-14报道）",
      value: {
        brackets: [
          { upTo: 100_000, rate: 0.03 },
          { upTo: 1_000_000, rate: 0.02 },
          { upTo: null, rate: 0.01 }
        ],
        floor: 200,
        insiderBonus: 0.2,
        cap: 200_000,
        confidence: "🔶"
      }
    }
  ]
}

/**
 * The scale of the bureau's province in force on a day, or undefined where FundGuard holds none.
 *
 * @category statute
 */
export const rewardScaleFor = (admdvs: string, date: IsoDate): Versioned<RewardScale> | undefined => {
  const versions = provincialRewardScales[admdvs.slice(0, 2)]
  return versions === undefined ? undefined : inForce(versions, date)
}

/**
 * The amount a scale gives for the value found: each bracket's rate on the part within it, the
 * insider's bonus, then the floor and the cap.
 *
 * @category rules
 */
export const scaledReward = (scale: RewardScale, caseValue: number, insider: boolean): number => {
  let lower = 0
  let sum = 0
  for (const b of scale.brackets) {
    const upper = b.upTo ?? Number.POSITIVE_INFINITY
    if (caseValue > lower) sum += (Math.min(caseValue, upper) - lower) * b.rate
    lower = upper
  }
  const withBonus = insider ? sum * (1 + scale.insiderBonus) : sum
  return roundYuan(Math.min(scale.cap, Math.max(scale.floor, withBonus)))
}

/**
 * A proposed reward (初审): the value found it is computed on, whether the informant is an insider,
 * the amount (computed by the province's scale where FundGuard holds one, else entered), the basis.
 *
 * @category models
 */
export const RewardProposal = Schema.Struct({
  caseValue: Yuan,
  insider: Schema.optionalWith(Schema.Boolean, { default: () => false }),
  amount: Schema.optional(Yuan),
  basis: Schema.String.pipe(Schema.minLength(1, { message: () => "不得为空" }), Schema.maxLength(2000))
}).annotations({ identifier: "RewardProposal" })
/** @category models */
export type RewardProposal = typeof RewardProposal.Type

/**
 * A payment as recorded: the day, the amount, how (non-cash in principle), the voucher's reference.
 *
 * @category models
 */
export const RewardPayment = Schema.Struct({
  paidOn: IsoDate,
  amount: Yuan,
  method: Schema.Literal("bank_transfer", "mobile_payment", "cash", "other"),
  reference: Schema.String.pipe(Schema.minLength(1, { message: () => "不得为空" }), Schema.maxLength(100))
}).annotations({ identifier: "RewardPayment" })
/** @category models */
export type RewardPayment = typeof RewardPayment.Type

/** @category formatting */
export const paymentMethodLabel: Readonly<Record<RewardPayment["method"], string>> = {
  bank_transfer: "银行转账",
  mobile_payment: "移动支付",
  cash: "现金",
  other: "其他"
}

/**
 * What the value a reward is computed on (案值) is, and why it may not exceed the amount verified on the
 * complaint (查实金额, `ComplaintOutcome.verifiedAmount`): the 2018 办法 rewards "按查实欺诈骗保金额的
 * 一定比例" (`rewardBounds`), the 2022 办法 "按照案值的一定比例"; 案值 is "举报事项涉及的应当追回的医保
 * 基金损失金额" — the amount found and to be recovered, never more than what the handling verified.
 *
 * @category statute
 */
export const caseValueSource =
  "《违法违规使用医疗保障基金举报奖励办法》（国家医保局、财政部，2023-01-01施行）：按照案值的一定比例给予一次性资金奖励；案值是指举报事项涉及的应当追回的医保基金损失金额（据四川省医疗保障局对《四川省违法违规使用医疗保障基金举报奖励办法》（川医保发〔2022〕7号）的政策解读，北京市实施细则的报道同此 🔶；国家办法本身的定义条文 ⚠️ 未核对）；此前《欺诈骗取医疗保障基金行为举报奖励暂行办法》（医保办发〔2018〕22号）：按查实欺诈骗保金额的一定比例奖励 🔶"

/**
 * The amount to propose and the problems with the proposal (by field): the value it is computed on
 * (案值) more than 0 and not more than the amount verified on the complaint (`caseValueSource`); the
 * province's scale decides the amount where FundGuard holds it (an entered amount must agree), else it
 * must be entered; either way within the national bounds of the day.
 *
 * @see caseValueSource
 * @category rules
 */
export const rewardAmount = (
  proposal: RewardProposal,
  region: string,
  on: IsoDate,
  verifiedAmount: number
): { readonly amount: number | null; readonly problems: ReadonlyArray<{ path: string; message: string }> } => {
  const bounds = rewardBoundsOn(on)
  const scale = rewardScaleFor(region, on)
  if (proposal.caseValue <= 0) return { amount: null, problems: [{ path: "$.caseValue", message: "案值须大于 0" }] }
  if (roundYuan(proposal.caseValue) > roundYuan(verifiedAmount))
    return {
      amount: null,
      problems: [
        {
          path: "$.caseValue",
          message: `案值不得超过登记的查实金额 ${roundYuan(verifiedAmount)} 元（奖励按查实的、应当追回的医保基金损失金额计）`
        }
      ]
    }
  const computed = scale === undefined ? null : scaledReward(scale.value, proposal.caseValue, proposal.insider)
  if (computed !== null && proposal.amount !== undefined && roundYuan(proposal.amount) !== computed)
    return {
      amount: null,
      problems: [{ path: "$.amount", message: `按本省奖励实施细则应为 ${computed} 元（${scale!.source}）` }]
    }
  const amount = computed ?? (proposal.amount === undefined ? null : roundYuan(proposal.amount))
  if (amount === null)
    return {
      amount: null,
      problems: [{ path: "$.amount", message: "本省奖励比例未载入系统，须按本省实施细则填写奖励金额" }]
    }
  const { min, max } = bounds.value
  if (amount > max)
    return { amount, problems: [{ path: "$.amount", message: `奖励不得超过 ${max} 元（${bounds.source}）` }] }
  if (min !== null && amount < min)
    return { amount, problems: [{ path: "$.amount", message: `奖励不得少于 ${min} 元（${bounds.source}）` }] }
  return { amount, problems: [] }
}

/**
 * Where a reward stands.
 *
 * @category models
 */
export type RewardStatus = "proposed" | "reviewed" | "approved" | "paid" | "rejected"

/** @category formatting */
export const rewardStatusLabel: Readonly<Record<RewardStatus, string>> = {
  proposed: "已初审，待复审",
  reviewed: "已复审，待审批",
  approved: "已审批，待发放",
  paid: "已发放",
  rejected: "已退回"
}

/**
 * A reward as stored.
 *
 * @category models
 */
export interface StoredReward {
  readonly id: string
  readonly complaintId: string
  readonly status: RewardStatus
  readonly amount: number
  readonly caseValue: number
  readonly insider: boolean
  readonly basis: string
  readonly proposedById: string | null
  readonly proposedOn: IsoDate
  readonly reviewedById: string | null
  readonly approvedById: string | null
  readonly approvedOn: IsoDate | null
}

/**
 * A reward step the reward's state or the three-level review forbids.
 *
 * @category errors
 */
export class RewardRefused extends Schema.TaggedError<RewardRefused>()("RewardRefused", {
  detail: Schema.String
}) {
  override get message(): string {
    return this.detail
  }
}

/** Who held which level of the reward's review so far. */
const rewardHistory = (reward: StoredReward): ReadonlyArray<LevelHeld<"first" | "second" | "approval">> => [
  { actorId: reward.proposedById, level: "first" },
  ...(reward.reviewedById === null ? [] : [{ actorId: reward.reviewedById, level: "second" as const }]),
  ...(reward.approvedById === null ? [] : [{ actorId: reward.approvedById, level: "approval" as const }])
]

/**
 * Whether `person` may take the reward's next step: 复审 of a proposed reward, 审批 of a reviewed
 * one, each by someone who held no other level on it (初审、复审、审批 by three different people);
 * a return (退回) at either of those steps, by the same rule.
 *
 * @category rules
 */
export const rewardStepRefusal = (
  reward: StoredReward,
  step: "review" | "approve" | "reject",
  person: { readonly id: string; readonly name: string }
): RewardRefused | null => {
  const level = step === "review" || (step === "reject" && reward.status === "proposed") ? "second" : "approval"
  const expected = level === "second" ? "proposed" : "reviewed"
  if (reward.status !== expected)
    return new RewardRefused({
      detail: `该奖励${rewardStatusLabel[reward.status]}，不能${step === "reject" ? "退回" : threeLevelReview.label[level]}`
    })
  const held = conflictingLevels(threeLevelReview, rewardHistory(reward), person.id, level)
  if (held.length === 0) return null
  return new RewardRefused({
    detail: `内部控制不相容岗位分离：${person.name}已担任本举报奖励的${held.map((l) => threeLevelReview.label[l]).join("、")}，不能再办理${threeLevelReview.label[level]}（初审、复审、审批须由三名不同人员办理）`
  })
}

/**
 * The payment's problems: after approval, the approved amount, not before the approval.
 *
 * @category rules
 */
export const paymentRefusal = (reward: StoredReward, payment: RewardPayment): RewardRefused | null => {
  if (reward.status !== "approved")
    return new RewardRefused({ detail: `该奖励${rewardStatusLabel[reward.status]}，只有已审批的奖励才能登记发放` })
  if (roundYuan(payment.amount) !== reward.amount)
    return new RewardRefused({ detail: `发放金额须与审批金额一致（${reward.amount} 元）` })
  if (reward.approvedOn !== null && payment.paidOn < reward.approvedOn)
    return new RewardRefused({ detail: `发放日期不能早于审批日期（${reward.approvedOn}）` })
  return null
}

/**
 * The case statuses in which the case is decided (处罚决定已作出): a reward may be proposed.
 *
 * @category rules
 */
export const decidedCaseStatuses: ReadonlyArray<string> = ["decided", "executing", "closure_review", "closed"]

/**
 * Whether a reward may be proposed on the complaint: verified (查实), its case decided, and no reward
 * running or paid on it already.
 *
 * @category rules
 */
export const rewardProposalRefusal = (facts: {
  readonly verified: boolean
  readonly caseStatus: string | null
  readonly existing: ReadonlyArray<RewardStatus>
}): RewardRefused | null => {
  if (!facts.verified) return new RewardRefused({ detail: "举报经查实后方可奖励（须先登记查处结果为查实）" })
  if (facts.caseStatus === null) return new RewardRefused({ detail: "该举报尚未立为案件，案件作出处理决定后方可奖励" })
  if (!decidedCaseStatuses.includes(facts.caseStatus))
    return new RewardRefused({ detail: "案件尚未作出处罚决定，作出决定后方可奖励" })
  if (facts.existing.some((s) => s !== "rejected")) return new RewardRefused({ detail: "该举报已有在办或已发放的奖励" })
  return null
}
