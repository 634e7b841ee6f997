/**
 * FundGuard's use cases, one folder per context. Each is an `Effect` that needs services (the
 * domain's repository tags, the working calendar, the clock) and nothing else; the doors provide
 * them as layers (`packages/db` for PostgreSQL and SQLite).
 *
 * @since 0.1.0
 */
export * as Access from "./access/index.js"
export * as Responsibilities from "./responsibilities/index.js"
export * as Review from "./review/index.js"
