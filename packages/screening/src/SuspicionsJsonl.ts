/**
 * `suspicions.jsonl`: one `Suspicion` per line, keys in the contract's order, written atomically
 * (temporary file, then rename) so that a crash never leaves half a file for the next stage.
 *
 * @since 0.1.0
 */
import { Suspicion } from "@fundguard/domain/screening"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { open, rename, rm } from "node:fs/promises"
import { basename, dirname, join } from "node:path"

/**
 * Writing the output failed (disk full, no such directory, no permission).
 *
 * @category errors
 */
export class SuspicionsWriteFailed extends Schema.TaggedError<SuspicionsWriteFailed>()("SuspicionsWriteFailed", {
  file: Schema.String,
  reason: Schema.String
}) {
  override get message(): string {
    return `cannot write ${this.file}: ${this.reason}`
  }
}

const encode = Schema.encodeSync(Suspicion)

/**
 * One suspicion as a JSON line (no trailing newline). Keys follow the `Suspicion` schema's order.
 *
 * @category formatting
 */
export const suspicionToJson = (s: Suspicion): string => JSON.stringify(encode(s))

/**
 * All suspicions as JSONL text: one line each, every line ending in `\n`; empty for none.
 *
 * @category formatting
 */
export const suspicionsToJsonl = (suspicions: ReadonlyArray<Suspicion>): string =>
  suspicions.map((s) => `${suspicionToJson(s)}\n`).join("")

/**
 * Writes `suspicions` to `file` as JSONL. The text goes to a temporary file beside it, is flushed
 * to disk, and is then renamed over `file`, so readers see either the old file or the new one.
 *
 * @category constructors
 */
export const writeSuspicionsJsonl = (
  file: string,
  suspicions: ReadonlyArray<Suspicion>
): Effect.Effect<void, SuspicionsWriteFailed> => {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  return Effect.tryPromise({
    try: async () => {
      const handle = await open(temp, "w")
      try {
        await handle.writeFile(suspicionsToJsonl(suspicions), "utf8")
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, file)
    },
    catch: (e) => new SuspicionsWriteFailed({ file, reason: e instanceof Error ? e.message : String(e) })
  }).pipe(Effect.tapError(() => Effect.promise(() => rm(temp, { force: true }))))
}
