/**
 * Whether the pre-settlement checks agree with the nightly run (`precheck.md`, "Equivalence with the nightly
 * run"): replaying an extract visit by visit flags exactly the lines (and visits) the nightly run flags for
 * the same rules, with the same amounts for line-level rules. Used by every rule test (`test/utils/builder.ts`)
 * and by the tests on the demo and synthetic extracts.
 *
 * @since 0.6.0
 */
import type { PrecheckWarning, Suspicion } from "@fundguard/domain/screening"
import { findRule } from "../RuleLibrary.js"
import type { ReplayHit } from "./Replay.js"

/** The lines (`mdtrt_id|feedetl_sn`) a nightly suspicion stands for; a visit-level one: `mdtrt_id|`. */
const nightlyKeys = (s: Suspicion): ReadonlyArray<string> => {
  const lines = (s.evidence as { lines?: unknown })["lines"]
  if (
    Array.isArray(lines) &&
    lines.length > 0 &&
    lines.every((l) => typeof l === "object" && l !== null && "mdtrt_id" in l && "feedetl_sn" in l)
  )
    return lines.map((l: { mdtrt_id: string; feedetl_sn: string }) => `${l.mdtrt_id}|${l.feedetl_sn}`)
  return s.feedetl_sn.length === 0 ? [`${s.mdtrt_id}|`] : s.feedetl_sn.map((sn) => `${s.mdtrt_id}|${sn}`)
}

/**
 * A warning reduced to what the comparison needs: its rule, the lines it stands for (`mdtrt_id|feedetl_sn`:
 * those it flags, and lines of other visits it counted — a day's earlier units), its amount, and whether it
 * stays within the visit checked.
 *
 * @category models
 */
export interface ComparedWarning {
  readonly code: string
  readonly keys: ReadonlyArray<string>
  readonly amount: number
  readonly withinVisit: boolean
}

/** A replayed hit as compared. @category constructors */
export const comparedHit = (h: ReplayHit): ComparedWarning => {
  const flagged = h.hit.flagged.map((sn) => `${h.visit.mdtrt_id}|${sn}`)
  const earlier = h.hit.involved
    .filter((i) => i.mdtrt_id !== h.visit.mdtrt_id)
    .map((i) => `${i.mdtrt_id}|${i.line.feedetl_sn}`)
  return {
    code: h.rule.code,
    keys: flagged.length === 0 && earlier.length === 0 ? [`${h.visit.mdtrt_id}|`] : [...flagged, ...earlier],
    amount: h.hit.amount,
    withinVisit: earlier.length === 0
  }
}

/** A warning of a 3101/3102 answer as compared. @category constructors */
export const comparedWarning = (w: PrecheckWarning): ComparedWarning => {
  const flagged = w.judge_result_detail_dtos
    .filter((d) => d.vola_item_type === "1")
    .map((d) => `${d.mdtrt_id}|${d.rx_id}`)
  const earlier = w.judge_result_detail_dtos
    .filter((d) => d.vola_item_type === "2" && d.mdtrt_id !== w.mdtrt_id)
    .map((d) => `${d.mdtrt_id}|${d.rx_id}`)
  return {
    code: w.rule_id,
    keys: flagged.length === 0 && earlier.length === 0 ? [`${w.mdtrt_id}|`] : [...flagged, ...earlier],
    amount: w.vola_amt,
    withinVisit: earlier.length === 0
  }
}

const cents = (x: number) => Math.round(x * 100)
const sortedUnique = (xs: ReadonlyArray<string>) => [...new Set(xs)].sort()

/**
 * The differences between a nightly run and the warnings of a replay for the rules `codes` (empty when they
 * agree): the same lines and visits flagged; for line-level rules the same amounts, in total and warning by
 * warning where a warning stays within one visit.
 *
 * @category rules
 */
export const precheckDifferences = (
  nightly: ReadonlyArray<Suspicion>,
  replay: ReadonlyArray<ReplayHit | ComparedWarning>,
  codes: ReadonlyArray<string>
): ReadonlyArray<string> => {
  const warnings = replay.map((r) => ("hit" in r ? comparedHit(r) : r))
  return codes.flatMap((code) => {
    const night = nightly.filter((s) => s.rule === code)
    const day = warnings.filter((w) => w.code === code)
    const problems: Array<string> = []
    const nightLines = sortedUnique(night.flatMap(nightlyKeys))
    const dayLines = sortedUnique(day.flatMap((w) => w.keys))
    const missing = nightLines.filter((k) => !dayLines.includes(k))
    const extra = dayLines.filter((k) => !nightLines.includes(k))
    if (missing.length > 0) problems.push(`${code}: flagged at night, not before settlement: ${missing.join(", ")}`)
    if (extra.length > 0) problems.push(`${code}: flagged before settlement, not at night: ${extra.join(", ")}`)
    if (findRule(code)?.level === "visit" || problems.length > 0) return problems
    const nightTotal = night.reduce((n, s) => n + cents(s.amount), 0)
    const dayTotal = day.reduce((n, w) => n + cents(w.amount), 0)
    if (Math.abs(nightTotal - dayTotal) > Math.max(night.length, day.length))
      problems.push(`${code}: amounts differ: ${nightTotal / 100} at night, ${dayTotal / 100} before settlement`)
    const groups = (pairs: ReadonlyArray<readonly [ReadonlyArray<string>, number]>) =>
      pairs
        .filter(([keys]) => new Set(keys.map((k) => k.split("|")[0])).size === 1)
        .map(([keys, amount]) => `${sortedUnique(keys).join(",")}=${amount}`)
        .sort()
    const nightGroups = groups(night.map((s) => [nightlyKeys(s), cents(s.amount)] as const))
    const dayGroups = groups(day.filter((w) => w.withinVisit).map((w) => [w.keys, cents(w.amount)] as const))
    const nightOnly = nightGroups.filter((g) => !dayGroups.includes(g))
    const dayOnly = dayGroups.filter((g) => !nightGroups.includes(g))
    if (nightOnly.length > 0 || dayOnly.length > 0)
      problems.push(
        `${code}: amounts differ by warning: at night ${nightOnly.join("; ")} / before settlement ${dayOnly.join("; ")}`
      )
    return problems
  })
}
