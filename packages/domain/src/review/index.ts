/**
 * The review workflow of suspicions (疑点处理): transitions, the three-level rule, time limits in working days, step input, and the whole step planned as one decision.
 *
 * @since 0.3.0
 */
export * from "./ReviewDeadlines.js"
export * from "./ReviewInput.js"
export * from "./ReviewStep.js"
export * from "./ReviewWorkflow.js"
