/**
 * The department API checked against its published OpenAPI document (apps/api/openapi.json), as another
 * department's developer would use it: every operation tagged `department-api` is called with a
 * department's key; every request body the document gives as an example is sent as it stands (the step
 * examples with the transfer's real revision); every answer — success or problem — must match the schema
 * the document gives for its status. Nothing is taken from the server's own types.
 */
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { Ajv2020 } from "ajv/dist/2020.js"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp } from "../src/app.js"
import { seedCounty, signInAll, today, type Username } from "./utils/county.js"

interface Operation {
  readonly tags?: ReadonlyArray<string>
  readonly requestBody?: {
    readonly content: Record<string, { example?: unknown; examples?: Record<string, { value: unknown }> }>
  }
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema?: object }> }>
}

const document = JSON.parse(readFileSync(new URL("../openapi.json", import.meta.url), "utf8")) as {
  readonly paths: Record<string, Record<string, Operation>>
}

const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op }))
)
const departmentOps = operations.filter(
  (o) => o.op.tags?.includes("department-api") && o.path.startsWith("/api/v1/inbox")
)

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })

/** The schema the document gives for a status (exact, else its class: 4XX, 5XX). */
const responseSchema = (op: Operation, status: number): object | undefined => {
  const entry = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`]
  return entry?.content?.["application/json"]?.schema ?? entry?.content?.["application/problem+json"]?.schema
}

const examplesOf = (op: Operation): ReadonlyArray<unknown> => {
  const media = op.requestBody?.content["application/json"]
  if (media === undefined) return []
  if (media.examples !== undefined) return Object.values(media.examples).map((e) => e.value)
  return media.example === undefined ? [] : [media.example]
}

describe("the department API against its OpenAPI document (SQLite)", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let tokens: Record<Username, string>
  let key = ""
  let otherKey = ""
  const checked: Array<string> = []

  /** Calls an operation and checks the answer against the document; returns the parsed body. */
  const conforming = async (
    method: string,
    path: string,
    url: string,
    token: string,
    payload?: unknown
  ): Promise<{ status: number; body: unknown }> => {
    const op = document.paths[path]?.[method.toLowerCase()]
    expect(op, `${method} ${path} is documented`).toBeDefined()
    const res = await app.inject({
      method: method as "GET" | "POST",
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object })
    })
    const documented = Object.keys(op!.responses)
    expect(
      documented.includes(String(res.statusCode)) || documented.includes(`${String(res.statusCode)[0]}XX`),
      `${method} ${url} → ${res.statusCode} is a documented status`
    ).toBe(true)
    const type = String(res.headers["content-type"] ?? "")
    if (type.includes("json")) {
      const schema = responseSchema(op!, res.statusCode)
      expect(schema, `${method} ${path} documents a schema for ${res.statusCode}`).toBeDefined()
      const validate = ajv.compile(schema!)
      const body = res.json()
      expect(validate(body), `${method} ${url} → ${res.statusCode}: ${ajv.errorsText(validate.errors)}`).toBe(true)
      checked.push(`${method} ${path} ${res.statusCode}`)
      return { status: res.statusCode, body }
    }
    checked.push(`${method} ${path} ${res.statusCode}`)
    return { status: res.statusCode, body: res.rawPayload }
  }

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-department-contract-"))
    await seedCounty(scratch.db, evidenceDir)
    app = await buildApp({
      db: scratch.db,
      now: () => new Date(`${today}T02:00:00Z`),
      evidenceDir,
      sessionTtlMinutes: 60 * 24 * 400
    })
    await app.ready()
    tokens = await signInAll(app)
    const created = async (department: string) =>
      (
        await app.inject({
          method: "POST",
          url: "/api/v1/department-clients",
          headers: { authorization: `Bearer ${tokens.admin}` },
          payload: { department, name: department }
        })
      ).json().key as string
    key = await created("health_commission")
    otherKey = await created("police")
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("documents every department operation with examples for the bodies it takes", () => {
    expect(departmentOps.map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      "GET /api/v1/inbox/notices",
      "GET /api/v1/inbox/transfers",
      "GET /api/v1/inbox/transfers/{id}",
      "GET /api/v1/inbox/transfers/{id}/document",
      "POST /api/v1/inbox/transfers",
      "POST /api/v1/inbox/transfers/{id}/steps"
    ])
    for (const o of departmentOps.filter((x) => x.op.requestBody !== undefined))
      expect(examplesOf(o.op).length, `${o.method} ${o.path} has examples`).toBeGreaterThan(0)
  })

  it("answers every documented example as the document says, and another department's transfer as not found", async () => {
    // The bureau sends a transfer to the health commission with the documented draft example.
    const draftOp = document.paths["/api/v1/transfers"]!["post"]!
    const [draft] = examplesOf(draftOp) as ReadonlyArray<Record<string, unknown>>
    const { body: drafted } = await conforming("POST", "/api/v1/transfers", "/api/v1/transfers", tokens.jihe, {
      ...draft,
      caseId: undefined
    })
    const id = (drafted as { id: string }).id
    for (const [user, step] of [
      ["admin", { _tag: "approve" }],
      ["jihe", { _tag: "send" }]
    ] as const) {
      const { revision } = (
        await app.inject({
          method: "GET",
          url: `/api/v1/transfers/${id}`,
          headers: { authorization: `Bearer ${tokens[user]}` }
        })
      ).json()
      await conforming("POST", "/api/v1/transfers/{id}/steps", `/api/v1/transfers/${id}/steps`, tokens[user], {
        revision,
        step
      })
    }
    // The department: its inbox, the transfer, its documents, and each documented step example in order.
    const { body: inbox } = await conforming("GET", "/api/v1/inbox/transfers", "/api/v1/inbox/transfers", key)
    expect((inbox as { items: Array<{ id: string }> }).items.map((t) => t.id)).toContain(id)
    const stepOp = document.paths["/api/v1/inbox/transfers/{id}/steps"]!["post"]!
    for (const example of examplesOf(stepOp) as ReadonlyArray<{ revision: number; step: unknown }>) {
      const { body: current } = await conforming(
        "GET",
        "/api/v1/inbox/transfers/{id}",
        `/api/v1/inbox/transfers/${id}`,
        key
      )
      const revision = (current as { revision: number }).revision
      const { status } = await conforming(
        "POST",
        "/api/v1/inbox/transfers/{id}/steps",
        `/api/v1/inbox/transfers/${id}/steps`,
        key,
        { ...example, revision }
      )
      // The request for materials waits for the bureau's supplement before the result can be posted.
      if ((example.step as { _tag: string })._tag === "request_supplement") {
        expect(status).toBe(200)
        const { revision: r } = (
          await app.inject({
            method: "GET",
            url: `/api/v1/transfers/${id}`,
            headers: { authorization: `Bearer ${tokens.jihe}` }
          })
        ).json()
        await app.inject({
          method: "POST",
          url: `/api/v1/transfers/${id}/steps`,
          headers: { authorization: `Bearer ${tokens.jihe}` },
          payload: {
            revision: r,
            step: { _tag: "supplement", materials: [{ kind: "test_report", title: "检验报告", pages: 2 }] }
          }
        })
      } else expect(status).toBe(200)
    }
    for (const query of ["", "?kind=receipt&format=html"]) {
      const { status } = await conforming(
        "GET",
        "/api/v1/inbox/transfers/{id}/document",
        `/api/v1/inbox/transfers/${id}/document${query}`,
        key
      )
      expect(status).toBe(200)
    }
    // The documented example of a transfer to the bureau.
    const sendOp = document.paths["/api/v1/inbox/transfers"]!["post"]!
    for (const example of examplesOf(sendOp)) {
      const { status } = await conforming("POST", "/api/v1/inbox/transfers", "/api/v1/inbox/transfers", key, example)
      expect(status).toBe(201)
    }
    // Problems match the document too: bad input, and another department's transfer.
    const bad = await conforming("POST", "/api/v1/inbox/transfers", "/api/v1/inbox/transfers", key, { facts: 1 })
    expect(bad.status).toBe(400)
    for (const [method, path, url, payload] of [
      ["GET", "/api/v1/inbox/transfers/{id}", `/api/v1/inbox/transfers/${id}`, undefined],
      ["GET", "/api/v1/inbox/transfers/{id}/document", `/api/v1/inbox/transfers/${id}/document`, undefined],
      [
        "POST",
        "/api/v1/inbox/transfers/{id}/steps",
        `/api/v1/inbox/transfers/${id}/steps`,
        { revision: 0, step: { _tag: "receive", signedBy: "x" } }
      ]
    ] as const) {
      const { status, body } = await conforming(method, path, url, otherKey, payload)
      expect(status).toBe(404)
      expect(JSON.stringify(body)).not.toContain("卫生健康")
    }
    const { status: notices } = await conforming("GET", "/api/v1/inbox/notices", "/api/v1/inbox/notices", key)
    expect(notices).toBe(200)
    // Every department operation was exercised against the document.
    for (const o of departmentOps)
      expect(
        checked.some((c) => c.startsWith(`${o.method} ${o.path} `)),
        `${o.method} ${o.path}`
      ).toBe(true)
  })
})
