/**
 * Published decisions (公开的行政处罚决定) as precedents: the open corpus of 医保 penalty decisions published by
 * bureaus since the 条例 took effect, each exactly as published with its source; how a case is compared with
 * them (the article it is assessed under, the kind of party, whether aggravating facts were stated, the
 * region); the multiple comparable decisions settled on (the basis of the recommended fine); and the most
 * similar decisions for 类案推送.
 *
 * @since 0.5.0
 */
import * as Schema from "effect/Schema"
import { regionCoverage } from "./Benchmarks.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { roundYuan } from "../kernel/Money.js"
import { OrgKind } from "../kernel/Institution.js"
import { gradeWithinRange, summariseFactors, type FactorSummary } from "./Grade.js"
import { CaseFactors, type AssessmentInputJson } from "./PenaltyInput.js"
import { TransferTarget } from "./PenaltyResult.js"
import { violationEntry, ViolationCode } from "./Violation.js"
import { articleText } from "./internal/Wording.js"

/**
 * One decision as published.
 *
 * @category models
 */
export const PublishedDecision = Schema.Struct({
  id: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,80}$/)),
  source: Schema.Struct({
    url: Schema.String.pipe(Schema.pattern(/^https?:\/\/\S+$/)),
    title: Schema.String,
    publisher: Schema.String,
    kind: Schema.Literal("bureau_release", "typical_cases", "repost")
  }),
  /** The deciding bureau's division (GB/T 2260); a province-level code where only the province is known. */
  region: Schema.String.pipe(Schema.pattern(/^\d{6}$/)),
  regionName: Schema.String,
  decidedOn: Schema.NullOr(IsoDate),
  publishedOn: Schema.NullOr(IsoDate),
  decisionNumber: Schema.NullOr(Schema.String),
  subject: Schema.Struct({
    kind: Schema.Literal("institution", "individual", "agency", "staff"),
    orgKind: Schema.NullOr(OrgKind),
    hospitalLevel: Schema.NullOr(Schema.Literal("一级", "二级", "三级")),
    name: Schema.String
  }),
  violations: Schema.NonEmptyArray(
    Schema.Struct({
      code: ViolationCode,
      published: Schema.String,
      articleCited: Schema.NullOr(Schema.String),
      amount: Schema.Number.pipe(Schema.nonNegative()),
      amountBasis: Schema.Literal("loss", "defrauded"),
      /**
       * The multiple the page fines this item at, where it fines the parts of a decision at different
       * multiples (黔江: the Art.38 items 1倍, the fictitious service 2倍); absent when it states one multiple.
       */
      multiple: Schema.optional(Schema.Number.pipe(Schema.positive()))
    })
  ),
  /** The loss or defrauded amount the fine is based on (yuan). */
  amountTotal: Schema.Number.pipe(Schema.positive()),
  refund: Schema.NullOr(Schema.Number.pipe(Schema.nonNegative())),
  fine: Schema.Number.pipe(Schema.positive()),
  fineMultiple: Schema.Number.pipe(Schema.positive()),
  /** The page states the multiple itself (else it is fine ÷ amount). */
  multipleStated: Schema.Boolean,
  /** As published (10个半月 is 10.5). */
  suspensionMonths: Schema.NullOr(Schema.Number.pipe(Schema.between(0.5, 24))),
  agreementTerminated: Schema.Boolean,
  /**
   * The transfers the page states; null when it does not say. Silence is not "no transfer": a transfer of a
   * suspected crime is a separate act (行政执法机关移送涉嫌犯罪案件的规定, 国务院令第310号) that a penalty decision
   * need not mention.
   */
  transfers: Schema.NullOr(Schema.Array(TransferTarget)),
  intentToDefraud: Schema.Boolean,
  /** Only the facts the page states. */
  factors: CaseFactors,
  factorsPublished: Schema.String,
  grade: Schema.NullOr(Schema.String),
  notes: Schema.String
}).pipe(
  Schema.filter((d) => {
    const problems: Array<{ path: ReadonlyArray<string>; message: string }> = []
    // The arithmetic of the decision: the fine is the multiple of the amount (to the yuan, or to the
    // rounding of a stated multiple: 1.5 倍 may be 1.52 on the numbers).
    const computed = d.fine / d.amountTotal
    const tolerance = d.multipleStated ? 0.05 : 0.006
    if (Math.abs(computed - d.fineMultiple) > tolerance)
      problems.push({
        path: ["fineMultiple"],
        message: `罚款 ${d.fine} ÷ 金额 ${d.amountTotal} = ${computed.toFixed(3)}，与倍数 ${d.fineMultiple} 不符`
      })
    if (d.decidedOn === null && d.publishedOn === null)
      problems.push({ path: ["decidedOn"], message: "决定日期和公布日期至少有一个" })
    const date = d.decidedOn ?? d.publishedOn ?? "9999-12-31"
    if (date < "2021-05-01") problems.push({ path: ["decidedOn"], message: "条例2021-05-01施行，此前的决定不收录" })
    const split = d.violations.reduce((n, v) => n + v.amount, 0)
    if (split > 0 && Math.abs(split - d.amountTotal) > 1)
      problems.push({ path: ["violations"], message: `各项金额合计 ${split} 与 amountTotal ${d.amountTotal} 不符` })
    const parts = d.violations.filter((v) => v.multiple !== undefined)
    if (parts.length > 0) {
      if (parts.length < d.violations.length)
        problems.push({ path: ["violations"], message: "分项倍数须每项都有，或都没有" })
      else if (split === 0) problems.push({ path: ["violations"], message: "分项倍数须有分项金额" })
      else {
        const fine = d.violations.reduce((n, v) => n + v.amount * v.multiple!, 0)
        if (Math.abs(fine - d.fine) > Math.max(1, d.fine * 0.01))
          problems.push({
            path: ["violations"],
            message: `各项金额×分项倍数合计 ${fine.toFixed(2)} 与罚款 ${d.fine} 不符`
          })
      }
    }
    if (d.subject.kind === "institution" && d.subject.orgKind === null)
      problems.push({ path: ["subject", "orgKind"], message: "机构须有 orgKind" })
    return problems
  })
)
/** @category models */
export type PublishedDecision = typeof PublishedDecision.Type
/** @category models */
export type PublishedDecisionJson = typeof PublishedDecision.Encoded

