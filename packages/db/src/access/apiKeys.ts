/**
 * API keys of systems calling the API (other departments' `fgd_…`, institutions' `fgi_…`): a public key id
 * and a random 256-bit secret, of which only the SHA-256 is kept (a random secret cannot be guessed from a
 * dictionary, so it needs no slow KDF).
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto"

const alphanumeric = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"

/** The SHA-256 of a text, hex. */
export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex")

/** A new key: its id, its secret, the hash to keep, and the key to show once (`<prefix><id>_<secret>`). */
export const newApiKey = (
  prefix: string
): { readonly keyId: string; readonly secretHash: string; readonly key: string } => {
  const keyId = Array.from(randomBytes(12), (b) => alphanumeric[b % alphanumeric.length]).join("")
  const secret = randomBytes(32).toString("base64url")
  return { keyId, secretHash: sha256(secret), key: `${prefix}${keyId}_${secret}` }
}

/** Whether a secret is the one whose hash was kept (in constant time). */
export const secretMatches = (secret: string, secretHash: string): boolean => {
  const given = Buffer.from(sha256(secret), "hex")
  const stored = Buffer.from(secretHash, "hex")
  return given.length === stored.length && timingSafeEqual(given, stored)
}

/** At most once a minute: a busy client does not turn every call into a write. */
export const shouldRecordUse = (lastUsedAt: Date | null, now: Date): boolean =>
  lastUsedAt === null || now.getTime() - lastUsedAt.getTime() > 60_000
