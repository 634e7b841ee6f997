/**
 * `pnpm fundguard penalty …` through its bin: every catalogue code assesses, a bureau's own benchmark is
 * used, and bad cases and bad benchmark files exit 2 with every problem on stderr and nothing on stdout.
 */
import { assessPenalty, calibrationReport, publishedDecisions, violationCatalogue } from "@fundguard/domain/penalty"
import * as Effect from "effect/Effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { runCli } from "./utils/run.js"
import { afterAll, describe, expect, it } from "vitest"

const benchmarks = join(import.meta.dirname, "..", "..", "domain", "benchmarks")
const work = mkdtempSync(join(tmpdir(), "fundguard-penalty-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const fundguard = (args: ReadonlyArray<string>, input = "") => runCli(args, { input })

const subjects = {
  institution: { kind: "institution", orgKind: "public_hospital", hospLv: "1" },
  individual: { kind: "individual", insured: true },
  agency: { kind: "agency" },
  staff: { kind: "staff" }
} as const

const caseFor = (code: string, kind: keyof typeof subjects, region = "500235") => ({
  subject: subjects[kind],
  region,
  decisionDate: "2025-09-18",
  violations: [{ code, amount: 12000, occurredFrom: "2025-01-01", occurredTo: "2025-03-31", refusedToCorrect: true }],
  factors: { cooperated: true }
})

const ownBenchmark = {
  id: "fengjie-2025",
  regions: ["500235"],
  name: "奉节县医保行政处罚裁量基准（测试）",
  version: "2025-01",
  effectiveFrom: "2025-01-01",
  source: "奉节县医疗保障局（测试数据）",
  confidence: "unverified",
  tables: [{ liability: "38", grades: ["从轻"], min: 1, max: 1.1, recommended: 1.1 }]
}

describe("pnpm fundguard penalty", () => {
  it("assesses every catalogue code, with the same result as the library", async () => {
    // One case per kind of party, holding every code whose article binds that party (a spawn costs seconds).
    for (const kind of Object.keys(subjects) as Array<keyof typeof subjects>) {
      const codes = violationCatalogue.filter((e) => e.subjectKinds[0] === kind).map((e) => e.code)
      if (codes.length === 0) continue
      const input = {
        ...caseFor(codes[0]!, kind),
        violations: codes.map((code) => ({ ...caseFor(code, kind).violations[0]!, code }))
      }
      const run = await fundguard(["penalty", "assess"], JSON.stringify(input))
      expect(run.code, `${kind}: ${run.stderr}`).toBe(0)
      expect(run.stderr).toBe("")
      const expected = await Effect.runPromise(assessPenalty(input))
      const printed = JSON.parse(run.stdout)
      expect(printed).toEqual(JSON.parse(JSON.stringify(expected)))
      expect(printed.items.map((i: { violation: string }) => i.violation)).toEqual(codes)
    }
  })

  it("uses a bureau's own benchmark with --benchmark, and says when it does not apply", async () => {
    const file = join(work, "own.json")
    writeFileSync(file, JSON.stringify(ownBenchmark))
    const input = { ...caseFor("A38-3-DUPLICATE_CHARGE", "institution"), factors: { firstOffence: true } }
    const own = await fundguard(["penalty", "assess", "--benchmark", file], JSON.stringify(input))
    expect(own.code).toBe(0)
    const result = JSON.parse(own.stdout)
    expect(result.benchmark).toMatchObject({ id: "fengjie-2025", custom: true, fallback: false })
    expect(result.items[0].fine.recommendedMultiple).toBe(1.1)
    const elsewhere = await fundguard(["penalty", "assess", "-b", file], JSON.stringify({ ...input, region: "110105" }))
    expect(elsewhere.code).toBe(0)
    expect(JSON.parse(elsewhere.stdout).benchmark.fallback).toBe(true)
    expect(elsewhere.stderr).toContain("does not cover")
  })

  it("rejects a bad benchmark file with every problem and its path (exit 2, nothing on stdout)", async () => {
    const file = join(work, "bad.json")
    writeFileSync(
      file,
      JSON.stringify({ ...ownBenchmark, regions: ["5002"], tables: [{ liability: "40", min: 2, max: 6 }] })
    )
    const run = await fundguard(
      ["penalty", "assess", "--benchmark", file],
      JSON.stringify(caseFor("A38-4-SWAP", "institution"))
    )
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    expect(run.stderr).toContain("$.regions[0]")
    expect(run.stderr).toContain("$.tables[0].max: above the statutory ceiling")
    const check = await fundguard(["penalty", "check-benchmark", file])
    expect(check.code).toBe(2)
    expect(check.stdout).toBe("")
  })

  it("rejects an inconsistent case with every problem and its path", async () => {
    const run = await fundguard(
      ["penalty", "assess"],
      JSON.stringify({
        ...caseFor("A38-4-SWAP", "individual"),
        violations: [
          { code: "A38-4-SWAP", amount: 10 },
          { code: "A41-1-RESALE", amount: 10, occurredFrom: "2025-02-01", occurredTo: "2025-01-01" }
        ],
        subject: { kind: "individual" }
      })
    )
    expect(run.code).toBe(2)
    expect(run.stdout).toBe("")
    for (const path of ["$.violations[0].code", "$.violations[1].occurredTo", "$.subject.insured"])
      expect(run.stderr).toContain(path)
  })

  it("lists and checks benchmarks and prints the catalogue", async () => {
    const list = await fundguard(["penalty", "benchmarks"])
    expect(list.code).toBe(0)
    const ids = JSON.parse(list.stdout).map((b: { id: string }) => b.id)
    expect(ids).toEqual(
      expect.arrayContaining(["cn-national-default", "xj-2025", "cq-fraud-thresholds", "gd-fraud-thresholds"])
    )
    const check = await fundguard(["penalty", "check-benchmark", join(benchmarks, "650000-xinjiang-2025.json")])
    expect(check.code).toBe(0)
    expect(JSON.parse(check.stdout)).toMatchObject({ id: "xj-2025", regions: ["650000", "660000"] })
    const catalogue = await fundguard(["penalty", "catalogue"])
    expect(JSON.parse(catalogue.stdout)).toHaveLength(violationCatalogue.length)
    const usage = await fundguard(["penalty", "frobnicate"])
    expect(usage.code).toBe(2)
  })
})

describe("pnpm fundguard penalty calibration", () => {
  it("runs the engine over the published decisions with cross-validation, per article and overall", async () => {
    const corpus = publishedDecisions()
    const json = await fundguard(["penalty", "calibration", "--json", "--folds", "4"])
    expect(json.code, json.stderr).toBe(0)
    const report = JSON.parse(json.stdout) as ReturnType<typeof calibrationReport>
    // The same figures as the library computes.
    expect(report.overall).toEqual(calibrationReport(corpus, 4).overall)
    expect(report.rows).toHaveLength(corpus.length)
    expect(new Set(report.rows.map((r) => r.fold))).toEqual(new Set([0, 1, 2, 3]))
    for (const share of ["article", "range", "recommended", "measures"] as const)
      expect(report.overall[share]).toBeGreaterThanOrEqual(0)
    const table = await fundguard(["penalty", "calibration"])
    expect(table.stdout).toMatch(/^calibration over \d+ published decisions, 5-fold/)
    expect(table.stdout).toContain("overall")
    const bad = await fundguard(["penalty", "calibration", "--folds", "1"])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--folds")
    expect(bad.stdout).toBe("")
  }, 120_000)
})
