/**
 * The forms of the case procedure's steps: which fields each step asks for (what
 * `caseStepInputs` of @fundguard/domain/enforcement expects), their defaults, and the step's input
 * JSON built from what was typed. Plain TypeScript, tested without a browser; the page renders the
 * fields and sends the input, and the server names every problem by its path.
 */
import type { CaseAction } from "@fundguard/domain/enforcement"
import { serviceMethodLabel, ledgerLabel } from "@fundguard/domain/enforcement"

/** One field of a step's form. */
export type FieldSpec =
  | { readonly key: string; readonly label: string; readonly kind: "text" | "textarea" | "date" | "number" }
  | {
      readonly key: string
      readonly label: string
      readonly kind: "select"
      readonly options: ReadonlyArray<{ id: string; label: string }>
    }
  | { readonly key: string; readonly label: string; readonly kind: "checkbox" }
  /** Lines of text: one item per line (names, evidence "名称|种类|来源", 问答 "问：…" / "答：…"). */
  | { readonly key: string; readonly label: string; readonly kind: "lines"; readonly hint: string }

const opinion: ReadonlyArray<FieldSpec> = [{ key: "opinion", label: "意见", kind: "textarea" }]
const reason: ReadonlyArray<FieldSpec> = [{ key: "reason", label: "理由", kind: "textarea" }]
const methods = Object.entries(serviceMethodLabel).map(([id, label]) => ({ id, label }))
const ledgers = Object.entries(ledgerLabel).map(([id, label]) => ({ id, label }))

