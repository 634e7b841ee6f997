/**
 * How a screening rule is defined: once, with its code, version, level, parameters (an effect
 * Schema whose fields carry the defaults), suggested violation, input tables, a description in
 * Chinese and English, and one SQL query over the extract's tables (`screening-rules.md`,
 * "What done means for a rule").
 *
 * The query returns one row per suspicion with exactly these columns, which the runner maps onto
 * the `Suspicion` contract (adding rule, version, level and violation):
 *
 * | column | type | note |
 * |---|---|---|
 * | `fixmedins_code` | VARCHAR | never NULL |
 * | `psn_no`, `mdtrt_id`, `setl_id`, `med_list_codg` | VARCHAR | NULL when unknown or irrelevant |
 * | `feedetl_sn` | VARCHAR[] | flagged fee lines; `[]` when none |
 * | `date` | DATE or VARCHAR `yyyy-MM-dd` | |
 * | `amount` | DOUBLE | fund exposure in yuan; the runner rounds it to the fen |
 * | `evidence` | STRUCT or JSON | what a reviewer needs to check the lead without SQL |
 * | `message` | VARCHAR | one sentence in Chinese |
 *
 * @since 0.1.0
 */
import type { ViolationCode } from "@fundguard/domain/penalty"
import type { RuleLevel } from "@fundguard/domain/screening"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ClaimCheck } from "./precheck/Claim.js"
import type { TableName } from "./Tables.js"

/**
 * Partition keys a run can be split by (see `Partition.ts`).
 *
 * @category models
 */
export type PartitionKey = "person" | "institution"

/**
 * Text in both languages of the product.
 *
 * @category models
 */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/**
 * What a lead is: a suspected `violation` (the default when the rule suggests a violation code), a
 * `data_quality` problem of the extract (the data cannot be right, e.g. a charge outside the stay;
 * reviewers correct the data or ask the institution rather than assess a penalty), or a statistical
 * `lead` that suggests no violation by itself.
 *
 * @category models
 */
export type RuleKind = "violation" | "data_quality" | "lead"

/**
 * What a rule author writes. `P` is the decoded parameter record.
 *
 * @category models
 */
export interface RuleSpec<P extends Readonly<Record<string, unknown>>, I> {
  /** Stable code, e.g. `PRICE_OVER_CAP`. */
  readonly code: string
  /** Bumped whenever the rule's output for the same input can change. */
  readonly version: number
  readonly level: RuleLevel
  /** Suggested violation code; `null` for leads that suggest none (statistical, data quality). */
  readonly violation: ViolationCode | null
  /** Default: `violation` when a violation code is suggested, else `lead`. */
  readonly kind?: RuleKind
  /** Tables the query reads; when one is absent the rule is skipped, not failed. */
  readonly requiredTables: ReadonlyArray<TableName>
  /** Tables the query also reads when present; an absent one reads as empty (see `ExtractHandle`). */
  readonly optionalTables?: ReadonlyArray<TableName>
  /**
   * Parameter schema: a Struct whose fields all have defaults, written
   * `Schema.optionalWith(schema, { default: () => value, exact: true })` (`exact` so that an
   * explicit `null` or `undefined` is an error rather than a silent default).
   */
  readonly parameters: Schema.Schema<P, I>
  /**
   * Partition keys under which filtering the *inputs* by the key gives exactly the suspicions of
   * that partition (the rule only ever compares records of one person, or one institution). For
   * other keys the runner runs the rule on all data and filters its output instead.
   */
  readonly partitionInputs: ReadonlyArray<PartitionKey>
  readonly title: Bilingual
  /** One paragraph per language: the pattern, the amount and the known limits. */
  readonly description: Bilingual
  readonly sql: (params: P) => string
  /**
   * The same rule decided on one claim before settlement (`precheck.md`), for the rules that can be decided
   * from one claim plus reference data and history; absent for the others. Its agreement with `sql` is
   * proven by replaying every rule test's extract through both (`test/Precheck.test.ts`).
   */
  readonly precheck?: (params: P) => ClaimCheck
  /**
   * The rule in two stages, for a rule that compares across institutions by a key of its own (a traceability
   * code): `facts` gives one row per input record, worked out from its own institution's records alone, so it
   * runs in each institution partition of a province run; `verdict` reads those rows — every row of the keys of
   * one key partition, as the relation `stageFactsRelation` — and gives the suspicions. `sql` must give what
   * `verdict` gives over `facts` of the whole extract (it may first drop rows that cannot matter).
   * See `Staged.ts` and `docs/screening-scale.md`, "The global partition".
   */
  readonly staged?: {
    /** The column of `facts` the verdict groups by; the facts are split by its hash. */
    readonly key: string
    readonly facts: (params: P) => string
    readonly verdict: (params: P) => string
  }
}

/**
 * The relation a staged rule's `verdict` reads its facts from.
 *
 * @category rules
 */
export const stageFactsRelation = "fg_stage_facts"

/**
 * A staged rule's whole-extract SQL: its verdict over its facts (`RuleSpec.staged`).
 *
 * @category rules
 */
