/**
 * Password hashing with scrypt (RFC 7914), Node's built-in standard KDF. Stored as
 * `scrypt$N$r$p$salt$hash` (base64) so parameters can be raised later without breaking old hashes.
 *
 * scrypt is deliberately expensive (about half a second of CPU and 128 MiB here): at most
 * `kdfConcurrency` run at once and at most `kdfQueue` wait, so a burst of sign-ins cannot take the
 * whole machine; beyond that `PasswordCheckBusy` is thrown and the caller answers "try again later".
 */
import { PasswordCheckBusy, Passwords } from "@fundguard/domain/access"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto"
import { availableParallelism } from "node:os"
import pLimit from "p-limit"
import { attempt } from "../effects.js"

const kdfConcurrency = Math.max(1, Math.min(availableParallelism() - 1, 4))
const kdfQueue = 16
const limit = pLimit(kdfConcurrency)

const scrypt = (password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> => {
  if (limit.pendingCount >= kdfQueue) return Promise.reject(new PasswordCheckBusy())
  return limit(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)))
      )
  )
}

/** OWASP's recommended minimum for scrypt: N = 2^17, r = 8, p = 1. */
const defaults = { N: 2 ** 17, r: 8, p: 1, keyLength: 32, saltLength: 16 }
const maxmem = 256 * 1024 * 1024

/** Hashes a password with a fresh random salt. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(defaults.saltLength)
  const { N, r, p, keyLength } = defaults
  const hash = await scrypt(password, salt, keyLength, { N, r, p, maxmem })
  return ["scrypt", N, r, p, salt.toString("base64"), hash.toString("base64")].join("$")
}

/** Checks a password against a stored hash in constant time. Unknown formats never match. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, saltB64, hashB64] = stored.split("$")
  if (scheme !== "scrypt" || saltB64 === undefined || hashB64 === undefined) return false
  const expected = Buffer.from(hashB64, "base64")
  const actual = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

let dummyHash: Promise<string> | undefined
/** A hash no password matches, checked for unknown names so they cost what known ones do. */
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomBytes(24).toString("base64")))

/** A random initial password that meets the password policy (shown once to the administrator). */
export const temporaryPassword = (): string => {
  const raw = randomBytes(12).toString("base64url").replace(/[-_]/g, "x")
  return `Fg-${raw.slice(0, 4)}${raw.slice(4, 8).toUpperCase()}${raw.slice(8)}7`
}

/** The domain's `Passwords` with scrypt and the shared queue above (a full queue is `PasswordCheckBusy`). */
export const PasswordsLive: Layer.Layer<Passwords> = Layer.succeed(Passwords, {
  hash: (password) => attempt(() => hashPassword(password), PasswordCheckBusy),
  verify: (password, hash) =>
    attempt(async () => verifyPassword(password, hash ?? (await dummyPasswordHash())), PasswordCheckBusy),
  temporary: Effect.sync(temporaryPassword)
})
