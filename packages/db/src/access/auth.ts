/**
 * Users and sessions as stored: the account and session repositories, the lookup of a bearer token,
 * the lists administrators see. Passwords are scrypt hashes; bearer tokens are random 256-bit
 * values of which only the SHA-256 is stored, so a copy of the database cannot be used to sign in.
 * Signing in — the lockout, the same work for unknown names — is the application's (`signIn`).
 */
import {
  AccountRepository,
  SessionRepository,
  throttleKey,
  UsernameTaken,
  UserNotFound,
  type Account,
  type Role
} from "@fundguard/domain/access"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { attempt } from "../effects.js"
import { createHash, randomBytes } from "node:crypto"
import { recordAudit, type Actor } from "./audit.js"
import type { Db } from "../client.js"
import { hashPassword } from "./password.js"

/** What the rest of the product knows about a signed-in user: the account (a session is only ever an active one's). */
export type SessionUser = Omit<Account, "active">

/** A new user account. */
export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly department: string | null
  readonly unitId?: string | null
  readonly password: string
  /** Whether the password is an initial one the user must replace (default: false). */
  readonly mustChangePassword?: boolean
}

interface UserRow {
  id: string
  username: string
  displayName: string
  role: string
  department: string | null
  unitId: string | null
  mustChangePassword: boolean
}

const toSessionUser = (u: UserRow): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Role,
  department: u.department,
  unitId: u.unitId,
  mustChangePassword: u.mustChangePassword
})

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex")

/**
 * Creates a user, or resets the password and profile of an existing one with the same username.
 * For seeds and tests; people are managed through the application's account use cases.
 */
export const upsertUser = async (db: Db, actor: Actor, user: NewUser): Promise<SessionUser> => {
  const passwordHash = await hashPassword(user.password)
  const profile = {
    displayName: user.displayName,
    role: user.role,
    department: user.department,
    unitId: user.unitId ?? null,
    mustChangePassword: user.mustChangePassword ?? false,
    passwordHash,
    passwordChangedAt: new Date()
  }
  return thenForget(
    db,
    db.$transaction(async (tx) => {
      const saved = await tx.user.upsert({
        where: { username: user.username },
        create: { username: user.username, ...profile },
        update: profile
      })
      await recordAudit(tx, actor, {
        action: "user.upsert",
        entityType: "user",
        entityId: saved.id,
        details: { username: user.username, role: user.role, department: user.department, unitId: profile.unitId }
      })
      return toSessionUser(saved)
    })
  )
}

/** The user behind a bearer token, or null if it is unknown, revoked or expired. */
export const userForToken = async (db: Db, token: string, now: Date): Promise<SessionUser | null> => {
  let remembered = recentSessions.get(db)
  if (remembered === undefined) recentSessions.set(db, (remembered = new Map()))
  const tokenHash = sha256(token)
  const known = remembered.get(tokenHash)
  if (known !== undefined && known.until > Date.now()) return known.expiresAt > now ? known.user : null
  // A write that lands while this read is under way must not have its effect undone by what the read saw.
  const generation = sessionGenerations.get(db) ?? 0
  const session = await db.session.findUnique({ where: { tokenHash }, include: { user: true } })
  if (session === null || session.revokedAt !== null || session.expiresAt <= now || !session.user.active) return null
  const user = toSessionUser(session.user)
  if (remembered.size >= 10_000) remembered.clear()
  if ((sessionGenerations.get(db) ?? 0) === generation)
    remembered.set(tokenHash, { until: Date.now() + sessionMemoryMs, expiresAt: session.expiresAt, user })
  return user
}

/**
 * Sessions read in the last few seconds, per database, so that a signed-in user's requests do not each read
 * their session (one query of every request). Every write of users and sessions in this module forgets them
 * all at once, so a sign-out, a deactivation or a password change in this process takes effect at the next
 * request; one made by another process (the CLI) within `sessionMemoryMs`.
 */
const recentSessions = new WeakMap<
  Db,
  Map<string, { readonly until: number; readonly expiresAt: Date; readonly user: SessionUser }>
>()
const sessionMemoryMs = 5_000
/** Bumped by every forgetting, so that a read begun before it does not remember what it saw. */
const sessionGenerations = new WeakMap<Db, number>()
const forgetSessions = (db: Db) => {
  sessionGenerations.set(db, (sessionGenerations.get(db) ?? 0) + 1)
  recentSessions.get(db)?.clear()
}
/** Runs a write of users or sessions, then forgets the remembered sessions (after the commit, success or not). */
const thenForget = <A>(db: Db, write: Promise<A>): Promise<A> => write.finally(() => forgetSessions(db))

