/**
 * Every benchmark file decoded and exercised; the bundled module equals the JSON files; bad files are
 * rejected with every problem's path; a bureau's own file is used for its region.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { decodeBenchmark, missingSections, type BenchmarkFile } from "../src/penalty/index.js"
import { bundledBenchmarkFiles, bundledBenchmarkJson } from "../src/penalty/index.js"
import { bundledBenchmarks, selectBenchmark } from "../src/penalty/index.js"
import { isoDate } from "../src/kernel/index.js"
import { assessPenaltyWithBenchmark } from "../src/penalty/index.js"
import { agency, assess, insuredPerson, oneCase } from "./support/cases.js"

const dir = join(import.meta.dirname, "..", "benchmarks")
const files = readdirSync(dir).filter((f) => f.endsWith(".json"))

const decodeOk = (json: unknown): BenchmarkFile => {
  const r = Effect.runSync(Effect.either(decodeBenchmark(json)))
  if (Either.isLeft(r)) throw new Error(JSON.stringify(r.left.problems))
  return r.right
}
const decodeProblems = (json: unknown) => {
  const r = Effect.runSync(Effect.either(decodeBenchmark(json)))
  if (Either.isRight(r)) throw new Error("expected problems")
  return r.left.problems
}

describe("bundled benchmark files", () => {
  it("embeds exactly the JSON files of benchmarks/ (run scripts/bundle-benchmarks.mjs after editing)", () => {
    expect([...bundledBenchmarkFiles]).toEqual([...files].sort())
    const onDisk = [...files].sort().map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")))
    expect(JSON.parse(JSON.stringify(bundledBenchmarkJson))).toEqual(onDisk)
  })

  it.each(files)("%s decodes, cites its source and states its confidence", (file) => {
    const decoded = decodeOk(JSON.parse(readFileSync(join(dir, file), "utf8")))
    expect(decoded.source.length).toBeGreaterThan(10)
    expect(["primary", "secondary", "unverified"]).toContain(decoded.confidence)
    expect(file.startsWith(decoded.regions[0])).toBe(true)
  })

  it("has a complete national default and unique ids", () => {
    const national = bundledBenchmarks.find((b) => b.regions.includes("000000"))!
    expect(missingSections(national)).toEqual([])
    expect(new Set(bundledBenchmarks.map((b) => b.id)).size).toBe(bundledBenchmarks.length)
  })
})

describe("choice of benchmark", () => {
  it("falls back to the national default for a province without a file, and says so", () => {
    const result = assess(oneCase({ code: "A40-3-FICTITIOUS_SERVICE", amount: 3000 }, { region: "110105" }))
    expect(result.benchmark).toMatchObject({ id: "cn-national-default", region: "000000", fallback: true })
    expect(result.explanation[0]).toContain("回退至国家默认基准")
    const police = result.transfers.find((t) => t.to === "police")!
    expect(police.reason).toContain("本地区未配置诈骗数额标准，适用全国下限3,000.00元")
  })

  it("新疆 (and 兵团): the Art.37 table sets the multiple by amount and refund", () => {
    const rows = [
      [2999, true, 3],
      [3000, true, 3],
      [3000, false, 3.5],
      [3000.01, true, 4],
      [10000, false, 4.5],
      [10000.01, true, 5]
    ] as const
    for (const [amount, refunded, multiple] of rows) {
      const result = assess(
        oneCase(
          { code: "A37-AGENCY_FRAUD", amount },
          { subject: agency, region: "650102", factors: refunded ? { refundedInFullByDeadline: true } : {} }
        )
      )
      expect(result.benchmark.id).toBe("xj-2025")
      expect(result.items[0]!.fine?.recommendedMultiple, `${amount} ${refunded}`).toBe(multiple)
    }
    expect(
      assess(oneCase({ code: "A37-AGENCY_FRAUD", amount: 100 }, { subject: agency, region: "660000" })).benchmark.id
    ).toBe("xj-2025")
  })

  it("河南: the Art.37 table's 从轻, 一般 and 从重 bands by grade and amount", () => {
    const rows = [
      [1500, { firstOffence: true }, 2, 3],
      [2000.01, { firstOffence: true }, 3, 4],
      [5000, {}, 3, 4],
      [5000.01, {}, 4, 5],
      [8000, { firstOffence: true }, 4, 5]
    ] as const
    for (const [amount, factors, min, max] of rows) {
      const result = assess(
        oneCase(
          { code: "A37-AGENCY_FRAUD", amount, occurredFrom: "2023-03-01", occurredTo: "2023-04-30" },
          { subject: agency, region: "410102", decisionDate: "2023-09-01", factors }
        )
      )
      expect(result.benchmark.id).toBe("ha-2022")
      expect(result.items[0]!.fine, `${amount}`).toMatchObject({ multipleMin: min, multipleMax: max })
    }
  })

  it("新疆 before the table took effect: the national default, versioned by date", () => {
    const result = assess(
      oneCase(
        { code: "A37-AGENCY_FRAUD", amount: 2000, occurredFrom: "2024-01-01", occurredTo: "2024-06-30" },
        { subject: agency, region: "650102", decisionDate: "2024-12-01" }
      )
    )
    expect(result.benchmark.fallback).toBe(true)
    expect(result.items[0]!.fine).toMatchObject({ multipleMin: 2, multipleMax: 5 })
  })

  it("重庆: 数额较大 is 5,000 yuan", () => {
    const below = assess(oneCase({ code: "A41-2-IMPERSONATION", amount: 4999.99 }, { subject: insuredPerson }))
    expect(below.benchmark).toMatchObject({ region: "500000", fallback: false })
    expect(below.transfers.some((t) => t.to === "police")).toBe(false)
    const at = assess(oneCase({ code: "A41-2-IMPERSONATION", amount: 5000 }, { subject: insuredPerson }))
    expect(at.transfers.find((t) => t.to === "police")?.reason).toContain("数额较大")
  })

  it("广东: 一类地区 6,000 (深圳), 二类地区 4,000 (汕头)", () => {
    const shenzhen = assess(
      oneCase({ code: "A41-2-IMPERSONATION", amount: 5000 }, { subject: insuredPerson, region: "440305" })
    )
    expect(shenzhen.transfers.some((t) => t.to === "police")).toBe(false)
    const shantou = assess(
      oneCase({ code: "A41-2-IMPERSONATION", amount: 5000 }, { subject: insuredPerson, region: "440507" })
    )
    expect(shantou.transfers.find((t) => t.to === "police")?.reason).toContain("二类地区")
  })

  it("宁夏: the region's own transfer rule, the rest inherited", () => {
    const result = assess(oneCase({ code: "A38-2-OVER_TREATMENT", amount: 100 }, { region: "640104" }))
    expect(result.benchmark).toMatchObject({ id: "nx-linkage-2022", fallback: false })
    expect(result.benchmark.inherited).toContain("bands")
    expect(result.transfers[0]).toMatchObject({ to: "health_commission", deadlineWorkingDays: 7 })
  })

  it("福建: payment-qualification points from its own rules, in force from 2025-03-01", () => {
    const result = assess(oneCase({ code: "A38-2-OVER_TREATMENT", amount: 100 }, { region: "350102" }))
    expect(result.benchmark.id).toBe("fj-payment-qualification-2025")
    expect(result.items[0]!.paymentQualificationPoints).toMatchObject({ min: 4, max: 6 })
    expect(selectBenchmark("350102", isoDate("2025-02-01")).id).toBe("cn-national-default")
  })
})

const minimal = {
  id: "county-test",
  regions: ["500235"],
  name: "测试县基准",
  version: "2025-01-01",
  effectiveFrom: "2025-01-01",
  source: "测试",
  confidence: "unverified"
}

describe("a bureau's own benchmark", () => {
  it("is used for its region, ahead of the bundled province file", () => {
    const own = {
      ...minimal,
      tables: [{ liability: "38", grades: ["一般"], min: 1.2, max: 1.4, recommended: 1.2 }],
      settlementSuspension: { requiresLoss: true, source: "本县理解" }
    }
    const result = Effect.runSync(
      assessPenaltyWithBenchmark(oneCase({ code: "A38-3-DUPLICATE_CHARGE", amount: 1000 }), own)
    )
    expect(result.benchmark).toMatchObject({ id: "county-test", custom: true, fallback: false })
    expect(result.items[0]!.fine).toMatchObject({ multipleMin: 1.2, multipleMax: 1.4, recommended: 1200 })
    const person = Effect.runSync(
      assessPenaltyWithBenchmark(oneCase({ code: "A41-1-LEND_CREDENTIAL", amount: 0 }, { subject: insuredPerson }), own)
    )
    expect(person.items[0]!.settlementSuspensionMonths).toBeNull()
  })

  it("is not used outside its region, and the result says so", () => {
    const result = Effect.runSync(
      assessPenaltyWithBenchmark(
        oneCase({ code: "A38-3-DUPLICATE_CHARGE", amount: 1000 }, { region: "110105" }),
        minimal
      )
    )
    expect(result.benchmark.custom).toBe(false)
    expect(result.explanation.join("")).toContain("county-test")
  })

  it("can extend the limitation period to five years for fraud", () => {
    const facts = {
      code: "A40-3-FICTITIOUS_SERVICE",
      amount: 1000,
      occurredFrom: "2021-09-01",
      occurredTo: "2022-01-31"
    }
    const ordinary = assess(oneCase(facts))
    expect(ordinary.procedure.limitationExpired).toBe(true)
    const own = { ...minimal, limitation: { fraudFiveYears: true, source: "本县认定医保骗保涉及金融安全" } }
    const extended = Effect.runSync(assessPenaltyWithBenchmark(oneCase(facts), own))
    expect(extended.procedure.limitationExpired).toBe(false)
    expect(extended.items[0]!.explanation.join("")).toContain("5年追责时效")
  })

  it("is rejected with every problem and its path", () => {
    const found = decodeProblems({
      ...minimal,
      regions: ["5002"],
      colour: "red",
      tables: [
        { liability: "38", min: 1, max: 2.5 },
        { liability: "40", grades: ["从轻"], min: 1.5, max: 3 }
      ],
      criminal: {
        fraud: {
          classes: [{ name: "x", regions: [], large: 2000, huge: 30000, especiallyHuge: 500000 }],
          nationalFloor: false,
          source: "x"
        },
        concealment: { threshold: 50000, source: "x" }
      }
    })
    const paths = found.map((p) => p.path)
    expect(paths).toEqual(expect.arrayContaining(["$.regions[0]", "$.colour"]))
    const lawful = decodeProblems({
      ...minimal,
      tables: [
        { liability: "38", min: 1, max: 2.5 },
        { liability: "40", grades: ["从轻"], min: 1.5, max: 3 }
      ],
      criminal: {
        fraud: {
          classes: [{ name: "x", regions: [], large: 2000, huge: 30000, especiallyHuge: 500000 }],
          nationalFloor: false,
          source: "x"
        },
        concealment: { threshold: 50000, source: "x" }
      },
      factors: {
        statutoryMitigation: ["noFault"],
        mitigation: ["firstOffence"],
        aggravation: ["firstOffence"],
        reduceBelowFloorFromGrounds: 2
      }
    }).map((p) => p.path)
    expect(lawful).toEqual(
      expect.arrayContaining([
        "$.tables[0].max",
        "$.tables[1].min",
        "$.criminal.fraud.classes[0].large",
        "$.factors.statutoryMitigation[0]",
        "$.factors.aggravation[0]"
      ])
    )
  })
})
