/**
 * `pnpm fundguard checklist` and `pnpm fundguard deadlines`: the on-site checklist for a kind of
 * institution, and a case's deadlines from its events on the working-day calendar — the enforcement
 * rules of `@fundguard/domain/enforcement`, for a person at a terminal.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import {
  caseDeadlines,
  checklistFor,
  defaultChecklists,
  procedureLimitsOn,
  type CaseEvents
} from "@fundguard/domain/enforcement"
import { bureauDate, IsoDate, OrgKind, orgKindLabel, problemsOf } from "@fundguard/domain/kernel"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, parseJson, readInput, type Command } from "../cli.js"

const dateOption = (value: string | undefined, option: string) => {
  if (value === undefined) return bureauDate(new Date())
  const decoded = Schema.decodeUnknownEither(IsoDate)(value)
  if (Either.isLeft(decoded)) throw new CliFailure(`${option}: 须为 yyyy-MM-dd 日期`, ExitCode.invalid)
  return decoded.right
}

const checklistHelp = `Usage: pnpm fundguard checklist --kind KIND [--on DATE] [--json]

The on-site inspection checklist in force for a kind of institution (seeds 000 and 001): each item
with the catalogue violations a finding under it may be, and its source.
KIND: ${OrgKind.literals.join(" | ")}`

/** `checklist`. */
export const checklistCommand: Command = {
  name: "checklist",
  summary: "checklist --kind KIND [--on DATE] [--json] — the on-site checklist for a kind of institution",
  help: checklistHelp,
  run: async (args) => {
    const { values } = parseArgs({
      args: [...args],
      options: {
        kind: { type: "string" },
        on: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    })
    if (values.help) {
      process.stdout.write(`${checklistHelp}\n`)
      return ExitCode.ok
    }
    const kind = Schema.decodeUnknownEither(OrgKind)(values.kind)
    if (Either.isLeft(kind)) throw new CliFailure(`--kind: 须为 ${OrgKind.literals.join("、")} 之一`, ExitCode.invalid)
    const on = dateOption(values.on, "--on")
    const list = checklistFor(defaultChecklists, kind.right, on)
    if (list === undefined) throw new CliFailure(`${on} 尚无${orgKindLabel[kind.right]}的检查清单`, ExitCode.failure)
    if (values.json) process.stdout.write(`${JSON.stringify(list)}\n`)
    else
      process.stdout.write(
        [
          `${list.title}（${list.code} 第 ${list.version} 版，${list.effectiveFrom} 起）`,
          ...list.items.map(
            (item, i) =>
              `${i + 1}. ${item.text}${item.violations.length > 0 ? `  〔${item.violations.join("、")}〕` : ""}  —— ${item.source}`
          )
        ].join("\n") + "\n"
      )
    return ExitCode.ok
  }
}

const CaseEventsInput = Schema.Struct({
  discoveredOn: IsoDate,
  filingExtended: Schema.optional(Schema.Boolean),
  filedOn: Schema.optional(Schema.NullOr(IsoDate)),
  decisionExtensions: Schema.optional(Schema.Int.pipe(Schema.between(0, 10))),
  noticeServedOn: Schema.optional(Schema.NullOr(IsoDate)),
  statementMadeOn: Schema.optional(Schema.NullOr(IsoDate)),
  hearingRequestedOn: Schema.optional(Schema.NullOr(IsoDate)),
  hearingOn: Schema.optional(Schema.NullOr(IsoDate)),
  hearingNoticeSentOn: Schema.optional(Schema.NullOr(IsoDate)),
  decidedOn: Schema.optional(Schema.NullOr(IsoDate)),
  decisionServedOn: Schema.optional(Schema.NullOr(IsoDate)),
  paidOn: Schema.optional(Schema.NullOr(IsoDate))
})

const deadlinesHelp = `Usage: pnpm fundguard deadlines [--events FILE] [--on DATE] [--json]

A case's deadlines from its events (JSON on stdin or in FILE), on mainland China's working-day
calendar: who must act, the last day, and whether it is open, met, overdue, used or passed. The
limits and their sources: docs/domain/procedure.md.

Events: { "discoveredOn": "2025-09-26", "filedOn": "2025-10-09", "noticeServedOn": …, "hearingOn": …,
"decidedOn": …, "decisionServedOn": …, "paidOn": …, "decisionExtensions": 1, … }`

const stateLabel = {
  met: "已按时办理",
  met_late: "已办理（逾期）",
  open: "未到期",
  overdue: "已逾期",
  used: "已行使",
  passed: "期限已过"
} as const

/** `deadlines`. */
export const deadlinesCommand: Command = {
  name: "deadlines",
  summary: "deadlines [--events FILE] [--on DATE] [--json] — a case's procedure deadlines from its events",
  help: deadlinesHelp,
  run: async (args) => {
    const { values } = parseArgs({
      args: [...args],
      options: {
        events: { type: "string" },
        on: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      }
    })
    if (values.help) {
      process.stdout.write(`${deadlinesHelp}\n`)
      return ExitCode.ok
    }
    const source = values.events ?? "standard input"
    const decoded = Schema.decodeUnknownEither(CaseEventsInput, { errors: "all", onExcessProperty: "error" })(
      parseJson(readInput(values.events), source)
    )
    if (Either.isLeft(decoded))
      throw new CliFailure(
        [`${source}: 案件事件有误`, ...problemsOf(decoded.left).map((p) => `  ${p.path}: ${p.message}`)].join("\n"),
        ExitCode.invalid
      )
    const today = dateOption(values.on, "--on")
    const limits = procedureLimitsOn(decoded.right.discoveredOn).value
    const result = caseDeadlines(chineseWorkingCalendar(), limits, decoded.right as CaseEvents, today)
    if (Either.isLeft(result)) throw result.left
    if (values.json) process.stdout.write(`${JSON.stringify({ on: today, deadlines: result.right })}\n`)
    else
      for (const d of result.right)
        process.stdout.write(
          `${d.dueOn}  ${d.label}（${d.by === "bureau" ? "本局" : "当事人"}）  ${stateLabel[d.state]}${d.confidence === "⚠️" ? "  ⚠️ 期限待本地规程核定" : ""}\n`
        )
    return ExitCode.ok
  }
}
