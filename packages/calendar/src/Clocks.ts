/**
 * Clocks that read a given `now()`: the server's time, which tests fix. Both the bureau's date
 * (`BureauClock`) and Effect's own clock (the instants a use case records — a session's expiry, a
 * revocation) then agree with the time the routes check them against.
 */
import { BureauClock, bureauDate } from "@fundguard/domain/kernel"
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/** Effect's clock reading `now()`; sleeping is real. */
export const clockOf = (now: () => Date): Clock.Clock => {
  const real = Clock.make()
  return {
    [Clock.ClockTypeId]: Clock.ClockTypeId,
    unsafeCurrentTimeMillis: () => now().getTime(),
    currentTimeMillis: Effect.sync(() => now().getTime()),
    unsafeCurrentTimeNanos: () => BigInt(now().getTime()) * 1_000_000n,
    currentTimeNanos: Effect.sync(() => BigInt(now().getTime()) * 1_000_000n),
    sleep: (duration) => real.sleep(duration)
  }
}

/** The bureau's date and Effect's clock, both from `now()`. */
export const clocksReading = (now: () => Date): Layer.Layer<BureauClock> =>
  Layer.merge(Layer.succeed(BureauClock, { today: Effect.sync(() => bureauDate(now())) }), Layer.setClock(clockOf(now)))
