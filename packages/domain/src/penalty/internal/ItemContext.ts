/**
 * What assessing one violation item needs to know: its facts, the whole input, the benchmark in
 * force, the circumstances and the limitation check. Shared by the item assessment and the parts it
 * delegates to (agreement track, exemptions, points), which therefore do not import each other.
 *
 * @since 0.3.0
 */
import type { ResolvedBenchmark } from "../Benchmarks.js"
import type { FactorSummary } from "../Grade.js"
import type { LimitationCheck } from "../Limitation.js"
import type { AssessmentInput, ViolationFacts } from "../PenaltyInput.js"
import type { PublishedDecision } from "../Precedents.js"

/** Everything the assessment of one violation needs. */
export interface ItemContext {
  readonly facts: ViolationFacts
  readonly input: AssessmentInput
  readonly benchmark: ResolvedBenchmark
  readonly summary: FactorSummary
  readonly limitation: LimitationCheck
  /** 条例 Art.43 applies to this item (its flag, or the benchmark's 重大损失 amount reached). */
  readonly article43: boolean
  /** The published decisions the recommended multiple is calibrated on (类案校准). */
  readonly precedents: ReadonlyArray<PublishedDecision>
}
