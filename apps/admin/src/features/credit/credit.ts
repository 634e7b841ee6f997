/**
 * The logic of 信用与记分: the forms' bodies (optional fields only when filled), how a status and its
 * dates read, and the options of the forms. No grade is shown for an institution: none exists
 * nationally (regulations.md §6.2 ⚠️).
 */
import {
  departmentLabel,
  practitionerKindLabel,
  responsibilityLabel,
  type PractitionerKind,
  type Responsibility
} from "@fundguard/domain/credit"
import type { TransferTarget } from "@fundguard/domain/penalty"

/** The kinds of registered staff as options. */
export const kindOptions: ReadonlyArray<{ id: PractitionerKind; label: string }> = (
  Object.entries(practitionerKindLabel) as Array<[PractitionerKind, string]>
).map(([id, label]) => ({ id, label }))

/** The responsibility levels as options. */
export const responsibilityOptions: ReadonlyArray<{ id: Responsibility; label: string }> = (
  Object.entries(responsibilityLabel) as Array<[Responsibility, string]>
).map(([id, label]) => ({ id, label }))

/** The departments a notice may go to, as options. */
export const departmentOptions: ReadonlyArray<{ id: TransferTarget; label: string }> = (
  Object.entries(departmentLabel) as Array<[TransferTarget, string]>
).map(([id, label]) => ({ id, label }))

/** What the points form holds. */
export interface PointsDraft {
  decidedOn: string
  points: string
  responsibility: Responsibility
  source: "case" | "agreement_measure"
  sourceId: string
  event: string
  suspensionMonths: string
}

/** An empty points form, dated today. */
export const emptyPoints = (today: string): PointsDraft => ({
  decidedOn: today,
  points: "",
  responsibility: "general",
  source: "case",
  sourceId: "",
  event: "",
  suspensionMonths: ""
})

/** The points form as the contract takes it (numbers as numbers; the suspension only when chosen). */
export const pointsBody = (d: PointsDraft) => ({
  decidedOn: d.decidedOn.trim(),
  points: d.points.trim() === "" ? Number.NaN : Number(d.points),
  responsibility: d.responsibility,
  source: d.source,
  sourceId: d.sourceId.trim(),
  event: d.event.trim(),
  ...(d.suspensionMonths.trim() === "" ? {} : { suspensionMonths: Number(d.suspensionMonths) })
})

/** A status as one line: 正常（本年 6 分，距暂停 3 分） or 暂停医保支付资格 2025-10-20 至 2026-01-19（2026-01-20 恢复）. */
export const statusText = (s: {
  readonly state: "normal" | "suspended" | "terminated"
  readonly label: string
  readonly from: string | null
  readonly until: string | null
  readonly liftedOn: string | null
  readonly singleEvent: boolean
  readonly yearPoints: number
  readonly toSuspension: number
  readonly mustReRegister: boolean
}): string => {
  if (s.state === "normal")
    return `${s.label}（本年 ${s.yearPoints} 分${s.toSuspension > 0 ? `，距暂停 ${s.toSuspension} 分` : ""}）${s.mustReRegister ? "；终止期满，须重新登记备案" : ""}`
  const lifted =
    s.state === "suspended"
      ? `${s.liftedOn ?? ""} 恢复`
      : `${s.liftedOn ?? ""} 起可重新登记备案${s.singleEvent ? "（一次记满12分，3年）" : "（1年）"}`
  return `${s.label} ${s.from ?? ""} 至 ${s.until ?? ""}（${lifted}）`
}

/** The register form's body. */
export const practitionerBody = (d: {
  nationalCode: string
  name: string
  kind: PractitionerKind
  institutionCode: string
}) => ({
  nationalCode: d.nationalCode.trim().toUpperCase(),
  name: d.name.trim(),
  kind: d.kind,
  institutionCode: d.institutionCode.trim()
})

/** The notice form's body: a case only for an institution. */
export const noticeBody = (d: {
  department: TransferTarget
  subject: "institution" | "practitioner"
  subjectId: string
  caseId: string
  reason: string
  request: string
}) => ({
  department: d.department,
  subject: d.subject,
  subjectId: d.subjectId.trim(),
  ...(d.subject === "institution" && d.caseId.trim() !== "" ? { caseId: d.caseId.trim() } : {}),
  reason: d.reason.trim(),
  request: d.request.trim()
})

/** The publication form's body: names the text may hold, one per line or separated by 、 or commas. */
export const publicationBody = (d: { caseId: string; title: string; summary: string; persons: string }) => {
  const persons = d.persons
    .split(/[\n,，、]/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
  return {
    caseId: d.caseId.trim(),
    title: d.title.trim(),
    summary: d.summary.trim(),
    ...(persons.length === 0 ? {} : { persons })
  }
}
