/**
 * The organisation and its jurisdiction (组织机构与辖区): read, edit one entity, import a spreadsheet,
 * export one. Every change is checked as a whole and written all or nothing.
 *
 * @since 0.1.0
 */
import { Area, AreaAssignment, Jurisdiction, OrgUnit, Placement } from "@fundguard/domain/responsibilities"
import * as Schema from "effect/Schema"
import { Id, List, optional, Text } from "./Bounded.js"
import { endpoint, file, json } from "./Endpoint.js"

/** The whole organisation. @category models */
export const OrganisationView = Schema.Struct({
  areas: Schema.Array(Area),
  units: Schema.Array(OrgUnit),
  jurisdictions: Schema.Array(Jurisdiction),
  assignments: Schema.Array(AreaAssignment),
  placements: Schema.Array(Placement)
})
/** @category models */
export type OrganisationView = typeof OrganisationView.Type

/** What a change wrote, and the organisation after it. @category models */
export const OrganisationWritten = Schema.Struct({ written: Schema.Number, organisation: OrganisationView })

/** A spreadsheet sent as base64 (.xlsx or .csv; at most 20 MB once decoded). @category models */
export const Upload = Schema.Struct({
  fileName: Text(200, { min: 1 }),
  contentBase64: Text(28_000_000, { min: 1 })
})
/** @category models */
export type Upload = typeof Upload.Type

const tags = ["organisation"]
const write = { permission: "organisation:write" } as const
const { id: _unitId, ...unitFields } = OrgUnit.fields
const { code: _areaCode, ...areaFields } = Area.fields
const { areaCode: _assignmentArea, ...assignmentFields } = AreaAssignment.fields

/** @category endpoints */
export const getOrganisation = endpoint({
  method: "GET",
  path: "/api/v1/organisation",
  access: { permission: "duties:read" },
  tags,
  summary: "The organisation: areas, units, jurisdictions, leaders and sections per street, institution placements",
  success: json(OrganisationView)
})

/** @category endpoints */
export const putUnit = endpoint({
  method: "PUT",
  path: "/api/v1/organisation/units/:id",
  access: write,
  tags,
  summary: "Create or update a unit, with its jurisdictions (replacing the unit's current ones)",
  params: Schema.Struct({ id: Id }),
  body: Schema.Struct({
    name: unitFields.name,
    kind: unitFields.kind,
    parentId: optional(unitFields.parentId),
    areaCode: optional(unitFields.areaCode),
    institutionCode: optional(unitFields.institutionCode),
    head: optional(unitFields.head),
    phone: optional(unitFields.phone),
    active: optional(unitFields.active),
    jurisdictions: optional(
      List(Schema.Struct({ areaCode: Jurisdiction.fields.areaCode, orgKinds: Jurisdiction.fields.orgKinds }), 100)
    )
  }),
  success: json(OrganisationWritten)
})

/** @category endpoints */
export const putArea = endpoint({
  method: "PUT",
  path: "/api/v1/organisation/areas/:code",
  access: write,
  tags,
  summary: "Create or update a township or street",
  params: Schema.Struct({ code: Area.fields.code }),
  body: Schema.Struct(areaFields),
  success: json(OrganisationWritten)
})

/** @category endpoints */
export const deleteArea = endpoint({
  method: "DELETE",
  path: "/api/v1/organisation/areas/:code",
  access: write,
  tags,
  summary: "Remove an area (refused while anything refers to it)",
  params: Schema.Struct({ code: Area.fields.code }),
  success: json(OrganisationWritten)
})

/** @category endpoints */
export const putAssignment = endpoint({
  method: "PUT",
  path: "/api/v1/organisation/assignments/:areaCode",
  access: write,
  tags,
  summary: "Assign a leader and a section to a street (seed 000 §三(一))",
  params: Schema.Struct({ areaCode: AreaAssignment.fields.areaCode }),
  body: Schema.Struct(assignmentFields),
  success: json(OrganisationWritten)
})

/** @category endpoints */
export const deleteAssignment = endpoint({
  method: "DELETE",
  path: "/api/v1/organisation/assignments/:areaCode",
  access: write,
  tags,
  summary: "Remove a street's assignment",
  params: Schema.Struct({ areaCode: AreaAssignment.fields.areaCode }),
  success: json(OrganisationWritten)
})

/** @category endpoints */
export const putPlacement = endpoint({
  method: "PUT",
  path: "/api/v1/organisation/placements/:code",
  access: write,
  tags,
  summary: "Place a designated institution in a township or street",
  params: Schema.Struct({ code: Placement.fields.institutionCode }),
  body: Schema.Struct({ areaCode: Placement.fields.areaCode }),
  success: json(OrganisationWritten)
})

/** Tables a .csv import may hold. @category models */
export const OrganisationTable = Schema.Literal("areas", "units", "jurisdictions", "assignments", "placements")

/** @category endpoints */
export const importOrganisation = endpoint({
  method: "POST",
  path: "/api/v1/organisation/import",
  access: write,
  tags,
  summary: "Import the organisation from a spreadsheet (all or nothing; every bad row named)",
  description:
    ".xlsx with sheets 区域, 单位, 辖区, 片区责任, 机构归属 (headers as in the export), or a .csv of one table named by `table`. Rows are created or updated by their key; a unit's jurisdictions in the file replace its stored ones.",
  body: Schema.Struct({ ...Upload.fields, table: optional(OrganisationTable) }),
  bodyLimit: 30 * 1024 * 1024,
  success: json(
    Schema.Struct({
      written: Schema.Number,
      counts: Schema.Struct({
        areas: Schema.Number,
        units: Schema.Number,
        jurisdictions: Schema.Number,
        assignments: Schema.Number,
        placements: Schema.Number
      })
    })
  )
})

/** @category endpoints */
export const exportOrganisation = endpoint({
  method: "GET",
  path: "/api/v1/organisation/export.xlsx",
  access: { permission: "duties:read" },
  tags,
  summary: "The organisation as a spreadsheet (the import template)",
  success: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
})
