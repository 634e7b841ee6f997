/**
 * The logic of 举报投诉: the intake form and its body (optional fields only when filled, the
 * informant apart), the triage body, how deadlines read (red when overdue), a reward's three levels
 * and payment as rows, and the import file's format from its name.
 */
import { channelLabel, paymentMethodLabel, type ComplaintChannel } from "@fundguard/domain/complaints"

/** The channels as options (the national channel comes by import). */
export const channelOptions: ReadonlyArray<{ id: ComplaintChannel; label: string }> = (
  Object.entries(channelLabel) as Array<[ComplaintChannel, string]>
)
  .filter(([id]) => id !== "national_platform")
  .map(([id, label]) => ({ id, label }))

/** What the intake form holds. */
export interface IntakeDraft {
  channel: ComplaintChannel
  receivedOn: string
  subjectKind: "institution" | "person"
  institutionCode: string
  personName: string
  content: string
  amount: string
  anonymous: boolean
  name: string
  phone: string
  idNumber: string
  address: string
}

/** An empty intake form, received today. */
export const emptyIntake = (today: string): IntakeDraft => ({
  channel: "phone",
  receivedOn: today,
  subjectKind: "institution",
  institutionCode: "",
  personName: "",
  content: "",
  amount: "",
  anonymous: false,
  name: "",
  phone: "",
  idNumber: "",
  address: ""
})

const filled = <K extends string>(key: K, value: string) =>
  value.trim() === "" ? {} : ({ [key]: value.trim() } as Record<K, string>)

/** The intake as the contract takes it. */
export const intakeBody = (d: IntakeDraft) => ({
  channel: d.channel,
  receivedOn: d.receivedOn,
  subject: {
    kind: d.subjectKind,
    ...(d.subjectKind === "institution" ? filled("institutionCode", d.institutionCode) : {}),
    ...filled("personName", d.personName)
  },
  content: d.content.trim(),
  ...(d.amount.trim() === "" ? {} : { amountInvolved: Number(d.amount) }),
  informant: {
    anonymous: d.anonymous,
    ...filled("name", d.name),
    ...filled("phone", d.phone),
    ...filled("idNumber", d.idNumber),
    ...filled("address", d.address)
  }
})

/** What the triage form holds. */
export interface TriageDraft {
  decision: "accept" | "not_accept" | "forward" | "merge"
  reason: string
  forwardTo: string
  mergeInto: string
}

/** The triage decisions as options. */
export const decisionOptions: ReadonlyArray<{ id: TriageDraft["decision"]; label: string }> = [
  { id: "accept", label: "受理" },
  { id: "not_accept", label: "不予受理（须说明理由）" },
  { id: "forward", label: "移交其他部门（非本部门职责）" },
  { id: "merge", label: "合并到已登记的举报" }
]

/** The triage decision as the contract takes it: only the fields its decision uses. */
export const triageBody = (d: TriageDraft) => ({
  decision: d.decision,
  ...filled("reason", d.reason),
  ...(d.decision === "forward" ? filled("forwardTo", d.forwardTo) : {}),
  ...(d.decision === "merge" ? filled("mergeInto", d.mergeInto) : {})
})

/** The CSS class of a deadline's state: overdue and late in red. */
export const deadlineClass = (state: string): string =>
  state === "overdue" || state === "late" ? "overdue" : state === "met" ? "met" : "open"

/** How a deadline's state reads. */
export const deadlineStateLabel: Readonly<Record<string, string>> = {
  open: "未到期",
  overdue: "已逾期",
  met: "按期完成",
  late: "逾期完成"
}

/** A reward's levels and payment as rows: 初审, 复审, 审批, 发放, each with who and when (or pending). */
export const rewardLevels = (r: {
  proposedByName: string
  proposedOn: string
  reviewedByName: string | null
  reviewedOn: string | null
  approvedByName: string | null
  approvedOn: string | null
  paidOn: string | null
  paidAmount: number | null
  paymentMethod: string | null
}): ReadonlyArray<{ label: string; who: string; on: string }> => [
  { label: "初审（提出）", who: r.proposedByName, on: r.proposedOn },
  { label: "复审", who: r.reviewedByName ?? "待办", on: r.reviewedOn ?? "—" },
  { label: "审批", who: r.approvedByName ?? "待办", on: r.approvedOn ?? "—" },
  {
    label: "发放",
    who:
      r.paidOn === null
        ? "待发放"
        : `${r.paidAmount ?? ""} 元，${paymentMethodLabel[r.paymentMethod as keyof typeof paymentMethodLabel] ?? r.paymentMethod ?? ""}`,
    on: r.paidOn ?? "—"
  }
]

/** The import format a file's name says (.json, else CSV). */
export const formatOfFile = (name: string): "csv" | "json" => (name.toLowerCase().endsWith(".json") ? "json" : "csv")
