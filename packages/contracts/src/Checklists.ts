/**
 * Inspection checklists (检查清单) as data: every version (the defaults of seeds 000 and 001 and the
 * bureau's own), and a new version saved without code.
 *
 * @since 0.4.0
 */
import { Checklist, ChecklistDraft } from "@fundguard/domain/enforcement"
import * as Schema from "effect/Schema"
import { Id } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

const tags = ["inspections"]

/** @category endpoints */
export const listChecklists = endpoint({
  method: "GET",
  path: "/api/v1/checklists",
  access: { permission: "inspections:read" },
  tags,
  summary: "Every checklist version: the defaults (seeds 000, 001) and the bureau's own, each with its effective date",
  success: json(
    Schema.Struct({
      items: Schema.Array(Schema.extend(Checklist, Schema.Struct({ bureau: Schema.Boolean })))
    })
  )
})

/** @category endpoints */
export const saveChecklist = endpoint({
  method: "PUT",
  path: "/api/v1/checklists/:code",
  access: { permission: "inspections:plan" },
  tags,
  summary: "Save a new version of a checklist, in force from its effective date (never earlier than today)",
  description:
    "Errors: 400 naming every problem (the shape, a repeated item code, a past effective date, a code other than the path's).",
  params: Schema.Struct({ code: Id }),
  body: ChecklistDraft,
  success: json(Schema.Struct({ code: Schema.String, version: Schema.Number }))
})
