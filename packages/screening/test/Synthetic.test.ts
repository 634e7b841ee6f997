/**
 * The synthetic extract generator behind the benchmark: deterministic, valid against the format in
 * both file formats, and planting something for the rules to find. (Timing is the benchmark's
 * business, never a test's.)
 */
import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { afterAll } from "vitest"
import { writeSyntheticExtract } from "../scripts/synth-extract.js"
import { runScreening } from "../src/index.js"
import { cleanupDirs, writeDir } from "./utils/extract.js"

afterAll(cleanupDirs)

const digest = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map(
      (f) =>
        `${f}:${createHash("sha256")
          .update(readFileSync(join(dir, f)))
          .digest("hex")}`
    )

describe("synthetic extracts (scripts/synth-extract.ts)", () => {
  it.effect("are the same files for the same size and seed, and import in both formats", () =>
    Effect.gen(function* () {
      const a = writeDir({})
      const b = writeDir({})
      const csv = writeDir({})
      const counts = yield* Effect.promise(() => writeSyntheticExtract({ lines: 30_000, dir: a, seed: 3 }))
      yield* Effect.promise(() => writeSyntheticExtract({ lines: 30_000, dir: b, seed: 3 }))
      yield* Effect.promise(() => writeSyntheticExtract({ lines: 30_000, dir: csv, seed: 3, format: "csv" }))
      assert.deepStrictEqual(digest(a), digest(b))
      assert.isAbove(counts.feedetail!, 25_000)
      const parquet = yield* runScreening({ extract: a })
      const text = yield* runScreening({ extract: csv })
      assert.deepStrictEqual(
        text.suspicions.map((s) => [s.rule, s.mdtrt_id, s.amount]),
        parquet.suspicions.map((s) => [s.rule, s.mdtrt_id, s.amount])
      )
      // Planted patterns: nearly every rule finds something even in a small extract.
      const silent = parquet.rules.filter((r) => r.count === 0).map((r) => r.code)
      assert.isAtMost(silent.length, 5, `rules without a hit: ${silent.join(", ")}`)
      assert.isTrue(parquet.rules.every((r) => r.status === "ran"))
    })
  )
})
