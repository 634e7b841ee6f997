/**
 * The case list's logic: the sources a case may come from, the opening form and its body, and how a
 * proposal from confirmed leads is summarised as the case's first record.
 */
import type { CaseProposal } from "@fundguard/contracts/Cases"
import { caseSourceLabel, type CaseOpening, type CaseSource } from "@fundguard/domain/enforcement"
import { formatYuan } from "../../shared/format.js"

/** The sources as options. */
export const sourceOptions: ReadonlyArray<{ id: CaseSource; label: string }> = Object.entries(caseSourceLabel).map(
  ([id, label]) => ({ id: id as CaseSource, label })
)

/** What the opening form holds. */
export interface OpeningDraft {
  source: CaseSource
  institutionCode: string
  discoveredOn: string
  summary: string
  reference: string
}

/** An empty opening form (a complaint received today). */
export const emptyOpening = (today: string): OpeningDraft => ({
  source: "complaint",
  institutionCode: "",
  discoveredOn: today,
  summary: "",
  reference: ""
})

/** The opening's body as the contract takes it. */
export const openingBody = (draft: OpeningDraft): typeof CaseOpening.Encoded => ({
  source: draft.source,
  institutionCode: draft.institutionCode.trim(),
  discoveredOn: draft.discoveredOn,
  summary: draft.summary.trim(),
  references: draft.reference.trim() === "" ? [] : [draft.reference.trim()]
})

/** The first record of a case opened on grouped leads: how many, which violations, how much. */
export const proposalSummary = (p: typeof CaseProposal.Type): string =>
  `智能监控疑点 ${p.leads.length} 条经审批确认立案查处：${p.violations
    .map((v) => `${v.code} ${v.leads} 条 ${formatYuan(v.amount)}`)
    .join("；")}，合计 ${formatYuan(p.amount)}（${p.from ?? "—"} 至 ${p.to ?? "—"}）`

/** The statuses in which a case waits for 复审 or 审批 (filing, the decision, closure). */
export const reviewStatuses: ReadonlyArray<string> = ["filing_review", "decision_review", "closure_review"]

/**
 * The cases waiting for the approver (待审核、审批), oldest deadline first: what a 复审 or 审批 holder
 * opens first. The case page offers only the steps the rules let them take (nobody approves their own work).
 */
export const awaitingReview = <C extends { status: string; nextDueOn: string | null }>(
  cases: ReadonlyArray<C>
): ReadonlyArray<C> =>
  cases
    .filter((c) => reviewStatuses.includes(c.status))
    .sort((a, b) => (a.nextDueOn ?? "9999").localeCompare(b.nextDueOn ?? "9999"))
