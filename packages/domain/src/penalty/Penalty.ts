/**
 * Penalty assessment: the facts of a case in, the lawful outcome with its reasons out. Every catalogue code
 * is assessed: 条例 Art.36–46 on the administrative track (with 《社会保险法》 for acts before 2021-05-01 where
 * it is the lighter or only law), agreement items on the agreement track.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import { assessItem } from "./internal/AssessItem.js"
import { decodeBenchmark, sectionLabel, type BenchmarkFile, type InvalidBenchmark } from "./Benchmark.js"
import { selectBenchmark, type ResolvedBenchmark } from "./Benchmarks.js"
import { summariseFactors } from "./Grade.js"
import { checkLimitation } from "./Limitation.js"
import { formatYuan } from "../kernel/Money.js"
import { decodeAssessmentInput, type AssessmentInput, type InvalidAssessmentInput } from "./PenaltyInput.js"
import type { AssessedItem, AssessmentResult, Outcome } from "./PenaltyResult.js"
import { procedureFor } from "./internal/Procedure.js"
import { applySameAct } from "./internal/SameAct.js"
import { sumYuan } from "./internal/Sanctions.js"
import { transfersFor } from "./internal/Transfers.js"
import { violationEntry } from "./Violation.js"
import { caseKey, similarDecisions, type PublishedDecision } from "./Precedents.js"
import { publishedDecisions } from "./PrecedentCorpus.js"
import { R735 } from "./internal/Wording.js"

/**
 * Options of an assessment.
 *
 * @category models
 */
export interface AssessOptions {
  /** Benchmarks supplied by the caller (a bureau's own file); they take precedence over the bundled ones. */
  readonly benchmarks?: ReadonlyArray<BenchmarkFile>
  /**
   * The published decisions to compare with (default: the bundled corpus). The calibration report passes the
   * corpus without the decisions being assessed (cross-validation).
   */
  readonly precedents?: ReadonlyArray<PublishedDecision>
}

const outcomeOf = (items: ReadonlyArray<AssessedItem>): Outcome =>
  items.some((i) => i.outcome === "penalty")
    ? "penalty"
    : items.every((i) => i.outcome === "agreement_only")
      ? "agreement_only"
      : "no_penalty"

/** 条例 Art.43 triggers per item: its own flag, or the institution's losses reaching the benchmark's 重大 amount. */
const article43Flags = (input: AssessmentInput, benchmark: ResolvedBenchmark): ReadonlyArray<boolean> => {
  const flags = input.violations.map((v) => v.majorLossOrSeriousImpact)
  const threshold = benchmark.article43.majorLossAmount
  if (input.subject.kind !== "institution" || threshold === null) return flags
  const money = input.violations
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => {
      const e = violationEntry(v.code)
      return e.track === "administrative" && (e.amountBasis === "loss" || e.amountBasis === "defrauded")
    })
  if (money.length === 0 || sumYuan(money.map(({ v }) => v.amount)) < threshold) return flags
  const largest = money.reduce((a, b) => (b.v.amount > a.v.amount ? b : a))
  return flags.map((f, i) => f || i === largest.i)
}

const benchmarkSentence = (b: ResolvedBenchmark, region: string): string => {
  const head = `适用裁量基准：${b.name}（${b.id}，版本${b.version}，${b.source}）。`
  if (b.fallback) return `${head}地区${region}暂无本省裁量基准数据，回退至国家默认基准。`
  const own = b.custom ? "该基准由办案机关提供。" : ""
  const inherited =
    b.inherited.length === 0
      ? ""
      : `本文件未载明的部分（${b.inherited.map((s) => sectionLabel[s]).join("、")}）取国家默认基准。`
  return `${head}${own}${inherited}`
}

