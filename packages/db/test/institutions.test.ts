/**
 * The register written in bulk: a province's institutions in one short transaction, a code listed twice taking
 * its last row, unchanged institutions neither written nor audited, and the audit chain intact.
 */
import type { Institution } from "@fundguard/domain/kernel"
import { afterEach, describe, expect, it } from "vitest"
import { systemActor, upsertInstitutions, verifyAuditChain } from "../src/index.js"
import { createScratchDatabase, type ScratchDatabase } from "../src/testing.js"

const institution = (i: number, name = `第${i}卫生室`): Institution =>
  ({
    code: `H5002350${String(i).padStart(4, "0")}`,
    name,
    orgKind: "village_clinic",
    hospitalLevel: null,
    admdvs: "500235",
    approvedBeds: null,
    supervisorCode: null
  }) as unknown as Institution

describe.each(["sqlite", "postgresql"] as const)("the register written in bulk on %s", (provider) => {
  let scratch: ScratchDatabase | undefined
  afterEach(async () => {
    await scratch?.dispose()
    scratch = undefined
  })

  it("writes 3,000 institutions at once, the last row of a repeated code, and audits only changes", async () => {
    scratch = await createScratchDatabase(provider)
    const { db } = scratch
    const register = Array.from({ length: 3000 }, (_, i) => institution(i))
    const first = await upsertInstitutions(db, systemActor(), [...register, institution(7, "第7卫生室（更名）")])
    expect(first).toEqual({ created: 3000, updated: 0 })
    expect((await db.institution.findUnique({ where: { code: "H50023500007" } }))?.name).toBe("第7卫生室（更名）")
    expect(await db.auditEvent.count({ where: { action: "institution.create" } })).toBe(3000)

    const again = await upsertInstitutions(db, systemActor(), [
      ...register.slice(0, 10),
      institution(3, "第3卫生室（迁址）")
    ])
    expect(again).toEqual({ created: 0, updated: 2 })
    expect(await db.auditEvent.count({ where: { action: "institution.update" } })).toBe(2)
    expect((await verifyAuditChain(db)).ok).toBe(true)
  })
})
