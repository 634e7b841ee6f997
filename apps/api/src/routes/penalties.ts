import {
  AssessmentInput,
  AssessmentResult,
  assessPenalty,
  BenchmarkFile,
  bundledBenchmarks,
  decodeBenchmark,
  missingSections,
  sectionNames,
  violationCatalogue,
  type InputProblem
} from "@fundguard/domain"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as JSONSchema from "effect/JSONSchema"
import type { FastifyInstance } from "fastify"
import { HttpProblem } from "../plugins/errors.js"

// Bodies are decoded by the domain's Schemas (every problem with its JSON path), not by Fastify's validator,
// and results are written with JSON.stringify (not a schema serializer that could drop fields); the JSON
// Schemas below document both in OpenAPI.
const assessmentInputJsonSchema = JSONSchema.make(AssessmentInput)
const assessmentResultJsonSchema = JSONSchema.make(AssessmentResult)
const benchmarkJsonSchema = JSONSchema.make(BenchmarkFile)
const decodeInDomain = () => (data: unknown) => ({ value: data })
const writeJson = () => (data: unknown) => JSON.stringify(data)

const problemsSchema = {
  type: "object",
  description: "Every problem of the input, each with its JSON path",
  properties: {
    error: { type: "string" },
    message: { type: "string" },
    problems: {
      type: "array",
      items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } }
    }
  }
}

const run = async <A>(effect: Effect.Effect<A, unknown>): Promise<A> => {
  const exit = await Effect.runPromiseExit(effect)
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}

/** Re-roots problem paths under a member of a combined body: `$.region` → `$.case.region`. */
const under = (member: string, problems: ReadonlyArray<InputProblem>): ReadonlyArray<InputProblem> =>
  problems.map((p) => ({ path: `$.${member}${p.path.slice(1)}`, message: p.message }))

const problemsOf = (error: unknown): ReadonlyArray<InputProblem> | null =>
  typeof error === "object" && error !== null && "problems" in error
    ? (error as { problems: ReadonlyArray<InputProblem> }).problems
    : null

const benchmarkSummary = (b: BenchmarkFile) => ({
  id: b.id,
  regions: b.regions,
  name: b.name,
  version: b.version,
  effectiveFrom: b.effectiveFrom,
  effectiveTo: b.effectiveTo,
  source: b.source,
  confidence: b.confidence,
  notes: b.notes,
  sections: sectionNames.filter((name) => b[name] !== undefined),
  inheritedFromNationalDefault: b.regions.includes("000000") ? [] : missingSections(b)
})

