/**
 * The time limits of the administrative-penalty procedure (行政处罚程序时限) as data versioned by
 * effective date, each with its source and how sure we are of it (`regulations.md` §2.2: ✅ read in
 * the primary text; 🔶 secondary source; ⚠️ unverified — a setting the bureau must confirm), and the
 * day counting of 民法典 Art.200–204: a period in days or months starts the day after the event;
 * one that ends on a rest day ends on the next working day; "working days" count working days only.
 *
 * @since 0.4.0
 */
import type * as Either from "effect/Either"
import { addDays, addMonths, type IsoDate } from "../kernel/IsoDate.js"
import { roundYuan } from "../kernel/Money.js"
import {
  addWorkingDays,
  onOrNextWorkingDay,
  type CalendarYearNotCovered,
  type WorkingCalendarShape
} from "../kernel/WorkingCalendar.js"
import { inForceOrEarliest, type Versioned } from "../penalty/LegalParameters.js"

/**
 * A step of the procedure that runs against a time limit.
 *
 * @category models
 */
export type ProcedureStep =
  | "filing"
  | "filingExtension"
  | "preservationDecision"
  | "sealing"
  | "sealingExtension"
  | "decision"
  | "decisionExtension"
  | "statement"
  | "hearingRequest"
  | "hearingNotice"
  | "legalReview"
  | "service"
  | "payment"
  | "reconsideration"
  | "litigation"
  | "courtEnforcement"
  | "demandBeforeEnforcement"
  | "limitation"

/** @category formatting */
export const procedureStepLabel: Readonly<Record<ProcedureStep, string>> = {
  filing: "立案（核查线索并决定是否立案）",
  filingExtension: "立案期限延长",
  preservationDecision: "先行登记保存后作出处理决定",
  sealing: "查封、扣押（封存）期限",
  sealingExtension: "查封、扣押（封存）延长",
  decision: "作出行政处罚决定",
  decisionExtension: "办案期限延长",
  statement: "陈述、申辩",
  hearingRequest: "当事人要求听证",
  hearingNotice: "听证通知（举行前）",
  legalReview: "法制审核",
  service: "送达行政处罚决定书（当事人不在场）",
  payment: "缴纳罚款",
  reconsideration: "申请行政复议",
  litigation: "提起行政诉讼",
  courtEnforcement: "申请人民法院强制执行",
  demandBeforeEnforcement: "催告后申请强制执行",
  limitation: "追责时效"
}

/**
 * How a limit is counted.
 *
 * @category models
 */
export type LimitUnit = "working_days" | "days" | "months" | "years"

/**
 * One time limit: the amount, how it is counted, its source, and our confidence in it.
 *
 * @category models
 */
export interface ProcedureLimit {
  readonly amount: number
  readonly unit: LimitUnit
  readonly basis: string
  readonly confidence: "✅" | "🔶" | "⚠️"
}

/**
 * The limits of every step, plus the late-payment surcharge (加处罚款).
 *
 * @category models
 */
export interface ProcedureLimits {
  readonly steps: Readonly<Record<ProcedureStep, ProcedureLimit>>
  /** Daily surcharge on an unpaid fine, as a share of the fine, capped at the fine (APL Art.72). */
  readonly surcharge: { readonly dailyRate: number; readonly capShareOfFine: number; readonly basis: string }
}

const APL = "《中华人民共和国行政处罚法》（2021年修订）"
const ACL = "《中华人民共和国行政强制法》"
const O4 = "《医疗保障行政处罚程序暂行规定》（国家医疗保障局令第4号，2021-07-15施行）"
const UNCONFIRMED = "未读到原文，系统默认值 ⚠️：请按本地规程核定后修改"

/**
 * The limits in force: one version, from Order 4's entry into force (2021-07-15). Numbers marked ⚠️
 * are defaults of ours until the bureau confirms them from the full text of Order 4 or its own
 * procedure rules (`regulations.md` §2.2, §8).
 *
 * @category statute
 */
