/**
 * Duties and ranking schemes are versioned data: saving one writes a new version taking effect on
 * its `effectiveFrom`, and the version still in force that day ends the day before. Nothing is ever
 * overwritten, so every task keeps the rule it was generated under and every ranking the scheme it
 * was computed with. This module plans the versions; `DutyRepository` and
 * `RankingSchemeRepository` keep them.
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { addDays, isoDate } from "../kernel/IsoDate.js"
import type { InputProblem } from "../kernel/Problems.js"
import { decodeDuty, InvalidDuty, type Duty } from "./Duty.js"
import { decodeRankingScheme, InvalidRankingScheme, type RankingScheme } from "./Ranking.js"
import type { CompletionActor } from "./TaskCompletion.js"

/**
 * A stored version, as far as numbering and superseding need it.
 *
 * @category models
 */
export interface StoredVersion {
  readonly code: string
  readonly version: number
  readonly effectiveFrom: string
  readonly effectiveTo: string | null
}

/**
 * A new version to write, and the stored one it ends (on `supersedes.effectiveTo`), if any.
 *
 * @category models
 */
export interface PlannedVersion<A> {
  readonly item: A
  readonly supersedes: { readonly code: string; readonly version: number; readonly effectiveTo: string } | null
}

const nextVersion = (existing: ReadonlyArray<StoredVersion>, code: string, effectiveFrom: string) => {
  const mine = existing.filter((r) => r.code === code)
  const version = mine.reduce((max, r) => Math.max(max, r.version), 0) + 1
  const current = mine.find((r) => r.effectiveTo === null || r.effectiveTo >= effectiveFrom) ?? null
  const latestStart = mine.reduce<string | null>(
    (max, r) => (max === null || r.effectiveFrom > max ? r.effectiveFrom : max),
    null
  )
  if (latestStart !== null && effectiveFrom <= latestStart)
    return { version, current: null, problem: `生效日期须晚于现行版本的生效日期 ${latestStart}` }
  return { version, current, problem: null }
}

/**
 * The server numbers versions; a client may send back the version it read (it is ignored), but
 * only as a whole number in range.
 */
const versionProblem = (raw: Readonly<Record<string, unknown>>): string | null => {
  const v = raw["version"]
  return v === undefined || (Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 1_000_000)
    ? null
    : "版本号由系统生成；如填写，须为 1 至 1000000 之间的整数"
}

const fieldsOf = (input: unknown): Readonly<Record<string, unknown>> =>
  typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {}

const text = (value: unknown): string => (typeof value === "string" ? value : "")

const ending = (current: StoredVersion | null, effectiveFrom: string): PlannedVersion<never>["supersedes"] =>
  current === null
    ? null
    : { code: current.code, version: current.version, effectiveTo: addDays(isoDate(effectiveFrom), -1) }

/**
 * Plans new versions of duties (version 1 for a new code), all or nothing: every problem of every
 * item is named, prefixed with the item's index when there are several (`$[2].period`). A later item
 * may revise an earlier one of the same batch.
 *
 * @category rules
 */
export const planDutyVersions = (
  existing: ReadonlyArray<StoredVersion>,
  inputs: ReadonlyArray<unknown>
): Either.Either<ReadonlyArray<PlannedVersion<Duty>>, InvalidDuty> => {
  const known = [...existing]
  const problems: Array<InputProblem> = []
  const planned: Array<PlannedVersion<Duty>> = []
  inputs.forEach((input, index) => {
    const prefix = inputs.length === 1 ? "$" : `$[${index}]`
    const raw = fieldsOf(input)
    const code = text(raw["code"])
    const effectiveFrom = text(raw["effectiveFrom"])
    const next = nextVersion(known, code, effectiveFrom)
    const decoded = Effect.runSync(Effect.either(decodeDuty({ ...raw, version: next.version })))
    const sentVersion = versionProblem(raw)
    if (sentVersion !== null) problems.push({ path: `${prefix}.version`, message: sentVersion })
    if (Either.isLeft(decoded)) {
      problems.push(...decoded.left.problems.map((p) => ({ path: p.path.replace(/^\$/, prefix), message: p.message })))
      return
    }
    if (next.problem !== null) {
      problems.push({ path: `${prefix}.effectiveFrom`, message: next.problem })
      return
    }
    planned.push({ item: decoded.right, supersedes: ending(next.current, effectiveFrom) })
    known.push({ code, version: next.version, effectiveFrom, effectiveTo: decoded.right.effectiveTo })
  })
  return problems.length > 0 ? Either.left(new InvalidDuty({ problems })) : Either.right(planned)
}

