/**
 * Runs screening rules over an imported extract and returns their suspicions in a deterministic
 * order (by rule code, then by the suspicion's key), with a report per rule.
 *
 * @since 0.1.0
 */
import { roundYuan } from "@fundguard/domain/kernel"
import type { Suspicion } from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import { readdirSync } from "node:fs"
import { join } from "node:path"
import { ClaimsExtracts, type ExtractHandle, type ImportOptions } from "./Extract.js"
import type { ExtractInvalid } from "./ExtractProblem.js"
import { asString, type DuckDbError, exec, literal, query } from "./internal/Duck.js"
import { compare, startRuleOutput, suspicionsOf } from "./internal/RuleOutput.js"
import { filterOutput, type Partition, partitionSchema, partitionViews } from "./Partition.js"
import { type PreparedRelation, preparedRelations } from "./Prepared.js"
import type { CompiledRule, Rule, RuleKind } from "./Rule.js"
import { ruleLibrary } from "./RuleLibrary.js"
import { resolveConfig, type ScreeningConfigInvalid } from "./ScreeningConfig.js"
import { sqlMacros } from "./SqlMacros.js"

/**
 * A rule's query failed or broke the output contract (a bug in the rule, not in the data).
 *
 * @category errors
 */
export class RuleFailed extends Schema.TaggedError<RuleFailed>()("RuleFailed", {
  code: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `rule ${this.code} failed: ${this.reason}`
  }
}

/**
 * Options of a run. `params`, `rules` and `partition` are typically parsed from JSON and are
 * checked (see `ScreeningConfig.ts`).
 *
 * @category models
 */
export interface ScreeningOptions {
  /** An imported extract (left open), or a directory to import (closed after the run). */
  readonly extract: ExtractHandle | string
  /** Parameters keyed by rule code, merged over each rule's defaults. */
  readonly params?: unknown
  /** Codes of the rules to run; all rules of the library when absent. */
  readonly rules?: ReadonlyArray<string>
  /** Run only one partition: `{ by: "person" | "institution", index, count }`. */
  readonly partition?: Partition | undefined
  /** The rules available; `ruleLibrary` when absent. */
  readonly library?: ReadonlyArray<Rule>
  readonly importOptions?: ImportOptions
  /** Called as the run goes (synchronously; keep it cheap). */
  readonly onProgress?: ((event: ScreeningProgress) => void) | undefined
}

/**
 * Progress of a run, for a progress bar or log lines: the shared relations are prepared once, then
 * each rule starts and finishes (`index` from 0 of `total`).
 *
 * @category models
 */
export type ScreeningProgress =
  | { readonly _tag: "Preparing" }
  | { readonly _tag: "Prepared"; readonly durationMs: number }
  | { readonly _tag: "RuleStarted"; readonly code: string; readonly index: number; readonly total: number }
  | { readonly _tag: "RuleFinished"; readonly run: RuleRun; readonly index: number; readonly total: number }

/**
 * What happened to one rule in a run.
 *
 * @category models
 */
export interface RuleRun {
  readonly code: string
  readonly version: number
  /** `data_quality` leads are problems of the data, not suspected violations (see `RuleKind`). */
  readonly kind: RuleKind
  readonly status: "ran" | "skipped"
  /** Why a rule was skipped, e.g. `missing table catalog`. */
  readonly reason?: string
  readonly count: number
  readonly durationMs: number
  readonly params: Readonly<Record<string, unknown>>
}

/**
 * The result of a run.
 *
 * @category models
 */
export interface ScreeningResult {
  readonly suspicions: ReadonlyArray<Suspicion>
  readonly rules: ReadonlyArray<RuleRun>
  readonly totals: {
    readonly suspicions: number
    /** Sum of the suspicions' amounts, in yuan. */
    readonly amount: number
    readonly rulesRan: number
    readonly rulesSkipped: number
  }
  readonly partition: Partition | null
  /** Time spent deriving the shared relations (`Prepared.ts`); 0 when the handle had them. */
  readonly prepareMs: number
}

type RuleOutcome = { readonly run: RuleRun; readonly suspicions: ReadonlyArray<Suspicion> }

/**
 * Starts a rule: its query is sent to DuckDB now. The effect returned awaits the query, and the one that gives checks
 * its rows. A run starts the next rule's query between the two (one query at a time on the connection), so that
 * DuckDB's threads run it while JavaScript turns this rule's rows into suspicions (on an independently made
 * county-year, 2.6 s of 25 s of rules).
 */
