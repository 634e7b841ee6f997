/**
 * `pnpm fundguard duties due --on YYYY-MM-DD [--unit ID] [--json]`: what is due on a day, with
 * deadlines; `pnpm fundguard duties generate [--from D] [--through D]`: store the tasks (the worker
 * does it daily).
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import {
  databaseUrl,
  dueOn,
  listDuties,
  loadOrganisation,
  migrateDatabase,
  openDatabase,
  redactUrl,
  type TaskView
} from "@fundguard/db"
import * as Application from "@fundguard/application"
import { Tasks } from "@fundguard/contracts"
import * as Schema from "effect/Schema"
import { bureauDate, isoDate } from "@fundguard/domain/kernel"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, type Command } from "../cli.js"
import { runUseCase } from "../runtime.js"

const help = `Usage:
  pnpm fundguard duties due [--on YYYY-MM-DD] [--unit ID] [--supervised] [--json]
  pnpm fundguard duties generate [--from YYYY-MM-DD] [--through YYYY-MM-DD]

due       prints every task open on the day (default today, China Standard Time): its deadline
          (moved past public holidays, 民法典 Art.203), state (overdue ones flagged), unit, duty,
          object and period. Tasks the duties give for that day but the worker has not stored yet
          are included. Without --json, a table; with --json, one JSON document on stdout.
generate  stores the tasks of every period that has begun between the dates (default: 1 January of
          this year to today); running it again creates nothing new.

Options:
  --on DATE         the day (due)
  -u, --unit ID     only this unit (e.g. SSO-KUIZHOU); with --supervised, also the units it supervises
  --supervised      include the units the --unit supervises
  --json            machine-readable output
  --from, --through the date range (generate)
  -h, --help        show this help`

const isDate = (value: string): boolean => {
  const d = new Date(`${value}T00:00:00Z`)
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value
}
const dateOption = (name: string, value: string | undefined, fallback: string): string => {
  const v = value ?? fallback
  if (!isDate(v)) throw new CliFailure(`--${name} must be a real date written YYYY-MM-DD, got "${v}"`, ExitCode.invalid)
  return v
}

/** Display width of a string in a terminal: CJK and full-width characters take two columns. */
const width = (s: string): number =>
  [...s].reduce(
    (w, c) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1),
    0
  )
const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - width(s)))

const table = (items: ReadonlyArray<TaskView>): string => {
  const rows = items.map((t) => [
    `${t.deadline}${t.deadlineProvisional ? "*" : ""}`,
    t.state === "overdue"
      ? "已逾期"
      : t.dueToday
        ? "今日到期"
        : t.workingDaysLeft === null
          ? "待完成"
          : `剩${t.workingDaysLeft}个工作日`,
    t.unitName,
    t.title,
    t.objectName ?? "—",
    t.periodLabel
  ])
  const head = ["截止日期", "状态", "单位", "职责", "对象", "期间"]
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))))
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((c, i) => pad(c, widths[i]!))
      .join("  ")
      .trimEnd()
  return [line(head), ...rows.map(line)].join("\n")
}

const due = async (args: ReadonlyArray<string>): Promise<number> => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      on: { type: "string" },
      unit: { type: "string", short: "u" },
      supervised: { type: "boolean", default: false },
      json: { type: "boolean", default: false }
    }
  })
  const on = dateOption("on", values.on, bureauDate(new Date()))
  const url = databaseUrl()
  await migrateDatabase(url)
  const database = openDatabase(url)
  try {
    const org = await loadOrganisation(database.db)
    // An empty database has nothing due because nothing is set up, not because all is done: say so.
    if (org.units.length === 0 || (await listDuties(database.db)).length === 0)
      throw new CliFailure(
        `${redactUrl(url)} has no ${org.units.length === 0 ? "organisation" : "duties"} yet, so nothing can be due: load the demo county with \`pnpm fundguard seed\`, or import the organisation and duties (组织机构、职责清单) in the admin UI`,
        ExitCode.failure
      )
    const unit = values.unit === undefined ? undefined : org.units.find((u) => u.id === values.unit)
    if (values.unit !== undefined && unit === undefined)
      throw new CliFailure(
        `unknown unit "${values.unit}"; units: ${org.units.map((u) => u.id).join(", ") || "(none — run pnpm fundguard seed)"}`,
        ExitCode.invalid
      )
    const calendar = chineseWorkingCalendar()
    const items = await dueOn(database.db, calendar, on, {
      ...(values.unit === undefined ? {} : { unitId: values.unit }),
      includeSupervised: values.supervised
    })
    if (values.json) {
      const report = Schema.encodeSync(Tasks.DueReport)({
        on,
        unit: values.unit ?? null,
        calendar: { source: calendar.source, coveredYears: calendar.coveredYears },
        overdue: items.filter((t) => t.state === "overdue").length,
        items
      })
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    } else {
      const overdue = items.filter((t) => t.state === "overdue").length
      process.stdout.write(
        `${on}${unit === undefined ? "" : ` ${unit.name}`}：待办 ${items.length} 项，其中逾期 ${overdue} 项\n`
      )
      if (items.length > 0) process.stdout.write(`${table(items)}\n`)
      if (items.some((t) => t.deadlineProvisional))
        process.stdout.write(
          `* 截止日期暂定：该年法定节假日安排尚未纳入工作日历（${calendar.source}），未按节假日顺延\n`
        )
    }
    return ExitCode.ok
  } finally {
    await database.close()
  }
}

const generate = async (args: ReadonlyArray<string>): Promise<number> => {
  const { values } = parseArgs({ args: [...args], options: { from: { type: "string" }, through: { type: "string" } } })
  const today = bureauDate(new Date())
  const through = dateOption("through", values.through, today)
  const from = dateOption("from", values.from, `${through.slice(0, 4)}-01-01`)
  if (from > through) throw new CliFailure(`--from ${from} is after --through ${through}`, ExitCode.invalid)
  const url = databaseUrl()
  await migrateDatabase(url)
  const database = openDatabase(url)
  try {
    const report = await runUseCase(
      database.db,
      Application.Responsibilities.generateTasks({
        from: isoDate(from),
        through: isoDate(through),
        actor: { id: null, name: "cli", ip: null }
      })
    )
    process.stdout.write(`${JSON.stringify({ from, through, ...report })}\n`)
    if (report.provisional > 0)
      note(`warning: ${report.provisional} deadlines are provisional (beyond the holiday data)`)
    return ExitCode.ok
  } finally {
    await database.close()
  }
}

/** `duties`. */
export const dutiesCommand: Command = {
  name: "duties",
  summary: "duties due --on YYYY-MM-DD [--unit ID] [--json] — what is due that day; duties generate",
  help,
  run: async (args) => {
    const [sub, ...rest] = args
    if (sub === undefined || sub === "--help" || sub === "-h" || rest.includes("--help") || rest.includes("-h")) {
      process.stdout.write(`${help}\n`)
      return sub === undefined ? ExitCode.invalid : ExitCode.ok
    }
    if (sub === "due") return due(rest)
    if (sub === "generate") return generate(rest)
    throw new CliFailure(`unknown subcommand "duties ${sub}"\n\n${help}`, ExitCode.invalid)
  }
}
