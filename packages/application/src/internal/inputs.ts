/**
 * What the enforcement use cases share: the bureau's date, and decoding an input with every problem
 * named by its JSON path into the use case's own tagged error.
 */
import { BureauClock, problemsOf, type InputProblem } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"

/** The bureau's date now. */
export const bureauToday = Effect.flatMap(BureauClock, (clock) => clock.today)

/** Decodes `input` (every problem, excess fields refused) or fails with `refusal(problems)`. */
export const decodeOr =
  <E>(refusal: (problems: ReadonlyArray<InputProblem>) => E) =>
  <A, I>(schema: Schema.Schema<A, I>, input: unknown): Effect.Effect<A, E> =>
    Schema.decodeUnknown(schema, { errors: "all", onExcessProperty: "error" })(input).pipe(
      Effect.mapError((error) => refusal(problemsOf(error)))
    )
