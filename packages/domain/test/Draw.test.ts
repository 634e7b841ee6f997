/**
 * The 双随机 draw: its hash is SHA-256, the same inputs give the same draw whatever their order,
 * every institution has the same chance, teams never include an inspector with a conflict, and
 * impossible requests are refused naming each problem.
 */
import { createHash } from "node:crypto"
import * as Either from "effect/Either"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type DrawRequest,
  type Inspector,
  drawAlgorithm,
  drawInspections,
  drawStratified,
  drawStream,
  drawWeighted
} from "../src/enforcement/index.js"
import { sha256, utf8 } from "../src/enforcement/internal/Sha256.js"

const codes = (n: number) => Array.from({ length: n }, (_, i) => `H500235${String(i + 1).padStart(5, "0")}`)
const inspector = (staffCode: string, conflicts: ReadonlyArray<string> = []): Inspector => ({
  staffCode,
  name: `检查员${staffCode}`,
  unit: "SEC-JJJG",
  conflicts
})
const draw = (request: DrawRequest) => {
  const result = drawInspections(request)
  if (Either.isLeft(result)) throw result.left
  return result.right
}

describe("SHA-256 and UTF-8 of the draw", () => {
  it("match Node's crypto and TextEncoder on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        expect(Buffer.from(utf8(text)).equals(Buffer.from(new TextEncoder().encode(text)))).toBe(true)
        expect(Buffer.from(sha256(utf8(text))).toString("hex")).toBe(createHash("sha256").update(text).digest("hex"))
      }),
      { numRuns: 300 }
    )
    for (const length of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31) & 255)
      expect(Buffer.from(sha256(bytes)).toString("hex")).toBe(createHash("sha256").update(bytes).digest("hex"))
    }
  })

  it("reads block k of a stream as eight big-endian words of SHA-256(algorithm, stream, k, seed)", () => {
    const digest = createHash("sha256").update(`${drawAlgorithm}\nteams\n0\n甲-2026`).digest()
    const first = digest.readUInt32BE(0)
    // Below 2^32 nothing is skipped, so the first number is the first word itself.
    expect(drawStream("甲-2026", "teams").below(2 ** 32)).toBe(first)
    expect(drawStream("甲-2026", "teams").below(7)).toBe(first % 7)
  })
})

describe("drawing targets and teams (fundguard-draw/1)", () => {
  const targets = codes(30)
  const inspectors = ["S01", "S02", "S03", "S04", "S05", "S06"].map((s) => inspector(s))

  it("gives the same draw for the same inputs and seed, whatever the order of the inputs", () => {
    const one = draw({ seed: "2026-双随机-01", count: 8, targets, inspectors })
    const again = draw({
      seed: "2026-双随机-01",
      count: 8,
      targets: [...targets].reverse(),
      inspectors: [...inspectors].reverse()
    })
    expect(JSON.stringify(again)).toBe(JSON.stringify(one))
    expect(one.algorithm).toBe("fundguard-draw/1")
    expect(new Set(one.targets).size).toBe(8)
    expect(one.teams).toHaveLength(8)
    for (const [a, b] of one.teams) expect(a).not.toBe(b)
    expect(draw({ seed: "2026-双随机-02", count: 8, targets, inspectors }).targets).not.toEqual(one.targets)
  })

  it("gives every institution the same chance (2,000 seeds, 5 of 20: each near 500, χ² within bounds)", () => {
    const pool = codes(20)
    const counts = new Map(pool.map((c) => [c, 0]))
    const seeds = 2000
    for (let s = 0; s < seeds; s++)
      for (const t of draw({ seed: `seed-${s}`, count: 5, targets: pool, inspectors }).targets)
        counts.set(t, counts.get(t)! + 1)
    const expected = (seeds * 5) / 20
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0)
    // 19 degrees of freedom: P(χ² > 43.8) = 0.001.
    expect(chiSquare).toBeLessThan(43.8)
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.2)
  })

  it("never puts an inspector on a target they have a conflict on", () => {
    const conflicted = [
      inspector("S01", targets.slice(0, 15)),
      inspector("S02", targets.slice(10, 30)),
      inspector("S03", [targets[3]!]),
      inspector("S04"),
      inspector("S05", targets)
    ]
    for (let s = 0; s < 50; s++) {
      const result = draw({ seed: `c-${s}`, count: 30, targets, inspectors: conflicted })
      result.targets.forEach((target, i) => {
        for (const staff of result.teams[i]!)
          expect(conflicted.find((x) => x.staffCode === staff)!.conflicts).not.toContain(target)
      })
    }
  })

  it("refuses a count out of range, duplicate codes and a target nobody may inspect, naming each", () => {
    const refused = (request: DrawRequest) => {
      const result = drawInspections(request)
      if (Either.isRight(result)) throw new Error("expected a refusal")
      return result.left.problems.map((p) => p.message)
    }
    expect(refused({ seed: "s", count: 31, targets, inspectors })).toEqual([
      "抽取数量须为 1 至 30（备选机构数）之间的整数"
    ])
    expect(refused({ seed: "s", count: 0.5, targets, inspectors })).toHaveLength(1)
    expect(
      refused({
        seed: "s",
        count: 2,
        targets: [...targets, targets[0]!],
        inspectors: [...inspectors, inspector("S01")]
      })
    ).toEqual([`机构编码 ${targets[0]} 重复`, "检查人员编码 S01 重复"])
    expect(
      refused({
        seed: "s",
        count: 1,
        targets: [targets[0]!],
        inspectors: [inspector("S01"), inspector("S02", [targets[0]!])]
      })
    ).toEqual([`机构 ${targets[0]} 可派检查人员（无回避情形）不足 2 人，现有 1 人`])
  })
})

