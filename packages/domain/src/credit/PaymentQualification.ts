/**
 * 医保支付资格 points (“驾照式记分”) of the registered staff of 定点医药机构: the scheme as versioned legal
 * data, and the pure rules that turn a person's point events into the consequences the scheme gives —
 * 暂停 at 9 points in a calendar year, 终止 at 12 (with a bar on re-registration: 1 year, or 3 years when
 * 12 points come from one event) — applied on the day the threshold is crossed and lifted on the day
 * they end.
 *
 * Sources 🔶 (regulations.md §6.1; the official originals were not read): 国家医保局、国家卫生健康委、国家药监局
 * 《关于建立定点医药机构相关人员医保支付资格管理制度的指导意见》(医保发〔2024〕23号) and 国家医疗保障局办公室
 * 《医疗保障定点医药机构相关人员医保支付资格管理经办规程(试行)》(医保办发〔2024〕34号). No province's text is
 * cited here: a province that sets its own rules adds a scheme for its region.
 *
 * @since 0.5.0
 */
import { addDays, addMonths, addYears, type IsoDate } from "../kernel/IsoDate.js"

/**
 * A points scheme in force from a date in a region (`000000`: the whole country).
 *
 * @category models
 */
export interface PointScheme {
  readonly id: string
  /** The region it applies to: `000000` nationally, a province `xx0000`, a city `xxxx00`. */
  readonly region: string
  readonly effectiveFrom: IsoDate
  readonly name: string
  /** Annual total at which the payment qualification is suspended (暂停). */
  readonly suspensionAt: number
  /** Annual total at which it is terminated (终止). */
  readonly terminationAt: number
  /** The suspension's length in months: the bureau chooses within [min, max]; `default` when it has not. */
  readonly suspensionMonths: { readonly min: number; readonly max: number; readonly default: number }
  /** Years without re-registration after a termination: by accumulation, or by one event of `singleEventPoints`. */
  readonly barYears: { readonly accumulated: number; readonly singleEvent: number }
  readonly singleEventPoints: number
  /** The point tiers of one event (by how serious the event is). */
  readonly tiers: ReadonlyArray<{ readonly min: number; readonly max: number; readonly label: string }>
  readonly sources: ReadonlyArray<string>
  /** What of this scheme is confirmed, from where, and what is FundGuard's own default. */
  readonly notes: ReadonlyArray<string>
}

/**
 * The national scheme (医保发〔2024〕23号 + 医保办发〔2024〕34号) 🔶. FundGuard's own defaults are flagged ⚠️
 * in `notes`: the start date, the suspension's default length, and when a consequence starts and ends.
 *
 * @category parameters
 */
export const nationalPointScheme: PointScheme = {
  id: "cn-2024-23",
  region: "000000",
  effectiveFrom: "2025-01-01" as IsoDate,
  name: "全国（医保发〔2024〕23号、医保办发〔2024〕34号）",
  suspensionAt: 9,
  terminationAt: 12,
  suspensionMonths: { min: 1, max: 6, default: 1 },
  barYears: { accumulated: 1, singleEvent: 3 },
  singleEventPoints: 12,
  tiers: [
    { min: 1, max: 3, label: "1–3分" },
    { min: 4, max: 6, label: "4–6分" },
    { min: 7, max: 9, label: "7–9分" },
    { min: 10, max: 12, label: "10–12分" }
  ],
  sources: [
    "国家医保局、国家卫生健康委、国家药监局《关于建立定点医药机构相关人员医保支付资格管理制度的指导意见》(医保发〔2024〕23号) 🔶",
    "国家医疗保障局办公室《医疗保障定点医药机构相关人员医保支付资格管理经办规程(试行)》(医保办发〔2024〕34号, 2024-12-18) 🔶"
  ],
  notes: [
    "记分周期为自然年度，年度内累加，次年清零 🔶",
    "一个自然年度内累计记分达到9分的，暂停医保支付资格1–6个月；暂停期间提供的医药服务，除急救、抢救外，医保基金不予结算 🔶",
    "累计记分达到12分的，终止医保支付资格，终止之日起1年内不得再次登记备案；一次性记满12分的，3年内不得再次登记备案 🔶",
    "施行日期取2025-01-01（与处罚裁量引擎的记分起算日一致）⚠️ 原文未核对",
    "暂停期限由医保部门在1–6个月内确定；未确定时本系统默认1个月（取最轻）⚠️ 本地须确认",
    "暂停、终止自记分决定之日起算；暂停期满之日、不得再次登记备案期满之日恢复（按自然月、自然年计算，民法典第二百零二条）⚠️ 原文未核对",
    "每个责任等级（一般、重要、主要责任）对应的具体分值未见全国规定 ⚠️：由经办人员在事件的分档内确定",
    "记分修复（参加培训等）的分值和次数未见全国规定 ⚠️：本系统暂不支持修复"
  ]
}

