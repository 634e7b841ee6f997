/**
 * The institution register (定点医药机构), within the caller's data scope.
 *
 * @since 0.1.0
 */
import { HospitalLevel, OrgKind } from "@fundguard/domain/kernel"
import * as Schema from "effect/Schema"
import { optional, Paging, Text } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

/** An institution as listed. @category models */
export const InstitutionRow = Schema.Struct({
  code: Schema.String,
  name: Schema.String,
  orgKind: OrgKind,
  hospitalLevel: Schema.NullOr(HospitalLevel),
  admdvs: Schema.String,
  approvedBeds: Schema.NullOr(Schema.Number),
  supervisorCode: Schema.NullOr(Schema.String)
})
/** @category models */
export type InstitutionRow = typeof InstitutionRow.Type

/** @category endpoints */
export const listInstitutions = endpoint({
  method: "GET",
  path: "/api/v1/institutions",
  access: { permission: "institutions:read" },
  tags: ["institutions"],
  summary: "List designated institutions (定点医药机构) the caller's units oversee; q matches name or code literally",
  query: Schema.Struct({ q: optional(Text(100)), orgKind: optional(OrgKind), ...Paging.fields }),
  success: json(Schema.Struct({ items: Schema.Array(InstitutionRow), total: Schema.Number }))
})
