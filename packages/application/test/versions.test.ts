/**
 * Duties and ranking schemes through their use cases on real databases: every version kept, the one
 * replaced ending the day before, an effective date that does not follow the current version's
 * refused, a batch all or nothing, retirement, and the audit entries of each.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { listAudit, listDuties, listRankingSchemes, rankingSchemeOn } from "@fundguard/db"
import {
  defaultDuties,
  defaultRankingScheme,
  InvalidDuty,
  type InvalidRankingScheme
} from "@fundguard/domain/responsibilities"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { retireDuty, saveDuties, saveRankingScheme, seedDuties } from "../src/responsibilities/index.js"
import { setUpActor as actor } from "./county.js"
import { refusal, useCasesOn } from "./harness.js"

describe.each(["sqlite", "postgresql"] as const)("duty and ranking-scheme versions on %s", (provider) => {
  let scratch: ScratchDatabase
  const run = useCasesOn(() => scratch.db)
  const training = defaultDuties.find((d) => d.code === "FJ-HC-TRAINING-Y")!

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
  }, 120_000)
  afterAll(async () => scratch?.dispose())

  it("keeps every version of a duty, ending the one replaced the day before, and retires one", async () => {
    expect(await run(seedDuties({ duties: defaultDuties, actor }))).toBe(defaultDuties.length)
    expect(await run(seedDuties({ duties: defaultDuties, actor }))).toBe(0)
    const [v2] = await run(
      saveDuties({ duties: [{ ...training, effectiveFrom: "2026-01-01", requiredCount: 3 }], source: "api", actor })
    )
    expect(v2?.version).toBe(2)
    const versions = (await listDuties(scratch.db)).filter((d) => d.code === training.code)
    expect(versions.map((d) => [d.version, d.effectiveFrom, d.effectiveTo, d.requiredCount])).toEqual([
      [1, "2023-08-09", "2025-12-31", 2],
      [2, "2026-01-01", null, 3]
    ])

    const early = await refusal(
      run(saveDuties({ duties: [{ ...training, effectiveFrom: "2025-06-01" }], source: "api", actor }))
    )
    expect((early as InvalidDuty).problems).toEqual([
      { path: "$.effectiveFrom", message: "生效日期须晚于现行版本的生效日期 2026-01-01" }
    ])

    await run(retireDuty({ code: training.code, lastDay: "2026-06-30", actor }))
    expect((await listDuties(scratch.db)).find((d) => d.code === training.code && d.version === 2)?.effectiveTo).toBe(
      "2026-06-30"
    )
    const none = await refusal(run(retireDuty({ code: "NO-SUCH-DUTY", lastDay: "2026-06-30", actor })))
    expect((none as InvalidDuty).problems[0]?.path).toBe("$.code")

    const audit = await listAudit(scratch.db, { entityType: "duty", take: 200 })
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["duty.create", "duty.revise", "duty.supersede", "duty.retire"])
    )
  })

  it("saves a batch all or nothing, naming each item's problems by its index", async () => {
    const before = await listDuties(scratch.db)
    const audit = (await listAudit(scratch.db, { take: 1000 })).length
    const refused = await refusal(
      run(
        saveDuties({
          duties: [
            { ...training, code: "FJ-NEW-1", effectiveFrom: "2027-01-01" },
            { ...training, code: "FJ-NEW-2", effectiveFrom: "2027-01-01", category: "每世纪", version: 0 }
          ],
          source: "import:职责.xlsx",
          actor
        })
      )
    )
    expect(refused).toBeInstanceOf(InvalidDuty)
    const paths = (refused as InvalidDuty).problems.map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(["$[1].version", "$[1].category"]))
    expect(paths.every((p) => p.startsWith("$[1]"))).toBe(true)
    expect(await listDuties(scratch.db)).toEqual(before)
    expect(await listAudit(scratch.db, { take: 1000 })).toHaveLength(audit)
  })

  it("keeps every version of the ranking scheme and answers the one in force on a day", async () => {
    await run(saveRankingScheme({ scheme: defaultRankingScheme, actor }))
    const revised = await run(
      saveRankingScheme({
        scheme: {
          ...defaultRankingScheme,
          effectiveFrom: "2026-01-01",
          criteria: [
            { metric: "on_time_rate", weight: 50 },
            { metric: "checks_done_rate", weight: 50 }
          ]
        },
        actor
      })
    )
    expect(revised.version).toBe(2)
    const schemes = await listRankingSchemes(scratch.db)
    expect(rankingSchemeOn(schemes, "2025-12-31")?.version).toBe(1)
    expect(rankingSchemeOn(schemes, "2026-03-01")?.criteria).toHaveLength(2)
    const weights = await refusal(
      run(
        saveRankingScheme({
          scheme: {
            ...defaultRankingScheme,
            effectiveFrom: "2027-01-01",
            criteria: [{ metric: "on_time_rate", weight: 60 }]
          },
          actor
        })
      )
    )
    expect((weights as InvalidRankingScheme).problems).toEqual([
      { path: "$.criteria", message: "各项权重之和须为 100" }
    ])
    expect(await listRankingSchemes(scratch.db)).toHaveLength(2)
    expect((await listAudit(scratch.db, { entityType: "ranking_scheme", take: 10 })).map((a) => a.action)).toEqual([
      "ranking_scheme.revise",
      "ranking_scheme.create"
    ])
  })
})
