/**
 * Designated institutions' interface keys for the pre-settlement check (`precheck.md`): a hospital's or
 * pharmacy's system calls 3101–3103 with a key that belongs to one institution and may check only that
 * institution's claims. As for other departments' keys, the key is shown once and only the SHA-256 of its
 * random secret is kept.
 *
 * @since 0.6.0
 */
import * as Schema from "effect/Schema"

/**
 * A client as the administrator sees it (never its secret or hash).
 *
 * @category models
 */
export const InstitutionClient = Schema.Struct({
  id: Schema.String,
  /** The institution (fixmedins_code) whose claims the key may check. */
  institutionCode: Schema.String,
  name: Schema.String,
  /** The key's public part (`fgi_<keyId>_…`). */
  keyId: Schema.String,
  createdOn: Schema.String,
  rotatedAt: Schema.NullOr(Schema.String),
  revokedAt: Schema.NullOr(Schema.String),
  lastUsedAt: Schema.NullOr(Schema.String)
})
/** @category models */
export type InstitutionClient = typeof InstitutionClient.Type

/**
 * The prefix of every institution key.
 *
 * @category rules
 */
export const institutionKeyPrefix = "fgi_"

/**
 * The parts of an institution key, or null: `fgi_<keyId>_<secret>` with a 12-character key id and a
 * 43-character base64url secret.
 *
 * @category rules
 */
export const parseInstitutionKey = (token: string): { readonly keyId: string; readonly secret: string } | null => {
  const match = /^fgi_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/.exec(token)
  return match === null ? null : { keyId: match[1]!, secret: match[2]! }
}

/**
 * The body of a new client.
 *
 * @category models
 */
export const NewInstitutionClient = Schema.Struct({
  institutionCode: Schema.String.pipe(
    Schema.pattern(/^[A-Za-z0-9]{1,30}$/, { message: () => "须为定点医药机构编码（字母和数字，不超过30位）" })
  ),
  name: Schema.String.pipe(
    Schema.minLength(1, { message: () => "请填写接口账户名称" }),
    Schema.maxLength(100, { message: () => "名称不超过100字" })
  )
})
/** @category models */
export type NewInstitutionClient = typeof NewInstitutionClient.Type

/**
 * No such institution client, or it is revoked.
 *
 * @category errors
 */
export class InstitutionClientNotFound extends Schema.TaggedError<InstitutionClientNotFound>()(
  "InstitutionClientNotFound",
  { id: Schema.String }
) {
  override get message(): string {
    return `机构接口账户 ${this.id} 不存在或已停用`
  }
}

/**
 * The institution is not in the register.
 *
 * @category errors
 */
export class UnknownInstitution extends Schema.TaggedError<UnknownInstitution>()("UnknownInstitution", {
  institutionCode: Schema.String
}) {
  override get message(): string {
    return `定点医药机构 ${this.institutionCode} 不在机构名录中`
  }
}
