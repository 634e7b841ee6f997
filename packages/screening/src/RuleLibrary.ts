/**
 * The rule library: every rule the screening worker knows, by code. Rules are added here as they
 * are implemented; `screening-rules.md` lists the full set.
 *
 * @since 0.1.0
 */
import type { Rule } from "./Rule.js"
import { priceOverCap } from "./rules/PriceOverCap.js"

/**
 * Every implemented rule, sorted by code (the order of a run's output).
 *
 * @category rules
 */
export const ruleLibrary: ReadonlyArray<Rule> = [priceOverCap].sort((a, b) => (a.code < b.code ? -1 : 1))

/**
 * Finds a rule of `library` by code.
 *
 * @category rules
 */
export const findRule = (code: string, library: ReadonlyArray<Rule> = ruleLibrary): Rule | undefined =>
  library.find((r) => r.code === code)
