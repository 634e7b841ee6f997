/**
 * User accounts (用户账户), managed by administrators and by their owners: who may belong to which
 * unit, what a password must be, and where accounts and password hashes are kept
 * (`AccountRepository`, `Passwords`). Bureau staff belong to a unit of the organisation — their data
 * scope; other departments' interface accounts belong to none.
 *
 * @since 0.3.0
 */
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import type { Actor } from "../kernel/Actor.js"
import type { InputProblem } from "../kernel/Problems.js"
import type { Role } from "./Access.js"
import { passwordProblems } from "./Credentials.js"

/**
 * An account as the use cases see it (never its password hash).
 *
 * @category models
 */
export interface Account {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly department: string | null
  /** The unit whose data the user sees, or null (other departments' accounts). */
  readonly unitId: string | null
  /** The user must choose a new password before doing anything else. */
  readonly mustChangePassword: boolean
  readonly active: boolean
}

/** @category models */
export interface NewAccount {
  readonly username: string
  readonly displayName: string
  readonly role: Role
  readonly department: string | null
  readonly unitId: string | null
}

/**
 * What an administrator may change of an account.
 *
 * @category models
 */
export interface AccountChange {
  readonly displayName?: string
  readonly role?: Role
  readonly unitId?: string | null
  readonly department?: string | null
  readonly active?: boolean
}

/**
 * Who is recorded as acting (the audit log's actor).
 *
 * @category models
 */
export type AuditActor = Actor

/**
 * What is wrong with an account's unit: bureau staff need an existing, active unit (their data
 * scope, GB/T 22239 最小授权); other departments' accounts must have none. `unit` is the unit as
 * stored (`null` when there is no such unit).
 *
 * @category rules
 */
export const accountUnitProblems = (
  role: Role,
  unitId: string | null,
  unit: { readonly active: boolean } | null
): ReadonlyArray<InputProblem> => {
  if (role === "institution")
    return [{ path: "$.role", message: "定点医药机构接口只通过机构接口账户（密钥）调用，不能用作人员账户的角色" }]
  if (role === "department")
    return unitId === null ? [] : [{ path: "$.unitId", message: "协作部门账户不属于医保局的单位，所属单位须为空" }]
  if (unitId === null) return [{ path: "$.unitId", message: "局内人员须属于一个单位" }]
  if (unit === null || !unit.active) return [{ path: "$.unitId", message: `单位 ${unitId} 不存在或已停用` }]
  return []
}

/**
 * An account could not be created or changed as asked; `problems` names each field.
 *
 * @category errors
 */
export class InvalidAccount extends Schema.TaggedError<InvalidAccount>()("InvalidAccount", {
  problems: Schema.Array(Schema.Struct({ path: Schema.String, message: Schema.String }))
}) {
  override get message(): string {
    return this.problems.map((p) => p.message).join("；")
  }
}

/**
 * A password that breaks the policy (`passwordProblems`), named by the field it was given in.
 *
 * @category errors
 */
export class WeakPassword extends Schema.TaggedError<WeakPassword>()("WeakPassword", {
  path: Schema.String,
  reasons: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return `密码不符合要求：${this.reasons.join("；")}`
  }
  /** The field at fault, once per reason. */
  get problems(): ReadonlyArray<InputProblem> {
    return this.reasons.map((message) => ({ path: this.path, message }))
  }
}

/**
 * The password's problems as a `WeakPassword` for the field at `path`, or null when it is good.
 *
 * @category rules
 */
export const weakPassword = (password: string, username: string, path: string): WeakPassword | null => {
  const reasons = passwordProblems(password, username)
  return reasons.length === 0 ? null : new WeakPassword({ path, reasons })
}

/**
 * There is no such account.
 *
 * @category errors
 */
export class UserNotFound extends Schema.TaggedError<UserNotFound>()("UserNotFound", { id: Schema.String }) {
  override get message(): string {
    return `用户 ${this.id} 不存在`
  }
}

