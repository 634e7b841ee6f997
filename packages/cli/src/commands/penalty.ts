import { type InputProblem } from "@fundguard/domain/kernel"
import {
  assessPenalty,
  bundledBenchmarks,
  calibrationReport,
  publishedDecisions,
  decodeBenchmark,
  missingSections,
  sectionNames,
  violationCatalogue,
  type BenchmarkFile
} from "@fundguard/domain/penalty"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { parseArgs } from "node:util"
import { CliFailure, ExitCode, note, parseJson, readInput, type Command } from "../cli.js"

const help = `Usage: pnpm fundguard penalty <subcommand> [options]

Subcommands:
  assess [--input case.json] [--benchmark FILE] [--pretty]
      Assesses the lawful penalty for a case (shared/spec/penalty-assessment.md): reads the case as JSON
      from --input or standard input and prints the result as JSON on standard output. With --benchmark,
      the bureau's own discretion benchmark (JSON, see docs/domain/penalties.md) is used for the regions
      it covers, ahead of the bundled ones; result.benchmark says which one was used.
  benchmarks [--pretty]
      Lists the bundled discretion benchmarks (id, regions, version, dates, source, confidence).
  check-benchmark FILE
      Validates a benchmark file; prints a summary, or every problem with its JSON path.
  catalogue [--pretty]
      Prints the violation catalogue (codes, articles, subjects, seed 004 transfer lists, citations).
  calibration [--folds K] [--json]
      Runs the engine over the corpus of published decisions (packages/domain/precedents) with K-fold
      cross-validation (default 5): each decision assessed from its published facts with the other folds as
      precedents. Prints, per article and overall, the article agreement, the published fine inside the
      range, the recommended fine within 25 %, the measures' agreement and the mean band width.

Invalid input (case or benchmark) exits with code 2 and prints every problem with its JSON path on
standard error; nothing is printed on standard output then.

Options:
  -i, --input FILE       read the case from FILE instead of standard input
  -b, --benchmark FILE   use this benchmark file (a bureau's own)
      --pretty           indent the JSON output
  -h, --help             show this help`

const print = (value: unknown, pretty: boolean) =>
  void process.stdout.write(`${JSON.stringify(value, null, pretty ? 2 : undefined)}\n`)

const reportProblems = (source: string, what: string, problems: ReadonlyArray<InputProblem>): number => {
  note(`${source}: invalid ${what} (${problems.length} problem${problems.length === 1 ? "" : "s"}):`)
  for (const p of problems) note(`  ${p.path}: ${p.message}`)
  return ExitCode.invalid
}

/** Reads and decodes a benchmark file; a bad file is a CliFailure listing every problem. */
const loadBenchmark = async (path: string): Promise<BenchmarkFile> => {
  const exit = await Effect.runPromiseExit(decodeBenchmark(parseJson(readInput(path), path)))
  if (Exit.isSuccess(exit)) return exit.value
  const error = Cause.squash(exit.cause) as { problems?: ReadonlyArray<InputProblem> }
  if (error.problems === undefined) throw error
  throw new CliFailure(
    [
      `${path}: invalid benchmark (${error.problems.length} problem${error.problems.length === 1 ? "" : "s"}):`,
      ...error.problems.map((p) => `  ${p.path}: ${p.message}`)
    ].join("\n"),
    ExitCode.invalid
  )
}

