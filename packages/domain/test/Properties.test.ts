/**
 * Properties that must hold for every case: the recommended fine lies inside its band, no band exceeds the
 * statutory ceiling, the fine grows with the amount and with aggravating factors, refunds are never negative
 * and the ledgers add up.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { aggravation, discretionaryMitigation, statutoryMitigation } from "../src/penalty/index.js"
import * as Schema from "effect/Schema"
import { AssessmentResult } from "../src/penalty/index.js"
import { violationCatalogue } from "../src/penalty/index.js"
import { assess } from "./support/cases.js"

const subjects = {
  institution: { kind: "institution", orgKind: "private_hospital", hospLv: "2" },
  individual: { kind: "individual", insured: true },
  agency: { kind: "agency" },
  staff: { kind: "staff", publicServant: true }
} as const

const regions = ["500235", "650102", "660000", "440305", "440507", "110105", "350102", "640104"]
const gradeFactors = [...statutoryMitigation, ...discretionaryMitigation, ...aggravation]

/** A code with a subject its article binds. */
const codeAndSubject = fc.constantFrom(
  ...violationCatalogue.map((e) => ({ code: e.code, subject: subjects[e.subjectKinds[0]!] }))
)
const amount = fc.integer({ min: 0, max: 200_000_000 }).map((fen) => fen / 100)
const factorSet = fc.subarray(gradeFactors)
const flags = fc.record({
  intentToDefraud: fc.boolean(),
  refusedToCorrect: fc.boolean(),
  seriousConsequence: fc.boolean()
})
const dates = fc.constantFrom(
  { occurredFrom: "2025-01-01", occurredTo: "2025-03-31" },
  { occurredFrom: "2020-01-01", occurredTo: "2020-12-31" },
  { occurredFrom: "2023-01-01", occurredTo: "2023-06-30" },
  {}
)

const caseOf = (
  cs: { code: string; subject: object },
  value: number,
  factors: ReadonlyArray<string>,
  extra: object,
  region: string,
  when: object
) => ({
  subject: cs.subject,
  region,
  decisionDate: "2025-09-18",
  discoveredOn: "2025-06-01",
  violations: [{ code: cs.code, amount: value, ...(cs.code === "A44-EMBEZZLEMENT" ? {} : extra), ...when }],
  factors: Object.fromEntries(factors.map((f) => [f, true])),
  ...(factors.includes("otherStatutoryMitigation") ? { factorNotes: "省级清单规定" } : {})
})

/** The highest statutory ceilings: 5× (Art.37, 40, 41¶2, 社会保险法 Art.87–88) and 50,000 yuan (Art.39). */
const ceiling = { multiple: 5, fixed: 50000 }

const recommended = (r: AssessmentResult) => r.totals.fineRecommended

