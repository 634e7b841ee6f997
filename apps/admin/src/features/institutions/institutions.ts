/**
 * 机构管理's rows for the DataGrid: the API's items with the display text already worked out, so the
 * grid columns are plain fields and the logic is testable without a browser.
 */
import type { InstitutionRow } from "@fundguard/contracts/Institutions"
import { hospitalLevelText, orgKindText } from "../../shared/labels.js"

export interface InstitutionGridRow {
  readonly id: string
  readonly code: string
  readonly name: string
  readonly orgKind: string
  readonly hospitalLevel: string
  readonly admdvs: string
  readonly approvedBeds: string
  readonly supervisor: string
}

/** Institution rows; the supervising 卫生院 is named when it is on the same page. */
export const institutionGridRows = (items: ReadonlyArray<InstitutionRow>): Array<InstitutionGridRow> => {
  const names = new Map(items.map((i) => [i.code, i.name]))
  return items.map((i) => ({
    id: i.code,
    code: i.code,
    name: i.name,
    orgKind: orgKindText(i.orgKind),
    hospitalLevel: hospitalLevelText(i.hospitalLevel),
    admdvs: i.admdvs,
    approvedBeds: i.approvedBeds === null ? "—" : String(i.approvedBeds),
    supervisor:
      i.supervisorCode === null
        ? "—"
        : names.has(i.supervisorCode)
          ? `${names.get(i.supervisorCode)}（${i.supervisorCode}）`
          : i.supervisorCode
  }))
}
