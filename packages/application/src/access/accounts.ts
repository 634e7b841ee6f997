/**
 * Managing user accounts — by an administrator in the UI, by the CLI, by the user for their own
 * password: the same checks (the unit, the password policy, not disabling oneself) and the same
 * writes, each with its audit entry, whichever door asks.
 */
import {
  accountUnitProblems,
  AccountRepository,
  InvalidAccount,
  Passwords,
  WeakPassword,
  weakPassword,
  WrongPassword,
  type AccountChange,
  type AuditActor,
  type NewAccount
} from "@fundguard/domain/access"
import { Ids } from "@fundguard/domain/kernel"
import * as Effect from "effect/Effect"
import { now } from "../internal/now.js"

/** Refuses a unit that does not fit the role (`InvalidAccount` naming `$.unitId`). */
const checkUnit = Effect.fn("Accounts.checkUnit")(function* (role: NewAccount["role"], unitId: string | null) {
  const accounts = yield* AccountRepository
  const unit = unitId === null ? null : yield* accounts.unit(unitId)
  const problems = accountUnitProblems(role, unitId, unit)
  if (problems.length > 0) return yield* new InvalidAccount({ problems })
})

/** The password given, or a generated one; refused with `WeakPassword` when it breaks the policy. */
const initialPassword = Effect.fn("Accounts.initialPassword")(function* (
  given: string | undefined,
  username: string,
  path: string
) {
  const password = given ?? (yield* Effect.flatMap(Passwords, (p) => p.temporary))
  const weak = weakPassword(password, username, path)
  if (weak !== null) return yield* weak
  return password
})

/**
 * Creates an account with an initial password (given, or generated) that the user must change at
 * first sign-in. Answers the account and the password, to be shown once.
 */
export const createAccount = Effect.fn("Accounts.create")(function* (request: {
  readonly account: NewAccount
  readonly initialPassword?: string
  readonly actor: AuditActor
}) {
  yield* checkUnit(request.account.role, request.account.unitId)
  const password = yield* initialPassword(request.initialPassword, request.account.username, "$.initialPassword")
  const hash = yield* Effect.flatMap(Passwords, (p) => p.hash(password))
  const id = yield* Effect.flatMap(Ids, (ids) => ids.next)
  const account = yield* Effect.flatMap(AccountRepository, (accounts) =>
    accounts.create(id, request.account, hash, request.actor)
  )
  return { account, initialPassword: password }
})

/**
 * Changes an account's name, role, unit, department or state. A change of role or unit is checked
 * against the pair it leaves; nobody may disable their own account; disabling revokes the sessions.
 */
export const updateAccount = Effect.fn("Accounts.update")(function* (request: {
  readonly id: string
  readonly change: AccountChange
  readonly actor: AuditActor
}) {
  const accounts = yield* AccountRepository
  const current = yield* accounts.find(request.id)
  const { change } = request
  if (change.role !== undefined || change.unitId !== undefined)
    yield* checkUnit(change.role ?? current.role, change.unitId === undefined ? current.unitId : change.unitId)
  if (change.active === false && current.id === request.actor.id)
    return yield* new InvalidAccount({ problems: [{ path: "$.active", message: "不能停用自己的账户" }] })
  return yield* accounts.update(request.id, change, request.actor, yield* now)
})

/**
 * Sets a new initial password (given, or generated): the user must change it at the next sign-in;
 * every open session is revoked and any lockout lifted. Answers the password, to be shown once.
 */
export const resetAccountPassword = Effect.fn("Accounts.resetPassword")(function* (request: {
  readonly id: string
  readonly initialPassword?: string
  readonly actor: AuditActor
}) {
  const accounts = yield* AccountRepository
  const account = yield* accounts.find(request.id)
  const password = yield* initialPassword(request.initialPassword, account.username, "$.initialPassword")
  const hash = yield* Effect.flatMap(Passwords, (p) => p.hash(password))
  const { sessionsRevoked } = yield* accounts.setPassword(
    request.id,
    hash,
    { reason: "reset", mustChangePassword: true, keepSessionToken: null },
    request.actor,
    yield* now
  )
  return { initialPassword: password, sessionsRevoked }
})

/**
 * The user's own change of password: the new one meets the policy and differs from the current,
 * which must match (`WrongPassword`); the user's other sessions are revoked.
 */
export const changeOwnPassword = Effect.fn("Accounts.changeOwnPassword")(function* (request: {
  readonly userId: string
  readonly currentPassword: string
  readonly newPassword: string
  /** The session the change is made from, which stays open. */
  readonly sessionToken: string
  readonly actor: AuditActor
}) {
  const accounts = yield* AccountRepository
  const passwords = yield* Passwords
  const account = yield* accounts.find(request.userId)
  const weak = weakPassword(request.newPassword, account.username, "$.newPassword")
  if (weak !== null) return yield* weak
  if (request.newPassword === request.currentPassword)
    return yield* new WeakPassword({ path: "$.newPassword", reasons: ["新密码不得与当前密码相同"] })
  const stored = yield* accounts.passwordHashOf(request.userId)
  if (!(yield* passwords.verify(request.currentPassword, stored))) return yield* new WrongPassword()
  const hash = yield* passwords.hash(request.newPassword)
  return yield* accounts.setPassword(
    request.userId,
    hash,
    { reason: "change", mustChangePassword: false, keepSessionToken: request.sessionToken },
    request.actor,
    yield* now
  )
})

/** Signs an account out everywhere. Answers how many sessions were open. */
export const revokeAccountSessions = Effect.fn("Accounts.revokeSessions")(function* (request: {
  readonly id: string
  readonly actor: AuditActor
}) {
  const accounts = yield* AccountRepository
  const { sessionsRevoked } = yield* accounts.revokeSessions(request.id, request.actor, yield* now)
  return sessionsRevoked
})
