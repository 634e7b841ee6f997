/**
 * Signing in and out (登录、退出): when a name is locked out after failed attempts, and where sessions
 * and the failure counts are kept (`SessionRepository`). Failures are counted per account name
 * whether or not the account exists, so the lockout does not tell which names exist; the password
 * check does the same work for an unknown name (`Passwords.verify` with no hash).
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import type { Actor } from "../kernel/Actor.js"
import type { Account } from "./Accounts.js"
import type { LoginThrottling } from "./Credentials.js"

/**
 * The failed sign-ins counted under one name.
 *
 * @category models
 */
export interface LoginThrottle {
  readonly failures: number
  readonly lockedUntil: Date | null
  readonly lastFailureAt: Date
}

/**
 * The key failures are counted under: the name as typed, trimmed and in lower case, so `Admin` and
 * `admin ` share one count.
 *
 * @category rules
 */
export const throttleKey = (username: string): string => username.trim().toLowerCase()

/**
 * Until when the name is locked out at `now`, or null when it may try.
 *
 * @category rules
 */
export const lockedUntil = (throttle: LoginThrottle | null, now: Date): Date | null =>
  throttle?.lockedUntil !== null && throttle?.lockedUntil !== undefined && throttle.lockedUntil > now
    ? throttle.lockedUntil
    : null

/**
 * The count after one more failure at `now`: failures older than the window start again from one;
 * the `maxFailures`-th within the window locks the name for `lockMinutes` (OWASP Authentication
 * Cheat Sheet, "account lockout").
 *
 * @category rules
 */
export const afterFailure = (throttle: LoginThrottle | null, now: Date, throttling: LoginThrottling): LoginThrottle => {
  const windowStart = new Date(now.getTime() - throttling.windowMinutes * 60_000)
  const failures = throttle !== null && throttle.lastFailureAt >= windowStart ? throttle.failures + 1 : 1
  return {
    failures,
    lockedUntil: failures >= throttling.maxFailures ? new Date(now.getTime() + throttling.lockMinutes * 60_000) : null,
    lastFailureAt: now
  }
}

/**
 * How a person is named in the audit log, the same everywhere: 姓名（用户名）.
 *
 * @category rules
 */
export const actorNameOf = (user: { readonly displayName: string; readonly username: string }): string =>
  `${user.displayName}（${user.username}）`

/**
 * The outcome of a sign-in: a session (its bearer token, shown once), a refusal that never says
 * which part was wrong, or a lockout with the time it ends.
 *
 * @category models
 */
export type SignInOutcome =
  | { readonly kind: "signed_in"; readonly token: string; readonly expiresAt: Date; readonly user: Account }
  | { readonly kind: "invalid" }
  | { readonly kind: "locked"; readonly until: Date }

/**
 * Where sessions and failure counts are kept. Every write records its audit entry in the same
 * transaction; bearer tokens are minted here (cryptographically random) and only their hash is
 * stored.
 *
 * @category services
 */
export class SessionRepository extends Context.Tag("@fundguard/domain/SessionRepository")<
  SessionRepository,
  {
    readonly throttleOf: (key: string) => Effect.Effect<LoginThrottle | null>
    /** The account signing in by this exact name, with its password hash, or null. */
    readonly credentialsOf: (
      username: string
    ) => Effect.Effect<{ readonly account: Account; readonly passwordHash: string } | null>
    /** Audits an attempt refused because the name is locked out. */
    readonly recordLockedAttempt: (username: string, until: Date, who: Actor) => Effect.Effect<void>
    /** Stores the count after a failure, and audits it (a failure, or the failure that locked). */
    readonly recordFailure: (key: string, username: string, throttle: LoginThrottle, who: Actor) => Effect.Effect<void>
    /** Opens a session until `expiresAt`, clearing the name's failures; answers its bearer token. */
    readonly open: (account: Account, expiresAt: Date, throttleKey: string, who: Actor) => Effect.Effect<string>
    /** Ends the session of a bearer token (nothing if it is unknown or already ended). */
    readonly close: (token: string, actor: Actor, at: Date) => Effect.Effect<void>
  }
>() {}
