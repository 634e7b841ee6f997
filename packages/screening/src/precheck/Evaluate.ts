/**
 * Deciding one claim with the rule library's pre-settlement checks, and the history they read: the rules
 * that have a `precheck` (those decided from one claim plus reference data and history), with the same
 * parameters as the nightly run, skipped when the reference data they need is absent — as at night.
 *
 * @since 0.6.0
 */
import * as Either from "effect/Either"
import type { ParamIssue, Rule } from "../Rule.js"
import { ruleLibrary } from "../RuleLibrary.js"
import type { TableName } from "../Tables.js"
import type { ClaimCheck, ClaimContext, ClaimHistory, ClaimHit, ClaimVisit, HistoryLine } from "./Claim.js"

/** The reference tables a check may need (the claim itself stands for the others). */
const referenceTables: ReadonlySet<TableName> = new Set(["catalog", "catalog_pair", "fixmedins", "deaths"])

/**
 * A rule ready to check claims.
 *
 * @category models
 */
export interface PrecheckRule {
  readonly rule: Rule
  readonly check: ClaimCheck
  /** The reference tables it needs. */
  readonly needs: ReadonlyArray<TableName>
}

/**
 * The rules of `library` that have a pre-settlement check, compiled with `params` (keyed by rule code, as
 * for a nightly run); the parameter problems, if any, by rule.
 *
 * @category constructors
 */
export const precheckRules = (
  params: Readonly<Record<string, unknown>> = {},
  library: ReadonlyArray<Rule> = ruleLibrary
): Either.Either<
  ReadonlyArray<PrecheckRule>,
  ReadonlyArray<{ readonly code: string; readonly issues: ReadonlyArray<ParamIssue> }>
> => {
  const problems: Array<{ code: string; issues: ReadonlyArray<ParamIssue> }> = []
  const rules: Array<PrecheckRule> = []
  for (const rule of library.filter((r) => r.precheck)) {
    const compiled = rule.compile(params[rule.code])
    if (Either.isLeft(compiled)) problems.push({ code: rule.code, issues: compiled.left })
    else if (compiled.right.check !== null)
      rules.push({
        rule,
        check: compiled.right.check,
        needs: rule.requiredTables.filter((t) => referenceTables.has(t))
      })
  }
  return problems.length > 0 ? Either.left(problems) : Either.right(rules)
}

/**
 * One warning of one rule.
 *
 * @category models
 */
export interface RuleHit {
  readonly rule: Rule
  readonly hit: ClaimHit
}

/**
 * Decides one claim: every rule (or those of `only`) whose reference tables are present.
 *
 * @category rules
 */
export const checkClaim = (
  context: ClaimContext,
  rules: ReadonlyArray<PrecheckRule>,
  only: ReadonlySet<string> | null = null
): ReadonlyArray<RuleHit> =>
  rules
    .filter((r) => (only === null || only.has(r.rule.code)) && r.needs.every((t) => context.reference.tables.has(t)))
    .flatMap((r) => r.check(context).map((hit) => ({ rule: r.rule, hit })))

/**
 * The lines already checked, in memory (the service keeps them in its database; a replay here).
 *
 * @category models
 */
export interface MemoryHistory extends ClaimHistory {
  /** Records a checked visit's lines. */
  readonly add: (visit: Pick<ClaimVisit, "mdtrt_id" | "psn_no" | "fixmedins_code" | "lines">) => void
}

/** @category constructors */
export const memoryHistory = (): MemoryHistory => {
  const byDay = new Map<string, Array<HistoryLine>>()
  const keysOf = new Map<string, Set<string>>()
  const key = (psn: string, institution: string, day: string) => `${psn}\u0000${institution}\u0000${day}`
  return {
    sameDayLines: (psn, institution, day) => byDay.get(key(psn, institution, day)) ?? [],
    add: (visit) => {
      // A visit checked again (3101, then 3102) replaces its earlier lines.
      for (const k of keysOf.get(visit.mdtrt_id) ?? [])
        byDay.set(
          k,
          (byDay.get(k) ?? []).filter((h) => h.mdtrt_id !== visit.mdtrt_id)
        )
      const keys = new Set<string>()
      for (const line of visit.lines) {
        const k = key(visit.psn_no, visit.fixmedins_code, line.day)
        keys.add(k)
        const list = byDay.get(k)
        if (list === undefined) byDay.set(k, [{ mdtrt_id: visit.mdtrt_id, line }])
        else list.push({ mdtrt_id: visit.mdtrt_id, line })
      }
      keysOf.set(visit.mdtrt_id, keys)
    }
  }
}
