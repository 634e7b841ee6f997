/**
 * Signing in and out — the admin's sign-in page, another department's interface account: the same
 * lockout, the same work for an unknown name as for a known one, and every attempt audited.
 */
import {
  actorNameOf,
  afterFailure,
  lockedUntil,
  Passwords,
  SessionRepository,
  throttleKey,
  type LoginThrottling,
  type SignInOutcome
} from "@fundguard/domain/access"
import type { Actor } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import { now } from "../internal/now.js"

/** A refusal: locked out until a time, or just invalid (never which part was wrong). */
const refused = (until: Date | null): SignInOutcome =>
  until === null ? { kind: "invalid" } : { kind: "locked", until }

/**
 * Checks a name and password and opens a session for `ttlMinutes`. Never says which part was wrong;
 * while the name is locked out the password is not even checked; a disabled account cannot sign
 * in. Fails only with `PasswordCheckBusy` (too many checks at once: try later).
 */
export const signIn = Effect.fn("Sessions.signIn")(function* (request: {
  readonly username: string
  readonly password: string
  readonly ip: string | null
  readonly ttlMinutes: number
  readonly throttling: LoginThrottling
}) {
  const sessions = yield* SessionRepository
  const passwords = yield* Passwords
  const at = yield* now
  const key = throttleKey(request.username)
  const who = { id: null, name: request.username, ip: request.ip }
  const throttle = yield* sessions.throttleOf(key)
  const locked = lockedUntil(throttle, at)
  if (locked !== null) {
    yield* sessions.recordLockedAttempt(request.username, locked, who)
    return refused(locked)
  }
  const found = yield* sessions.credentialsOf(request.username)
  const matches = yield* passwords.verify(request.password, found?.passwordHash ?? null)
  if (found === null || !found.account.active || !matches) {
    const next = afterFailure(throttle, at, request.throttling)
    yield* sessions.recordFailure(key, request.username, next, who)
    return refused(next.lockedUntil)
  }
  const expiresAt = new Date(at.getTime() + request.ttlMinutes * 60_000)
  const token = yield* sessions.open(found.account, expiresAt, key, {
    id: found.account.id,
    name: actorNameOf(found.account),
    ip: request.ip
  })
  const signedIn: SignInOutcome = { kind: "signed_in", token, expiresAt, user: found.account }
  return signedIn
})

/** Ends the session of a bearer token, audited as the user's sign-out. */
export const signOut = Effect.fn("Sessions.signOut")(function* (request: {
  readonly token: string
  readonly actor: Actor
}) {
  const sessions = yield* SessionRepository
  yield* sessions.close(request.token, request.actor, yield* now)
})
