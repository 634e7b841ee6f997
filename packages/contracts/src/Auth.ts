/**
 * Signing in and out, the signed-in user, and changing one's own password.
 *
 * @since 0.1.0
 */
import { Role } from "@fundguard/domain/access"
import * as Schema from "effect/Schema"
import { Instant, Text } from "./Bounded.js"
import { endpoint, json, noContent } from "./Endpoint.js"

/** A user as the signed-in client sees themselves. @category models */
export const SessionUser = Schema.Struct({
  id: Schema.String,
  username: Schema.String,
  displayName: Schema.String,
  role: Role,
  department: Schema.NullOr(Schema.String),
  unitId: Schema.NullOr(Schema.String),
  mustChangePassword: Schema.Boolean
})
/** @category models */
export type SessionUser = typeof SessionUser.Type

/** A user name as typed at sign-in. @category models */
export const Username = Schema.String.pipe(
  Schema.filter((s) => /^[A-Za-z0-9_.@-]{1,64}$/.test(s) || "用户名须为 1–64 位字母、数字或 _ . @ -", {
    jsonSchema: { pattern: "^[A-Za-z0-9_.@-]{1,64}$" }
  })
)

/** A password as typed (its rules are checked where one is chosen). @category models */
export const PasswordText = Text(128, { min: 1 })

/** @category endpoints */
export const login = endpoint({
  method: "POST",
  path: "/api/auth/login",
  access: { public: true },
  tags: ["auth"],
  summary: "Sign in; returns a bearer token",
  description:
    "429 after repeated failures for one name (temporary lockout) or too many attempts from one address; 401 for any wrong name or password, without saying which.",
  body: Schema.Struct({ username: Username, password: PasswordText }),
  success: json(Schema.Struct({ token: Schema.String, expiresAt: Instant, user: SessionUser }))
})

/** @category endpoints */
export const logout = endpoint({
  method: "POST",
  path: "/api/auth/logout",
  access: { permission: "session:own" },
  tags: ["auth"],
  summary: "Sign out",
  success: noContent
})

/** @category endpoints */
export const me = endpoint({
  method: "GET",
  path: "/api/auth/me",
  access: { permission: "session:own" },
  tags: ["auth"],
  summary: "The signed-in user",
  success: json(Schema.Struct({ user: SessionUser }))
})

/** @category endpoints */
export const changePassword = endpoint({
  method: "POST",
  path: "/api/auth/password",
  access: { permission: "session:own" },
  tags: ["auth"],
  summary: "Change one's own password (required after an initial or reset password); other sessions are signed out",
  body: Schema.Struct({ currentPassword: PasswordText, newPassword: PasswordText }),
  success: noContent
})