export const verdictOverFacts = (facts: string, verdict: string): string =>
  `WITH ${stageFactsRelation} AS (${facts}) SELECT * FROM (${verdict})`

/**
 * A parameter problem; `key` is the path below the rule code, e.g. `tolerance`.
 *
 * @category models
 */
export interface ParamIssue {
  readonly key: string
  readonly message: string
}

/**
 * A rule with its parameters resolved: the values used and the SQL to run.
 *
 * @category models
 */
export interface CompiledRule {
  /** The parameters used, defaults filled in, in the form a parameter file writes them. */
  readonly params: Readonly<Record<string, unknown>>
  readonly sql: string
  /** The pre-settlement check with these parameters, when the rule has one. */
  readonly check: ClaimCheck | null
  /** The two stages' SQL with these parameters, when the rule is staged (`RuleSpec.staged`). */
  readonly staged: { readonly key: string; readonly facts: string; readonly verdict: string } | null
}

/**
 * A defined rule, its parameter type erased so that rules of any parameters share one list.
 *
 * @category models
 */
export interface Rule {
  readonly code: string
  readonly version: number
  readonly level: RuleLevel
  readonly violation: ViolationCode | null
  readonly kind: RuleKind
  readonly requiredTables: ReadonlyArray<TableName>
  readonly optionalTables: ReadonlyArray<TableName>
  readonly partitionInputs: ReadonlyArray<PartitionKey>
  readonly title: Bilingual
  readonly description: Bilingual
  /** The parameter values used when a run gives none, as a parameter file writes them. */
  readonly defaults: Readonly<Record<string, unknown>>
  /** The parameter schema (for parameter-file schemas and documentation). */
  readonly parameters: Schema.Schema.AnyNoContext
  /**
   * Merges the given parameters (a JSON object, or `undefined`) over the defaults and builds the
   * SQL. Unknown names and values of the wrong type are issues naming the key.
   */
  readonly compile: (input: unknown) => Either.Either<CompiledRule, ReadonlyArray<ParamIssue>>
  /** Whether the rule is also decided on one claim before settlement (`precheck.md`). */
  readonly precheck: boolean
  /** Whether the rule can run in two stages, facts per institution then a verdict per key (`RuleSpec.staged`). */
  readonly staged: boolean
}

/**
 * Turns a parse error into one issue per key. A value that fails several alternatives (a union of
 * literals, say) yields several issues for one key; the first says enough.
 *
 * @category formatting
 */
export const parseIssues = (error: ParseResult.ParseError, unexpected: string): ReadonlyArray<ParamIssue> => {
  const byKey = new Map<string, string>()
  for (const issue of ParseResult.ArrayFormatter.formatErrorSync(error)) {
    const key = issue.path.map(String).join(".")
    if (!byKey.has(key)) byKey.set(key, issue._tag === "Unexpected" ? unexpected : issue.message)
  }
  return [...byKey].map(([key, message]) => ({ key, message }))
}

/**
 * Defines a rule. Throws at module load if the parameter schema has no complete defaults, so a
 * rule that cannot run with its defaults never ships.
 *
 * @category constructors
 */
export const defineRule = <P extends Readonly<Record<string, unknown>>, I>(spec: RuleSpec<P, I>): Rule => {
  const decode = Schema.decodeUnknownEither(spec.parameters, { onExcessProperty: "error", errors: "all" })
  // Reported parameters are in the form a user writes (e.g. "23:00", not minutes after midnight).
  const encode = Schema.encodeSync(spec.parameters)
  const defaults = Either.match(decode({}), {
    onLeft: (error) => {
      throw new Error(`rule ${spec.code}: parameters have no complete defaults: ${error.message}`)
    },
    onRight: (params) => encode(params) as Readonly<Record<string, unknown>>
  })
  const compile = (input: unknown): Either.Either<CompiledRule, ReadonlyArray<ParamIssue>> => {
    if (input !== undefined && (typeof input !== "object" || input === null || Array.isArray(input))) {
      return Either.left([{ key: "", message: "parameters must be a JSON object" }])
    }
    return Either.match(decode(input ?? {}), {
      onLeft: (error) => Either.left(parseIssues(error, "unknown parameter")),
      onRight: (params) =>
        Either.right({
          params: encode(params) as Readonly<Record<string, unknown>>,
          sql: spec.sql(params),
          check: spec.precheck === undefined ? null : spec.precheck(params),
          staged:
            spec.staged === undefined
              ? null
              : { key: spec.staged.key, facts: spec.staged.facts(params), verdict: spec.staged.verdict(params) }
        })
    })
  }
  return {
    code: spec.code,
    version: spec.version,
    level: spec.level,
    violation: spec.violation,
    kind: spec.kind ?? (spec.violation === null ? "lead" : "violation"),
    requiredTables: spec.requiredTables,
    optionalTables: spec.optionalTables ?? [],
    partitionInputs: spec.partitionInputs,
    title: spec.title,
    description: spec.description,
    defaults,
    parameters: spec.parameters,
    compile,
    precheck: spec.precheck !== undefined,
    staged: spec.staged !== undefined
  }
}
