/**
 * The two things about a CSV file that DuckDB's reader does not tell us: the header's column
 * names (read before DuckDB so that the reader can run with a fixed, all-text schema instead of
 * its sniffer, which guesses wrongly on small files), and on which physical line each record
 * starts (a quoted cell may span lines, and blank lines are skipped, so record N is not line N+1).
 *
 * @internal
 */
import { open, readFile } from "node:fs/promises"

const BOM = "\uFEFF"

/** Splits the first record of a CSV text into cells (RFC 4180 quoting). `null` when incomplete. */
export const parseHeader = (text: string): ReadonlyArray<string> | null => {
  const cells: Array<string> = []
  let cell = ""
  let quoted = false
  let i = text.startsWith(BOM) ? 1 : 0
  for (; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ",") {
      cells.push(cell)
      cell = ""
    } else if (c === "\n") {
      cells.push(cell.replace(/\r$/, ""))
      return cells
    } else cell += c
  }
  if (quoted) return null
  cells.push(cell.replace(/\r$/, ""))
  return cells
}

/**
 * Reads the header of a CSV file, looking at most at its first 1 MiB. Returns `null` for an empty
 * file or a header that does not end within that window.
 */
export const readHeader = async (path: string): Promise<ReadonlyArray<string> | null> => {
  const handle = await open(path, "r")
  try {
    const buffer = Buffer.alloc(1 << 20)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead === 0) return null
    const text = buffer.subarray(0, bytesRead).toString("utf8")
    const end = text.indexOf("\n")
    // A header that fills the whole window without a newline is not a header we can trust.
    if (end < 0 && bytesRead === buffer.length) return null
    const header = parseHeader(text)
    return header !== null && header.length === 1 && header[0]?.trim() === "" ? null : header
  } finally {
    await handle.close()
  }
}

/**
 * The physical line on which each data record starts (index 0 = first record after the header),
 * counting lines from 1 and skipping blank lines as DuckDB does.
 */
export const recordLines = async (path: string): Promise<ReadonlyArray<number>> => {
  const text = await readFile(path, "utf8")
  const starts: Array<number> = []
  let line = 1
  let start = 1
  let empty = true
  let quoted = false
  for (let i = text.startsWith(BOM) ? 1 : 0; i < text.length; i++) {
    const c = text[i]
    if (c === "\n") {
      if (quoted) {
        line++
        continue
      }
      if (!empty) starts.push(start)
      line++
      start = line
      empty = true
    } else if (c === '"') {
      quoted = !quoted
      empty = false
    } else if (c !== "\r") empty = false
  }
  if (!empty) starts.push(start)
  return starts.slice(1)
}
