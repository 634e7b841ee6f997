/**
 * The audit log (执法全过程记录): search, export, and verification of its hash chain.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { DateText, Instant, optional, Paging, Text } from "./Bounded.js"
import { endpoint, file, json } from "./Endpoint.js"

/** One entry as read. @category models */
export const AuditEntry = Schema.Struct({
  seq: Schema.NullOr(Schema.Number),
  at: Instant,
  actorId: Schema.NullOr(Schema.String),
  actorName: Schema.String,
  ip: Schema.NullOr(Schema.String),
  action: Schema.String,
  entityType: Schema.String,
  entityId: Schema.NullOr(Schema.String),
  details: Schema.Unknown,
  hash: Schema.NullOr(Schema.String)
})
/** @category models */
export type AuditEntry = typeof AuditEntry.Type

/** What to look for. @category models */
export const AuditFilter = Schema.Struct({
  actor: optional(Text(64, { description: "actor's name (contains) or id" })),
  entityType: optional(Text(64)),
  entityId: optional(Text(100)),
  action: optional(Text(64)),
  from: optional(DateText),
  to: optional(DateText)
})
/** @category models */
export type AuditFilter = typeof AuditFilter.Type

const tags = ["audit"]

/** @category endpoints */
export const searchAudit = endpoint({
  method: "GET",
  path: "/api/v1/audit",
  access: { permission: "audit:read" },
  tags,
  summary: "Audit entries, newest first, filtered by person, object, action and day (from…to inclusive, bureau time)",
  query: Schema.Struct({ ...AuditFilter.fields, ...Paging.fields }),
  success: json(Schema.Struct({ total: Schema.Number, items: Schema.Array(AuditEntry) }))
})

/** At most this many entries go into one export. @category models */
export const auditExportLimit = 50_000

/** @category endpoints */
export const exportAudit = endpoint({
  method: "GET",
  path: "/api/v1/audit/export",
  access: { permission: "audit:read" },
  tags,
  summary: `The filtered audit entries as an .xlsx workbook (at most ${auditExportLimit}), with the chain head`,
  query: AuditFilter,
  success: file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
})

/** The outcome of a verification. @category models */
export const AuditVerification = Schema.Struct({
  ok: Schema.Boolean,
  entries: Schema.Number,
  head: Schema.NullOr(Schema.Struct({ seq: Schema.Number, hash: Schema.String })),
  broken: Schema.NullOr(
    Schema.Struct({
      seq: Schema.NullOr(Schema.Number),
      id: Schema.NullOr(Schema.String),
      reason: Schema.String,
      message: Schema.String
    })
  )
})
/** @category models */
export type AuditVerification = typeof AuditVerification.Type

/** @category endpoints */
export const verifyAudit = endpoint({
  method: "GET",
  path: "/api/v1/audit/verify",
  access: { permission: "audit:read" },
  tags,
  summary: "Recompute the whole hash chain and name the first entry that does not fit",
  success: json(AuditVerification)
})
