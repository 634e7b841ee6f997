/** The screening worker's pieces, for tests and embedding. */
export { loadConfig, type WorkerConfig } from "./config.js"
export { markScreened, pendingExtracts, type PendingExtract } from "./inbox.js"
export { runQueued, screenInbox, type Log, type PassReport } from "./nightly.js"
export { generateDailyTasks } from "./duties.js"
export { escalateRectifications, reminderDays, remindCaseDeadlines } from "./cases.js"
export { applyPointsConsequences } from "./credit.js"
export { remindTransferDeadlines, type TransferReminder } from "./transfers.js"
