// The machine a benchmark ran on, for its report: when, the processors, memory, load and Node.
import { cpus, loadavg, totalmem } from "node:os"

export const machineInfo = () => ({
  date: new Date().toISOString(),
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  load: loadavg()
    .map((l) => l.toFixed(2))
    .join(" "),
  node: process.version
})
