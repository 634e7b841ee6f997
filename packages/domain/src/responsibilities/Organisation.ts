/**
 * The county's supervising organisation and its jurisdiction (seed 000 §二, §三): the medical security
 * bureau and its sections, the handling centre (医保中心), the township/street social-security offices
 * (社保所), and the health centres (乡镇卫生院、社区卫生服务中心) that oversee village clinics; which
 * designated institutions each unit oversees; which bureau leader and section answer for which street.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"
import { InstitutionCode, OrgKind } from "../kernel/Institution.js"

/**
 * What kind of unit carries duties.
 *
 * @category models
 */
export const UnitKind = Schema.Literal(
  "bureau",
  "section",
  "handling_centre",
  "social_security_office",
  "health_centre"
).annotations({ identifier: "UnitKind" })
/** @category models */
export type UnitKind = typeof UnitKind.Type

/** @category formatting */
export const unitKindLabel: Readonly<Record<UnitKind, string>> = {
  bureau: "医疗保障局",
  section: "局机关科室",
  handling_centre: "医保中心（经办机构）",
  social_security_office: "乡镇（街道）社保所",
  health_centre: "乡镇卫生院（社区卫生服务中心）"
}

/**
 * A unit's identifier: upper-case letters, digits and hyphens (`SEC-JJJG`, `SSO-KUIZHOU`).
 *
 * @category models
 */
export const UnitId = Schema.String.pipe(
  Schema.pattern(/^[A-Z][A-Z0-9-]{1,39}$/),
  Schema.annotations({ identifier: "UnitId", description: "upper-case letters, digits and -, e.g. SSO-KUIZHOU" })
)

/**
 * An area's code: lower-case letters, digits, `_` and `-` (`kuizhou`), or a 9/12-digit division code.
 *
 * @category models
 */
export const AreaCode = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9][a-z0-9_-]{1,39}$/),
  Schema.annotations({ identifier: "AreaCode", description: "lower-case letters, digits, _ and -, e.g. kuizhou" })
)

/** "*" in a jurisdiction: the whole county. @category models */
export const WholeCounty = "*" as const

/** A name of a unit, an area or a person: 1–100 characters, trimmed. @category models */
export const ShortName = Schema.NonEmptyTrimmedString.pipe(Schema.maxLength(100))

/** @category models */
export const AreaKind = Schema.Literal("town", "street").annotations({ identifier: "AreaKind" })
/** @category models */
export type AreaKind = typeof AreaKind.Type

/** @category formatting */
export const areaKindLabel: Readonly<Record<AreaKind, string>> = { town: "乡镇", street: "街道" }

/**
 * A township or street of the county.
 *
 * @category models
 */
export class Area extends Schema.Class<Area>("Area")({
  code: AreaCode,
  name: ShortName,
  kind: AreaKind
}) {}

/**
 * A unit with duties. Sections and the handling centre belong to the bureau (`parentId`); a
 * social-security office and a health centre name the unit they report to (seed 000 §二(六): the
 * ledger goes to 基金监管科) — their supervisor, who sees their overdue tasks.
 *
 * @category models
 */
export class OrgUnit extends Schema.Class<OrgUnit>("OrgUnit")({
  id: UnitId,
  name: ShortName,
  kind: UnitKind,
  parentId: Schema.NullOr(UnitId),
  areaCode: Schema.NullOr(AreaCode),
  institutionCode: Schema.NullOr(InstitutionCode),
  head: Schema.NullOr(Schema.String.pipe(Schema.maxLength(100))),
  phone: Schema.NullOr(Schema.String.pipe(Schema.maxLength(50))),
  active: Schema.Boolean
}) {}

/**
 * A unit oversees the designated institutions of `orgKinds` located in `areaCode` (`*`: the whole
 * county). Seed 000 §三(三)/(四): 社保所 → clinics and pharmacies of their township; 卫生院 → the village
 * clinics of theirs; 朱衣镇社区卫生服务中心 also → the village clinics of 夔州街道.
 *
 * @category models
 */
export class Jurisdiction extends Schema.Class<Jurisdiction>("Jurisdiction")({
  unitId: UnitId,
  areaCode: Schema.Union(AreaCode, Schema.Literal(WholeCounty)),
  orgKinds: Schema.Array(OrgKind).pipe(Schema.minItems(1), Schema.maxItems(OrgKind.literals.length))
}) {}

/**
 * Seed 000 §三(一): a bureau leader leads the checks of one street and a section carries them out.
 *
 * @category models
 */
export class AreaAssignment extends Schema.Class<AreaAssignment>("AreaAssignment")({
  areaCode: AreaCode,
  sectionId: UnitId,
  leaderName: ShortName,
  leaderTitle: ShortName
}) {}

/**
 * Where a designated institution is (its township or street).
 *
 * @category models
 */
export class Placement extends Schema.Class<Placement>("Placement")({
  institutionCode: InstitutionCode,
  areaCode: AreaCode
}) {}

/**
 * The whole organisation as one value.
 *
 * @category models
 */
export interface Organisation {
  readonly areas: ReadonlyArray<Area>
  readonly units: ReadonlyArray<OrgUnit>
  readonly jurisdictions: ReadonlyArray<Jurisdiction>
  readonly assignments: ReadonlyArray<AreaAssignment>
  readonly placements: ReadonlyArray<Placement>
}

/**
 * What the organisation needs to know about a designated institution.
 *
 * @category models
 */
export interface InstitutionFacts {
  readonly code: string
  readonly name: string
  readonly orgKind: OrgKind
  readonly hospitalLevel: string | null
  readonly approvedBeds: number | null
  /** The 卫生院 named in the register for a village clinic, if any. */
  readonly supervisorCode: string | null
}

