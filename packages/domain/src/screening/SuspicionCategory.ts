/**
 * What kind of lead a suspicion is: a suspected violation (疑似违规), or a data-quality finding
 * (数据质量问题) — a record that contradicts itself, which is first a question for the institution's
 * data, not evidence of fraud. Users asked for the two to be kept apart, because false positives
 * often trace back to coding and mapping errors (`shared/reference/product-anchors.md` §4.1); the
 * review workflow gives data-quality leads a shorter path (`ReviewWorkflow.ts`).
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/** @category models */
export const SuspicionCategory = Schema.Literal("violation", "data_quality").annotations({
  identifier: "SuspicionCategory"
})
/** @category models */
export type SuspicionCategory = typeof SuspicionCategory.Type

/** @category formatting */
export const suspicionCategoryLabel: Readonly<Record<SuspicionCategory, string>> = {
  violation: "疑似违规",
  data_quality: "数据质量"
}

/**
 * Rule codes whose leads are data-quality findings. `screening-rules.md` marks them by the
 * violation they suggest ("data quality", e.g. CHARGE_OUTSIDE_STAY → GZ10000201008000). This list
 * is the one place the product decides it.
 *
 * @category rules
 */
export const dataQualityRuleCodes: ReadonlyArray<string> = ["CHARGE_OUTSIDE_STAY"]

/**
 * The category of a rule's leads.
 *
 * @category rules
 */
export const suspicionCategory = (ruleCode: string): SuspicionCategory =>
  dataQualityRuleCodes.includes(ruleCode) ? "data_quality" : "violation"
