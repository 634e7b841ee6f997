/**
 * Inspections end to end on real databases (SQLite and PostgreSQL): the register with its own-area
 * conflicts, a plan, a stratified draw whose stored result is verified again byte for byte and
 * published, and the on-site record — refused with one officer or too few sampled persons (the
 * duty's minimum), finished otherwise, saying so when no duty task of the team's unit matches.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import { EvidenceStoreLive } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import {
  DrawRefused,
  drawResultText,
  InspectionStateRefused,
  InvalidInspectionInput,
  InvalidOnsiteRecord,
  runDraw,
  type DrawInputs
} from "@fundguard/domain/enforcement"
import { BureauClock, WorkingCalendar } from "@fundguard/domain/kernel"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  addInspectionFile,
  createPlan,
  drawPlan,
  publishDraw,
  recordOnsite,
  saveInspector,
  verifyDraw,
  viewInspection
} from "../src/enforcement/index.js"
import { setUpCounty } from "./county.js"
import { refusal, useCasesOn } from "./harness.js"

const today = "2025-11-20"
const actor = { id: null, name: "王稽核", ip: null }

const record = (officers: number, sampled: number, items: ReadonlyArray<{ code: string }>) => ({
  startTime: "09:00",
  endTime: "10:30",
  place: "机构药房及收费处",
  recorder: "赵记录",
  presentPerson: { name: "钱负责", position: "负责人" },
  officers: Array.from({ length: officers }, (_, i) => ({ name: `检查员${i + 1}`, badge: `50023500${i + 1}` })),
  items: items.map((i) => ({ code: i.code, result: "conform" as const })),
  sampledPersons: Array.from({ length: sampled }, (_, i) => ({
    psnNo: `5002351990010${String(i).padStart(5, "0")}`,
    name: `参保人${i}`
  })),
  findings: [{ violation: "A38-4-SWAP", description: "串换药品 3 盒", amount: 120.5 }]
})

describe.each(["sqlite", "postgresql"] as const)("inspections (use cases over %s)", (provider) => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  const run = useCasesOn(
    () => scratch.db,
    Layer.mergeAll(
      Layer.suspend(() => EvidenceStoreLive(evidenceDir)),
      BureauClock.fixed(today),
      Layer.succeed(WorkingCalendar, chineseWorkingCalendar())
    )
  )

  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-inspections-"))
    await setUpCounty(scratch.db, { calendar: chineseWorkingCalendar(), today })
  }, 120_000)
  afterAll(async () => {
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("draws, verifies, publishes and records an inspection", async () => {
    // The register: two of the section, one of 草堂镇卫生院 (its own area is 草堂镇).
    for (const [staffCode, name, unitId] of [
      ["JC001", "甲", "SEC-JJJG"],
      ["JC002", "乙", "SEC-JJJG"],
      ["JC003", "丙", "HC-CAOTANG"]
    ] as const)
      await run(
        saveInspector({
          entry: { staffCode, name, unitId, badge: `B-${staffCode}`, active: true, conflicts: [] },
          actor
        })
      )
    const badUnit = await refusal(
      run(
        saveInspector({
          entry: { staffCode: "JC009", name: "丁", unitId: "NOWHERE", badge: "B", active: true, conflicts: [] },
          actor
        })
      )
    )
    expect(badUnit).toBeInstanceOf(InvalidInspectionInput)
    expect((badUnit as InvalidInspectionInput).problems[0]!.path).toBe("$.unitId")

    const { id: planId } = await run(
      createPlan({
        plan: {
          kind: "routine",
          title: "个体诊所和零售药店季度检查",
          dutyCode: "FJ-SSO-CLINIC-CHECK-Q",
          periodFrom: "2025-10-01",
          periodTo: "2025-12-31"
        },
        actor
      })
    )
    // The county's 4 village clinics, 50 % → 2; 丙 may not inspect 草堂镇's (own area).
    const spec = {
      method: "random",
      seed: "2025-11-20 公证抽取",
      strata: [{ name: "村卫生室", orgKinds: ["village_clinic"], share: 0.5 }],
      excludeDays: 90,
      plannedOn: today
    }
    const draw = await run(drawPlan({ planId, spec, actor }))
    expect(draw.result.targets).toHaveLength(2)
    const own = draw.inputs.inspectors.find((i) => i.staffCode === "JC003")!.conflicts
    expect(own).toEqual(["H50023500004", "H50023500008", "H50023500009"])
    draw.result.targets.forEach((target, i) => {
      expect(draw.result.teams[i]).toHaveLength(2)
      if (own.includes(target)) expect(draw.result.teams[i]).not.toContain("JC003")
    })
    // Anyone holding the recorded inputs gets the same result again.
    const again = runDraw(JSON.parse(JSON.stringify(draw.inputs)) as DrawInputs)
    expect(Either.isRight(again) && drawResultText(again.right)).toBe(drawResultText(draw.result))
    const verified = await run(verifyDraw({ drawId: draw.id, actor }))
    expect(verified.same).toBe(true)
    expect(verified.recomputed).toBe(verified.recorded)

    // A plan is drawn once: drawing it again until the result suits is refused.
    const redraw = await refusal(run(drawPlan({ planId, spec: { ...spec, seed: "better" }, actor })))
    expect(redraw).toBeInstanceOf(InspectionStateRefused)
    const newPlan = () =>
      run(
        createPlan({
          plan: { kind: "routine", title: "村卫生室补充抽查", periodFrom: "2025-10-01", periodTo: "2025-12-31" },
          actor
        })
      ).then((p) => p.id)

    // The institutions drawn are now excluded for 90 days: a second plan's draw takes the other two.
    const second = await run(
      drawPlan({
        planId: await newPlan(),
        spec: { ...spec, seed: "again", strata: [{ name: "村卫生室", orgKinds: ["village_clinic"], share: 1 }] },
        actor
      })
    )
    expect([...second.result.targets, ...draw.result.targets].sort()).toEqual([
      "H50023500008",
      "H50023500009",
      "H50023500010",
      "H50023500011"
    ])
    expect(second.inputs.exclude).toEqual([...draw.result.targets].sort())
    const third = await refusal(run(drawPlan({ planId: await newPlan(), spec: { ...spec, seed: "third" }, actor })))
    expect(third).toBeInstanceOf(DrawRefused)
    expect((third as DrawRefused).problems[0]!.path).toBe("strata")

    await run(publishDraw({ drawId: draw.id, actor }))
    expect(await refusal(run(publishDraw({ drawId: draw.id, actor })))).toBeInstanceOf(InspectionStateRefused)

    const inspectionId = draw.inspectionIds[0]!
    const { inspection, sampling } = await run(viewInspection({ inspectionId }))
    expect(inspection.checklist.code).toBe("CL-VILLAGE")
    expect(inspection.published).toBe(true)
    expect(sampling.minimum).toBe(10)

    const one = await refusal(
      run(recordOnsite({ inspectionId, record: record(1, 10, inspection.checklist.items), finish: true, actor }))
    )
    expect(one).toBeInstanceOf(InvalidOnsiteRecord)
    expect((one as InvalidOnsiteRecord).problems.map((p) => p.path)).toEqual(["$.officers"])
    const few = await refusal(
      run(recordOnsite({ inspectionId, record: record(2, 9, inspection.checklist.items), finish: true, actor }))
    )
    expect((few as InvalidOnsiteRecord).problems.map((p) => p.path)).toEqual(["$.sampledPersons"])
    // A draft needs two officers but not the whole checklist.
    const draft = await run(recordOnsite({ inspectionId, record: record(2, 0, []), finish: false, actor }))
    expect(draft.status).toBe("in_progress")

    const file = await run(
      addInspectionFile({
        inspectionId,
        kind: "photo",
        fileName: "药房.jpg",
        mediaType: "image/jpeg",
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]),
        actor
      })
    )
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/)

    const done = await run(
      recordOnsite({ inspectionId, record: record(2, 10, inspection.checklist.items), finish: true, actor })
    )
    expect(done.status).toBe("finished")
    // The test county has no 社保所: no task of the duty for the team's unit, and the answer says so.
    expect(done.dutyTask).toMatchObject({ completed: false, taskId: null })
    expect(
      await refusal(
        run(recordOnsite({ inspectionId, record: record(2, 10, inspection.checklist.items), finish: true, actor }))
      )
    ).toBeInstanceOf(InspectionStateRefused)

    const audit = await scratch.db.auditEvent.findMany({ where: { entityId: inspectionId } })
    expect(audit.map((a) => a.action).sort()).toEqual(["inspection.file", "inspection.finish", "inspection.record"])
  })
})
