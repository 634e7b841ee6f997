/**
 * Staged rules at province scale (`RuleSpec.staged`, `docs/screening-scale.md`, "The global partition"). A rule
 * that compares institutions by a key of its own — TRACE_CODE_REUSED, one drug package's traceability code scanned
 * anywhere in the province — would otherwise need one worker to read the whole province. Instead:
 *
 * 1. **Facts**, in every institution partition (`writeStageFacts`): each record worked out from its own
 *    institution's data, written to a shared directory split by the hash of the key into `keyPartitions` parts:
 *    `<dir>/<RULE>/<index>-of-<count>/key_part=<k>/*.parquet`, with `done.json` beside them (the rows of each key
 *    part). They are written aside and renamed into place whole; once there they are not changed: the same
 *    partition run again (its job offered again while its first worker was still at it) computes the same facts
 *    and discards its own.
 * 2. **Verdicts**, one per key part (`runStageVerdict`): every institution partition's facts of the keys of part
 *    `k`, grouped into suspicions. It refuses to run before every institution partition has written its facts.
 *
 * The union of the verdicts' suspicions is what the rule's own `sql` finds over the whole extract.
 *
 * @since 0.1.0
 */
import type { Suspicion } from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from "node:fs"
import { dirname, join } from "node:path"
import { ClaimsExtracts, type ExtractHandle, scratchDuckDb } from "./Extract.js"
import { asNumber, asString, exec, literal, query } from "./internal/Duck.js"
import { compare, ruleOutput, suspicionsOf } from "./internal/RuleOutput.js"
import { partitionOf, partitionSchema, partitionViews } from "./Partition.js"
import { preparedRelations } from "./Prepared.js"
import { type CompiledRule, type Rule, stageFactsRelation } from "./Rule.js"
import { ruleLibrary } from "./RuleLibrary.js"
import { neededRelations, prepare, RuleFailed, type RuleRun, type ScreeningOptions } from "./Runner.js"
import { resolveConfig } from "./ScreeningConfig.js"
import { sqlMacros } from "./SqlMacros.js"

/**
 * A staged run cannot go on: a rule that is not staged, facts not written yet or not as recorded. `subject` is the
 * rule, option or directory at fault; `reason` says what is wrong, in Chinese, for the operator.
 *
 * @category errors
 */
export class StagedRunError extends Schema.TaggedError<StagedRunError>()("StagedRunError", {
  subject: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `分阶段规则：${this.subject}：${this.reason}`
  }
}

/**
 * A verdict found an institution partition's facts not (yet) in the shared directory although the partition is
 * done — the shared storage may show a new directory to another machine only after a while: try again later.
 *
 * @category errors
 */
export class StageFactsMissing extends Schema.TaggedError<StageFactsMissing>()("StageFactsMissing", {
  dir: Schema.String,
  rule: Schema.String,
  partition: Schema.String
}) {
  override get message(): string {
    return `分阶段规则：${this.dir}：机构分区 ${this.partition} 尚未写出 ${this.rule} 的事实（或共享目录在本机尚不可见）`
  }
}

/**
 * The most key parts a staged run's facts are split into (one verdict job each).
 *
 * @category rules
 */
export const maxKeyPartitions = 4096

const keyPartitionsProblem = (n: number): StagedRunError | null =>
  Number.isInteger(n) && n >= 1 && n <= maxKeyPartitions
    ? null
    : new StagedRunError({ subject: "keyPartitions", reason: `须为 1～${maxKeyPartitions} 的整数，收到 ${n}` })

/** What one institution partition wrote for one rule (`done.json`). */
const FactsDone = Schema.Struct({
  rule: Schema.String,
  version: Schema.Int,
  status: Schema.Literal("ran", "skipped"),
  reason: Schema.optional(Schema.String),
  rows: Schema.Int,
  keyPartitions: Schema.Int,
  /** Rows of each key part: what a verdict must read. */
  keyPartRows: Schema.Array(Schema.Int)
})
type FactsDone = typeof FactsDone.Type

const doneFile = "done.json"

const partDir = (dir: string, code: string, index: number, count: number) => join(dir, code, `${index}-of-${count}`)

/**
 * The staged rules among `codes` (all staged rules of the library when absent), compiled with `params`.
 * Fails naming a rule that is not staged.
 */
