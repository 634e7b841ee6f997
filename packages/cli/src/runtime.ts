/**
 * Runs a use case of `@fundguard/application` from the command line over this database's
 * repositories and mainland China's working-day calendar — the same services the API and the
 * worker give it. Resolves the value, or throws the use case's typed failure (which `main.ts` maps
 * through the problem table to a message and an exit code).
 */
import { BureauClockLive, chineseWorkingCalendar } from "@fundguard/calendar"
import { repositoriesLayer, type Db, type Repositories } from "@fundguard/db"
import { WorkingCalendar, type BureauClock } from "@fundguard/domain/kernel"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"

/** Runs a use case against `db`. */
export const runUseCase = async <A, E>(
  db: Db,
  effect: Effect.Effect<A, E, Repositories | WorkingCalendar | BureauClock>
): Promise<A> => {
  const layer = Layer.mergeAll(
    repositoriesLayer(db),
    Layer.succeed(WorkingCalendar, chineseWorkingCalendar()),
    BureauClockLive
  )
  const exit = await Effect.runPromiseExit(effect.pipe(Effect.provide(layer)))
  if (Exit.isSuccess(exit)) return exit.value
  throw Cause.squash(exit.cause)
}
