/**
 * 双随机一公开: drawing the institutions to inspect and, for each, two inspectors with no conflict
 * of interest on it (回避), so that anyone holding the inputs and the seed can draw the same result
 * again with the published algorithm (`docs/domain/draws.md`) and every institution has the same
 * chance to be drawn.
 *
 * The algorithm, `fundguard-draw/1`:
 * 1. Targets are put in the order of their codes and inspectors in the order of theirs (the order of
 *    the input files does not matter).
 * 2. Random numbers come from a stream per purpose (`targets`, `teams`): block k of a stream is
 *    SHA-256 of the UTF-8 text `fundguard-draw/1⏎<stream>⏎<k>⏎<seed>` (⏎ a line feed, k = 0, 1, …
 *    in decimal); its 32 bytes are read as eight unsigned 32-bit big-endian numbers, in order.
 * 3. A number below n is the next number u with u < 2^32 − (2^32 mod n), taken mod n (the others
 *    are skipped, so every value is equally likely).
 * 4. Targets: a partial Fisher–Yates shuffle — for i = 0 … count − 1, swap position i with
 *    i + (a number below remaining), using the `targets` stream; the first `count` are drawn, in
 *    that order.
 * 5. Teams: for each drawn target in draw order, the inspectors without a conflict on it, in code
 *    order; two steps of the same shuffle on that list with the `teams` stream give its two
 *    inspectors (first drawn first).
 *
 * @since 0.4.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import type { InputProblem } from "../kernel/Problems.js"
import { sha256, utf8 } from "./internal/Sha256.js"
import { shuffledPrefix } from "./internal/Shuffle.js"
import * as Order from "effect/Order"

/**
 * The name and version of the draw algorithm above; a draw records it with its seed.
 *
 * @category constants
 */
export const drawAlgorithm = "fundguard-draw/1"

/**
 * An inspector of the inspector register (执法检查人员名录库), with the institutions they may not
 * inspect (回避: kin, former employer, their own area — as the bureau records them).
 *
 * @category models
 */
export interface Inspector {
  readonly staffCode: string
  readonly name: string
  readonly unit: string
  /** Institution codes the inspector has a conflict of interest on. */
  readonly conflicts: ReadonlyArray<string>
}

/**
 * What a draw is asked for: the institutions it draws from, the inspectors, how many targets, and
 * the seed (any text; it is recorded and published with the result).
 *
 * @category models
 */
export interface DrawRequest {
  readonly seed: string
  readonly count: number
  /** Institution codes (the `fixmedins_code`s of the register). */
  readonly targets: ReadonlyArray<string>
  readonly inspectors: ReadonlyArray<Inspector>
}

/**
 * A draw as it is recorded and published: the seed, the algorithm, the targets in draw order and,
 * for each target (same order), the staff codes of its two inspectors.
 *
 * @category models
 */
export interface Draw {
  readonly seed: string
  readonly algorithm: typeof drawAlgorithm
  readonly targets: ReadonlyArray<string>
  readonly teams: ReadonlyArray<readonly [string, string]>
}

/**
 * A draw that cannot be made as asked; `problems` names each input at fault.
 *
 * @category errors
 */
export class DrawRefused extends Schema.TaggedError<DrawRefused>()("DrawRefused", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => p.message).join("；")
  }
}

const TWO_POW_32 = 2 ** 32

/**
 * The random numbers of one stream of a draw (step 2 and 3 of the algorithm): `below(n)` answers a
 * whole number in [0, n), every value equally likely.
 *
 * @category rules
 */
export const drawStream = (seed: string, stream: string) => {
  let block = 0
  let words: DataView | null = null
  let position = 8
  const next = (): number => {
    if (position === 8) {
      const digest = sha256(utf8(`${drawAlgorithm}\n${stream}\n${block}\n${seed}`))
      words = new DataView(digest.buffer, digest.byteOffset, digest.byteLength)
      block++
      position = 0
    }
    return words!.getUint32(4 * position++)
  }
  return {
    below: (n: number): number => {
      if (!Number.isSafeInteger(n) || n < 1 || n > TWO_POW_32) throw new RangeError(`below(${n})`)
      const limit = TWO_POW_32 - (TWO_POW_32 % n)
      for (;;) {
        const u = next()
        if (u < limit) return u % n
      }
    }
  }
}

const byCode = Order.string

const duplicates = (codes: ReadonlyArray<string>): Array<string> => {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const code of codes) (seen.has(code) ? twice : seen).add(code)
  return [...twice].sort(byCode)
}

/**
 * Draws the targets and their teams (the algorithm above). Refused, naming each problem, when the
 * count is not a whole number between 1 and the number of targets, when a code appears twice, or
 * when a drawn target has fewer than two inspectors without a conflict on it.
 *
 * @category rules
 */
export const drawInspections = (request: DrawRequest): Either.Either<Draw, DrawRefused> => {
  const problems: Array<InputProblem> = []
  const targets = [...request.targets].sort(byCode)
  const inspectors = [...request.inspectors].sort((a, b) => byCode(a.staffCode, b.staffCode))
  if (!Number.isSafeInteger(request.count) || request.count < 1 || request.count > targets.length)
    problems.push({ path: "count", message: `抽取数量须为 1 至 ${targets.length}（备选机构数）之间的整数` })
  for (const code of duplicates(targets)) problems.push({ path: "targets", message: `机构编码 ${code} 重复` })
  for (const code of duplicates(inspectors.map((i) => i.staffCode)))
    problems.push({ path: "inspectors", message: `检查人员编码 ${code} 重复` })
  if (inspectors.length < 2) problems.push({ path: "inspectors", message: "检查人员不足 2 人，无法组成检查组" })
  if (problems.length > 0) return Either.left(new DrawRefused({ problems }))

  const drawn = shuffledPrefix(targets, request.count, drawStream(request.seed, "targets").below)
  const teamStream = drawStream(request.seed, "teams")
  const teams: Array<readonly [string, string]> = []
  for (const target of drawn) {
    const eligible = inspectors.filter((i) => !i.conflicts.includes(target)).map((i) => i.staffCode)
    if (eligible.length < 2) {
      problems.push({
        path: "inspectors",
        message: `机构 ${target} 可派检查人员（无回避情形）不足 2 人，现有 ${eligible.length} 人`
      })
      continue
    }
    const [first, second] = shuffledPrefix(eligible, 2, teamStream.below)
    teams.push([first!, second!])
  }
  if (problems.length > 0) return Either.left(new DrawRefused({ problems }))
  return Either.right({ seed: request.seed, algorithm: drawAlgorithm, targets: drawn, teams })
}