/** The day a decision counts from: its decision date, else its publication date. @category rules */
export const decisionDateOf = (d: PublishedDecision): IsoDate => (d.decidedOn ?? d.publishedOn)!

/**
 * The assessment input (`penalty-assessment.md`) a decision's published facts amount to: its party, region,
 * date, violations (each amount; the total on the first item where the page did not split it) and the
 * factors it states.
 *
 * @category rules
 */
export const decisionInput = (d: PublishedDecision): AssessmentInputJson => {
  const split = d.violations.reduce((n, v) => n + v.amount, 0) > 0
  return {
    subject: {
      kind: d.subject.kind,
      orgKind: d.subject.orgKind,
      ...(d.subject.kind === "individual" ? { insured: true } : {})
    },
    region: d.region,
    decisionDate: decisionDateOf(d),
    violations: d.violations.map((v, i) => ({
      code: v.code,
      amount: split ? v.amount : i === 0 ? d.amountTotal : 0,
      ...(d.intentToDefraud ? { intentToDefraud: true } : {})
    })),
    factors: d.factors
  } as unknown as AssessmentInputJson
}

/**
 * What makes two cases comparable: the article the case is assessed under, the kind of party, and whether
 * aggravating facts (or statutory grounds for 减轻) were stated.
 *
 * @category models
 */
export interface PrecedentKey {
  readonly article: number
  readonly party: "定点医疗机构" | "定点零售药店" | "个人" | "经办机构" | "工作人员"
  readonly circumstances: "无从重情节" | "有从重情节" | "减轻"
  /**
   * Only decisions that also found this behaviour (a violation code), where the comparison is narrowed to the
   * same kind of act: a forged record is not a fictitious service.
   */
  readonly behaviour?: ViolationCode
}

/** @category formatting */
export const precedentKeyText = (k: PrecedentKey): string =>
  `条例${articleText(k.article)}、${k.party}、${k.circumstances}${k.behaviour === undefined ? "" : `、均有“${violationEntry(k.behaviour).behaviour}”行为`}`

const partyOf = (kind: string, orgKind: string | null | undefined): PrecedentKey["party"] =>
  kind === "institution"
    ? orgKind === "pharmacy"
      ? "定点零售药店"
      : "定点医疗机构"
    : kind === "individual"
      ? "个人"
      : kind === "agency"
        ? "经办机构"
        : "工作人员"

/**
 * The circumstances of a case for comparison, from the factors sorted by the benchmark's lists.
 *
 * @category rules
 */
export const circumstancesOf = (
  summary: FactorSummary,
  reduceBelowFloorFromGrounds = 2
): PrecedentKey["circumstances"] => {
  const grade = gradeWithinRange(summary, reduceBelowFloorFromGrounds)
  return grade === "减轻" ? "减轻" : grade === "从重" ? "有从重情节" : "无从重情节"
}

