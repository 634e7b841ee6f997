/**
 * Designated medical institutions and pharmacies (定点医药机构) as the bureau registers them.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The kind of organisation, as carried in the claims extract's `org_kind` extension column.
 *
 * @category models
 */
export const OrgKind = Schema.Literal(
  "public_hospital",
  "private_hospital",
  "township_health_center",
  "community_health_center",
  "village_clinic",
  "clinic",
  "pharmacy"
).annotations({ identifier: "OrgKind" })
/** @category models */
export type OrgKind = typeof OrgKind.Type

/**
 * Chinese names of each organisation kind, for the UI and for decision drafts.
 *
 * @category formatting
 */
export const orgKindLabel: Readonly<Record<OrgKind, string>> = {
  public_hospital: "公立医院",
  private_hospital: "民营医院",
  township_health_center: "乡镇卫生院",
  community_health_center: "社区卫生服务中心",
  village_clinic: "村卫生室",
  clinic: "诊所",
  pharmacy: "定点零售药店"
}

/**
 * Hospital level (`hosp_lv`): 1 三级, 2 二级, 3 一级, 9 未定级.
 *
 * @category models
 */
export const HospitalLevel = Schema.Literal("1", "2", "3", "9").annotations({ identifier: "HospitalLevel" })
/** @category models */
export type HospitalLevel = typeof HospitalLevel.Type

/** @category formatting */
export const hospitalLevelLabel: Readonly<Record<HospitalLevel, string>> = {
  "1": "三级",
  "2": "二级",
  "3": "一级",
  "9": "未定级"
}

/**
 * The national 12-character institution code (`fixmedins_code`): `H…` medical institution, `P…` pharmacy.
 *
 * @category models
 */
export const InstitutionCode = Schema.String.pipe(
  Schema.pattern(/^[HP][0-9A-Z]{11}$/),
  Schema.brand("InstitutionCode"),
  Schema.annotations({ identifier: "InstitutionCode" })
)
/** @category models */
export type InstitutionCode = typeof InstitutionCode.Type

/**
 * A six-digit administrative division code (行政区划代码), e.g. 500235 奉节县.
 *
 * @category models
 */
export const AdminDivision = Schema.String.pipe(
  Schema.pattern(/^\d{6}$/),
  Schema.annotations({ identifier: "AdminDivision", description: "6-digit administrative division code" })
)

/**
 * The province a division belongs to: its first two digits followed by `0000`.
 *
 * @category combinators
 */
export const provinceOf = (division: string): string => `${division.slice(0, 2)}0000`

/**
 * How specifically the area a document binds covers a division (GB/T 2260): 3 the county itself, 2 its city
 * (`440300`), 1 its province (`640000`), 0 nationwide (`000000`), or null when it does not cover it.
 *
 * @category combinators
 */
export const divisionCoverage = (area: string, division: string): number | null => {
  if (area === "000000") return 0
  if (area.endsWith("0000")) return division.slice(0, 2) === area.slice(0, 2) ? 1 : null
  if (area.endsWith("00")) return division.slice(0, 4) === area.slice(0, 4) ? 2 : null
  return division === area ? 3 : null
}

/**
 * Whether the area a document binds covers a division: `640000` covers all of 宁夏, `440300` the city of 深圳
 * and its districts, `500235` that county alone.
 *
 * @category combinators
 */
export const divisionCovers = (area: string, division: string): boolean => divisionCoverage(area, division) !== null

/**
 * A designated institution as the register holds it.
 *
 * @category models
 */
export class Institution extends Schema.Class<Institution>("Institution")({
  code: InstitutionCode,
  name: Schema.NonEmptyTrimmedString,
  orgKind: OrgKind,
  hospitalLevel: Schema.NullOr(HospitalLevel),
  admdvs: AdminDivision,
  approvedBeds: Schema.NullOr(Schema.Int.pipe(Schema.nonNegative())),
  supervisorCode: Schema.NullOr(InstitutionCode)
}) {}
