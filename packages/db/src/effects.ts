/**
 * Bridging Prisma's promises to the domain's services: a repository function throws one of its
 * declared tagged errors (inside a transaction, so that it rolls back) and the service fails with
 * it; anything else is a defect.
 */
import * as Effect from "effect/Effect"

/**
 * Runs `work`; a rejection that is an instance of `expected` becomes the effect's typed failure,
 * any other rejection a defect (the database is down, a bug).
 */
export const attempt = <A, E>(
  work: () => Promise<A>,
  expected: abstract new (...args: never) => E
): Effect.Effect<A, E> =>
  Effect.tryPromise({ try: work, catch: (error) => error }).pipe(
    Effect.catchAll((error) => (error instanceof expected ? Effect.fail(error as E) : Effect.die(error)))
  )
