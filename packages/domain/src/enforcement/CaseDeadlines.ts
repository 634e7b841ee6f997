/**
 * A case's deadlines from what has happened in it (案件时限): for each step of the procedure that has
 * started, its last day by `procedureLimits`, who must act (the bureau, or the party exercising a
 * right), and where it stands today — so the case officer sees each one before it passes.
 *
 * @since 0.4.0
 */
import * as Either from "effect/Either"
import { addDays, type IsoDate } from "../kernel/IsoDate.js"
import type { CalendarYearNotCovered, WorkingCalendarShape } from "../kernel/WorkingCalendar.js"
import {
  procedureStepLabel,
  stepDeadline,
  type ProcedureLimit,
  type ProcedureLimits,
  type ProcedureStep
} from "./ProcedureLimits.js"

/**
 * What has happened in a case so far (null or absent: not yet).
 *
 * @category models
 */
export interface CaseEvents {
  /** The lead discovered or the materials received (发现线索、收到材料). */
  readonly discoveredOn: IsoDate
  readonly filingExtended?: boolean
  readonly filedOn?: IsoDate | null
  /** Approved extensions of the decision deadline (each `decisionExtension` long). */
  readonly decisionExtensions?: number
  /** 行政处罚事先告知书 served on the party. */
  readonly noticeServedOn?: IsoDate | null
  readonly statementMadeOn?: IsoDate | null
  readonly hearingRequestedOn?: IsoDate | null
  readonly hearingOn?: IsoDate | null
  readonly hearingNoticeSentOn?: IsoDate | null
  readonly decidedOn?: IsoDate | null
  /** 行政处罚决定书 served on the party. */
  readonly decisionServedOn?: IsoDate | null
  readonly paidOn?: IsoDate | null
}

/**
 * Where a deadline stands: the bureau's duties are met (on time or late), open or overdue; the
 * party's rights are used, open, or have passed.
 *
 * @category models
 */
export type DeadlineState = "met" | "met_late" | "open" | "overdue" | "used" | "passed"

/**
 * One deadline of a case.
 *
 * @category models
 */
export interface CaseDeadline {
  readonly step: ProcedureStep
  readonly label: string
  /** Who must act by the date: the bureau, or the party (a right it may use). */
  readonly by: "bureau" | "party"
  readonly dueOn: IsoDate
  readonly doneOn: IsoDate | null
  readonly state: DeadlineState
  readonly basis: string
  readonly confidence: ProcedureLimit["confidence"]
}

/**
 * The deadlines of the steps a case has reached, in the order of the procedure.
 *
 * @category rules
 */
export const caseDeadlines = (
  calendar: WorkingCalendarShape,
  limits: ProcedureLimits,
  events: CaseEvents,
  today: IsoDate
): Either.Either<ReadonlyArray<CaseDeadline>, CalendarYearNotCovered> => {
  const deadlines: Array<CaseDeadline> = []
  const add = (
    step: ProcedureStep,
    by: CaseDeadline["by"],
    dueOn: IsoDate,
    doneOn: IsoDate | null | undefined
  ): void => {
    const done = doneOn ?? null
    const state: DeadlineState =
      by === "bureau"
        ? done !== null
          ? done <= dueOn
            ? "met"
            : "met_late"
          : today > dueOn
            ? "overdue"
            : "open"
        : done !== null
          ? "used"
          : today > dueOn
            ? "passed"
            : "open"
    const limit = limits.steps[step]
    deadlines.push({
      step,
      label: procedureStepLabel[step],
      by,
      dueOn,
      doneOn: done,
      state,
      basis: limit.basis,
      confidence: limit.confidence
    })
  }
  const from = (step: ProcedureStep, on: IsoDate, extra = 0) => stepDeadline(calendar, limits.steps[step], on, extra)

  return Either.gen(function* () {
    const extension = events.filingExtended === true ? limits.steps.filingExtension.amount : 0
    add("filing", "bureau", yield* from("filing", events.discoveredOn, extension), events.filedOn)
    if (events.filedOn) {
      const extra = (events.decisionExtensions ?? 0) * limits.steps.decisionExtension.amount
      add("decision", "bureau", yield* from("decision", events.filedOn, extra), events.decidedOn)
    }
    if (events.noticeServedOn) {
      add("statement", "party", yield* from("statement", events.noticeServedOn), events.statementMadeOn)
      add("hearingRequest", "party", yield* from("hearingRequest", events.noticeServedOn), events.hearingRequestedOn)
    }
    // The hearing notice runs backwards: at least seven days before the hearing (APL Art.64).
    if (events.hearingOn)
      add(
        "hearingNotice",
        "bureau",
        addDays(events.hearingOn, -limits.steps.hearingNotice.amount),
        events.hearingNoticeSentOn
      )
    if (events.decidedOn) add("service", "bureau", yield* from("service", events.decidedOn), events.decisionServedOn)
    if (events.decisionServedOn) {
      add("payment", "party", yield* from("payment", events.decisionServedOn), events.paidOn)
      add("reconsideration", "party", yield* from("reconsideration", events.decisionServedOn), null)
      const litigation = yield* from("litigation", events.decisionServedOn)
      add("litigation", "party", litigation, null)
      // Unpaid once the windows to challenge have closed: apply to the court within three months.
      if (!events.paidOn) add("courtEnforcement", "bureau", yield* from("courtEnforcement", litigation), null)
    }
    return deadlines
  })
}
