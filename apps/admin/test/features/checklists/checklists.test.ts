/** The checklist editor's logic: latest versions per code, and items to lines and back. */
import { defaultChecklists } from "@fundguard/domain/enforcement"
import { describe, expect, it } from "vitest"
import { itemsToLines, latestVersions, linesToItems } from "../../../src/features/checklists/checklists.js"

describe("checklist editor", () => {
  it("keeps every item through lines and back", () => {
    for (const c of defaultChecklists)
      expect(linesToItems(itemsToLines(c.items))).toEqual(c.items.map((i) => ({ ...i, violations: [...i.violations] })))
  })

  it("offers the latest version of each code", () => {
    const base = { title: "t", orgKinds: ["pharmacy"], effectiveFrom: "2026-01-01", bureau: false, items: [] }
    const listed = [
      { ...base, code: "B", version: 1 },
      { ...base, code: "A", version: 1 },
      { ...base, code: "A", version: 3, bureau: true },
      { ...base, code: "A", version: 2, bureau: true }
    ]
    expect(latestVersions(listed).map((c) => `${c.code}@${c.version}`)).toEqual(["A@3", "B@1"])
    expect(linesToItems("X|只有编码和内容\n\n")).toEqual([
      { code: "X", text: "只有编码和内容", violations: [], source: "" }
    ])
  })
})
