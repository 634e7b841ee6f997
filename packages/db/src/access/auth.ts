/**
 * Users and sessions. Passwords are scrypt hashes; bearer tokens are random 256-bit values of which
 * only the SHA-256 is stored, so a copy of the database cannot be used to sign in.
 *
 * Sign-in does the same work for an unknown name as for a known one (a password check against a
 * dummy hash), and counts failures per account name whether or not the account exists, so neither
 * timing nor lockout tells which names exist.
 */
import * as Schema from "effect/Schema"
import { defaultLoginThrottling, type LoginThrottling, type Role } from "@fundguard/domain/access"
import { createHash, randomBytes } from "node:crypto"
import { recordAudit, type Actor } from "./audit.js"
import type { Db } from "../client.js"
import { hashPassword, verifyPassword } from "./password.js"

/** What the rest of the product knows about a signed-in user. */
export interface SessionUser {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly department: string | null
  /** The organisation unit the user belongs to (their data scope), or null. */
  readonly unitId: string | null
  /** The user must choose a new password before doing anything else. */
  readonly mustChangePassword: boolean
}

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

/** How a person is named in the audit log, the same everywhere: 姓名（用户名）. */
export const actorNameOf = (user: { readonly displayName: string; readonly username: string }): string =>
  `${user.displayName}（${user.username}）`

/** The key failed sign-ins are counted under. */
const throttleKey = (username: string) => username.trim().toLowerCase()

/**
 * Creates a user, or resets the password and profile of an existing one with the same username.
 * For seeds and tests; people are managed with `createUser` and `updateUser`.
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
  return db.$transaction(async (tx) => {
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
}

/** The outcome of a sign-in attempt. */
export type SignInResult =
  | {
      readonly kind: "signed_in"
      readonly token: string
      readonly expiresAt: Date
      readonly user: SessionUser
    }
  | { readonly kind: "invalid" }
  | { readonly kind: "locked"; readonly until: Date }

let dummyHash: Promise<string> | undefined
/** A hash no password matches, checked for unknown names so they cost what known ones do. */
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString("base64")))

/**
 * Checks a username and password and opens a session. Never says which part was wrong; refuses
 * without checking the password while the name is locked out; every attempt is audited.
 */
export const signIn = async (
  db: Db,
  credentials: { readonly username: string; readonly password: string; readonly ip?: string | null },
  now: Date,
  ttlMinutes: number,
  throttling: LoginThrottling = defaultLoginThrottling
): Promise<SignInResult> => {
  const key = throttleKey(credentials.username)
  const who: Actor = { id: null, name: credentials.username, ip: credentials.ip ?? null }
  const throttle = await db.loginThrottle.findUnique({ where: { username: key } })
  if (throttle?.lockedUntil !== null && throttle?.lockedUntil !== undefined && throttle.lockedUntil > now) {
    await recordAudit(db, who, {
      action: "auth.login_locked",
      entityType: "session",
      details: { username: credentials.username, lockedUntil: throttle.lockedUntil.toISOString() }
    })
    return { kind: "locked", until: throttle.lockedUntil }
  }
  const user = await db.user.findUnique({ where: { username: credentials.username } })
  const passwordMatches = await verifyPassword(credentials.password, user?.passwordHash ?? (await dummyPasswordHash()))
  if (user === null || !user.active || !passwordMatches) {
    const windowStart = new Date(now.getTime() - throttling.windowMinutes * 60_000)
    const failures = throttle !== null && throttle.lastFailureAt >= windowStart ? throttle.failures + 1 : 1
    const lockedUntil =
      failures >= throttling.maxFailures ? new Date(now.getTime() + throttling.lockMinutes * 60_000) : null
    await db.$transaction(async (tx) => {
      await tx.loginThrottle.upsert({
        where: { username: key },
        create: { username: key, failures, lockedUntil, lastFailureAt: now },
        update: { failures, lockedUntil, lastFailureAt: now }
      })
      await recordAudit(tx, who, {
        action: lockedUntil === null ? "auth.login_failed" : "auth.login_lockout",
        entityType: "session",
        details: {
          username: credentials.username,
          failures,
          ...(lockedUntil === null ? {} : { lockedUntil: lockedUntil.toISOString() })
        }
      })
    })
    return lockedUntil === null ? { kind: "invalid" } : { kind: "locked", until: lockedUntil }
  }
  const token = randomBytes(32).toString("base64url")
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000)
  await db.$transaction(async (tx) => {
    if (throttle !== null) await tx.loginThrottle.delete({ where: { username: key } })
    const session = await tx.session.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } })
    await recordAudit(
      tx,
      { id: user.id, name: actorNameOf(user), ip: credentials.ip ?? null },
      {
        action: "auth.login",
        entityType: "session",
        entityId: session.id,
        details: { expiresAt: expiresAt.toISOString() }
      }
    )
  })
  return { kind: "signed_in", token, expiresAt, user: toSessionUser(user) }
}

/** The user behind a bearer token, or null if it is unknown, revoked or expired. */
export const userForToken = async (db: Db, token: string, now: Date): Promise<SessionUser | null> => {
  const session = await db.session.findUnique({ where: { tokenHash: sha256(token) }, include: { user: true } })
  if (session === null || session.revokedAt !== null || session.expiresAt <= now || !session.user.active) return null
  return toSessionUser(session.user)
}

/** Ends the session of a bearer token. */
export const signOut = async (db: Db, token: string, actor: Actor, now: Date): Promise<void> => {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { tokenHash: sha256(token) } })
    if (session === null || session.revokedAt !== null) return
    await tx.session.update({ where: { id: session.id }, data: { revokedAt: now } })
    await recordAudit(tx, actor, { action: "auth.logout", entityType: "session", entityId: session.id })
  })
}

