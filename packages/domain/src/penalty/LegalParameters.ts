/**
 * Legal parameters as data, versioned by the date they took effect. Code never writes a statutory
 * number inline: it asks for the version in force on a date and cites the version's source.
 *
 * Confidence follows `shared/reference/regulations.md`: ✅ read in the primary text; 🔶 secondary
 * source — kept here as a default that a bureau's benchmark file can override.
 *
 * @since 0.1.0
 */
import type { IsoDate } from "../kernel/IsoDate.js"

/**
 * A value with the period it is in force and the text it comes from.
 *
 * @category models
 */
export interface Versioned<A> {
  readonly effectiveFrom: string
  /** Last day in force, or null while in force. */
  readonly effectiveTo: string | null
  readonly source: string
  readonly value: A
}

/**
 * The version in force on `date`, or undefined when none was.
 *
 * @category combinators
 */
export const inForce = <A>(versions: ReadonlyArray<Versioned<A>>, date: IsoDate): Versioned<A> | undefined =>
  versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo))

/**
 * The version in force on `date`; before the first version took effect, the earliest one (the
 * caller's facts predate the data, and the explanation cites the version used).
 *
 * @category combinators
 */
export const inForceOrEarliest = <A>(versions: ReadonlyArray<Versioned<A>>, date: IsoDate): Versioned<A> =>
  inForce(versions, date) ?? versions.reduce((a, b) => (b.effectiveFrom < a.effectiveFrom ? b : a))

/**
 * A fine expressed as a multiple of an amount (the loss, or the defrauded amount).
 *
 * @category models
 */
export interface MultipleRange {
  readonly basis: "loss" | "defrauded"
  readonly min: number
  readonly max: number
}

/** @category models */
export interface MonthsRange {
  readonly min: number
  readonly max: number
}

const R735 = "《医疗保障基金使用监督管理条例》(国务院令第735号)"
const R735_FROM = "2021-05-01"

/**
 * 条例 Art.38 ✅: 造成医疗保障基金损失的，责令退回，处造成损失金额1倍以上2倍以下的罚款.
 *
 * @category statute
 */
export const article38Fine: ReadonlyArray<Versioned<MultipleRange>> = [
  {
    effectiveFrom: R735_FROM,
    effectiveTo: null,
    source: `${R735}第三十八条`,
    value: { basis: "loss", min: 1, max: 2 }
  }
]

/**
 * 条例 Art.40 ✅: 责令退回，处骗取金额2倍以上5倍以下的罚款.
 *
 * @category statute
 */
export const article40Fine: ReadonlyArray<Versioned<MultipleRange>> = [
  {
    effectiveFrom: R735_FROM,
    effectiveTo: null,
    source: `${R735}第四十条`,
    value: { basis: "defrauded", min: 2, max: 5 }
  }
]

/**
 * 条例 Art.38 (拒不改正或者造成严重后果) and Art.40 ✅: 责令定点医药机构暂停相关责任部门6个月以上1年以下
 * 涉及医疗保障基金使用的医药服务.
 *
 * @category statute
 */
export const departmentSuspension: ReadonlyArray<Versioned<MonthsRange>> = [
  {
    effectiveFrom: R735_FROM,
    effectiveTo: null,
    source: `${R735}第三十八条、第四十条`,
    value: { min: 6, max: 12 }
  }
]

/**
 * 行政处罚法 Art.36 ✅: 违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，
 * 上述期限延长至五年. Counted from the day the act ended (连续或者继续状态的，从行为终了之日起计算).
 *
 * @category statute
 */
export const limitationYears: ReadonlyArray<Versioned<{ readonly ordinary: number; readonly extended: number }>> = [
  {
    effectiveFrom: "2021-07-15",
    effectiveTo: null,
    source: "《中华人民共和国行政处罚法》(2021年修订)第三十六条",
    value: { ordinary: 2, extended: 5 }
  },
  {
    effectiveFrom: "1996-10-01",
    effectiveTo: "2021-07-14",
    source: "《中华人民共和国行政处罚法》(1996年)第二十九条",
    value: { ordinary: 2, extended: 2 }
  }
]

/**
 * 两高《关于办理诈骗刑事案件具体应用法律若干问题的解释》(法释〔2011〕7号) Art.1 ✅: 数额较大 is 3,000–10,000 yuan,
 * each province fixing its own figure; 3,000 is the national floor used where a province's figure is unknown.
 *
 * @category statute
 */
export const fraudThresholdFloor: ReadonlyArray<Versioned<number>> = [
  {
    effectiveFrom: "2011-04-08",
    effectiveTo: null,
    source: "法释〔2011〕7号 第一条（诈骗公私财物“数额较大”3000元至1万元以上）",
    value: 3000
  }
]

/**
 * Seed 004 ✅ (宁夏, 2022): 医保 hands findings on its list to 卫健 within 7 working days of the
 * penalty decision.
 *
 * @category statute
 */
export const healthCommissionTransferWorkingDays: ReadonlyArray<Versioned<number>> = [
  {
    effectiveFrom: "2022-08-05",
    effectiveTo: null,
    source: "《自治区医保局 卫生健康委关于建立医保基金监管联动工作机制的通知》三(二)",
    value: 7
  }
]

/**
 * 国务院令第310号 Art.5 ✅: the head decides within 3 days, and the case goes to the police within 24 hours.
 *
 * @category statute
 */
export const policeTransferDays: ReadonlyArray<
  Versioned<{ readonly approvalDays: number; readonly handoverHours: number }>
