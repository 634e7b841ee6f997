/**
 * Other departments' API clients (接口账户): a department's system calls the API with a key that belongs to
 * one department and sees only what is addressed to that department or sent by it. The key is shown once,
 * when it is created or rotated; only its SHA-256 is kept (a random 256-bit secret needs no slow KDF: it
 * cannot be guessed from a dictionary, unlike a password).
 *
 * @since 0.5.0
 */
import * as Schema from "effect/Schema"
import { Department } from "./TransferRules.js"

/**
 * A client as the administrator sees it (never its secret or hash).
 *
 * @category models
 */
export const DepartmentClient = Schema.Struct({
  id: Schema.String,
  department: Department,
  name: Schema.String,
  /** The key's public part (`fgd_<keyId>_…`), to tell keys apart in logs and lists. */
  keyId: Schema.String,
  createdOn: Schema.String,
  rotatedAt: Schema.NullOr(Schema.String),
  revokedAt: Schema.NullOr(Schema.String),
  lastUsedAt: Schema.NullOr(Schema.String)
})
/** @category models */
export type DepartmentClient = typeof DepartmentClient.Type

/**
 * The prefix of every department key: a scanner finding one in a log or a repository knows what it is.
 *
 * @category rules
 */
export const departmentKeyPrefix = "fgd_"

/**
 * The parts of a department key, or null when the text is not one: `fgd_<keyId>_<secret>` with a
 * 12-character key id and a 43-character base64url secret.
 *
 * @category rules
 */
export const parseDepartmentKey = (token: string): { readonly keyId: string; readonly secret: string } | null => {
  const match = /^fgd_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(token)
  return match === null ? null : { keyId: match[1]!, secret: match[2]! }
}

/**
 * The body of a new client.
 *
 * @category models
 */
export const NewDepartmentClient = Schema.Struct({
  department: Department,
  name: Schema.String.pipe(
    Schema.minLength(1, { message: () => "请填写接口账户名称" }),
    Schema.maxLength(100, { message: () => "名称不超过100字" })
  )
})
/** @category models */
export type NewDepartmentClient = typeof NewDepartmentClient.Type

/**
 * No such API client, or it is revoked.
 *
 * @category errors
 */
export class DepartmentClientNotFound extends Schema.TaggedError<DepartmentClientNotFound>()(
  "DepartmentClientNotFound",
  { id: Schema.String }
) {
  override get message(): string {
    return `接口账户 ${this.id} 不存在或已停用`
  }
}

/**
 * The department an account's department name stands for (奉节县卫生健康委员会 → health_commission), or null
 * when it names none of them: a department user's inbox shows what is addressed to that department.
 *
 * @category rules
 */
export const departmentOfName = (name: string | null): Department | null => {
  if (name === null) return null
  if (/卫生健康|卫健/.test(name)) return "health_commission"
  if (/公安/.test(name)) return "police"
  if (/纪委|监委|纪律检查|监察/.test(name)) return "discipline_commission"
  if (/市场监/.test(name)) return "market_regulation"
  return null
}
