/**
 * The suspicion list at scale, on both databases: keyset paging walks the same order as page numbers
 * (ties on the amount included), the remembered totals follow a change at once, and the export's pages
 * hold every lead of the filter once, in the list's order. The list is read in SQL: its filters select what an
 * independent reading of the same leads selects, and its rows are what Prisma reads, in any time zone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import {
  type SuspicionFilter,
  exportSuspicions,
  finishRun,
  searchSuspicions,
  startRun,
  systemActor,
  type ListPosition
} from "../src/index.js"
import { createScratchDatabase, type ScratchDatabase } from "../src/testing.js"
import { isoDate } from "@fundguard/domain/kernel"

const today = isoDate("2025-11-20")
const provinceScope = [...Array.from({ length: 40_000 }, (_, i) => `X${i}`), "H2"]
const manyRules = Array.from({ length: 600 }, (_, i) => `RULE_${i}`)
// 23 leads whose amounts repeat (ties are where a keyset cursor goes wrong if it ignores the id).
const amounts = [
  500, 300, 300, 300, 120.5, 120.5, 100, 100, 100, 100, 80, 60, 60, 50, 40, 40, 40, 40, 40, 30, 20, 10, 10
]

describe.each(["sqlite", "postgresql"] as const)("suspicion list on %s", (provider) => {
  let scratch: ScratchDatabase
  beforeAll(async () => {
    scratch = await createScratchDatabase(provider)
    const run = await startRun(scratch.db, systemActor(), {
      trigger: "cli",
      extract: "test",
      admdvs: "500235",
      periodFrom: null,
      periodTo: null,
      params: {}
    })
    await finishRun(scratch.db, systemActor(), run.id, {
      rules: [],
      suspicions: amounts.map((amount, i) => ({
        rule: i % 3 === 0 ? "DUPLICATE_CHARGE" : "PRICE_OVER_CAP",
        ruleVersion: 1,
        level: "line" as const,
        fixmedins_code: i % 2 === 0 ? "H1" : "H2",
        psn_no: `P${i}`,
        mdtrt_id: `M${i}`,
        setl_id: null,
        feedetl_sn: [`F${i}`],
        med_list_codg: null,
        date: "2025-11-02",
        amount,
        violation: null,
        evidence: {},
        message: "test"
      }))
    })
  })
  afterAll(async () => {
    await scratch?.dispose()
  })

  const walkByCursor = async (filter: Parameters<typeof searchSuspicions>[1], pageSize: number) => {
    const seen: Array<string> = []
    let after: ListPosition | undefined
    for (let guard = 0; guard < 100; guard++) {
      const page = await searchSuspicions(scratch.db, filter, today, { pageSize, ...(after ? { after } : {}) })
      seen.push(...page.items.map((s) => s.id))
      if (page.nextCursor === null) return seen
      after = page.nextCursor
    }
    throw new Error("the cursor never reached the end")
  }
  const walkByPage = async (filter: Parameters<typeof searchSuspicions>[1], pageSize: number) => {
    const seen: Array<string> = []
    for (let page = 1; ; page++) {
      const items = (await searchSuspicions(scratch.db, filter, today, { pageSize, page })).items
      if (items.length === 0) return seen
      seen.push(...items.map((s) => s.id))
    }
  }

  it("pages by cursor through exactly the order of page numbers, ties included", async () => {
    for (const [filter, size] of [
      [{}, 4],
      [{}, 1],
      [{ rule: "PRICE_OVER_CAP" }, 3],
      [{ institution: "H1", minAmount: 40 }, 2]
    ] as const) {
      const byCursor = await walkByCursor(filter, size)
      expect(byCursor).toEqual(await walkByPage(filter, size))
      expect(new Set(byCursor).size).toBe(byCursor.length)
    }
    const all = await walkByCursor({}, 5)
    expect(all).toHaveLength(amounts.length)
    const rows = await scratch.db.suspicion.findMany({ where: { id: { in: all } } })
    const amountOf = new Map(rows.map((r) => [r.id, r.amount]))
    expect(all.map((id) => amountOf.get(id))).toEqual([...amounts].sort((a, b) => b - a))
    // The last page says there is none after it.
    const last = await searchSuspicions(scratch.db, {}, today, { pageSize: amounts.length })
    expect(last.nextCursor).toBeNull()
    expect(last.items).toHaveLength(amounts.length)
  })

  it("remembers a filter's totals only until a lead changes", async () => {
    const before = await searchSuspicions(scratch.db, { status: "pending_first_review" }, today)
    expect(before).toMatchObject({ total: amounts.length, totalAmount: amounts.reduce((a, b) => a + b, 0) })
    const top = before.items[0]!
    await scratch.db.suspicion.update({ where: { id: top.id }, data: { status: "dismissed" } })
    const after = await searchSuspicions(scratch.db, { status: "pending_first_review" }, today)
    expect(after).toMatchObject({ total: amounts.length - 1, totalAmount: amounts.reduce((a, b) => a + b, 0) - 500 })
    await scratch.db.suspicion.update({ where: { id: top.id }, data: { status: "pending_first_review" } })
  })

  it("exports every lead of a filter once, in the list's order, a page at a time", async () => {
    const pages: Array<number> = []
    const ids: Array<string> = []
    for await (const rows of exportSuspicions(scratch.db, { rule: "PRICE_OVER_CAP" }, today, 4)) {
      pages.push(rows.length)
      ids.push(...rows.map((r) => r.id))
    }
    expect(ids).toEqual(await walkByPage({ rule: "PRICE_OVER_CAP" }, 50))
    expect(pages.every((n) => n <= 4)).toBe(true)
    expect(pages.length).toBeGreaterThan(3)
  })

  it("selects by every filter what an independent reading of the leads selects", async () => {
    const db = scratch.db
    const ids = (await db.suspicion.findMany({ orderBy: { id: "asc" } })).map((r) => r.id)
    // Give the fixture what the other filters need: a data-quality lead, deadlines, an assignee, a closed lead.
    await db.suspicion.update({ where: { id: ids[0]! }, data: { ruleCode: "CHARGE_OUTSIDE_STAY" } })
    await db.suspicion.update({ where: { id: ids[1]! }, data: { dueDate: "2025-11-10" } })
    await db.suspicion.update({ where: { id: ids[2]! }, data: { dueDate: "2025-11-10", status: "dismissed" } })
    await db.suspicion.update({ where: { id: ids[3]! }, data: { dueDate: "2025-12-01", assigneeId: "U1" } })
    try {
      const all = await db.suspicion.findMany()
      const cases: ReadonlyArray<[SuspicionFilter, (r: (typeof all)[number]) => boolean]> = [
        [{}, () => true],
        [
          { rule: ["PRICE_OVER_CAP", "CHARGE_OUTSIDE_STAY"] },
          (r) => ["PRICE_OVER_CAP", "CHARGE_OUTSIDE_STAY"].includes(r.ruleCode)
        ],
        [{ rule: [] }, () => false],
        [{ category: "data_quality" }, (r) => r.ruleCode === "CHARGE_OUTSIDE_STAY"],
        [{ category: "violation" }, (r) => r.ruleCode !== "CHARGE_OUTSIDE_STAY"],
        [{ institution: "H2", maxAmount: 100 }, (r) => r.fixmedinsCode === "H2" && r.amount <= 100],
        [{ minAmount: 100.5, maxAmount: 300 }, (r) => r.amount >= 100.5 && r.amount <= 300],
        [{ status: ["dismissed"] }, (r) => r.status === "dismissed"],
        [{ overdue: true }, (r) => r.dueDate !== null && r.dueDate < today && r.status !== "dismissed"],
        [{ assigneeId: "U1" }, (r) => r.assigneeId === "U1"],
        [{ runId: all[0]!.firstRunId }, () => true],
        [{ runId: "no-such-run" }, () => false],
        [{ withinInstitutions: ["H1"] }, (r) => r.fixmedinsCode === "H1"],
        [{ withinInstitutions: [] }, () => false],
        // A province's scope: more codes than SQLite binds in one statement (32,766), as one JSON parameter.
        [{ withinInstitutions: provinceScope }, (r) => r.fixmedinsCode === "H2"],
        [
          { rule: [...manyRules, "DUPLICATE_CHARGE"], withinInstitutions: ["H1", ...provinceScope] },
          (r) => r.ruleCode === "DUPLICATE_CHARGE"
        ]
      ]
      for (const [filter, holds] of cases) {
        const expected = all.filter(holds)
        const found = await searchSuspicions(db, filter, today, { pageSize: 500 })
        expect(found.items.map((r) => r.id).sort(), JSON.stringify(filter)).toEqual(expected.map((r) => r.id).sort())
        expect(found.total, JSON.stringify(filter)).toBe(expected.length)
      }
    } finally {
      await db.suspicion.update({ where: { id: ids[0]! }, data: { ruleCode: "DUPLICATE_CHARGE" } })
      await db.suspicion.updateMany({
        where: { id: { in: ids.slice(1, 4) } },
        data: { dueDate: null, assigneeId: null, status: "pending_first_review" }
      })
    }
  })

  it("reads each lead as Prisma reads it, dates included, whatever the process's time zone", async () => {
    const zone = process.env.TZ
    // Prisma keeps DateTime in UTC without a zone; a reader in the bureau's zone must not shift it by 8 hours.
    process.env.TZ = "Asia/Shanghai"
    try {
      const listed = (await searchSuspicions(scratch.db, {}, today, { pageSize: 500 })).items
      const stored = await scratch.db.suspicion.findMany({ include: { outcome: true } })
      const byId = new Map(stored.map((r) => [r.id, r]))
      expect(listed).toHaveLength(stored.length)
      for (const row of listed) {
        const { outcome: _, ...prisma } = byId.get(row.id)!
        expect(row).toEqual({ ...prisma, institutionName: null })
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it("catches a change committed late under an older stamp once that stamp settles", async () => {
    const db = scratch.db
    const filter = { rule: "DUPLICATE_CHARGE" } as const
    const first = await searchSuspicions(db, filter, today)
    const [lead] = await db.suspicion.findMany({ where: { ruleCode: "DUPLICATE_CHARGE" }, take: 1 })
    const stamp = (await db.suspicion.findFirst({ orderBy: { updatedAt: "desc" } }))!.updatedAt
    // A transaction that wrote before the newest change and committed after it: the stamp does not move.
    await db.suspicion.update({
      where: { id: lead!.id },
      data: { ruleCode: "PRICE_OVER_CAP", updatedAt: new Date(stamp.getTime() - 1000) }
    })
    expect((await searchSuspicions(db, filter, today)).total).toBe(first.total)
    vi.useFakeTimers({ toFake: ["Date"] })
    try {
      vi.setSystemTime(Date.now() + 31_000)
      // Past the settling time the remembered figures are served once more while they are counted again.
      expect((await searchSuspicions(db, filter, today)).total).toBe(first.total)
      await vi.waitFor(async () => expect((await searchSuspicions(db, filter, today)).total).toBe(first.total - 1))
    } finally {
      vi.useRealTimers()
      await db.suspicion.update({ where: { id: lead!.id }, data: { ruleCode: "DUPLICATE_CHARGE" } })
    }
  })
})
