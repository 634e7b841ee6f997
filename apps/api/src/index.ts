/** The FundGuard API, for embedding and tests. */
export { buildApp, type AppOptions } from "./app.js"
export { loadConfig, type ApiConfig } from "./config.js"
