/**
 * Managing user accounts (administrators): create, change role, unit or name, disable, reset the
 * password, revoke sessions.
 *
 * @since 0.1.0
 */
import { Role } from "@fundguard/domain/access"
import * as Schema from "effect/Schema"
import { SessionUser, Username } from "./Auth.js"
import { Id, Instant, Name, optional, Text } from "./Bounded.js"
import { endpoint, json } from "./Endpoint.js"

/** An account as administrators see it. @category models */
export const UserAccount = Schema.Struct({
  ...SessionUser.fields,
  active: Schema.Boolean,
  createdAt: Instant,
  passwordChangedAt: Schema.NullOr(Instant),
  openSessions: Schema.Number
})
/** @category models */
export type UserAccount = typeof UserAccount.Type

const tags = ["users"]
const UserParams = Schema.Struct({ id: Id })

/** @category endpoints */
export const listUsers = endpoint({
  method: "GET",
  path: "/api/v1/users",
  access: { permission: "users:manage" },
  tags,
  summary: "Every user account with its unit, role, state and open sessions",
  success: json(Schema.Struct({ items: Schema.Array(UserAccount) }))
})

/** A password an administrator sets; generated when omitted. @category models */
const InitialPassword = Text(128, { min: 1 })

/** @category endpoints */
export const createUser = endpoint({
  method: "POST",
  path: "/api/v1/users",
  access: { permission: "users:manage" },
  tags,
  summary: "Create an account; the initial password (given or generated, shown once) must be changed at first sign-in",
  body: Schema.Struct({
    username: Username,
    displayName: Name,
    role: Role,
    unitId: Schema.NullOr(Id),
    department: optional(Schema.NullOr(Name)),
    initialPassword: optional(InitialPassword)
  }),
  success: json(Schema.Struct({ user: UserAccount, initialPassword: Schema.String }), 201)
})

/** @category endpoints */
export const updateUser = endpoint({
  method: "PATCH",
  path: "/api/v1/users/:id",
  access: { permission: "users:manage" },
  tags,
  summary: "Change an account's name, role, unit or department, or disable/enable it (disabling signs it out)",
  params: UserParams,
  body: Schema.Struct({
    displayName: optional(Name),
    role: optional(Role),
    unitId: optional(Schema.NullOr(Id)),
    department: optional(Schema.NullOr(Name)),
    active: optional(Schema.Boolean)
  }),
  success: json(Schema.Struct({ user: UserAccount }))
})

/** @category endpoints */
export const resetPassword = endpoint({
  method: "POST",
  path: "/api/v1/users/:id/password-reset",
  access: { permission: "users:manage" },
  tags,
  summary: "Set a new initial password (given or generated, shown once); signs the account out and lifts any lockout",
  params: UserParams,
  body: Schema.Struct({ initialPassword: optional(InitialPassword) }),
  success: json(Schema.Struct({ initialPassword: Schema.String }))
})

/** @category endpoints */
export const revokeSessions = endpoint({
  method: "POST",
  path: "/api/v1/users/:id/revoke-sessions",
  access: { permission: "users:manage" },
  tags,
  summary: "Sign an account out everywhere",
  params: UserParams,
  success: json(Schema.Struct({ revoked: Schema.Number }))
})
