/**
 * The transfers a case calls for: the penalty engine's `assessment.transfers`, each linked to 部门移送 with
 * its draft form prefilled from the case (the link's query is what `formFromQuery` of 部门移送 reads).
 */
import { departmentLabel, type Department } from "@fundguard/domain/departments"

/** A transfer the penalty engine says the case needs, with the link that drafts it prefilled. */
export interface DueTransfer {
  readonly department: Department
  readonly label: string
  readonly reason: string
  readonly deadline: string
  readonly mandatory: boolean
  readonly href: string
}

/**
 * The transfers a case's assessment calls for (`assessment.transfers` of the penalty engine), each with a
 * link to 部门移送 whose draft form is prefilled from the case: the department, the case, the institution,
 * the violations, the decision date and the engine's reason as the facts to edit.
 */
export const dueTransfers = (detail: {
  readonly id: string
  readonly institution: { readonly code: string }
  readonly assessment: unknown
  readonly timeline: ReadonlyArray<{ readonly action: string; readonly recordedOn: string }>
}): ReadonlyArray<DueTransfer> => {
  const transfers = (detail.assessment as { transfers?: ReadonlyArray<Record<string, unknown>> } | null)?.transfers
  if (!Array.isArray(transfers)) return []
  const decidedOn = detail.timeline.filter((t) => t.action === "approve_decision").at(-1)?.recordedOn ?? ""
  return transfers.flatMap((t) => {
    const department = t["to"] as Department
    if (!(department in departmentLabel)) return []
    const query = new URLSearchParams({
      department,
      caseId: detail.id,
      institutionCode: detail.institution.code,
      violations: ((t["violations"] as ReadonlyArray<string> | undefined) ?? []).join(","),
      decisionDate: decidedOn,
      facts: String(t["reason"] ?? "")
    })
    return [
      {
        department,
        label: departmentLabel[department],
        reason: String(t["reason"] ?? ""),
        deadline: String(t["deadline"] ?? ""),
        mandatory: t["mandatory"] === true,
        href: `#/transfers?${query.toString()}`
      }
    ]
  })
}