/**
 * The article a decision's case is assessed under: fraud (骗取) of an institution is Art.40, of an individual
 * Art.41 ¶2; otherwise the highest article of its items (Art.38 before Art.39).
 *
 * @category rules
 */
export const decisionArticle = (d: PublishedDecision): number => {
  const entries = d.violations.map((v) => violationEntry(v.code))
  const fraud = d.intentToDefraud || entries.some((e) => e.fraud)
  if (fraud) return d.subject.kind === "individual" ? 41 : d.subject.kind === "agency" ? 37 : 40
  const articles = entries.map((e) => e.article ?? 0).filter((a) => a > 0)
  return articles.includes(38) ? 38 : (articles[0] ?? 38)
}

/**
 * A decision's comparison key.
 *
 * @category rules
 */
export const decisionKey = (d: PublishedDecision): PrecedentKey => ({
  article: decisionArticle(d),
  party: partyOf(d.subject.kind, d.subject.orgKind),
  circumstances: circumstancesOf(summariseFactors(d.factors))
})

/**
 * A case's comparison key for one of its items.
 *
 * @category rules
 */
export const caseKey = (
  article: number,
  subject: { readonly kind: string; readonly orgKind?: string | null | undefined },
  summary: FactorSummary,
  reduceBelowFloorFromGrounds = 2
): PrecedentKey => ({
  article,
  party: partyOf(subject.kind, subject.orgKind ?? null),
  circumstances: circumstancesOf(summary, reduceBelowFloorFromGrounds)
})

const sameKey = (a: PrecedentKey, b: PrecedentKey) =>
  a.article === b.article && a.party === b.party && a.circumstances === b.circumstances

const sharesBehaviour = (s: PrecedentSample, key: PrecedentKey) =>
  key.behaviour === undefined || s.decision.violations.some((v) => v.code === key.behaviour)

const median = (values: ReadonlyArray<number>): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * One multiple a published decision settled on, for the article it applied: the decision's own multiple,
 * or — where the page fines its parts at different multiples — that of each article's part.
 *
 * @category models
 */
export interface PrecedentSample {
  readonly decision: PublishedDecision
  readonly key: PrecedentKey
  readonly amount: number
  readonly multiple: number
}

/**
 * The samples of a decision: one per article where the page fines its parts at different multiples,
 * else the decision as a whole.
 *
 * @category rules
 */
export const precedentSamples = (d: PublishedDecision): ReadonlyArray<PrecedentSample> => {
  const whole = decisionKey(d)
  if (!d.violations.every((v) => v.multiple !== undefined))
    return [{ decision: d, key: whole, amount: d.amountTotal, multiple: d.fineMultiple }]
  const byArticle = new Map<number, { amount: number; fine: number }>()
  for (const v of d.violations) {
    const entry = violationEntry(v.code)
    const article = entry.fraud ? whole.article : (entry.article ?? whole.article)
    const part = byArticle.get(article) ?? { amount: 0, fine: 0 }
    byArticle.set(article, { amount: part.amount + v.amount, fine: part.fine + v.amount * v.multiple! })
  }
  return [...byArticle].map(([article, part]) => ({
    decision: d,
    key: { ...whole, article },
    amount: roundYuan(part.amount),
    multiple: Math.round((part.fine / part.amount) * 100) / 100
  }))
}

/**
 * What comparable published decisions settled on.
 *
 * @category models
 */
export interface PrecedentBasis {
  readonly key: PrecedentKey
  /** Where the comparable decisions were taken from: the case's province, or the whole country. */
  readonly scope: "本省" | "全国"
  readonly count: number
  readonly median: number
  readonly min: number
  readonly max: number
  readonly decisionIds: ReadonlyArray<string>
  /** How many of them had the service agreement terminated (解除服务协议). */
  readonly terminated: number
}

/**
 * The comparable decisions of a case (same key; a decision fining its parts at different multiples counts
 * with the part under the case's article), from its own province when there are at least
 * `minimumComparable` there, else from the whole country; null when fewer than `minimumComparable` exist.
 * Every published decision counts whatever its date: the aim is the practice of bureaus, and a decision
 * published after the case was decided shows it as well as one before.
 *
 * @category rules
 */
