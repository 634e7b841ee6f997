/**
 * The demo county (奉节县, 500235): its users, institutions, organisation, duties, this year's tasks
 * and some completions. Loaded only into an empty database (`pnpm start`, `pnpm fundguard seed`), and
 * by tests that need a whole county. Every change goes through the application's use cases, so demo
 * data is checked and audited exactly like a user's.
 *
 * @since 0.1.0
 */
export * from "./responsibilities.js"
export * from "./users.js"
export * from "./enforcement.js"
export * from "./complaints.js"
export * from "./credit.js"
export * from "./transfers.js"
