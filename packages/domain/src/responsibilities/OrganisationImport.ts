/**
 * Loading the organisation from a spreadsheet (one sheet per table: 区域, 单位, 辖区, 片区责任, 机构归属,
 * or a CSV of one of them). Headers may be Chinese or the field names; kinds may be written as labels
 * (街道, 社保所 …) or codes. Every bad row is named by sheet, line and column, and nothing is imported
 * unless every row is good and the result is consistent (`organisationProblems`).
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import { orgKindLabel, type OrgKind } from "../kernel/Institution.js"
import {
  Area,
  AreaAssignment,
  areaKindLabel,
  Jurisdiction,
  OrgUnit,
  Placement,
  unitKindLabel,
  WholeCounty,
  type Organisation
} from "./Organisation.js"

/**
 * Rows read from one sheet: `line` is the spreadsheet's row number (the header is line 1).
 *
 * @category models
 */
export interface SheetRows {
  readonly sheet: string
  readonly rows: ReadonlyArray<{ readonly line: number; readonly cells: Readonly<Record<string, string>> }>
}

/**
 * One problem of an import.
 *
 * @category models
 */
export interface RowProblem {
  readonly sheet: string
  readonly line: number | null
  readonly column: string | null
  readonly message: string
}

/** The tables of the organisation. @category models */
export type OrganisationTable = "areas" | "units" | "jurisdictions" | "assignments" | "placements"

const tables: Readonly<Record<OrganisationTable, { names: ReadonlyArray<string>; columns: Record<string, string> }>> = {
  areas: { names: ["区域", "乡镇街道", "areas"], columns: { 编码: "code", 名称: "name", 类型: "kind" } },
  units: {
    names: ["单位", "units"],
    columns: {
      编码: "id",
      名称: "name",
      类型: "kind",
      上级单位: "parentId",
      所在区域: "areaCode",
      机构编码: "institutionCode",
      负责人: "head",
      电话: "phone",
      启用: "active"
    }
  },
  jurisdictions: {
    names: ["辖区", "jurisdictions"],
    columns: { 单位: "unitId", 区域: "areaCode", 机构类型: "orgKinds" }
  },
  assignments: {
    names: ["片区责任", "assignments"],
    columns: { 区域: "areaCode", 责任科室: "sectionId", 牵头领导: "leaderName", 职务: "leaderTitle" }
  },
  placements: { names: ["机构归属", "placements"], columns: { 机构编码: "institutionCode", 区域: "areaCode" } }
}

/**
 * The table a sheet name means, or null.
 *
 * @category rules
 */
export const tableOfSheet = (sheet: string): OrganisationTable | null =>
  (Object.keys(tables) as Array<OrganisationTable>).find((t) => tables[t].names.includes(sheet.trim())) ?? null

/** A code from its code, its label, or an unambiguous part of its label (社保所, 药店). */
const fromLabel = <K extends string>(labels: Readonly<Record<K, string>>, text: string): string => {
  const t = text.trim()
  const keys = Object.keys(labels) as Array<K>
  const exact = keys.find((k) => k === t || labels[k] === t)
  if (exact !== undefined) return exact
  const partial = t === "" ? [] : keys.filter((k) => labels[k].includes(t))
  return partial.length === 1 ? partial[0]! : t
}
const orNull = (s: string | undefined) => (s === undefined || s.trim() === "" ? null : s.trim())

const shape = (table: OrganisationTable, cells: Readonly<Record<string, string>>): Record<string, unknown> => {
  const byField: Record<string, string> = {}
  for (const [header, value] of Object.entries(cells)) {
    const field = tables[table].columns[header.trim()] ?? header.trim()
    byField[field] = value
  }
  const get = (k: string) => byField[k] ?? ""
  switch (table) {
    case "areas":
      return { code: get("code").trim(), name: get("name").trim(), kind: fromLabel(areaKindLabel, get("kind")) }
    case "units":
      return {
        id: get("id").trim(),
        name: get("name").trim(),
        kind: fromLabel(unitKindLabel, get("kind")),
        parentId: orNull(get("parentId")),
        areaCode: orNull(get("areaCode")),
        institutionCode: orNull(get("institutionCode")),
        head: orNull(get("head")),
        phone: orNull(get("phone")),
        active: !["否", "停用", "false", "0", "no"].includes(get("active").trim().toLowerCase())
      }
    case "jurisdictions":
      return {
        unitId: get("unitId").trim(),
        areaCode: ["全县", "*"].includes(get("areaCode").trim()) ? WholeCounty : get("areaCode").trim(),
        orgKinds: get("orgKinds")
          .split(/[,，、;；\s]+/)
          .filter((k) => k !== "")
          .map((k) => fromLabel(orgKindLabel, k) as OrgKind)
      }
    case "assignments":
      return {
        areaCode: get("areaCode").trim(),
        sectionId: get("sectionId").trim(),
        leaderName: get("leaderName").trim(),
        leaderTitle: get("leaderTitle").trim()
      }
    case "placements":
      return { institutionCode: get("institutionCode").trim(), areaCode: get("areaCode").trim() }
  }
}

const schemas = {
  areas: Area,
  units: OrgUnit,
  jurisdictions: Jurisdiction,
  assignments: AreaAssignment,
  placements: Placement
}
const fieldToHeader = (table: OrganisationTable, field: string) =>
  Object.entries(tables[table].columns).find(([, f]) => f === field)?.[0] ?? field

/**
 * The entities of the sheets, or every problem (by sheet, line and column).
 *
 * @category decoding
 */
