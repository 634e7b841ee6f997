/**
 * The penalty calculator's form: its state, its defaults, and the conversion of that state into the
 * assessment input JSON of `penalty-assessment.md`, with client-side checks that report problems
 * with the same JSON paths the API uses, so both kinds of problem land next to the same field.
 */
import { aggravation, discretionaryMitigation, factorLabel, statutoryMitigation } from "@fundguard/domain/penalty"
import type { HospitalLevel, OrgKind } from "@fundguard/domain/kernel"
import type { InputProblem } from "@fundguard/domain/kernel"
import type { AssessmentInputJson, CaseFactor } from "@fundguard/domain/penalty"
import { violationCatalogue, violationCodes, type ViolationCode } from "@fundguard/domain/penalty"
import { isIsoDate, parseAmount } from "../../shared/format.js"
import type { Option } from "../../shared/labels.js"

export type SubjectKind = "institution" | "individual" | "agency" | "staff"

const subjectKindText: Readonly<Record<SubjectKind, string>> = {
  institution: "定点医药机构",
  individual: "个人",
  agency: "医疗保障经办机构",
  staff: "工作人员"
}

/** One violation as the form holds it: text fields stay text until conversion. */
export interface ViolationDraft {
  /** Stable key for the `{#each}` block; not sent. */
  readonly key: number
  code: ViolationCode | ""
  amount: string
  /** `yyyy-MM-dd` or `""`. */
  occurredFrom: string
  occurredTo: string
  intentToDefraud: boolean
  refusedToCorrect: boolean
  seriousConsequence: boolean
  /** 条例 Art.43: 造成重大损失或者其他严重不良社会影响. */
  majorLossOrSeriousImpact: boolean
  /** 行政处罚法 Art.29: items with the same text are one act under several provisions (`""` = own act). */
  actId: string
  /** Art.44 only: 违法所得 to confiscate (text until conversion). */
  illegalGains: string
}

export interface PenaltyFormState {
  subjectKind: SubjectKind
  orgKind: OrgKind | ""
  hospLv: HospitalLevel | ""
  /** For individuals: whether the person is an insured person (参保人员). */
  insured: boolean
  /** A public servant or a leader of a public institution (→ 纪检监察机关). */
  publicServant: boolean
  region: string
  decisionDate: string
  /** The day the act was discovered (立案/检查发现), for the limitation period; `""` = not given. */
  discoveredOn: string
  /** The party's name, for the printed decision draft only (not sent to the API). */
  partyName: string
  violations: Array<ViolationDraft>
  factors: Record<CaseFactor, boolean>
  factorNotes: string
}

/** Every factor the contract knows, in the order the domain labels them. */
export const allFactors: ReadonlyArray<CaseFactor> = Object.keys(factorLabel) as Array<CaseFactor>

/** The factors grouped the way a 裁量 decision weighs them, each group with its heading. */
export const factorGroups: ReadonlyArray<{ readonly title: string; readonly factors: ReadonlyArray<CaseFactor> }> =
  (() => {
    const grouped = new Set<CaseFactor>([...statutoryMitigation, ...discretionaryMitigation, ...aggravation])
    return [
      { title: "不予处罚情形", factors: allFactors.filter((f) => !grouped.has(f)) },
      { title: "应当从轻或者减轻（行政处罚法第三十二条）", factors: statutoryMitigation },
      { title: "可以从轻", factors: discretionaryMitigation },
      { title: "从重情节", factors: aggravation }
    ]
  })()

export const defaultRegion = "500235"

export const newViolation = (key: number): ViolationDraft => ({
  key,
  code: "",
  amount: "",
  occurredFrom: "",
  occurredTo: "",
  intentToDefraud: false,
  refusedToCorrect: false,
  seriousConsequence: false,
  majorLossOrSeriousImpact: false,
  actId: "",
  illegalGains: ""
})

export const noFactors = (): Record<CaseFactor, boolean> =>
  Object.fromEntries(allFactors.map((f) => [f, false])) as Record<CaseFactor, boolean>

