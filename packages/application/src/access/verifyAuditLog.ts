/**
 * Verifying the record of everything done: recompute the whole hash chain. The API's audit page,
 * `pnpm fundguard audit verify` and anything else that asks get the same answer.
 */
import { AuditLog } from "@fundguard/domain/access"
import * as Effect from "effect/Effect"

/** The chain whole with its head, or the first entry that does not fit and why. */
export const verifyAuditLog = Effect.fn("Audit.verify")(function* () {
  const log = yield* AuditLog
  return yield* log.verify
})
