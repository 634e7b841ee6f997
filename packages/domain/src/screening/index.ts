/**
 * The suspicion contract of the screening rules (`shared/spec/screening-rules.md`), its categories,
 * and screening runs (when one may be done again, where runs are kept).
 *
 * @since 0.3.0
 */
export * from "./Suspicion.js"
export * from "./SuspicionCategory.js"
export * from "./Runs.js"
export * from "./Precheck.js"
export * from "./PrecheckClients.js"
