/**
 * Review workflow logic for the pages: deadline wording, which inputs a step's form needs, status
 * tones, and how history entries read. Pure, so it is tested without a browser.
 */
import { isProblemTag, problemTypes } from "@fundguard/contracts/Problem"
import type { BulkResult, HistoryEntry } from "@fundguard/contracts/Review"
import type { ReviewStepInput } from "@fundguard/domain/review"
import type { ReviewAction } from "@fundguard/domain/review"
import { isClosedStatus, type SuspicionStatus } from "@fundguard/domain/screening"
import { formatYuan, parseAmount } from "../../shared/format.js"

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/** The deadline of the current step in words, and whether it has passed. */
export const deadlineText = (
  dueDate: string | null | undefined,
  status: string,
  today: string
): { readonly text: string; readonly overdue: boolean } => {
  if (isClosedStatus(status as SuspicionStatus)) return { text: "已办结", overdue: false }
  if (dueDate === null || dueDate === undefined) return { text: "未设期限", overdue: false }
  const left = dayNumber(dueDate) - dayNumber(today)
  if (left < 0) return { text: `${dueDate}（已逾期 ${-left} 天）`, overdue: true }
  if (left === 0) return { text: `${dueDate}（今天到期）`, overdue: false }
  return { text: `${dueDate}（剩余 ${left} 天）`, overdue: false }
}

/** What the form of a step asks for. */
export interface StepForm {
  readonly reason: "required" | "optional"
  readonly reasonLabel: string
  readonly response: boolean
  readonly proposal: boolean
  readonly caseNumber: boolean
  /** Steps that end or turn back a lead are shown as secondary (grey) buttons. */
  readonly tone: "primary" | "secondary" | "danger"
}

const reasonLabels: Partial<Record<ReviewAction, string>> = {
  first_review_dismiss: "排除理由",
  second_review_dismiss: "排除理由",
  second_review_return: "退回理由",
  return_to_verification: "退回理由",
  propose_confirm: "核实意见",
  propose_exclude: "排除理由",
  mark_corrected: "更正情况",
  escalate: "转违规核查的理由"
}

const dangerous: ReadonlyArray<ReviewAction> = ["first_review_dismiss", "second_review_dismiss", "propose_exclude"]
const backwards: ReadonlyArray<ReviewAction> = ["second_review_return", "return_to_verification", "mark_no_response"]

/** The form of a step. */
export const stepForm = (action: ReviewAction, reasonRequired: boolean): StepForm => ({
  reason: reasonRequired ? "required" : "optional",
  reasonLabel: reasonLabels[action] ?? "意见",
  response: action === "record_response",
  proposal: action === "propose_confirm",
  caseNumber: action === "approve",
  tone: dangerous.includes(action) ? "danger" : backwards.includes(action) ? "secondary" : "primary"
})

/** What a step form holds while it is being filled in. */
export interface StepDraft {
  reason: string
  responseKind: "accepted" | "appeal"
  statement: string
  receivedOn: string
  documents: string
  disposition: "deduction" | "case"
  deductionAmount: string
  caseNumber: string
}

/** An empty form; the deduction defaults to the lead's amount. */
export const emptyDraft = (amount: number, today: string): StepDraft => ({
  reason: "",
  responseKind: "accepted",
  statement: "",
  receivedOn: today,
  documents: "",
  disposition: "deduction",
  deductionAmount: String(amount),
  caseNumber: ""
})

/**
 * The request body of a step from its form, or the problems to show (`$.reason` …, the API's
 * paths, so server-side problems land on the same fields).
 */