/** The fields of each step. */
export const stepFields: Readonly<Record<CaseAction, ReadonlyArray<FieldSpec>>> = {
  submit_filing: opinion,
  review_filing: opinion,
  approve_filing: opinion,
  return_filing: reason,
  decline_filing: reason,
  record_inquiry: [
    { key: "on", label: "询问日期", kind: "date" },
    { key: "startTime", label: "开始时间（HH:mm）", kind: "text" },
    { key: "endTime", label: "结束时间（HH:mm）", kind: "text" },
    { key: "place", label: "询问地点", kind: "text" },
    { key: "personName", label: "被询问人", kind: "text" },
    { key: "personPosition", label: "职务", kind: "text" },
    {
      key: "officers",
      label: "询问人（两名以上执法人员，每行：姓名|执法证号）",
      kind: "lines",
      hint: "李审核|50023500001"
    },
    { key: "recorder", label: "记录人", kind: "text" },
    { key: "questions", label: "问答（每行「问：…」或「答：…」）", kind: "lines", hint: "问：…\n答：…" }
  ],
  record_evidence: [
    { key: "items", label: "证据（每行：名称|种类|来源）", kind: "lines", hint: "门诊处方 120 张|书证|医院药房" }
  ],
  record_preservation: [
    { key: "on", label: "登记保存日期", kind: "date" },
    { key: "items", label: "保存物品（每行一项）", kind: "lines", hint: "2025 年药品进销存账册" }
  ],
  decide_preservation: [
    { key: "on", label: "处理决定日期", kind: "date" },
    { key: "decision", label: "处理决定", kind: "textarea" }
  ],
  assess: [
    { key: "violationCode", label: "违法行为（条例条款）", kind: "select", options: [] },
    { key: "amount", label: "涉及金额（元）", kind: "number" },
    { key: "occurredFrom", label: "违法行为起始日", kind: "date" },
    { key: "occurredTo", label: "违法行为终止日", kind: "date" },
    { key: "firstOffence", label: "初次违法", kind: "checkbox" },
    { key: "refundedInFullByDeadline", label: "已按期全额退回", kind: "checkbox" },
    { key: "summary", label: "违法事实", kind: "textarea" }
  ],
  extend_decision: reason,
  serve_notice: [
    { key: "servedOn", label: "送达日期", kind: "date" },
    { key: "method", label: "送达方式", kind: "select", options: methods },
    { key: "contact", label: "联系人及电话", kind: "text" }
  ],
  record_statement: [
    { key: "on", label: "陈述申辩日期", kind: "date" },
    { key: "statement", label: "陈述申辩内容", kind: "textarea" },
    { key: "adopted", label: "意见成立，予以采纳", kind: "checkbox" },
    { key: "reply", label: "复核意见", kind: "textarea" }
  ],
  request_hearing: [{ key: "on", label: "提出听证要求日期", kind: "date" }],
  schedule_hearing: [
    { key: "noticeSentOn", label: "听证通知日期", kind: "date" },
    { key: "hearingOn", label: "听证日期（通知后至少七日）", kind: "date" },
    { key: "place", label: "听证地点", kind: "text" },
    { key: "host", label: "听证主持人", kind: "text" }
  ],
  record_hearing: [
    { key: "on", label: "听证日期", kind: "date" },
    { key: "summary", label: "听证笔录摘要", kind: "textarea" }
  ],
  record_legal_review: [
    { key: "on", label: "审核日期", kind: "date" },
    { key: "reviewer", label: "审核机构/人员", kind: "text" },
    { key: "opinion", label: "审核意见", kind: "textarea" },
    { key: "approved", label: "审核通过", kind: "checkbox" }
  ],
  record_collective_discussion: [
    { key: "on", label: "讨论日期", kind: "date" },
    { key: "participants", label: "参加人员（每行一人，至少三人）", kind: "lines", hint: "局长\n副局长\n法规科科长" },
    { key: "conclusion", label: "讨论结论", kind: "textarea" }
  ],
  submit_decision: opinion,
  review_decision: opinion,
  approve_decision: opinion,
  return_decision: reason,
  serve_decision: [
    { key: "servedOn", label: "送达日期", kind: "date" },
    { key: "method", label: "送达方式", kind: "select", options: methods },
    { key: "recipient", label: "受送达人", kind: "text" },
    { key: "servers", label: "送达人（每行一人）", kind: "lines", hint: "李审核" }
  ],
  record_payment: [
    { key: "ledger", label: "款项", kind: "select", options: ledgers },
    { key: "amount", label: "金额（元）", kind: "number" },
    { key: "paidOn", label: "缴款日期", kind: "date" },
    { key: "reference", label: "缴款凭证号", kind: "text" }
  ],
  demand_payment: [{ key: "on", label: "催告日期", kind: "date" }],
  apply_enforcement: [
    { key: "on", label: "申请日期", kind: "date" },
    { key: "court", label: "人民法院", kind: "text" }
  ],
  submit_closure: opinion,
  review_closure: opinion,
  approve_closure: opinion,
  return_closure: reason
}

/** What was typed into a step's form, by field key. */
export type StepDraft = Record<string, string | boolean>

/** A fresh form: dates default to today, selects to their first option, checkboxes unticked. */
export const emptyStepDraft = (action: CaseAction, today: string, fields = stepFields[action]): StepDraft =>
  Object.fromEntries(
    fields.map((f) => [
      f.key,
      f.kind === "date" ? today : f.kind === "checkbox" ? false : f.kind === "select" ? (f.options[0]?.id ?? "") : ""
    ])
  )

const lines = (value: unknown): Array<string> =>
  String(value ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "")
const text = (value: unknown) => String(value ?? "").trim()
const num = (value: unknown) => (text(value) === "" ? Number.NaN : Number(text(value)))

/** Pairs of 问/答 lines; a question without an answer gets an empty answer (the server names it). */
export const questionPairs = (value: unknown): Array<{ question: string; answer: string }> => {
  const pairs: Array<{ question: string; answer: string }> = []
  for (const line of lines(value)) {
    if (/^问[：:]/.test(line)) pairs.push({ question: line.replace(/^问[：:]\s*/, ""), answer: "" })
    else {
      const answer = line.replace(/^答[：:]\s*/, "")
      const last = pairs.at(-1)
      if (last === undefined) pairs.push({ question: "", answer })
      else last.answer = last.answer === "" ? answer : `${last.answer}\n${answer}`
    }
  }
  return pairs
}

