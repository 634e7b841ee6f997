/**
 * Identifiers for rows written in bulk: UUID version 7 (RFC 9562) — the time in milliseconds first, so that
 * rows written one after another sit side by side in the primary key's index instead of at random places in
 * it (random version-4 keys made each insert of the pre-settlement check's lines touch a different page).
 */
import { randomBytes } from "node:crypto"

let lastMs = 0
let counter = 0

/** A UUID version 7, strictly increasing within this process (a counter orders those of one millisecond). */
export const timeOrderedId = (now: number = Date.now()): string => {
  const ms = Math.max(now, lastMs)
  counter = ms === lastMs ? counter + 1 : 0
  if (counter > 0xfff) return timeOrderedId(ms + 1)
  lastMs = ms
  const random = randomBytes(8)
  const hex = ms.toString(16).padStart(12, "0")
  const a = (0x7000 | counter).toString(16)
  const b = (((random[0]! & 0x3f) | 0x80) << 8) | random[1]!
  return `${hex.slice(0, 8)}-${hex.slice(8)}-${a}-${b.toString(16)}-${random.subarray(2).toString("hex")}`
}
