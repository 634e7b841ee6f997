import { createScratchDatabase } from "@fundguard/db/testing"
import { demoExtractDir } from "@fundguard/screening"
import { spawn } from "node:child_process"
import { createRequire } from "node:module"
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, describe, expect, it } from "vitest"
import { loadConfig } from "../src/config.js"
import { pendingExtracts } from "../src/inbox.js"
import { screenInbox } from "../src/nightly.js"

const work = mkdtempSync(join(tmpdir(), "fundguard-worker-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe("nightly screening worker", () => {
  it("rejects an invalid cron expression, naming the variable", () => {
    expect(() => loadConfig({ FUNDGUARD_SCREENING_CRON: "every night" })).toThrow(/FUNDGUARD_SCREENING_CRON/)
    expect(loadConfig({}).cron).toBe("0 2 * * *")
  })

  it("screens each new extract of the inbox once, and leaves a broken one pending", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      const inbox = join(work, "inbox")
      const outbox = join(work, "out")
      cpSync(demoExtractDir, join(inbox, "2025Q1"), { recursive: true })
      cpSync(demoExtractDir, join(inbox, "broken"), { recursive: true })
      writeFileSync(join(inbox, "broken", "psn.csv"), "psn_no,gend\nP1,1\n")
      const config = { ...loadConfig({}), databaseUrl: scratch.url, inbox, outbox }
      const lines: Array<string> = []
      const first = await screenInbox(scratch.db, config, (l) => lines.push(l))
      expect(first.screened.map((s) => s.name)).toEqual(["2025Q1"])
      expect(lines).toContain("2025Q1: using the rule parameters of region 500235")
      const run = await scratch.db.screeningRun.findFirstOrThrow({ where: { status: "succeeded" } })
      expect(Object.keys(run.params as object)).toContain("SUPPLY_DAYS_EXCEEDED")
      expect(first.failed.map((f) => f.name)).toEqual(["broken"])
      expect(first.failed[0]?.error).toContain("brdy")
      const jsonl = readFileSync(join(outbox, "2025Q1", "suspicions.jsonl"), "utf8")
        .trim()
        .split("\n")
      expect(jsonl.length).toBe(first.screened[0]?.suspicions)
      expect(await scratch.db.suspicion.count()).toBe(jsonl.length)
      expect((await pendingExtracts(inbox, outbox)).map((p) => p.name)).toEqual(["broken"])
      const second = await screenInbox(scratch.db, config, () => undefined)
      expect(second.screened).toEqual([])
      expect(await scratch.db.screeningRun.count({ where: { status: "succeeded" } })).toBe(1)
    } finally {
      await scratch.dispose()
    }
  })

  it("runs on demand from the command line (--once) and exits", async () => {
    const scratch = await createScratchDatabase("sqlite")
    try {
      const inbox = join(work, "inbox-once")
      cpSync(demoExtractDir, join(inbox, "demo"), { recursive: true })
      const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href
      const child = spawn(
        process.execPath,
        [
          "--conditions=@fundguard/source",
          "--import",
          tsx,
          join(import.meta.dirname, "..", "src", "main.ts"),
          "--once"
        ],
        {
          env: {
            ...process.env,
            DATABASE_URL: scratch.url,
            FUNDGUARD_INBOX: inbox,
            FUNDGUARD_OUTBOX: join(work, "out-once")
          },
          stdio: ["ignore", "ignore", "pipe"]
        }
      )
      let stderr = ""
      child.stderr.on("data", (d) => (stderr += d))
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve))
      expect(code).toBe(0)
      expect(stderr).toContain("screened demo")
      expect(existsSync(join(work, "out-once", "demo", ".screened"))).toBe(true)
    } finally {
      await scratch.dispose()
    }
  })
})
