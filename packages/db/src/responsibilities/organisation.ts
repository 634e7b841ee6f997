/**
 * The organisation and its jurisdiction (areas, units, jurisdictions, area assignments, institution
 * placements). Every change — one edit in the UI or a whole spreadsheet — goes through
 * `changeOrganisation`: merged with what is stored, checked as a whole, written in one transaction
 * with an audit entry per entity, or refused with every problem named.
 */
import {
  Area,
  AreaAssignment,
  Jurisdiction,
  OrgUnit,
  organisationProblems,
  Placement,
  scopeOfUnit,
  type DataScope,
  type InstitutionFacts,
  type Organisation
} from "@fundguard/domain/responsibilities"
import * as Schema from "effect/Schema"
import { recordAudit, type Actor } from "../access/audit.js"
import type { Db } from "../client.js"

/** The organisation could not be changed; `problems` says why, row by row. */
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

const decode = <A, I>(schema: Schema.Schema<A, I>) => Schema.decodeUnknownSync(schema)

/** The whole organisation as the domain sees it. */
export const loadOrganisation = async (db: Db): Promise<Organisation> => {
  const [areas, units, jurisdictions, assignments, placements] = await Promise.all([
    db.area.findMany({ orderBy: { code: "asc" } }),
    db.orgUnit.findMany({ orderBy: { id: "asc" } }),
    db.unitJurisdiction.findMany({ orderBy: [{ unitId: "asc" }, { areaCode: "asc" }] }),
    db.areaAssignment.findMany({ orderBy: { areaCode: "asc" } }),
    db.institutionPlacement.findMany({ orderBy: { institutionCode: "asc" } })
  ])
  return {
    areas: areas.map((a) => decode(Area)({ code: a.code, name: a.name, kind: a.kind })),
    units: units.map((u) =>
      decode(OrgUnit)({
        id: u.id,
        name: u.name,
        kind: u.kind,
        parentId: u.parentId,
        areaCode: u.areaCode,
        institutionCode: u.institutionCode,
        head: u.head,
        phone: u.phone,
        active: u.active
      })
    ),
    jurisdictions: jurisdictions.map((j) =>
      decode(Jurisdiction)({ unitId: j.unitId, areaCode: j.areaCode, orgKinds: j.orgKinds })
    ),
    assignments: assignments.map((a) =>
      decode(AreaAssignment)({
        areaCode: a.areaCode,
        sectionId: a.sectionId,
        leaderName: a.leaderName,
        leaderTitle: a.leaderTitle
      })
    ),
    placements: placements.map((p) => decode(Placement)({ institutionCode: p.institutionCode, areaCode: p.areaCode }))
  }
}

