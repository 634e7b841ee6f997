/**
 * `pnpm fundguard draw`: the demo extract's institutions and an inspector register give the draw the
 * published algorithm gives — the expected line below was computed by an independent implementation
 * (the Python reference in docs/domain/draws.md), not by this code — byte for byte, every run; bad
 * input is exit 2 naming the file, line or option.
 */
import { demoExtractDir } from "@fundguard/screening"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { runCli } from "./utils/run.js"

const targets = join(demoExtractDir, "fixmedins.csv")
const inspectors = join(import.meta.dirname, "fixtures", "inspectors.csv")
const seed = "奉节县2026年第1批双随机"
const expected =
  '{"seed":"奉节县2026年第1批双随机","algorithm":"fundguard-draw/1","targets":["H50023500004","H50023500013","H50023500006","P50023500002","P50023500003","H50023500011"],"teams":[["FG-JC-04","FG-JC-02"],["FG-JC-03","FG-JC-01"],["FG-JC-01","FG-JC-04"],["FG-JC-02","FG-JC-05"],["FG-JC-03","FG-JC-02"],["FG-JC-04","FG-JC-02"]]}\n'

describe("pnpm fundguard draw", () => {
  const dir = mkdtempSync(join(tmpdir(), "fundguard-draw-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }
  const draw = (args: ReadonlyArray<string>) => runCli(["draw", ...args])

  it("prints the published algorithm's draw for the recorded seed, the same every run", async () => {
    const args = ["--targets", targets, "--inspectors", inspectors, "--count", "6", "--seed", seed, "--json"]
    const first = await draw(args)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toBe(expected)
    expect((await draw(args)).stdout).toBe(expected)
    // The order of the rows does not matter.
    const lines = (await import("node:fs")).readFileSync(targets, "utf8").trim().split("\n")
    const reversed = file("reversed.csv", [lines[0], ...lines.slice(1).reverse()].join("\n") + "\n")
    expect((await draw(["--targets", reversed, ...args.slice(2)])).stdout).toBe(expected)
    // Without a seed one is made and printed with the draw, to be published.
    const unseeded = await draw(["--targets", targets, "--inspectors", inspectors, "--count", "3", "--json"])
    const { seed: made } = JSON.parse(unseeded.stdout) as { seed: string }
    expect(made).toMatch(/^[0-9a-f]{24}$/)
    const again = await draw([
      "--targets",
      targets,
      "--inspectors",
      inspectors,
      "--count",
      "3",
      "--seed",
      made,
      "--json"
    ])
    expect(again.stdout).toBe(unseeded.stdout)
  })

  it("refuses bad input with exit 2, naming the file, the line, the column or the option", async () => {
    const good = ["--inspectors", inspectors, "--count", "2", "--seed", "s"]
    for (const [args, needle] of [
      [["--targets", join(dir, "missing.csv"), ...good], "文件不存在"],
      [["--targets", file("nocode.csv", "code,name\nH1,甲\n"), ...good], "缺少列 fixmedins_code"],
      [
        ["--targets", file("empty.csv", "fixmedins_code,fixmedins_name\nH500235000001,甲\n,乙\n"), ...good],
        "第 3 行 fixmedins_code: 不能为空"
      ],
      [["--targets", file("twice.csv", "fixmedins_code\nH1\nH1\n"), ...good], "--targets: 机构编码 H1 重复"],
      [
        ["--targets", targets, "--inspectors", inspectors, "--count", "99", "--seed", "s"],
        "--count: 抽取数量须为 1 至 16"
      ],
      [["--targets", targets, "--inspectors", inspectors, "--count", "三"], "--count: 须为正整数"],
      [
        ["--targets", targets, "--inspectors", file("staff.csv", "staff_code,staff_name\nS1,甲\n"), "--count", "1"],
        "缺少列 unit"
      ],
      [
        [
          "--targets",
          file("one.csv", "fixmedins_code\nH9\n"),
          "--inspectors",
          file("conflicted.csv", "staff_code,staff_name,unit,conflicts\nS1,甲,A,H9\nS2,乙,A,\n"),
          "--count",
          "1"
        ],
        "机构 H9 可派检查人员（无回避情形）不足 2 人"
      ]
    ] as const) {
      const refused = await draw(args)
      expect(refused.code, args.join(" ")).toBe(2)
      expect(refused.stderr, args.join(" ")).toContain(needle)
      expect(refused.stdout).toBe("")
      expect(refused.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/)
    }
  })
})
