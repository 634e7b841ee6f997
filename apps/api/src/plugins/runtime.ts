/**
 * The Effect runtime of the API: the application's services (repositories on this database, the
 * working calendar) built once as a `ManagedRuntime`, disposed when the server closes. Routes run a
 * use case with `app.run(effect)`, which resolves its value or throws its typed failure for the one
 * error handler to answer.
 */
import type { Repositories } from "@fundguard/db"
import type { ClaimFrames } from "@fundguard/domain/enforcement"
import type { BureauClock, WorkingCalendar } from "@fundguard/domain/kernel"
import type { EvidenceStore } from "@fundguard/domain/responsibilities"
import * as Cause from "effect/Cause"
import type * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import type { FastifyInstance } from "fastify"
import fp from "fastify-plugin"

/** What the API's use cases may ask for (and the claims extracts' frames, for 抽样推算). */
export type AppServices = Repositories | EvidenceStore | WorkingCalendar | BureauClock | ClaimFrames

declare module "fastify" {
  interface FastifyInstance {
    /** Runs a use case: its value, or its failure thrown as it is (a tagged error). */
    run: <A, E>(effect: Effect.Effect<A, E, AppServices>) => Promise<A>
  }
}

export const runtimePlugin = fp(
  async (app: FastifyInstance, options: { readonly layer: Layer.Layer<AppServices> }) => {
    const runtime = ManagedRuntime.make(options.layer)
    app.decorate("run", async <A, E>(effect: Effect.Effect<A, E, AppServices>): Promise<A> => {
      const exit = await runtime.runPromiseExit(effect)
      if (Exit.isSuccess(exit)) return exit.value
      throw Cause.squash(exit.cause)
    })
    app.addHook("onClose", async () => runtime.dispose())
  },
  { name: "runtime" }
)
