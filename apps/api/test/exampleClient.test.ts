/**
 * The example client in docs/examples (a health commission's system) run as a separate process against a
 * listening server: it signs the receipt and asks for the missing test report; once the bureau has
 * supplemented it, it posts the result. The example in the documentation is the one that works.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance } from "fastify"
import { execFile } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { promisify } from "node:util"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { seedCounty, signInAll, today, type CountyFixture, type Username } from "./utils/county.js"

const script = fileURLToPath(new URL("../../../docs/examples/health-commission-client.mjs", import.meta.url))

describe("the documented health-commission client", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let county: CountyFixture
  let tokens: Record<Username, string>
  let url = ""

  const bureau = async (user: Username, method: "GET" | "POST", path: string, payload?: object) =>
    (
      await app.inject({
        method,
        url: path,
        headers: { authorization: `Bearer ${tokens[user]}` },
        ...(payload === undefined ? {} : { payload })
      })
    ).json()
  const step = async (user: Username, id: string, body: object) => {
    const { revision } = await bureau(user, "GET", `/api/v1/transfers/${id}`)
    return bureau(user, "POST", `/api/v1/transfers/${id}/steps`, { revision, step: body })
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-example-client-"))
    county = await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({
      db: scratch.db,
      now: () => new Date(`${today}T02:00:00Z`),
      evidenceDir,
      sessionTtlMinutes: 60 * 24 * 400
    })
    url = await app.listen({ port: 0, host: "127.0.0.1" })
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("receives and answers a transfer", async () => {
    const { key } = await bureau("admin", "POST", "/api/v1/department-clients", {
      department: "health_commission",
      name: "县卫健委业务系统"
    })
    const id = county.transfers.caotang
    await scratch.db.transfer.update({
      where: { id },
      data: {
        materials: [
          { kind: "transfer_letter", title: "移送书", pages: 1 },
          { kind: "evidence", title: "证据", pages: 5 }
        ]
      }
    })
    await step("admin", id, { _tag: "approve" })
    await step("jihe", id, { _tag: "send" })
    const run = () =>
      promisify(execFile)(process.execPath, [script], {
        env: { ...process.env, FUNDGUARD_URL: url, FUNDGUARD_KEY: key }
      })
    const first = await run()
    expect(first.stdout).toMatch(/receive → received/)
    expect(first.stdout).toMatch(/request_supplement → awaiting_supplement/)
    await step("jihe", id, { _tag: "supplement", materials: [{ kind: "test_report", title: "鉴定结论", pages: 3 }] })
    const second = await run()
    expect(second.stdout).toMatch(/result → closed/)
    expect((await bureau("jihe", "GET", `/api/v1/transfers/${id}`)).status).toBe("closed")
    // Without a key it stops, naming what is missing.
    const missing = await promisify(execFile)(process.execPath, [script], { env: { PATH: process.env.PATH } }).catch(
      (error: { code: number; stderr: string }) => error
    )
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("FUNDGUARD_KEY") })
  })
})