const assessDecoded = (input: AssessmentInput, options: AssessOptions): AssessmentResult => {
  const benchmark = selectBenchmark(input.region, input.decisionDate, options.benchmarks ?? [])
  const summary = summariseFactors(input.factors, benchmark.factors)
  const flags43 = article43Flags(input, benchmark)
  const corpus = options.precedents ?? publishedDecisions()
  const assessed = input.violations.map((facts, i) => {
    const entry = violationEntry(facts.code)
    const fraud = (entry.fraud || facts.intentToDefraud) && facts.amount > 0
    const limitation = checkLimitation(
      facts,
      input.decisionDate,
      input.discoveredOn,
      benchmark.limitation.fraudFiveYears && fraud
    )
    return assessItem({
      facts,
      input,
      benchmark,
      summary,
      limitation,
      article43: flags43[i] ?? false,
      precedents: corpus
    })
  })
  const { items, notes } = applySameAct(assessed)
  const totals = {
    refund: sumYuan(items.map((i) => i.refund)),
    fineMin: sumYuan(items.map((i) => i.fine?.min ?? 0)),
    fineMax: sumYuan(items.map((i) => i.fine?.max ?? 0)),
    fineRecommended: sumYuan(items.map((i) => i.fine?.recommended ?? 0)),
    confiscation: sumYuan(items.map((i) => i.confiscation ?? 0)),
    agreementRecovery: sumYuan(items.map((i) => i.agreement?.recovery ?? 0))
  }
  const ledgers = {
    fundAccount: sumYuan([totals.refund, totals.agreementRecovery]),
    treasury: sumYuan([totals.fineRecommended, totals.confiscation])
  }
  const transfers = transfersFor(input, items, benchmark)
  const procedure = procedureFor(input, items, totals, transfers, benchmark)
  const noFactor = summary.aggravation.length + summary.mitigation.length + summary.statutoryMitigation.length === 0
  // 类案推送: by the article of the case's first administrative item (the one the officer grades first).
  const lead = items.find((i) => i.track === "administrative" && i.assessedUnder !== null)
  const similarCases =
    lead === undefined
      ? []
      : similarDecisions(
          corpus,
          input,
          caseKey(lead.assessedUnder!, input.subject, summary, benchmark.factors.reduceBelowFloorFromGrounds)
        ).map((s) => ({ ...s, date: s.date as string, transfers: s.transfers === null ? null : [...s.transfers] }))
  const explanation = [
    benchmarkSentence(benchmark, input.region),
    ...(benchmark.ignoredCustom.length === 0
      ? []
      : [`所提供的裁量基准（${benchmark.ignoredCustom.join("、")}）不覆盖地区${input.region}或不在施行期内，未采用。`]),
    ...(procedure.limitationChecked
      ? []
      : ["部分违法行为未提供起止日期（occurredFrom/occurredTo），无法核对追责时效和适用的法律版本，请补充后复核。"]),
    ...(input.discoveredOn === undefined && procedure.limitationChecked
      ? ["未提供发现日期（discoveredOn），以处罚决定日期代替核对追责时效；已在时效内发现的，请补充发现日期。"]
      : []),
    `合计：责令退回${formatYuan(totals.refund)}；罚款幅度${formatYuan(totals.fineMin)}–${formatYuan(totals.fineMax)}，建议罚款${formatYuan(totals.fineRecommended)}${totals.confiscation > 0 ? `；没收违法所得${formatYuan(totals.confiscation)}` : ""}${totals.agreementRecovery > 0 ? `；按服务协议追回违规费用${formatYuan(totals.agreementRecovery)}` : ""}。`,
    `依据${R735}第四十五条，退回的基金${formatYuan(ledgers.fundAccount)}退回原医疗保障基金财政专户；罚款、没收的违法所得${formatYuan(ledgers.treasury)}依法上缴国库，两者分别入账。`,
    ...(items.length > 1
      ? [
          "对当事人的不同违法行为分别裁量、合并处罚；同一违法行为不得给予两次以上罚款（《中华人民共和国行政处罚法》第二十九条）。"
        ]
      : []),
    ...notes,
    ...(procedure.criminalTransferFirst
      ? [
          "涉嫌犯罪，应先依法移送，不得以行政处罚代替移送；公安机关决定不予立案的，再依法作出行政处罚。已给予的罚款折抵罚金，尚未给予罚款的，人民法院判处罚金后不再给予罚款（《中华人民共和国行政处罚法》第二十七条、第三十五条；国务院令第310号第十条、第十一条）。"
        ]
      : []),
    ...(input.factorNotes === undefined ? [] : [`情节说明：${input.factorNotes}`]),
    ...(noFactor ? ["未认定从轻、减轻、从重情节。"] : [])
  ]
  return {
    outcome: outcomeOf(items),
    items,
    totals,
    ledgers,
    transfers,
    procedure,
    benchmark: {
      id: benchmark.id,
      region: benchmark.region,
      name: benchmark.name,
      version: benchmark.version,
      fallback: benchmark.fallback,
      custom: benchmark.custom,
      source: benchmark.source,
      confidence: benchmark.confidence,
      inherited: benchmark.inherited
    },
    similarCases,
    explanation
  }
}

/**
 * Assesses a case: decodes the input against the contract (`penalty-assessment.md`), chooses the discretion
 * benchmark for the region and decision date, grades every violation and adds up refunds, fines and
 * confiscations, transfers and procedural consequences — each with its legal citation and its reasons in
 * Chinese, ready for a 行政处罚决定书 draft.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { assessPenalty } from "@fundguard/domain"
 *
 * const result = await Effect.runPromise(assessPenalty({
 *   subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2", insured: null },
 *   region: "500235",
 *   decisionDate: "2025-09-18",
 *   violations: [{ code: "A38-2-OVER_PRESCRIPTION", amount: 13791.6, occurredTo: "2024-12-31" }],
 *   factors: { firstOffence: true, refundedInFullByDeadline: true }
 * }))
 * result.items[0]?.grade            // "从轻"
 * result.items[0]?.fine?.recommended // 13791.6 (1 × the loss)
 * result.transfers[0]?.to           // "health_commission" (seed 004 list, 7 working days)
 * ```
 *
 * @category assessment
 * @see 《医疗保障基金使用监督管理条例》第三十六条至第四十八条
 */
export const assessPenalty = (
  input: unknown,
  options: AssessOptions = {}
): Effect.Effect<AssessmentResult, InvalidAssessmentInput> =>
  Effect.map(decodeAssessmentInput(input), (decoded) => assessDecoded(decoded, options))

/**
 * Assesses a case with a benchmark file given as JSON (a bureau's own): both are decoded, and every problem
 * of either is reported with its path.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { assessPenaltyWithBenchmark } from "@fundguard/domain"
 *
 * const result = await Effect.runPromise(assessPenaltyWithBenchmark(caseJson, JSON.parse(benchmarkText)))
 * result.benchmark.custom // true when the file covers the case's region on its decision date
 * ```
 *
 * @category assessment
 */
export const assessPenaltyWithBenchmark = (
  input: unknown,
  benchmark: unknown
): Effect.Effect<AssessmentResult, InvalidAssessmentInput | InvalidBenchmark> =>
  Effect.flatMap(decodeBenchmark(benchmark), (file) => assessPenalty(input, { benchmarks: [file] }))
