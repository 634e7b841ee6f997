/**
 * The open corpus of published decisions: every record decodes (its arithmetic holds: fine ÷ amount =
 * multiple), its facts decode as an assessment input, the bundled data is the JSON file, and the precedent
 * rules (comparison key, basis, similar decisions) behave as documented.
 */
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import {
  calibrationReport,
  decodeAssessmentInput,
  decisionInput,
  PublishedDecision,
  precedentBasis,
  precedentSamples,
  publishedDecisions,
  similarDecisions,
  type PrecedentKey
} from "../src/penalty/index.js"
import { bundledPrecedentJson } from "../src/penalty/PrecedentData.js"
import { problemsOf } from "../src/kernel/Problems.js"

const file = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "precedents", "decisions.json"), "utf8")
) as ReadonlyArray<unknown>

describe("the corpus of published decisions", () => {
  it("is bundled as it is in precedents/decisions.json", () => {
    expect(bundledPrecedentJson).toEqual(file)
  })

  it("decodes every record, its arithmetic included, with unique ids and sources", () => {
    const problems = file.flatMap((json) => {
      const d = Schema.decodeUnknownEither(PublishedDecision)(json)
      return Either.isLeft(d)
        ? [
            `${(json as { id: string }).id}: ${problemsOf(d.left)
              .map((p) => `${p.path} ${p.message}`)
              .join("; ")}`
          ]
        : []
    })
    expect(problems).toEqual([])
    const ids = publishedDecisions().map((d) => d.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const d of publishedDecisions()) {
      expect(Math.abs(d.fine / d.amountTotal - d.fineMultiple), d.id).toBeLessThanOrEqual(
        d.multipleStated ? 0.05 : 0.006
      )
      expect(d.source.url, d.id).toMatch(/^https?:\/\//)
    }
  })

  it("turns every record's published facts into an assessment input that decodes", () => {
    for (const d of publishedDecisions()) {
      const input = Effect.runSync(Effect.either(decodeAssessmentInput(decisionInput(d))))
      expect(Either.isRight(input) ? null : input.left.message, d.id).toBeNull()
    }
  })

  it("refuses a record whose fine is not its multiple of the amount", () => {
    const [first] = file as ReadonlyArray<Record<string, unknown>>
    const wrong = { ...first, fine: (first!["fine"] as number) * 2 }
    const d = Schema.decodeUnknownEither(PublishedDecision)(wrong)
    expect(Either.isLeft(d) && d.left.message).toContain("与倍数")
  })
})

describe("precedents", () => {
  const key: PrecedentKey = { article: 38, party: "定点医疗机构", circumstances: "无从重情节" }

  it("settles on the median of comparable decisions, nationwide when the province has too few", () => {
    const corpus = publishedDecisions()
    const comparable = corpus
      .flatMap(precedentSamples)
      .filter(({ key: k }) => k.article === 38 && k.party === "定点医疗机构" && k.circumstances === "无从重情节")
    const basis = precedentBasis(corpus, key, "500236", 3)
    expect(basis).not.toBeNull()
    expect(basis!.count).toBe(comparable.length)
    expect(basis!.scope).toBe("全国")
    const sorted = comparable.map((s) => s.multiple).sort((a, b) => a - b)
    expect(basis!.min).toBe(sorted[0])
    expect(basis!.max).toBe(sorted.at(-1))
    // Too few: no basis.
    expect(precedentBasis(corpus, key, "500236", 1000)).toBeNull()
    // The province's own when it has enough.
    expect(precedentBasis(corpus, key, "440300", 2)?.scope).toBe("本省")
  })

  it("counts a decision fining its parts at different multiples once per article, with that part's multiple", () => {
    const qianjiang = publishedDecisions().find((d) => d.id === "cq-qianjiang-2023-03")!
    const samples = precedentSamples(qianjiang).map((s) => [s.key.article, s.amount, s.multiple])
    // 黔江: the Art.38 items 5,722.74 yuan at 1倍, the fictitious service 220.68 yuan at 2倍 (Art.40).
    expect(samples).toEqual([
      [38, 5722.74, 1],
      [40, 220.68, 2]
    ])
    const json = file.find((r) => (r as { id: string }).id === "cq-qianjiang-2023-03") as {
      violations: ReadonlyArray<Record<string, unknown>>
    }
    const partial = {
      ...json,
      violations: json.violations.map((v, i) => (i === 0 ? { ...v, multiple: undefined } : v))
    }
    const refusedPartial = Schema.decodeUnknownEither(PublishedDecision)(JSON.parse(JSON.stringify(partial)))
    expect(Either.isLeft(refusedPartial) && refusedPartial.left.message).toContain("分项倍数须每项都有")
    const wrong = { ...json, violations: json.violations.map((v) => ({ ...v, multiple: 3 })) }
    const refusedWrong = Schema.decodeUnknownEither(PublishedDecision)(wrong)
    expect(Either.isLeft(refusedWrong) && refusedWrong.left.message).toContain("与罚款 6164.1 不符")
  })

  it("pushes the most similar decisions with their reasons and sources", () => {
    const similar = similarDecisions(
      publishedDecisions(),
      {
        region: "500236",
        subject: { kind: "institution", orgKind: "village_clinic" },
        violations: [{ code: "A38-4-SWAP", amount: 12000 }]
      },
      key
    )
    expect(similar.length).toBeGreaterThan(0)
    expect(similar[0]!.reasons).toContain("同适用条例第三十八条")
    for (const s of similar) expect(s.url).toMatch(/^https?:\/\//)
    expect([...similar].map((s) => s.score)).toEqual([...similar].map((s) => s.score).sort((a, b) => b - a))
  })
})

describe("the calibration report", () => {
  it("counts the police transfer only where the page says whether the case was transferred", () => {
    const corpus = publishedDecisions()
    const report = calibrationReport(corpus)
    const stated = new Set(corpus.filter((d) => d.transfers !== null).map((d) => d.id))
    expect(stated.size).toBeGreaterThan(0)
    expect(stated.size).toBeLessThan(corpus.length)
    for (const row of report.rows) expect(row.policeAgrees === null, row.id).toBe(!stated.has(row.id))
    expect(report.overall.policeStated).toBe(stated.size)
    // A silent page neither agrees nor disagrees; the measures then rest on suspension and termination.
    const silent = report.rows.filter((r) => r.policeAgrees === null && r.problem === null)
    expect(silent.length).toBeGreaterThan(0)
    const measures = report.rows.filter(
      (r) => r.problem === null && r.suspensionAgrees && r.terminationAgrees && r.policeAgrees !== false
    ).length
    expect(report.overall.measures).toBe(
      Math.round((measures / report.rows.filter((r) => r.problem === null).length) * 1000) / 1000
    )
  })
})
