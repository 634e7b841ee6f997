// Preloaded into Prisma's CLI (node --require) by src/migrate.ts and scripts/new-migration.mjs.
// Prisma 6.19's Wasm schema engine arms a 10-second timer on PostgreSQL (its advisory-lock guard) and
// never clears it, so every `migrate deploy` idled 10 s after finishing. Unreferencing long timers lets
// the CLI exit as soon as its work (sockets, pending I/O) is done; the timers still fire if it is not.
const setTimeoutOriginal = global.setTimeout
const LONG_TIMER_MS = 10_000
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = setTimeoutOriginal.call(this, callback, ms, ...args)
  if (typeof ms === "number" && ms >= LONG_TIMER_MS && typeof timer?.unref === "function") timer.unref()
  return timer
}
