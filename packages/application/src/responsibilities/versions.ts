/**
 * Saving duties and ranking schemes — one edit in the UI, a spreadsheet of duties, the defaults at
 * first start: numbered, checked and superseded by the same rules (`planDutyVersions`,
 * `planRankingSchemeVersion`), all or nothing, each version with its audit entries.
 */
import {
  DutyRepository,
  planDutyVersions,
  planRankingSchemeVersion,
  RankingSchemeRepository,
  versionToRetire,
  type CompletionActor
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"

/**
 * Saves new versions of duties (version 1 for a new code); the version each replaces ends the day
 * before the new one takes effect. Fails with `InvalidDuty` naming every problem of every item;
 * then nothing is written. Answers the saved duties.
 */
export const saveDuties = Effect.fn("Duties.save")(function* (request: {
  readonly duties: ReadonlyArray<unknown>
  /** Where the versions came from (`api`, `import:<file>`, `seed`), kept in each audit entry. */
  readonly source: string
  readonly actor: CompletionActor
}) {
  const duties = yield* DutyRepository
  const planned = yield* planDutyVersions(yield* duties.versions, request.duties)
  if (planned.length > 0) yield* duties.save(planned, request.source, request.actor)
  return planned.map((p) => p.item)
})

/**
 * Loads the duties whose code is not stored yet (the defaults at first start, a campaign's);
 * answers how many were added. Duties already stored are left as the bureau has revised them.
 */
export const seedDuties = Effect.fn("Duties.seed")(function* (request: {
  readonly duties: ReadonlyArray<unknown>
  readonly actor: CompletionActor
}) {
  const stored = new Set((yield* Effect.flatMap(DutyRepository, (d) => d.versions)).map((v) => v.code))
  const fresh = request.duties.filter((d) => !stored.has(String((d as { code?: unknown } | null)?.code)))
  if (fresh.length > 0) yield* saveDuties({ duties: fresh, source: "seed", actor: request.actor })
  return fresh.length
})

/** Ends a duty: its version in force on `lastDay` stops after that day (`InvalidDuty` if none is). */
export const retireDuty = Effect.fn("Duties.retire")(function* (request: {
  readonly code: string
  readonly lastDay: string
  readonly actor: CompletionActor
}) {
  const duties = yield* DutyRepository
  const version = yield* versionToRetire(yield* duties.versions, request.code, request.lastDay)
  yield* duties.retire(version, request.lastDay, request.actor)
})

/**
 * Saves a new version of a ranking scheme (same rules as duties). Fails with
 * `InvalidRankingScheme`; answers the saved scheme.
 */
export const saveRankingScheme = Effect.fn("RankingSchemes.save")(function* (request: {
  readonly scheme: unknown
  readonly actor: CompletionActor
}) {
  const schemes = yield* RankingSchemeRepository
  const planned = yield* planRankingSchemeVersion(yield* schemes.versions, request.scheme)
  yield* schemes.save(planned, request.actor)
  return planned.item
})
