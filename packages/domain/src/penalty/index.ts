/**
 * Administrative penalties under 条例 (国务院令第735号): the violation catalogue, legal parameters, discretion benchmarks, and `assessPenalty` with its grading, transfers and points.
 *
 * @since 0.3.0
 */
export * from "./Benchmark.js"
export * from "./BenchmarkData.js"
export * from "./Benchmarks.js"
export * from "./Grade.js"
export * from "./LawChoice.js"
export * from "./LegalParameters.js"
export * from "./Liability.js"
export * from "./Limitation.js"
export * from "./Penalty.js"
export * from "./PenaltyInput.js"
export * from "./PenaltyResult.js"
export * from "./Precedents.js"
export * from "./PrecedentCorpus.js"
export * from "./CalibrationReport.js"
export * from "./Violation.js"
