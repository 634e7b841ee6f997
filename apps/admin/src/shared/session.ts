/**
 * The logged-in session: the bearer token, its expiry and the user, kept in `sessionStorage` so it
 * ends with the browser tab and is never shared between tabs.
 */
import { login, SessionUser } from "@fundguard/contracts/Auth"
import type { ResponseOf } from "@fundguard/contracts/Endpoint"
import * as Schema from "effect/Schema"

/**
 * The user as `POST /api/auth/login` and `GET /api/auth/me` return it: with their unit (data scope)
 * and whether they must choose a new password before anything else.
 */
export type { SessionUser }

/** A session is what `POST /api/auth/login` answers: the token, its expiry (ISO 8601) and the user. */
export type Session = ResponseOf<typeof login>

/** The part of the Web Storage API the session needs (so tests can pass a `Map`-backed fake). */
export interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const sessionStorageKey = "fundguard.admin.session"

/**
 * Whether a value has the shape of a user (the contract's `SessionUser`). A session stored by an
 * older version of the UI (without `unitId` and `mustChangePassword`) does not: its user signs in again.
 */
export const isSessionUser: (value: unknown) => value is SessionUser = Schema.is(SessionUser)

const loginAnswer = login.success
const isLoginAnswer: (value: unknown) => value is Session =
  "schema" in loginAnswer ? Schema.is(loginAnswer.schema) : (_: unknown): _ is Session => false

/** Whether a value has the shape of a session (e.g. what was read back from storage). */
export const isSession = (value: unknown): value is Session => isLoginAnswer(value) && value.token !== ""

/** Whether the token has expired at `now`. An unreadable expiry counts as expired. */
export const isExpired = (session: Session, now: Date): boolean => {
  const expiry = Date.parse(session.expiresAt)
  return Number.isNaN(expiry) || expiry <= now.getTime()
}

export interface SessionStore {
  /** The stored session, or `null` when there is none, it is malformed, or it has expired. */
  load(now: Date): Session | null
  save(session: Session): void
  clear(): void
}

/** A session store over any Web-Storage-like object. */
export const createSessionStore = (storage: KeyValueStorage, key: string = sessionStorageKey): SessionStore => ({
  load(now) {
    let raw: string | null
    try {
      raw = storage.getItem(key)
    } catch {
      return null
    }
    if (raw === null) return null
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      parsed = null
    }
    if (!isSession(parsed) || isExpired(parsed, now)) {
      storage.removeItem(key)
      return null
    }
    return parsed
  },
  save(session) {
    storage.setItem(key, JSON.stringify(session))
  },
  clear() {
    storage.removeItem(key)
  }
})

/** An in-memory storage, for when `sessionStorage` is unavailable (e.g. disabled by policy) and in tests. */
export const memoryStorage = (): KeyValueStorage => {
  const data = new Map<string, string>()
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key)
  }
}