/**
 * Plans a new version of a ranking scheme, by the same rules as duties.
 *
 * @category rules
 */
export const planRankingSchemeVersion = (
  existing: ReadonlyArray<StoredVersion>,
  input: unknown
): Either.Either<PlannedVersion<RankingScheme>, InvalidRankingScheme> => {
  const raw = fieldsOf(input)
  const effectiveFrom = text(raw["effectiveFrom"])
  const next = nextVersion(existing, text(raw["code"]), effectiveFrom)
  const decoded = Effect.runSync(Effect.either(decodeRankingScheme({ ...raw, version: next.version })))
  const sentVersion = versionProblem(raw)
  const versionProblems = sentVersion === null ? [] : [{ path: "$.version", message: sentVersion }]
  if (Either.isLeft(decoded))
    return Either.left(
      versionProblems.length === 0
        ? decoded.left
        : new InvalidRankingScheme({ problems: [...versionProblems, ...decoded.left.problems] })
    )
  if (versionProblems.length > 0) return Either.left(new InvalidRankingScheme({ problems: versionProblems }))
  if (next.problem !== null)
    return Either.left(new InvalidRankingScheme({ problems: [{ path: "$.effectiveFrom", message: next.problem }] }))
  return Either.right({ item: decoded.right, supersedes: ending(next.current, effectiveFrom) })
}

/**
 * The version of `code` in force on `lastDay` (the latest to take effect), which a retirement ends
 * after that day; `InvalidDuty` naming `$.code` when there is none.
 *
 * @category rules
 */
export const versionToRetire = (
  existing: ReadonlyArray<StoredVersion>,
  code: string,
  lastDay: string
): Either.Either<StoredVersion, InvalidDuty> => {
  const inForce = existing
    .filter(
      (r) => r.code === code && r.effectiveFrom <= lastDay && (r.effectiveTo === null || r.effectiveTo >= lastDay)
    )
    .sort((a, b) => b.version - a.version)[0]
  return inForce === undefined
    ? Either.left(new InvalidDuty({ problems: [{ path: "$.code", message: `没有在 ${lastDay} 有效的职责 ${code}` }] }))
    : Either.right(inForce)
}

/**
 * Where duty versions are kept. Each write records its audit entries (creation, revision,
 * supersession, retirement) in the same transaction; `source` says where the versions came from
 * (`api`, `import:职责.xlsx`, `seed`).
 *
 * @category services
 */
export class DutyRepository extends Context.Tag("@fundguard/domain/DutyRepository")<
  DutyRepository,
  {
    readonly versions: Effect.Effect<ReadonlyArray<StoredVersion>>
    readonly save: (
      planned: ReadonlyArray<PlannedVersion<Duty>>,
      source: string,
      actor: CompletionActor
    ) => Effect.Effect<void>
    readonly retire: (version: StoredVersion, lastDay: string, actor: CompletionActor) => Effect.Effect<void>
  }
>() {}

/**
 * Where ranking-scheme versions are kept, each write with its audit entry.
 *
 * @category services
 */
export class RankingSchemeRepository extends Context.Tag("@fundguard/domain/RankingSchemeRepository")<
  RankingSchemeRepository,
  {
    readonly versions: Effect.Effect<ReadonlyArray<StoredVersion>>
    readonly save: (planned: PlannedVersion<RankingScheme>, actor: CompletionActor) => Effect.Effect<void>
  }
>() {}
