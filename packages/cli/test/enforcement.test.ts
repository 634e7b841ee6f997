/**
 * `pnpm fundguard checklist` and `deadlines`: the checklist in force for a kind, and a case's
 * deadlines on mainland China's calendar (National Day 2025 and its 调休 make the filing deadline
 * 23 October, not 17 October); bad input is exit 2 naming the field in Chinese.
 */
import { describe, expect, it } from "vitest"
import { runCli } from "./utils/run.js"

describe("pnpm fundguard checklist and deadlines", () => {
  it("prints the checklist in force for a kind of institution", async () => {
    const listed = await runCli(["checklist", "--kind", "village_clinic", "--on", "2025-06-01", "--json"])
    expect(listed.code, listed.stderr).toBe(0)
    const list = JSON.parse(listed.stdout) as {
      code: string
      items: Array<{ code: string; violations: Array<string> }>
    }
    expect(list.code).toBe("CL-VILLAGE")
    expect(list.items.find((i) => i.code === "VC-SWAP")?.violations).toEqual(["A38-4-SWAP"])
    const refused = await runCli(["checklist", "--kind", "castle"])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain("--kind: 须为")
  })

  it("prints a case's deadlines on the working-day calendar, with who acts and where each stands", async () => {
    const events = { discoveredOn: "2025-09-26", filedOn: "2025-10-09", noticeServedOn: "2025-11-20" }
    const result = await runCli(["deadlines", "--on", "2025-11-24", "--json"], { input: JSON.stringify(events) })
    expect(result.code, result.stderr).toBe(0)
    const { deadlines } = JSON.parse(result.stdout) as {
      deadlines: Array<{ step: string; by: string; dueOn: string; state: string; confidence: string }>
    }
    expect(deadlines.map((d) => [d.step, d.by, d.dueOn, d.state])).toEqual([
      ["filing", "bureau", "2025-10-23", "met"],
      ["decision", "bureau", "2026-01-07", "open"],
      ["statement", "party", "2025-11-25", "open"],
      ["hearingRequest", "party", "2025-11-25", "open"]
    ])
    const text = await runCli(["deadlines", "--on", "2025-11-24"], { input: JSON.stringify(events) })
    expect(text.stdout).toContain("2025-11-25  陈述、申辩（当事人）  未到期  ⚠️ 期限待本地规程核定")
    const bad = await runCli(["deadlines"], { input: '{"discoveredOn":"2025-02-30","filedOn":1}' })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("$.discoveredOn: 应为真实存在的日期，格式 yyyy-MM-dd")
    expect(bad.stderr).toContain("$.filedOn")
  })
})
