/**
 * From confirmed leads to cases (线索并案): confirmed suspicions grouped into proposed cases by the
 * institution, the insured person or the doctor they concern, each with what the case officer needs
 * to open it — the leads, the amount per violation, the period, and who the case is against.
 *
 * @since 0.4.0
 */
import * as Order from "effect/Order"
import { roundYuan } from "../kernel/Money.js"

/**
 * A confirmed lead, as far as grouping needs it.
 *
 * @category models
 */
export interface ConfirmedLead {
  readonly id: string
  readonly institution: string
  readonly person: string | null
  /** The doctor or pharmacist the lead names (from the claim), if any. */
  readonly doctor: string | null
  /** A catalogue code, or null for a lead with no violation of its own (data quality). */
  readonly violation: string | null
  readonly amount: number
  readonly date: string | null
}

/**
 * What leads are grouped by, and so who the case is against: a designated institution, an insured
 * person, or a doctor (whose institution answers for them unless the case is about the person).
 *
 * @category models
 */
export type GroupBy = "institution" | "person" | "doctor"

/**
 * A proposed case.
 *
 * @category models
 */
export interface ProposedCase {
  readonly groupBy: GroupBy
  readonly subject: string
  readonly institutions: ReadonlyArray<string>
  readonly leads: ReadonlyArray<string>
  /** Amounts per violation code, largest first; leads without a violation are not counted. */
  readonly violations: ReadonlyArray<{ readonly code: string; readonly amount: number; readonly leads: number }>
  readonly amount: number
  readonly from: string | null
  readonly to: string | null
}

const byText = Order.string

/**
 * Groups confirmed leads into proposed cases. A lead without the grouping key (no person, no doctor)
 * is left out of that grouping and answered apart, so nothing is silently dropped. Cases come largest
 * amount first.
 *
 * @category rules
 */
export const groupLeads = (
  leads: ReadonlyArray<ConfirmedLead>,
  groupBy: GroupBy
): { readonly cases: ReadonlyArray<ProposedCase>; readonly ungrouped: ReadonlyArray<string> } => {
  const keyOf = (l: ConfirmedLead) =>
    groupBy === "institution" ? l.institution : groupBy === "person" ? l.person : l.doctor
  const groups = new Map<string, Array<ConfirmedLead>>()
  const ungrouped: Array<string> = []
  for (const lead of leads) {
    const key = keyOf(lead)
    if (key === null || key === "") ungrouped.push(lead.id)
    else groups.set(key, [...(groups.get(key) ?? []), lead])
  }
  const cases = [...groups.entries()].map(([subject, members]): ProposedCase => {
    const perViolation = new Map<string, { amount: number; leads: number }>()
    for (const l of members) {
      if (l.violation === null) continue
      const v = perViolation.get(l.violation) ?? { amount: 0, leads: 0 }
      perViolation.set(l.violation, { amount: v.amount + l.amount, leads: v.leads + 1 })
    }
    const dates = members
      .map((l) => l.date)
      .filter((x): x is string => x !== null)
      .sort(byText)
    return {
      groupBy,
      subject,
      institutions: [...new Set(members.map((l) => l.institution))].sort(byText),
      leads: members.map((l) => l.id).sort(byText),
      violations: [...perViolation.entries()]
        .map(([code, v]) => ({ code, amount: roundYuan(v.amount), leads: v.leads }))
        .sort((a, b) => b.amount - a.amount || byText(a.code, b.code)),
      amount: roundYuan(members.reduce((s, l) => s + l.amount, 0)),
      from: dates[0] ?? null,
      to: dates.at(-1) ?? null
    }
  })
  cases.sort((a, b) => b.amount - a.amount || byText(a.subject, b.subject))
  return { cases, ungrouped: ungrouped.sort(byText) }
}
