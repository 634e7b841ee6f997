import { openDatabase } from "@fundguard/db"
import { assessPenalty } from "@fundguard/domain/penalty"
import { Suspicion } from "@fundguard/domain/screening"
import { demoExtractDir, ruleLibrary } from "@fundguard/screening"
import * as Effect from "effect/Effect"
import * as Schema from "effect/Schema"
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { runCli } from "./utils/run.js"
import { afterAll, describe, expect, it } from "vitest"

const work = mkdtempSync(join(tmpdir(), "fundguard-cli-"))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const fundguard = (args: ReadonlyArray<string>, options: { input?: string; databaseUrl?: string } = {}) =>
  runCli(args, {
    ...(options.input === undefined ? {} : { input: options.input }),
    env: { DATABASE_URL: options.databaseUrl ?? `file:${join(work, "default.db")}` }
  })

const specCase = {
  subject: { kind: "institution", orgKind: "private_hospital", hospLv: "2", insured: null },
  region: "500235",
  decisionDate: "2025-09-18",
  violations: [
    { code: "A38-2-OVER_PRESCRIPTION", amount: 13791.6, occurredFrom: "2024-01-01", occurredTo: "2024-12-31" }
  ],
  factors: { firstOffence: true, refundedInFullByDeadline: true }
}

