/**
 * FundGuard's operational database: Prisma models for SQLite and PostgreSQL, migrations, and the
 * repositories the apps use.
 */
export * from "./audit.js"
export * from "./auth.js"
export * from "./client.js"
export * from "./config.js"
export * from "./institutions.js"
export * from "./layers.js"
export * from "./migrate.js"
export * from "./password.js"
export * from "./review.js"
export * from "./reviewQueries.js"
export * from "./screening.js"
export * from "./seed.js"
// Responsibilities: organisation, duties, tasks, evidence, reports, demo data.
export * from "./duties.js"
export * from "./dutyReports.js"
export * from "./evidenceStore.js"
export * from "./organisation.js"
export * from "./responsibilitiesDemo.js"
export * from "./tasks.js"
