/**
 * Duties (职责) and ranking schemes (排名办法) as versioned data: list, add or revise (a new version),
 * retire, import and export a spreadsheet. Definitions are decoded by the domain itself (every
 * problem with its path), like penalties.
 *
 * @since 0.1.0
 */
import { Duty } from "@fundguard/domain/responsibilities"
import { RankingScheme } from "@fundguard/domain/responsibilities"
import * as Schema from "effect/Schema"
import { BooleanFromQuery, DateText, Int, optional } from "./Bounded.js"
import { endpoint, file, json, noContent } from "./Endpoint.js"
import { Upload } from "./Organisation.js"

const tags = ["duties"]
const write = { permission: "duties:write" } as const

/** A duty as sent: the server numbers the version (one sent back must be a whole number in range). @category models */
export const DutyInput = Schema.Struct({ ...Duty.fields, version: optional(Int(1, 1_000_000)) })
/** A ranking scheme as sent, numbered by the server likewise. @category models */
export const RankingSchemeInput = Schema.Struct({ ...RankingScheme.fields, version: optional(Int(1, 1_000_000)) })

/** @category endpoints */
export const listDuties = endpoint({
  method: "GET",
  path: "/api/v1/duties",
  access: { permission: "duties:read" },
  tags,
  summary: "Duties: the versions in force on a day (default today), or every version (all=true)",
  query: Schema.Struct({ on: optional(DateText), all: optional(BooleanFromQuery) }),
  success: json(Schema.Struct({ on: Schema.String, items: Schema.Array(Duty) }))
})

/** @category endpoints */
export const saveDuty = endpoint({
  method: "POST",
  path: "/api/v1/duties",
  access: write,
  tags,
  summary: "Add a duty, or a new version of one (the version in force ends the day before effectiveFrom)",
  description: "The version number is assigned by the server. 400 lists every problem with its JSON path.",
  body: DutyInput,
  success: json(Duty, 201)
})

/** @category endpoints */
export const retireDuty = endpoint({
  method: "POST",
  path: "/api/v1/duties/:code/retire",
  access: write,
  tags,
  summary: "End a duty after a day",
  params: Schema.Struct({ code: Duty.fields.code }),
  body: Schema.Struct({ lastDay: DateText }),
  success: noContent
})

/** @category endpoints */
export const importDuties = endpoint({
  method: "POST",
  path: "/api/v1/duties/import",
  access: write,
  tags,
  summary: "Import duties from a spreadsheet (.xlsx sheet 职责, or .csv) — each row a new version; all or nothing",
  description: "Columns as in the export, which is a ready template.",
  body: Upload,
  bodyLimit: 30 * 1024 * 1024,
  success: json(
    Schema.Struct({
      imported: Schema.Number,
      items: Schema.Array(Schema.Struct({ code: Schema.String, version: Schema.Number, effectiveFrom: Schema.String }))
    })
  )
})

/** @category endpoints */
export const exportDuties = endpoint({
  method: "GET",
  path: "/api/v1/duties/export.xlsx",
  access: { permission: "duties:read" },
  tags,
  summary: "The duties in force on a day as a spreadsheet (the import template)",
  query: Schema.Struct({ on: optional(DateText) }),
  success: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
})

/** @category endpoints */
export const listRankingSchemes = endpoint({
  method: "GET",
  path: "/api/v1/ranking-schemes",
  access: { permission: "duties:read" },
  tags: ["rankings"],
  summary: "Every version of the ranking schemes",
  success: json(Schema.Struct({ items: Schema.Array(RankingScheme) }))
})

/** @category endpoints */
export const saveRankingScheme = endpoint({
  method: "POST",
  path: "/api/v1/ranking-schemes",
  access: write,
  tags: ["rankings"],
  summary: "Add a ranking scheme, or a new version of one (criteria and weights as data)",
  description: "400 lists every problem with its JSON path.",
  body: RankingSchemeInput,
  success: json(RankingScheme, 201)
})