/** Penalty assessment, discretion benchmarks and the violation catalogue. */
export const penaltyRoutes = async (app: FastifyInstance) => {
  app.post(
    "/api/v1/penalties/assess",
    {
      config: { permission: "penalties:assess" },
      validatorCompiler: decodeInDomain,
      serializerCompiler: writeJson,
      schema: {
        tags: ["penalties"],
        summary: "Assess the lawful penalty for a case (penalty-assessment.md)",
        description:
          "Same input and output as the library's assessPenalty and `pnpm fundguard penalty assess`. The discretion benchmark is chosen by region and decision date from the bundled ones (result.benchmark says which, and whether it fell back to the national default). 400 lists every problem with its JSON path.",
        body: assessmentInputJsonSchema,
        response: { 200: assessmentResultJsonSchema, 400: problemsSchema }
      }
    },
    async (request) => run(assessPenalty(request.body))
  )

  app.post(
    "/api/v1/penalties/assess-with-benchmark",
    {
      config: { permission: "penalties:assess" },
      validatorCompiler: decodeInDomain,
      serializerCompiler: writeJson,
      schema: {
        tags: ["penalties"],
        summary: "Assess a case with the bureau's own discretion benchmark",
        description:
          "Body `{ case, benchmark }`: the case as for /penalties/assess and a benchmark file (docs/domain/penalties.md). The benchmark is used for the regions it covers on the decision date, ahead of the bundled ones. 400 lists every problem of either, with paths under `$.case` and `$.benchmark`.",
        body: {
          type: "object",
          required: ["case", "benchmark"],
          properties: { case: assessmentInputJsonSchema, benchmark: benchmarkJsonSchema }
        },
        response: { 200: assessmentResultJsonSchema, 400: problemsSchema }
      }
    },
    async (request) => {
      const body = request.body
      if (typeof body !== "object" || body === null || Array.isArray(body))
        throw new HttpProblem(400, "InvalidAssessmentInput", "body must be { case, benchmark }", [
          { path: "$", message: "Expected an object { case, benchmark }" }
        ])
      const { case: input, benchmark, ...rest } = body as Record<string, unknown>
      const extra = Object.keys(rest).map((key) => ({ path: `$.${key}`, message: "unknown key (not in the contract)" }))
      const file = await Effect.runPromiseExit(decodeBenchmark(benchmark))
      const benchmarkProblems = Exit.isSuccess(file)
        ? []
        : under("benchmark", problemsOf(Cause.squash(file.cause)) ?? [])
      const assessed = await Effect.runPromiseExit(
        assessPenalty(input, { benchmarks: Exit.isSuccess(file) ? [file.value] : [] })
      )
      const caseProblems = Exit.isSuccess(assessed) ? [] : under("case", problemsOf(Cause.squash(assessed.cause)) ?? [])
      const all = [...extra, ...caseProblems, ...benchmarkProblems]
      if (all.length > 0)
        throw new HttpProblem(
          400,
          caseProblems.length > 0 || extra.length > 0 ? "InvalidAssessmentInput" : "InvalidBenchmark",
          all.map((p) => `${p.path}: ${p.message}`).join("\n"),
          all
        )
      if (Exit.isFailure(assessed)) throw Cause.squash(assessed.cause)
      return assessed.value
    }
  )

  app.get(
    "/api/v1/penalties/benchmarks",
    {
      config: { permission: "penalties:assess" },
      schema: {
        tags: ["penalties"],
        summary: "The bundled discretion benchmarks (national default and provinces), with sources and confidence"
      }
    },
    async () => ({ items: bundledBenchmarks.map(benchmarkSummary) })
  )

  app.post(
    "/api/v1/penalties/benchmarks/validate",
    {
      config: { permission: "penalties:assess" },
      validatorCompiler: decodeInDomain,
      schema: {
        tags: ["penalties"],
        summary: "Validate a benchmark file without assessing anything",
        description: "200 with the file's summary, or 400 `InvalidBenchmark` with every problem and its JSON path.",
        body: benchmarkJsonSchema,
        response: { 400: problemsSchema }
      }
    },
    async (request) => {
      const exit = await Effect.runPromiseExit(decodeBenchmark(request.body))
      if (Exit.isSuccess(exit)) return benchmarkSummary(exit.value)
      const problems = problemsOf(Cause.squash(exit.cause)) ?? []
      throw new HttpProblem(
        400,
        "InvalidBenchmark",
        problems.map((p) => `${p.path}: ${p.message}`).join("\n"),
        problems
      )
    }
  )

  app.get(
    "/api/v1/violations",
    {
      config: { permission: "penalties:assess" },
      schema: { tags: ["penalties"], summary: "The violation catalogue" }
    },
    async () => ({
      items: violationCatalogue.map((v) => ({
        code: v.code,
        article: v.article,
        paragraph: v.paragraph,
        item: v.item,
        clause: v.clause,
        behaviour: v.behaviour,
        subject: v.subject,
        subjectKinds: v.subjectKinds,
        amountBasis: v.amountBasis,
        fraud: v.fraud,
        track: v.track,
        onRefusal: v.onRefusal,
        toHealthCommissionItem: v.toHealthCommissionItem,
        toHealthCommissionItems: v.toHealthCommissionItems,
        fromHealthCommissionItem: v.fromHealthCommissionItem,
        citations: v.citations
      }))
    })
  )
}
