/**
 * FundGuard domain: the law of 医保基金监管 as data and pure functions, one namespace per bounded
 * context. Import a context's names from its own entry point (`@fundguard/domain/penalty`), or use
 * the namespaces here (`Penalty.assessPenalty`). Modules under a context's `internal/` are not
 * part of the package's interface.
 *
 * @since 0.1.0
 */
export * as Access from "./access/index.js"
export * as Complaints from "./complaints/index.js"
export * as Credit from "./credit/index.js"
export * as Departments from "./departments/index.js"
export * as Enforcement from "./enforcement/index.js"
export * as Kernel from "./kernel/index.js"
export * as Penalty from "./penalty/index.js"
export * as Responsibilities from "./responsibilities/index.js"
export * as Review from "./review/index.js"
export * as Screening from "./screening/index.js"
