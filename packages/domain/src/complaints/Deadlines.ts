/**
 * The time limits of a complaint: deciding whether to accept it (受理), handling it to a result
 * (办理), and telling a real-name informant (告知举报人). Versioned data with sources and confidence
 * marks; working days counted with the kernel's `WorkingCalendar` (holidays and 调休 included).
 *
 * @since 0.5.0
 */
import * as Either from "effect/Either"
import type { IsoDate } from "../kernel/IsoDate.js"
import { addWorkingDays, type CalendarYearNotCovered, type WorkingCalendarShape } from "../kernel/WorkingCalendar.js"
import { inForceOrEarliest, type Versioned } from "../penalty/LegalParameters.js"
import type { StoredComplaint } from "./Complaints.js"

/**
 * One limit: working days, where it comes from, how sure we are.
 *
 * @category models
 */
export interface ComplaintLimit {
  readonly workingDays: number
  readonly basis: string
  readonly confidence: "✅" | "🔶" | "⚠️"
}

/**
 * The limits of a complaint.
 *
 * @category models
 */
export interface ComplaintLimits {
  readonly acceptance: ComplaintLimit
  readonly handling: ComplaintLimit
  readonly reply: ComplaintLimit
}

const O5 = "《医疗保障基金使用监督管理举报处理暂行办法》（国家医疗保障局令第5号，2022-03-01施行）"
const O4 = "《医疗保障行政处罚程序暂行规定》（国家医疗保障局令第4号）"
const UNREAD = "未读到第5号令原文的该条，系统默认值 ⚠️：请按原文或本地规程核定后修改"

/**
 * The limits in force, from Order 5's entry into force. Only the reply limit was found stated in a
 * report of the text (新华社 2022-01-31: 举报人实名举报的，有处理权限的医疗保障行政部门应当自作出是否
 * 立案决定之日起5个工作日内告知举报人); the others are defaults marked ⚠️ (docs/domain/complaints.md).
 *
 * @category statute
 */
export const complaintLimits: ReadonlyArray<Versioned<ComplaintLimits>> = [
  {
    effectiveFrom: "2022-03-01",
    effectiveTo: null,
    source: O5,
    value: {
      acceptance: {
        workingDays: 15,
        basis: `${O5}：收到举报后决定是否受理（${UNREAD}；与${O4}“收到材料之日起15个工作日内决定是否立案”一致）`,
        confidence: "⚠️"
      },
      handling: {
        workingDays: 60,
        basis: `${O5}：受理后办理完毕（${UNREAD}）`,
        confidence: "⚠️"
      },
      reply: {
        workingDays: 5,
        basis: `${O5}：实名举报的，自作出是否立案决定之日起5个工作日内告知举报人（据新华社2022-01-31对原文的报道；FundGuard 以不予受理/移交之日或查处结果之日为“是否立案决定”之日）`,
        confidence: "🔶"
      }
    }
  }
]

/**
 * The limits in force on a day (the earliest version before the first took effect).
 *
 * @category statute
 */
export const complaintLimitsOn = (date: IsoDate): Versioned<ComplaintLimits> => inForceOrEarliest(complaintLimits, date)

/**
 * One deadline of a complaint and where it stands on a day.
 *
 * @category models
 */
export interface ComplaintDeadline {
  readonly step: "acceptance" | "handling" | "reply"
  readonly label: string
  readonly from: IsoDate
  readonly dueOn: IsoDate
  /** The day it was met, if it was. */
  readonly doneOn: IsoDate | null
  /** open: not yet due; overdue: past and not done; met: done in time; late: done after the day. */
  readonly state: "open" | "overdue" | "met" | "late"
  readonly basis: string
  readonly confidence: "✅" | "🔶" | "⚠️"
}

const labels = { acceptance: "决定是否受理", handling: "办理完毕（登记查处结果）", reply: "告知实名举报人" } as const

/**
 * The day the informant must be told from (the 是否立案 decision): the refusal or forwarding, or the
 * handling's result. Null while none was made, for a merged complaint (the complaint it joined
 * answers) and for an anonymous informant (nobody to tell).
 *
 * @category rules
 */
export const replyTrigger = (complaint: StoredComplaint): IsoDate | null => {
  if (complaint.anonymous) return null
  if (complaint.status === "not_accepted" || complaint.status === "forwarded") return complaint.triagedOn
  if (complaint.status === "accepted") return complaint.outcome?.on ?? null
  return null
}

/**
 * Every deadline the complaint has started, on `today`. Fails with `CalendarYearNotCovered` when a
 * date falls in a year the calendar does not hold (use `weekendsBeyondCoverage` for provisional dates).
 *
 * @category rules
 */
export const complaintDeadlines = (
  calendar: WorkingCalendarShape,
  complaint: StoredComplaint,
  today: IsoDate
): Either.Either<ReadonlyArray<ComplaintDeadline>, CalendarYearNotCovered> => {
  const limits = complaintLimitsOn(complaint.receivedOn).value
  const starts: Array<{ step: ComplaintDeadline["step"]; from: IsoDate; doneOn: IsoDate | null }> = [
    { step: "acceptance", from: complaint.receivedOn, doneOn: complaint.triagedOn }
  ]
  if (complaint.status === "accepted" && complaint.triagedOn !== null)
    starts.push({ step: "handling", from: complaint.triagedOn, doneOn: complaint.outcome?.on ?? null })
  const trigger = replyTrigger(complaint)
  if (trigger !== null) starts.push({ step: "reply", from: trigger, doneOn: complaint.repliedOn })
  const out: Array<ComplaintDeadline> = []
  for (const s of starts) {
    const limit = limits[s.step]
    const due = addWorkingDays(calendar, s.from, limit.workingDays)
    if (Either.isLeft(due)) return Either.left(due.left)
    const dueOn = due.right
    const state =
      s.doneOn !== null ? (s.doneOn <= dueOn ? "met" : "late") : today > dueOn ? "overdue" : ("open" as const)
    out.push({
      step: s.step,
      label: labels[s.step],
      from: s.from,
      dueOn,
      doneOn: s.doneOn,
      state,
      basis: limit.basis,
      confidence: limit.confidence
    })
  }
  return Either.right(out)
}
