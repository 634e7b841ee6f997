import { describe, expect, it } from "vitest"
import type { InstitutionRow } from "@fundguard/contracts/Institutions"
import { institutionGridRows } from "../../../src/features/institutions/institutions.js"

const hospital: InstitutionRow = {
  code: "H50023500001",
  name: "奉节县人民医院",
  orgKind: "public_hospital",
  hospitalLevel: "2",
  admdvs: "500235",
  approvedBeds: 800,
  supervisorCode: null
}
const clinic: InstitutionRow = {
  code: "H50023500123",
  name: "某村卫生室",
  orgKind: "village_clinic",
  hospitalLevel: null,
  admdvs: "500235",
  approvedBeds: null,
  supervisorCode: "H50023500010"
}
const centre: InstitutionRow = {
  ...clinic,
  code: "H50023500010",
  name: "某镇卫生院",
  orgKind: "township_health_center",
  supervisorCode: null
}

describe("institution rows", () => {
  it("show Chinese labels and dashes for missing values", () => {
    const [row] = institutionGridRows([hospital])
    expect(row).toEqual({
      id: "H50023500001",
      code: "H50023500001",
      name: "奉节县人民医院",
      orgKind: "公立医院",
      hospitalLevel: "二级",
      admdvs: "500235",
      approvedBeds: "800",
      supervisor: "—"
    })
    expect(institutionGridRows([clinic])[0]).toMatchObject({
      orgKind: "村卫生室",
      hospitalLevel: "—",
      approvedBeds: "—"
    })
  })

  it("name the supervising 卫生院 when it is on the same page", () => {
    expect(institutionGridRows([clinic])[0]?.supervisor).toBe("H50023500010")
    expect(institutionGridRows([clinic, centre])[0]?.supervisor).toBe("某镇卫生院（H50023500010）")
  })
})
