/**
 * `pnpm fundguard province`: preparing an extract's partitions, starting a partitioned run on the queue, and
 * reading its partitions — with bad input named and refused.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoExtractDir } from "@fundguard/screening"
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { runCli } from "./utils/run.js"

const work = mkdtempSync(join(tmpdir(), "fundguard-province-"))
let scratch: ScratchDatabase | undefined
afterAll(async () => {
  await scratch?.dispose()
  rmSync(work, { recursive: true, force: true })
})

describe("pnpm fundguard province", () => {
  it("prepares the partitions, starts a run on the queue and shows its partitions", async () => {
    const out = join(work, "partitions")
    const bad = await runCli(["province", "prepare", "--extract", demoExtractDir, "--out", out, "--partitions", "0"])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--partitions")
    expect(bad.stdout).toBe("")
    const missing = await runCli(["province", "prepare", "--extract", join(work, "nowhere"), "--out", out, "-n", "2"])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("目录不存在")

    const prepared = await runCli([
      "province",
      "prepare",
      "--extract",
      demoExtractDir,
      "--out",
      out,
      "--partitions",
      "3"
    ])
    expect(prepared.code, prepared.stderr).toBe(0)
    expect(existsSync(join(out, "partitions.json"))).toBe(true)

    // Copies prepared apart are combined only when they are of different institutions (counties).
    const again = join(work, "partitions-again")
    expect((await runCli(["province", "prepare", "-e", demoExtractDir, "-o", again, "-n", "3"])).code).toBe(0)
    const one = await runCli(["province", "combine", "--out", join(work, "combined"), "--from", out])
    expect(one.code).toBe(2)
    expect(one.stderr).toContain("--from 至少给出两份分区副本")
    const overlapping = await runCli([
      "province",
      "combine",
      "--out",
      join(work, "combined"),
      "--from",
      out,
      "--from",
      again
    ])
    expect(overlapping.code).toBe(2)
    expect(overlapping.stderr).toMatch(/机构 \S+ 的记录同时在 .+ 中：各份副本（如各县）须按机构分开/)
    expect(overlapping.stderr).not.toContain("    at ")

    // The queue lives in PostgreSQL: the embedded database is refused with the reason.
    const embedded = await runCli(["province", "start", "--extract", demoExtractDir, "--prepared", out], {
      env: { DATABASE_URL: `file:${join(work, "embedded.db")}` }
    })
    expect(embedded.code).toBe(2)
    expect(embedded.stderr).toContain("PostgreSQL")

    // A copy prepared from another extract is refused before anything is queued: its files differ.
    const other = join(work, "other-extract")
    cpSync(demoExtractDir, other, { recursive: true })
    const changed = readdirSync(other).find((f) => f.startsWith("feedetail."))!
    appendFileSync(join(other, changed), "\n")
    const mismatched = await runCli(["province", "start", "--extract", other, "--prepared", out], {
      env: { DATABASE_URL: `file:${join(work, "embedded.db")}` }
    })
    expect(mismatched.code).toBe(2)
    expect(mismatched.stderr).toContain(`${changed} 为`)
    expect(mismatched.stderr).toContain("不是同一份提取")

    scratch = await createScratchDatabase("postgresql")
    const env = { DATABASE_URL: scratch.url }
    const started = await runCli(["province", "start", "--extract", demoExtractDir, "--prepared", out], { env })
    expect(started.code, started.stderr).toBe(0)
    const runId = started.stdout.trim()
    expect(runId).toMatch(/^[0-9a-f-]{36}$/)
    const status = await runCli(["province", "status", "--run", runId], { env })
    expect(status.code, status.stderr).toBe(0)
    const rows = status.stdout.split("\n").filter((l) => /^(person|institution|global|staged) /.test(l))
    // 3 by person, 3 by institution, and 3 verdicts of the staged rules (as many as partitions); no global one.
    expect(rows).toHaveLength(9)
    expect(rows.some((r) => r.startsWith("global "))).toBe(false)
    expect(rows.filter((r) => r.startsWith("staged "))).toHaveLength(3)
    expect(rows.every((r) => r.split("\t")[1] === "queued")).toBe(true)
    const run = await scratch.db.screeningRun.findUniqueOrThrow({ where: { id: runId } })
    expect(run.params).toMatchObject({ prepared: out, stagedDir: join(out, "staged") })
    const badStaged = await runCli(
      ["province", "start", "--extract", demoExtractDir, "--prepared", out, "--staged", "x"],
      { env }
    )
    expect(badStaged.code).toBe(2)
    expect(badStaged.stderr).toContain("--staged x：应为 0–4096 的整数")
    const unknown = await runCli(["province", "status", "--run", "no-such-run"], { env })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("没有这个批次")
  }, 180_000)
})
