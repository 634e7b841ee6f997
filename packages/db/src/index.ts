/**
 * FundGuard's operational database: Prisma models for SQLite and PostgreSQL, migrations, and the
 * repositories the apps use.
 */
export * from "./audit.js"
export * from "./auth.js"
export * from "./client.js"
export * from "./config.js"
export * from "./institutions.js"
export * from "./migrate.js"
export * from "./password.js"
export * from "./screening.js"
export * from "./seed.js"
