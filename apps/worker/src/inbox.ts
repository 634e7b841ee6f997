/**
 * The inbox: each sub-directory holding a claims extract (a `fixmedins` table file) is screened
 * once; a `.screened` marker in its output folder records that it was.
 */
import { existsSync } from "node:fs"
import { mkdir, readdir, writeFile } from "node:fs/promises"
import { join } from "node:path"

/** An extract waiting in the inbox. */
export interface PendingExtract {
  readonly name: string
  readonly dir: string
  readonly outDir: string
}

const isExtract = async (dir: string) => (await readdir(dir)).some((f) => /^fixmedins\.(csv|jsonl|parquet)$/.test(f))

/** Extract directories in the inbox that have not been screened yet, in name order. */
export const pendingExtracts = async (inbox: string, outbox: string): Promise<ReadonlyArray<PendingExtract>> => {
  if (!existsSync(inbox)) return []
  const entries = (await readdir(inbox, { withFileTypes: true })).filter((e) => e.isDirectory())
  const pending: Array<PendingExtract> = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(inbox, entry.name)
    const outDir = join(outbox, entry.name)
    if (!existsSync(join(outDir, ".screened")) && (await isExtract(dir)))
      pending.push({ name: entry.name, dir, outDir })
  }
  return pending
}

/** Marks an extract as screened by the run `runId`. */
export const markScreened = async (extract: PendingExtract, runId: string): Promise<void> => {
  await mkdir(extract.outDir, { recursive: true })
  await writeFile(join(extract.outDir, ".screened"), `${runId}\n`)
}