> = [
  {
    effectiveFrom: "2020-08-07",
    effectiveTo: null,
    source: "《行政执法机关移送涉嫌犯罪案件的规定》(国务院令第310号, 2020年修订)第五条",
    value: { approvalDays: 3, handoverHours: 24 }
  }
]

/**
 * 行政处罚法 Art.63 ✅ gives a hearing right for 较大数额罚款; the amounts are set locally. Default 🔶 from a
 * Guangdong city's 医疗保障行政处罚程序实施办法 Art.36/38: 公民 ≥ 5,000 元, 法人或其他组织 ≥ 100,000 元. A
 * province's benchmark overrides these.
 *
 * @category statute
 */
export const hearingThresholds: ReadonlyArray<
  Versioned<{ readonly individual: number; readonly organisation: number }>
> = [
  {
    effectiveFrom: "2021-07-15",
    effectiveTo: null,
    source:
      "《中华人民共和国行政处罚法》第六十三条；广东省某市《医疗保障行政处罚程序实施办法》第三十六条、第三十八条（默认值，待本省基准覆盖）",
    value: { individual: 5000, organisation: 100000 }
  }
]

/**
 * A fine of a fixed amount in yuan (条例 Art.39).
 *
 * @category models
 */
export interface FixedRange {
  readonly min: number
  readonly max: number
}

/**
 * 条例 Art.50 ✅: 本条例自2021年5月1日起施行. Before it, 《社会保险法》 Art.87–92 were the national law
 * for fund fraud (行政处罚法 Art.37, 从旧兼从轻, decides which one applies).
 *
 * @category statute
 */
export const regulationInForceFrom = R735_FROM

/**
 * 《行政处罚法》(2021年修订) took effect on 2021-07-15 ✅ (first-offence leniency, the no-fault rule and the
 * five-year limitation date from it).
 *
 * @category statute
 */
export const revisedPenaltyLawInForceFrom = "2021-07-15"

/**
 * 条例 Art.37 ✅ (经办机构骗取) and Art.41 ¶2 ✅ (个人骗取): 处骗取金额2倍以上5倍以下的罚款.
 *
 * @category statute
 */
export const article37Fine: ReadonlyArray<Versioned<MultipleRange>> = [
  {
    effectiveFrom: R735_FROM,
    effectiveTo: null,
    source: `${R735}第三十七条`,
    value: { basis: "defrauded", min: 2, max: 5 }
  }
]

/** @category statute */
export const article41Fine: ReadonlyArray<Versioned<MultipleRange>> = [
  {
    effectiveFrom: R735_FROM,
    effectiveTo: null,
    source: `${R735}第四十一条第二款`,
    value: { basis: "defrauded", min: 2, max: 5 }
  }
]

/**
 * 条例 Art.39 ✅: 拒不改正的，处1万元以上5万元以下的罚款.
 *
 * @category statute
 */
export const article39Fine: ReadonlyArray<Versioned<FixedRange>> = [
  { effectiveFrom: R735_FROM, effectiveTo: null, source: `${R735}第三十九条`, value: { min: 10000, max: 50000 } }
]

/**
 * 条例 Art.41 ✅: 属于参保人员的，暂停其医疗费用联网结算3个月至12个月.
 *
 * @category statute
 */
export const settlementSuspension: ReadonlyArray<Versioned<MonthsRange>> = [
  { effectiveFrom: R735_FROM, effectiveTo: null, source: `${R735}第四十一条`, value: { min: 3, max: 12 } }
]

/**
 * 条例 Art.43 ✅: 法定代表人或者主要负责人5年内禁止从事定点医药机构管理活动.
 *
 * @category statute
 */
export const managementBanYears: ReadonlyArray<Versioned<number>> = [
  { effectiveFrom: R735_FROM, effectiveTo: null, source: `${R735}第四十三条`, value: 5 }
]

const SIL = "《中华人民共和国社会保险法》"

/**
 * 《社会保险法》 Art.87 ✅ (经办机构 and 医疗机构、药品经营单位等社会保险服务机构 defrauding the fund) and Art.88 ✅
 * (anyone obtaining benefits by fraud): 责令退回，处骗取金额二倍以上五倍以下的罚款. In force since 2011-07-01;
 * for fund fraud the 条例 (2021-05-01) is the later rule (行政处罚法 Art.37 chooses between them).
 *
 * @category statute
 */
export const socialInsuranceFraudFine: ReadonlyArray<Versioned<MultipleRange>> = [
  {
    effectiveFrom: "2011-07-01",
    effectiveTo: null,
    source: `${SIL}第八十七条、第八十八条`,
    value: { basis: "defrauded", min: 2, max: 5 }
  }
]

/**
 * The 诈骗 数额 tiers of 法释〔2011〕7号 Art.1 ✅: each province fixes 数额较大 within 3,000–10,000, 数额巨大
 * within 30,000–100,000; 数额特别巨大 is 500,000 or more. A benchmark's figures are checked against these.
 *
 * @category statute
 */
export const fraudAmountTiers: ReadonlyArray<
  Versioned<{
    readonly large: { readonly min: number; readonly max: number }
    readonly huge: { readonly min: number; readonly max: number }
    readonly especiallyHuge: { readonly min: number }
  }>
> = [
  {
    effectiveFrom: "2011-04-08",
    effectiveTo: null,
    source: "法释〔2011〕7号 第一条",
    value: { large: { min: 3000, max: 10000 }, huge: { min: 30000, max: 100000 }, especiallyHuge: { min: 500000 } }
  }
]
