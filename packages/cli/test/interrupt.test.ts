/**
 * Screening runs that die: `kill -9` during the import and during the rules leaves nothing half
 * written and no run `running` forever (it is seen as interrupted and can be run again), and
 * killing the launcher (`pnpm fundguard`) takes the CLI process with it.
 */
import { migrateDatabase, openDatabase, reapInterruptedRuns, systemActor, type Database } from "@fundguard/db"
import { demoExtractDir } from "@fundguard/screening"
import { execFileSync, spawn, type ChildProcess } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bin, runCli } from "./utils/run.js"

const work = mkdtempSync(join(tmpdir(), "fundguard-interrupt-"))
const url = `file:${join(work, "runs.db")}`
const big = join(work, "county")
const env = { DATABASE_URL: url }

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
const childrenOf = (pid: number): ReadonlyArray<number> => {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0)
  } catch {
    return []
  }
}
const until = async (what: string, check: () => Promise<boolean> | boolean, timeoutMs = 120_000) => {
  const started = Date.now()
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.on("exit", () => resolve())
  )

/** Starts `pnpm fundguard screen` on the big extract, as its launcher runs it; stderr is collected. */
const startScreen = () => {
  const launcher = spawn(process.execPath, [bin, "screen", "--extract", big, "--out", join(work, "out.jsonl")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"]
  })
  let stderr = ""
  launcher.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d))
  return { launcher, stderr: () => stderr }
}

describe("runs that die", () => {
  let database: Database
  /** What a finished run of the demo extract filed: it must survive every kill. */
  let before: ReadonlyArray<{ id: string; status: string; lastRunId: string }>

  beforeAll(async () => {
    const synth = spawn(
      "pnpm",
      ["--filter", "@fundguard/screening", "synth", "--lines", "400000", "--out", big, "--format", "csv"],
      {
        stdio: "ignore"
      }
    )
    await exited(synth)
    expect(synth.exitCode).toBe(0)
    await migrateDatabase(url)
    const demo = await runCli(["screen", "--extract", demoExtractDir, "--out", join(work, "demo.jsonl")], { env })
    expect(demo.code, demo.stderr).toBe(0)
    database = openDatabase(url)
    before = await database.db.suspicion.findMany({
      select: { id: true, status: true, lastRunId: true },
      orderBy: { id: "asc" }
    })
    expect(before.length).toBeGreaterThan(0)
  }, 300_000)
  afterAll(async () => {
    await database?.close()
    rmSync(work, { recursive: true, force: true })
  })

  const bigRuns = () => database.db.screeningRun.findMany({ where: { extract: big } })
  const unchanged = async () =>
    expect(
      await database.db.suspicion.findMany({
        select: { id: true, status: true, lastRunId: true },
        orderBy: { id: "asc" }
      })
    ).toEqual(before)

  it("kill -9 during the import records nothing", async () => {
    const { launcher, stderr } = startScreen()
    await until("the import to start", () => stderr().includes("importing"))
    const [cli] = childrenOf(launcher.pid!)
    expect(cli).toBeDefined()
    process.kill(cli!, "SIGKILL")
    await exited(launcher)
    expect(stderr()).not.toContain("imported")
    expect(await bigRuns()).toEqual([])
    await unchanged()
  }, 180_000)

  it("kill -9 during the rules leaves the run interrupted, files nothing, and a rerun completes", async () => {
    const { launcher } = startScreen()
    await until("the run to be recorded", async () => (await bigRuns()).some((r) => r.status === "running"))
    const run = (await bigRuns())[0]!
    const pid = Number(run.owner!.split(":")[1])
    expect(childrenOf(launcher.pid!)).toContain(pid)
    process.kill(pid, "SIGKILL")
    await exited(launcher)
    expect((await database.db.screeningRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("running")
    expect(await reapInterruptedRuns(database.db, systemActor("test"))).toEqual([run.id])
    const after = await database.db.screeningRun.findUniqueOrThrow({ where: { id: run.id } })
    expect(after.status).toBe("interrupted")
    expect(after.error).toContain("筛查进程已终止")
    expect(await database.db.suspicion.count({ where: { OR: [{ firstRunId: run.id }, { lastRunId: run.id }] } })).toBe(
      0
    )
    await unchanged()
    expect(await database.db.auditEvent.count({ where: { action: "screening.interrupted", entityId: run.id } })).toBe(1)
    // Run again, to the end.
    const rerun = await runCli(["screen", "--extract", big, "--out", join(work, "out.jsonl")], {
      env,
      timeoutMs: 240_000
    })
    expect(rerun.code, rerun.stderr).toBe(0)
    expect((await bigRuns()).map((r) => r.status).sort()).toEqual(["interrupted", "succeeded"])
  }, 300_000)

  it("killing the launcher (pnpm fundguard) ends the CLI process too", async () => {
    const { launcher } = startScreen()
    await until("the import to start", () => childrenOf(launcher.pid!).length > 0)
    const [cli] = childrenOf(launcher.pid!)
    process.kill(launcher.pid!, "SIGKILL")
    await until("the CLI process to end", () => !alive(cli!), 10_000)
    // Whatever it had begun is seen as interrupted, never left running.
    await reapInterruptedRuns(database.db, systemActor("test"))
    expect((await bigRuns()).some((r) => r.status === "running")).toBe(false)
  }, 180_000)
})
