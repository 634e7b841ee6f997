/**
 * The suspicion contract of the screening rules (`shared/spec/screening-rules.md`) and its categories.
 *
 * @since 0.3.0
 */
export * from "./Suspicion.js"
export * from "./SuspicionCategory.js"
