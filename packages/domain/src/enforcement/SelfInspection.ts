/**
 * 自查自纠 and its consequences (seed 001 phases and attachment 2; seed 003's national notice 医保函〔2020〕9号,
 * 一（三）3 分类处理, and its district plan, 篇四（四）):
 * - an institution that returns what it found by the self-check deadline, in full, may be treated
 *   leniently for those problems later (`refundedInFullByDeadline`);
 * - one that does not, and is found with problems of the campaign's scope and window, is treated more
 *   severely (`ignoredSelfCheckList`) — the penalty engine's own factors;
 * - institutions that returned nothing (or did not report) are put on the spot-check list.
 *
 * @since 0.4.0
 */
import type { OrgKind } from "../kernel/Institution.js"
import type { IsoDate } from "../kernel/IsoDate.js"
import { roundYuan } from "../kernel/Money.js"
import type { CaseFactors } from "../penalty/PenaltyInput.js"
import type { ViolationCode } from "../penalty/Violation.js"
import * as Order from "effect/Order"

const NOTICE_2020 =
  "国家医保局、国家卫生健康委《关于开展医保定点医疗机构规范使用医保基金行为专项治理工作的通知》（医保函〔2020〕9号）一（三）3 分类处理：自查整改期限结束前主动足额退回违法违规所得、全部整改到位的，可依法依规从轻、减轻或免于处罚；期限结束后发现自查整改不力、未按时足额退回的，依法依规从重处罚"
const SPOT_CHECK = "种子003 篇四（四）：重点检查……自查自纠上交违规金额为零的定点医药机构"

/**
 * A self-inspection campaign: which institutions, which period of data they check, and when the
 * report and the refunds are due.
 *
 * @category models
 */
export interface SelfCheckCampaign {
  readonly code: string
  readonly title: string
  readonly orgKinds: ReadonlyArray<OrgKind>
  /** The data the institutions check (seed 001: 2018-01-01 to 2020-05-31). */
  readonly dataFrom: IsoDate
  readonly dataTo: IsoDate
  /** The report (自查整改报告 and 承诺书) and the refunds are due by these days. */
  readonly reportDue: IsoDate
  readonly refundDue: IsoDate
  readonly source: string
}

/**
 * What one institution reported: when, whether it signed the written commitment (承诺书), and what it
 * returned to the fund (each refund for a violation, or for no particular one).
 *
 * @category models
 */
export interface SelfCheckReport {
  readonly institution: string
  readonly submittedOn: IsoDate | null
  readonly commitmentSigned: boolean
  readonly refunds: ReadonlyArray<{
    readonly amount: number
    readonly paidOn: IsoDate
    readonly violation: ViolationCode | null
  }>
}

/**
 * How an institution stands in a campaign.
 *
 * @category models
 */
export interface SelfCheckStanding {
  readonly reportedOnTime: boolean
  readonly refundedByDeadline: number
  readonly refundedLate: number
  /** Nothing returned by the deadline (or no report at all): on the spot-check list. */
  readonly zeroRefund: boolean
}

/**
 * An institution's standing in the campaign (no report: nothing reported, nothing returned).
 *
 * @category rules
 */
export const selfCheckStanding = (
  campaign: SelfCheckCampaign,
  report: SelfCheckReport | undefined
): SelfCheckStanding => {
  const refunds = report?.refunds ?? []
  const byDeadline = roundYuan(refunds.filter((r) => r.paidOn <= campaign.refundDue).reduce((s, r) => s + r.amount, 0))
  const late = roundYuan(refunds.filter((r) => r.paidOn > campaign.refundDue).reduce((s, r) => s + r.amount, 0))
  return {
    reportedOnTime:
      report?.submittedOn !== null && report?.submittedOn !== undefined && report.submittedOn <= campaign.reportDue,
    refundedByDeadline: byDeadline,
    refundedLate: late,
    zeroRefund: byDeadline === 0
  }
}

/**
 * The institutions of the campaign's kinds to spot-check because they returned nothing by the
 * deadline or did not report, in code order.
 *
 * @category rules
 */
