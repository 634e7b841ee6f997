/**
 * FundGuard domain: the law of 医保基金监管 as data and pure functions.
 *
 * @since 0.1.0
 */
export * from "./Access.js"
export * from "./Benchmark.js"
export * from "./Grade.js"
export * from "./Institution.js"
export * from "./IsoDate.js"
export * from "./LegalParameters.js"
export * from "./Limitation.js"
export * from "./Money.js"
export * from "./Penalty.js"
export * from "./PenaltyInput.js"
export * from "./PenaltyResult.js"
export * from "./Suspicion.js"
export * from "./Violation.js"
