/**
 * 部门移送's logic: the draft form of an outgoing transfer and its body, the form of a transfer received
 * (a letter the bureau records, or what a department sends), the forms of each step and their bodies, and
 * how deadlines read. The server decides; these only name what the form can see before sending.
 */
import { departmentLabel, type Department, type TransferStepKind } from "@fundguard/domain/departments"
import { isIsoDate, parseAmount } from "../../shared/format.js"

/** One problem with a field, by the JSON path the server would name. */
export interface FieldProblem {
  readonly path: string
  readonly message: string
}

/** The departments, for a select. */
export const departmentOptions = (Object.keys(departmentLabel) as Array<Department>).map((id) => ({
  id,
  label: departmentLabel[id]
}))

/** A material as the form holds it (pages as text). */
export interface MaterialDraft {
  kind: string
  title: string
  pages: string
}

/** What the draft form holds. */
export interface TransferForm {
  department: Department
  institutionCode: string
  subject: string
  caseId: string
  decisionDate: string
  violations: string
  listItems: string
  facts: string
  amount: string
  officers: string
  materials: Array<MaterialDraft>
  /** Incoming only. */
  number: string
  discoveredOn: string
}

/** An empty form, with the transfer letter as its first material. */
export const emptyTransferForm = (department: Department = "health_commission"): TransferForm => ({
  department,
  institutionCode: "",
  subject: "",
  caseId: "",
  decisionDate: "",
  violations: "",
  listItems: "",
  facts: "",
  amount: "",
  officers: "",
  materials: [{ kind: "transfer_letter", title: "移送书", pages: "1" }],
  number: "",
  discoveredOn: ""
})

const split = (text: string) =>
  text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "")

const materialsOf = (form: TransferForm, problems: Array<FieldProblem>) =>
  form.materials
    .filter((m) => m.title.trim() !== "")
    .map((m, i) => {
      const pages = Number(m.pages.trim())
      if (!/^\d{1,5}$/.test(m.pages.trim())) problems.push({ path: `$.materials[${i}].pages`, message: "页数须为整数" })
      return { kind: m.kind.trim() === "" ? "other" : m.kind.trim(), title: m.title.trim(), pages }
    })

const common = (form: TransferForm, problems: Array<FieldProblem>) => {
  const facts = form.facts.trim()
  if (facts === "") problems.push({ path: "$.facts", message: "请填写基本事实" })
  const amountText = form.amount.trim()
  const amount = amountText === "" ? undefined : parseAmount(amountText)
  if (amount === null) problems.push({ path: "$.amount", message: "金额须为数字（元）" })
  const listItems = split(form.listItems).map(Number)
  if (listItems.some((n) => !Number.isInteger(n) || n < 1 || n > 20))
    problems.push({ path: "$.listItems", message: "清单项须为 1 至 20 的整数" })
  return {
    ...(form.institutionCode.trim() === "" ? {} : { institutionCode: form.institutionCode.trim() }),
    ...(form.subject.trim() === "" ? {} : { subject: form.subject.trim() }),
    violations: split(form.violations),
    ...(listItems.length === 0 ? {} : { listItems }),
    facts,
    ...(amount === undefined || amount === null ? {} : { amount })
  }
}

/** The body of an outgoing transfer's draft, or the problems the form can see. */
export const draftBody = (form: TransferForm) => {
  const problems: Array<FieldProblem> = []
  const base = common(form, problems)
  if (form.decisionDate.trim() !== "" && !isIsoDate(form.decisionDate.trim()))
    problems.push({ path: "$.decisionDate", message: "日期须为 yyyy-MM-dd 格式" })
  const body = {
    department: form.department,
    ...base,
    ...(form.caseId.trim() === "" ? {} : { caseId: form.caseId.trim() }),
    ...(form.decisionDate.trim() === "" ? {} : { decisionDate: form.decisionDate.trim() }),
    officers: split(form.officers),
    materials: materialsOf(form, problems)
  }
  return problems.length > 0 ? ({ problems } as const) : ({ body } as const)
}

/** The body of a transfer received (a letter recorded by the bureau, or a department's own). */
export const incomingBody = (form: TransferForm) => {
  const problems: Array<FieldProblem> = []
  const base = common(form, problems)
  if (!isIsoDate(form.discoveredOn.trim()))
    problems.push({ path: "$.discoveredOn", message: "请填写发现日期（yyyy-MM-dd）" })
  const materials = materialsOf(form, problems)
  if (materials.length === 0) problems.push({ path: "$.materials", message: "至少附一份移送材料" })
  const body = {
    ...(form.number.trim() === "" ? {} : { number: form.number.trim() }),
    ...base,
    discoveredOn: form.discoveredOn.trim(),
    materials
  }
  return problems.length > 0 ? ({ problems } as const) : ({ body } as const)
}

/** What a step's form holds (every field any step may ask for). */
export interface StepForm {
  reason: string
  signedBy: string
  missing: string
  note: string
  outcome: string
  summary: string
  filed: boolean
  to: string
  material: MaterialDraft
}

/** An empty step form. */
export const emptyStepForm = (): StepForm => ({
  reason: "",
  signedBy: "",
  missing: "",
  note: "",
  outcome: "filed",
  summary: "",
  filed: false,
  to: "",
  material: { kind: "other", title: "", pages: "1" }
})

