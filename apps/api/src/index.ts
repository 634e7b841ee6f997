/** The FundGuard API, for embedding and tests. */
export { buildApp, type AppOptions } from "./app.js"
export { loadConfig, type ApiConfig } from "./config.js"
/** The working-day calendar the API uses by default (for tests and embedders that seed demo data). */
export { chineseWorkingCalendar } from "@fundguard/calendar"
