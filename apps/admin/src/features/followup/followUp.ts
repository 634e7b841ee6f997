/**
 * The logic of 整改与协议处理: the measure form and its body (money measures carry an amount), the
 * campaign and report forms, and how states read.
 */
import { agreementActions, moneyMeasures, type AgreementAction } from "@fundguard/domain/enforcement"
import { orgKindLabel, type OrgKind } from "@fundguard/domain/kernel"

/** The actions as options, with whether the institution is heard first. */
export const actionOptions: ReadonlyArray<{ id: AgreementAction; label: string }> = (
  Object.entries(agreementActions) as Array<[AgreementAction, (typeof agreementActions)[AgreementAction]]>
).map(([id, a]) => ({ id, label: `${a.label}${a.hearFirst ? "（须先听取陈述申辩）" : ""}` }))

/** What the measure form holds. */
export interface MeasureDraft {
  institutionCode: string
  action: AgreementAction
  reason: string
  amount: string
  requestedBy: string
  month: string
}

/** An empty measure form. */
export const emptyMeasure = (): MeasureDraft => ({
  institutionCode: "",
  action: "interview",
  reason: "",
  amount: "",
  requestedBy: "",
  month: ""
})

/** Whether the action moves money (and the form shows the amount). */
export const needsAmount = (action: AgreementAction): boolean => moneyMeasures.includes(action)

/** The proposal as the contract takes it: optional fields only when filled. */
export const measureBody = (d: MeasureDraft) => ({
  institutionCode: d.institutionCode.trim(),
  action: d.action,
  reason: d.reason.trim(),
  ...(needsAmount(d.action) && d.amount.trim() !== "" ? { amount: Number(d.amount) } : {}),
  ...(d.requestedBy.trim() === "" ? {} : { requestedBy: d.requestedBy.trim() }),
  ...(d.month.trim() === "" ? {} : { month: d.month.trim() })
})

/** The org kinds as options for a campaign. */
export const orgKindOptions: ReadonlyArray<{ id: OrgKind; label: string }> = (
  Object.entries(orgKindLabel) as Array<[OrgKind, string]>
).map(([id, label]) => ({ id, label }))

/** Refund lines of a report form: "金额|缴回日期|违规代码(可空)" per line. */
export const refundsOf = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .map((l) => {
      const [amount = "", paidOn = "", violation = ""] = l.split("|").map((p) => p.trim())
      return { amount: Number(amount), paidOn, violation: violation === "" ? null : violation }
    })

/** How a measure's status reads. */
export const measureStatusLabel: Readonly<Record<string, string>> = {
  proposed: "待决定",
  decided: "已决定",
  withdrawn: "已撤回"
}

/**
 * A self-inspection campaign proposed from a problem common to several institutions (举一反三): every
 * institution of that kind checks the last 12 months for it; report and refunds due in 30 days.
 * The planner reviews and saves it.
 */
export const campaignFromProblem = (
  problem: {
    readonly violation: string
    readonly violationText: string
    readonly orgKind: string
    readonly orgKindLabel: string
  },
  today: string
) => {
  const day = (offset: { months?: number; days?: number }) => {
    const d = new Date(`${today}T00:00:00Z`)
    d.setUTCMonth(d.getUTCMonth() + (offset.months ?? 0))
    d.setUTCDate(d.getUTCDate() + (offset.days ?? 0))
    return d.toISOString().slice(0, 10)
  }
  return {
    code: `JYFS-${today.replace(/-/g, "")}-${problem.violation}`.slice(0, 64),
    title: `${problem.orgKindLabel}「${problem.violationText.slice(0, 60)}」举一反三自查自纠`,
    orgKinds: [problem.orgKind],
    dataFrom: day({ months: -12 }),
    dataTo: today,
    reportDue: day({ days: 30 }),
    refundDue: day({ days: 30 }),
    source: `共性问题通报：${problem.violationText.slice(0, 150)}（种子000 四（三）、种子003 举一反三）`
  }
}
