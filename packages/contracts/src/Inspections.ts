/**
 * Inspections (监督检查): the inspector register, plans, 双随机一公开 draws (run, verified again from
 * their recorded inputs, published as a list), today's inspections and the on-site record with its
 * photos and documents, printable as a 现场检查笔录.
 *
 * @since 0.4.0
 */
import {
  DrawSpec,
  InspectionKind,
  InspectionStatus,
  InspectorEntry,
  OnsiteRecordInput,
  PlanInput
} from "@fundguard/domain/enforcement"
import * as Schema from "effect/Schema"
import { Id, Instant, optional, Text } from "./Bounded.js"
import { endpoint, file, json } from "./Endpoint.js"

const tags = ["inspections"]

/** An inspector of the register, with the conflicts of their own area added. @category models */
export const InspectorView = Schema.Struct({
  ...InspectorEntry.fields,
  unitName: Schema.String,
  /** Institutions of the inspector's own area (本人所在区域), a conflict for every draw. */
  ownArea: Schema.Array(Schema.String)
})

/** @category endpoints */
export const listInspectors = endpoint({
  method: "GET",
  path: "/api/v1/inspectors",
  access: { permission: "inspections:read" },
  tags,
  summary: "The inspector register (执法检查人员名录库), with each inspector's own area",
  success: json(Schema.Struct({ items: Schema.Array(InspectorView) }))
})

/** @category endpoints */
export const saveInspector = endpoint({
  method: "PUT",
  path: "/api/v1/inspectors/:code",
  access: { permission: "inspections:plan" },
  tags,
  summary: "Add or update an inspector of the register (staff code in the path)",
  description: "Errors: 400 naming the field (unknown unit, an institution not in the register).",
  params: Schema.Struct({ code: Id }),
  body: Schema.Struct({
    name: InspectorEntry.fields.name,
    unitId: InspectorEntry.fields.unitId,
    badge: InspectorEntry.fields.badge,
    active: InspectorEntry.fields.active,
    conflicts: InspectorEntry.fields.conflicts
  }),
  success: json(Schema.Struct({ created: Schema.Boolean }))
})

/** A draw in a list. @category models */
export const DrawSummary = Schema.Struct({
  id: Schema.String,
  seed: Schema.String,
  method: Schema.String,
  drawnAt: Instant,
  drawnByName: Schema.String,
  publishedAt: Schema.NullOr(Instant)
})

/** A plan in the list. @category models */
export const PlanView = Schema.Struct({
  id: Schema.String,
  kind: InspectionKind,
  kindLabel: Schema.String,
  title: Schema.String,
  reference: Schema.NullOr(Schema.String),
  dutyCode: Schema.NullOr(Schema.String),
  periodFrom: Schema.String,
  periodTo: Schema.String,
  createdByName: Schema.String,
  inspections: Schema.Number,
  draws: Schema.Array(DrawSummary)
})

/** @category endpoints */
export const listPlans = endpoint({
  method: "GET",
  path: "/api/v1/inspection-plans",
  access: { permission: "inspections:plan" },
  tags,
  summary: "Inspection plans, newest first, with their draws",
  success: json(Schema.Struct({ items: Schema.Array(PlanView) }))
})

/** @category endpoints */
export const createPlan = endpoint({
  method: "POST",
  path: "/api/v1/inspection-plans",
  access: { permission: "inspections:plan" },
  tags,
  summary: "Create an inspection plan (日常、专项治理、四不两直、飞行检查、联合检查、交叉互查)",
  description: "Errors: 400 naming the field (an unknown duty code, the period).",
  body: PlanInput,
  success: json(Schema.Struct({ id: Schema.String }), 201)
})

/** One drawn target with its team. @category models */
export const DrawnTarget = Schema.Struct({
  inspectionId: Schema.String,
  institutionCode: Schema.String,
  institutionName: Schema.String,
  team: Schema.Array(Schema.Struct({ staffCode: Schema.String, name: Schema.String })),
  status: InspectionStatus
})

/** A draw with its seed, recorded inputs and result. @category models */
export const DrawView = Schema.Struct({
  id: Schema.String,
  planId: Schema.String,
  planTitle: Schema.String,
  seed: Schema.String,
  algorithm: Schema.String,
  method: Schema.String,
  statement: Schema.String,
  drawnAt: Instant,
  drawnByName: Schema.String,
  publishedAt: Schema.NullOr(Instant),
  /** The exact inputs the algorithm was run on (JSON text, as recorded). */
  inputs: Schema.String,
  /** The result (JSON text, as recorded; a re-draw is compared with it byte for byte). */
  result: Schema.String,
  strata: Schema.Array(
    Schema.Struct({ name: Schema.String, eligible: Schema.Number, targets: Schema.Array(Schema.String) })
  ),
  targets: Schema.Array(DrawnTarget)
})
/** @category models */
export type DrawView = typeof DrawView.Type

