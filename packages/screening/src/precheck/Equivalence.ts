/**
 * Whether the pre-settlement checks agree with the nightly run (`precheck.md`, "Equivalence with the nightly
 * run"): replaying an extract visit by visit flags exactly the lines (and visits) the nightly run flags for
 * the same rules, with the same amounts for line-level rules. Used by every rule test (`test/utils/builder.ts`)
 * and by the tests on the demo and synthetic extracts.
 *
 * @since 0.6.0
 */
import type { Suspicion } from "@fundguard/domain/screening"
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

/** The lines a warning stands for: those it flags, and lines of other visits it counted (a day's units). */
const replayKeys = (h: ReplayHit): ReadonlyArray<string> => {
  const flagged = h.hit.flagged.map((sn) => `${h.visit.mdtrt_id}|${sn}`)
  const earlier = h.hit.involved
    .filter((i) => i.mdtrt_id !== h.visit.mdtrt_id)
    .map((i) => `${i.mdtrt_id}|${i.line.feedetl_sn}`)
  return flagged.length === 0 && earlier.length === 0 ? [`${h.visit.mdtrt_id}|`] : [...flagged, ...earlier]
}

const cents = (x: number) => Math.round(x * 100)
const sortedUnique = (xs: ReadonlyArray<string>) => [...new Set(xs)].sort()

/**
 * The differences between a nightly run and a replay for the rules `codes` (empty when they agree).
 *
 * @category rules
 */
export const precheckDifferences = (
  nightly: ReadonlyArray<Suspicion>,
  replay: ReadonlyArray<ReplayHit>,
  codes: ReadonlyArray<string>
): ReadonlyArray<string> =>
  codes.flatMap((code) => {
    const night = nightly.filter((s) => s.rule === code)
    const day = replay.filter((h) => h.rule.code === code)
    const problems: Array<string> = []
    const nightLines = sortedUnique(night.flatMap(nightlyKeys))
    const dayLines = sortedUnique(day.flatMap(replayKeys))
    const missing = nightLines.filter((k) => !dayLines.includes(k))
    const extra = dayLines.filter((k) => !nightLines.includes(k))
    if (missing.length > 0) problems.push(`${code}: flagged at night, not before settlement: ${missing.join(", ")}`)
    if (extra.length > 0) problems.push(`${code}: flagged before settlement, not at night: ${extra.join(", ")}`)
    const level = day[0]?.rule.level ?? night[0]?.level
    if (level === "visit" || problems.length > 0) return problems
    // Line level: the same amount in total, and group by group where a group stays within one visit.
    const nightTotal = night.reduce((n, s) => n + cents(s.amount), 0)
    const dayTotal = day.reduce((n, h) => n + cents(h.hit.amount), 0)
    if (Math.abs(nightTotal - dayTotal) > Math.max(night.length, day.length))
      problems.push(`${code}: amounts differ: ${nightTotal / 100} at night, ${dayTotal / 100} before settlement`)
    const groups = (pairs: ReadonlyArray<readonly [ReadonlyArray<string>, number]>) =>
      pairs
        .filter(([keys]) => new Set(keys.map((k) => k.split("|")[0])).size === 1)
        .map(([keys, amount]) => `${sortedUnique(keys).join(",")}=${amount}`)
        .sort()
    const nightGroups = groups(night.map((s) => [nightlyKeys(s), cents(s.amount)] as const))
    const dayGroups = groups(
      day
        .filter((h) => h.hit.involved.every((i) => i.mdtrt_id === h.visit.mdtrt_id))
        .map((h) => [replayKeys(h), cents(h.hit.amount)] as const)
    )
    const nightOnly = nightGroups.filter((g) => !dayGroups.includes(g))
    const dayOnly = dayGroups.filter((g) => !nightGroups.includes(g))
    if (nightOnly.length > 0 || dayOnly.length > 0)
      problems.push(
        `${code}: groups differ: at night ${nightOnly.join("; ")} / before settlement ${dayOnly.join("; ")}`
      )
    return problems
  })
