/**
 * Checks what a run is asked to do before it touches data: which rules, with which parameters
 * (`screening-rules.md`, "Parameters": a JSON object keyed by rule code, merged over the
 * defaults), and which partition. Every problem names the offending key.
 *
 * @since 0.1.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { Partition } from "./Partition.js"
import { type CompiledRule, parseIssues, type Rule } from "./Rule.js"

/**
 * One configuration problem. `source` is the option it came from; `key` the path inside it, e.g.
 * `PRICE_OVER_CAP.tolerance` for params, `2` for the third entry of rules, `index` for partition.
 *
 * @category models
 */
export const ConfigProblem = Schema.Struct({
  source: Schema.Literal("params", "rules", "partition"),
  key: Schema.String,
  message: Schema.String
})
/** @category models */
export type ConfigProblem = typeof ConfigProblem.Type

/**
 * The run's options are invalid; nothing was run.
 *
 * @category errors
 */
export class ScreeningConfigInvalid extends Schema.TaggedError<ScreeningConfigInvalid>()("ScreeningConfigInvalid", {
  problems: Schema.Array(ConfigProblem)
}) {
  override get message(): string {
    const lines = this.problems.map((p) => `  ${p.source}${p.key === "" ? "" : ` ${p.key}`}: ${p.message}`)
    return ["screening configuration is invalid", ...lines].join("\n")
  }
}

/**
 * The options of a run as given by a caller (typically parsed from JSON).
 *
 * @category models
 */
export interface ScreeningConfigInput {
  readonly params?: unknown
  readonly rules?: unknown
  readonly partition?: unknown
}

/**
 * A checked configuration: the rules to run in output order, each compiled with its parameters.
 *
 * @category models
 */
export interface ScreeningConfig {
  readonly rules: ReadonlyArray<{ readonly rule: Rule; readonly compiled: CompiledRule }>
  readonly partition: Partition | null
}

/**
 * Keys of a parameter object that start with `$` (`$schema`, `$comment`) annotate a parameter
 * file and are not rule codes.
 */
const isAnnotation = (key: string): boolean => key.startsWith("$")

const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/**
 * Checks `input` against `library`. Unknown rule codes (in `rules` or as keys of `params`),
 * unknown parameter names and values of the wrong type are all reported, not just the first. Keys
 * of `params` starting with `$` are annotations of a parameter file and are ignored.
 *
 * @category constructors
 */
export const resolveConfig = (
  library: ReadonlyArray<Rule>,
  input: ScreeningConfigInput
): Either.Either<ScreeningConfig, ScreeningConfigInvalid> => {
  const problems: Array<ConfigProblem> = []
  const byCode = new Map(library.map((r) => [r.code, r]))

  let selected: ReadonlySet<string> | null = null
  if (input.rules !== undefined) {
    if (!Array.isArray(input.rules)) {
      problems.push({ source: "rules", key: "", message: "must be a list of rule codes" })
    } else {
      const codes = new Set<string>()
      input.rules.forEach((code: unknown, i) => {
        if (typeof code === "string" && byCode.has(code)) codes.add(code)
        else problems.push({ source: "rules", key: String(i), message: `unknown rule code ${JSON.stringify(code)}` })
      })
      selected = codes
    }
  }

  const params = input.params ?? {}
  if (!isRecord(params))
    problems.push({ source: "params", key: "", message: "must be a JSON object keyed by rule code" })
  const given = isRecord(params) ? params : {}
  for (const code of Object.keys(given)) {
    if (!byCode.has(code) && !isAnnotation(code))
      problems.push({ source: "params", key: code, message: "unknown rule code" })
  }
  const compiled: Array<{ readonly rule: Rule; readonly compiled: CompiledRule }> = []
  for (const rule of library) {
    const isSelected = selected === null || selected.has(rule.code)
    // A rule left out of this run still gets its parameters checked: a typo must not wait for the
    // day the rule is switched on.
    if (!isSelected && given[rule.code] === undefined) continue
    Either.match(rule.compile(given[rule.code]), {
      onLeft: (issues) =>
        problems.push(
          ...issues.map((i) => ({
            source: "params" as const,
            key: i.key === "" ? rule.code : `${rule.code}.${i.key}`,
            message: i.message
          }))
        ),
      onRight: (c) => {
        if (isSelected) compiled.push({ rule, compiled: c })
      }
    })
  }

  let partition: Partition | null = null
  if (input.partition !== undefined && input.partition !== null) {
    Either.match(Schema.decodeUnknownEither(Partition, { onExcessProperty: "error", errors: "all" })(input.partition), {
      onLeft: (error) =>
        problems.push(...parseIssues(error, "unknown key").map((i) => ({ source: "partition" as const, ...i }))),
      onRight: (p) => {
        partition = p
      }
    })
  }

  return problems.length > 0
    ? Either.left(new ScreeningConfigInvalid({ problems }))
    : Either.right({ rules: compiled, partition })
}
