/**
 * The pre-settlement check's records behind the door, on SQLite and PostgreSQL: the group commit writes
 * requests whole in the databases' own form (Prisma reads back what the SQL wrote), and the history cache
 * answers the till's days without reading the database — the newest days loaded at the start, later days
 * known empty — while an older day, or a day one of whose entries left the cache, is read from the database
 * with the same lines.
 */
import { type PrecheckRecords, type PrecheckWriter, recentCheckedLines, startPrecheckWriter } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { ClaimLine } from "@fundguard/screening"
import type { FastifyBaseLogger } from "fastify"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { groupCommit, openHistoryCache } from "../src/precheck/store.js"

const silent = { error: () => undefined } as unknown as FastifyBaseLogger

const line = (sn: string, day: string, amount: number): ClaimLine => ({
  feedetl_sn: sn,
  med_list_codg: "001102000010000",
  med_chrgitm_type: "01",
  fee_ocur_time: `${day} 09:00:00`,
  day,
  cnt: 1,
  refunded_cnt: 0,
  net_cnt: 1,
  pric: amount,
  net_amt: amount,
  prd_days: null
})

const visit = (mdtrtId: string, psn: string, lines: ReadonlyArray<ClaimLine>) => ({
  mdtrt_id: mdtrtId,
  psn_no: psn,
  fixmedins_code: "H1",
  lines
})

const records = (at: string, visits: ReadonlyArray<ReturnType<typeof visit>>, warned = false): PrecheckRecords => ({
  at: new Date(at),
  visits,
  warnings: warned
    ? visits.map((v) => ({
        infno: "3101",
        ruleCode: "FREQUENCY_EXCEEDED",
        ruleVersion: 2,
        institutionCode: "H1",
        psnNo: v.psn_no,
        doctorCode: null,
        day: v.lines[0]!.day,
        amount: 12.5,
        answer: {
          jr_id: `jr-${v.mdtrt_id}`,
          rule_id: "FREQUENCY_EXCEEDED",
          rule_name: "超频次",
          vola_cont: "当日超过次数",
          patn_id: v.psn_no,
          mdtrt_id: v.mdtrt_id,
          vola_amt: 12.5,
          vola_amt_stas: "1",
          sev_deg: "2",
          vola_evid: "",
          vola_bhvr_type: "1",
          task_id: "T1",
          judge_result_detail_dtos: []
        }
      }))
    : []
})

