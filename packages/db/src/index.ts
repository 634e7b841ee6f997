/**
 * FundGuard's operational database: Prisma models for SQLite and PostgreSQL, migrations, and the
 * repositories the apps use.
 */
export * from "./access/audit.js"
export * from "./access/auth.js"
export * from "./client.js"
export * from "./config.js"
export * from "./kernel/institutions.js"
export * from "./layers.js"
export * from "./migrate.js"
export * from "./access/password.js"
export * from "./review/review.js"
export * from "./review/queries.js"
export * from "./enforcement/cases.js"
export * from "./enforcement/followUp.js"
export * from "./enforcement/inspections.js"
export * from "./enforcement/samples.js"
export * from "./complaints/complaints.js"
export * from "./departments/clients.js"
export * from "./departments/transfers.js"
export * from "./credit/credit.js"
export * from "./screening/runs.js"
// Responsibilities: organisation, duties, tasks, evidence, reports.
export * from "./responsibilities/duties.js"
export * from "./responsibilities/reports.js"
export * from "./responsibilities/evidenceStore.js"
export * from "./responsibilities/organisation.js"
export * from "./responsibilities/tasks.js"
