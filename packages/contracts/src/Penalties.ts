/**
 * Penalty assessment (处罚裁量), discretion benchmarks and the violation catalogue. Bodies are decoded
 * by the library itself (`assessPenalty`, `decodeBenchmark`), so the API, the CLI and the library
 * name the same problems with the same paths.
 *
 * @since 0.1.0
 */
import {
  AssessmentInput,
  AssessmentResult,
  BenchmarkFile,
  ViolationCode,
  type ViolationEntry
} from "@fundguard/domain/penalty"
import * as Schema from "effect/Schema"
import { endpoint, json } from "./Endpoint.js"

const tags = ["penalties"]

/** @category endpoints */
export const assess = endpoint({
  method: "POST",
  path: "/api/v1/penalties/assess",
  access: { permission: "penalties:assess" },
  tags,
  summary: "Assess the lawful penalty for a case (penalty-assessment.md)",
  description:
    "Same input and output as the library's assessPenalty and `pnpm fundguard penalty assess`. The discretion benchmark is chosen by region and decision date from the bundled ones (result.benchmark says which, and whether it fell back to the national default). 400 lists every problem with its JSON path.",
  body: AssessmentInput,
  success: json(AssessmentResult)
})

/** @category endpoints */
export const assessWithBenchmark = endpoint({
  method: "POST",
  path: "/api/v1/penalties/assess-with-benchmark",
  access: { permission: "penalties:assess" },
  tags,
  summary: "Assess a case with the bureau's own discretion benchmark",
  description:
    "Body `{ case, benchmark }`: the case as for /penalties/assess and a benchmark file (docs/domain/penalties.md). The benchmark is used for the regions it covers on the decision date, ahead of the bundled ones. 400 lists every problem of either, with paths under `$.case` and `$.benchmark`.",
  body: Schema.Struct({ case: AssessmentInput, benchmark: BenchmarkFile }),
  success: json(AssessmentResult)
})

/** A benchmark as listed. @category models */
export const BenchmarkSummary = Schema.Struct({
  id: Schema.String,
  regions: Schema.Array(Schema.String),
  name: Schema.String,
  version: Schema.String,
  effectiveFrom: Schema.String,
  effectiveTo: Schema.NullOr(Schema.String),
  source: Schema.String,
  confidence: Schema.String,
  notes: Schema.Array(Schema.String),
  sections: Schema.Array(Schema.String),
  inheritedFromNationalDefault: Schema.Array(Schema.String)
})
/** @category models */
export type BenchmarkSummary = typeof BenchmarkSummary.Type

/** @category endpoints */
export const listBenchmarks = endpoint({
  method: "GET",
  path: "/api/v1/penalties/benchmarks",
  access: { permission: "penalties:assess" },
  tags,
  summary: "The bundled discretion benchmarks (national default and provinces), with sources and confidence",
  success: json(Schema.Struct({ items: Schema.Array(BenchmarkSummary) }))
})

/** @category endpoints */
export const validateBenchmark = endpoint({
  method: "POST",
  path: "/api/v1/penalties/benchmarks/validate",
  access: { permission: "penalties:assess" },
  tags,
  summary: "Validate a benchmark file without assessing anything",
  description: "200 with the file's summary, or 400 `InvalidBenchmark` with every problem and its JSON path.",
  body: BenchmarkFile,
  success: json(BenchmarkSummary)
})

const Article = Schema.NullOr(Schema.Int.pipe(Schema.between(1, 200)))

const viewFields = {
  code: ViolationCode,
  article: Article,
  paragraph: Article,
  item: Article,
  clause: Schema.String,
  behaviour: Schema.String,
  subject: Schema.Literal("institution", "individual", "agency", "any"),
  subjectKinds: Schema.Array(Schema.Literal("institution", "individual", "agency", "staff")),
  amountBasis: Schema.Literal("loss", "defrauded", "illegal_gains", "embezzled", "none"),
  fraud: Schema.Boolean,
  track: Schema.Literal("administrative", "agreement"),
  toHealthCommissionItem: Article,
  toHealthCommissionItems: Schema.Array(Schema.Int),
  fromHealthCommissionItem: Article,
  onRefusal: Schema.NullOr(ViolationCode),
  citations: Schema.Array(Schema.String)
}

/**
 * One entry of the violation catalogue as the API shows it: exactly the library's `ViolationEntry`
 * (the annotation makes the compiler hold the two together).
 *
 * @category models
 */
export const ViolationView: Schema.Schema<ViolationEntry, Schema.Struct.Encoded<typeof viewFields>> = Schema.Struct(
  viewFields
).annotations({ identifier: "ViolationEntry", description: "违法行为目录条目" })

/** @category endpoints */
export const listViolations = endpoint({
  method: "GET",
  path: "/api/v1/violations",
  access: { permission: "penalties:assess" },
  tags,
  summary: "The violation catalogue",
  success: json(Schema.Struct({ items: Schema.Array(ViolationView) }))
})
