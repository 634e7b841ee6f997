import type { BenchmarkFile } from "@fundguard/domain/penalty"
import { type InputProblem } from "@fundguard/domain/kernel"
import {
  assessPenalty,
  bundledBenchmarks,
  decodeBenchmark,
  missingSections,
  sectionNames,
  violationCatalogue
} from "@fundguard/domain/penalty"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { Penalties } from "@fundguard/contracts"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"

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

const benchmarkSummary = (b: BenchmarkFile): Penalties.BenchmarkSummary => ({
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

const inHandler = { decodeBodyInHandler: true } as const

/** Penalty assessment, discretion benchmarks and the violation catalogue. */
export const penaltyRoutes = async (app: FastifyInstance) => {
  mount(app, Penalties.assess, async ({ request }) => run(assessPenalty(request.body)), inHandler)

  mount(
    app,
    Penalties.assessWithBenchmark,
    async ({ request }) => {
      const body = request.body
      if (typeof body !== "object" || body === null || Array.isArray(body))
        throw new Problem("InvalidAssessmentInput", "请求内容应为 { case, benchmark }", [
          { path: "$", message: "应为对象 { case, benchmark }" }
        ])
      const { case: input, benchmark, ...rest } = body as Record<string, unknown>
      const extra = Object.keys(rest).map((key) => ({ path: `$.${key}`, message: "不允许此字段" }))
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
        throw new Problem(
          caseProblems.length > 0 || extra.length > 0 ? "InvalidAssessmentInput" : "InvalidBenchmark",
          all.map((p) => `${p.path}: ${p.message}`).join("\n"),
          all
        )
      if (Exit.isFailure(assessed)) throw Cause.squash(assessed.cause)
      return assessed.value
    },
    inHandler
  )

  mount(app, Penalties.listBenchmarks, async () => ({ items: bundledBenchmarks.map(benchmarkSummary) }))

  mount(
    app,
    Penalties.validateBenchmark,
    async ({ request }) => {
      const exit = await Effect.runPromiseExit(decodeBenchmark(request.body))
      if (Exit.isSuccess(exit)) return benchmarkSummary(exit.value)
      const problems = problemsOf(Cause.squash(exit.cause)) ?? []
      throw new Problem("InvalidBenchmark", problems.map((p) => `${p.path}: ${p.message}`).join("\n"), problems)
    },
    inHandler
  )

  mount(app, Penalties.listViolations, async () => ({ items: violationCatalogue }))
}