const stagedRules = (
  options: Pick<ScreeningOptions, "library" | "params" | "rules">
): Effect.Effect<ReadonlyArray<{ readonly rule: Rule; readonly compiled: CompiledRule }>, StagedRunError> => {
  const library = options.library ?? ruleLibrary
  const rules = options.rules ?? library.filter((r) => r.staged).map((r) => r.code)
  return resolveConfig(library, { params: options.params, rules }).pipe(
    Effect.mapError((e) => new StagedRunError({ subject: "rules", reason: e.message })),
    Effect.flatMap((config) => {
      const unstaged = config.rules.filter(({ compiled }) => compiled.staged === null).map(({ rule }) => rule.code)
      return unstaged.length > 0
        ? Effect.fail(new StagedRunError({ subject: "rules", reason: `${unstaged.join("、")} 不是分阶段规则` }))
        : Effect.succeed(config.rules)
    })
  )
}

/**
 * Options of `writeStageFacts`: the run's extract, parameters and rules (the staged rules of the library when
 * absent), the institution partition, and where the facts go.
 *
 * @category models
 */
export interface StageFactsOptions extends Pick<ScreeningOptions, "library" | "params" | "rules" | "importOptions"> {
  /** The extract (whole, or an institution partition's prepared copy), or its directory. */
  readonly extract: ExtractHandle | string
  /** This institution partition: `index` of `count`. */
  readonly partition: { readonly index: number; readonly count: number }
  /**
   * Whether `extract` holds only this partition's records (a prepared copy's partition, `openPreparedPartition`);
   * otherwise the partition's share of the whole extract is selected.
   */
  readonly extractIsPartition?: boolean
  /** The run's shared directory of facts. */
  readonly dir: string
  /** Into how many parts the facts are split by their key, one verdict each. */
  readonly keyPartitions: number
}

/**
 * Writes the facts of the staged rules for one institution partition (see the module: written aside, renamed whole, not
 * changed once in place). Returns, per rule, whether it ran (a rule
 * whose required tables are missing is skipped, and its verdicts say so), the rows written and the time taken.
 *
 * @category rules
 */
export const writeStageFacts = Effect.fn("Staged.writeStageFacts")(function* (options: StageFactsOptions) {
  const { index, count } = options.partition
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count)
    return yield* new StagedRunError({ subject: "partition", reason: `分区 ${index}/${count} 不成立` })
  const badSplit = keyPartitionsProblem(options.keyPartitions)
  if (badSplit !== null) return yield* badSplit
  const rules = yield* stagedRules(options)
  const extract = options.extract
  return yield* typeof extract === "string"
    ? Effect.scoped(
        Effect.flatMap(
          Effect.flatMap(ClaimsExtracts, (extracts) => extracts.open(extract, options.importOptions)),
          (handle) => factsOn(handle, rules, options)
        )
      )
    : factsOn(extract, rules, options)
})

const factsOn = (
  handle: ExtractHandle,
  rules: ReadonlyArray<{ readonly rule: Rule; readonly compiled: CompiledRule }>,
  options: StageFactsOptions
) =>
  Effect.gen(function* () {
    const { index, count } = options.partition
    yield* exec(handle.connection, sqlMacros.join(";\n")).pipe(Effect.orDie)
    const needed = neededRelations(
      preparedRelations(handle.manifest),
      rules.map(({ compiled }) => compiled.staged!.facts)
    )
    yield* prepare(handle, new Set(), needed)
    if (options.extractIsPartition !== true) {
      const views = partitionViews({ by: "institution", index, count }, handle.tables, needed)
      yield* exec(handle.connection, `${views.join(";\n")}; SET search_path = '${partitionSchema},main'`).pipe(
        Effect.orDie
      )
    }
    const written: Array<FactsDone & { readonly durationMs: number }> = []
    for (const { rule, compiled } of rules) {
      const staged = compiled.staged!
      const started = performance.now()
      const target = partDir(options.dir, rule.code, index, count)
      const failed = (what: string) => (e: unknown) =>
        new StagedRunError({ subject: target, reason: `${what}失败：${e instanceof Error ? e.message : String(e)}` })
      // Aside under a name no other worker uses (workers in containers may share a pid), then renamed whole.
      const aside = yield* Effect.try({
        try: () => {
          mkdirSync(dirname(target), { recursive: true })
          return mkdtempSync(`${target}.writing-`)
        },
        catch: failed("创建目录")
      })
      const missing = rule.requiredTables.filter((t) => !handle.has(t))
      const keyPartRows: Array<number> = Array.from({ length: options.keyPartitions }, () => 0)
      if (missing.length === 0) {
        const files = yield* query(
          handle.connection,
          `COPY (SELECT *, ${partitionOf(staged.key, options.keyPartitions)} AS key_part FROM (${staged.facts}))
           TO ${literal(aside)} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (key_part), OVERWRITE_OR_IGNORE,
                                 RETURN_STATS)`
        ).pipe(
          Effect.mapError((e) => new RuleFailed({ code: rule.code, reason: e.message.split("\n")[0]! })),
          Effect.tapError(() => Effect.sync(() => rmSync(aside, { recursive: true, force: true })))
        )
        for (const f of files) {
          const part = Number(/key_part=(\d+)/.exec(asString(f.filename) ?? "")?.[1] ?? Number.NaN)
          keyPartRows[part] = (keyPartRows[part] ?? 0) + asNumber(f.count)
        }
      }
      const done: FactsDone = {
        rule: rule.code,
        version: rule.version,
        status: missing.length === 0 ? "ran" : "skipped",
        ...(missing.length === 0 ? {} : { reason: `missing table ${missing.join(", ")}` }),
        rows: keyPartRows.reduce((a, b) => a + b, 0),
        keyPartitions: options.keyPartitions,
        keyPartRows
      }
      yield* Effect.try({
        try: () => {
          writeFileSync(join(aside, doneFile), JSON.stringify(done))
          // Facts already in place stay when they fit (the same partition's facts are the same, and a verdict may be
          // reading them); facts of another version of the rule or another split are replaced.
          if (fittingFacts(join(target, doneFile), done) !== null) rmSync(aside, { recursive: true, force: true })
          else {
            rmSync(target, { recursive: true, force: true })
            renameSync(aside, target)
          }
        },
        catch: failed("写出事实")
      })
      written.push({ ...done, durationMs: Math.round(performance.now() - started) })
    }
    return written
  }).pipe(
    Effect.ensuring(
      exec(handle.connection, `RESET search_path; DROP SCHEMA IF EXISTS ${partitionSchema} CASCADE`).pipe(Effect.orDie)
    )
  )