/**
 * Where sessions and failure counts are kept (the domain's `SessionRepository`) in this database.
 * A bearer token is a random 256-bit value of which only the SHA-256 is stored.
 */
export const sessionRepository = (db: Db): SessionRepository["Type"] => ({
  throttleOf: (key) =>
    Effect.promise(async () => {
      const row = await db.loginThrottle.findUnique({ where: { username: key } })
      return row === null
        ? null
        : { failures: row.failures, lockedUntil: row.lockedUntil, lastFailureAt: row.lastFailureAt }
    }),
  credentialsOf: (username) =>
    Effect.promise(async () => {
      const user = await db.user.findUnique({ where: { username } })
      return user === null ? null : { account: toAccount(user), passwordHash: user.passwordHash }
    }),
  recordLockedAttempt: (username, until, who) =>
    Effect.promise(() =>
      recordAudit(db, who, {
        action: "auth.login_locked",
        entityType: "session",
        details: { username, lockedUntil: until.toISOString() }
      })
    ),
  recordFailure: (key, username, throttle, who) =>
    Effect.promise(() =>
      db.$transaction(async (tx) => {
        await tx.loginThrottle.upsert({
          where: { username: key },
          create: { username: key, ...throttle },
          update: throttle
        })
        await recordAudit(tx, who, {
          action: throttle.lockedUntil === null ? "auth.login_failed" : "auth.login_lockout",
          entityType: "session",
          details: {
            username,
            failures: throttle.failures,
            ...(throttle.lockedUntil === null ? {} : { lockedUntil: throttle.lockedUntil.toISOString() })
          }
        })
      })
    ),
  open: (account, expiresAt, key, who) =>
    Effect.promise(async () => {
      const token = randomBytes(32).toString("base64url")
      await db.$transaction(async (tx) => {
        await tx.loginThrottle.deleteMany({ where: { username: key } })
        const session = await tx.session.create({ data: { tokenHash: sha256(token), userId: account.id, expiresAt } })
        await recordAudit(tx, who, {
          action: "auth.login",
          entityType: "session",
          entityId: session.id,
          details: { expiresAt: expiresAt.toISOString() }
        })
      })
      return token
    }),
  close: (token, actor, at) =>
    Effect.promise(() =>
      thenForget(
        db,
        db.$transaction(async (tx) => {
          const session = await tx.session.findUnique({ where: { tokenHash: sha256(token) } })
          if (session === null || session.revokedAt !== null) return
          await tx.session.update({ where: { id: session.id }, data: { revokedAt: at } })
          await recordAudit(tx, actor, { action: "auth.logout", entityType: "session", entityId: session.id })
        })
      )
    )
})

/** The session repository as a layer. */
export const SessionRepositoryLive = (db: Db): Layer.Layer<SessionRepository> =>
  Layer.succeed(SessionRepository, sessionRepository(db))

/** A user as administrators see it. */
export interface UserAccount extends SessionUser {
  readonly active: boolean
  readonly createdAt: Date
  readonly passwordChangedAt: Date | null
  /** Sessions not revoked and not expired. */
  readonly openSessions: number
}

const accounts = async (db: Db, where: { readonly id?: string }, now: Date): Promise<ReadonlyArray<UserAccount>> => {
  const users = await db.user.findMany({
    where,
    orderBy: { username: "asc" },
    include: { sessions: { where: { revokedAt: null, expiresAt: { gt: now } }, select: { id: true } } }
  })
  return users.map((u) => ({
    ...toSessionUser(u),
    active: u.active,
    createdAt: u.createdAt,
    passwordChangedAt: u.passwordChangedAt,
    openSessions: u.sessions.length
  }))
}

/** Every user account, by username, with its open session count. */
export const listUsers = (db: Db, now: Date): Promise<ReadonlyArray<UserAccount>> => accounts(db, {}, now)

/** One user account, or `UserNotFound`. */
export const findUser = async (db: Db, id: string, now: Date): Promise<UserAccount> => {
  const account = (await accounts(db, { id }, now))[0]
  if (account === undefined) throw new UserNotFound({ id })
  return account
}

const toAccount = (u: UserRow & { readonly active: boolean }): Account => ({ ...toSessionUser(u), active: u.active })

/**
 * Where accounts are kept (the domain's `AccountRepository`) in this database: each write with its
 * audit entry in one transaction.
 */
