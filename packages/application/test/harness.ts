/**
 * Running use cases in tests: over a scratch database's repositories (and, if given, more layers),
 * answering the value or throwing the typed failure as it is, like the doors do.
 */
import { repositoriesLayer, type Db, type Repositories } from "@fundguard/db"
import * as Cause from "effect/Cause"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"

/** A runner of use cases over `db()` (read at each run: the database is made in `beforeAll`). */
export const useCasesOn =
  <R = never>(db: () => Db, more: Layer.Layer<R> = Layer.empty as Layer.Layer<R>) =>
  async <A, E>(effect: Effect.Effect<A, E, Repositories | R>): Promise<A> => {
    const exit = await Effect.runPromiseExit(effect.pipe(Effect.provide(Layer.merge(repositoriesLayer(db()), more))))
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }

/** The failure a promise ends with, or `"accepted"` when it succeeds (so a test can assert on either). */
export const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => "accepted",
    (e: unknown) => e
  )
