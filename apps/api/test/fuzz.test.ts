/**
 * Malformed bodies against every write route of the server's route table: deep nesting, huge and
 * 400-digit numbers, wrong types, long strings and lists, wrong content types, broken JSON, and each
 * field of each body replaced by something it must not hold. Every answer is a 4xx; a 400 names
 * the field (or `$` for the body as a whole); nothing is a 5xx, and nothing is written.
 */
import { createInstitutionClient, systemActor } from "@fundguard/db"
import { createScratchDatabase, type ScratchDatabase } from "@fundguard/db/testing"
import { demoExtractDir } from "@fundguard/screening"
import type { FastifyInstance } from "fastify"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApp, defaultBodyLimit } from "../src/app.js"
import { now, seedCounty, signInAll, type CountyFixture, type Username } from "./utils/county.js"

type Method = "POST" | "PUT" | "PATCH" | "DELETE"

/** One malformed request body. */
interface Attack {
  readonly name: string
  readonly body: string | Buffer
  readonly contentType: string
  /** Whether the problem is the body as a whole (path `$`) rather than one field. */
  readonly whole: boolean
  /** The field the attack replaced, which the answer must name. */
  readonly field?: string
}

const deep = (depth: number, open: string, close: string, inner = "1") =>
  open.repeat(depth) + inner + close.repeat(depth)
const json = "application/json"

/** Attacks on the body as a whole: the same for every route. */
const bodyAttacks = (limit: number): ReadonlyArray<Attack> => [
  { name: "broken JSON", body: '{"a":', contentType: json, whole: true },
  { name: "not JSON at all", body: "hello", contentType: json, whole: true },
  { name: "NaN literal", body: '{"a": NaN}', contentType: json, whole: true },
  { name: "empty body", body: "", contentType: json, whole: true },
  { name: "3,000 nested arrays", body: deep(3000, "[", "]"), contentType: json, whole: true },
  { name: "3,000 nested objects", body: deep(3000, '{"a":', "}"), contentType: json, whole: true },
  { name: "100,000 nested arrays", body: deep(100_000, "[", "]"), contentType: json, whole: true },
  { name: "a JSON string", body: '"text"', contentType: json, whole: true },
  { name: "a JSON number", body: "12345", contentType: json, whole: true },
  { name: "a JSON array", body: "[1,2,3]", contentType: json, whole: true },
  {
    name: "10,000 numbers",
    body: JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i)),
    contentType: json,
    whole: true
  },
  { name: "text/plain", body: "username=admin", contentType: "text/plain", whole: true },
  { name: "XML", body: "<a>1</a>", contentType: "application/xml", whole: true },
  { name: "form", body: "a=1&b=2", contentType: "application/x-www-form-urlencoded", whole: true },
  {
    name: "invalid UTF-8",
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    contentType: json,
    whole: false
  },
  { name: "__proto__ pollution", body: '{"__proto__": {"role": "admin"}}', contentType: json, whole: true },
  {
    name: "constructor pollution",
    body: '{"constructor": {"prototype": {"role": "admin"}}}',
    contentType: json,
    whole: true
  },
  { name: "unknown field with 1e999", body: '{"zzUnknown": 1e999}', contentType: json, whole: false },
  {
    name: "unknown field with 100,000 characters",
    body: JSON.stringify({ zzUnknown: "字".repeat(100_000) }),
    contentType: json,
    whole: false
  },
  {
    name: "a key of 10,000 characters",
    body: JSON.stringify({ ["k".repeat(10_000)]: 1 }),
    contentType: json,
    whole: false
  },
  {
    name: `over the body limit (${limit + 1} bytes)`,
    body: JSON.stringify({ a: "x".repeat(limit) }),
    contentType: json,
    whole: true
  }
]

/**
 * What each field of a body is replaced by, one at a time, and the JSON type of a replacement that a
 * field of that type might lawfully hold (then the answer need not name it): every other replacement
 * is out of bounds for any field and must be named.
 */
