import { weekendsOnlyCalendar, type Institution } from "@fundguard/domain/kernel"
import { defaultDuties, defaultRankingScheme, InvalidDuty } from "@fundguard/domain/responsibilities"
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  changeOrganisation,
  demoExtraInstitutions,
  demoOrganisation,
  EvidenceUnavailable,
  generateTasks,
  listAudit,
  listDuties,
  listRankingSchemes,
  loadOrganisation,
  OrganisationRejected,
  rankingSchemeOn,
  readEvidence,
  recordCompletion,
  retireDuty,
  saveDuty,
  saveRankingScheme,
  seedDuties,
  systemActor,
  upsertInstitutions
} from "../src/index.js"
import { createScratchDatabase } from "../src/testing.js"

const register = [
  ["H50023500001", "奉节县人民医院", "public_hospital", "1", 600, null],
  ["H50023500002", "奉节县中医院", "public_hospital", "2", 300, null],
  ["H50023500003", "奉节康华医院", "private_hospital", "3", 80, null],
  ["H50023500004", "奉节县草堂镇卫生院", "township_health_center", "3", 40, null],
  ["H50023500005", "奉节县吐祥镇中心卫生院", "township_health_center", "3", 60, null],
  ["H50023500006", "奉节县青龙镇卫生院", "township_health_center", "3", 30, null],
  ["H50023500007", "奉节县鱼复街道社区卫生服务中心", "community_health_center", "3", 20, null],
  ["H50023500008", "奉节县草堂镇石马村卫生室", "village_clinic", "9", 0, "H50023500004"],
  ["H50023500009", "奉节县草堂镇欧营村卫生室", "village_clinic", null, 0, "H50023500004"],
  ["H50023500010", "奉节县吐祥镇中坝村卫生室", "village_clinic", "9", 0, "H50023500005"],
  ["H50023500011", "奉节县青龙镇大窝村卫生室", "village_clinic", null, 0, "H50023500006"],
  ["H50023500012", "奉节县永安街道李氏诊所", "clinic", "9", 0, null],
  ["H50023500013", "奉节县夔门街道康宁中医诊所", "clinic", null, 0, null],
  ["P50023500001", "奉节县夔州大药房", "pharmacy", null, null, null],
  ["P50023500002", "奉节县康佰家药店永安店", "pharmacy", null, null, null],
  ["P50023500003", "奉节县吐祥镇济民药店", "pharmacy", null, null, null]
].map(
  ([code, name, orgKind, hospitalLevel, approvedBeds, supervisorCode]) =>
    ({ code, name, orgKind, hospitalLevel, admdvs: "500235", approvedBeds, supervisorCode }) as unknown as Institution
)

const calendar = weekendsOnlyCalendar(2024, 2026)
const actor = systemActor("test")

