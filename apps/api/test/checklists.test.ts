/**
 * Checklists as data the bureau edits (inject, SQLite): a new version for pharmacies saved
 * without code, refused with a past effective date or a repeated item code (each named), listed
 * beside the defaults, and used by the next draw's inspections.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { now, seedCounty, signInAll, today, type Username } from "./utils/county.js"

describe("checklists over HTTP (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let tokens: Record<Username, string>
  const call = (method: "GET" | "POST" | "PUT", url: string, user: Username, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[user]}` },
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> })
    })

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-checklists-api-"))
    await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({ db: scratch.db, now, evidenceDir })
    await app.ready()
    tokens = await signInAll(app)
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("saves a bureau's version, refuses a bad one naming the field, and the next draw uses it", async () => {
    const defaults = (await call("GET", "/api/v1/checklists", "shenhe")).json().items
    const village = defaults.find((c: { orgKinds: Array<string> }) => c.orgKinds.includes("pharmacy"))
    expect(village).toMatchObject({ version: 1, bureau: false })
    const draft = {
      code: village.code,
      title: `${village.title}（本局修订）`,
      orgKinds: village.orgKinds,
      effectiveFrom: today,
      items: [
        ...village.items,
        { code: "PH-DISPLAY", text: "医保政策宣传栏、投诉举报电话公示", violations: [], source: "本局2025年检查方案" }
      ]
    }
    const past = await call("PUT", `/api/v1/checklists/${village.code}`, "jihe", {
      ...draft,
      effectiveFrom: "2025-01-01"
    })
    expect(past.statusCode).toBe(400)
    expect(past.json().errors).toEqual([{ path: "$.effectiveFrom", message: expect.stringContaining("不能早于今天") }])
    const repeated = await call("PUT", `/api/v1/checklists/${village.code}`, "jihe", {
      ...draft,
      items: [...draft.items, draft.items[0]]
    })
    expect(repeated.json().errors[0].path).toBe(`$.items[${draft.items.length}].code`)
    expect((await call("PUT", `/api/v1/checklists/${village.code}`, "shenhe", draft)).statusCode).toBe(403)
    const saved = await call("PUT", `/api/v1/checklists/${village.code}`, "jihe", draft)
    expect(saved.statusCode, saved.body).toBe(200)
    expect(saved.json()).toEqual({ code: village.code, version: 2 })
    const listed = (await call("GET", "/api/v1/checklists", "shenhe")).json().items
    expect(
      listed.find((c: { code: string; version: number }) => c.code === village.code && c.version === 2)
    ).toMatchObject({ bureau: true })

    const plan = await call("POST", "/api/v1/inspection-plans", "jihe", {
      kind: "routine",
      title: "零售药店检查",
      periodFrom: today,
      periodTo: today
    })
    expect(plan.statusCode, plan.body).toBe(201)
    const draw = await call("POST", `/api/v1/inspection-plans/${plan.json().id}/draws`, "jihe", {
      method: "random",
      seed: "checklist-test",
      strata: [{ name: "零售药店", orgKinds: ["pharmacy"], share: 1 }],
      excludeDays: 0,
      plannedOn: today
    })
    expect(draw.statusCode, draw.body).toBe(201)
    const inspection = (await call("GET", `/api/v1/inspections/${draw.json().targets[0].inspectionId}`, "admin")).json()
    expect(inspection.checklist).toMatchObject({ code: village.code, version: 2 })
    expect(inspection.checklist.items.map((i: { code: string }) => i.code)).toContain("PH-DISPLAY")
  })
})
