/**
 * Discretion benchmarks (行政处罚裁量基准) as data: the Schema of a benchmark file, its decoder (every problem
 * with its JSON path), and the checks that keep a file inside the law (no band above a statutory ceiling, no
 * criminal threshold outside the range 法释〔2011〕7号 lets a province choose from).
 *
 * A province file may carry only the sections the province has published; the missing ones are taken from
 * the national default, and the assessment result says which ones were.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import {
  BenchmarkSections,
  Confidence,
  RegionCode,
  sectionNames,
  type SectionName
} from "./internal/BenchmarkSections.js"
import { IsoDate } from "../kernel/IsoDate.js"
import { problemsOf, type InputProblem } from "../kernel/Problems.js"

export * from "./internal/BenchmarkSections.js"

const optionalSections = Object.fromEntries(
  Object.entries(BenchmarkSections).map(([k, v]) => [k, Schema.optional(v as Schema.Schema.Any)])
) as { readonly [K in SectionName]: Schema.optional<(typeof BenchmarkSections)[K]> }

/**
 * A benchmark file: who published it, for which regions, from when, on what source and how reliably, and
 * the sections it sets.
 *
 * @category models
 */
export const BenchmarkFile = Schema.Struct({
  id: Schema.String.pipe(Schema.pattern(/^[a-z0-9][a-z0-9-]*$/, { message: () => "lower-case letters, digits and -" })),
  regions: Schema.NonEmptyArray(RegionCode),
  name: Schema.String.pipe(Schema.maxLength(200)),
  version: Schema.String.pipe(Schema.maxLength(50)),
  effectiveFrom: IsoDate,
  effectiveTo: Schema.optionalWith(Schema.NullOr(IsoDate), { default: () => null }),
  source: Schema.String.pipe(Schema.maxLength(2000)),
  confidence: Confidence,
  notes: Schema.optionalWith(Schema.Array(Schema.String.pipe(Schema.maxLength(2000))).pipe(Schema.maxItems(50)), {
    default: () => []
  }),
  ...optionalSections
}).pipe(
  Schema.filter((file) =>
    file.effectiveTo !== null && file.effectiveTo < file.effectiveFrom
      ? { path: ["effectiveTo"], message: "must not be before effectiveFrom" }
      : undefined
  )
)
/** @category models */
export type BenchmarkFile = typeof BenchmarkFile.Type
/** The JSON of a benchmark file. */
export type BenchmarkFileJson = typeof BenchmarkFile.Encoded

/**
 * A benchmark with every section present: the national default, or a province file completed from it.
 *
 * @category models
 */
export type CompleteSections = { readonly [K in SectionName]: Schema.Schema.Type<(typeof BenchmarkSections)[K]> }

/**
 * The benchmark file could not be decoded or is unlawful; `problems` lists every one with its JSON path.
 *
 * @category errors
 */
export class InvalidBenchmark extends Schema.TaggedError<InvalidBenchmark>()("InvalidBenchmark", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => `${p.path}: ${p.message}`).join("\n")
  }
}

/**
 * Decodes a benchmark file (for example a bureau's own JSON), collecting every problem.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { decodeBenchmark } from "@fundguard/domain"
 *
 * const file = await Effect.runPromise(decodeBenchmark(JSON.parse(text)))
 * ```
 *
 * @category decoding
 */
export const decodeBenchmark = (input: unknown): Effect.Effect<BenchmarkFile, InvalidBenchmark> =>
  Schema.decodeUnknown(BenchmarkFile, { errors: "all", onExcessProperty: "error" })(input).pipe(
    Effect.mapError((error) => new InvalidBenchmark({ problems: problemsOf(error) as ReadonlyArray<InputProblem> }))
  )

/**
 * Whether a file carries every section (the national default must).
 *
 * @category rules
 */
export const missingSections = (file: BenchmarkFile): ReadonlyArray<SectionName> =>
  sectionNames.filter((name) => file[name] === undefined)
