/**
 * Inspection checklists: one for every kind of institution in the register, each item coded with
 * catalogue violations and cited to its seed clause, a bureau's own version taking over from its
 * date, and a bad one refused naming every problem.
 */
import * as Either from "effect/Either"
import { describe, expect, it } from "vitest"
import { checklistFor, decodeChecklist, defaultChecklists } from "../src/enforcement/index.js"
import { OrgKind } from "../src/kernel/Institution.js"
import { isoDate } from "../src/kernel/IsoDate.js"
import { violationEntry } from "../src/penalty/index.js"

describe("inspection checklists", () => {
  it("has a checklist for every kind of institution, with valid, unique, cited items", () => {
    for (const kind of OrgKind.literals) {
      const list = checklistFor(defaultChecklists, kind, isoDate("2025-06-01"))
      expect(list, kind).toBeDefined()
      expect(Either.isRight(decodeChecklist(list))).toBe(true)
      for (const item of list!.items) {
        expect(item.source).toMatch(/奉节医保发〔2023〕48号|奈曼旗/)
        for (const code of item.violations) expect(violationEntry(code).code).toBe(code)
      }
    }
    const pharmacy = checklistFor(defaultChecklists, "pharmacy", isoDate("2025-06-01"))!
    expect(pharmacy.items.map((i) => i.code)).toEqual(
      expect.arrayContaining(["PH-PHARMACIST", "PH-PRICE-TAGS", "PH-LEDGER", "PH-INVOICES", "PH-NON-MEDICAL"])
    )
    const centre = checklistFor(defaultChecklists, "township_health_center", isoDate("2025-06-01"))!
    expect(centre.items.find((i) => i.code === "HC-EMPTY-BED")?.violations).toEqual(["A38-1-BED_HANGING"])
    // Before seed 000's plan, health centres had no checklist of their own.
    expect(checklistFor(defaultChecklists, "village_clinic", isoDate("2023-01-01"))).toBeUndefined()
  })

  it("lets a bureau's own version take over from its date", () => {
    const mine = decodeChecklist({
      ...defaultChecklists[0],
      version: 2,
      effectiveFrom: "2026-01-01",
      items: [
        {
          code: "PH-PHARMACIST",
          text: "执业药师在岗并佩戴胸卡",
          violations: ["AGR-PHARMACIST_ABSENT"],
          source: "本局2026年检查标准"
        }
      ]
    })
    if (Either.isLeft(mine)) throw mine.left
    const lists = [...defaultChecklists, mine.right]
    expect(checklistFor(lists, "pharmacy", isoDate("2025-12-31"))?.version).toBe(1)
    expect(checklistFor(lists, "pharmacy", isoDate("2026-01-01"))?.items).toHaveLength(1)
  })

  it("refuses a bad checklist naming every problem", () => {
    const bad = decodeChecklist({
      code: "CL-X",
      version: 1,
      title: "",
      orgKinds: ["castle"],
      effectiveFrom: "2026-01-01",
      items: [
        { code: "X-1", text: "甲", violations: ["NOT-A-CODE"], source: "本局" },
        { code: "X-2", text: "乙", violations: [], source: "本局" }
      ]
    })
    if (Either.isRight(bad)) throw new Error("expected a refusal")
    expect(bad.left.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["$.title", "$.orgKinds[0]", "$.items[0].violations[0]"])
    )
    const twice = decodeChecklist({
      ...defaultChecklists[0],
      items: [defaultChecklists[0]!.items[0], defaultChecklists[0]!.items[0]]
    })
    expect(Either.isLeft(twice) && twice.left.problems).toEqual([
      { path: "$.items[1].code", message: "检查项编码 PH-PHARMACIST 重复" }
    ])
  })
})
