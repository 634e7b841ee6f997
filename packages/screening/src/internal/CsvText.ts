/**
 * The two things about a CSV file that DuckDB's reader does not tell us: the header's column
 * names (read before DuckDB so that the reader can run with a fixed, all-text schema instead of
 * its sniffer, which guesses wrongly on small files), and on which physical line each record
 * starts (a quoted cell may span lines, and blank lines are skipped, so record N is not line N+1).
 *
 * @internal
 */
import { createReadStream } from "node:fs"
import { open } from "node:fs/promises"

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
 * The physical line on which each wanted data record starts (record 0 = first record after the
 * header), counting lines from 1 and skipping blank lines as DuckDB does. The file is streamed byte
 * by byte — `\n`, `\r` and `"` never occur inside a UTF-8 multi-byte sequence — so a multi-gigabyte
 * extract costs no more memory than the answer.
 */
export const recordLines = async (
  path: string,
  wanted: ReadonlyArray<number>
): Promise<ReadonlyMap<number, number>> => {
  const want = new Set(wanted)
  const found = new Map<number, number>()
  let record = -1 // the header is record -1
  let line = 1
  let start = 1
  let empty = true
  let quoted = false
  let first = true
  const finishRecord = () => {
    if (!empty) {
      if (want.has(record)) found.set(record, start)
      record++
    }
  }
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let i = 0
    if (first) {
      first = false
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3
    }
    for (; i < chunk.length; i++) {
      const c = chunk[i]
      if (c === 0x0a) {
        line++
        if (quoted) continue
        finishRecord()
        start = line
        empty = true
      } else if (c === 0x22) {
        quoted = !quoted
        empty = false
      } else if (c !== 0x0d) empty = false
    }
    if (found.size === want.size) break
  }
  finishRecord()
  return found
}
