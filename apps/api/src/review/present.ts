/**
 * How suspicions leave the API: personal data masked for roles without `personal-data:unmasked`,
 * the lead's category and deadline worked out, the same shape for the list, the detail and the
 * export.
 */
import type { Review } from "@fundguard/contracts"
import { can, maskIdentifier, maskName, type Role } from "@fundguard/domain/access"
import { type IsoDate } from "@fundguard/domain/kernel"
import { isOverdue, stepOfStatus } from "@fundguard/domain/review"
import { isClosedStatus, suspicionCategory, type SuspicionStatus } from "@fundguard/domain/screening"

/** Evidence keys that hold a personal identifier or a person's name (national field names). */
const identifierKeys = new Set(["psn_no", "certno", "psn_cert_no", "mdtrt_cert_no", "card_sn"])
const nameKeys = new Set(["psn_name", "patient_name", "name_of_patient"])

/** Masks personal identifiers and names wherever they sit in a lead's evidence. */
export const maskEvidence = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(maskEvidence)
  if (typeof value !== "object" || value === null) return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      if (typeof v === "string" && identifierKeys.has(k)) return [k, maskIdentifier(v)]
      if (typeof v === "string" && nameKeys.has(k)) return [k, maskName(v)]
      return [k, maskEvidence(v)]
    })
  )
}

/** The columns of a stored suspicion the API presents. */
export interface StoredSuspicion {
  readonly id: string
  readonly lastRunId: string
  readonly firstRunId: string
  readonly ruleCode: string
  readonly ruleVersion: number
  readonly level: string
  readonly fixmedinsCode: string
  readonly psnNo: string | null
  readonly mdtrtId: string | null
  readonly setlId: string | null
  readonly feedetlSn: unknown
  readonly medListCodg: string | null
  readonly date: string | null
  readonly amount: number
  readonly violation: string | null
  readonly message: string
  readonly evidence: unknown
  readonly status: string
  readonly dueDate: string | null
  readonly assigneeId: string | null
  readonly assigneeName: string | null
  readonly revision: number
  readonly createdAt: Date
}

/** One suspicion as the API shows it to `role` on `today`. */
export const presentSuspicion = (
  s: StoredSuspicion & { readonly institutionName?: string | null },
  role: Role,
  today: IsoDate
): Review.SuspicionView => {
  const unmasked = can(role, "personal-data:unmasked")
  const status = s.status as SuspicionStatus
  return {
    id: s.id,
    runId: s.lastRunId,
    firstRunId: s.firstRunId,
    rule: s.ruleCode,
    ruleVersion: s.ruleVersion,
    level: s.level,
    category: suspicionCategory(s.ruleCode),
    fixmedinsCode: s.fixmedinsCode,
    institutionName: s.institutionName ?? null,
    psnNo: s.psnNo === null || unmasked ? s.psnNo : maskIdentifier(s.psnNo),
    mdtrtId: s.mdtrtId,
    setlId: s.setlId,
    feedetlSn: Array.isArray(s.feedetlSn) ? (s.feedetlSn as Array<unknown>).map(String) : [],
    medListCodg: s.medListCodg,
    date: s.date,
    amount: s.amount,
    violation: s.violation,
    message: s.message,
    evidence: (unmasked ? s.evidence : maskEvidence(s.evidence)) as Record<string, unknown>,
    status,
    step: stepOfStatus(status),
    dueDate: s.dueDate,
    overdue: !isClosedStatus(status) && isOverdue(s.dueDate, today),
    assigneeId: s.assigneeId,
    assigneeName: s.assigneeName,
    revision: s.revision,
    filedAt: s.createdAt.toISOString()
  }
}