const DrawParams = Schema.Struct({ id: Id })

/** @category endpoints */
export const drawPlan = endpoint({
  method: "POST",
  path: "/api/v1/inspection-plans/:id/draws",
  access: { permission: "inspections:plan" },
  tags,
  summary:
    "Draw a plan's targets and teams (双随机, or 重点抽查 weighted by confirmed suspicions); one inspection per target",
  description:
    "`strata` state the institutions and shares (e.g. 二级医院 0.5, 村卫生室 0.5, others 1); institutions inspected within `excludeDays` are left out; the seed, the exact inputs and the algorithm version are recorded. Errors: 400 naming the field (DrawRefused: too few inspectors without a conflict, nothing to draw); 404 plan.",
  params: DrawParams,
  body: DrawSpec,
  success: json(DrawView, 201)
})

/** @category endpoints */
export const getDraw = endpoint({
  method: "GET",
  path: "/api/v1/inspection-draws/:id",
  access: { permission: "inspections:plan" },
  tags,
  summary: "A draw: seed, algorithm, recorded inputs and result, and its inspections",
  params: DrawParams,
  success: json(DrawView)
})

/** @category endpoints */
export const verifyDraw = endpoint({
  method: "POST",
  path: "/api/v1/inspection-draws/:id/verify",
  access: { permission: "inspections:read" },
  tags,
  summary: "Re-draw verification: run the algorithm again on the recorded inputs and compare, byte for byte",
  params: DrawParams,
  success: json(
    Schema.Struct({
      same: Schema.Boolean,
      recorded: Schema.String,
      recomputed: Schema.NullOr(Schema.String),
      problem: Schema.NullOr(Schema.String)
    })
  )
})

/** @category endpoints */
export const publishDraw = endpoint({
  method: "POST",
  path: "/api/v1/inspection-draws/:id/publish",
  access: { permission: "inspections:plan" },
  tags,
  summary: "Publish a draw (公开): its targets, the inspectors' names, seed and algorithm",
  description: "409 when already published.",
  params: DrawParams,
  success: json(Schema.Struct({ publishedAt: Instant }))
})

/** The published list of a draw: nothing personal beyond the inspectors' names. @category models */
export const DrawPublication = Schema.Struct({
  planTitle: Schema.String,
  kindLabel: Schema.String,
  seed: Schema.String,
  algorithm: Schema.String,
  statement: Schema.String,
  drawnAt: Instant,
  publishedAt: Instant,
  items: Schema.Array(
    Schema.Struct({
      institutionCode: Schema.String,
      institutionName: Schema.String,
      inspectors: Schema.Array(Schema.String)
    })
  )
})

/** @category endpoints */
export const drawPublication = endpoint({
  method: "GET",
  path: "/api/v1/inspection-draws/:id/publication",
  access: { permission: "inspections:read" },
  tags,
  summary: "The published result of a draw, as the bureau posts it (公开)",
  description: "409 (InspectionStateRefused) while the draw is not published.",
  params: DrawParams,
  success: json(DrawPublication)
})

/** @category endpoints */
export const drawPublicationCsv = endpoint({
  method: "GET",
  path: "/api/v1/inspection-draws/:id/publication.csv",
  access: { permission: "inspections:read" },
  tags,
  summary: "The published result of a draw as CSV (UTF-8 with BOM), for the bureau's website",
  params: DrawParams,
  success: file("text/csv; charset=utf-8")
})

/** An inspection in a list. @category models */
export const InspectionSummary = Schema.Struct({
  id: Schema.String,
  planId: Schema.String,
  planTitle: Schema.String,
  kind: InspectionKind,
  kindLabel: Schema.String,
  institutionCode: Schema.String,
  institutionName: Schema.String,
  team: Schema.Array(Schema.Struct({ staffCode: Schema.String, name: Schema.String, unitId: Schema.String })),
  plannedOn: Schema.String,
  status: InspectionStatus,
  statusLabel: Schema.String,
  overdue: Schema.Boolean
})
/** @category models */
export type InspectionSummary = typeof InspectionSummary.Type