export const decodeOrganisationSheets = (
  sheets: ReadonlyArray<SheetRows>
): Either.Either<Partial<Record<OrganisationTable, ReadonlyArray<unknown>>>, ReadonlyArray<RowProblem>> => {
  const problems: Array<RowProblem> = []
  const result: Partial<Record<OrganisationTable, Array<unknown>>> = {}
  for (const sheet of sheets) {
    const table = tableOfSheet(sheet.sheet)
    if (table === null) {
      problems.push({
        sheet: sheet.sheet,
        line: null,
        column: null,
        message: `未知的工作表“${sheet.sheet}”，应为：区域、单位、辖区、片区责任、机构归属`
      })
      continue
    }
    const list: Array<unknown> = (result[table] ??= [])
    for (const row of sheet.rows) {
      if (Object.values(row.cells).every((v) => v.trim() === "")) continue
      const decoded = Schema.decodeUnknownEither(schemas[table] as Schema.Schema<unknown, unknown>, {
        errors: "all"
      })(shape(table, row.cells))
      if (Either.isRight(decoded)) {
        list.push(decoded.right)
        continue
      }
      // A value outside a list of codes fails every alternative: report it once, with the choices.
      const byColumn = new Map<string | null, Array<string>>()
      for (const issue of ParseResult.ArrayFormatter.formatErrorSync(decoded.left)) {
        const field = issue.path[0] === undefined ? null : String(issue.path[0])
        const column = field === null ? null : fieldToHeader(table, field)
        byColumn.set(column, [...(byColumn.get(column) ?? []), issue.message])
      }
      for (const [column, messages] of byColumn) {
        const choices = messages.flatMap((m) => /^Expected "([^"]+)", actual "([^"]*)"$/.exec(m) ?? [])
        const actual = /actual "([^"]*)"$/.exec(messages[0] ?? "")?.[1]
        const message =
          messages.length > 1 && choices.length === messages.length * 3
            ? `“${actual ?? ""}”不是有效的取值，应为：${messages.map((m) => /^Expected "([^"]+)"/.exec(m)?.[1]).join("、")}`
            : (messages[0] ?? "invalid")
        problems.push({ sheet: sheet.sheet, line: row.line, column, message })
      }
    }
  }
  return problems.length > 0 ? Either.left(problems) : Either.right(result)
}

/**
 * Inconsistencies of a whole organisation: unknown parents, areas, units, institutions; a section
 * assignment to a unit that is not a section; a health centre without its institution code.
 *
 * @category rules
 */
export const organisationProblems = (
  org: Organisation,
  institutionCodes: ReadonlySet<string>
): ReadonlyArray<RowProblem> => {
  const problems: Array<RowProblem> = []
  const p = (sheet: string, message: string) => problems.push({ sheet, line: null, column: null, message })
  const areas = new Set(org.areas.map((a) => a.code as string))
  const units = new Map(org.units.map((u) => [u.id as string, u]))
  for (const u of org.units) {
    if (u.parentId !== null && !units.has(u.parentId)) p("单位", `${u.id}：上级单位 ${u.parentId} 不存在`)
    if (u.parentId === u.id) p("单位", `${u.id}：上级单位不能是自己`)
    if (u.areaCode !== null && !areas.has(u.areaCode)) p("单位", `${u.id}：区域 ${u.areaCode} 不存在`)
    if ((u.kind === "social_security_office" || u.kind === "health_centre") && u.areaCode === null)
      p("单位", `${u.id}：${unitKindLabel[u.kind]}须填写所在区域`)
    if (u.kind === "health_centre" && u.institutionCode === null)
      p("单位", `${u.id}：卫生院（社区卫生服务中心）须填写机构编码`)
    if (u.institutionCode !== null && !institutionCodes.has(u.institutionCode))
      p("单位", `${u.id}：机构编码 ${u.institutionCode} 不在定点机构登记中`)
  }
  for (const j of org.jurisdictions) {
    if (!units.has(j.unitId)) p("辖区", `单位 ${j.unitId} 不存在`)
    if (j.areaCode !== WholeCounty && !areas.has(j.areaCode)) p("辖区", `${j.unitId}：区域 ${j.areaCode} 不存在`)
  }
  for (const a of org.assignments) {
    if (!areas.has(a.areaCode)) p("片区责任", `区域 ${a.areaCode} 不存在`)
    const section = units.get(a.sectionId)
    if (section === undefined) p("片区责任", `${a.areaCode}：责任科室 ${a.sectionId} 不存在`)
    else if (section.kind !== "section") p("片区责任", `${a.areaCode}：${a.sectionId} 不是局机关科室`)
  }
  for (const pl of org.placements) {
    if (!areas.has(pl.areaCode)) p("机构归属", `${pl.institutionCode}：区域 ${pl.areaCode} 不存在`)
    if (!institutionCodes.has(pl.institutionCode)) p("机构归属", `机构 ${pl.institutionCode} 不在定点机构登记中`)
  }
  return problems
}

/**
 * The header row of each table, in order (for templates and exports).
 *
 * @category formatting
 */
export const organisationHeaders: Readonly<
  Record<OrganisationTable, { sheet: string; headers: ReadonlyArray<string> }>
> = {
  areas: { sheet: "区域", headers: Object.keys(tables.areas.columns) },
  units: { sheet: "单位", headers: Object.keys(tables.units.columns) },
  jurisdictions: { sheet: "辖区", headers: Object.keys(tables.jurisdictions.columns) },
  assignments: { sheet: "片区责任", headers: Object.keys(tables.assignments.columns) },
  placements: { sheet: "机构归属", headers: Object.keys(tables.placements.columns) }
}