/**
 * Whether every institution partition's facts of the staged rules (`rules`, all staged rules of `library` when
 * absent) are in `dir` and visible from this machine: a verdict need not be taken before.
 *
 * @category rules
 */
export const stageFactsReady = (options: {
  readonly dir: string
  readonly institutionPartitions: number
  readonly rules?: ReadonlyArray<string>
  readonly library?: ReadonlyArray<Rule>
}): boolean => {
  const library = options.library ?? ruleLibrary
  const codes = options.rules ?? library.filter((r) => r.staged).map((r) => r.code)
  try {
    return codes.every((code) =>
      Array.from({ length: options.institutionPartitions }, (_, index) =>
        partDir(options.dir, code, index, options.institutionPartitions)
      ).every((dir) => existsSync(join(dir, doneFile)))
    )
  } catch {
    return false
  }
}

/**
 * Options of `runStageVerdict`.
 *
 * @category models
 */
export interface StageVerdictOptions extends Pick<ScreeningOptions, "library" | "params" | "rules"> {
  /** The run's shared directory of facts (`writeStageFacts`). */
  readonly dir: string
  /** How many institution partitions wrote facts: all of them must have. */
  readonly institutionPartitions: number
  /** This verdict's key part, from 0, of `keyPartitions`. */
  readonly keyPart: number
  /** Into how many key parts the facts were split (`StageFactsOptions.keyPartitions`). */
  readonly keyPartitions: number
  /** DuckDB settings, e.g. `{ memory_limit: "3GB" }`. */
  readonly duckdb?: Record<string, string>
}

/**
 * The suspicions of the staged rules for the keys of one key part, from every institution partition's facts, in
 * the runner's order, with a report per rule. Fails with `StagedRunError` when an institution partition has not
 * written its facts, or wrote them for another version of the rule or another split.
 *
 * @category rules
 */
