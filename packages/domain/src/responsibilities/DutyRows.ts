/**
 * Duties in a spreadsheet: one row per duty, one column per field, nested fields written in a short
 * notation a bureau can type (对象 `机构:诊所,定点零售药店;等级=2;有床位`, 期限 `次月5日`, 佐证
 * `count personsSampled 抽查参保人数 ≥10 必填; files files 检查记录`). `dutyToRow` writes what
 * `rowToDuty` reads, so an exported sheet can be edited and imported again.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { decodeDuty, dutyCategoryLabel, type Duty, type DutyJson, type EvidenceField } from "./Duty.js"
import { orgKindLabel } from "../kernel/Institution.js"
import { unitKindLabel } from "./Organisation.js"
import type { RowProblem } from "./OrganisationImport.js"
import { periodUnitLabel } from "../kernel/Period.js"

/** The columns, in order. @category formatting */
export const dutyColumns = [
  "编码",
  "名称",
  "说明",
  "类别",
  "来源种子",
  "来源文件",
  "条款",
  "原文",
  "适用地区",
  "生效日期",
  "失效日期",
  "责任单位类型",
  "指定单位",
  "对象",
  "范围",
  "周期",
  "次数",
  "覆盖率目标",
  "期限",
  "佐证",
  "专项行动"
] as const

const codeOf = (labels: Readonly<Record<string, string>>, text: string): string => {
  const t = text.trim()
  const keys = Object.keys(labels)
  return keys.find((k) => k === t || labels[k] === t) ?? keys.find((k) => labels[k]!.includes(t) && t !== "") ?? t
}
const list = (text: string) =>
  text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")

const typeWords: Readonly<Record<string, EvidenceField["type"]>> = {
  count: "count",
  数量: "count",
  flag: "flag",
  确认: "flag",
  files: "files",
  文件: "files",
  institutions: "institutions",
  机构: "institutions",
  text: "text",
  文字: "text"
}

const parseObject = (text: string): unknown => {
  const t = text.trim()
  if (t === "" || t === "无" || t === "none") return { kind: "none" }
  if (t === "片区" || t === "areas") return { kind: "areas" }
  const [head, ...rest] = t.split(/[;；]/).map((s) => s.trim())
  const kinds = (head ?? "").replace(/^(机构|institutions)\s*[:：]?/, "")
  const levels = rest.find((r) => /^(等级|level)\s*=/.test(r))
  return {
    kind: "institutions",
    orgKinds: list(kinds).map((k) => codeOf(orgKindLabel, k)),
    hospitalLevels: levels === undefined ? [] : list(levels.replace(/^(等级|level)\s*=\s*/, "")),
    withBeds: rest.some((r) => r === "有床位" || r === "beds")
  }
}

const parseFrequency = (text: string): unknown => {
  const window = /^(\d{4}-\d{2}-\d{2})\s*[~至]\s*(\d{4}-\d{2}-\d{2})$/.exec(text.trim())
  if (window !== null) return { kind: "window", from: window[1], to: window[2] }
  return { kind: "every", unit: codeOf(periodUnitLabel, text) }
}

const parseDeadline = (text: string): unknown => {
  const t = text.trim()
  if (t === "期末" || t === "period_end") return { kind: "period_end" }
  const day = /^(?:次月|next_month_day:)(\d{1,2})日?$/.exec(t)
  if (day !== null) return { kind: "day_of_following_month", day: Number(day[1]) }
  const wd = /^(?:期末后|working_days:)(\d{1,2})(?:个工作日)?$/.exec(t)
  if (wd !== null) return { kind: "working_days_after_period_end", days: Number(wd[1]) }
  return { kind: t }
}

const parseEvidence = (text: string): ReadonlyArray<unknown> =>
  text
    .split(/[;；\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== "")
    .map((item) => {
      const [type = "", key = "", label = "", ...flags] = item.split(/\s+/)
      const min = flags.find((f) => /^(≥|>=)\d+$/.test(f))
      return {
        key,
        label,
        type: typeWords[type] ?? type,
        required: flags.includes("必填") || flags.includes("required"),
        min: min === undefined ? null : Number(min.replace(/^(≥|>=)/, ""))
      }
    })

const parseCoverage = (text: string): number => {
  const t = text.trim()
  if (t === "") return 1
  return t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t)
}

/**
 * A duty from a row (cells by column name), given the version it will get.
 *
 * @category decoding
 */