describe("stratified and risk-weighted draws", () => {
  const villages = codes(10).map((c) => c.replace("H500235", "V500235"))
  const pharmacies = codes(4).map((c) => c.replace("H500235", "P500235"))

  it("draws each stratum by its share (rounded up) or count, leaving out the excluded, repeatably", () => {
    const request = {
      seed: "2026-专项",
      strata: [
        { name: "村卫生室", targets: villages, share: 0.5 },
        { name: "药店", targets: pharmacies, share: 1 },
        { name: "二级医院", targets: codes(3), share: 0.5 }
      ],
      exclude: [villages[0]!, villages[1]!]
    }
    const result = drawStratified(request)
    if (Either.isLeft(result)) throw result.left
    expect(result.right.strata.map((s) => [s.name, s.eligible, s.targets.length])).toEqual([
      ["村卫生室", 8, 4],
      ["药店", 4, 4],
      ["二级医院", 3, 2]
    ])
    expect(result.right.strata[0]!.targets).not.toContain(villages[0])
    expect(drawStratified(request)).toEqual(result)
    const refused = drawStratified({ seed: "s", strata: [{ name: "药店", targets: pharmacies, share: 1.5 }] })
    expect(Either.isLeft(refused) && refused.left.problems[0]?.path).toBe("strata[0]")
  })

  it("favours heavier institutions in 重点抽查, never draws a zero weight, and is fair when weights are equal", () => {
    let heavy = 0
    const runs = 2000
    for (let s = 0; s < runs; s++) {
      const result = drawWeighted({
        seed: `w-${s}`,
        count: 1,
        targets: [
          { code: "H1", weight: 10 },
          { code: "H2", weight: 1 },
          { code: "H3", weight: 0 }
        ]
      })
      if (Either.isLeft(result)) throw result.left
      expect(result.right.targets).not.toContain("H3")
      if (result.right.targets[0] === "H1") heavy++
    }
    // P(H1 first) = 10 / 11 ≈ 0.909.
    expect(heavy / runs).toBeGreaterThan(0.88)
    expect(heavy / runs).toBeLessThan(0.935)

    const pool = codes(10)
    const counts = new Map(pool.map((c) => [c, 0]))
    for (let s = 0; s < 2000; s++) {
      const result = drawWeighted({ seed: `e-${s}`, count: 3, targets: pool.map((code) => ({ code, weight: 2 })) })
      if (Either.isLeft(result)) throw result.left
      for (const t of result.right.targets) counts.set(t, counts.get(t)! + 1)
    }
    const expected = (2000 * 3) / 10
    const chiSquare = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0)
    // 9 degrees of freedom: P(χ² > 27.9) = 0.001.
    expect(chiSquare).toBeLessThan(27.9)
    const tooMany = drawWeighted({
      seed: "s",
      count: 3,
      targets: [
        { code: "H1", weight: 1 },
        { code: "H2", weight: 0 }
      ]
    })
    expect(Either.isLeft(tooMany) && tooMany.left.problems[0]?.message).toBe(
      "抽取数量须为 1 至 1（权重大于 0 的机构数）之间的整数"
    )
  })
})
