/**
 * Users and sessions. Passwords are scrypt hashes; bearer tokens are random 256-bit values of which
 * only the SHA-256 is stored, so a copy of the database cannot be used to sign in.
 */
import type { Role } from "@fundguard/domain"
import { createHash, randomBytes } from "node:crypto"
import { recordAudit, type Actor } from "./audit.js"
import type { Db } from "./client.js"
import { hashPassword, verifyPassword } from "./password.js"

/** What the rest of the product knows about a signed-in user. */
export interface SessionUser {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly department: string | null
}

/** A new user account. */
export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly department: string | null
  readonly password: string
}

const toSessionUser = (u: {
  id: string
  username: string
  displayName: string
  role: string
  department: string | null
}): SessionUser => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Role,
  department: u.department
})

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex")

/** Creates a user, or resets the password and profile of an existing one with the same username. */
export const upsertUser = async (db: Db, actor: Actor, user: NewUser): Promise<SessionUser> => {
  const passwordHash = await hashPassword(user.password)
  const profile = { displayName: user.displayName, role: user.role, department: user.department, passwordHash }
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
      details: { username: user.username, role: user.role, department: user.department }
    })
    return toSessionUser(saved)
  })
}

/** A successful sign-in: the bearer token (shown once) and when it expires. */
export interface SignIn {
  readonly token: string
  readonly expiresAt: Date
  readonly user: SessionUser
}

/**
 * Checks a username and password and opens a session. Resolves `null` on any mismatch, without
 * saying which part was wrong; failures are audited too.
 */
export const signIn = async (
  db: Db,
  credentials: { readonly username: string; readonly password: string; readonly ip?: string | null },
  now: Date,
  ttlMinutes: number
): Promise<SignIn | null> => {
  const user = await db.user.findUnique({ where: { username: credentials.username } })
  const valid = user !== null && user.active && (await verifyPassword(credentials.password, user.passwordHash))
  if (!valid || user === null) {
    await recordAudit(
      db,
      { id: null, name: credentials.username, ip: credentials.ip ?? null },
      {
        action: "auth.login_failed",
        entityType: "session",
        details: { username: credentials.username }
      }
    )
    return null
  }
  const token = randomBytes(32).toString("base64url")
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000)
  const sessionUser = toSessionUser(user)
  await db.$transaction(async (tx) => {
    const session = await tx.session.create({ data: { tokenHash: sha256(token), userId: user.id, expiresAt } })
    await recordAudit(
      tx,
      { id: user.id, name: user.username, ip: credentials.ip ?? null },
      {
        action: "auth.login",
        entityType: "session",
        entityId: session.id,
        details: { expiresAt: expiresAt.toISOString() }
      }
    )
  })
  return { token, expiresAt, user: sessionUser }
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
