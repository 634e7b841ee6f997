/**
 * Progress of a screening job on stderr: on a terminal, one line that redraws itself — a bar, the
 * rule running and its position — and a line per rule as it finishes; elsewhere (a log, a pipe,
 * CI) plain lines only, one per step, so logs stay readable.
 */
import type { JobProgress } from "@fundguard/screening"

const width = 24

const bar = (done: number, total: number): string => {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}]`
}

const rate = (rows: number, ms: number): string =>
  ms <= 0 ? "" : `, ${Math.round(rows / (ms / 1000)).toLocaleString("en-US")} rows/s`

/** A progress callback writing to `stream` (stderr by default). */
export const screeningProgress = (stream: NodeJS.WriteStream = process.stderr): ((event: JobProgress) => void) => {
  const tty = stream.isTTY === true
  let live = false
  const clear = () => {
    if (live) stream.write("\r\x1b[2K")
    live = false
  }
  const line = (text: string) => {
    clear()
    stream.write(`${text}\n`)
  }
  const redraw = (text: string) => {
    const columns = stream.columns > 0 ? stream.columns : 100
    stream.write(`\r\x1b[2K${text.slice(0, columns - 1)}`)
    live = true
  }
  return (event) => {
    switch (event._tag) {
      case "RegionParams":
        line(`using the rule parameters of region ${event.admdvs} (${event.file})`)
        return
      case "Importing":
        if (tty) redraw(`importing ${event.dir} …`)
        else line(`importing ${event.dir}`)
        return
      case "Imported":
        line(
          `imported ${event.rows.toLocaleString("en-US")} rows in ${event.durationMs} ms${rate(event.rows, event.durationMs)}`
        )
        return
      case "Preparing":
        if (tty) redraw("preparing shared relations …")
        return
      case "Prepared":
        if (event.durationMs > 0) line(`prepared shared relations in ${event.durationMs} ms`)
        return
      case "RuleStarted":
        if (tty) redraw(`${bar(event.index, event.total)} ${event.index + 1}/${event.total} ${event.code} …`)
        return
      case "RuleFinished": {
        const r = event.run
        const position = `[${String(event.index + 1).padStart(String(event.total).length)}/${event.total}]`
        const outcome =
          r.status === "ran"
            ? `${String(r.count).padStart(6)} suspicions  ${r.durationMs} ms`
            : `skipped: ${r.reason ?? ""}`
        line(`${position} ${r.code.padEnd(26)} ${outcome}`)
        if (tty && event.index + 1 < event.total)
          redraw(`${bar(event.index + 1, event.total)} ${event.index + 1}/${event.total}`)
        else clear()
        return
      }
    }
  }
}