export const runStageVerdict = Effect.fn("Staged.runStageVerdict")(function* (options: StageVerdictOptions) {
  const { keyPart, keyPartitions, institutionPartitions: count } = options
  const badSplit = keyPartitionsProblem(keyPartitions)
  if (badSplit !== null) return yield* badSplit
  if (!Number.isInteger(keyPart) || keyPart < 0 || keyPart >= keyPartitions)
    return yield* new StagedRunError({ subject: "keyPart", reason: `键分区 ${keyPart}/${keyPartitions} 不成立` })
  if (!Number.isInteger(count) || count < 1)
    return yield* new StagedRunError({ subject: "institutionPartitions", reason: `须为不小于 1 的整数，收到 ${count}` })
  const rules = yield* stagedRules(options)
  return yield* Effect.scoped(
    Effect.gen(function* () {
      const { connection } = yield* scratchDuckDb(options.duckdb)
      yield* exec(connection, sqlMacros.join(";\n")).pipe(Effect.orDie)
      const runs: Array<RuleRun> = []
      const suspicions: Array<Suspicion> = []
      for (const { rule, compiled } of [...rules].sort((a, b) => compare(a.rule.code, b.rule.code))) {
        const base = { code: rule.code, version: rule.version, kind: rule.kind, params: compiled.params }
        const parts: Array<{ readonly dir: string; readonly done: FactsDone }> = []
        for (let index = 0; index < count; index++) {
          const dir = partDir(options.dir, rule.code, index, count)
          const missing = () => new StageFactsMissing({ dir, rule: rule.code, partition: `${index + 1}/${count}` })
          const done = yield* readDone(join(dir, doneFile), missing)
          if (done === null) return yield* missing()
          if (done.version !== rule.version || done.keyPartitions !== keyPartitions)
            return yield* new StagedRunError({
              subject: dir,
              reason: `事实按规则版本 ${done.version}、${done.keyPartitions} 个键分区写出，本次为版本 ${rule.version}、${keyPartitions} 个键分区`
            })
          parts.push({ dir, done })
        }
        const skipped = parts.find((p) => p.done.status === "skipped")
        if (skipped !== undefined) {
          runs.push({ ...base, status: "skipped", reason: skipped.done.reason ?? "skipped", count: 0, durationMs: 0 })
          continue
        }
        const started = performance.now()
        const files = yield* Effect.try({
          try: () => parts.flatMap((p) => parquetFiles(join(p.dir, `key_part=${keyPart}`))),
          // A passing I/O error of the shared storage: tried again later, as facts not visible yet.
          catch: () => new StageFactsMissing({ dir: options.dir, rule: rule.code, partition: "（读取目录失败）" })
        })
        const expected = parts.reduce((sum, p) => sum + (p.done.keyPartRows[keyPart] ?? 0), 0)
        let found: ReadonlyArray<Suspicion> = []
        const fail = (e: { readonly message: string }) =>
          new RuleFailed({ code: rule.code, reason: e.message.split("\n")[0]! })
        const readRows =
          files.length === 0
            ? 0
            : asNumber(
                (yield* exec(
                  connection,
                  `CREATE OR REPLACE VIEW ${stageFactsRelation} AS
                   SELECT * FROM read_parquet([${files.map(literal).join(", ")}], hive_partitioning = false)`
                ).pipe(
                  Effect.zipRight(query(connection, `SELECT count(*) AS n FROM ${stageFactsRelation}`)),
                  Effect.mapError(fail)
                ))[0]?.n
              )
        // What the partitions recorded must be what is read: facts cut short would lose leads without a word.
        if (readRows !== expected)
          return yield* new StagedRunError({
            subject: options.dir,
            reason: `${rule.code} 键分区 ${keyPart} 读到 ${readRows} 行事实，而各机构分区记录共 ${expected} 行`
          })
        if (files.length > 0) {
          const rows = yield* ruleOutput(connection, compiled.staged!.verdict).pipe(Effect.mapError(fail))
          const checked = suspicionsOf(rule, rows)
          if (typeof checked === "string") return yield* new RuleFailed({ code: rule.code, reason: checked })
          found = checked
        }
        runs.push({
          ...base,
          status: "ran",
          count: found.length,
          durationMs: Math.round((performance.now() - started) * 10) / 10
        })
        for (const s of found) suspicions.push(s)
      }
      return { suspicions, rules: runs }
    })
  )
})

/** A partition's `done.json`: null when absent (not written yet), an error when it cannot be read. */
/**
 * A partition's `done.json`: null when absent (not written yet, or not visible yet); an error when it does not
 * decode. Reading it is retried later, as for an absent one, when the storage fails (a passing I/O error).
 */
const readDone = (
  file: string,
  missing: () => StageFactsMissing
): Effect.Effect<FactsDone | null, StagedRunError | StageFactsMissing> =>
  Effect.gen(function* () {
    const text = yield* Effect.try({
      try: () => (existsSync(file) ? readFileSync(file, "utf8") : null),
      catch: missing
    })
    if (text === null) return null
    return yield* Effect.try({
      try: () => Schema.decodeUnknownSync(FactsDone)(JSON.parse(text)),
      catch: (e) =>
        new StagedRunError({ subject: file, reason: `无法读取（${e instanceof Error ? e.message : String(e)}）` })
    })
  })

/** The `done.json` of facts already in place that fit `done` (same rule version and split), else null. */
const fittingFacts = (file: string, done: FactsDone): FactsDone | null => {
  try {
    const there = Schema.decodeUnknownSync(FactsDone)(JSON.parse(readFileSync(file, "utf8")))
    return there.version === done.version && there.keyPartitions === done.keyPartitions ? there : null
  } catch {
    return null
  }
}

const parquetFiles = (dir: string): ReadonlyArray<string> =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".parquet"))
        .sort(compare)
        .map((f) => join(dir, f))
    : []
