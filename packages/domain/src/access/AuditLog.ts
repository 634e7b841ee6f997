/**
 * The record of everything done (执法全过程记录) as a service: entries are appended by the
 * repositories in the same transaction as the change they record; this service answers for the
 * log as a whole — its head, and whether its hash chain is whole.
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"

/** The last entry's number and hash: what a printed, sealed copy anchors. @category models */
export interface AuditHead {
  readonly seq: number
  readonly hash: string
}

/**
 * The outcome of recomputing the chain: whole, with its head; or broken at the first entry that
 * does not fit, with why (changed, removed, inserted or reordered entries, or the head).
 *
 * @category models
 */
export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly head: AuditHead }
  | {
      readonly ok: false
      readonly entries: number
      readonly broken: {
        readonly seq: number | null
        readonly id: string | null
        readonly reason: "unsealed" | "gap" | "prev_hash" | "hash" | "head"
        readonly message: string
      }
    }

/** @category services */
export class AuditLog extends Context.Tag("@fundguard/domain/AuditLog")<
  AuditLog,
  {
    readonly head: Effect.Effect<AuditHead>
    readonly verify: Effect.Effect<AuditVerification>
  }
>() {}
