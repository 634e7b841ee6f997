/**
 * Where new ids come from (`Ids`): the use case that creates something takes its id from this
 * service, so tests can fix ids (`Ids.sequential`) and the stores need not invent them.
 *
 * @since 0.4.0
 */
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"

/**
 * Mints ids for new entities. FundGuard's stores use UUID v4 (`IdsLive` in `@fundguard/db`).
 *
 * @category services
 */
export class Ids extends Context.Tag("@fundguard/domain/Ids")<Ids, { readonly next: Effect.Effect<string> }>() {
  /** Ids `prefix-1`, `prefix-2`, … in order, for tests. */
  static sequential = (prefix: string): Layer.Layer<Ids> =>
    Layer.sync(Ids, () => {
      let n = 0
      return { next: Effect.sync(() => `${prefix}-${++n}`) }
    })
}