/** What the case page knows that a step's input needs (the 裁量 subject comes from the institution). */
export interface StepContext {
  readonly orgKind: string
}

/** The step's input JSON, built from the form. */
export const stepInput = (action: CaseAction, draft: StepDraft, context: StepContext): unknown => {
  switch (action) {
    case "record_inquiry":
      return {
        on: draft.on,
        startTime: text(draft.startTime),
        endTime: text(draft.endTime),
        place: text(draft.place),
        person: { name: text(draft.personName), position: text(draft.personPosition) },
        officers: lines(draft.officers).map((l) => {
          const [name = "", badge = ""] = l.split("|").map((p) => p.trim())
          return { name, badge }
        }),
        recorder: text(draft.recorder),
        questions: questionPairs(draft.questions)
      }
    case "record_evidence":
      return {
        items: lines(draft.items).map((l) => {
          const [name = "", kind = "", source = ""] = l.split("|").map((p) => p.trim())
          return { name, kind, source }
        })
      }
    case "record_preservation":
      return { on: draft.on, items: lines(draft.items) }
    case "assess":
      return {
        summary: text(draft.summary),
        facts: {
          subject: { kind: "institution", orgKind: context.orgKind },
          violations: [
            {
              code: draft.violationCode,
              amount: num(draft.amount),
              ...(text(draft.occurredFrom) === "" ? {} : { occurredFrom: draft.occurredFrom }),
              ...(text(draft.occurredTo) === "" ? {} : { occurredTo: draft.occurredTo })
            }
          ],
          factors: {
            ...(draft.firstOffence === true ? { firstOffence: true } : {}),
            ...(draft.refundedInFullByDeadline === true ? { refundedInFullByDeadline: true } : {})
          }
        }
      }
    case "record_collective_discussion":
      return { on: draft.on, participants: lines(draft.participants), conclusion: text(draft.conclusion) }
    case "serve_decision":
      return {
        servedOn: draft.servedOn,
        method: draft.method,
        recipient: text(draft.recipient),
        servers: lines(draft.servers)
      }
    case "record_payment":
      return { ledger: draft.ledger, amount: num(draft.amount), paidOn: draft.paidOn, reference: text(draft.reference) }
    default:
      return Object.fromEntries(
        stepFields[action].map((f) => [
          f.key,
          f.kind === "checkbox"
            ? draft[f.key] === true
            : f.kind === "number"
              ? num(draft[f.key])
              : f.kind === "date"
                ? draft[f.key]
                : text(draft[f.key])
        ])
      )
  }
}

/** The form field a problem's path belongs to (`questions[0].answer` → `questions`, `facts.violations[0].amount` → `amount`). */
export const fieldOfProblem = (action: CaseAction, path: string): string | null => {
  const clean = path.replace(/^\$\.?/, "").replace(/^input\./, "")
  const head = clean.split(/[.[]/)[0] ?? ""
  if (action === "record_inquiry" && head === "person")
    return clean.includes("position") ? "personPosition" : "personName"
  if (action === "assess" && head === "facts") {
    const leaf = clean.split(".").at(-1) ?? ""
    if (leaf.startsWith("code")) return "violationCode"
    return stepFields.assess.some((f) => f.key === leaf) ? leaf : "amount"
  }
  return stepFields[action].some((f) => f.key === head) ? head : null
}

/** How a deadline's state reads. */
export const deadlineStateLabel: Readonly<Record<string, string>> = {
  met: "按期完成",
  met_late: "逾期完成",
  open: "进行中",
  overdue: "已逾期",
  used: "已行使",
  passed: "已届满"
}
