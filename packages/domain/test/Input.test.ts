/**
 * Bad input through the library door: every problem at once, each at the JSON path to correct.
 */
import { describe, expect, it } from "vitest"
import { institution, oneCase, problems, specExample } from "./support/cases.js"

describe("invalid input", () => {
  it("lists every structural problem with its path", () => {
    const found = problems({
      ...specExample,
      decisionDate: "2025-02-30",
      discoveredOn: "yesterday",
      violations: [{ code: "A38-9-NOPE", amount: -1, actId: "" }],
      factors: { firstOfence: true }
    })
    expect(found.map((p) => p.path).sort()).toEqual(
      [
        "$.decisionDate",
        "$.discoveredOn",
        "$.factors.firstOfence",
        "$.violations[0].actId",
        "$.violations[0].amount",
        "$.violations[0].code"
      ].sort()
    )
  })

  it("lists every consistency problem with the path to correct", () => {
    const found = problems({
      subject: institution,
      region: "500235",
      decisionDate: "2025-09-18",
      discoveredOn: "2025-10-01",
      violations: [
        { code: "A41-2-IMPERSONATION", amount: 10 },
        { code: "A40-4-OTHER_FRAUD", amount: 10, occurredFrom: "2025-05-01", occurredTo: "2025-04-01" },
        { code: "A38-4-SWAP", amount: 10, occurredTo: "2025-12-01", illegalGains: 5 }
      ],
      factors: { noFault: true, otherStatutoryMitigation: true }
    })
    const paths = found.map((p) => p.path)
    expect(paths).toEqual(
      expect.arrayContaining([
        "$.violations[0].code",
        "$.violations[1].occurredTo",
        "$.violations[2].occurredTo",
        "$.violations[2].illegalGains",
        "$.factors.noFault",
        "$.discoveredOn",
        "$.factorNotes"
      ])
    )
    expect(found.find((p) => p.path === "$.violations[0].code")!.message).toContain("第四十一条")
  })

  it("requires `insured` for an individual's Art.41 case", () => {
    const found = problems(oneCase({ code: "A41-1-DOUBLE_BENEFIT", amount: 10 }, { subject: { kind: "individual" } }))
    expect(found.map((p) => p.path)).toEqual(["$.subject.insured"])
  })

  it("rejects what is not an object at all", () => {
    expect(problems(null)[0]!.path).toBe("$")
    expect(problems({ ...specExample, violations: [] }).map((p) => p.path)).toEqual(["$.violations[0]"])
  })
})
