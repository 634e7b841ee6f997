/**
 * Changing the organisation — one edit in the UI or a whole spreadsheet: the change merged with what
 * is stored, the result checked as a whole (`organisationProblems`), and where it is kept
 * (`OrganisationRepository`).
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Area, AreaAssignment, Jurisdiction, Organisation, OrgUnit, Placement } from "./Organisation.js"
import type { CompletionActor } from "./TaskCompletion.js"

/**
 * A change to the organisation: entities to create or update (by key), and keys to remove. A unit
 * listed in `replaceJurisdictionsOf` has its jurisdictions replaced by those given for it.
 *
 * @category models
 */
export interface OrganisationChange {
  readonly areas?: ReadonlyArray<Area>
  readonly units?: ReadonlyArray<OrgUnit>
  readonly jurisdictions?: ReadonlyArray<Jurisdiction>
  readonly replaceJurisdictionsOf?: ReadonlyArray<string>
  readonly assignments?: ReadonlyArray<AreaAssignment>
  readonly placements?: ReadonlyArray<Placement>
  readonly removeAreas?: ReadonlyArray<string>
  readonly removeAssignments?: ReadonlyArray<string>
  readonly removePlacements?: ReadonlyArray<string>
}

const mergeBy = <A>(
  current: ReadonlyArray<A>,
  next: ReadonlyArray<A>,
  key: (a: A) => string,
  remove: ReadonlyArray<string> = []
): Array<A> => {
  const byKey = new Map(current.map((a) => [key(a), a]))
  for (const k of remove) byKey.delete(k)
  for (const a of next) byKey.set(key(a), a)
  return [...byKey.values()]
}

const jurisdictionKey = (j: Jurisdiction): string => `${j.unitId}|${j.areaCode}`

/**
 * The organisation after a change (nothing written): removals first, then creations and updates by
 * key.
 *
 * @category rules
 */
export const applyOrganisationChange = (org: Organisation, change: OrganisationChange): Organisation => {
  const replaced = new Set(change.replaceJurisdictionsOf ?? [])
  return {
    areas: mergeBy(org.areas, change.areas ?? [], (a) => a.code, change.removeAreas),
    units: mergeBy(org.units, change.units ?? [], (u) => u.id),
    jurisdictions: mergeBy(
      org.jurisdictions.filter((j) => !replaced.has(j.unitId)),
      change.jurisdictions ?? [],
      jurisdictionKey
    ),
    assignments: mergeBy(org.assignments, change.assignments ?? [], (a) => a.areaCode, change.removeAssignments),
    placements: mergeBy(org.placements, change.placements ?? [], (p) => p.institutionCode, change.removePlacements)
  }
}

/**
 * The organisation could not be changed: the result would be inconsistent. `rows` names every
 * problem as a person sees it in the sheet.
 *
 * @category errors
 */
export class OrganisationRejected extends Schema.TaggedError<OrganisationRejected>()("OrganisationRejected", {
  rows: Schema.Array(
    Schema.Struct({
      sheet: Schema.String,
      line: Schema.NullOr(Schema.Number),
      column: Schema.NullOr(Schema.String),
      message: Schema.String
    })
  )
}) {
  override get message(): string {
    return this.rows
      .map(
        (p) =>
          `${p.sheet}${p.line === null ? "" : ` 第${p.line}行`}${p.column === null ? "" : ` ${p.column}`}：${p.message}`
      )
      .join("\n")
  }
  /** The rows at fault, each named as a person sees it in the sheet (`单位 第3行 上级单位`). */
  get problems(): ReadonlyArray<{ readonly path: string; readonly message: string }> {
    return this.rows.map((p) => ({
      path: [p.sheet, p.line === null ? null : `第${p.line}行`, p.column].filter((x) => x !== null).join(" "),
      message: p.message
    }))
  }
}

/**
 * Where the organisation is kept. `write` applies a change already checked, in one transaction, with
 * one audit entry per entity (`source` says where it came from: the UI, a spreadsheet, the seed),
 * and answers how many entities it created or updated.
 *
 * @category services
 */
export class OrganisationRepository extends Context.Tag("@fundguard/domain/OrganisationRepository")<
  OrganisationRepository,
  {
    readonly load: Effect.Effect<Organisation>
    /** The codes of the institutions in the register (units and placements may name only these). */
    readonly institutionCodes: Effect.Effect<ReadonlySet<string>>
    readonly write: (
      change: OrganisationChange,
      source: string,
      actor: CompletionActor
    ) => Effect.Effect<{ readonly written: number }>
  }
>() {}
