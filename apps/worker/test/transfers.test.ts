/**
 * The daily transfer pass: a transfer to the police waiting for the head's decision is announced as its
 * 3 days run out (across National Day), then as overdue; once approved, the 24-hour hand-over is.
 */
import { chineseWorkingCalendar } from "@fundguard/calendar"
import * as Application from "@fundguard/application"
import { repositoriesLayer, systemActor, upsertInstitutions } from "@fundguard/db"
import { createScratchDatabase } from "@fundguard/db/testing"
import { BureauClock, isoDate, WorkingCalendar } from "@fundguard/domain/kernel"
import { demoRegister } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { describe, expect, it } from "vitest"
import { remindTransferDeadlines } from "../src/transfers.js"

const calendar = chineseWorkingCalendar()

/** The repositories on a scratch database, the working calendar and the bureau's day (2025-09-30). */
const transferLayer = (db: Parameters<typeof repositoriesLayer>[0]) =>
  Layer.mergeAll(repositoriesLayer(db), Layer.succeed(WorkingCalendar, calendar), BureauClock.fixed("2025-09-30"))

describe("daily transfer reminders", () => {
  it("announces the head's decision, then the hand-over, and says when they are late", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      await upsertInstitutions(scratch.db, systemActor(), demoRegister())
      const institution = demoRegister()[0]!
      const layer = transferLayer(scratch.db)
      const { id } = await Effect.runPromise(
        Application.Departments.draftTransfer({
          draft: {
            department: "police",
            institutionCode: institution.code,
            violations: ["A40-3-FICTITIOUS_SERVICE"],
            facts: "虚构诊疗项目",
            amount: 60_000,
            officers: ["甲", "乙"],
            materials: [
              { kind: "transfer_letter", title: "涉嫌犯罪案件移送书", pages: 2 },
              { kind: "investigation_report", title: "调查报告", pages: 8 }
            ]
          },
          institution: () => Effect.succeed({ code: institution.code, name: institution.name, region: "500236" }),
          bureauRegion: "500236",
          actor: { id: "officer", name: "王稽核", ip: null },
          at: new Date("2025-09-30T01:00:00Z")
        }).pipe(Effect.provide(layer))
      )
      const lines: Array<string> = []
      const log = (l: string) => void lines.push(l)
      // 3 days from 30 September end on 3 October, a holiday: the head has until 9 October.
      expect(
        await remindTransferDeadlines(
          scratch.db,
          calendar,
          new Date("2025-10-01T01:00:00Z"),
          isoDate("2025-10-01"),
          log
        )
      ).toEqual([])
      const soon = await remindTransferDeadlines(
        scratch.db,
        calendar,
        new Date("2025-10-07T01:00:00Z"),
        isoDate("2025-10-07"),
        log
      )
      expect(soon).toEqual([expect.objectContaining({ id, dueOn: "2025-10-09", overdue: false })])
      const late = await remindTransferDeadlines(
        scratch.db,
        calendar,
        new Date("2025-10-10T01:00:00Z"),
        isoDate("2025-10-10"),
        log
      )
      expect(late).toEqual([expect.objectContaining({ id, overdue: true })])
      expect(lines.some((l) => l.startsWith("OVERDUE 2025-10-09") && l.includes(institution.name))).toBe(true)
      await Effect.runPromise(
        Application.Departments.takeTransferStep({
          id,
          revision: 0,
          step: { _tag: "approve" },
          actor: { id: "head", name: "李局长", side: "bureau", department: null, canApprove: true },
          ip: null,
          at: new Date("2025-10-10T02:00:00Z")
        }).pipe(Effect.provide(layer))
      )
      const handover = await remindTransferDeadlines(
        scratch.db,
        calendar,
        new Date("2025-10-11T03:00:00Z"),
        isoDate("2025-10-11"),
        log
      )
      expect(handover).toEqual([
        expect.objectContaining({ id, label: "批准后移送", dueOn: "2025-10-11T02:00:00.000Z", overdue: true })
      ])
    } finally {
      await scratch.dispose()
    }
  }, 60_000)
  it("logs a transfer about a person without the person's ID or phone number", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      const layer = transferLayer(scratch.db)
      const { id } = await Effect.runPromise(
        Application.Departments.draftTransfer({
          draft: {
            department: "police",
            subject: "参保人赵大勇（身份证500235198001011234，电话13812345678）",
            violations: ["A40-3-FICTITIOUS_SERVICE"],
            facts: "冒用他人医保凭证",
            officers: ["甲", "乙"],
            materials: [
              { kind: "transfer_letter", title: "涉嫌犯罪案件移送书", pages: 2 },
              { kind: "investigation_report", title: "调查报告", pages: 8 }
            ]
          },
          institution: () => Effect.succeed(null),
          bureauRegion: "500236",
          actor: { id: "officer", name: "王稽核", ip: null },
          at: new Date("2025-09-30T01:00:00Z")
        }).pipe(Effect.provide(layer))
      )
      const lines: Array<string> = []
      const late = await remindTransferDeadlines(
        scratch.db,
        calendar,
        new Date("2025-10-10T01:00:00Z"),
        isoDate("2025-10-10"),
        (l) => void lines.push(l)
      )
      expect(late).toEqual([expect.objectContaining({ id, overdue: true })])
      const line = lines.find((l) => l.includes(id))
      expect(line).toContain("参保人赵大勇（身份证500*************34，电话138******78）")
      expect(lines.join("\n")).not.toMatch(/500235198001011234|13812345678/)
    } finally {
      await scratch.dispose()
    }
  }, 60_000)
})