/** @category endpoints */
export const listInspections = endpoint({
  method: "GET",
  path: "/api/v1/inspections",
  access: { permission: "inspections:read" },
  tags,
  summary: "Inspections within the caller's scope: `today` (planned for today or overdue, not finished) or all",
  query: Schema.Struct({ view: optional(Schema.Literal("today", "all")), planId: optional(Id) }),
  success: json(Schema.Struct({ items: Schema.Array(InspectionSummary) }))
})

/** One inspection with its checklist and record (人员编号 masked unless the role may see them). @category models */
export const InspectionDetail = Schema.Struct({
  ...InspectionSummary.fields,
  team: Schema.Array(
    Schema.Struct({ staffCode: Schema.String, name: Schema.String, unitId: Schema.String, badge: Schema.String })
  ),
  checklist: Schema.Struct({
    code: Schema.String,
    version: Schema.Number,
    items: Schema.Array(
      Schema.Struct({
        code: Schema.String,
        text: Schema.String,
        violations: Schema.Array(Schema.String),
        source: Schema.String
      })
    )
  }),
  /** The record as saved; 人员编号 and names masked for roles without `personal-data:unmasked`. */
  record: Schema.NullOr(
    Schema.Struct({
      ...OnsiteRecordInput.fields,
      sampledPersons: Schema.Array(Schema.Struct({ psnNo: Schema.String, name: Schema.String }))
    })
  ),
  files: Schema.Array(
    Schema.Struct({ id: Schema.String, kind: Schema.String, fileName: Schema.String, sha256: Schema.String })
  ),
  finishedOn: Schema.NullOr(Schema.String),
  published: Schema.Boolean,
  dutyCode: Schema.NullOr(Schema.String),
  minimumSampled: Schema.Number,
  minimumSource: Schema.String,
  masked: Schema.Boolean
})
/** @category models */
export type InspectionDetail = typeof InspectionDetail.Type

const InspectionParams = Schema.Struct({ id: Id })

/** @category endpoints */
export const getInspection = endpoint({
  method: "GET",
  path: "/api/v1/inspections/:id",
  access: { permission: "inspections:read" },
  tags,
  summary: "One inspection: team, checklist, on-site record and files (reading the sampled persons is audited)",
  params: InspectionParams,
  success: json(InspectionDetail)
})

/** @category endpoints */
export const recordInspection = endpoint({
  method: "PUT",
  path: "/api/v1/inspections/:id/record",
  access: { permission: "inspections:record" },
  tags,
  summary: "Save the on-site record (现场检查笔录); with `finish`, check it in full and finish the inspection",
  description:
    "Finishing completes the open task of the plan's duty for the team's unit, or says in `dutyTask` why it did not. Errors: 400 naming the field (fewer than 2 officers, an item unanswered, too few sampled persons — the duty's minimum); 404 outside the caller's scope; 409 finished already.",
  params: InspectionParams,
  body: Schema.Struct({ record: OnsiteRecordInput, finish: Schema.Boolean }),
  success: json(
    Schema.Struct({
      status: InspectionStatus,
      dutyTask: Schema.NullOr(
        Schema.Struct({ completed: Schema.Boolean, taskId: Schema.NullOr(Schema.String), message: Schema.String })
      )
    })
  )
})

/** @category endpoints */
export const addInspectionFile = endpoint({
  method: "POST",
  path: "/api/v1/inspections/:id/files",
  access: { permission: "inspections:record" },
  tags,
  summary: "Upload a photo or document of an inspection (stored by SHA-256)",
  params: InspectionParams,
  body: Schema.Struct({
    kind: Schema.Literal("photo", "document"),
    fileName: Text(200, { min: 1 }),
    mediaType: optional(Text(100)),
    contentBase64: Text(28_000_000, { min: 1 })
  }),
  bodyLimit: 30 * 1024 * 1024,
  success: json(Schema.Struct({ id: Schema.String, sha256: Schema.String }), 201)
})

/** @category endpoints */
export const inspectionRecordHtml = endpoint({
  method: "GET",
  path: "/api/v1/inspections/:id/record",
  access: { permission: "inspections:read" },
  tags,
  summary: "The 现场检查笔录 of an inspection as printable HTML (audited)",
  description: "409 (DocumentNotReady) before a record is saved.",
  params: InspectionParams,
  success: file("text/html; charset=utf-8")
})

/** @category endpoints */
export const inspectionRecordPdf = endpoint({
  method: "GET",
  path: "/api/v1/inspections/:id/record/pdf",
  access: { permission: "inspections:read" },
  tags,
  summary: "The 现场检查笔录 of an inspection as PDF",
  params: InspectionParams,
  success: file("application/pdf")
})