/**
 * The institutions a unit oversees, in code order: those matching one of its jurisdictions by kind and
 * location. A village clinic whose register entry names the unit's health centre as its supervisor is
 * overseen by it even without a placement.
 *
 * @category rules
 */
export const institutionsOverseenBy = (
  org: Organisation,
  unitId: string,
  institutions: ReadonlyArray<InstitutionFacts>
): ReadonlyArray<InstitutionFacts> => {
  const unit = org.units.find((u) => u.id === unitId)
  if (unit === undefined || !unit.active) return []
  const rules = org.jurisdictions.filter((j) => j.unitId === unitId)
  const areaOf = new Map(org.placements.map((p) => [p.institutionCode as string, p.areaCode as string]))
  return institutions
    .filter((i) => {
      if (i.code === unit.institutionCode) return false
      const area = areaOf.get(i.code)
      const byRule = rules.some(
        (r) => r.orgKinds.includes(i.orgKind) && (r.areaCode === WholeCounty || r.areaCode === area)
      )
      const byRegister =
        unit.kind === "health_centre" && unit.institutionCode !== null && i.supervisorCode === unit.institutionCode
      return byRule || byRegister
    })
    .sort((a, b) => a.code.localeCompare(b.code))
}

/**
 * The areas a unit answers for: a section's assigned streets (§三(一)), else the areas of its
 * jurisdictions (the county-wide one excluded), in code order.
 *
 * @category rules
 */
export const areasOf = (org: Organisation, unitId: string): ReadonlyArray<Area> => {
  const fromAssignments = org.assignments.filter((a) => a.sectionId === unitId).map((a) => a.areaCode as string)
  const fromJurisdictions = org.jurisdictions
    .filter((j) => j.unitId === unitId && j.areaCode !== WholeCounty)
    .map((j) => j.areaCode as string)
  const codes = new Set(fromAssignments.length > 0 ? fromAssignments : fromJurisdictions)
  return org.areas.filter((a) => codes.has(a.code)).sort((a, b) => a.code.localeCompare(b.code))
}

/**
 * The units that supervise `unitId`: its parent chain, and the section assigned to its area (§三(一)).
 * Nearest first, without repeats.
 *
 * @category rules
 */
export const supervisorsOf = (org: Organisation, unitId: string): ReadonlyArray<string> => {
  const byId = new Map(org.units.map((u) => [u.id as string, u]))
  const result: Array<string> = []
  let current = byId.get(unitId)
  while (current?.parentId !== null && current?.parentId !== undefined && !result.includes(current.parentId)) {
    result.push(current.parentId)
    current = byId.get(current.parentId)
  }
  const unit = byId.get(unitId)
  const section = org.assignments.find((a) => unit?.areaCode !== null && a.areaCode === unit?.areaCode)?.sectionId
  if (section !== undefined && section !== unitId && !result.includes(section)) result.push(section)
  return result
}

/**
 * The units `supervisorId` supervises, directly or further down (the inverse of `supervisorsOf`).
 *
 * @category rules
 */
export const supervisedBy = (org: Organisation, supervisorId: string): ReadonlyArray<string> =>
  org.units.filter((u) => u.id !== supervisorId && supervisorsOf(org, u.id).includes(supervisorId)).map((u) => u.id)

/**
 * What a user may see and act on (数据范围): their unit and every unit it supervises, and the
 * institutions those units oversee. A user of a top unit (the bureau itself: no parent) sees
 * everything; a user without a unit sees nothing that belongs to a unit.
 *
 * @category models
 */
export type DataScope =
  | { readonly all: true }
  | {
      readonly all: false
      readonly unitIds: ReadonlySet<string>
      readonly institutionCodes: ReadonlySet<string>
      /**
       * A section of the bureau itself (局机关科室): its institutions are those of the units it supervises, but what
       * belongs to no institution — a transfer about a person — is the bureau's, and so its too (`bureauWide`).
       */
      readonly bureauSection?: boolean
    }

/**
 * Whether the scope takes in what belongs to the bureau as a whole and to no institution (a transfer about a
 * person): the bureau's own users and its sections', not a 医保中心's, a 社保所's or a 卫生院's.
 *
 * @category rules
 */
export const bureauWide = (scope: DataScope): boolean => scope.all || scope.bureauSection === true

/** Everything: the bureau's own view, and the system's. @category constructors */
export const wholeScope: DataScope = { all: true }

/**
 * The data scope of a user who belongs to `unitId`.
 *
 * @category rules
 */
export const scopeOfUnit = (
  org: Organisation,
  unitId: string | null,
  institutions: ReadonlyArray<InstitutionFacts>
): DataScope => {
  const unit = unitId === null ? undefined : org.units.find((u) => u.id === unitId)
  if (unit === undefined || !unit.active) return { all: false, unitIds: new Set(), institutionCodes: new Set() }
  if (unit.parentId === null) return wholeScope
  const unitIds = new Set([unit.id as string, ...supervisedBy(org, unit.id)])
  const institutionCodes = new Set<string>()
  for (const id of unitIds) for (const i of institutionsOverseenBy(org, id, institutions)) institutionCodes.add(i.code)
  const parent = org.units.find((u) => u.id === unit.parentId)
  const bureauSection = unit.kind === "section" && parent !== undefined && parent.parentId === null
  return { all: false, unitIds, institutionCodes, ...(bureauSection ? { bureauSection } : {}) }
}

/** Whether a unit is in scope. @category rules */
export const unitInScope = (scope: DataScope, unitId: string): boolean => scope.all || scope.unitIds.has(unitId)

/** Whether an institution is in scope. @category rules */
export const institutionInScope = (scope: DataScope, code: string): boolean =>
  scope.all || scope.institutionCodes.has(code)