const fieldValues: ReadonlyArray<readonly [string, string, string | null]> = [
  ["a 400-digit number", "9".repeat(400), null],
  ["1e308", "1e308", null],
  ["-1e308", "-1e308", null],
  ["1e-400", "1e-400", "number"],
  ["null", "null", "null"],
  ["true", "true", "boolean"],
  ["an object", '{"x":1}', "object"],
  ["100,000 characters", JSON.stringify("长".repeat(100_000)), "long-text"],
  ["10,000 items", JSON.stringify(Array.from({ length: 10_000 }, () => "JSQ")), null],
  ["40 nested arrays", deep(40, "[", "]"), null]
]

/** The JSON types a field's schema admits (its type, or the types of its alternatives). */
const admits = (schema: Record<string, unknown> | undefined, type: string): boolean => {
  if (schema === undefined || Object.keys(schema).length === 0) return true
  // Only uploads (base64 files) may be that long.
  if (type === "long-text") return typeof schema["maxLength"] === "number" && schema["maxLength"] >= 100_000
  const own = schema["type"]
  if (own === type || (Array.isArray(own) && own.includes(type))) return true
  if (type === "number" && (own === "integer" || (Array.isArray(own) && own.includes("integer")))) return true
  const alternatives = [schema["anyOf"], schema["oneOf"]].flatMap((a) => (Array.isArray(a) ? a : []))
  return alternatives.some((a) => admits(a as Record<string, unknown>, type))
}

/** A value of a JSON Schema type, for the fields the attack does not touch. */
const sample = (schema: Record<string, unknown> | undefined): unknown => {
  const type = schema?.["type"]
  if (Array.isArray(schema?.["enum"])) return (schema["enum"] as Array<unknown>)[0]
  if (type === "string") return schema?.["format"] === "date" ? "2025-11-03" : "x"
  if (type === "integer" || type === "number") return 1
  if (type === "boolean") return true
  if (type === "array") return []
  if (type === "object") return {}
  return "x"
}

