/**
 * The instant a use case records (a session's expiry, a revocation), from Effect's `Clock` — which
 * the API sets to its own `now()` and tests can fix.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"

/** Now, as a `Date`. */
export const now: Effect.Effect<Date> = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms))