/** A fresh form: an institution in 奉节县 (500235), decided today, with one empty violation. */
export const defaultFormState = (today: string): PenaltyFormState => ({
  subjectKind: "institution",
  orgKind: "",
  hospLv: "",
  insured: true,
  publicServant: false,
  region: defaultRegion,
  decisionDate: today,
  discoveredOn: "",
  partyName: "",
  violations: [newViolation(0)],
  factors: noFactors(),
  factorNotes: ""
})

const entryOf = (code: ViolationCode | "") => violationCatalogue.find((e) => e.code === code)

/** The violation select's options: every catalogue code, with its clause and the statute's words. */
export const violationOptions: ReadonlyArray<Option<ViolationCode>> = violationCatalogue.map((e) => ({
  id: e.code,
  label: `${e.clause}：${e.behaviour}`
}))

/** Whether a code's article binds this kind of party (else the API rejects the combination). */
export const appliesTo = (code: ViolationCode, kind: SubjectKind): boolean =>
  entryOf(code)?.subjectKinds.includes(kind) ?? false

/**
 * What the amount of a violation is, as its label says: 骗取金额 for fraud (an item with intent to
 * defraud, Art.37, Art.40, Art.41¶2), 造成损失金额 for Art.38 and Art.41¶1, 违法所得 (Art.42), 侵占、挪用金额
 * (Art.44), else just 金额.
 */
export const amountLabel = (draft: Pick<ViolationDraft, "code" | "intentToDefraud">): string => {
  if (draft.code === "") return draft.intentToDefraud ? "骗取金额（元）" : "造成损失金额（元）"
  const entry = entryOf(draft.code)
  if (entry === undefined) return "金额（元）"
  if (entry.fraud || (draft.intentToDefraud && entry.amountBasis === "loss" && entry.track === "administrative"))
    return "骗取金额（元）"
  switch (entry.amountBasis) {
    case "loss":
      return entry.track === "agreement" ? "违规费用（元）" : "造成损失金额（元）"
    case "illegal_gains":
      return "违法所得（元）"
    case "embezzled":
      return "侵占、挪用金额（元）"
    default:
      return "金额（元）"
  }
}

const isViolationCode = (value: string): value is ViolationCode =>
  (violationCodes as ReadonlyArray<string>).includes(value)

export type ConversionResult =
  | { readonly ok: true; readonly input: AssessmentInputJson }
  | { readonly ok: false; readonly problems: ReadonlyArray<InputProblem> }

type ViolationJson = AssessmentInputJson["violations"][number]
type SubjectJson = AssessmentInputJson["subject"]
type FactorsJson = NonNullable<AssessmentInputJson["factors"]>

/**
 * Turns the form into the assessment input. Only what was filled in is sent (optional dates are
 * left out rather than sent empty; only factors that are ticked are sent). Every problem found is
 * reported at once, each with its JSON path (`$.violations[0].amount`).
 */
