/**
 * The daily case pass: a running case's next deadline is recomputed as the days pass and logged as a
 * reminder when it is close or past; a closed-over step (filed) moves the next deadline on.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import * as Application from "@fundguard/application"
import { repositoriesLayer, systemActor, upsertInstitutions } from "@fundguard/db"
import { createScratchDatabase } from "@fundguard/db/testing"
import { BureauClock, WorkingCalendar } from "@fundguard/domain/kernel"
import { demoRegister } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { describe, expect, it } from "vitest"
import { escalateRectifications, remindCaseDeadlines } from "../src/cases.js"

const calendar = chineseWorkingCalendar()

describe("daily case reminders", () => {
  it("announces the filing deadline three days ahead, then as overdue, from the stored next deadline", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      await upsertInstitutions(scratch.db, systemActor(), demoRegister())
      const institution = demoRegister()[0]!
      const { id } = await Effect.runPromise(
        Application.Enforcement.openCase({
          opening: {
            source: "complaint",
            institutionCode: institution.code,
            discoveredOn: "2025-11-03",
            summary: "举报：挂床住院",
            references: ["JB-2025-017"]
          },
          actor: { id: null, name: "测试", ip: null },
          role: "admin"
        }).pipe(
          Effect.provide(
            Layer.mergeAll(
              repositoriesLayer(scratch.db),
              Layer.succeed(WorkingCalendar, calendar),
              BureauClock.fixed("2025-11-03")
            )
          )
        )
      )
      const lines: Array<string> = []
      // 立案 within 15 working days of 3 November 2025: Monday 24 November.
      const quiet = await remindCaseDeadlines(scratch.db, calendar, "2025-11-18", (l) => lines.push(l))
      expect(quiet).toMatchObject({ checked: 1, reminders: [] })
      const soon = await remindCaseDeadlines(scratch.db, calendar, "2025-11-21", (l) => lines.push(l))
      expect(soon.reminders).toEqual([expect.objectContaining({ id, dueOn: "2025-11-24", overdue: false })])
      const late = await remindCaseDeadlines(scratch.db, calendar, "2025-11-25", (l) => lines.push(l))
      expect(late.reminders).toEqual([expect.objectContaining({ id, overdue: true })])
      expect(lines.some((l) => l.startsWith("OVERDUE 2025-11-24") && l.includes(institution.name))).toBe(true)
      // A rectification order past its deadline without a report is escalated every day until it arrives.
      const order = await Effect.runPromise(
        Application.Enforcement.issueRectification({
          issue: {
            institutionCode: institution.code,
            source: "notice",
            violations: [],
            problems: "进销存台账不全",
            dueOn: "2025-11-20"
          },
          actor: { id: null, name: "测试", ip: null }
        }).pipe(
          Effect.provide(
            Layer.mergeAll(
              repositoriesLayer(scratch.db),
              Layer.succeed(WorkingCalendar, calendar),
              BureauClock.fixed("2025-11-03")
            )
          )
        )
      )
      expect(await escalateRectifications(scratch.db, "2025-11-20", (l) => lines.push(l))).toEqual([])
      expect(await escalateRectifications(scratch.db, "2025-11-21", (l) => lines.push(l))).toEqual([order.id])
      expect(lines.at(-1)).toContain("逾期未报送整改报告")
      // Once: the next day's pass changes nothing, and the escalation is on the record.
      expect(await escalateRectifications(scratch.db, "2025-11-22", (l) => lines.push(l))).toEqual([])
      expect(await scratch.db.rectificationOrder.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
        escalatedOn: "2025-11-21"
      })
      expect(
        await scratch.db.auditEvent.count({ where: { entityId: order.id, action: "rectification.escalate" } })
      ).toBe(1)
      const row = await scratch.db.enforcementCase.findUniqueOrThrow({ where: { id } })
      expect(row).toMatchObject({ nextDueOn: "2025-11-24", nextDueStep: expect.stringContaining("立案") })
    } finally {
      await scratch.dispose()
    }
  })
})