export const spotCheckList = (
  campaign: SelfCheckCampaign,
  institutions: ReadonlyArray<{ readonly code: string; readonly orgKind: OrgKind }>,
  reports: ReadonlyArray<SelfCheckReport>
): ReadonlyArray<{ readonly code: string; readonly reason: string }> => {
  const byInstitution = new Map(reports.map((r) => [r.institution, r]))
  return institutions
    .filter((i) => campaign.orgKinds.includes(i.orgKind))
    .map((i) => ({ code: i.code, report: byInstitution.get(i.code) }))
    .filter(({ report }) => selfCheckStanding(campaign, report).zeroRefund)
    .map(({ code, report }) => ({
      code,
      reason: `${report === undefined || report.submittedOn === null ? "未报送自查报告" : "自查自纠上交违规金额为零"}（${SPOT_CHECK}）`
    }))
    .sort((a, b) => Order.string(a.code, b.code))
}

/**
 * What a campaign means for a problem found later at an institution: outside the campaign's kinds or
 * data window, nothing; returned in full by the deadline (for that violation, or unassigned refunds
 * enough to cover it) with the report on time, the mitigating `refundedInFullByDeadline`; otherwise
 * the aggravating `ignoredSelfCheckList`. The reason cites the notice.
 *
 * @category rules
 */
export const selfCheckFactors = (
  campaign: SelfCheckCampaign,
  institution: { readonly code: string; readonly orgKind: OrgKind },
  report: SelfCheckReport | undefined,
  finding: { readonly violation: ViolationCode; readonly amount: number; readonly occurredOn: IsoDate }
): { readonly factors: Partial<CaseFactors>; readonly reason: string } | null => {
  if (!campaign.orgKinds.includes(institution.orgKind)) return null
  if (finding.occurredOn < campaign.dataFrom || finding.occurredOn > campaign.dataTo) return null
  const inTime = (report?.refunds ?? []).filter(
    (r) => r.paidOn <= campaign.refundDue && (r.violation === null || r.violation === finding.violation)
  )
  const returned = roundYuan(inTime.reduce((s, r) => s + r.amount, 0))
  const standing = selfCheckStanding(campaign, report)
  if (standing.reportedOnTime && returned >= finding.amount)
    return {
      factors: { refundedInFullByDeadline: true },
      reason: `${campaign.title}：自查整改期限（${campaign.refundDue}）前已主动退回 ${returned} 元，不少于查实金额 ${finding.amount} 元。${NOTICE_2020}`
    }
  return {
    factors: { ignoredSelfCheckList: true },
    reason: `${campaign.title}：该问题属自查范围（${campaign.dataFrom} 至 ${campaign.dataTo}），自查整改期限（${campaign.refundDue}）前${standing.reportedOnTime ? `仅退回 ${returned} 元，少于查实金额 ${finding.amount} 元` : "未按时报送自查报告"}。${NOTICE_2020}`
  }
}

/**
 * What a campaign means for all the problems found later at an institution together: each refund is
 * counted once — the refunds made by the deadline (for those violations, or for none in particular)
 * must cover the sum of the problems in the campaign's scope, and each problem on its own, for the
 * mitigating factor; otherwise, if any problem is in scope, the aggravating one. Null when none is.
 *
 * @category rules
 */
export const selfCheckFactorsForFindings = (
  campaign: SelfCheckCampaign,
  institution: { readonly code: string; readonly orgKind: OrgKind },
  report: SelfCheckReport | undefined,
  findings: ReadonlyArray<{ readonly violation: ViolationCode; readonly amount: number; readonly occurredOn: IsoDate }>
): { readonly factors: Partial<CaseFactors>; readonly reason: string } | null => {
  const each = findings
    .map((f) => ({ finding: f, result: selfCheckFactors(campaign, institution, report, f) }))
    .filter((x) => x.result !== null)
  if (each.length === 0) return null
  const violations = new Set(each.map((x) => x.finding.violation))
  const inTime = roundYuan(
    (report?.refunds ?? [])
      .filter((r) => r.paidOn <= campaign.refundDue && (r.violation === null || violations.has(r.violation)))
      .reduce((s, r) => s + r.amount, 0)
  )
  const found = roundYuan(each.reduce((s, x) => s + x.finding.amount, 0))
  const allMitigating = each.every((x) => x.result?.factors.refundedInFullByDeadline === true)
  if (allMitigating && inTime >= found) return each[0]!.result
  const shortfall = each.find((x) => x.result?.factors.ignoredSelfCheckList === true)?.result
  return (
    shortfall ?? {
      factors: { ignoredSelfCheckList: true },
      reason: `${campaign.title}：自查整改期限（${campaign.refundDue}）前退回 ${inTime} 元，少于自查范围内查实的合计金额 ${found} 元（每笔退款只计一次）。${NOTICE_2020}`
    }
  )
}
