/**
 * Where the organisation and its jurisdiction (areas, units, jurisdictions, area assignments,
 * institution placements) are kept: the domain's `OrganisationRepository` on this database. A change
 * is decided by the application's `changeOrganisation` (merged, checked as a whole); here it is only
 * written, in one transaction with an audit entry per entity.
 */
import {
  Area,
  AreaAssignment,
  Jurisdiction,
  OrganisationRepository,
  OrgUnit,
  Placement,
  scopeOfUnit,
  wholeScope,
  type DataScope,
  type InstitutionFacts,
  type Organisation,
  type OrganisationChange
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { recordAudit, type Actor } from "../access/audit.js"
import type { Db } from "../client.js"

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

/** Writes a change already checked: removals, then creations and updates, each audited, all or nothing. */
const writeChange = async (
  db: Db,
  actor: Actor,
  change: OrganisationChange,
  source: string
): Promise<{ readonly written: number }> => {
  try {
    return await writeChangeNow(db, actor, change, source)
  } finally {
    forgetScopes(db)
  }
}

const writeChangeNow = async (
  db: Db,
  actor: Actor,
  change: OrganisationChange,
  source: string
): Promise<{ readonly written: number }> => {
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
  return { written }
}

/**
 * The data scope of a user (`scopeOfUnit`): their unit, the units it supervises and the institutions
 * those oversee, read from the organisation and the register as they are now.
 */
export const scopeOfUser = (db: Db, user: { readonly unitId: string | null }): Promise<DataScope> => {
  let remembered = recentScopes.get(db)
  if (remembered === undefined) recentScopes.set(db, (remembered = new Map()))
  const key = user.unitId ?? ""
  const known = remembered.get(key)
  if (known !== undefined && known.until > Date.now()) return known.scope
  const scope = readScope(db, user)
  remembered.set(key, { until: Date.now() + scopeMemoryMs, scope })
  scope.catch(() => remembered.delete(key))
  return scope
}

/**
 * Scopes worked out in the last few seconds, per database and unit, so that each request of a signed-in user
 * does not read the organisation again. Every write of the organisation or the register in this process
 * forgets them at once (`forgetScopes`); one made by another process counts within `scopeMemoryMs`.
 */
const recentScopes = new WeakMap<Db, Map<string, { readonly until: number; readonly scope: Promise<DataScope> }>>()
const scopeMemoryMs = 5_000

/** Forgets the remembered scopes of a database: after a write of the organisation or the register. */
export const forgetScopes = (db: Db): void => recentScopes.get(db)?.clear()

const readScope = async (db: Db, user: { readonly unitId: string | null }): Promise<DataScope> => {
  if (user.unitId === null)
    return scopeOfUnit({ areas: [], units: [], jurisdictions: [], assignments: [], placements: [] }, null, [])
  // The bureau itself (and a unit that is gone or inactive) needs neither the organisation nor the institutions:
  // reading them on each request of a bureau officer costs more than the request itself in a province.
  const unit = await db.orgUnit.findUnique({ where: { id: user.unitId }, select: { active: true, parentId: true } })
  if (unit === null || !unit.active) return { all: false, unitIds: new Set(), institutionCodes: new Set() }
  if (unit.parentId === null) return wholeScope
  const org = await loadOrganisation(db)
  const institutions = await db.institution.findMany({
    select: { code: true, name: true, orgKind: true, hospitalLevel: true, approvedBeds: true, supervisorCode: true }
  })
  return scopeOfUnit(org, user.unitId, institutions as ReadonlyArray<InstitutionFacts>)
}

/** The organisation's repository (the domain's `OrganisationRepository`) on this database, as a layer. */
export const OrganisationRepositoryLive = (db: Db): Layer.Layer<OrganisationRepository> =>
  Layer.succeed(OrganisationRepository, {
    load: Effect.promise(() => loadOrganisation(db)),
    institutionCodes: Effect.promise(
      async () => new Set((await db.institution.findMany({ select: { code: true } })).map((i) => i.code))
    ),
    write: (change, source, actor) => Effect.promise(() => writeChange(db, actor, change, source))
  })
