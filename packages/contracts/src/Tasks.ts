/**
 * Duty tasks (职责任务): what is due, deadlines by month, one task with its completions, recording a
 * completion with its evidence, evidence downloads, generating tasks on demand.
 *
 * @since 0.1.0
 */
import { EvidenceField } from "@fundguard/domain/responsibilities"
import { GenerationReport as DomainGenerationReport } from "@fundguard/domain/responsibilities"
import * as Schema from "effect/Schema"
import { BooleanFromQuery, DateText, Id, Int, List, LongText, optional, Text } from "./Bounded.js"
import { endpoint, file, json } from "./Endpoint.js"

/** A task's state on a day. @category models */
export const TaskState = Schema.Literal("done", "done_late", "open", "overdue", "not_selected")

/** A value a duty asks for: a count, a confirmation, a short text, or institution codes checked. @category models */
export const EvidenceValue = Schema.Union(Int(0, 1_000_000), Schema.Boolean, Text(2000), List(Id, 1000))

/** A completion recorded against a task. @category models */
export const TaskCompletion = Schema.Struct({
  id: Schema.String,
  completedOn: Schema.String,
  record: Schema.String,
  /** The values the duty asked for, as checked when the completion was recorded. */
  values: Schema.Record({ key: Schema.String, value: EvidenceValue }),
  actorName: Schema.String,
  files: Schema.Array(
    Schema.Struct({ id: Schema.String, fileName: Schema.String, size: Schema.Number, sha256: Schema.String })
  )
})

/** A task as every door shows it. @category models */
export const TaskView = Schema.Struct({
  /** Null for a task the duties give but the worker has not stored yet. */
  id: Schema.NullOr(Schema.String),
  generated: Schema.Boolean,
  key: Schema.String,
  dutyCode: Schema.String,
  dutyVersion: Schema.Number,
  title: Schema.String,
  category: Schema.String,
  unitId: Schema.String,
  unitName: Schema.String,
  objectType: Schema.String,
  objectCode: Schema.String,
  objectName: Schema.NullOr(Schema.String),
  periodKey: Schema.String,
  periodLabel: Schema.String,
  periodStart: Schema.String,
  periodEnd: Schema.String,
  deadline: Schema.String,
  deadlineProvisional: Schema.Boolean,
  deadlineNote: Schema.NullOr(Schema.String),
  requiredCount: Schema.Number,
  completedCount: Schema.Number,
  completedOn: Schema.NullOr(Schema.String),
  state: TaskState,
  stateLabel: Schema.String,
  dueToday: Schema.Boolean,
  /** Working days from the day asked about to the deadline (0 on the day), or null when unknown or past. */
  workingDaysLeft: Schema.NullOr(Schema.Number),
  coverageTarget: Schema.Number,
  evidence: Schema.Array(EvidenceField),
  source: Schema.String,
  completions: Schema.Array(TaskCompletion)
})
/** @category models */
export type TaskView = typeof TaskView.Type

/** Which units a task query covers: one unit (and those it supervises), else every unit in the caller's scope. @category models */
export const UnitFilter = Schema.Struct({
  unit: optional(Id),
  includeSupervised: optional(BooleanFromQuery)
})

const tags = ["tasks"]
const TaskParams = Schema.Struct({ id: Id })

/** @category endpoints */
export const calendarInfo = endpoint({
  method: "GET",
  path: "/api/v1/calendar/info",
  access: { permission: "duties:read" },
  tags,
  summary: "Today (China Standard Time) and the years the holiday data covers",
  success: json(
    Schema.Struct({
      today: Schema.String,
      source: Schema.String,
      coveredYears: Schema.Struct({ from: Schema.Number, to: Schema.Number })
    })
  )
})

/** @category endpoints */
export const dueTasks = endpoint({
  method: "GET",
  path: "/api/v1/tasks/due",
  access: { permission: "duties:read" },
  tags,
  summary: "What is due on a day (default today): every task open that day, with deadlines; overdue ones flagged",
  query: Schema.Struct({ on: optional(DateText), ...UnitFilter.fields }),
  success: json(Schema.Struct({ on: Schema.String, items: Schema.Array(TaskView), overdue: Schema.Number }))
})

/**
 * What is due on a day, as `pnpm fundguard duties due --json` prints it: the tasks, the unit asked
 * about, and the calendar the deadlines were counted with.
 *
 * @category models
 */