export const toAssessmentInput = (state: PenaltyFormState): ConversionResult => {
  const problems: Array<InputProblem> = []
  const problem = (path: string, message: string) => problems.push({ path, message })

  const subject: SubjectJson = {
    kind: state.subjectKind,
    ...(state.subjectKind === "institution" && state.orgKind !== "" ? { orgKind: state.orgKind } : {}),
    ...(state.subjectKind === "institution" && state.hospLv !== "" ? { hospLv: state.hospLv } : {}),
    ...(state.subjectKind === "individual" ? { insured: state.insured } : {}),
    ...(state.publicServant ? { publicServant: true } : {})
  }

  const region = state.region.trim()
  if (!/^\d{6}$/.test(region)) problem("$.region", "行政区划代码应为6位数字，例如 500235（奉节县）")

  const decisionDate = state.decisionDate.trim()
  if (!isIsoDate(decisionDate)) problem("$.decisionDate", "请选择处罚决定日期")

  const discoveredOn = state.discoveredOn.trim()
  if (discoveredOn !== "" && !isIsoDate(discoveredOn)) problem("$.discoveredOn", "日期格式应为 yyyy-MM-dd")
  else if (discoveredOn !== "" && isIsoDate(decisionDate) && discoveredOn > decisionDate)
    problem("$.discoveredOn", "发现日期不能晚于处罚决定日期")

  if (state.violations.length === 0) problem("$.violations", "至少填写一项违法行为")

  const violations: Array<ViolationJson> = []
  state.violations.forEach((draft, index) => {
    const at = (field: string) => `$.violations[${index}].${field}`
    const code = draft.code
    if (code === "" || !isViolationCode(code)) problem(at("code"), "请选择违法行为")
    else if (!appliesTo(code, state.subjectKind)) {
      const kinds =
        entryOf(code)
          ?.subjectKinds.map((k) => subjectKindText[k])
          .join("、") ?? ""
      problem(at("code"), `该违法行为的处罚对象是${kinds}，与当事人类型“${subjectKindText[state.subjectKind]}”不符`)
    }

    const amountText = draft.amount.trim()
    const amount = parseAmount(amountText)
    if (amountText === "") problem(at("amount"), "请填写金额（元）")
    else if (amount === null) problem(at("amount"), "金额应为数字，例如 13791.60")
    else if (amount < 0) problem(at("amount"), "金额不能为负数")
    else if (Math.abs(amount * 100 - Math.round(amount * 100)) > 0.01)
      problem(at("amount"), "金额最多保留两位小数（精确到分）")

    const from = draft.occurredFrom.trim()
    const to = draft.occurredTo.trim()
    if (from !== "" && !isIsoDate(from)) problem(at("occurredFrom"), "日期格式应为 yyyy-MM-dd")
    if (to !== "" && !isIsoDate(to)) problem(at("occurredTo"), "日期格式应为 yyyy-MM-dd")
    if (isIsoDate(from) && isIsoDate(to) && from > to) problem(at("occurredTo"), "终了日期不能早于开始日期")
    if (isIsoDate(to) && isIsoDate(decisionDate) && to > decisionDate)
      problem(at("occurredTo"), "违法行为终了日期不能晚于处罚决定日期")
    if (isIsoDate(from) && isIsoDate(decisionDate) && from > decisionDate)
      problem(at("occurredFrom"), "违法行为开始日期不能晚于处罚决定日期")

    const gainsText = draft.illegalGains.trim()
    const gains = code === "A44-EMBEZZLEMENT" && gainsText !== "" ? parseAmount(gainsText) : null
    if (code === "A44-EMBEZZLEMENT" && gainsText !== "" && (gains === null || gains < 0))
      problem(at("illegalGains"), "违法所得应为不小于0的数字")
    const actId = draft.actId.trim()

    if (code !== "" && isViolationCode(code) && amount !== null) {
      violations.push({
        code,
        amount,
        ...(from === "" ? {} : { occurredFrom: from }),
        ...(to === "" ? {} : { occurredTo: to }),
        intentToDefraud: draft.intentToDefraud,
        refusedToCorrect: draft.refusedToCorrect,
        seriousConsequence: draft.seriousConsequence,
        ...(draft.majorLossOrSeriousImpact ? { majorLossOrSeriousImpact: true } : {}),
        ...(actId === "" ? {} : { actId }),
        ...(gains !== null && gains >= 0 ? { illegalGains: gains } : {})
      })
    }
  })

  const factors: FactorsJson = Object.fromEntries(
    allFactors.filter((f) => state.factors[f]).map((f) => [f, true])
  ) as FactorsJson

  const notes = state.factorNotes.trim()
  if (state.factors.otherStatutoryMitigation && notes === "")
    problem("$.factorNotes", `已勾选“${factorLabel.otherStatutoryMitigation}”，请在情节说明中写明其依据`)

  const [first, ...rest] = violations
  if (problems.length > 0 || first === undefined) return { ok: false, problems }
  return {
    ok: true,
    input: {
      subject,
      region,
      decisionDate,
      ...(discoveredOn === "" ? {} : { discoveredOn }),
      violations: [first, ...rest],
      factors,
      ...(notes === "" ? {} : { factorNotes: notes })
    }
  }
}

/** The messages of the problems at exactly this path. */
export const problemsAt = (problems: ReadonlyArray<InputProblem>, path: string): ReadonlyArray<string> =>
  problems.filter((p) => p.path === path).map((p) => p.message)

/** The messages of the problems at this path or anywhere below it (`$.subject` covers `$.subject.kind`). */
export const problemsUnder = (problems: ReadonlyArray<InputProblem>, path: string): ReadonlyArray<string> =>
  problems
    .filter((p) => p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))
    .map((p) => p.message)