/**
 * A change to the organisation: entities to create or update (by key), and keys to remove. A unit
 * listed in `replaceJurisdictionsOf` has its jurisdictions replaced by those given for it.
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
) => {
  const map = new Map(current.map((a) => [key(a), a]))
  for (const k of remove) map.delete(k)
  for (const a of next) map.set(key(a), a)
  return [...map.values()]
}

const jurisdictionKey = (j: Jurisdiction) => `${j.unitId}|${j.areaCode}`

/** The organisation after a change (not written). */
export const applyChange = (org: Organisation, change: OrganisationChange): Organisation => {
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
 * Applies a change: refused with `OrganisationRejected` when the result is inconsistent (unknown
 * parents, areas, units or institutions), else written in one transaction, one audit entry per entity.
 */
export const changeOrganisation = async (
  db: Db,
  actor: Actor,
  change: OrganisationChange,
  source: string
): Promise<{ readonly organisation: Organisation; readonly written: number }> => {
  const current = await loadOrganisation(db)
  const next = applyChange(current, change)
  const codes = new Set((await db.institution.findMany({ select: { code: true } })).map((i) => i.code))
  const problems = organisationProblems(next, codes)
  if (problems.length > 0) throw new OrganisationRejected({ rows: problems })
  let written = 0
  await db.$transaction(async (tx) => {
    const audit = (action: string, entityType: string, entityId: string, details: Record<string, unknown>) =>
      recordAudit(tx, actor, { action, entityType, entityId, details: { ...details, source } })
    for (const code of change.removeAreas ?? []) {
      await tx.area.deleteMany({ where: { code } })
      await audit("area.delete", "area", code, {})
    }
    for (const a of change.areas ?? []) {
      const data = { name: a.name, kind: a.kind }
      await tx.area.upsert({ where: { code: a.code }, create: { code: a.code, ...data }, update: data })
      await audit("area.save", "area", a.code, data)
      written++
    }
    for (const u of change.units ?? []) {
      const data = {
        name: u.name,
        kind: u.kind,
        parentId: u.parentId,
        areaCode: u.areaCode,
        institutionCode: u.institutionCode,
        head: u.head,
        phone: u.phone,
        active: u.active
      }
      await tx.orgUnit.upsert({ where: { id: u.id }, create: { id: u.id, ...data }, update: data })
      await audit("org_unit.save", "org_unit", u.id, data)
      written++
    }
    for (const unitId of change.replaceJurisdictionsOf ?? []) {
      await tx.unitJurisdiction.deleteMany({ where: { unitId } })
      await audit("jurisdiction.clear", "org_unit", unitId, {})
    }
    for (const j of change.jurisdictions ?? []) {
      const data = { orgKinds: [...j.orgKinds] }
      await tx.unitJurisdiction.upsert({
        where: { unitId_areaCode: { unitId: j.unitId, areaCode: j.areaCode } },
        create: { unitId: j.unitId, areaCode: j.areaCode, ...data },
        update: data
      })
      await audit("jurisdiction.save", "org_unit", j.unitId, { areaCode: j.areaCode, ...data })
      written++
    }
    for (const areaCode of change.removeAssignments ?? []) {
      await tx.areaAssignment.deleteMany({ where: { areaCode } })
      await audit("area_assignment.delete", "area", areaCode, {})
    }
    for (const a of change.assignments ?? []) {
      const data = { sectionId: a.sectionId, leaderName: a.leaderName, leaderTitle: a.leaderTitle }
      await tx.areaAssignment.upsert({
        where: { areaCode: a.areaCode },
        create: { areaCode: a.areaCode, ...data },
        update: data
      })
      await audit("area_assignment.save", "area", a.areaCode, data)
      written++
    }
    for (const institutionCode of change.removePlacements ?? []) {
      await tx.institutionPlacement.deleteMany({ where: { institutionCode } })
      await audit("placement.delete", "institution", institutionCode, {})
    }
    for (const p of change.placements ?? []) {
      await tx.institutionPlacement.upsert({
        where: { institutionCode: p.institutionCode },
        create: { institutionCode: p.institutionCode, areaCode: p.areaCode },
        update: { areaCode: p.areaCode }
      })
      await audit("placement.save", "institution", p.institutionCode, { areaCode: p.areaCode })
      written++
    }
  })
  return { organisation: next, written }
}

/**
 * The data scope of a user (`scopeOfUnit`): their unit, the units it supervises and the institutions
 * those oversee, read from the organisation and the register as they are now.
 */
export const scopeOfUser = async (db: Db, user: { readonly unitId: string | null }): Promise<DataScope> => {
  if (user.unitId === null)
    return scopeOfUnit({ areas: [], units: [], jurisdictions: [], assignments: [], placements: [] }, null, [])
  const [org, institutions] = await Promise.all([
    loadOrganisation(db),
    db.institution.findMany({
      select: { code: true, name: true, orgKind: true, hospitalLevel: true, approvedBeds: true, supervisorCode: true }
    })
  ])
  return scopeOfUnit(org, user.unitId, institutions as ReadonlyArray<InstitutionFacts>)
}