export const DueReport = Schema.Struct({
  on: Schema.String,
  unit: Schema.NullOr(Schema.String),
  calendar: Schema.Struct({
    source: Schema.String,
    coveredYears: Schema.Struct({ from: Schema.Number, to: Schema.Number })
  }),
  overdue: Schema.Number,
  items: Schema.Array(TaskView)
})

/** @category endpoints */
export const listTasks = endpoint({
  method: "GET",
  path: "/api/v1/tasks",
  access: { permission: "duties:read" },
  tags,
  summary:
    "Tasks whose deadline falls in from…to (default: all up to `on`), states as of `on`; state=overdue lists the overdue ones",
  query: Schema.Struct({
    on: optional(DateText),
    from: optional(DateText),
    to: optional(DateText),
    state: optional(TaskState),
    ...UnitFilter.fields
  }),
  success: json(Schema.Struct({ on: Schema.String, items: Schema.Array(TaskView) }))
})

/** A month written `yyyy-MM`. @category models */
export const MonthText = Schema.String.pipe(
  Schema.filter((s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s) || "须为 yyyy-MM 格式的月份", {
    jsonSchema: { pattern: "^\\d{4}-(0[1-9]|1[0-2])$" }
  })
)

/** One day of a month calendar. @category models */
export const CalendarDay = Schema.Struct({
  date: Schema.String,
  day: Schema.NullOr(
    Schema.Struct({ date: Schema.String, working: Schema.Boolean, name: Schema.String, adjusted: Schema.Boolean })
  ),
  dayUnknown: Schema.NullOr(Schema.String),
  tasks: Schema.Array(TaskView)
})

/** @category endpoints */
export const monthCalendar = endpoint({
  method: "GET",
  path: "/api/v1/calendar/month",
  access: { permission: "duties:read" },
  tags,
  summary: "A month's days: holidays, adjusted working days, and the deadlines on each day with their state today",
  query: Schema.Struct({ month: MonthText, ...UnitFilter.fields }),
  success: json(Schema.Struct({ month: Schema.String, today: Schema.String, days: Schema.Array(CalendarDay) }))
})

/** @category endpoints */
export const getTask = endpoint({
  method: "GET",
  path: "/api/v1/tasks/:id",
  access: { permission: "duties:read" },
  tags,
  summary: "One task with its completions and evidence",
  params: TaskParams,
  query: Schema.Struct({ on: optional(DateText) }),
  success: json(TaskView)
})

/** An uploaded evidence file (base64; at most 20 MB once decoded). @category models */
export const EvidenceUpload = Schema.Struct({
  fileName: Text(200, { min: 1 }),
  mediaType: optional(Text(100)),
  contentBase64: Text(28_000_000, { min: 1 })
})

/** @category endpoints */
export const completeTask = endpoint({
  method: "POST",
  path: "/api/v1/tasks/:id/completions",
  access: { permission: "tasks:complete" },
  tags,
  summary: "Record a completion of a task with its evidence (record, values the duty asks for, files)",
  description:
    "Checked against the duty version the task was generated under; 400 names every problem ($.values.personsSampled: 不得少于 10 …). Files are stored by SHA-256.",
  params: TaskParams,
  body: Schema.Struct({
    completedOn: DateText,
    record: LongText,
    values: optional(
      Schema.Record({
        key: Schema.String.pipe(Schema.pattern(/^[a-z][A-Za-z0-9]{0,39}$/)),
        value: EvidenceValue
      }).pipe(Schema.filter((r) => Object.keys(r).length <= 40 || "最多 40 项"))
    ),
    files: optional(List(EvidenceUpload, 20))
  }),
  bodyLimit: 60 * 1024 * 1024,
  success: json(Schema.Struct({ completionId: Schema.String, task: TaskView }), 201)
})

/** @category endpoints */
export const evidenceFile = endpoint({
  method: "GET",
  path: "/api/v1/evidence-files/:id",
  access: { permission: "duties:read" },
  tags,
  summary: "Download an evidence file (its SHA-256 is checked first); always as an attachment",
  params: Schema.Struct({ id: Id }),
  success: file("application/octet-stream")
})

/** What a generation pass did (the domain's report). @category models */
export const GenerationReport = DomainGenerationReport
/** @category models */
export type GenerationReport = typeof GenerationReport.Type

/** @category endpoints */
export const generateTasks = endpoint({
  method: "POST",
  path: "/api/v1/tasks/generate",
  access: { permission: "duties:write" },
  tags,
  summary:
    "Generate the tasks of every period that has begun from…through (default: this year up to today); idempotent",
  body: Schema.Struct({ from: optional(DateText), through: optional(DateText) }),
  success: json(GenerationReport)
})