const startRule = (
  handle: ExtractHandle,
  rule: Rule,
  compiled: CompiledRule,
  partition: Partition | null
): Effect.Effect<Effect.Effect<Effect.Effect<RuleOutcome, RuleFailed>, RuleFailed>> =>
  Effect.gen(function* () {
    const base = { code: rule.code, version: rule.version, kind: rule.kind, params: compiled.params }
    const missing = rule.requiredTables.filter((t) => !handle.has(t))
    if (missing.length > 0) {
      const reason = `missing table ${missing.join(", ")}`
      const skipped: RuleOutcome = {
        run: { ...base, status: "skipped", reason, count: 0, durationMs: 0 },
        suspicions: []
      }
      return Effect.succeed(Effect.succeed(skipped))
    }
    const fail = (reason: string) => new RuleFailed({ code: rule.code, reason })
    const failWith = (e: DuckDbError) => fail(e.message.split("\n")[0] ?? e.message)
    const inputsFiltered = partition !== null && rule.partitionInputs.includes(partition.by)
    const sql = partition !== null && !inputsFiltered ? filterOutput(compiled.sql, partition) : compiled.sql
    const searchPath = yield* exec(
      handle.connection,
      `SET search_path = '${inputsFiltered ? `${partitionSchema},main` : "main"}'`
    ).pipe(Effect.either)
    if (Either.isLeft(searchPath)) return Effect.fail(failWith(searchPath.left))
    const output = yield* startRuleOutput(handle.connection, sql)
    return output.pipe(
      Effect.mapError(failWith),
      Effect.map(({ durationMs, rows }) =>
        Effect.suspend(() => {
          const suspicions = suspicionsOf(rule, rows)
          if (typeof suspicions === "string") return Effect.fail(fail(suspicions))
          const run: RuleRun = { ...base, status: "ran", count: suspicions.length, durationMs }
          return Effect.succeed({ run, suspicions })
        })
      )
    )
  })

const elapsed = (started: number) => Math.round((performance.now() - started) * 10) / 10

/** How `r` is kept in this run: a `file` relation is written only when named in `fileBacked`, else it is a view. */
const storageOf = (r: PreparedRelation, fileBacked: ReadonlySet<string>): PreparedRelation["storage"] =>
  r.storage === "file" && !fileBacked.has(r.name) ? "view" : r.storage

const createPrepared = (handle: ExtractHandle, r: PreparedRelation, storage: PreparedRelation["storage"]): string => {
  switch (storage) {
    case "table":
      return `CREATE OR REPLACE TABLE main.${r.name} AS ${r.sql}`
    case "view":
      return `CREATE OR REPLACE VIEW main.${r.name} AS ${r.sql}`
    case "file": {
      // Snappy: the fastest of DuckDB's codecs to read back here, and the file stays a sixth of the raw size.
      if (r.splitBy === undefined) {
        const file = literal(join(handle.scratchDir, `${r.name}.parquet`))
        return `COPY (${r.sql}) TO ${file} (FORMAT parquet, COMPRESSION snappy);
                CREATE OR REPLACE VIEW main.${r.name} AS SELECT * FROM read_parquet(${file})`
      }
      // One directory per value of the split column (true, false, null), read back by `splitView`.
      return `COPY (${r.sql}) TO ${literal(join(handle.scratchDir, r.name))}
              (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (${r.splitBy}), OVERWRITE)`
    }
  }
}

/**
 * The view over a relation written split by `splitBy` (`PreparedRelation.splitBy`): its files, the split column back
 * last where it was; or, when it has no rows (DuckDB then writes no file, and reading none is an error), the
 * relation's own query.
 */
const splitView = (handle: ExtractHandle, r: PreparedRelation, splitBy: string): Effect.Effect<string> =>
  Effect.sync(() => {
    const dir = join(handle.scratchDir, r.name)
    const written = readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(".parquet"))
    return written
      ? `CREATE OR REPLACE VIEW main.${r.name} AS
         SELECT * FROM read_parquet(${literal(join(dir, "*", "*.parquet"))}, hive_partitioning = true,
                                    hive_types = {'${splitBy}': BOOLEAN})`
      : `CREATE OR REPLACE VIEW main.${r.name} AS ${r.sql}`
  })

/**
 * Creates the derived relations the handle does not have yet; returns the time it took. A relation kept as a
 * file (`PreparedRelation.storage`) is written only when named in `fileBacked`, else it is a view.
 */
export const prepare = (
  handle: ExtractHandle,
  fileBacked: ReadonlySet<string> = new Set(),
  needed: ReadonlyArray<PreparedRelation> = preparedRelations(handle.manifest)
): Effect.Effect<number> =>
  Effect.gen(function* () {
    const existing = yield* query(
      handle.connection,
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'"
    ).pipe(Effect.orDie)
    const have = new Set(existing.map((r) => asString(r.name)))
    const missing = needed.filter((r) => !have.has(r.name))
    if (missing.length === 0) return 0
    const started = performance.now()
    for (const r of missing) {
      const storage = storageOf(r, fileBacked)
      yield* exec(handle.connection, createPrepared(handle, r, storage)).pipe(Effect.orDie)
      if (storage === "file" && r.splitBy !== undefined)
        yield* exec(handle.connection, yield* splitView(handle, r, r.splitBy)).pipe(Effect.orDie)
    }
    return elapsed(started)
  })

const mentions = (sql: string, name: string): boolean => new RegExp(`\\b${name}\\b`).test(sql)

/**
 * The derived relations that statements read, with those they read in turn, in creation order.
 *
 * @category rules
 */