const assess = async (values: { input?: string | undefined; benchmark?: string | undefined; pretty: boolean }) => {
  const benchmarks = values.benchmark === undefined ? [] : [await loadBenchmark(values.benchmark)]
  const source = values.input ?? "standard input"
  const input = parseJson(readInput(values.input), source)
  const exit = await Effect.runPromiseExit(assessPenalty(input, { benchmarks }))
  if (Exit.isSuccess(exit)) {
    const own = benchmarks[0]
    if (own !== undefined && !exit.value.benchmark.custom)
      note(`${values.benchmark}: benchmark ${own.id} does not cover this case's region or decision date; not used`)
    print(exit.value, values.pretty)
    return ExitCode.ok
  }
  const error = Cause.squash(exit.cause) as { _tag?: string; problems?: ReadonlyArray<InputProblem> }
  if (error._tag === "InvalidAssessmentInput" && error.problems !== undefined)
    return reportProblems(source, "case", error.problems)
  throw error
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`

/** The calibration report as a table, per article and overall. */
const calibrationTable = (report: ReturnType<typeof calibrationReport>): string => {
  const head = [
    "article",
    "n",
    "article ok",
    "fine in range",
    "recommended ±25%",
    "suspension",
    "termination",
    "police (pages that say)",
    "measures",
    "band width ×"
  ]
  const line = (name: string, f: (typeof report)["overall"]) =>
    [
      name,
      String(f.decisions),
      percent(f.article),
      percent(f.range),
      percent(f.recommended),
      percent(f.suspension),
      percent(f.termination),
      `${percent(f.policeTransfer)} of ${f.policeStated}`,
      percent(f.measures),
      f.meanBandWidth.toFixed(2)
    ].join("\t")
  const skipped = report.rows.filter((r) => r.problem !== null)
  return [
    `calibration over ${report.rows.length} published decisions, ${report.folds}-fold cross-validation (each assessed with the other folds as precedents)`,
    head.join("\t"),
    ...Object.entries(report.byArticle).map(([article, f]) => line(`Art.${article}`, f)),
    line("overall", report.overall),
    `recommended ±25% with the band's own point instead (no precedents): ${percent(report.bandPointRecommended)}`,
    ...skipped.map((r) => `skipped ${r.id}: ${r.problem}`),
    ""
  ].join("\n")
}

/** `penalty assess | benchmarks | check-benchmark | catalogue | calibration`. */
export const penaltyCommand: Command = {
  name: "penalty",
  summary:
    "penalty assess — assess the lawful penalty for a case (JSON in, JSON out); also benchmarks, check-benchmark, catalogue, calibration",
  help,
  run: async (args) => {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        input: { type: "string", short: "i" },
        benchmark: { type: "string", short: "b" },
        pretty: { type: "boolean", default: false },
        folds: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false }
      },
      allowPositionals: true
    })
    if (values.help) {
      process.stdout.write(`${help}\n`)
      return ExitCode.ok
    }
    const [sub, ...rest] = positionals
    switch (sub) {
      case "assess":
        if (rest.length > 0) break
        return assess(values)
      case "benchmarks":
        if (rest.length > 0) break
        print(
          bundledBenchmarks.map((b) => ({
            id: b.id,
            regions: b.regions,
            name: b.name,
            version: b.version,
            effectiveFrom: b.effectiveFrom,
            effectiveTo: b.effectiveTo,
            source: b.source,
            confidence: b.confidence,
            sections: sectionNames.filter((name) => b[name] !== undefined)
          })),
          values.pretty
        )
        return ExitCode.ok
      case "check-benchmark": {
        const [file] = rest
        if (file === undefined || rest.length > 1) break
        const decoded = await loadBenchmark(file)
        print(
          {
            id: decoded.id,
            regions: decoded.regions,
            version: decoded.version,
            effectiveFrom: decoded.effectiveFrom,
            effectiveTo: decoded.effectiveTo,
            inheritedFromNationalDefault: missingSections(decoded)
          },
          true
        )
        return ExitCode.ok
      }
      case "catalogue":
        if (rest.length > 0) break
        print(violationCatalogue, values.pretty)
        return ExitCode.ok
      case "calibration": {
        if (rest.length > 0) break
        const corpus = publishedDecisions()
        const folds = values.folds === undefined ? 5 : Number(values.folds)
        if (!Number.isInteger(folds) || folds < 2 || folds > corpus.length)
          throw new CliFailure(
            `--folds: 须为 2 至 ${corpus.length} 之间的整数（得到 "${values.folds}"）`,
            ExitCode.invalid
          )
        const report = calibrationReport(corpus, folds)
        if (values.json) {
          print(report, values.pretty)
          return ExitCode.ok
        }
        process.stdout.write(calibrationTable(report))
        return ExitCode.ok
      }
    }
    throw new CliFailure(help, ExitCode.invalid)
  }
}
