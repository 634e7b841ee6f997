import { assert, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  assessPenalty,
  assessPenaltyWithBenchmark,
  decisionArticle,
  publishedDecisions,
  type PublishedDecision
} from "../src/penalty/index.js"

const specExample = {
  subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2", insured: null },
  region: "500235",
  decisionDate: "2025-09-18",
  violations: [
    {
      code: "A38-2-OVER_PRESCRIPTION",
      amount: 13791.6,
      occurredFrom: "2024-01-01",
      occurredTo: "2024-12-31",
      intentToDefraud: false,
      refusedToCorrect: false,
      seriousConsequence: false
    }
  ],
  factors: { firstOffence: true, refundedInFullByDeadline: true }
}

const withViolation = (overrides: Record<string, unknown>, factors: Record<string, boolean> = {}) => ({
  ...specExample,
  violations: [{ ...specExample.violations[0], ...overrides }],
  factors
})

describe("assessPenalty — Art.38", () => {
  it.effect("grades the spec's example 从轻 with a 1–1.3× band and recommends the floor", () =>
    Effect.gen(function* () {
      const result = yield* assessPenalty(specExample)
      const item = result.items[0]!
      assert.strictEqual(result.outcome, "penalty")
      assert.strictEqual(item.assessedUnder, 38)
      assert.strictEqual(item.clause, "第三十八条第二项")
      assert.strictEqual(item.grade, "从轻")
      assert.strictEqual(item.refund, 13791.6)
      assert.deepStrictEqual(item.fine, {
        basis: "loss",
        multipleMin: 1,
        multipleMax: 1.3,
        recommendedMultiple: 1,
        min: 13791.6,
        max: 17929.08,
        recommended: 13791.6
      })
      assert.deepStrictEqual(item.measures, ["责令改正", "责令退回", "罚款"])
      assert.isNull(item.suspensionMonths)
      assert.deepStrictEqual(item.agreementTermination, { lawful: false, recommended: false })
      assert.deepStrictEqual(result.totals, {
        refund: 13791.6,
        fineMin: 13791.6,
        fineMax: 17929.08,
        fineRecommended: 13791.6,
        confiscation: 0,
        agreementRecovery: 0
      })
      assert.deepStrictEqual(
        result.transfers.map((t) => [t.to, t.deadlineWorkingDays]),
        [["health_commission", 7]]
      )
      assert.isFalse(result.procedure.limitationExpired)
      assert.strictEqual(result.benchmark.region, "500000")
      assert.isFalse(result.benchmark.fallback)
    })
  )

  it.effect("spans the whole 1–2× range with no factor (一般); without precedents the middle is recommended", () =>
    Effect.gen(function* () {
      const item = (yield* assessPenalty(withViolation({ amount: 10000 }), { precedents: [] })).items[0]!
      assert.strictEqual(item.grade, "一般")
      assert.strictEqual(item.fine?.min, 10000)
      assert.strictEqual(item.fine?.max, 20000)
      assert.strictEqual(item.fine?.recommended, 15000)
      assert.isTrue(item.explanation.some((e) => e.startsWith("同类公开案例不足3件")))
    })
  )

  it.effect("recommends what comparable published decisions settled on, inside the band, and says so", () =>
    Effect.gen(function* () {
      const result = yield* assessPenalty(withViolation({ amount: 10000 }))
      const item = result.items[0]!
      const basis = item.precedents!
      assert.strictEqual(basis.comparison, "条例第三十八条、定点医疗机构、无从重情节")
      assert.isAtLeast(basis.count, 3)
      assert.strictEqual(item.fine?.recommendedMultiple, Math.min(2, Math.max(1, basis.median)))
      assert.strictEqual(item.fine?.recommended, Math.round(10000 * item.fine!.recommendedMultiple! * 100) / 100)
      const sentence = item.explanation.find((e) => e.startsWith(`同类公开案例${basis.count}件`))!
      assert.include(sentence, `罚款倍数中位数${Number(basis.median.toFixed(2))}倍`)
      assert.include(sentence, `本案建议${Number(item.fine!.recommendedMultiple!.toFixed(2))}倍`)
      // The band's sentence keeps the band, not its own point.
      assert.isFalse(item.explanation.some((e) => e.includes("取该档中间值") && e.includes("建议处")))
      // 类案推送: similar decisions with their reasons and sources.
      assert.isAbove(result.similarCases.length, 0)
      assert.match(result.similarCases[0]!.url, /^https?:\/\//)
    })
  )

  it.effect("keeps the benchmark's band point when the benchmark turns calibration off", () =>
    Effect.gen(function* () {
      const national = JSON.parse(
        readFileSync(join(import.meta.dirname, "..", "benchmarks", "000000-national-default.json"), "utf8")
      )
      const own = {
        ...national,
        id: "cq-own",
        regions: ["500000"],
        name: "本局基准（不用类案校准）",
        precedents: { enabled: false, minimumComparable: 3, source: "本局决定" }
      }
      const result = yield* assessPenaltyWithBenchmark(withViolation({ amount: 10000 }), own)
      assert.strictEqual(result.items[0]!.fine?.recommended, 15000)
      assert.isUndefined(result.items[0]!.precedents)
    })
  )

  it.effect("has no fine without a loss, and suspends the department on refusal to correct", () =>
    Effect.gen(function* () {
      const item = (yield* assessPenalty(withViolation({ amount: 0, refusedToCorrect: true }))).items[0]!
      assert.isNull(item.fine)
      assert.deepStrictEqual(item.suspensionMonths, { min: 6, max: 12, recommended: 9 })
      assert.strictEqual(item.outcome, "penalty")
    })
  )

  it.effect("upgrades to Art.40 on proven intent and transfers to the police above 3,000 yuan", () =>
    Effect.gen(function* () {
      // The law alone (no published practice): Art.40's department suspension of 6–12 months.
      const result = yield* assessPenalty(withViolation({ amount: 50000, intentToDefraud: true }), { precedents: [] })
      const item = result.items[0]!
      assert.strictEqual(item.assessedUnder, 40)
      assert.strictEqual(item.fine?.min, 100000)
      assert.strictEqual(item.fine?.max, 250000)
      assert.isTrue(item.agreementTermination.lawful)
      assert.isNotNull(item.suspensionMonths)
      // With the published decisions, most comparable ones may have terminated the agreement ("直至解除"), which
      // then replaces the suspension: either way one of the two lawful measures is recommended.
      const practised = (yield* assessPenalty(withViolation({ amount: 50000, intentToDefraud: true }))).items[0]!
      assert.isTrue(practised.suspensionMonths !== null || practised.agreementTermination.recommended)
      assert.include(
        result.transfers.map((t) => t.to),
        "police"
      )
      assert.isTrue(result.procedure.hearingRight)
    })
  )

  it.effect("does not recommend less for heavier circumstances than comparable lighter cases got", () =>
    Effect.gen(function* () {
      // Published Art.40 hospital decisions: without aggravating facts all terminated the agreement; with them
      // (repeat within 12 months) none did. A case with the aggravating fact still gets termination recommended.
      const base = publishedDecisions().find((d) => decisionArticle(d) === 40 && d.subject.kind === "institution")!
      const copy = (id: string, terminated: boolean, factors: Record<string, boolean>) => ({
        ...base,
        id,
        region: "110000",
        agreementTerminated: terminated,
        factors
      })
      const precedents = [
        ...["a", "b", "c"].map((id) => copy(`plain-${id}`, true, {})),
        ...["a", "b", "c"].map((id) => copy(`repeat-${id}`, false, { repeatWithin12Months: true }))
      ]
      const assess = (factors: Record<string, boolean>) =>
        Effect.map(
          assessPenalty(withViolation({ amount: 50000, intentToDefraud: true }, factors), { precedents }),
          (r) => r.items[0]!
        )
      const plain = yield* assess({})
      assert.isTrue(plain.agreementTermination.recommended)
      const repeated = yield* assess({ repeatWithin12Months: true })
      assert.isTrue(repeated.agreementTermination.recommended)
      assert.isTrue(repeated.explanation.some((line) => line.includes("情节较轻的同类公开案例3件")))
      // Without the lighter cases' practice, its own comparable decisions stand.
      const alone = yield* Effect.map(
        assessPenalty(withViolation({ amount: 50000, intentToDefraud: true }, { repeatWithin12Months: true }), {
          precedents: precedents.filter((p) => p.id.startsWith("repeat-"))
        }),
        (r) => r.items[0]!
      )
      assert.isFalse(alone.agreementTermination.recommended)
    })
  )

  it.effect("weighs the termination on decisions that found the same act, where there are enough of them", () =>
    Effect.gen(function* () {
      // Three published decisions on forged records terminated the agreement, five on fictitious services alone
      // did not: of the eight, most did not — but a forged-records case follows its own three.
      const base = publishedDecisions().find((d) => decisionArticle(d) === 40 && d.subject.kind === "institution")!
      const copy = (id: string, code: string, terminated: boolean) => ({
        ...base,
        id,
        region: "110000",
        agreementTerminated: terminated,
        factors: {},
        violations: [{ ...base.violations[0]!, code, amount: base.amountTotal }]
      })
      const precedents = [
        ...["a", "b", "c"].map((id) => copy(`forged-${id}`, "A40-2-FORGED_RECORDS", true)),
        ...["a", "b", "c", "d", "e"].map((id) => copy(`fictitious-${id}`, "A40-3-FICTITIOUS_SERVICE", false))
      ] as unknown as ReadonlyArray<PublishedDecision>
      const assess = (code: string, withPrecedents = precedents) =>
        Effect.map(
          assessPenalty(withViolation({ code, amount: 50000, intentToDefraud: true }), {
            precedents: withPrecedents
          }),
          (r) => r.items[0]!
        )
      const forged = yield* assess("A40-2-FORGED_RECORDS")
      assert.isTrue(forged.agreementTermination.recommended)
      assert.isNull(forged.suspensionMonths)
      assert.isTrue(
        forged.explanation.some(
          (line) =>
            line.includes("均有“伪造、变造、隐匿、涂改、销毁医学文书、医学证明、会计凭证、电子信息等有关资料”行为") &&
            line.includes("同类公开案例3件（")
        ),
        forged.explanation.join("\n")
      )
      const fictitious = yield* assess("A40-3-FICTITIOUS_SERVICE")
      assert.isFalse(fictitious.agreementTermination.recommended)
      assert.isNotNull(fictitious.suspensionMonths)
      // With fewer than three decisions on the act, all of the article's comparable decisions decide.
      const few = yield* assess("A40-2-FORGED_RECORDS", precedents.slice(1))
      assert.isFalse(few.agreementTermination.recommended)
      assert.isTrue(few.explanation.some((line) => line.includes("同类公开案例7件（")))
      // Lighter circumstances are compared by the same act: a repeated fictitious service, whose own three did not
      // terminate, is not recommended termination by the forged-records cases that had no aggravating fact.
      const repeated = (id: string) => ({
        ...copy(id, "A40-3-FICTITIOUS_SERVICE", false),
        factors: { repeatWithin12Months: true }
      })
      const mixed = [
        ...["a", "b", "c"].map((id) => copy(`forged-${id}`, "A40-2-FORGED_RECORDS", true)),
        copy("fictitious-a", "A40-3-FICTITIOUS_SERVICE", false),
        ...["a", "b", "c"].map((id) => repeated(`repeat-${id}`))
      ] as unknown as ReadonlyArray<PublishedDecision>
      const heavier = yield* Effect.map(
        assessPenalty(
          withViolation(
            { code: "A40-3-FICTITIOUS_SERVICE", amount: 50000, intentToDefraud: true },
            {
              repeatWithin12Months: true
            }
          ),
          { precedents: mixed }
        ),
        (r) => r.items[0]!
      )
      assert.isFalse(heavier.agreementTermination.recommended, heavier.explanation.join("\n"))
    })
  )

  it.effect("does not punish after the two-year limitation period", () =>
    Effect.gen(function* () {
      const result = yield* assessPenalty(withViolation({ occurredFrom: "2022-06-01", occurredTo: "2023-01-10" }))
      assert.strictEqual(result.outcome, "no_penalty")
      assert.isTrue(result.procedure.limitationExpired)
      assert.strictEqual(result.items[0]!.grade, "不予处罚")
    })
  )

  it.effect("rejects bad input with every problem and its JSON path", () =>
    Effect.gen(function* () {
      const error = yield* Effect.flip(
        assessPenalty({
          ...specExample,
          decisionDate: "2025-02-30",
          violations: [{ code: "A38-9-NOPE", amount: -1 }],
          factors: { firstOfence: true }
        })
      )
      assert.strictEqual(error._tag, "InvalidAssessmentInput")
      if (error._tag !== "InvalidAssessmentInput") return
      const paths = error.problems.map((p) => p.path)
      assert.include(paths, "$.decisionDate")
      assert.include(paths, "$.violations[0].code")
      assert.include(paths, "$.violations[0].amount")
      assert.include(paths, "$.factors.firstOfence")
    })
  )
})