describe.each(["sqlite", "postgresql"] as const)("the pre-settlement check's records on %s", (provider) => {
  let scratch: ScratchDatabase
  let thread: PrecheckWriter
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    thread = startPrecheckWriter(scratch.db)
  })
  afterAll(async () => {
    await thread.close()
    await scratch.dispose()
  })

  it("writes requests whole, a visit checked again replacing its lines, warnings with their instant", async () => {
    const writer = groupCommit(thread.write, silent)
    writer.add(records("2025-03-10T01:00:00.001Z", [visit("V1", "P1", [line("1", "2025-03-10", 10)])]))
    writer.add(
      records(
        "2025-03-10T01:00:00.002Z",
        [visit("V1", "P1", [line("1", "2025-03-10", 8), line("2", "2025-03-10", 3)])],
        true
      )
    )
    await writer.flush()
    const stored = await scratch.db.precheckLine.findMany({ where: { mdtrtId: "V1" }, orderBy: { feedetlSn: "asc" } })
    expect(stored.map((s) => [s.feedetlSn, (s.line as { pric: number }).pric, s.checkedAt.toISOString()])).toEqual([
      ["1", 8, "2025-03-10T01:00:00.002Z"],
      ["2", 3, "2025-03-10T01:00:00.002Z"]
    ])
    const warning = await scratch.db.precheckWarning.findUniqueOrThrow({ where: { id: "jr-V1" } })
    expect(warning).toMatchObject({ ruleVersion: 2, amount: 12.5, doctorCode: null, dispoWay: null })
    expect(warning.createdAt.toISOString()).toBe("2025-03-10T01:00:00.002Z")
    expect((warning.answer as { vola_cont: string }).vola_cont).toBe("当日超过次数")
    // Ordered by time as Prisma compares it.
    expect(
      await scratch.db.precheckLine.count({ where: { checkedAt: { gt: new Date("2025-03-10T01:00:00.001Z") } } })
    ).toBe(2)
  })

  it("writes a batch larger than one statement holds", async () => {
    const writer = groupCommit(thread.write, silent)
    const many = Array.from({ length: 30 }, (_, i) =>
      visit(
        `B${i}`,
        `PB${i}`,
        Array.from({ length: 60 }, (_, j) => line(String(j), "2025-03-09", 1))
      )
    )
    writer.add(records("2025-03-09T02:00:00.000Z", many, true))
    await writer.flush()
    expect(await scratch.db.precheckLine.count({ where: { day: "2025-03-09" } })).toBe(1800)
    expect(await scratch.db.precheckWarning.count({ where: { day: "2025-03-09" } })).toBe(30)
  })

  it("answers the newest days and later ones without reading; older and evicted days from the database", async () => {
    // In the database: 2025-03-09 (1,800 lines, older) and 2025-03-10 (the newest day, 2 lines).
    expect((await recentCheckedLines(scratch.db, 100)).days).toEqual(["2025-03-10"])
    const cache = await openHistoryCache(scratch.db, { maxDays: 3, preloadLines: 100 })
    const linesOf = (psn: string, day: string) =>
      cache
        .lines(psn, "H1", day, new Set())
        .map((h) => `${h.mdtrt_id}:${h.line.feedetl_sn}`)
        .sort()

    await cache.load("P1", "H1", ["2025-03-10", "2025-03-11"])
    expect(linesOf("P1", "2025-03-10")).toEqual(["V1:1", "V1:2"])
    expect(linesOf("P1", "2025-03-11")).toEqual([])
    expect(cache.reads()).toBe(0)

    // A day after the newest is recorded into without a read, and its visit's lines replaced when checked again.
    cache.record(visit("V2", "P1", [line("1", "2025-03-11", 5)]))
    cache.record(visit("V2", "P1", [line("1", "2025-03-11", 6), line("2", "2025-03-11", 7)]))
    await cache.load("P1", "H1", ["2025-03-11"])
    expect(linesOf("P1", "2025-03-11")).toEqual(["V2:1", "V2:2"])
    expect(cache.reads()).toBe(0)

    // An older day is read.
    await cache.load("PB3", "H1", ["2025-03-09"])
    expect(linesOf("PB3", "2025-03-09")).toHaveLength(60)
    expect(cache.reads()).toBe(1)

    // Four more people's entries on 2025-03-12 push the oldest entries out (maxDays 3): that day is no longer
    // known whole and is read when needed — and the lines this process recorded are there, once written.
    const writer = groupCommit(thread.write, silent)
    for (const p of ["Q1", "Q2", "Q3", "Q4"]) {
      await cache.load(p, "H1", ["2025-03-12"])
      const v = visit(`V-${p}`, p, [line("1", "2025-03-12", 1)])
      cache.record(v)
      writer.add(records("2025-03-12T03:00:00.000Z", [v]))
    }
    await writer.flush()
    const before = cache.reads()
    await cache.load("Q1", "H1", ["2025-03-12"])
    expect(linesOf("Q1", "2025-03-12")).toEqual(["V-Q1:1"])
    expect(cache.reads()).toBe(before + 1)
    // An entry of that day still in the cache answers without a read.
    await cache.load("Q4", "H1", ["2025-03-12"])
    expect(linesOf("Q4", "2025-03-12")).toEqual(["V-Q4:1"])
    expect(cache.reads()).toBe(before + 1)
  })
})
