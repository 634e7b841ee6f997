import { type Institution } from "@fundguard/domain/kernel"
import {
  Area,
  defaultDuties,
  defaultRankingScheme,
  DutyRepository,
  Jurisdiction,
  OrganisationRepository,
  OrgUnit,
  Placement,
  planDutyVersions,
  planRankingSchemeVersion,
  RankingSchemeRepository,
  type Organisation,
  type OrganisationChange
} from "@fundguard/domain/responsibilities"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Schema from "effect/Schema"
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  DutyRepositoryLive,
  EvidenceUnavailable,
  listAudit,
  listDuties,
  listRankingSchemes,
  loadOrganisation,
  OrganisationRepositoryLive,
  rankingSchemeOn,
  RankingSchemeRepositoryLive,
  readEvidence,
  storeEvidence,
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

const actor = systemActor("test")

const unit = (fields: Readonly<Record<string, string>>) =>
  Schema.decodeUnknownSync(OrgUnit)({
    parentId: null,
    areaCode: null,
    institutionCode: null,
    head: null,
    phone: null,
    active: true,
    ...fields
  })

/** A township with its health centre, which oversees one village clinic there. */
const organisation: Organisation = {
  areas: [Area.make({ code: "caotang", name: "草堂镇", kind: "town" })],
  units: [
    unit({ id: "BUREAU", name: "奉节县医疗保障局", kind: "bureau" }),
    unit({
      id: "HC-CAOTANG",
      name: "奉节县草堂镇卫生院",
      kind: "health_centre",
      parentId: "BUREAU",
      areaCode: "caotang",
      institutionCode: "H50023500004"
    })
  ],
  jurisdictions: [Jurisdiction.make({ unitId: "HC-CAOTANG", areaCode: "caotang", orgKinds: ["village_clinic"] })],
  assignments: [],
  placements: [Schema.decodeUnknownSync(Placement)({ institutionCode: "H50023500008", areaCode: "caotang" })]
}

describe.each(["sqlite", "postgresql"] as const)("responsibilities store on %s", (provider) => {
  it("keeps the duty and ranking-scheme versions its repositories write, with their audit entries", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const training = defaultDuties.find((d) => d.code === "FJ-HC-TRAINING-Y")!
      const layer = Layer.merge(DutyRepositoryLive(scratch.db), RankingSchemeRepositoryLive(scratch.db))
      const run = <A, E>(effect: Effect.Effect<A, E, DutyRepository | RankingSchemeRepository>) =>
        Effect.runPromise(effect.pipe(Effect.provide(layer)))
      const saveDuty = (input: unknown) =>
        run(
          Effect.flatMap(DutyRepository, (duties) =>
            Effect.flatMap(duties.versions, (versions) =>
              Effect.flatMap(planDutyVersions(versions, [input]), (plan) => duties.save(plan, "test", actor))
            )
          )
        )
      await saveDuty(training)
      await saveDuty({ ...training, effectiveFrom: "2026-01-01", requiredCount: 3 })
      const versions = (await listDuties(scratch.db)).filter((d) => d.code === training.code)
      expect(versions.map((d) => [d.version, d.effectiveFrom, d.effectiveTo, d.requiredCount])).toEqual([
        [1, "2023-08-09", "2025-12-31", 2],
        [2, "2026-01-01", null, 3]
      ])
      await run(
        Effect.flatMap(DutyRepository, (duties) =>
          duties.retire({ ...versions[1]!, effectiveTo: null }, "2026-06-30", actor)
        )
      )
      expect(await run(Effect.flatMap(DutyRepository, (duties) => duties.versions))).toEqual(
        expect.arrayContaining([
          { code: training.code, version: 2, effectiveFrom: "2026-01-01", effectiveTo: "2026-06-30" }
        ])
      )
      const audit = await listAudit(scratch.db, { entityType: "duty", take: 200 })
      expect(audit.map((a) => a.action)).toEqual(["duty.retire", "duty.revise", "duty.supersede", "duty.create"])

      await run(
        Effect.flatMap(RankingSchemeRepository, (schemes) =>
          Effect.flatMap(planRankingSchemeVersion([], defaultRankingScheme), (plan) => schemes.save(plan, actor))
        )
      )
      expect(rankingSchemeOn(await listRankingSchemes(scratch.db), "2025-12-31")?.version).toBe(1)
      expect((await listAudit(scratch.db, { entityType: "ranking_scheme", take: 10 })).map((a) => a.action)).toEqual([
        "ranking_scheme.create"
      ])
    } finally {
      await scratch.dispose()
    }
  })

  it("keeps the organisation a repository writes, one audit entry per entity, and removes what it is told to", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      await upsertInstitutions(scratch.db, actor, register)
      const write = (change: OrganisationChange) =>
        Effect.runPromise(
          Effect.flatMap(OrganisationRepository, (organisations) =>
            organisations.write(change, "test", { id: null, name: "test", ip: null })
          ).pipe(Effect.provide(OrganisationRepositoryLive(scratch.db)))
        )
      const { written } = await write(organisation)
      expect(written).toBe(5)
      expect(await loadOrganisation(scratch.db)).toEqual(organisation)
      const audit = await listAudit(scratch.db, { take: 100 })
      expect(audit.map((a) => a.action).sort()).toEqual(
        ["area.save", "institution.create", "jurisdiction.save", "org_unit.save", "org_unit.save", "placement.save"]
          .concat(Array(register.length - 1).fill("institution.create"))
          .sort()
      )
      await write({ removePlacements: ["H50023500008"], replaceJurisdictionsOf: ["HC-CAOTANG"] })
      const after = await loadOrganisation(scratch.db)
      expect(after.placements).toEqual([])
      expect(after.jurisdictions).toEqual([])
    } finally {
      await scratch.dispose()
    }
  })
})

describe("evidence store", () => {
  it("stores files by hash, once, and refuses to serve a file changed on disk", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fundguard-evidence-db-"))
    try {
      const bytes = new TextEncoder().encode("2025年9月检查台账")
      const sha256 = await storeEvidence(dir, bytes)
      expect(await storeEvidence(dir, bytes)).toBe(sha256)
      expect(Buffer.from(await readEvidence(dir, sha256)).toString()).toBe("2025年9月检查台账")
      expect(readdirSync(join(dir, sha256.slice(0, 2)))).toEqual([sha256])
      writeFileSync(join(dir, sha256.slice(0, 2), sha256), "篡改后的内容")
      await expect(readEvidence(dir, sha256)).rejects.toBeInstanceOf(EvidenceUnavailable)
      await expect(readEvidence(dir, "0".repeat(64))).rejects.toBeInstanceOf(EvidenceUnavailable)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
