/**
 * The frame of a claim sample read from the real demo extract with DuckDB: an institution's effective
 * settlements (a reversal and the settlement it cancels left out), their count and fund payment equal
 * to what DuckDB counts directly in setlinfo.csv, the period filter, and the refusals that name the
 * request's field and the extract's file and column.
 */
import { DuckDBInstance } from "@duckdb/node-api"
import { assert, describe, it } from "@effect/vitest"
import { ClaimFrames, type ClaimFrameUnavailable } from "@fundguard/domain/enforcement"
import * as Effect from "effect/Effect"
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import { demoExtractDir, DuckDbClaimFrames } from "../src/index.js"

/** Counts straight from the CSV: normal settlements less one per reversal, and the net fund payment. */
const countDirectly = async (institution: string, where = "true") => {
  const instance = await DuckDBInstance.create(":memory:")
  const connection = await instance.connect()
  try {
    const reader = await connection.runAndReadAll(
      `SELECT (count(*) FILTER (WHERE coalesce(refd_setl_flag, 0) <> 1)
               - count(*) FILTER (WHERE refd_setl_flag = 1))::INTEGER AS n,
              round(sum(fund_pay_sumamt), 2)::DOUBLE AS paid
       FROM read_csv('${join(demoExtractDir, "setlinfo.csv")}', header = true)
       WHERE fixmedins_code = $1 AND ${where}`,
      [institution]
    )
    const row = reader.getRowObjectsJson()[0]!
    return { n: Number(row["n"]), paid: Number(row["paid"]) }
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

const read = (extract: string, institutionCode: string, period: { from: string; to: string } | null = null) =>
  Effect.flatMap(ClaimFrames, (frames) => frames.read({ extract, institutionCode, period: period as never })).pipe(
    Effect.provide(DuckDbClaimFrames)
  )

const scratch = mkdtempSync(join(tmpdir(), "fundguard-frame-"))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe("the claim frame (DuckDB over the demo extract)", () => {
  it.effect("an institution without reversals: every settlement, as DuckDB counts them", () =>
    Effect.gen(function* () {
      const frame = yield* read(demoExtractDir, "H50023500010")
      const direct = yield* Effect.promise(() => countDirectly("H50023500010"))
      assert.strictEqual(direct.n, 46)
      assert.strictEqual(frame.length, direct.n)
      assert.closeTo(
        frame.reduce((s, c) => s + c.paid, 0),
        direct.paid,
        0.005
      )
      assert.deepStrictEqual(
        frame.map((c) => c.id),
        [...frame.map((c) => c.id)].sort()
      )
      const first = frame[0]!
      assert.match(first.psnNo, /^\d+$/)
      assert.match(first.settledAt, /^2025-0[1-3]-\d{2} \d{2}:\d{2}:\d{2}$/)
    })
  )

  it.effect("a reversal and the settlement it cancels are not in the frame; the net payment is", () =>
    Effect.gen(function* () {
      const frame = yield* read(demoExtractDir, "H50023500007")
      const direct = yield* Effect.promise(() => countDirectly("H50023500007"))
      assert.strictEqual(direct.n, 8)
      assert.strictEqual(frame.length, direct.n)
      assert.closeTo(
        frame.reduce((s, c) => s + c.paid, 0),
        direct.paid,
        0.005
      )
      const ids = frame.map((c) => c.id)
      // A5002352501040000023 reverses A5002352501040000022; A5002352501040000024 settles the visit again.
      assert.isFalse(ids.includes("A5002352501040000022"))
      assert.isFalse(ids.includes("A5002352501040000023"))
      assert.isTrue(ids.includes("A5002352501040000024"))
      assert.isTrue(frame.every((c) => c.paid > 0))
    })
  )

  it.effect("a period keeps the settlements settled within it", () =>
    Effect.gen(function* () {
      const frame = yield* read(demoExtractDir, "H50023500010", { from: "2025-02-01", to: "2025-02-28" })
      const direct = yield* Effect.promise(() =>
        countDirectly("H50023500010", "CAST(setl_time AS DATE) BETWEEN DATE '2025-02-01' AND DATE '2025-02-28'")
      )
      assert.isAbove(frame.length, 0)
      assert.isBelow(frame.length, 46)
      assert.strictEqual(frame.length, direct.n)
      assert.isTrue(frame.every((c) => c.settledAt.startsWith("2025-02-")))
    })
  )

  it.effect("no settlements of the institution: refused naming $.institutionCode and setlinfo", () =>
    Effect.gen(function* () {
      const refused = (yield* Effect.flip(read(demoExtractDir, "H99999999999"))) as ClaimFrameUnavailable
      assert.strictEqual(refused._tag, "ClaimFrameUnavailable")
      assert.deepStrictEqual(
        refused.problems.map((p) => p.path),
        ["$.institutionCode"]
      )
      assert.include(refused.message, "setlinfo")
      assert.include(refused.message, "H99999999999")
    })
  )

  it.effect("a missing or invalid extract: refused naming $.extract, the file and the column", () =>
    Effect.gen(function* () {
      const missing = yield* Effect.flip(read(join(scratch, "nowhere"), "H50023500010"))
      assert.deepStrictEqual(
        missing.problems.map((p) => p.path),
        ["$.extract"]
      )
      const bad = join(scratch, "bad")
      cpSync(demoExtractDir, bad, { recursive: true })
      const csv = readFileSync(join(bad, "setlinfo.csv"), "utf8").split("\n")
      const header = csv[0]!.split(",")
      const cells = csv[1]!.split(",")
      cells[header.indexOf("fund_pay_sumamt")] = "abc"
      csv[1] = cells.join(",")
      writeFileSync(join(bad, "setlinfo.csv"), csv.join("\n"))
      const invalid = yield* Effect.flip(read(bad, "H50023500010"))
      assert.deepStrictEqual(
        invalid.problems.map((p) => p.path),
        ["$.extract"]
      )
      assert.include(invalid.message, "setlinfo.csv")
      assert.include(invalid.message, "fund_pay_sumamt")
      assert.include(invalid.message, "数据包")
    })
  )
})