export const neededRelations = (
  relations: ReadonlyArray<PreparedRelation>,
  statements: ReadonlyArray<string>
): ReadonlyArray<PreparedRelation> => {
  const needed = new Set<string>()
  // Creation order puts a relation after those it reads: walking it backwards reaches each one's inputs later.
  for (const r of [...relations].reverse())
    if (
      statements.some((sql) => mentions(sql, r.name)) ||
      relations.some((other) => needed.has(other.name) && mentions(other.sql, r.name))
    )
      needed.add(r.name)
  return relations.filter((r) => needed.has(r.name))
}

const runOn = (
  handle: ExtractHandle,
  rules: ReadonlyArray<{ readonly rule: Rule; readonly compiled: CompiledRule }>,
  partition: Partition | null,
  onProgress: (event: ScreeningProgress) => void
): Effect.Effect<ScreeningResult, RuleFailed> =>
  Effect.gen(function* () {
    yield* exec(handle.connection, sqlMacros.join(";\n")).pipe(Effect.orDie)
    onProgress({ _tag: "Preparing" })
    // A relation is written to its file only when several of the rules will read all of it: a partition of a
    // whole extract reads its share through the view (the partition's filter reaches the scan), and a run whose
    // rules do not read it (the global partition's) must not pay for writing it.
    const readers = (name: string) => rules.filter(({ compiled }) => mentions(compiled.sql, name))
    // Only the relations the rules read, and those these read: the global rules of a province run read visits
    // and settlements, and must not pay for the refunds of every fee line of the province.
    const needed = neededRelations(
      preparedRelations(handle.manifest),
      rules.map(({ compiled }) => compiled.sql)
    )
    const fileBacked = new Set(
      partition !== null
        ? []
        : needed.filter((r) => r.storage === "file" && readers(r.name).length > 1).map((r) => r.name)
    )
    const prepareMs = yield* prepare(handle, fileBacked, needed)
    onProgress({ _tag: "Prepared", durationMs: prepareMs })
    if (partition !== null) {
      const views = partitionViews(partition, handle.tables, needed)
      yield* exec(handle.connection, views.join(";\n")).pipe(Effect.orDie)
    }
    const runs: Array<RuleRun> = []
    const suspicions: Array<Suspicion> = []
    const ordered = [...rules].sort((a, b) => compare(a.rule.code, b.rule.code))
    const start = (index: number) => {
      const next = ordered[index]
      return next === undefined ? Effect.succeed(null) : startRule(handle, next.rule, next.compiled, partition)
    }
    // The rule after the one being checked is always under way; a run that fails waits for it before it cleans up.
    let pending = yield* start(0)
    yield* Effect.gen(function* () {
      for (const [index, { rule }] of ordered.entries()) {
        onProgress({ _tag: "RuleStarted", code: rule.code, index, total: ordered.length })
        const current = pending
        // Still `pending` while it is awaited: an interrupted run waits for it before it cleans up.
        const check = current === null ? null : yield* current
        pending = null
        pending = yield* start(index + 1)
        if (check === null) continue
        const result = yield* check
        onProgress({ _tag: "RuleFinished", run: result.run, index, total: ordered.length })
        runs.push(result.run)
        // Not push(...): a rule of a province-sized run can find more suspicions than a call takes arguments.
        for (const s of result.suspicions) suspicions.push(s)
      }
    }).pipe(Effect.ensuring(Effect.suspend(() => (pending === null ? Effect.void : Effect.ignore(pending)))))
    const amount = roundYuan(suspicions.reduce((sum, s) => sum + s.amount, 0))
    return {
      suspicions,
      rules: runs,
      totals: {
        suspicions: suspicions.length,
        amount,
        rulesRan: runs.filter((r) => r.status === "ran").length,
        rulesSkipped: runs.filter((r) => r.status === "skipped").length
      },
      partition,
      prepareMs
    }
  }).pipe(
    // Leave the connection as we found it: main schema, no partition views.
    Effect.ensuring(
      exec(handle.connection, `RESET search_path; DROP SCHEMA IF EXISTS ${partitionSchema} CASCADE`).pipe(Effect.orDie)
    )
  )

/**
 * Runs the selected rules (all by default) over an extract. Fails with `ScreeningConfigInvalid`
 * before touching data when a rule code, parameter or partition is wrong, with `ExtractInvalid`
 * when `extract` is a directory that does not import, and with `RuleFailed` when a rule's query
 * fails. Runs on one handle must not overlap: a partitioned run switches the connection's schema.
 *
 * @category rules
 */
export const runScreening = Effect.fn("Runner.runScreening")(function* (options: ScreeningOptions) {
  const config = yield* resolveConfig(options.library ?? ruleLibrary, options)
  const extract = options.extract
  const onProgress = options.onProgress ?? (() => undefined)
  const result: Effect.Effect<ScreeningResult, RuleFailed | ExtractInvalid | ScreeningConfigInvalid> =
    typeof extract === "string"
      ? Effect.scoped(
          Effect.flatMap(
            Effect.flatMap(ClaimsExtracts, (extracts) => extracts.open(extract, options.importOptions)),
            (h) => runOn(h, config.rules, config.partition, onProgress)
          )
        )
      : runOn(extract, config.rules, config.partition, onProgress)
  return yield* result
})