export const draftToInput = (
  action: ReviewAction,
  form: StepForm,
  draft: StepDraft
):
  | { readonly ok: true; readonly input: ReviewStepInput }
  | { readonly ok: false; readonly problems: ReadonlyArray<{ path: string; message: string }> } => {
  const problems: Array<{ path: string; message: string }> = []
  const reason = draft.reason.trim()
  if (form.reason === "required" && reason === "")
    problems.push({ path: "$.reason", message: `请填写${form.reasonLabel}` })
  let response: ReviewStepInput["response"]
  if (form.response) {
    const documents = draft.documents
      .split(/[,，、\n]/)
      .map((d) => d.trim())
      .filter((d) => d !== "")
    if (draft.responseKind === "appeal" && draft.statement.trim() === "") {
      problems.push({ path: "$.response.statement", message: "申诉须写明理由" })
    }
    response = { kind: draft.responseKind, statement: draft.statement.trim(), receivedOn: draft.receivedOn, documents }
  }
  let proposal: ReviewStepInput["proposal"]
  if (form.proposal) {
    const amount = parseAmount(draft.deductionAmount)
    if (draft.disposition === "deduction" && (amount === null || amount <= 0)) {
      problems.push({ path: "$.proposal.deductionAmount", message: "扣款/核减须填写大于 0 的金额" })
    }
    proposal =
      draft.disposition === "deduction"
        ? { disposition: "deduction", deductionAmount: amount ?? 0 }
        : { disposition: "case" }
  }
  const caseNumber = form.caseNumber ? draft.caseNumber.trim() : ""
  void action
  return problems.length > 0
    ? { ok: false, problems }
    : {
        ok: true,
        input: {
          ...(reason === "" ? {} : { reason }),
          ...(response === undefined ? {} : { response }),
          ...(proposal === undefined ? {} : { proposal }),
          ...(caseNumber === "" ? {} : { caseNumber })
        }
      }
}

/** Tone of a status badge. */
export const statusTone = (status: string): "open" | "warn" | "done" | "closed" => {
  if (status === "confirmed") return "warn"
  if (status === "dismissed" || status === "excluded" || status === "corrected") return "closed"
  if (status === "sent_to_institution" || status === "awaiting_correction") return "done"
  return "open"
}

const record = (value: unknown): Readonly<Record<string, unknown>> | null =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
const text = (value: unknown): string | null => (typeof value === "string" ? value : null)

/**
 * One history entry's extra details as a line of text (response, proposal, case number). The
 * contract leaves `details` open (what the step recorded), so each part is read only when present
 * with the expected type.
 */
export const historyDetail = (entry: typeof HistoryEntry.Type): string | null => {
  const parts: Array<string> = []
  const d = record(entry.details)
  const response = record(d?.["response"])
  if (response !== null) {
    const statement = text(response["statement"]) ?? ""
    parts.push(
      `${response["kind"] === "appeal" ? "申诉" : "认可"}（${text(response["receivedOn"]) ?? "—"} 收到）${statement === "" ? "" : `：${statement}`}`
    )
  }
  const proposal = record(d?.["proposal"])
  if (proposal !== null) {
    const amount = proposal["deductionAmount"]
    parts.push(
      proposal["result"] === "exclude"
        ? "建议排除"
        : proposal["disposition"] === "case"
          ? "建议立案查处"
          : `建议扣款/核减 ${formatYuan(typeof amount === "number" ? amount : 0)} 元`
    )
  }
  const caseNumber = text(d?.["caseNumber"])
  if (caseNumber) parts.push(`案件编号 ${caseNumber}`)
  if (entry.assigneeName !== null && entry.action === "assign") parts.push(`分派给 ${entry.assigneeName}`)
  if (entry.late) parts.push("超期办理")
  return parts.length === 0 ? null : parts.join("；")
}

/** The documents listed with an institution's response (the contract leaves them open): their names. */
export const documentNames = (documents: unknown): ReadonlyArray<string> =>
  Array.isArray(documents) ? documents.filter((d): d is string => typeof d === "string" && d !== "") : []

/**
 * Why one lead of a bulk step failed, in words: the title of its problem (`StaleRevision` → 该疑点已被他人
 * 处理，请刷新后重试) and the server's detail when it adds something.
 */
export const bulkFailureText = (result: BulkResult): string => {
  const title = isProblemTag(result.code) ? problemTypes[result.code].title : null
  const detail = result.detail !== undefined && result.detail !== "" && result.detail !== title ? result.detail : null
  return title === null ? (detail ?? "处理失败") : detail === null ? title : `${title}：${detail}`
}