describe("pnpm fundguard", () => {
  it("prints help for the CLI and for each command", async () => {
    const top = await fundguard(["--help"])
    expect(top.code).toBe(0)
    for (const command of ["penalty assess", "screen", "db migrate", "seed"]) expect(top.stdout).toContain(command)
    const screen = await fundguard(["screen", "--help"])
    expect(screen.code).toBe(0)
    expect(screen.stdout).toContain("--extract DIR")
    const unknown = await fundguard(["frobnicate"])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
  })

  it("penalty assess: same result as the library, from stdin or --input", async () => {
    const expected = await Effect.runPromise(assessPenalty(specCase))
    const fromStdin = await fundguard(["penalty", "assess"], { input: JSON.stringify(specCase) })
    expect(fromStdin.code).toBe(0)
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(JSON.stringify(expected)))
    const file = join(work, "case.json")
    writeFileSync(file, JSON.stringify(specCase))
    const fromFile = await fundguard(["penalty", "assess", "--input", file])
    expect(fromFile.code).toBe(0)
    expect(JSON.parse(fromFile.stdout).totals.fineRecommended).toBe(13791.6)
  })

  it("penalty assess: invalid input exits 2, prints every problem with its path, nothing on stdout", async () => {
    const bad = await fundguard(["penalty", "assess"], {
      input: JSON.stringify({
        ...specCase,
        decisionDate: "2025-13-01",
        violations: [{ code: "A38-2-OVER_PRESCRIPTION", amount: "lots" }]
      })
    })
    expect(bad.code).toBe(2)
    expect(bad.stdout).toBe("")
    expect(bad.stderr).toContain("$.decisionDate")
    expect(bad.stderr).toContain("$.violations[0].amount")
    const notJson = await fundguard(["penalty", "assess"], { input: "{oops" })
    expect(notJson.code).toBe(2)
    expect(notJson.stdout).toBe("")
    expect(notJson.stderr).toContain("not valid JSON")
    const missing = await fundguard(["penalty", "assess", "--input", join(work, "nope.json")])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain("no such file")
  })

  it("db migrate creates the schema; seed loads the demo county", async () => {
    const url = `file:${join(work, "seeded.db")}`
    expect((await fundguard(["db", "migrate"], { databaseUrl: url })).code).toBe(0)
    const seeded = await fundguard(["seed"], { databaseUrl: url })
    expect(seeded.code).toBe(0)
    const database = openDatabase(url)
    try {
      expect((await database.db.user.findMany()).map((u) => u.role).sort()).toEqual([
        "admin",
        "department",
        "reviewer",
        "reviewer",
        "supervisor"
      ])
      const kinds = new Set((await database.db.institution.findMany()).map((i) => i.orgKind))
      expect([...kinds].sort()).toEqual([
        "clinic",
        "community_health_center",
        "pharmacy",
        "private_hospital",
        "public_hospital",
        "township_health_center",
        "village_clinic"
      ])
      expect(await database.db.suspicion.count()).toBeGreaterThan(0)
      // Enforcement: two leads of one institution confirmed for 立案, and a filed complaint case.
      const confirmed = await database.db.reviewOutcome.findMany({ include: { suspicion: true } })
      expect(confirmed.map((o) => o.disposition)).toEqual(["case", "case"])
      expect(new Set(confirmed.map((o) => o.suspicion.fixmedinsCode)).size).toBe(1)
      // The first case opened is the filed complaint case; the credit demo decides two more (信用与记分) and
      // the complaints demo opens one on a complaint (举报投诉).
      const cases = await database.db.enforcementCase.findMany({ orderBy: { createdAt: "asc" } })
      expect(cases[0]).toEqual(expect.objectContaining({ source: "complaint", status: "investigating" }))
      expect(cases[0]?.number).toMatch(/^奉医保立〔\d{4}〕1号$/)
      expect(cases.map((c) => c.status)).toEqual(["investigating", "decided", "decided", "proposed"])
      // Transfers: one to the health commission awaiting a supplement, one from it, one to the police.
      const transfers = await database.db.transfer.findMany({ orderBy: { createdAt: "asc" } })
      expect(transfers.map((t) => [t.direction, t.department])).toEqual([
        ["outgoing", "health_commission"],
        ["incoming", "health_commission"],
        ["outgoing", "police"]
      ])
    } finally {
      await database.close()
    }
  })

  it("seed never touches a database that has users: what people changed survives every start", async () => {
    const url = `file:${join(work, "reseeded.db")}`
    expect((await fundguard(["seed"], { databaseUrl: url })).code).toBe(0)
    const before = openDatabase(url)
    let snapshot: unknown
    try {
      // What users did after the first start: a password changed, the organisation edited, a lead reviewed.
      await before.db.user.update({ where: { username: "admin" }, data: { passwordHash: "scrypt$changed-by-user" } })
      await before.db.orgUnit.update({ where: { id: "CENTRE" }, data: { head: "新主任" } })
      snapshot = {
        users: await before.db.user.findMany({ orderBy: { username: "asc" } }),
        units: await before.db.orgUnit.findMany({ orderBy: { id: "asc" } }),
        runs: await before.db.screeningRun.count(),
        suspicions: await before.db.suspicion.findMany({ orderBy: { id: "asc" } }),
        tasks: await before.db.dutyTask.count()
      }
    } finally {
      await before.close()
    }
    const again = await fundguard(["seed"], { databaseUrl: url })
    expect(again.code).toBe(0)
    expect(again.stderr).toContain("already holds data")
    const after = openDatabase(url)
    try {
      expect({
        users: await after.db.user.findMany({ orderBy: { username: "asc" } }),
        units: await after.db.orgUnit.findMany({ orderBy: { id: "asc" } }),
        runs: await after.db.screeningRun.count(),
        suspicions: await after.db.suspicion.findMany({ orderBy: { id: "asc" } }),
        tasks: await after.db.dutyTask.count()
      }).toEqual(snapshot)
    } finally {
      await after.close()
    }
  })

  it("screen writes the contract's JSONL, records the run, and a rerun files no duplicates", async () => {
    const url = `file:${join(work, "screen.db")}`
    const out = join(work, "out", "suspicions.jsonl")
    const first = await fundguard(["screen", "--extract", demoExtractDir, "--out", out], { databaseUrl: url })
    expect(first.code).toBe(0)
    const lines = readFileSync(out, "utf8").trim().split("\n")
    expect(lines.length).toBeGreaterThan(0)
    const decode = Schema.decodeUnknownSync(Schema.parseJson(Suspicion))
    const suspicions = lines.map((l) => decode(l))
    const codes = new Set(ruleLibrary.map((r) => r.code))
    expect(suspicions.every((s) => codes.has(s.rule))).toBe(true)
    const priceHits = suspicions.filter((s) => s.rule === "PRICE_OVER_CAP")
    expect(priceHits.length).toBe(11)
    expect(priceHits.every((s) => s.amount > 0)).toBe(true)
    // Progress on stderr: not a terminal here, so plain lines, one per rule as it finishes.
    expect(first.stderr).toMatch(/imported [\d,]+ rows in \d+ ms/)
    expect(first.stderr).toMatch(/\[ 1\/27\] AGE_RESTRICTED +\d+ suspicions/)
    expect(first.stderr).toMatch(/\[27\/27\] UNIFORM_TEST_PANEL/)
    expect(first.stderr).not.toContain("\x1b[")
    const again = await fundguard(["screen", "--extract", demoExtractDir, "--out", out], { databaseUrl: url })
    expect(again.code).toBe(0)
    expect(readFileSync(out, "utf8").trim().split("\n")).toEqual(lines)
    const database = openDatabase(url)
    try {
      expect(await database.db.suspicion.count()).toBe(lines.length)
      expect(await database.db.screeningRun.count({ where: { status: "succeeded" } })).toBe(2)
    } finally {
      await database.close()
    }
  })

  it("screen rejects bad parameters and broken extracts with exit 2 and names the problem", async () => {
    const url = `file:${join(work, "bad.db")}`
    const params = join(work, "params.json")
    writeFileSync(params, JSON.stringify({ PRICE_OVER_CAP: { tolerence: 1 } }))
    const badParams = await fundguard(
      ["screen", "--extract", demoExtractDir, "--out", join(work, "x.jsonl"), "--params", params],
      {
        databaseUrl: url
      }
    )
    expect(badParams.code).toBe(2)
    expect(badParams.stderr).toContain("PRICE_OVER_CAP.tolerence")
    const broken = join(work, "broken")
    cpSync(demoExtractDir, broken, { recursive: true })
    const fee = join(broken, "feedetail.csv")
    const rows = readFileSync(fee, "utf8")
      .split("\n")
      .map((r) => r.split(","))
    const pric = rows[0]!.indexOf("pric")
    rows[3]![pric] = "abc"
    writeFileSync(fee, rows.map((r) => r.join(",")).join("\n"))
    const badExtract = await fundguard(["screen", "--extract", broken, "--out", join(work, "y.jsonl")], {
      databaseUrl: url
    })
    expect(badExtract.code).toBe(2)
    expect(badExtract.stderr).toMatch(/feedetail\.csv.*line 4/)
    const badLimit = await fundguard(
      ["screen", "--extract", demoExtractDir, "--out", join(work, "z.jsonl"), "--memory-limit", "lots"],
      { databaseUrl: url }
    )
    expect([badLimit.code, badLimit.stderr]).toEqual([2, expect.stringContaining("--memory-limit lots")])
  })

  it("screen applies the extract's region parameters, as the worker does, unless --params is given", async () => {
    const url = `file:${join(work, "region.db")}`
    const run = await fundguard(["screen", "--extract", demoExtractDir, "--out", join(work, "region.jsonl")], {
      databaseUrl: url
    })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain("using the rule parameters of region 500235")
    const database = openDatabase(url)
    try {
      const recorded = await database.db.screeningRun.findFirstOrThrow({ orderBy: { startedAt: "desc" } })
      expect(Object.keys(recorded.params as object)).toContain("SUPPLY_DAYS_EXCEEDED")
    } finally {
      await database.close()
    }
  })

  it("screen records the run in PostgreSQL too", async () => {
    const server = process.env["FUNDGUARD_TEST_PG_URL"]
    if (server === undefined)
      throw new Error("FUNDGUARD_TEST_PG_URL is not set: run `pnpm test` from the repository root")
    const { createScratchDatabase } = await import("@fundguard/db/testing")
    const scratch = await createScratchDatabase("postgresql")
    try {
      // DuckDB within a memory limit of the operator's choosing.
      const result = await fundguard(
        ["screen", "--extract", demoExtractDir, "--out", join(work, "pg.jsonl"), "--memory-limit", "1GB"],
        { databaseUrl: scratch.url }
      )
      expect(result.code).toBe(0)
      expect(await scratch.db.suspicion.count()).toBe(
        readFileSync(join(work, "pg.jsonl"), "utf8").trim().split("\n").length
      )
    } finally {
      await scratch.dispose()
    }
  })
})