export const rowToDuty = (
  cells: Readonly<Record<string, string>>,
  version: number,
  sheet: string,
  line: number
): Either.Either<Duty, ReadonlyArray<RowProblem>> => {
  const c = (k: (typeof dutyColumns)[number]) => (cells[k] ?? "").trim()
  const campaign = c("专项行动")
  const [campaignCode = "", campaignName = "", phase = ""] = campaign.split("|").map((s) => s.trim())
  const json = {
    code: c("编码"),
    version,
    title: c("名称"),
    description: c("说明"),
    category: codeOf(dutyCategoryLabel, c("类别")),
    source: {
      seed: c("来源种子") === "" ? null : c("来源种子"),
      document: c("来源文件"),
      clause: c("条款"),
      text: c("原文"),
      region: c("适用地区") === "" ? null : c("适用地区")
    },
    effectiveFrom: c("生效日期"),
    effectiveTo: c("失效日期") === "" ? null : c("失效日期"),
    responsible: { unitKind: codeOf(unitKindLabel, c("责任单位类型")), unitIds: list(c("指定单位")) },
    object: parseObject(c("对象")),
    scope: c("范围") === "逐个对象" ? "each_object" : c("范围") === "单位" ? "unit" : c("范围"),
    frequency: parseFrequency(c("周期")),
    requiredCount: c("次数") === "" ? 1 : Number(c("次数")),
    coverageTarget: parseCoverage(c("覆盖率目标")),
    deadline: parseDeadline(c("期限")),
    evidence: parseEvidence(c("佐证")),
    campaign: campaign === "" ? null : { code: campaignCode, name: campaignName, phase }
  }
  const decoded = Effect.runSync(Effect.either(decodeDuty(json)))
  return Either.mapLeft(decoded, (e) =>
    e.problems.map((p) => ({ sheet, line, column: columnOfPath(p.path), message: `${p.path}: ${p.message}` }))
  )
}

const pathColumns: ReadonlyArray<readonly [string, (typeof dutyColumns)[number]]> = [
  ["$.code", "编码"],
  ["$.title", "名称"],
  ["$.category", "类别"],
  ["$.source.region", "适用地区"],
  ["$.source", "来源文件"],
  ["$.effectiveFrom", "生效日期"],
  ["$.effectiveTo", "失效日期"],
  ["$.responsible", "责任单位类型"],
  ["$.object", "对象"],
  ["$.scope", "范围"],
  ["$.frequency", "周期"],
  ["$.requiredCount", "次数"],
  ["$.coverageTarget", "覆盖率目标"],
  ["$.deadline", "期限"],
  ["$.evidence", "佐证"],
  ["$.campaign", "专项行动"]
]
const columnOfPath = (path: string): string | null => pathColumns.find(([p]) => path.startsWith(p))?.[1] ?? null

const objectText = (o: DutyJson["object"]): string =>
  o.kind === "none"
    ? "无"
    : o.kind === "areas"
      ? "片区"
      : [
          `机构:${o.orgKinds.map((k) => orgKindLabel[k]).join(",")}`,
          ...(o.hospitalLevels.length > 0 ? [`等级=${o.hospitalLevels.join(",")}`] : []),
          ...(o.withBeds ? ["有床位"] : [])
        ].join(";")

const deadlineText = (d: DutyJson["deadline"]): string =>
  d.kind === "period_end" ? "期末" : d.kind === "day_of_following_month" ? `次月${d.day}日` : `期末后${d.days}个工作日`

/**
 * A duty as a row, in the notation `rowToDuty` reads.
 *
 * @category formatting
 */
export const dutyToRow = (d: DutyJson): Readonly<Record<(typeof dutyColumns)[number], string>> => ({
  编码: d.code,
  名称: d.title,
  说明: d.description,
  类别: dutyCategoryLabel[d.category],
  来源种子: d.source.seed ?? "",
  来源文件: d.source.document,
  条款: d.source.clause,
  原文: d.source.text,
  适用地区: d.source.region ?? "",
  生效日期: d.effectiveFrom,
  失效日期: d.effectiveTo ?? "",
  责任单位类型: unitKindLabel[d.responsible.unitKind],
  指定单位: d.responsible.unitIds.join(","),
  对象: objectText(d.object),
  范围: d.scope === "each_object" ? "逐个对象" : "单位",
  周期: d.frequency.kind === "window" ? `${d.frequency.from}~${d.frequency.to}` : periodUnitLabel[d.frequency.unit],
  次数: String(d.requiredCount),
  覆盖率目标: `${Math.round(d.coverageTarget * 10000) / 100}%`,
  期限: deadlineText(d.deadline),
  佐证: d.evidence
    .map((f) =>
      [f.type, f.key, f.label, ...(f.min === null ? [] : [`≥${f.min}`]), ...(f.required ? ["必填"] : [])].join(" ")
    )
    .join("; "),
  专项行动: d.campaign === null ? "" : `${d.campaign.code}|${d.campaign.name}|${d.campaign.phase}`
})