/** A user account that could not be found. */
export class UserNotFound extends Schema.TaggedError<UserNotFound>()("UserNotFound", { id: Schema.String }) {
  override get message(): string {
    return `用户 ${this.id} 不存在`
  }
}

/** A username already taken. */
export class UsernameTaken extends Schema.TaggedError<UsernameTaken>()("UsernameTaken", { username: Schema.String }) {
  override get message(): string {
    return `用户名 ${this.username} 已被使用`
  }
  /** The field at fault. */
  get problems(): ReadonlyArray<{ readonly path: string; readonly message: string }> {
    return [{ path: "$.username", message: this.message }]
  }
}

/** The current password given for a change was wrong. */
export class WrongPassword extends Schema.TaggedError<WrongPassword>()("WrongPassword", {}) {
  override get message(): string {
    return "当前密码不正确"
  }
  /** The field at fault. */
  get problems(): ReadonlyArray<{ readonly path: string; readonly message: string }> {
    return [{ path: "$.currentPassword", message: this.message }]
  }
}

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

/** A random initial password that meets the password policy (shown once to the administrator). */
export const temporaryPassword = (): string => {
  const raw = randomBytes(12).toString("base64url").replace(/[-_]/g, "x")
  return `Fg-${raw.slice(0, 4)}${raw.slice(4, 8).toUpperCase()}${raw.slice(8)}7`
}

/** Creates an account with an initial password the user must change at first sign-in. */
export const createUser = async (
  db: Db,
  actor: Actor,
  user: Omit<NewUser, "mustChangePassword">
): Promise<SessionUser> => {
  const passwordHash = await hashPassword(user.password)
  return db.$transaction(async (tx) => {
    if ((await tx.user.findUnique({ where: { username: user.username } })) !== null)
      throw new UsernameTaken({ username: user.username })
    const saved = await tx.user.create({
      data: {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        department: user.department,
        unitId: user.unitId ?? null,
        passwordHash,
        mustChangePassword: true
      }
    })
    await recordAudit(tx, actor, {
      action: "user.create",
      entityType: "user",
      entityId: saved.id,
      details: { username: saved.username, role: saved.role, unitId: saved.unitId, department: saved.department }
    })
    return toSessionUser(saved)
  })
}

/** What an administrator may change of an account. */
export interface UserChange {
  readonly displayName?: string
  readonly role?: Role
  readonly unitId?: string | null
  readonly department?: string | null
  readonly active?: boolean
}

/** Changes an account; disabling it also revokes its sessions. */
export const updateUser = async (
  db: Db,
  actor: Actor,
  id: string,
  change: UserChange,
  now: Date
): Promise<SessionUser> =>
  db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } })
    if (before === null) throw new UserNotFound({ id })
    const saved = await tx.user.update({ where: { id }, data: { ...change } })
    const revoked =
      change.active === false
        ? (await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } })).count
        : 0
    await recordAudit(tx, actor, {
      action: "user.update",
      entityType: "user",
      entityId: id,
      details: {
        changed: Object.fromEntries(
          Object.entries(change).map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k] ?? null, to: v }])
        ),
        ...(revoked > 0 ? { sessionsRevoked: revoked } : {})
      }
    })
    return toSessionUser(saved)
  })

/**
 * Sets a new initial password chosen by an administrator (or generated): the user must change it at
 * the next sign-in; every open session is revoked and any lockout lifted.
 */
export const resetPassword = async (db: Db, actor: Actor, id: string, password: string, now: Date): Promise<void> => {
  const passwordHash = await hashPassword(password)
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } })
    if (user === null) throw new UserNotFound({ id })
    await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: now } })
    const revoked = await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } })
    await tx.loginThrottle.deleteMany({ where: { username: throttleKey(user.username) } })
    await recordAudit(tx, actor, {
      action: "user.reset_password",
      entityType: "user",
      entityId: id,
      details: { username: user.username, sessionsRevoked: revoked.count }
    })
  })
}

/**
 * The user's own change of password: the current one must match; the new one was checked against the
 * policy by the caller. Other sessions of the user are revoked.
 */
export const changeOwnPassword = async (
  db: Db,
  actor: Actor,
  input: {
    readonly userId: string
    readonly currentPassword: string
    readonly newPassword: string
    readonly keepToken: string
  },
  now: Date
): Promise<void> => {
  const user = await db.user.findUnique({ where: { id: input.userId } })
  if (user === null) throw new UserNotFound({ id: input.userId })
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new WrongPassword()
  const passwordHash = await hashPassword(input.newPassword)
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now }
    })
    const revoked = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, tokenHash: { not: sha256(input.keepToken) } },
      data: { revokedAt: now }
    })
    await recordAudit(tx, actor, {
      action: "user.change_password",
      entityType: "user",
      entityId: user.id,
      details: { otherSessionsRevoked: revoked.count }
    })
  })
}

/** Revokes every open session of a user (they must sign in again). Resolves how many were open. */
export const revokeSessions = async (db: Db, actor: Actor, id: string, now: Date): Promise<number> =>
  db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } })
    if (user === null) throw new UserNotFound({ id })
    const revoked = await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: now } })
    await recordAudit(tx, actor, {
      action: "user.revoke_sessions",
      entityType: "user",
      entityId: id,
      details: { sessionsRevoked: revoked.count }
    })
    return revoked.count
  })

/** Whether the database holds any user: the demo seed loads only into one that holds none. */
export const hasUsers = async (db: Db): Promise<boolean> => (await db.user.count()) > 0
