/**
 * `pnpm fundguard sample`: 抽样推算 from the command line — draw a random sample of an institution's
 * settled claims from a claims extract (recorded seed), then extrapolate the overpayment found in the
 * reviewed sample to all its claims, with the interval and the amount that may be recovered.
 */
import {
  defaultSamplingParameters,
  drawClaimSample,
  extrapolateOverpayment,
  samplingAlgorithm,
  type ReviewedClaim
} from "@fundguard/domain/enforcement"
import { readClaimFrame } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import { existsSync } from "node:fs"
import { resolve } from "node:path"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, positiveInteger, seedOption, type Command } from "../cli.js"
import { readCsvFile, requiredCell } from "../csv.js"

const help = `Usage:
  pnpm fundguard sample draw --extract DIR --institution CODE --size N [--seed S] [--json]
  pnpm fundguard sample extrapolate --review FILE --frame-size N [--confidence C] [--json]

draw         draws N of the institution's settled claims (setlinfo; reversals and the settlements
             they cancel left out) at random by
             ${samplingAlgorithm} (docs/domain/draws.md): the same extract and seed give the same
             sample. Prints a review sheet (CSV: setl_id, paid, overpaid) to fill in, or with --json
             the sample: seed, algorithm, institution, frameSize, frameAmount, claims.
extrapolate  reads the filled review sheet (setl_id, paid, overpaid in yuan) and extrapolates to the
             frame of N claims: error rate, point estimate, the interval at the one-sided confidence C
             (default ${defaultSamplingParameters.confidence}, Medicare PIM ch. 8 §8.4.5.1), and the
             recoverable amount (the lower limit, never below what the sample found).

Exit codes: 0 done, 2 invalid input (names the file, line, column or option), 1 other failure.`

const refusedBy =
  (prefix: Readonly<Record<string, string>>) =>
  (problems: ReadonlyArray<{ readonly path: string; readonly message: string }>): never => {
    throw new CliFailure(
      problems.map((p) => `${prefix[p.path.replace(/\[.*$/, "")] ?? p.path}: ${p.message}`).join("\n"),
      ExitCode.invalid
    )
  }

/**
 * The institution's effective settled claims in the extract: id and what the funds paid, reversals and
 * the settlements they cancel left out (the same frame as the API's samples, `readClaimFrame`).
 */
const claimFrame = async (dir: string, institution: string) => {
  const frame = await Effect.runPromise(
    Effect.either(readClaimFrame({ extract: dir, institutionCode: institution, period: null }))
  )
  if (Either.isRight(frame)) return frame.right
  if (frame.left.problems.some((p) => p.path === "$.institutionCode")) return []
  throw new CliFailure(`--extract: ${frame.left.message}`, ExitCode.invalid)
}

const draw = async (values: Readonly<Record<string, string | boolean | undefined>>): Promise<number> => {
  const extract = values["extract"]
  const institution = values["institution"]
  if (typeof extract !== "string" || !existsSync(resolve(extract)))
    throw new CliFailure(`--extract: 请指定存在的数据包目录\n\n${help}`, ExitCode.invalid)
  if (typeof institution !== "string" || institution === "")
    throw new CliFailure("--institution: 请指定机构编码（fixmedins_code）", ExitCode.invalid)
  const size = positiveInteger(values["size"] as string | undefined, "--size")
  const seed = seedOption(values["seed"] as string | undefined)
  const frame = await claimFrame(resolve(extract), institution)
  if (frame.length === 0)
    throw new CliFailure(`--institution: 数据包中没有机构 ${institution} 的结算记录`, ExitCode.invalid)
  const sample = drawClaimSample({ seed, size, frame })
  if (Either.isLeft(sample)) return refusedBy({ size: "--size", frame: "--extract" })(sample.left.problems)
  const { claims, ...rest } = sample.right
  if (values["json"] === true) process.stdout.write(`${JSON.stringify({ ...rest, institution, claims })}\n`)
  else {
    const paid = new Map(frame.map((c) => [c.id, c.paid]))
    process.stdout.write(`setl_id,paid,overpaid\n${claims.map((id) => `${id},${paid.get(id)},`).join("\n")}\n`)
  }
  note(
    `机构 ${institution}：总体 ${rest.frameSize} 笔、基金支付 ${rest.frameAmount} 元，抽取 ${claims.length} 笔；随机种子 ${seed}，算法 ${rest.algorithm}`
  )
  return ExitCode.ok
}

const readReview = (path: string): Array<ReviewedClaim> =>
  readCsvFile(path, "--review", ["setl_id", "paid", "overpaid"]).map((row) => {
    const amount = (column: string) => {
      const value = row.cells[column] ?? ""
      if (!/^[0-9]{1,10}(\.[0-9]{1,2})?$/.test(value))
        throw new CliFailure(
          `${path} 第 ${row.line} 行 ${column}: ${value === "" ? "未填写（审核后填写违规金额，无违规填 0）" : `“${value}”不是有效金额（元，至多两位小数）`}`,
          ExitCode.invalid
        )
      return Number(value)
    }
    return { id: requiredCell(path, row, "setl_id"), paid: amount("paid"), overpaid: amount("overpaid") }
  })

const extrapolate = (values: Readonly<Record<string, string | boolean | undefined>>): number => {
  const review = values["review"]
  if (typeof review !== "string") throw new CliFailure(`--review: 请指定审核结果文件\n\n${help}`, ExitCode.invalid)
  const frameSize = positiveInteger(values["frame-size"] as string | undefined, "--frame-size")
  const confidenceText = values["confidence"]
  const confidence = typeof confidenceText === "string" ? Number(confidenceText) : defaultSamplingParameters.confidence
  if (!(confidence > 0.5 && confidence < 1))
    throw new CliFailure("--confidence: 须为 0.5 与 1 之间的小数", ExitCode.invalid)
  const result = extrapolateOverpayment(
    { frameSize, sample: readReview(review) },
    { ...defaultSamplingParameters, confidence }
  )
  if (Either.isLeft(result))
    return refusedBy({ frameSize: "--frame-size", sample: "--review", confidence: "--confidence" })(
      result.left.problems
    )
  const r = result.right
  if (values["json"] === true) process.stdout.write(`${JSON.stringify(r)}\n`)
  else
    process.stdout.write(
      [
        `方法：${r.method}`,
        `样本 ${r.sampleSize} 笔 / 总体 ${r.frameSize} 笔；违规 ${r.errorCount} 笔（${(r.errorRate * 100).toFixed(1)}%），样本违规金额 ${r.sampleOverpayment} 元`,
        `推算违规金额 ${r.pointEstimate} 元（标准误 ${r.standardError} 元）；区间 ${r.lowerLimit} – ${r.upperLimit} 元`,
        `可追回金额（下限）：${r.recoverable} 元`,
        ...r.warnings.map((w) => `注意：${w}`)
      ].join("\n") + "\n"
    )
  return ExitCode.ok
}

/** `sample`. */
export const sampleCommand: Command = {
  name: "sample",
  summary: "sample draw|extrapolate — 抽样推算: sample an institution's claims, extrapolate the review",
  help,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        extract: { type: "string" },
        institution: { type: "string" },
        size: { type: "string" },
        seed: { type: "string" },
        review: { type: "string" },
        "frame-size": { type: "string" },
        confidence: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      },
      allowPositionals: true
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    if (positionals[0] === "draw") return draw(values)
    if (positionals[0] === "extrapolate") return extrapolate(values)
    throw new CliFailure(help, ExitCode.invalid)
  }
}
