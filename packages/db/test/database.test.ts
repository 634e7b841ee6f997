import { describe, expect, it } from "vitest"
import { isoDate, type Institution } from "@fundguard/domain/kernel"
import { type Suspicion } from "@fundguard/domain/screening"
import {
  finishRun,
  listAudit,
  listInstitutions,
  listSuspicions,
  startRun,
  systemActor,
  upsertInstitutions
} from "../src/index.js"
import { createScratchDatabase } from "../src/testing.js"

const institution = (code: string, name: string, orgKind: Institution["orgKind"]) =>
  ({
    code,
    name,
    orgKind,
    hospitalLevel: orgKind === "pharmacy" ? null : "2",
    admdvs: "500235",
    approvedBeds: orgKind === "pharmacy" ? null : 100,
    supervisorCode: null
  }) as unknown as Institution

const suspicion = (sn: string, amount: number): Suspicion => ({
  rule: "PRICE_OVER_CAP",
  ruleVersion: 1,
  level: "line",
  fixmedins_code: "H50023500001",
  psn_no: "P001",
  mdtrt_id: "M001",
  setl_id: null,
  feedetl_sn: [sn],
  med_list_codg: "X1",
  date: isoDate("2025-01-02"),
  amount,
  violation: "A38-3-OVER_STANDARD_CHARGE",
  evidence: { ceiling: 10 },
  message: "单价超过限价"
})

describe.each(["sqlite", "postgresql"] as const)("operational database on %s", (provider) => {
  it("migrates, stores institutions and audits every change", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const actor = systemActor("test")
      const first = await upsertInstitutions(scratch.db, actor, [
        institution("H50023500001", "奉节县人民医院", "public_hospital"),
        institution("P50023500001", "永安大药房", "pharmacy")
      ])
      expect(first).toEqual({ created: 2, updated: 0 })
      const again = await upsertInstitutions(scratch.db, actor, [
        institution("H50023500001", "奉节县人民医院（新院区）", "public_hospital")
      ])
      expect(again).toEqual({ created: 0, updated: 1 })
      const page = await listInstitutions(scratch.db, { q: "新院区" })
      expect(page.total).toBe(1)
      expect(page.items[0]?.name).toBe("奉节县人民医院（新院区）")
      expect((await listInstitutions(scratch.db, { orgKind: "pharmacy" })).items.map((i) => i.code)).toEqual([
        "P50023500001"
      ])
      const audit = await listAudit(scratch.db, { entityType: "institution" })
      expect(audit.map((a) => a.action).sort()).toEqual([
        "institution.create",
        "institution.create",
        "institution.update"
      ])
    } finally {
      await scratch.dispose()
    }
  })

  it("files a run's suspicions once and keeps their review status on a rerun", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const actor = systemActor("worker")
      const start = {
        trigger: "cli" as const,
        extract: "/tmp/extract",
        admdvs: "500235",
        periodFrom: "2025-01-01",
        periodTo: "2025-03-31",
        params: {}
      }
      const rules = [{ code: "PRICE_OVER_CAP", version: 1, status: "ran" as const, count: 2, durationMs: 3 }]
      const run1 = await startRun(scratch.db, actor, start)
      const first = await finishRun(scratch.db, actor, run1.id, {
        suspicions: [suspicion("1", 20), suspicion("2", 35.5)],
        rules
      })
      expect(first.created).toBe(2)
      await scratch.db.suspicion.updateMany({ where: { feedetlSn: { equals: ["1"] } }, data: { status: "dismissed" } })
      const run2 = await startRun(scratch.db, actor, start)
      const second = await finishRun(scratch.db, actor, run2.id, {
        suspicions: [suspicion("1", 20), suspicion("2", 35.5)],
        rules
      })
      expect(second.created).toBe(0)
      const page = await listSuspicions(scratch.db, {})
      expect(page.total).toBe(2)
      expect(page.totalAmount).toBe(55.5)
      expect(page.items.map((s) => s.status).sort()).toEqual(["dismissed", "pending_first_review"])
      expect(page.items.every((s) => s.lastRunId === run2.id)).toBe(true)
      expect((await listSuspicions(scratch.db, { minAmount: 30 })).items.map((s) => s.amount)).toEqual([35.5])

      // A third run: one lead found again as it was, one changed, 2,500 new (filed a thousand at a time).
      const run3 = await startRun(scratch.db, actor, start)
      const many = Array.from({ length: 2500 }, (_, i) => suspicion(`N${i}`, 1 + (i % 50)))
      const third = await finishRun(scratch.db, actor, run3.id, {
        suspicions: [suspicion("1", 20), { ...suspicion("2", 35.5), evidence: { ceiling: 12 } }, ...many],
        rules
      })
      expect(third.created).toBe(2500)
      expect(await scratch.db.suspicion.count()).toBe(2502)
      const [one, two] = await Promise.all(
        ["1", "2"].map((sn) => scratch.db.suspicion.findFirstOrThrow({ where: { feedetlSn: { equals: [sn] } } }))
      )
      expect(one).toMatchObject({ lastRunId: run3.id, firstRunId: run1.id, status: "dismissed", amount: 20 })
      expect(two).toMatchObject({ lastRunId: run3.id, evidence: { ceiling: 12 }, status: "pending_first_review" })
      expect(await scratch.db.suspicion.count({ where: { firstRunId: run3.id } })).toBe(2500)
    } finally {
      await scratch.dispose()
    }
  })
})
