/**
 * The streamed .xlsx export: it stops at its limit, and it stops reading leads when the client has gone —
 * a cancelled download of a million leads must not go on scanning the table into the server's memory.
 */
import ExcelJS from "exceljs"
import { PassThrough } from "node:stream"
import { describe, expect, it } from "vitest"
import { writeSuspicionsWorkbook } from "../src/review/xlsx.js"

const row = (i: number) =>
  ({
    id: `S${i}`,
    rule: "PRICE_OVER_CAP",
    category: "violation",
    fixmedinsCode: "H1",
    institutionName: "某医院",
    psnNo: "500*************34",
    mdtrtId: `M${i}`,
    setlId: null,
    feedetlSn: [`F${i}`],
    date: "2025-11-02",
    amount: 100 + i,
    violation: null,
    message: "单价超过限价".repeat(20),
    status: "pending_first_review",
    step: "first_review",
    dueDate: "2025-11-20",
    overdue: false,
    assigneeName: null,
    outcome: null
  }) as never

/** Pages of `size` rows, each after a turn of the event loop (as a database read), counting how many were read. */
const pagesOf = (count: number, size: number) => {
  const read = { pages: 0 }
  const pages = (async function* () {
    for (let p = 0; p < count; p++) {
      await new Promise((resolve) => setImmediate(resolve))
      read.pages++
      yield Array.from({ length: size }, (_, i) => row(p * size + i))
    }
  })()
  return { pages, read }
}
const about = { exportedBy: "测试", exportedAt: new Date("2025-11-20T02:00:00Z"), filters: {} }

describe("the streamed export", () => {
  it("writes at most its limit, and the workbook reads back", async () => {
    const { pages, read } = pagesOf(10, 3)
    const out = new PassThrough()
    const chunks: Array<Buffer> = []
    out.on("data", (c: Buffer) => chunks.push(c))
    const result = await writeSuspicionsWorkbook(pages, about, out, 5)
    expect(result).toEqual({ rows: 5, complete: true })
    expect(read.pages).toBe(2)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer)
    expect(book.getWorksheet("疑点清单")!.rowCount).toBe(6)
  })

  it("stops reading leads when the client has gone", async () => {
    const { pages, read } = pagesOf(1000, 500)
    // A slow client that takes the first chunk and then leaves.
    const out = new PassThrough({ highWaterMark: 16 * 1024 })
    out.once("data", () => {
      out.pause()
      setTimeout(() => out.destroy(), 20)
    })
    const result = await writeSuspicionsWorkbook(pages, about, out, 1_000_000)
    expect(result.complete).toBe(false)
    expect(read.pages).toBeLessThan(20)
  })
})
