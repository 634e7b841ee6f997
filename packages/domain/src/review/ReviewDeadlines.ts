/**
 * Time limits of the steps of the suspicion review (疑点处理时限), in working days, as data versioned by
 * effective date. The NHSA two-library measures require every step to have one but leave the number
 * to the provincial and city bureaus; the defaults below are marked with where they come from and
 * how sure we are (✅ read in the primary text; 🔶 secondary source; ⚠️ a default of our own that a
 * bureau's local rules should replace).
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import type { IsoDate } from "../kernel/IsoDate.js"
import { inForceOrEarliest, type Versioned } from "../penalty/LegalParameters.js"
import type { SuspicionStatus } from "../screening/Suspicion.js"
import { addWorkingDays, weekendsOnlyCalendar, type WorkingCalendarShape } from "../kernel/WorkingCalendar.js"

/**
 * A step of the review that runs against a deadline.
 *
 * @category models
 */
export type ReviewStep =
  | "first_review"
  | "second_review"
  | "institution_response"
  | "verification"
  | "approval"
  | "data_correction"

/** @category formatting */
export const reviewStepLabel: Readonly<Record<ReviewStep, string>> = {
  first_review: "初审",
  second_review: "复审",
  institution_response: "机构反馈/申诉",
  verification: "调查核实",
  approval: "审批",
  data_correction: "机构更正数据"
}

/**
 * Working days allowed for each step, with the source of each number.
 *
 * @category models
 */
export type ReviewTimeLimits = Readonly<Record<ReviewStep, { readonly days: number; readonly basis: string }>>

const TWO_LIBRARIES =
  "《医疗保障基金智能审核和监控知识库、规则库管理办法（试行）》（国家医疗保障局，2022年4月）：疑点处理程序应包括初审、复审、监管对象申诉、调查核实、违规处理等环节，每个环节应设置合理办理时限"
const LOCAL_DEFAULT = "具体天数由省、市医保部门规定；本值为系统默认值 ⚠️，请按本地规程配置"

/**
 * The time limits in force. One version so far: the two-library measures (🔶, reported by 中国新闻网
 * 2022-04-08; the text sets no numbers) with our defaults. Verification follows the 15 working days
 * that 国家医保局令第4号 allows for checking a lead before deciding whether to file a case (🔶,
 * `regulations.md` §2.2).
 *
 * @category statute
 */
export const reviewTimeLimits: ReadonlyArray<Versioned<ReviewTimeLimits>> = [
  {
    effectiveFrom: "2022-04-08",
    effectiveTo: null,
    source: TWO_LIBRARIES,
    value: {
      first_review: { days: 5, basis: `初审 5 个工作日。${LOCAL_DEFAULT}` },
      second_review: { days: 5, basis: `复审 5 个工作日。${LOCAL_DEFAULT}` },
      institution_response: {
        days: 10,
        basis: `定点医药机构自收到疑点之日起 10 个工作日内反馈或申诉，逾期视为无异议。${LOCAL_DEFAULT}`
      },
      verification: {
        days: 15,
        basis: "调查核实 15 个工作日，与《医疗保障行政处罚程序暂行规定》（国家医疗保障局令第4号）立案前核查期限一致 🔶"
      },
      approval: { days: 5, basis: `审批 5 个工作日。${LOCAL_DEFAULT}` },
      data_correction: { days: 10, basis: `机构更正数据 10 个工作日。${LOCAL_DEFAULT}` }
    }
  }
]

/**
 * The step a lead in a status is waiting for, or null when nothing runs against a deadline.
 * `institution_responded` and `verifying` share the verification deadline: it starts when the
 * response arrives (or the response deadline lapses), not when someone opens the file.
 *
 * @category rules
 */
export const stepOfStatus = (status: SuspicionStatus): ReviewStep | null => {
  switch (status) {
    case "pending_first_review":
      return "first_review"
    case "pending_second_review":
      return "second_review"
    case "sent_to_institution":
      return "institution_response"
    case "institution_responded":
    case "verifying":
      return "verification"
    case "pending_approval":
      return "approval"
    case "awaiting_correction":
      return "data_correction"
    default:
      return null
  }
}

/**
 * A step's deadline and what it rests on.
 *
 * @category models
 */
export interface StepDeadline {
  readonly step: ReviewStep
  readonly days: number
  readonly dueDate: IsoDate
  /** The rule and the local basis of the number, for the record and the UI. */
  readonly source: string
  /**
   * True when the holiday data does not cover the period and the date was counted on weekends
   * only: a step is never blocked for want of next year's holiday notice, but the date is marked as
   * an estimate (it can only fall early, never late).
   */
  readonly estimated: boolean
}

/**
 * The deadline of a step opened on `openedOn` (the day of opening not counted, 民法典 Art.201), by
 * the time limits in force that day and the working-day calendar.
 *
 * @category rules
 */
export const deadlineFor = (
  step: ReviewStep,
  openedOn: IsoDate,
  calendar: WorkingCalendarShape,
  limits: ReadonlyArray<Versioned<ReviewTimeLimits>> = reviewTimeLimits
): StepDeadline => {
  const version = inForceOrEarliest(limits, openedOn)
  const limit = version.value[step]
  const source = `${version.source}。${limit.basis}`
  const counted = addWorkingDays(calendar, openedOn, limit.days)
  if (Either.isRight(counted)) return { step, days: limit.days, dueDate: counted.right, source, estimated: false }
  const year = Number(openedOn.slice(0, 4))
  const estimate = addWorkingDays(weekendsOnlyCalendar(year, year + 2), openedOn, limit.days)
  return {
    step,
    days: limit.days,
    dueDate: Either.getOrThrow(estimate),
    source: `${source}。${counted.left.message}，期限按仅扣除周末估算`,
    estimated: true
  }
}

/**
 * Whether a deadline has passed on `today` (the due date itself is still in time).
 *
 * @category rules
 */
export const isOverdue = (dueDate: string | null, today: IsoDate): boolean => dueDate !== null && dueDate < today