export const procedureLimits: ReadonlyArray<Versioned<ProcedureLimits>> = [
  {
    effectiveFrom: "2021-07-15",
    effectiveTo: null,
    source: `${O4}；${APL}；${ACL}`,
    value: {
      steps: {
        filing: {
          amount: 15,
          unit: "working_days",
          basis: `${O4}（据人民日报摘要）：发现线索或收到材料之日起15个工作日内核查并决定是否立案`,
          confidence: "🔶"
        },
        filingExtension: {
          amount: 15,
          unit: "working_days",
          basis: `${O4} 第十四条（第三方系统注释，${UNCONFIRMED}）：特殊情况可延长15个工作日`,
          confidence: "⚠️"
        },
        preservationDecision: {
          amount: 7,
          unit: "days",
          basis: `${APL} 第五十六条：先行登记保存的，应当在七日内及时作出处理决定（医保规章是否按工作日计：${UNCONFIRMED}）`,
          confidence: "✅"
        },
        sealing: {
          amount: 30,
          unit: "days",
          basis: `${ACL} 第二十五条：查封、扣押的期限不得超过三十日`,
          confidence: "✅"
        },
        sealingExtension: {
          amount: 30,
          unit: "days",
          basis: `${ACL} 第二十五条：情况复杂的，经行政机关负责人批准可以延长，延长期限不得超过三十日`,
          confidence: "✅"
        },
        decision: {
          amount: 90,
          unit: "days",
          basis: `${APL} 第六十条：自行政处罚案件立案之日起九十日内作出行政处罚决定`,
          confidence: "✅"
        },
        decisionExtension: {
          amount: 30,
          unit: "days",
          basis: `${O4}（第三方系统注释，${UNCONFIRMED}）：经负责人批准可延长三十日；再延长须集体讨论`,
          confidence: "⚠️"
        },
        statement: {
          amount: 3,
          unit: "working_days",
          basis: `${APL} 第四十五条未规定天数；${UNCONFIRMED}`,
          confidence: "⚠️"
        },
        hearingRequest: {
          amount: 5,
          unit: "days",
          basis: `${APL} 第六十四条第一项：当事人要求听证的，应当在行政机关告知后五日内提出`,
          confidence: "✅"
        },
        hearingNotice: {
          amount: 7,
          unit: "days",
          basis: `${APL} 第六十四条第二项：行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点`,
          confidence: "✅"
        },
        legalReview: {
          amount: 10,
          unit: "working_days",
          basis: `${O4} 第四十条（第三方系统注释，${UNCONFIRMED}）`,
          confidence: "⚠️"
        },
        service: {
          amount: 7,
          unit: "days",
          basis: `${APL} 第六十一条：当事人不在场的，行政机关应当在七日内依照《民事诉讼法》的有关规定送达`,
          confidence: "✅"
        },
        payment: {
          amount: 15,
          unit: "days",
          basis: `${APL} 第六十七条：当事人应当自收到行政处罚决定书之日起十五日内缴纳罚款`,
          confidence: "✅"
        },
        reconsideration: {
          amount: 60,
          unit: "days",
          basis: "《中华人民共和国行政复议法》（2023）第二十条：知道或者应当知道之日起六十日内提出行政复议申请",
          confidence: "✅"
        },
        litigation: {
          amount: 6,
          unit: "months",
          basis: "《中华人民共和国行政诉讼法》第四十六条：知道或者应当知道作出行政行为之日起六个月内提出",
          confidence: "✅"
        },
        courtEnforcement: {
          amount: 3,
          unit: "months",
          basis: `${ACL} 第五十三条：期限届满之日起三个月内，申请人民法院强制执行`,
          confidence: "✅"
        },
        demandBeforeEnforcement: {
          amount: 10,
          unit: "days",
          basis: `${ACL} 第五十四条：催告书送达十日后当事人仍未履行的，可以申请人民法院强制执行`,
          confidence: "✅"
        },
        limitation: {
          amount: 2,
          unit: "years",
          basis: `${APL} 第三十六条：违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，延长至五年（医保骗保是否适用五年：${UNCONFIRMED}）`,
          confidence: "✅"
        }
      },
      surcharge: {
        dailyRate: 0.03,
        capShareOfFine: 1,
        basis: `${APL} 第七十二条第一项：到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额`
      }
    }
  }
]

/**
 * The last day of a step's limit counted from `from` (the day of the event: the notice served, the
 * case filed …), with `extra` limits of the same unit added (an approved extension): working days
 * count working days; days, months and years end on the next working day when they end on a rest
 * day (民法典 Art.203).
 *
 * @category rules
 */
export const stepDeadline = (
  calendar: WorkingCalendarShape,
  limit: ProcedureLimit,
  from: IsoDate,
  extra = 0
): Either.Either<IsoDate, CalendarYearNotCovered> => {
  const amount = limit.amount + extra
  switch (limit.unit) {
    case "working_days":
      return addWorkingDays(calendar, from, amount)
    case "days":
      return onOrNextWorkingDay(calendar, addDays(from, amount))
    case "months":
      return onOrNextWorkingDay(calendar, addMonths(from, amount))
    case "years":
      return onOrNextWorkingDay(calendar, addMonths(from, amount * 12))
  }
}

/**
 * The limits in force on `date` (the earliest version before the first took effect).
 *
 * @category rules
 */
export const procedureLimitsOn = (date: IsoDate): Versioned<ProcedureLimits> => inForceOrEarliest(procedureLimits, date)

/**
 * The late-payment surcharge (加处罚款) on a fine due on `dueOn` and paid (or counted) on `paidOn`:
 * the daily rate for every day after the due date, never more than the cap (APL Art.72). Not
 * counted while 复议 or 诉讼 suspends it (APL Art.73): pass those days as `suspendedDays`.
 *
 * @category rules
 */
export const lateSurcharge = (
  fine: number,
  dueOn: IsoDate,
  paidOn: IsoDate,
  limits: ProcedureLimits,
  suspendedDays = 0
): { readonly days: number; readonly amount: number; readonly capped: boolean } => {
  const late = Math.round((Date.parse(`${paidOn}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000)
  const days = Math.max(0, late - suspendedDays)
  const uncapped = fine * limits.surcharge.dailyRate * days
  const cap = fine * limits.surcharge.capShareOfFine
  return { days, amount: roundYuan(Math.min(uncapped, cap)), capped: uncapped > cap }
}
