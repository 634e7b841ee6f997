/**
 * Penalty assessment: the facts of a case in, the lawful outcome with its reasons out.
 *
 * This release assesses 条例 Art.38 items (and their Art.40 ¶2 upgrade on proven intent to defraud)
 * within the statutory ranges; the other articles answer `ViolationNotAssessable`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { nationalDefaultBenchmark } from "./Benchmark.js"
import { summariseFactors } from "./Grade.js"
import type { AssessmentInput } from "./PenaltyInput.js"
import { decodeAssessmentInput, type InvalidAssessmentInput } from "./PenaltyInput.js"
import type { AssessedItem, AssessmentResult, Outcome } from "./PenaltyResult.js"
import { assessArticle38 } from "./Article38.js"
import { checkLimitation, type LimitationCheck } from "./Limitation.js"
import { transfersFor } from "./Transfers.js"
import { procedureFor } from "./Procedure.js"
import { roundYuan } from "./Money.js"
import { ViolationCode, violationEntry } from "./Violation.js"

/**
 * The violation is in the catalogue, but this release cannot assess its article yet.
 *
 * @category errors
 */
export class ViolationNotAssessable extends Schema.TaggedError<ViolationNotAssessable>()("ViolationNotAssessable", {
  path: Schema.String,
  code: ViolationCode
}) {
  override get message(): string {
    return `${this.path}: ${this.code} is not assessable in this release (only 第三十八条 items are)`
  }
}

const outcomeOf = (items: ReadonlyArray<AssessedItem>): Outcome =>
  items.some((i) => i.outcome === "penalty")
    ? "penalty"
    : items.every((i) => i.outcome === "agreement_only")
      ? "agreement_only"
      : "no_penalty"

const assessDecoded = (input: AssessmentInput): Effect.Effect<AssessmentResult, ViolationNotAssessable> =>
  Effect.gen(function* () {
    const benchmark = nationalDefaultBenchmark
    const factors = summariseFactors(input.factors)
    const items: Array<AssessedItem> = []
    const limitations: Array<LimitationCheck> = []
    for (const [index, facts] of input.violations.entries()) {
      if (violationEntry(facts.code).article !== 38) {
        return yield* new ViolationNotAssessable({ path: `$.violations[${index}].code`, code: facts.code })
      }
      const limitation = checkLimitation(facts, input.decisionDate)
      limitations.push(limitation)
      items.push(assessArticle38({ facts, factors, caseFactors: input.factors, limitation, benchmark, input }))
    }
    const totals = {
      refund: roundYuan(items.reduce((s, i) => s + i.refund, 0)),
      fineMin: roundYuan(items.reduce((s, i) => s + (i.fine?.min ?? 0), 0)),
      fineMax: roundYuan(items.reduce((s, i) => s + (i.fine?.max ?? 0), 0)),
      fineRecommended: roundYuan(items.reduce((s, i) => s + (i.fine?.recommended ?? 0), 0))
    }
    const transfers = transfersFor(input, items)
    const procedure = procedureFor(input, items, totals, limitations)
    const outcome = outcomeOf(items)
    const explanation = [
      `适用裁量基准：${benchmark.name}（版本 ${benchmark.version}）。地区 ${input.region} 暂无本省裁量基准数据，回退至国家默认基准。`,
      ...(procedure.limitationChecked
        ? []
        : ["未提供违法行为终了日期（occurredTo），无法核对追责时效，请补充后复核。"]),
      `合计：责令退回 ${totals.refund.toFixed(2)} 元；罚款幅度 ${totals.fineMin.toFixed(2)}–${totals.fineMax.toFixed(2)} 元，建议 ${totals.fineRecommended.toFixed(2)} 元。退回的基金归入原基金财政专户，罚款上缴国库（条例第四十五条），分别入账。`,
      ...(input.factorNotes === undefined ? [] : [`情节说明：${input.factorNotes}`]),
      ...(factors.aggravation.length + factors.mitigation.length + factors.statutoryMitigation.length === 0
        ? ["未认定从轻、从重情节。"]
        : [])
    ]
    return {
      outcome,
      items,
      totals,
      transfers,
      procedure,
      benchmark: { region: benchmark.region, name: benchmark.name, version: benchmark.version, fallback: true },
      explanation
    }
  })

/**
 * Assesses a case: decodes the input against the contract, then grades every violation and adds up
 * refunds and fines, transfers and procedural consequences.
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
 * result.items[0]?.fine?.recommended // 13791.6
 * ```
 *
 * @category assessment
 * @see 《医疗保障基金使用监督管理条例》第三十八条、第四十条
 */
export const assessPenalty = (
  input: unknown
): Effect.Effect<AssessmentResult, InvalidAssessmentInput | ViolationNotAssessable> =>
  Effect.flatMap(decodeAssessmentInput(input), assessDecoded)
