/**
 * Evidence files on disk, content-addressed: a file's bytes are stored once under
 * `<dir>/<first two hex digits>/<sha256>`; the database row (`EvidenceFile`) keeps the name, type,
 * size and hash, and reading a file checks the hash, so a file changed on disk is never served as
 * evidence. Default directory: `data/evidence` at the repository root.
 */
import * as Schema from "effect/Schema"
import { createHash } from "node:crypto"
import { existsSync } from "node:fs"
import { mkdir, readFile, rename, writeFile } from "node:fs/promises"
import { dirname, join } from "node:path"
import { repoRoot } from "../config.js"

/** Where evidence files go unless configured otherwise. */
export const defaultEvidenceDir = (): string => join(repoRoot(), "data", "evidence")

/**
 * The evidence directory that belongs to a database: `evidence/` next to a SQLite file (so a scratch
 * or copied database keeps its files), else `data/evidence`.
 */
export const evidenceDirFor = (databaseUrl: string): string =>
  databaseUrl.startsWith("file:") ? join(dirname(databaseUrl.slice("file:".length)), "evidence") : defaultEvidenceDir()

/** The largest evidence file accepted (20 MB). */
export const maxEvidenceBytes = 20 * 1024 * 1024

const pathOf = (dir: string, sha256: string) => join(dir, sha256.slice(0, 2), sha256)

/** Stores bytes (once per content) and returns their SHA-256. */
export const storeEvidence = async (dir: string, bytes: Uint8Array): Promise<string> => {
  const sha256 = createHash("sha256").update(bytes).digest("hex")
  const target = pathOf(dir, sha256)
  if (!existsSync(target)) {
    await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true })
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`
    await writeFile(temp, bytes)
    await rename(temp, target)
  }
  return sha256
}

/** The evidence file's bytes were changed or are missing. */
export class EvidenceUnavailable extends Schema.TaggedError<EvidenceUnavailable>()("EvidenceUnavailable", {
  sha256: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `证据文件 ${this.sha256.slice(0, 12)}… ${this.reason}`
  }
}

/** Reads a stored file, checking its hash. */
export const readEvidence = async (dir: string, sha256: string): Promise<Buffer> => {
  const path = pathOf(dir, sha256)
  if (!existsSync(path)) throw new EvidenceUnavailable({ sha256, reason: "在存储目录中不存在" })
  const bytes = await readFile(path)
  if (createHash("sha256").update(bytes).digest("hex") !== sha256)
    throw new EvidenceUnavailable({ sha256, reason: "内容与登记的哈希值不符（可能被篡改）" })
  return bytes
}