export const accountRepository = (db: Db): AccountRepository["Type"] => {
  const found = async (tx: Pick<Db, "user">, id: string) => {
    const user = await tx.user.findUnique({ where: { id } })
    if (user === null) throw new UserNotFound({ id })
    return user
  }
  const revokeOpen = (tx: Pick<Db, "session">, userId: string, at: Date, keepToken: string | null = null) =>
    tx.session.updateMany({
      where: {
        userId,
        revokedAt: null,
        ...(keepToken === null ? {} : { tokenHash: { not: sha256(keepToken) } })
      },
      data: { revokedAt: at }
    })
  return {
    find: (id) => attempt(async () => toAccount(await found(db, id)), UserNotFound),
    passwordHashOf: (id) => attempt(async () => (await found(db, id)).passwordHash, UserNotFound),
    unit: (unitId) =>
      Effect.promise(async () => {
        const unit = await db.orgUnit.findUnique({ where: { id: unitId }, select: { active: true } })
        return unit === null ? null : { active: unit.active }
      }),
    create: (id, account, passwordHash, actor) =>
      attempt(
        () =>
          thenForget(
            db,
            db.$transaction(async (tx) => {
              if ((await tx.user.findUnique({ where: { username: account.username } })) !== null)
                throw new UsernameTaken({ username: account.username })
              const saved = await tx.user.create({ data: { id, ...account, passwordHash, mustChangePassword: true } })
              await recordAudit(tx, actor, {
                action: "user.create",
                entityType: "user",
                entityId: saved.id,
                details: {
                  username: saved.username,
                  role: saved.role,
                  unitId: saved.unitId,
                  department: saved.department
                }
              })
              return toAccount(saved)
            })
          ),
        UsernameTaken
      ),
    update: (id, change, actor, at) =>
      attempt(
        () =>
          thenForget(
            db,
            db.$transaction(async (tx) => {
              const before = await found(tx, id)
              const saved = await tx.user.update({ where: { id }, data: { ...change } })
              const revoked = change.active === false ? (await revokeOpen(tx, id, at)).count : 0
              await recordAudit(tx, actor, {
                action: "user.update",
                entityType: "user",
                entityId: id,
                details: {
                  changed: Object.fromEntries(
                    Object.entries(change).map(([k, v]) => [
                      k,
                      { from: (before as Record<string, unknown>)[k] ?? null, to: v }
                    ])
                  ),
                  ...(revoked > 0 ? { sessionsRevoked: revoked } : {})
                }
              })
              return toAccount(saved)
            })
          ),
        UserNotFound
      ),
    setPassword: (id, passwordHash, setting, actor, at) =>
      attempt(
        () =>
          thenForget(
            db,
            db.$transaction(async (tx) => {
              const user = await found(tx, id)
              await tx.user.update({
                where: { id },
                data: { passwordHash, mustChangePassword: setting.mustChangePassword, passwordChangedAt: at }
              })
              const revoked = await revokeOpen(tx, id, at, setting.keepSessionToken)
              // An administrator's reset also lifts a lockout; the user's own change is made signed in.
              if (setting.reason === "reset")
                await tx.loginThrottle.deleteMany({ where: { username: throttleKey(user.username) } })
              await recordAudit(
                tx,
                actor,
                setting.reason === "reset"
                  ? {
                      action: "user.reset_password",
                      entityType: "user",
                      entityId: id,
                      details: { username: user.username, sessionsRevoked: revoked.count }
                    }
                  : {
                      action: "user.change_password",
                      entityType: "user",
                      entityId: id,
                      details: { otherSessionsRevoked: revoked.count }
                    }
              )
              return { sessionsRevoked: revoked.count }
            })
          ),
        UserNotFound
      ),
    revokeSessions: (id, actor, at) =>
      attempt(
        () =>
          thenForget(
            db,
            db.$transaction(async (tx) => {
              await found(tx, id)
              const revoked = await revokeOpen(tx, id, at)
              await recordAudit(tx, actor, {
                action: "user.revoke_sessions",
                entityType: "user",
                entityId: id,
                details: { sessionsRevoked: revoked.count }
              })
              return { sessionsRevoked: revoked.count }
            })
          ),
        UserNotFound
      )
  }
}

/** The account repository as a layer. */
export const AccountRepositoryLive = (db: Db): Layer.Layer<AccountRepository> =>
  Layer.succeed(AccountRepository, accountRepository(db))

/** Whether the database holds any user: the demo seed loads only into one that holds none. */
export const hasUsers = async (db: Db): Promise<boolean> => (await db.user.count()) > 0