/**
 * The username is already taken.
 *
 * @category errors
 */
export class UsernameTaken extends Schema.TaggedError<UsernameTaken>()("UsernameTaken", { username: Schema.String }) {
  override get message(): string {
    return `用户名 ${this.username} 已被使用`
  }
  /** The field at fault. */
  get problems(): ReadonlyArray<InputProblem> {
    return [{ path: "$.username", message: this.message }]
  }
}

/**
 * The current password given for a change was wrong.
 *
 * @category errors
 */
export class WrongPassword extends Schema.TaggedError<WrongPassword>()("WrongPassword", {}) {
  override get message(): string {
    return "当前密码不正确"
  }
  /** The field at fault. */
  get problems(): ReadonlyArray<InputProblem> {
    return [{ path: "$.currentPassword", message: this.message }]
  }
}

/**
 * Too many password checks are running or waiting (the KDF is deliberately expensive): try again
 * later.
 *
 * @category errors
 */
export class PasswordCheckBusy extends Schema.TaggedError<PasswordCheckBusy>()("PasswordCheckBusy", {}) {
  override get message(): string {
    return "登录请求过多，请稍后再试"
  }
}

/**
 * Hashing and checking passwords with a KDF, and making initial passwords that meet the policy.
 *
 * @category services
 */
export class Passwords extends Context.Tag("@fundguard/domain/Passwords")<
  Passwords,
  {
    readonly hash: (password: string) => Effect.Effect<string, PasswordCheckBusy>
    /**
     * Whether the password matches the hash, in constant time. Given no hash (an unknown account)
     * it does the same work against a hash nothing matches, so timing does not tell which names
     * exist, and answers false.
     */
    readonly verify: (password: string, hash: string | null) => Effect.Effect<boolean, PasswordCheckBusy>
    /** A random initial password that meets the policy (shown once to the administrator). */
    readonly temporary: Effect.Effect<string>
  }
>() {}

/**
 * What setting a password also does: whether the user must change it at the next sign-in, which
 * session survives (the one the user changed it from), and why (`reset` by an administrator, lifting
 * any lockout; `change` by the user).
 *
 * @category models
 */
export interface PasswordSetting {
  readonly reason: "reset" | "change"
  readonly mustChangePassword: boolean
  /** The bearer token of the session to keep open, or null to revoke them all. */
  readonly keepSessionToken: string | null
}

/**
 * Where accounts are kept. Every write records its audit entry in the same transaction; `at` is
 * the instant sessions are revoked at.
 *
 * @category services
 */
export class AccountRepository extends Context.Tag("@fundguard/domain/AccountRepository")<
  AccountRepository,
  {
    readonly find: (id: string) => Effect.Effect<Account, UserNotFound>
    readonly passwordHashOf: (id: string) => Effect.Effect<string, UserNotFound>
    /** The unit as stored, or null when there is none with that id. */
    readonly unit: (unitId: string) => Effect.Effect<{ readonly active: boolean } | null>
    /** Stores a new account under `id` (minted by `Ids`). */
    readonly create: (
      id: string,
      account: NewAccount,
      passwordHash: string,
      actor: AuditActor
    ) => Effect.Effect<Account, UsernameTaken>
    /** Changes an account; disabling it also revokes its sessions. */
    readonly update: (
      id: string,
      change: AccountChange,
      actor: AuditActor,
      at: Date
    ) => Effect.Effect<Account, UserNotFound>
    readonly setPassword: (
      id: string,
      passwordHash: string,
      setting: PasswordSetting,
      actor: AuditActor,
      at: Date
    ) => Effect.Effect<{ readonly sessionsRevoked: number }, UserNotFound>
    readonly revokeSessions: (
      id: string,
      actor: AuditActor,
      at: Date
    ) => Effect.Effect<{ readonly sessionsRevoked: number }, UserNotFound>
  }
>() {}
