/**
 * The daily points pass: a pharmacist brought to 9 points is suspended on the day of the 记分 and the
 * suspension (1 month by default) is lifted on time; a doctor brought to 12 is terminated and the bar
 * ends a year later; each change is recorded once and audited, also when the worker missed days.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import * as Application from "@fundguard/application"
import { systemActor, upsertInstitutions, upsertUser } from "@fundguard/db"
import { addBureauUnit, createScratchDatabase } from "@fundguard/db/testing"
import { decidePenaltyCase, runUseCase, type CaseRequester } from "@fundguard/demo"
import { demoRegister } from "@fundguard/screening"
import { describe, expect, it } from "vitest"
import { applyPointsConsequences } from "../src/credit.js"

const calendar = chineseWorkingCalendar()

describe.each(["sqlite", "postgresql"] as const)("daily points pass on %s", (provider) => {
  it("applies and lifts suspensions and terminations on their days, once each", async () => {
    const scratch = await createScratchDatabase(provider)
    try {
      const db = scratch.db
      await upsertInstitutions(db, systemActor(), demoRegister())
      const unitId = await addBureauUnit(db)
      const officer = async (username: string, name: string, role: CaseRequester["role"]) => {
        const user = await upsertUser(db, systemActor(), {
          username,
          displayName: name,
          role,
          unitId,
          department: null,
          password: "Fundguard-Test-2025!"
        })
        return { actor: { id: user.id, name, ip: null }, role } satisfies CaseRequester
      }
      const officers = {
        handler: await officer("shenhe", "李审核", "reviewer"),
        reviewer: await officer("jihe", "王稽核", "supervisor"),
        approver: await officer("juzhang", "刘局长", "admin")
      }
      const options = { calendar, evidenceDir: "/tmp/fundguard-worker-credit-none" }
      const decide = (reference: string, openedOn: string) =>
        decidePenaltyCase(db, options, {
          institutionCode: "H50023500001",
          summary: "超标准收费 6000 元",
          reference,
          facts: {
            subject: { kind: "institution", orgKind: "public_hospital", hospLv: "1" },
            violations: [
              { code: "A38-3-OVER_STANDARD_CHARGE", amount: 6000, occurredFrom: "2025-06-01", occurredTo: "2025-06-30" }
            ]
          },
          openedOn,
          officers
        })
      const first = await decide("JB-W-1", "2025-08-01")
      const second = await decide("JB-W-2", "2025-09-01")
      const run = <A, E>(today: string, effect: Parameters<typeof runUseCase<A, E>>[2]) =>
        runUseCase(db, { ...options, today }, effect)
      const register = async (nationalCode: string, name: string, kind: string) =>
        (
          await run(
            "2025-08-20",
            Application.Credit.registerPractitioner({
              input: { nationalCode, name, kind, institutionCode: "H50023500001" },
              actor: officers.reviewer.actor
            })
          )
        ).id
      const pharmacist = await register("Y500235000002", "周小敏", "pharmacist")
      const doctor = await register("D500235000001", "王大明", "doctor")
      const points = (who: string, decidedOn: string, n: number, sourceId: string) =>
        run(
          decidedOn,
          Application.Credit.recordPoints({
            practitionerId: who,
            input: {
              decidedOn,
              points: n,
              responsibility: "important",
              source: "case",
              sourceId,
              event: "机构因条例第三十八条受到行政处罚"
            },
            actor: officers.reviewer.actor
          })
        )
      await points(pharmacist, "2025-08-20", 5, first.id)
      await points(doctor, "2025-08-20", 6, first.id)
      const lines: Array<string> = []
      const pass = async (today: string) =>
        (await applyPointsConsequences(db, today, (l) => lines.push(l))).map((r) => `${r.kind}@${r.on}`)

      expect(await pass("2025-09-01")).toEqual([])
      await points(pharmacist, "2025-09-20", 4, second.id)
      await points(doctor, "2025-09-20", 6, second.id)
      // Both on the day of the 记分: the pharmacist suspended (9), the doctor terminated (12).
      expect((await pass("2025-09-20")).sort()).toEqual(["suspension_start@2025-09-20", "termination_start@2025-09-20"])
      expect(lines.some((l) => l.includes("暂停医保支付资格（至 2025-10-19）"))).toBe(true)
      // Once: the next day's pass records nothing.
      expect(await pass("2025-09-21")).toEqual([])
      expect(await pass("2025-10-19")).toEqual([])
      // Lifted on time: 1 month (the default) after the day it began.
      expect(await pass("2025-10-20")).toEqual(["suspension_end@2025-10-20"])
      // A worker that missed the anniversary still records the bar's end, with its own day.
      expect(await pass("2026-09-25")).toEqual(["termination_end@2026-09-20"])
      expect(await pass("2026-09-26")).toEqual([])
      const transitions = await db.qualificationTransition.findMany({ orderBy: [{ on: "asc" }, { kind: "asc" }] })
      expect(
        transitions.map((t) => [t.practitionerId === doctor ? "doctor" : "pharmacist", t.kind, t.on, t.until])
      ).toEqual([
        ["pharmacist", "suspension_start", "2025-09-20", "2025-10-19"],
        ["doctor", "termination_start", "2025-09-20", "2026-09-19"],
        ["pharmacist", "suspension_end", "2025-10-20", "2025-10-19"],
        ["doctor", "termination_end", "2026-09-20", "2026-09-19"]
      ])
      expect(
        await db.auditEvent.count({
          where: { entityType: "practitioner", action: { startsWith: "practitioner.s" }, actorName: "worker" }
        })
      ).toBe(2)
      expect(
        await db.auditEvent.count({ where: { entityId: doctor, action: { startsWith: "practitioner.termination" } } })
      ).toBe(2)
    } finally {
      await scratch.dispose()
    }
  }, 120_000)
})