/**
 * A stratum of a stratified draw: its name, its institutions, and how many to draw — a share
 * (rounded up: "不低于 50%") or a count, never more than it holds.
 *
 * @category models
 */
export interface Stratum {
  readonly name: string
  readonly targets: ReadonlyArray<string>
  readonly share?: number
  readonly count?: number
}

/**
 * A stratified draw: each stratum drawn by `fundguard-draw/1` with its own stream
 * (`targets:<name>`), after leaving out the institutions excluded (checked recently, already drawn
 * elsewhere). Answers the targets per stratum in draw order.
 *
 * @category rules
 */
export const drawStratified = (request: {
  readonly seed: string
  readonly strata: ReadonlyArray<Stratum>
  readonly exclude?: ReadonlyArray<string>
}): Either.Either<
  {
    readonly seed: string
    readonly algorithm: typeof drawAlgorithm
    readonly strata: ReadonlyArray<{
      readonly name: string
      readonly eligible: number
      readonly targets: ReadonlyArray<string>
    }>
  },
  DrawRefused
> => {
  const excluded = new Set(request.exclude ?? [])
  const problems: Array<InputProblem> = []
  const names = request.strata.map((s) => s.name)
  for (const name of duplicates(names)) problems.push({ path: "strata", message: `分层 ${name} 重复` })
  const plans = request.strata.map((stratum, i) => {
    const eligible = [...new Set(stratum.targets)].filter((t) => !excluded.has(t)).sort(byCode)
    const wanted =
      stratum.count ?? (stratum.share === undefined ? Number.NaN : Math.ceil(stratum.share * eligible.length - 1e-9))
    if (!Number.isSafeInteger(wanted) || wanted < 0 || wanted > eligible.length)
      problems.push({
        path: `strata[${i}]`,
        message: `分层 ${stratum.name}：抽取数量须为 0 至 ${eligible.length}（可抽机构数）之间的整数，或给出 0–1 之间的比例`
      })
    return { name: stratum.name, eligible, wanted }
  })
  if (problems.length > 0) return Either.left(new DrawRefused({ problems }))
  return Either.right({
    seed: request.seed,
    algorithm: drawAlgorithm,
    strata: plans.map((p) => ({
      name: p.name,
      eligible: p.eligible.length,
      targets: shuffledPrefix(p.eligible, p.wanted, drawStream(request.seed, `targets:${p.name}`).below)
    }))
  })
}

/**
 * 重点抽查: a draw that favours institutions with more risk (e.g. confirmed suspicions), stated as
 * such — weighted sampling without replacement (Efraimidis & Spirakis 2006): each institution gets
 * the key u^(1/w), u uniform in (0, 1) from the `weighted` stream taken in code order, and the
 * `count` largest keys are drawn, largest first. A weight of 0 is never drawn; equal weights give
 * every institution the same chance.
 *
 * @category rules
 */
export const drawWeighted = (request: {
  readonly seed: string
  readonly count: number
  readonly targets: ReadonlyArray<{ readonly code: string; readonly weight: number }>
}): Either.Either<
  {
    readonly seed: string
    readonly algorithm: typeof drawAlgorithm
    readonly method: string
    readonly targets: ReadonlyArray<string>
  },
  DrawRefused
> => {
  const targets = [...request.targets].sort((a, b) => byCode(a.code, b.code))
  const problems: Array<InputProblem> = []
  for (const code of duplicates(targets.map((t) => t.code)))
    problems.push({ path: "targets", message: `机构编码 ${code} 重复` })
  targets.forEach((t) => {
    if (!Number.isFinite(t.weight) || t.weight < 0 || t.weight > 1e9)
      problems.push({ path: "targets", message: `机构 ${t.code} 的权重须为 0 至 10亿 之间的数` })
  })
  const drawable = targets.filter((t) => t.weight > 0).length
  if (!Number.isSafeInteger(request.count) || request.count < 1 || request.count > drawable)
    problems.push({ path: "count", message: `抽取数量须为 1 至 ${drawable}（权重大于 0 的机构数）之间的整数` })
  if (problems.length > 0) return Either.left(new DrawRefused({ problems }))
  const { below } = drawStream(request.seed, "weighted")
  const keyed = targets.map((t) => {
    const u = (below(TWO_POW_32) + 0.5) / TWO_POW_32
    return { code: t.code, key: t.weight > 0 ? Math.log(u) / t.weight : Number.NEGATIVE_INFINITY }
  })
  keyed.sort((a, b) => b.key - a.key || byCode(a.code, b.code))
  return Either.right({
    seed: request.seed,
    algorithm: drawAlgorithm,
    method: "重点抽查：按风险权重不放回加权抽样（Efraimidis–Spirakis），非等概率抽取",
    targets: keyed.slice(0, request.count).map((k) => k.code)
  })
}