describe("malformed bodies on every write route", () => {
  let scratch: ScratchDatabase
  let evidenceDir: string
  let app: FastifyInstance
  let county: CountyFixture
  let tokens: Record<Username, string>
  /** The pre-settlement check is called with an institution's key, and answers in the national form. */
  let institutionKey = ""

  beforeAll(async () => {
    scratch = await createScratchDatabase("sqlite")
    evidenceDir = mkdtempSync(join(tmpdir(), "fundguard-evidence-"))
    county = await seedCounty(scratch.db, evidenceDir)
    // The fuzz is about input, not about throttling: sign-in attempts are not limited here.
    app = await buildApp({
      db: scratch.db,
      now,
      evidenceDir,
      loginThrottling: { maxFailures: 1_000_000, windowMinutes: 1, lockMinutes: 1, perAddressPerMinute: 1_000_000 },
      precheckReference: demoExtractDir
    })
    await app.ready()
    tokens = await signInAll(app)
    institutionKey = (
      await createInstitutionClient(scratch.db, { institutionCode: "H50023500001", name: "fuzz" }, systemActor("test"))
    ).key
  }, 240_000)
  afterAll(async () => {
    await app?.close()
    await scratch?.dispose()
    if (evidenceDir !== undefined) rmSync(evidenceDir, { recursive: true, force: true })
  })

  it("answers every malformed body with a 4xx that names what is wrong, never a 5xx, and writes nothing", async () => {
    const document = app.swagger() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> } }>
      >
    }
    const real: Readonly<Record<string, string>> = {
      id: county.leads.caotang,
      code: "kuizhou",
      areaCode: "kuizhou",
      year: "2025"
    }
    const writeRoutes = app.declaredRoutes.filter(
      (r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method) && r.url.startsWith("/api/")
    )
    const auditBefore = await scratch.db.auditEvent.count()
    const linesBefore = await scratch.db.precheckLine.count()
    const counts: Record<string, number> = {}
    for (const route of writeRoutes) {
      // Tasks are addressed by task ids, the rest of the `:id` routes by the lead or by nothing real.
      const url = route.url
        .replace(":id", route.url.startsWith("/api/v1/tasks") ? county.tasks["HC-CAOTANG"] : real["id"]!)
        .replace(
          ":code",
          route.url.includes("/placements/")
            ? "H50023500008"
            : route.url.includes("/duties/")
              ? "FJ-CENTRE-ANALYSIS-M"
              : real["code"]!
        )
        .replace(/:([A-Za-z]+)/g, (_, name: string) => real[name] ?? "ZZ-NONE")
      const openapiPath = route.url.replace(/:([A-Za-z]+)/g, "{$1}")
      const bodySchema = document.paths[openapiPath]?.[route.method.toLowerCase()]?.requestBody?.content?.[json]?.schema
      const properties = (bodySchema?.["properties"] ?? {}) as Record<string, Record<string, unknown>>
      const base = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, sample(v)]))
      const limit = route.url.includes("/completions") || route.url.endsWith("/import") ? null : defaultBodyLimit
      const attacks: Array<Attack> = bodyAttacks(limit ?? 1024).filter(
        (a) => limit !== null || !a.name.startsWith("over")
      )
      for (const [field, fieldSchema] of Object.entries(properties))
        for (const [what, value, lawfulAs] of fieldValues)
          attacks.push({
            name: `${field} = ${what}`,
            body: JSON.stringify(base).replace(
              new RegExp(`"${field}":(${JSON.stringify(base[field])?.replace(/[[\]{}.*+?^$()|\\]/g, "\\$&")})`),
              `"${field}":${value}`
            ),
            contentType: json,
            whole: false,
            ...(lawfulAs !== null && admits(fieldSchema, lawfulAs) ? {} : { field })
          })
      const national = route.url === "/api/v1/precheck"
      for (const attack of attacks) {
        const res = await app.inject({
          method: route.method as Method,
          url,
          headers: {
            authorization: `Bearer ${national ? institutionKey : tokens[route.url === "/api/auth/logout" ? "jihe" : "admin"]}`,
            "content-type": attack.contentType
          },
          payload: attack.body
        })
        const where = `${route.method} ${route.url} [${attack.name}] → ${res.statusCode} ${res.body.slice(0, 160)}`
        if (national) {
          // 3101–3103 answer in the national interface's form: infcode -1 and err_msg, never a 5xx.
          expect(res.statusCode < 500, where).toBe(true)
          const answer = res.json() as { infcode?: number; err_msg?: string }
          expect(answer.infcode, where).toBe(-1)
          expect(typeof answer.err_msg, where).toBe("string")
          expect(answer.err_msg ?? "", where).not.toMatch(/\bat .*\.(ts|js):\d+/)
          counts[`${route.method} ${route.url}`] = (counts[`${route.method} ${route.url}`] ?? 0) + 1
          continue
        }
        expect(res.statusCode >= 400 && res.statusCode < 500, where).toBe(true)
        const answer = res.json() as {
          code?: string
          detail?: string
          errors?: Array<{ path: string; message: string }>
        }
        expect(typeof answer.detail, where).toBe("string")
        expect(answer.detail ?? "", where).not.toMatch(/\bat .*\.(ts|js):\d+/)
        expect(res.headers["content-type"], where).toMatch(/^application\/problem\+json/)
        if (res.statusCode === 400) {
          expect(answer.errors?.length ?? 0, where).toBeGreaterThan(0)
          for (const p of answer.errors ?? []) expect(p.path, where).toMatch(/^\$/)
          // A replaced field is named (or the body as a whole, when its nesting gave it away first).
          if (attack.field !== undefined)
            expect(
              answer.errors?.some((p) => p.path === "$" || p.path.startsWith(`$.${attack.field}`)),
              where
            ).toBe(true)
        }
        counts[`${route.method} ${route.url}`] = (counts[`${route.method} ${route.url}`] ?? 0) + 1
      }
    }
    expect(Object.keys(counts).length).toBeGreaterThanOrEqual(25)
    for (const [route, n] of Object.entries(counts)) expect(n, route).toBeGreaterThanOrEqual(20)
    // Sign-in attempts are audited (a failed one is a fact worth keeping); nothing else was written.
    const written = await scratch.db.auditEvent.findMany({ skip: auditBefore, orderBy: { seq: "asc" } })
    expect(written.filter((e) => !e.action.startsWith("auth.")).map((e) => e.action)).toEqual([])
    await app.precheckRecordsWritten()
    expect(await scratch.db.precheckLine.count()).toBe(linesBefore)
  }, 300_000)
})