const fieldName: Readonly<Record<string, string>> = {
  subject: "当事人",
  kind: "当事人类型",
  orgKind: "机构类型",
  hospLv: "医院等级",
  insured: "参保人员",
  publicServant: "公职人员",
  region: "行政区划",
  decisionDate: "处罚决定日期",
  discoveredOn: "发现日期",
  majorLossOrSeriousImpact: "重大损失或严重不良社会影响",
  actId: "同一违法行为编号",
  illegalGains: "违法所得",
  violations: "违法行为",
  code: "违法行为类型",
  amount: "金额",
  occurredFrom: "开始日期",
  occurredTo: "终了日期",
  intentToDefraud: "以骗取为目的",
  refusedToCorrect: "拒不改正",
  seriousConsequence: "造成严重后果",
  factors: "裁量情节",
  factorNotes: "情节说明"
}

/**
 * A JSON path in words, for the problem list: `$.violations[1].amount` → `违法行为 2 · 金额`.
 * Unknown keys are kept as they are so a problem is never hidden.
 */
export const describePath = (path: string): string => {
  const tokens = [...path.replace(/^\$/, "").matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)]
  if (tokens.length === 0) return "整体"
  const words: Array<string> = []
  tokens.forEach((t) => {
    const key = t[1] ?? t[3]
    const index = t[2]
    if (index !== undefined) {
      const last = words.pop() ?? ""
      words.push(`${last} ${Number(index) + 1}`)
    } else if (key !== undefined) {
      words.push((factorLabel as Record<string, string>)[key] ?? fieldName[key] ?? key)
    }
  })
  return words.join(" · ")
}

const problemWording: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/^unknown key/i, () => "不允许的字段（接口约定中没有此项）"],
  [/^is missing$/i, () => "缺少必填项"],
  [/real calendar date/i, () => "应为真实存在的日期，格式 yyyy-MM-dd"],
  [/6-digit administrative division/i, () => "行政区划代码应为6位数字"],
  [/violation code from the catalogue/i, () => "应为违法行为目录中的代码"],
  [/non-?negative/i, () => "不能为负数"],
  [/^the act cannot end before it began/, () => "终了日期不能早于开始日期"],
  [/^the act cannot end after the decision date/, () => "违法行为终了日期不能晚于处罚决定日期"],
  [/^the act cannot begin after the decision date/, () => "违法行为开始日期不能晚于处罚决定日期"],
  [/^the act cannot be discovered after the decision date/, () => "发现日期不能晚于处罚决定日期"],
  [/^required for 第四十一条/, () => "第四十一条须说明当事人是否为参保人员（决定是否暂停联网结算）"],
  [
    /^contradicts violations\[(\d+)\]/,
    (m) => `与违法行为 ${Number(m[1]) + 1} 的“以骗取为目的”矛盾：没有主观过错不能与骗取并存`
  ],
  [/^give the basis of otherStatutoryMitigation/, () => "请在情节说明中写明“其他应当从轻或者减轻”的依据"],
  [/^only for A44-EMBEZZLEMENT/, () => "违法所得仅适用于第四十四条（侵占、挪用医疗保障基金）"],
  [
    /^(\S+) \((.+?)\) applies to (.+?), not to subject\.kind "(\w+)"/,
    (m) => `${m[2]}的处罚对象是${m[3]}，与当事人类型不符`
  ],
  [/^Expected (.+), actual (.+)$/s, (m) => `应为 ${m[1]}，实际为 ${m[2]}`]
]

/**
 * A problem message from the API in Chinese where its wording is known (the decoder's English
 * messages); anything else is kept as it is, so no information is lost.
 */
export const problemMessageText = (message: string): string => {
  if (/[\u4e00-\u9fff]/.test(message)) return message
  for (const [pattern, wording] of problemWording) {
    const match = pattern.exec(message)
    if (match !== null) return wording(match)
  }
  return message
}

/** The API's problems with their messages in Chinese where known. */
export const localiseProblems = (problems: ReadonlyArray<InputProblem>): ReadonlyArray<InputProblem> =>
  problems.map((p) => ({ path: p.path, message: problemMessageText(p.message) }))