describe.each(["sqlite", "postgresql"] as const)("responsibilities store on %s", (provider) => {
  it("changes the organisation all or nothing, audited, and refuses an inconsistent one", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      await upsertInstitutions(scratch.db, actor, [...register, ...demoExtraInstitutions])
      const org = demoOrganisation()
      const { written } = await changeOrganisation(scratch.db, actor, org, "test")
      expect(written).toBe(
        org.areas.length + org.units.length + org.jurisdictions.length + org.assignments.length + org.placements.length
      )
      const before = (await listAudit(scratch.db, { take: 1000 })).length
      const broken = { units: [{ ...org.units[6]!, id: "SSO-X", parentId: "SEC-NOPE" }] } as never
      const error = await changeOrganisation(scratch.db, actor, broken, "test").catch((e: unknown) => e)
      expect(error).toBeInstanceOf(OrganisationRejected)
      expect((error as OrganisationRejected).rows[0]?.message).toContain("上级单位 SEC-NOPE 不存在")
      expect((await listAudit(scratch.db, { take: 1000 })).length).toBe(before)
      expect((await loadOrganisation(scratch.db)).units.some((u) => u.id === "SSO-X")).toBe(false)
      const removal = await changeOrganisation(scratch.db, actor, { removeAreas: ["kuizhou"] }, "test").catch(
        (e: unknown) => e
      )
      expect((removal as OrganisationRejected).rows.some((p) => p.message.includes("区域 kuizhou 不存在"))).toBe(true)
    } finally {
      await scratch.dispose()
    }
  })

  it("keeps every version of a duty and of the ranking scheme", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      expect(await seedDuties(scratch.db, actor, defaultDuties)).toBe(defaultDuties.length)
      expect(await seedDuties(scratch.db, actor, defaultDuties)).toBe(0)
      const training = defaultDuties.find((d) => d.code === "FJ-HC-TRAINING-Y")!
      const v2 = await saveDuty(scratch.db, actor, { ...training, effectiveFrom: "2026-01-01", requiredCount: 3 })
      expect(v2.version).toBe(2)
      const versions = (await listDuties(scratch.db)).filter((d) => d.code === training.code)
      expect(versions.map((d) => [d.version, d.effectiveFrom, d.effectiveTo, d.requiredCount])).toEqual([
        [1, "2023-08-09", "2025-12-31", 2],
        [2, "2026-01-01", null, 3]
      ])
      await expect(saveDuty(scratch.db, actor, { ...training, effectiveFrom: "2025-06-01" })).rejects.toBeInstanceOf(
        InvalidDuty
      )
      await retireDuty(scratch.db, actor, training.code, "2026-06-30")
      expect((await listDuties(scratch.db)).find((d) => d.code === training.code && d.version === 2)?.effectiveTo).toBe(
        "2026-06-30"
      )

      await saveRankingScheme(scratch.db, actor, defaultRankingScheme)
      await saveRankingScheme(scratch.db, actor, {
        ...defaultRankingScheme,
        effectiveFrom: "2026-01-01",
        criteria: [
          { metric: "on_time_rate", weight: 50 },
          { metric: "checks_done_rate", weight: 50 }
        ]
      })
      const schemes = await listRankingSchemes(scratch.db)
      expect(rankingSchemeOn(schemes, "2025-12-31")?.version).toBe(1)
      expect(rankingSchemeOn(schemes, "2026-03-01")?.criteria).toHaveLength(2)
      const audit = await listAudit(scratch.db, { entityType: "duty", take: 200 })
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining(["duty.create", "duty.revise", "duty.supersede", "duty.retire"])
      )
    } finally {
      await scratch.dispose()
    }
  })

  it("stores evidence files by hash and refuses to serve a file changed on disk", async () => {
    const scratch = await createScratchDatabase(provider)
    const dir = mkdtempSync(join(tmpdir(), "fundguard-evidence-db-"))
    try {
      await upsertInstitutions(scratch.db, actor, [...register, ...demoExtraInstitutions])
      await changeOrganisation(scratch.db, actor, demoOrganisation(), "test")
      await seedDuties(scratch.db, actor, defaultDuties)
      const first = await generateTasks(scratch.db, actor, { calendar, from: "2025-09-01", through: "2025-09-30" })
      expect(first.created).toBeGreaterThan(0)
      expect(
        (await generateTasks(scratch.db, actor, { calendar, from: "2025-09-01", through: "2025-09-30" })).created
      ).toBe(0)
      const ledger = await scratch.db.dutyTask.findFirstOrThrow({
        where: { dutyCode: "FJ-SSO-LEDGER-M", periodKey: "2025-09", unitId: "SSO-YONGAN" }
      })
      // The weekends-only calendar knows no National Day: 5 October 2025 is a Sunday → Monday 6 October.
      expect(ledger.deadline).toBe("2025-10-06")
      const bytes = new TextEncoder().encode("2025年9月检查台账")
      const completion = await recordCompletion(scratch.db, actor, {
        taskId: ledger.id,
        completedOn: "2025-10-03",
        record: "已报送电子件和盖章纸质件",
        values: { paperSealed: true },
        files: [{ fileName: "台账.xlsx", mediaType: "application/octet-stream", bytes }],
        today: "2025-10-10",
        evidenceDir: dir
      })
      const file = completion.files[0]!
      expect(Buffer.from(await readEvidence(dir, file.sha256)).toString()).toBe("2025年9月检查台账")
      expect((await scratch.db.dutyTask.findUniqueOrThrow({ where: { id: ledger.id } })).completedOn).toBe("2025-10-03")
      const stored = join(dir, file.sha256.slice(0, 2), file.sha256)
      expect(readdirSync(join(dir, file.sha256.slice(0, 2)))).toEqual([file.sha256])
      writeFileSync(stored, "篡改后的内容")
      await expect(readEvidence(dir, file.sha256)).rejects.toBeInstanceOf(EvidenceUnavailable)
    } finally {
      await scratch.dispose()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
