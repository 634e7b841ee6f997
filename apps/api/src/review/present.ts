/**
 * How suspicions leave the API: personal data masked for roles without `personal-data:unmasked`,
 * the lead's category and deadline worked out, the same shape for the list, the detail and the
 * export.
 */
import {
  can,
  isClosedStatus,
  isOverdue,
  maskIdentifier,
  maskName,
  stepOfStatus,
  suspicionCategory,
  type IsoDate,
  type Role,
  type SuspicionStatus
} from "@fundguard/domain"

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
) => {
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

/** JSON schema of a presented suspicion (OpenAPI). */
export const suspicionSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    runId: { type: "string" },
    firstRunId: { type: "string" },
    rule: { type: "string" },
    ruleVersion: { type: "integer" },
    level: { type: "string" },
    category: { type: "string", enum: ["violation", "data_quality"] },
    fixmedinsCode: { type: "string" },
    institutionName: { type: ["string", "null"] },
    psnNo: { type: ["string", "null"], description: "人员编号; masked for roles without personal-data:unmasked" },
    mdtrtId: { type: ["string", "null"] },
    setlId: { type: ["string", "null"] },
    feedetlSn: { type: "array", items: { type: "string" } },
    medListCodg: { type: ["string", "null"] },
    date: { type: ["string", "null"] },
    amount: { type: "number" },
    violation: { type: ["string", "null"] },
    message: { type: "string" },
    evidence: { type: "object", additionalProperties: true },
    status: { type: "string" },
    step: { type: ["string", "null"], description: "the step the lead waits for (first_review …), null when closed" },
    dueDate: { type: ["string", "null"], description: "deadline of the current step, yyyy-MM-dd" },
    overdue: { type: "boolean" },
    assigneeId: { type: ["string", "null"] },
    assigneeName: { type: ["string", "null"] },
    revision: { type: "integer", description: "send it back with a step; a stale one is refused (409)" },
    filedAt: { type: "string" }
  },
  required: ["id", "rule", "status", "amount", "revision", "category", "overdue"]
} as const

/** Query parameters of the list, the bulk selection and the export (OpenAPI). */
export const filterProperties = {
  rule: { type: "string", pattern: "^[A-Z_]+(,[A-Z_]+)*$", description: "rule code(s), comma-separated" },
  institution: { type: "string", maxLength: 20 },
  status: { type: "string", pattern: "^[a-z_]+(,[a-z_]+)*$", description: "status(es), comma-separated" },
  minAmount: { type: "number", minimum: 0 },
  maxAmount: { type: "number", minimum: 0 },
  category: { type: "string", enum: ["violation", "data_quality"] },
  overdue: { type: "boolean" },
  assignee: { type: "string", maxLength: 64, description: "a user id, or `me`" },
  runId: { type: "string", maxLength: 64, description: "leads first filed by this screening run" }
} as const

/** The list's query as received. */
export interface FilterQuery {
  rule?: string
  institution?: string
  status?: string
  minAmount?: number
  maxAmount?: number
  category?: "violation" | "data_quality"
  overdue?: boolean
  assignee?: string
  runId?: string
}
