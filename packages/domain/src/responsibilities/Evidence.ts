/**
 * A task's completion and its evidence: the record every completion carries (seed 000 §二(三): 如实记录
 * 现场检查情况) and the values its duty asks for — counts with their minimum (≥ 10 insured persons
 * sampled), confirmations (paper ledger sealed and handed in), institutions checked, files.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import type { Duty, EvidenceField } from "./Duty.js"
import { isRealDate } from "../kernel/IsoDate.js"
import type { InputProblem } from "../kernel/Problems.js"

/**
 * A value recorded for an evidence field.
 *
 * @category models
 */
export type EvidenceValue = number | boolean | string | ReadonlyArray<string>

/**
 * What a completion sends (files travel separately; their number is checked here).
 *
 * @category models
 */
export interface CompletionInput {
  readonly completedOn: string
  readonly record: string
  readonly values: Readonly<Record<string, unknown>>
  readonly fileCount: number
}

/**
 * The recording was refused; `problems` names every field.
 *
 * @category errors
 */
export class InvalidCompletion extends Schema.TaggedError<InvalidCompletion>()("InvalidCompletion", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

const checkField = (
  field: EvidenceField,
  value: unknown,
  fileCount: number,
  allowedInstitutions: ReadonlySet<string> | null,
  problems: Array<InputProblem>
): EvidenceValue | undefined => {
  const path = `$.values.${field.key}`
  const min = field.min ?? (field.required ? 1 : 0)
  switch (field.type) {
    case "files": {
      if (fileCount < min) problems.push({ path: "$.files", message: `${field.label}：至少上传 ${min} 个文件` })
      return undefined
    }
    case "count": {
      if (value === undefined || value === null || value === "") {
        if (field.required) problems.push({ path, message: `${field.label}：必须填写` })
        return undefined
      }
      const n = typeof value === "string" ? Number(value) : value
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
        problems.push({ path, message: `${field.label}：须为非负整数` })
        return undefined
      }
      if (field.min !== null && n < field.min) problems.push({ path, message: `${field.label}：不得少于 ${field.min}` })
      return n
    }
    case "flag": {
      if (value !== undefined && typeof value !== "boolean") {
        problems.push({ path, message: `${field.label}：须为是或否` })
        return undefined
      }
      if (field.required && value !== true) problems.push({ path, message: `${field.label}：须确认后才能完成` })
      return value === undefined ? undefined : value
    }
    case "text": {
      if (value !== undefined && typeof value !== "string") {
        problems.push({ path, message: `${field.label}：须为文字` })
        return undefined
      }
      if (field.required && (value === undefined || value.trim() === ""))
        problems.push({ path, message: `${field.label}：必须填写` })
      return value === undefined ? undefined : value.trim()
    }
    case "institutions": {
      const codes = value === undefined ? [] : value
      if (!Array.isArray(codes) || codes.some((c) => typeof c !== "string")) {
        problems.push({ path, message: `${field.label}：须为机构编码列表` })
        return undefined
      }
      const list = [...new Set(codes.map((c: string) => c.trim()).filter((c) => c !== ""))]
      if (list.length < min) problems.push({ path, message: `${field.label}：至少 ${min} 家` })
      const outside = allowedInstitutions === null ? [] : list.filter((c) => !allowedInstitutions.has(c))
      if (outside.length > 0)
        problems.push({ path, message: `${field.label}：${outside.join("、")} 不属于本职责的检查对象` })
      return list
    }
  }
}

/**
 * Checks a completion against its duty and returns the values to store, or every problem.
 * `allowedInstitutions` is the duty's object set for the unit (null: not an institution duty);
 * the completion day must be within the task's period start and `today`.
 *
 * @category rules
 */
export const checkCompletion = (
  duty: Pick<Duty, "evidence">,
  task: { readonly periodStart: string },
  input: CompletionInput,
  today: string,
  allowedInstitutions: ReadonlySet<string> | null
): { readonly values: Readonly<Record<string, EvidenceValue>>; readonly problems: ReadonlyArray<InputProblem> } => {
  const problems: Array<InputProblem> = []
  if (!isRealDate(input.completedOn))
    problems.push({ path: "$.completedOn", message: "完成日期应为真实存在的日期，格式 yyyy-MM-dd" })
  else if (input.completedOn > today) problems.push({ path: "$.completedOn", message: "完成日期不能晚于今天" })
  else if (input.completedOn < task.periodStart)
    problems.push({ path: "$.completedOn", message: `完成日期早于本期开始日 ${task.periodStart}` })
  if (input.record.trim().length < 2) problems.push({ path: "$.record", message: "请如实填写检查（工作）记录" })
  const known = new Set(duty.evidence.map((f) => f.key))
  for (const key of Object.keys(input.values))
    if (!known.has(key) || key === "files") problems.push({ path: `$.values.${key}`, message: "本职责没有这项佐证" })
  const values: Record<string, EvidenceValue> = {}
  for (const field of duty.evidence) {
    const value = checkField(field, input.values[field.key], input.fileCount, allowedInstitutions, problems)
    if (value !== undefined) values[field.key] = value
  }
  return { values, problems }
}

/**
 * A count recorded under `key` in stored values, or 0.
 *
 * @category rules
 */
export const countOf = (values: unknown, key: string): number => {
  if (typeof values !== "object" || values === null) return 0
  const v = (values as Record<string, unknown>)[key]
  return typeof v === "number" && Number.isFinite(v) ? v : 0
}
