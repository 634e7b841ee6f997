/**
 * The inspection pages' logic: the on-site form as a draft and its body, the default strata of a
 * 双随机 draw (as the duties say), and the labels.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import type { InspectionDetail, recordInspection } from "@fundguard/contracts/Inspections"

/** The on-site record as the form edits it. */
export type RecordBody = BodyOf<typeof recordInspection>["record"]

/** Item results with their labels, in the order the big radio buttons show them. */
export const resultOptions = [
  { value: "conform", label: "符合" },
  { value: "nonconform", label: "不符合" },
  { value: "not_applicable", label: "不适用" }
] as const

/** The inspection states with their labels. */
export const statusLabels: Readonly<Record<InspectionDetail["status"], string>> = {
  planned: "待检查",
  in_progress: "检查中",
  finished: "已完成"
}

/** The plan kinds with their labels. */
export const kindOptions = [
  { value: "routine", label: "日常检查" },
  { value: "special", label: "专项治理检查" },
  { value: "unannounced", label: "“四不两直”检查" },
  { value: "flight", label: "飞行检查" },
  { value: "joint", label: "联合检查（卫生健康部门）" },
  { value: "cross_check", label: "交叉互查（以上查下）" }
] as const

/**
 * The strata the duties state: 二级医院 ≥ 50 % (seed 003 三（七）), 村卫生室 50 % and other
 * designated institutions 100 % (seed 001 三（三））.
 */
export const defaultStrata = () => [
  { name: "二级医院", orgKinds: ["public_hospital", "private_hospital"], hospitalLevels: ["2"], share: 0.5 },
  { name: "村卫生室", orgKinds: ["village_clinic"], share: 0.5 }
]

/**
 * A new draft from an inspection: its saved record, else the team as officers and every item
 * unanswered. For a role that sees the sampled persons masked, the rest of the saved record is kept
 * and the persons are left out (masked numbers cannot be sent back; they are entered again).
 */
export const draftOf = (inspection: InspectionDetail): RecordBody => {
  const saved = inspection.record
  if (saved !== null) {
    const copy = JSON.parse(JSON.stringify(saved)) as RecordBody
    return inspection.masked ? { ...copy, sampledPersons: [] } : copy
  }
  return {
    startTime: "09:00",
    endTime: "11:00",
    place: inspection.institutionName,
    recorder: inspection.team[1]?.name ?? "",
    presentPerson: { name: "", position: "" },
    officers: inspection.team.map((m) => ({ name: m.name, badge: m.badge })),
    items: [],
    sampledPersons: [],
    findings: []
  }
}

/** Sets the result of one checklist item (answers are kept in checklist order). */
export const setResult = (
  draft: RecordBody,
  order: ReadonlyArray<string>,
  code: string,
  result: RecordBody["items"][number]["result"]
): RecordBody => {
  const others = draft.items.filter((i) => i.code !== code)
  const note = draft.items.find((i) => i.code === code)?.note
  const items = [...others, { code, result, ...(note === undefined ? {} : { note }) }].sort(
    (a, b) => order.indexOf(a.code) - order.indexOf(b.code)
  )
  return { ...draft, items }
}

/** Sampled persons from text, one per line: `人员编号 姓名`. */
export const personsFrom = (text: string): RecordBody["sampledPersons"] =>
  text
    .split("\n")
    .map((l) => l.trim().split(/[\s,，]+/))
    .filter((p) => p[0] !== undefined && p[0] !== "")
    .map(([psnNo, name]) => ({ psnNo: psnNo!, name: name ?? "" }))

/** The problems of the answer by field, for showing next to the form's parts. */
export const problemsAt = (problems: ReadonlyArray<{ path: string; message: string }>, prefix: string) =>
  problems.filter((p) => p.path === prefix || p.path.startsWith(`${prefix}[`) || p.path.startsWith(`${prefix}.`))

/**
 * Why a save would lose the sampled persons already recorded, or null: a role that sees them masked
 * cannot send them back, so it must enter them again before saving.
 */
export const maskedPersonsProblem = (inspection: InspectionDetail, personsText: string): string | null => {
  const recorded = inspection.record?.sampledPersons.length ?? 0
  if (!inspection.masked || recorded === 0 || personsFrom(personsText).length > 0) return null
  return `已记录的 ${recorded} 名抽查人员编号已脱敏，保存前请重新录入（否则将被清空）`
}
