/**
 * The pre-settlement check (事前提醒 / 事中审核, `precheck.md`, docs/domain/precheck.md): the national
 * interfaces 3101–3103 for institutions' systems, and the administration of their interface keys.
 *
 * @since 0.6.0
 */
import { InstitutionClient, NewInstitutionClient, PrecheckMessage, PrecheckResponse } from "@fundguard/domain/screening"
import * as Schema from "effect/Schema"
import { DateText, Id } from "./Bounded.js"
import { endpoint, json, noContent } from "./Endpoint.js"

const tags = ["precheck"]
const IdParams = Schema.Struct({ id: Id })

/** @category endpoints */
export const check = endpoint({
  method: "POST",
  path: "/api/v1/precheck",
  access: { permission: "precheck:check" },
  tags,
  summary: "3101 事前 / 3102 事中 / 3103 反馈: check a claim before settlement with the screening rules",
  description:
    "Called by a designated institution's system with its interface key (`Authorization: Bearer fgi_…`), for " +
    "its own `medins_id` only. Answers in the national interface's form: `infcode` 0 with the warnings, or " +
    "`infcode` -1 with `err_msg` naming each wrong field by its path (HTTP 200, as the national platform " +
    "answers; a key that is missing, unknown or revoked is 401, another institution's claim 403, both in the " +
    "same `infcode`/`err_msg` form).",
  body: PrecheckMessage,
  success: json(PrecheckResponse),
  bodyLimit: 4 * 1024 * 1024
})

/** @category endpoints */
export const listClients = endpoint({
  method: "GET",
  path: "/api/v1/institution-clients",
  access: { permission: "precheck:manage" },
  tags,
  summary: "Institutions' interface keys for the pre-settlement check (never the keys themselves)",
  success: json(Schema.Struct({ items: Schema.Array(InstitutionClient) }))
})

const KeyAnswer = Schema.Struct({
  client: InstitutionClient,
  /** Shown once: only its hash is kept. Send it as `Authorization: Bearer <key>`. */
  key: Schema.String
})

/** @category endpoints */
export const createClient = endpoint({
  method: "POST",
  path: "/api/v1/institution-clients",
  access: { permission: "precheck:manage" },
  tags,
  summary: "Create an institution's interface key; the key is shown once",
  body: NewInstitutionClient,
  success: json(KeyAnswer, 201)
})

/** @category endpoints */
export const rotateClient = endpoint({
  method: "POST",
  path: "/api/v1/institution-clients/:id/rotate",
  access: { permission: "precheck:manage" },
  tags,
  summary: "Give an institution's client a new key; the old one stops working at once",
  params: IdParams,
  success: json(KeyAnswer)
})

/** @category endpoints */
export const revokeClient = endpoint({
  method: "POST",
  path: "/api/v1/institution-clients/:id/revoke",
  access: { permission: "precheck:manage" },
  tags,
  summary: "Revoke an institution's client for good",
  params: IdParams,
  success: noContent
})

/** @category endpoints */
export const reloadReference = endpoint({
  method: "POST",
  path: "/api/v1/precheck/reference/reload",
  access: { permission: "precheck:manage" },
  tags,
  summary: "Load the reference data again from the configured directory and swap it in whole, without a restart",
  success: json(Schema.Struct({ dir: Schema.String, loadedAt: Schema.String }))
})

const ReportRow = Schema.Struct({
  institutionCode: Schema.String,
  institutionName: Schema.NullOr(Schema.String),
  doctorCode: Schema.NullOr(Schema.String),
  warnings: Schema.Number,
  overrides: Schema.Number,
  edited: Schema.Number,
  noFeedback: Schema.Number,
  /** Overrides of a warning whose line the nightly run later flagged and review confirmed. */
  overridesConfirmed: Schema.Number,
  /** Yuan: the warned amounts of lines that, checked again, no longer broke the rule. */
  saved: Schema.Number
})

/** @category endpoints */
export const report = endpoint({
  method: "GET",
  path: "/api/v1/precheck/report",
  access: { permission: "precheck:read" },
  tags,
  summary:
    "Warnings given before settlement, per institution and per doctor: overrides, overrides later confirmed, what the warnings saved",
  query: Schema.Struct({ from: DateText, to: DateText }),
  success: json(
    Schema.Struct({
      from: Schema.String,
      to: Schema.String,
      institutions: Schema.Array(ReportRow),
      doctors: Schema.Array(ReportRow)
    })
  )
})
