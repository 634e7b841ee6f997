/**
 * `pnpm fundguard sample`: a sample of an institution's settled claims in the demo extract — the
 * expected claims below were drawn by an independent implementation of the published stream (the
 * Python reference of docs/domain/draws.md with stream "sample"), not by this code — and the
 * extrapolation of a filled review sheet (the worked example of the domain's test: N = 100,
 * overpayments 0, 10, 20, 30 → lower limit 464.20).
 */
import { demoExtractDir } from "@fundguard/screening"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { runCli } from "./utils/run.js"

const expectedClaims = [
  "A5002352503080000463",
  "A5002352503080000508",
  "A5002352503080000499",
  "A5002352503080000538",
  "A5002352503080000514",
  "A5002352503230000637",
  "A5002352503080000493",
  "A5002352502190000313",
  "A5002352503080000520",
  "A5002352503080000466",
  "A5002352503080000427",
  "A5002352503080000418"
]

describe("pnpm fundguard sample", () => {
  const dir = mkdtempSync(join(tmpdir(), "fundguard-sample-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const file = (name: string, text: string) => {
    const path = join(dir, name)
    writeFileSync(path, text)
    return path
  }

  it("draws the published sample of an institution's claims and prints a review sheet to fill in", async () => {
    const args = [
      "sample",
      "draw",
      "--extract",
      demoExtractDir,
      "--institution",
      "H50023500010",
      "--size",
      "12",
      "--seed",
      "抽样-1"
    ]
    const json = await runCli([...args, "--json"])
    expect(json.code, json.stderr).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual({
      seed: "抽样-1",
      algorithm: "fundguard-sample/1",
      frameSize: 46,
      frameAmount: 335.96,
      institution: "H50023500010",
      claims: expectedClaims
    })
    const sheet = await runCli(args)
    const lines = sheet.stdout.trim().split("\n")
    expect(lines[0]).toBe("setl_id,paid,overpaid")
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(expectedClaims)
    expect(lines.slice(1).every((l) => l.endsWith(","))).toBe(true)
  })

  it("extrapolates a filled review sheet to the frame, with the interval and the recoverable amount", async () => {
    const review = file("review.csv", "setl_id,paid,overpaid\nc0,50,0\nc1,50,10\nc2,50,20.00\nc3,50,30\n")
    const result = await runCli(["sample", "extrapolate", "--review", review, "--frame-size", "100", "--json"])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      frameSize: 100,
      sampleSize: 4,
      errorRate: 0.75,
      pointEstimate: 1500,
      lowerLimit: 464.2,
      upperLimit: 2535.8,
      recoverable: 464.2,
      confidence: 0.9
    })
    const text = await runCli(["sample", "extrapolate", "--review", review, "--frame-size", "100"])
    expect(text.stdout).toContain("可追回金额（下限）：464.2 元")
  })

  it("refuses bad input with exit 2, naming the file, line, column or option", async () => {
    for (const [args, needle] of [
      [
        ["sample", "draw", "--extract", demoExtractDir, "--institution", "H50023500010", "--size", "47"],
        "--size: 样本量须为 1 至 46"
      ],
      [
        ["sample", "draw", "--extract", demoExtractDir, "--institution", "H99999999999", "--size", "3"],
        "没有机构 H99999999999 的结算记录"
      ],
      [
        [
          "sample",
          "extrapolate",
          "--review",
          file("blank.csv", "setl_id,paid,overpaid\nc0,50,\nc1,50,0\n"),
          "--frame-size",
          "9"
        ],
        "第 2 行 overpaid: 未填写"
      ],
      [
        [
          "sample",
          "extrapolate",
          "--review",
          file("over.csv", "setl_id,paid,overpaid\nc0,50,60\nc1,50,0\n"),
          "--frame-size",
          "9"
        ],
        "--review: 结算 c0 的违规金额须在 0 至 50 元之间"
      ],
      [
        [
          "sample",
          "extrapolate",
          "--review",
          file("ok.csv", "setl_id,paid,overpaid\nc0,50,5\nc1,50,0\n"),
          "--frame-size",
          "1"
        ],
        "--frame-size: 总体结算笔数须为不小于样本量（2）的整数"
      ],
      [
        [
          "sample",
          "extrapolate",
          "--review",
          file("ok2.csv", "setl_id,paid,overpaid\nc0,50,5\nc1,50,0\n"),
          "--frame-size",
          "9",
          "--confidence",
          "2"
        ],
        "--confidence: 须为 0.5 与 1 之间的小数"
      ]
    ] as const) {
      const refused = await runCli(args)
      expect(refused.code, args.join(" ")).toBe(2)
      expect(refused.stderr, args.join(" ")).toContain(needle)
      expect(refused.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/)
    }
  })
})