describe("properties of every assessment", () => {
  it("keeps the recommended fine inside [min, max] and never above the statutory ceiling", () => {
    fc.assert(
      fc.property(
        codeAndSubject,
        amount,
        factorSet,
        flags,
        fc.constantFrom(...regions),
        dates,
        (cs, value, factors, extra, region, when) => {
          const result = assess(caseOf(cs, value, factors, extra, region, when))
          for (const item of result.items) {
            const fine = item.fine
            if (fine !== null) {
              expect(fine.min).toBeLessThanOrEqual(fine.recommended)
              expect(fine.recommended).toBeLessThanOrEqual(fine.max)
              expect(fine.min).toBeGreaterThanOrEqual(0)
              if (fine.basis === "fixed") expect(fine.max).toBeLessThanOrEqual(ceiling.fixed)
              else {
                const statutory =
                  item.assessedUnder === 38 && item.appliedLaw?.endsWith("第三十八条") ? 2 : ceiling.multiple
                expect(fine.multipleMax!).toBeLessThanOrEqual(statutory)
                expect(fine.multipleMin!).toBeLessThanOrEqual(fine.recommendedMultiple!)
                expect(fine.recommendedMultiple!).toBeLessThanOrEqual(fine.multipleMax!)
                expect(fine.max).toBeLessThanOrEqual(Math.round(value * statutory * 100) / 100)
              }
              if (item.grade !== "减轻") {
                const floor = fine.basis === "fixed" ? 10000 : (item.assessedUnder === 38 ? 1 : 2) * value
                expect(fine.min).toBeGreaterThanOrEqual(Math.round(floor * 100) / 100 - 0.01)
              }
            }
            for (const months of [item.suspensionMonths, item.settlementSuspensionMonths]) {
              if (months === null) continue
              expect(months.min).toBeLessThanOrEqual(months.recommended)
              expect(months.recommended).toBeLessThanOrEqual(months.max)
              expect(months.max).toBeLessThanOrEqual(12)
            }
            expect(item.refund).toBeGreaterThanOrEqual(0)
            expect(item.explanation.length).toBeGreaterThan(0)
          }
        }
      ),
      { numRuns: 400 }
    )
  })

  it("grows (never shrinks) with the amount", () => {
    fc.assert(
      fc.property(
        codeAndSubject,
        amount,
        amount,
        factorSet,
        flags,
        fc.constantFrom(...regions),
        (cs, a, b, factors, extra, region) => {
          const [low, high] = a <= b ? [a, b] : [b, a]
          const when = { occurredFrom: "2025-01-01", occurredTo: "2025-03-31" }
          const small = assess(caseOf(cs, low, factors, extra, region, when))
          const large = assess(caseOf(cs, high, factors, extra, region, when))
          expect(recommended(small)).toBeLessThanOrEqual(recommended(large))
          expect(small.totals.refund).toBeLessThanOrEqual(large.totals.refund)
        }
      ),
      { numRuns: 300 }
    )
  })

  it("grows (never shrinks) with each aggravating factor added", () => {
    fc.assert(
      fc.property(
        codeAndSubject,
        amount,
        factorSet,
        fc.constantFrom(...aggravation),
        flags,
        fc.constantFrom(...regions),
        (cs, value, factors, added, extra, region) => {
          const when = { occurredFrom: "2025-01-01", occurredTo: "2025-03-31" }
          const without = assess(
            caseOf(
              cs,
              value,
              factors.filter((f) => f !== added),
              extra,
              region,
              when
            )
          )
          const withIt = assess(caseOf(cs, value, [...factors.filter((f) => f !== added), added], extra, region, when))
          expect(recommended(without)).toBeLessThanOrEqual(recommended(withIt))
          // A recommended termination (解除服务协议) is heavier than any suspension, which it replaces.
          const months = (r: AssessmentResult) =>
            r.items.reduce(
              (s, i) =>
                s +
                (i.agreementTermination.recommended ? 1000 : (i.suspensionMonths?.recommended ?? 0)) +
                (i.settlementSuspensionMonths?.recommended ?? 0),
              0
            )
          expect(months(without)).toBeLessThanOrEqual(months(withIt))
        }
      ),
      { numRuns: 300 }
    )
  })

  it("never has a negative refund, and the ledgers add up (条例第四十五条)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(codeAndSubject, amount), { minLength: 1, maxLength: 4 }),
        factorSet,
        (pairs, factors) => {
          const subject = pairs[0]![0].subject
          const same = pairs.filter(([cs]) => cs.subject === subject)
          const result = assess({
            subject,
            region: "500235",
            decisionDate: "2025-09-18",
            violations: same.map(([cs, value]) => ({ code: cs.code, amount: value, occurredTo: "2025-03-31" })),
            factors: Object.fromEntries(factors.map((f) => [f, true])),
            ...(factors.includes("otherStatutoryMitigation") ? { factorNotes: "依据" } : {})
          })
          const sum = (xs: ReadonlyArray<number>) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100
          expect(result.totals.refund).toBeGreaterThanOrEqual(0)
          expect(result.totals.refund).toBe(sum(result.items.map((i) => i.refund)))
          expect(result.totals.fineRecommended).toBe(sum(result.items.map((i) => i.fine?.recommended ?? 0)))
          expect(result.ledgers.treasury).toBe(sum([result.totals.fineRecommended, result.totals.confiscation]))
          expect(result.ledgers.fundAccount).toBe(sum([result.totals.refund, result.totals.agreementRecovery]))
        }
      ),
      { numRuns: 200 }
    )
  })

  it("produces results that the published AssessmentResult Schema decodes exactly (no undeclared field)", () => {
    const decode = Schema.decodeUnknownSync(AssessmentResult, { onExcessProperty: "error" })
    fc.assert(
      fc.property(
        codeAndSubject,
        amount,
        factorSet,
        flags,
        fc.constantFrom(...regions),
        dates,
        (cs, value, factors, extra, region, when) => {
          const result = assess(caseOf(cs, value, factors, extra, region, when))
          expect(decode(JSON.parse(JSON.stringify(result)))).toEqual(JSON.parse(JSON.stringify(result)))
        }
      ),
      { numRuns: 150 }
    )
  })
})
