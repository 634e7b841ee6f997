/**
 * The suspicion list at scale, on both databases: keyset paging walks the same order as page numbers
 * (ties on the amount included), the remembered totals follow a change at once, and the export's pages
 * hold every lead of the filter once, in the list's order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
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
})