/**
 * Every points scheme FundGuard knows, national first. A province adds its own (with its region and
 * its own sources) — and is then the only place its text is cited.
 *
 * @category parameters
 */
export const pointSchemes: ReadonlyArray<PointScheme> = [nationalPointScheme]

const covers = (schemeRegion: string, region: string): boolean =>
  schemeRegion === "000000" || region.startsWith(schemeRegion.replace(/(00)+$/, ""))

/**
 * The scheme in force in `region` on `on`: the most specific region's, latest in force; null before
 * any scheme began (no points can be given then).
 *
 * @category rules
 */
export const schemeFor = (
  region: string,
  on: IsoDate,
  schemes: ReadonlyArray<PointScheme> = pointSchemes
): PointScheme | null => {
  const candidates = schemes
    .filter((s) => covers(s.region, region) && s.effectiveFrom <= on)
    .sort(
      (a, b) =>
        b.region.replace(/(00)+$/, "").length - a.region.replace(/(00)+$/, "").length ||
        (a.effectiveFrom < b.effectiveFrom ? 1 : a.effectiveFrom > b.effectiveFrom ? -1 : 0)
    )
  return candidates[0] ?? null
}

/**
 * The responsibility a person bears for the event (Beijing's wording 🔶): it places the points within
 * the event's tier; points per level are not published nationally ⚠️.
 *
 * @category models
 */
export type Responsibility = "general" | "important" | "primary"

/** @category formatting */
export const responsibilityLabel: Readonly<Record<Responsibility, string>> = {
  general: "一般责任",
  important: "重要责任",
  primary: "主要责任"
}

/**
 * A suggestion only ⚠️ (no national table): 一般责任 the tier's lowest points, 主要责任 its highest,
 * 重要责任 the middle. The officer decides.
 *
 * @category rules
 */
export const suggestedPoints = (tier: { readonly min: number; readonly max: number }, r: Responsibility): number =>
  r === "general" ? tier.min : r === "primary" ? tier.max : Math.round((tier.min + tier.max) / 2)

/**
 * One point event of a person, as the rules need it.
 *
 * @category models
 */
export interface PointEvent {
  readonly id: string
  /** The day the points were decided (记分决定之日). */
  readonly decidedOn: IsoDate
  readonly points: number
  /** The suspension the bureau chose (months) if this event brings the year to the suspension threshold. */
  readonly suspensionMonths: number | null
}

/**
 * A consequence in force over a period: from `from` (inclusive) until `liftedOn` (exclusive: the
 * first day the person is back — or, after a termination, may register again).
 *
 * @category models
 */
export interface QualificationPeriod {
  readonly kind: "suspension" | "termination"
  readonly from: IsoDate
  /** The last day of the consequence. */
  readonly until: IsoDate
  readonly liftedOn: IsoDate
  /** The event that crossed the threshold. */
  readonly causeEventId: string
  /** The year's total after that event. */
  readonly yearTotal: number
  /** Months of a suspension; years without re-registration of a termination. */
  readonly length: number
  /** A termination from 12 points in one event (the 3-year bar). */
  readonly singleEvent: boolean
  /** A suspension cut short by a termination that began while it ran. */
  readonly superseded: boolean
}

const yearOf = (date: IsoDate): number => Number(date.slice(0, 4))

/**
 * The points of each calendar year (they reset on 1 January).
 *
 * @category rules
 */
export const pointsByYear = (events: ReadonlyArray<PointEvent>): ReadonlyArray<{ year: number; points: number }> => {
  const totals = new Map<number, number>()
  for (const e of events) totals.set(yearOf(e.decidedOn), (totals.get(yearOf(e.decidedOn)) ?? 0) + e.points)
  return [...totals.entries()].sort(([a], [b]) => a - b).map(([year, points]) => ({ year, points }))
}

/**
 * The consequences a person's events bring, in order: a suspension when the year's total first
 * reaches `suspensionAt` (and stays below `terminationAt`), a termination when it first reaches
 * `terminationAt` or when one event gives `singleEventPoints`. A termination ends a suspension still
 * running. Events are taken by decision date (then in the order given).
 *
 * @category rules
 */