/** The fields a step asks for. */
export const stepFields: Readonly<Record<TransferStepKind, ReadonlyArray<keyof StepForm>>> = {
  approve: ["note"],
  reject: ["reason"],
  send: ["note"],
  receive: ["signedBy", "note"],
  request_supplement: ["missing", "note"],
  supplement: ["material", "note"],
  forward: ["to", "note"],
  result: ["outcome", "summary"],
  request_reconsideration: ["reason"],
  answer_reconsideration: ["filed", "summary"],
  request_procuratorate: ["note"],
  hand_over_materials: ["note"],
  open_lead: []
}

const note = (form: StepForm) => (form.note.trim() === "" ? {} : { note: form.note.trim() })

/** The body of a step, or the problems the form can see. */
export const stepBody = (kind: TransferStepKind, form: StepForm) => {
  const required = (path: string, value: string, label: string): Array<FieldProblem> =>
    value.trim() === "" ? [{ path, message: `请填写${label}` }] : []
  switch (kind) {
    case "approve":
    case "send":
    case "hand_over_materials":
      return { step: { _tag: kind, ...note(form) } }
    case "reject":
    case "request_reconsideration": {
      const problems = required("$.step.reason", form.reason, "理由")
      return problems.length > 0 ? { problems } : { step: { _tag: kind, reason: form.reason.trim() } }
    }
    case "receive": {
      const problems = required("$.step.signedBy", form.signedBy, "签收人")
      return problems.length > 0
        ? { problems }
        : { step: { _tag: kind, signedBy: form.signedBy.trim(), ...note(form) } }
    }
    case "request_supplement": {
      const missing = split(form.missing)
      return missing.length === 0
        ? { problems: [{ path: "$.step.missing", message: "请列出需补正的材料" }] }
        : { step: { _tag: kind, missing, ...note(form) } }
    }
    case "supplement": {
      const problems = [
        ...required("$.step.materials", form.material.title, "补正材料名称"),
        ...(/^\d{1,5}$/.test(form.material.pages.trim())
          ? []
          : [{ path: "$.step.materials[0].pages", message: "页数须为整数" }])
      ]
      return problems.length > 0
        ? { problems }
        : {
            step: {
              _tag: kind,
              materials: [
                {
                  kind: form.material.kind.trim() === "" ? "other" : form.material.kind.trim(),
                  title: form.material.title.trim(),
                  pages: Number(form.material.pages.trim())
                }
              ],
              ...note(form)
            }
          }
    }
    case "forward": {
      const problems = required("$.step.to", form.to, "转送机关")
      return problems.length > 0 ? { problems } : { step: { _tag: kind, to: form.to.trim(), ...note(form) } }
    }
    case "result": {
      const problems = required("$.step.summary", form.summary, "处理结果")
      return problems.length > 0
        ? { problems }
        : { step: { _tag: kind, outcome: form.outcome, summary: form.summary.trim() } }
    }
    case "answer_reconsideration": {
      const problems = required("$.step.summary", form.summary, "复议决定")
      return problems.length > 0
        ? { problems }
        : { step: { _tag: kind, filed: form.filed, summary: form.summary.trim() } }
    }
    case "request_procuratorate": {
      const problems = required("$.step.note", form.note, "建议内容")
      return problems.length > 0 ? { problems } : { step: { _tag: kind, note: form.note.trim() } }
    }
    case "open_lead":
      return { problems: [{ path: "$", message: "请使用“立案查处”按钮" }] }
  }
}

/** How a deadline's state reads. */
export const deadlineStateLabel: Readonly<Record<string, string>> = {
  met: "按时办结",
  met_late: "逾期办结",
  open: "办理中",
  overdue: "已逾期",
  used: "已行使",
  passed: "未行使（已过期）"
}

/** Who must act on a deadline, from the side of the reader. */
export const deadlineByLabel = (by: "bureau" | "department", departmentName: string): string =>
  by === "bureau" ? "医疗保障部门" : departmentName

/** The outcomes a department may report (the police: filed or not). */
export const outcomeOptions = (department: Department) =>
  (department === "police"
    ? ["filed", "not_filed"]
    : ["penalised", "disciplined", "filed", "no_violation", "other"]
  ).map((id) => ({ id, label: outcomeLabel[id] ?? id }))

const outcomeLabel: Readonly<Record<string, string>> = {
  filed: "已立案",
  not_filed: "不予立案",
  penalised: "已作出行政处罚",
  disciplined: "已给予处分",
  no_violation: "经查不构成违法违规",
  other: "其他处理"
}

/** A draft form prefilled from a link's query (`dueTransfers`), or null when the query names no case. */
export const formFromQuery = (query: URLSearchParams): TransferForm | null => {
  const department = query.get("department") as Department | null
  if (query.get("caseId") === null || department === null || !(department in departmentLabel)) return null
  return {
    ...emptyTransferForm(department),
    caseId: query.get("caseId") ?? "",
    institutionCode: query.get("institutionCode") ?? "",
    violations: query.get("violations") ?? "",
    decisionDate: query.get("decisionDate") ?? "",
    facts: query.get("facts") ?? ""
  }
}