export const precedentBasis = (
  corpus: ReadonlyArray<PublishedDecision>,
  key: PrecedentKey,
  region: string,
  minimumComparable: number
): PrecedentBasis | null => {
  const comparable = corpus.flatMap(precedentSamples).filter((s) => sameKey(s.key, key) && sharesBehaviour(s, key))
  const province = `${region.slice(0, 2)}0000`
  const own = comparable.filter((s) => (regionCoverage(province, s.decision.region) ?? 0) > 0)
  const [scope, chosen] = own.length >= minimumComparable ? (["本省", own] as const) : (["全国", comparable] as const)
  if (chosen.length < minimumComparable) return null
  const multiples = chosen.map((s) => s.multiple)
  return {
    key,
    scope,
    count: chosen.length,
    median: Math.round(median(multiples) * 100) / 100,
    min: Math.min(...multiples),
    max: Math.max(...multiples),
    decisionIds: chosen.map((s) => s.decision.id),
    terminated: chosen.filter((s) => s.decision.agreementTerminated).length
  }
}

/**
 * A published decision similar to a case, with why.
 *
 * @category models
 */
export interface SimilarDecision {
  readonly id: string
  readonly score: number
  readonly reasons: ReadonlyArray<string>
  readonly regionName: string
  readonly date: IsoDate
  readonly subjectName: string
  readonly behaviours: ReadonlyArray<string>
  readonly amount: number
  readonly fine: number
  readonly multiple: number
  readonly suspensionMonths: number | null
  readonly agreementTerminated: boolean
  /** null when the page does not say. */
  readonly transfers: ReadonlyArray<string> | null
  readonly url: string
  readonly publisher: string
}

/**
 * The published decisions most similar to a case (类案推送), most similar first: same article, kind of party
 * and institution, same circumstances, shared behaviours, nearby region, similar amount — each reason said.
 *
 * @category rules
 */
export const similarDecisions = (
  corpus: ReadonlyArray<PublishedDecision>,
  input: {
    readonly region: string
    readonly subject: { readonly kind: string; readonly orgKind?: string | null | undefined }
    readonly violations: ReadonlyArray<{ readonly code: ViolationCode; readonly amount: number }>
  },
  key: PrecedentKey,
  limit = 5
): ReadonlyArray<SimilarDecision> => {
  const amount = input.violations.reduce((n, v) => n + v.amount, 0)
  const codes = new Set(input.violations.map((v) => v.code))
  const clauses = new Set(input.violations.map((v) => violationEntry(v.code).clause))
  return corpus
    .map((d) => {
      const k = decisionKey(d)
      const reasons: Array<string> = []
      let score = 0
      if (k.article === key.article) {
        score += 3
        reasons.push(`同适用条例${articleText(key.article)}`)
      }
      if (k.party === key.party) {
        score += 2
        reasons.push(`同为${key.party}`)
      }
      if (d.subject.orgKind !== null && d.subject.orgKind === input.subject.orgKind) {
        score += 1
        reasons.push("机构类别相同")
      }
      if (k.circumstances === key.circumstances) {
        score += 2
        reasons.push(key.circumstances === "无从重情节" ? "均无从重情节" : `均为“${key.circumstances}”`)
      }
      const shared = d.violations.filter((v) => codes.has(v.code))
      if (shared.length > 0) {
        score += 2
        reasons.push(`同类违法行为：${[...new Set(shared.map((v) => violationEntry(v.code).behaviour))].join("、")}`)
      } else if (d.violations.some((v) => clauses.has(violationEntry(v.code).clause))) {
        score += 1
        reasons.push("同一条款项下的行为")
      }
      const near = regionCoverage(`${input.region.slice(0, 4)}00`, d.region) !== null
      const sameProvince = regionCoverage(`${input.region.slice(0, 2)}0000`, d.region) !== null
      if (near) {
        score += 2
        reasons.push("同一地市")
      } else if (sameProvince) {
        score += 1
        reasons.push("同一省份")
      }
      if (amount > 0) {
        const distance = Math.abs(Math.log10(d.amountTotal / amount))
        if (distance < 1) {
          score += 2 * (1 - distance)
          if (distance < 0.5) reasons.push("涉及金额相近")
        }
      }
      return { d, score, reasons }
    })
    .filter((x) => x.score >= 5)
    .sort((a, b) => b.score - a.score || decisionDateOf(b.d).localeCompare(decisionDateOf(a.d)))
    .slice(0, limit)
    .map(({ d, score, reasons }) => ({
      id: d.id,
      score: Math.round(score * 10) / 10,
      reasons,
      regionName: d.regionName,
      date: decisionDateOf(d),
      subjectName: d.subject.name,
      behaviours: d.violations.map((v) => v.published),
      amount: d.amountTotal,
      fine: d.fine,
      multiple: d.fineMultiple,
      suspensionMonths: d.suspensionMonths,
      agreementTerminated: d.agreementTerminated,
      transfers: d.transfers,
      url: d.source.url,
      publisher: d.source.publisher
    }))
}