export const qualificationPeriods = (
  events: ReadonlyArray<PointEvent>,
  scheme: PointScheme = nationalPointScheme
): ReadonlyArray<QualificationPeriod> => {
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.decidedOn < b.e.decidedOn ? -1 : a.e.decidedOn > b.e.decidedOn ? 1 : a.i - b.i))
    .map(({ e }) => e)
  const totals = new Map<number, number>()
  const periods: Array<QualificationPeriod> = []
  for (const e of sorted) {
    const year = yearOf(e.decidedOn)
    const before = totals.get(year) ?? 0
    const after = before + e.points
    totals.set(year, after)
    const single = e.points >= scheme.singleEventPoints
    if (single || (before < scheme.terminationAt && after >= scheme.terminationAt)) {
      const years = single ? scheme.barYears.singleEvent : scheme.barYears.accumulated
      // A suspension still running ends where the termination begins (one that would begin the same
      // day never runs).
      for (const [i, p] of [...periods.entries()].reverse())
        if (p.kind === "suspension" && p.from <= e.decidedOn && e.decidedOn < p.liftedOn) {
          if (p.from === e.decidedOn) periods.splice(i, 1)
          else periods[i] = { ...p, until: addDays(e.decidedOn, -1), liftedOn: e.decidedOn, superseded: true }
        }
      const liftedOn = addYears(e.decidedOn, years)
      periods.push({
        kind: "termination",
        from: e.decidedOn,
        until: addDays(liftedOn, -1),
        liftedOn,
        causeEventId: e.id,
        yearTotal: after,
        length: years,
        singleEvent: single,
        superseded: false
      })
    } else if (before < scheme.suspensionAt && after >= scheme.suspensionAt) {
      const months = e.suspensionMonths ?? scheme.suspensionMonths.default
      const liftedOn = addMonths(e.decidedOn, months)
      periods.push({
        kind: "suspension",
        from: e.decidedOn,
        until: addDays(liftedOn, -1),
        liftedOn,
        causeEventId: e.id,
        yearTotal: after,
        length: months,
        singleEvent: false,
        superseded: false
      })
    }
  }
  return periods
}

/**
 * Where a person's payment qualification stands on a day.
 *
 * @category models
 */
export interface QualificationStatus {
  readonly state: "normal" | "suspended" | "terminated"
  /** The consequence in force (null when normal). */
  readonly period: QualificationPeriod | null
  /** The points of the calendar year of the day. */
  readonly yearPoints: number
  /** Points left in the year before a suspension, before a termination (0 when reached). */
  readonly toSuspension: number
  readonly toTermination: number
  /** After a termination's bar has ended: the person must register again (登记备案) before practising under 医保. */
  readonly mustReRegister: boolean
}

/**
 * The status of a person on `on`: terminated while a termination's bar runs, suspended while a
 * suspension runs, otherwise normal; with the year's points. Consequences are lifted on their
 * `liftedOn` without any act of the bureau.
 *
 * @category rules
 */
export const qualificationStatus = (
  events: ReadonlyArray<PointEvent>,
  on: IsoDate,
  scheme: PointScheme = nationalPointScheme
): QualificationStatus => {
  const known = events.filter((e) => e.decidedOn <= on)
  const periods = qualificationPeriods(known, scheme)
  const running = periods.filter((p) => p.from <= on && on < p.liftedOn)
  const latest = (kind: QualificationPeriod["kind"]) =>
    running.filter((p) => p.kind === kind).sort((a, b) => (a.liftedOn < b.liftedOn ? 1 : -1))[0] ?? null
  const period = latest("termination") ?? latest("suspension")
  const yearPoints = pointsByYear(known).find((y) => y.year === yearOf(on))?.points ?? 0
  const ended = periods.some((p) => p.kind === "termination" && p.liftedOn <= on)
  return {
    state: period === null ? "normal" : period.kind === "termination" ? "terminated" : "suspended",
    period,
    yearPoints,
    toSuspension: Math.max(0, scheme.suspensionAt - yearPoints),
    toTermination: Math.max(0, scheme.terminationAt - yearPoints),
    mustReRegister: period === null && ended
  }
}

/**
 * Whether the fund settles a service the person provides on a day of this status: not while
 * suspended or terminated, except 急救、抢救 (医保发〔2024〕23号 🔶).
 *
 * @category rules
 */
export const fundSettles = (status: QualificationStatus, emergency: boolean): boolean =>
  status.state === "normal" || emergency

/**
 * A change of status on a day: a consequence begins or is lifted.
 *
 * @category models
 */
export interface QualificationTransition {
  readonly kind: "suspension_start" | "suspension_end" | "termination_start" | "termination_end"
  readonly on: IsoDate
  readonly period: QualificationPeriod
}

/** @category formatting */
export const transitionLabel: Readonly<Record<QualificationTransition["kind"], string>> = {
  suspension_start: "暂停医保支付资格",
  suspension_end: "暂停期满，恢复医保支付资格",
  termination_start: "终止医保支付资格",
  termination_end: "不得再次登记备案期满"
}

/**
 * Every begin and lift of the person's consequences up to and including `on`, in date order: what
 * the daily pass records (once each) and audits.
 *
 * @category rules
 */
export const transitionsUpTo = (
  events: ReadonlyArray<PointEvent>,
  on: IsoDate,
  scheme: PointScheme = nationalPointScheme
): ReadonlyArray<QualificationTransition> =>
  qualificationPeriods(
    events.filter((e) => e.decidedOn <= on),
    scheme
  )
    .flatMap(
      (p): Array<QualificationTransition> => [
        { kind: p.kind === "suspension" ? "suspension_start" : "termination_start", on: p.from, period: p },
        { kind: p.kind === "suspension" ? "suspension_end" : "termination_end", on: p.liftedOn, period: p }
      ]
    )
    .filter((t) => t.on <= on)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
