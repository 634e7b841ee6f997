import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import * as Contracts from "../src/index.js"

const { Bounded, Endpoint: _Endpoint, ...contexts } = Contracts
const endpoints = Object.entries(contexts).flatMap(([context, module]) =>
  Object.entries(module as Record<string, unknown>)
    .filter(([, v]) => typeof v === "object" && v !== null && "path" in v && "method" in v && "access" in v)
    .map(([name, e]) => ({ name: `${context}.${name}`, endpoint: e as Contracts.Endpoint.AnyEndpoint }))
)

const decode = <A, I>(schema: Schema.Schema<A, I>, value: unknown) => Schema.decodeUnknownEither(schema)(value)

describe("bounded building blocks", () => {
  it("Text refuses what is too long or empty, counting characters, not bytes", () => {
    const name = Bounded.Text(5, { min: 1 })
    expect(Either.isRight(decode(name, "奉节县医院"))).toBe(true)
    expect(Either.isLeft(decode(name, "奉节县人民医"))).toBe(true)
    expect(Either.isLeft(decode(name, ""))).toBe(true)
  })

  it("Int and Bounded keep numbers finite, in range and whole where they count", () => {
    const count = Bounded.Int(0, 100)
    for (const bad of [101, -1, 1.5, Infinity, NaN, 1e308])
      expect(Either.isLeft(decode(count, bad)), String(bad)).toBe(true)
    expect(Either.isRight(decode(count, 100))).toBe(true)
    const share = Bounded.Bounded(0, 1)
    expect(Either.isLeft(decode(share, Infinity))).toBe(true)
    expect(Either.isRight(decode(share, 0.5))).toBe(true)
    expect(Either.isLeft(decode(Bounded.Revision, null))).toBe(true)
  })

  it("List refuses too many items; dates must exist", () => {
    const list = Bounded.List(Schema.String, 2)
    expect(Either.isLeft(decode(list, ["a", "b", "c"]))).toBe(true)
    expect(Either.isRight(decode(list, ["a", "b"]))).toBe(true)
    expect(Either.isLeft(decode(Bounded.DateText, "2025-02-30"))).toBe(true)
    expect(Either.isRight(decode(Bounded.DateText, "2024-02-29"))).toBe(true)
  })

  it("query numbers and flags arrive as text", () => {
    expect(decode(Bounded.Paging, { page: "2", pageSize: "50" })).toEqual(Either.right({ page: 2, pageSize: 50 }))
    expect(Either.isLeft(decode(Bounded.Paging, { pageSize: "501" }))).toBe(true)
    expect(Either.isLeft(decode(Bounded.Paging, { page: "1e3" }))).toBe(true)
    expect(decode(Bounded.BooleanFromQuery, "true")).toEqual(Either.right(true))
  })
})

describe("endpoints", () => {
  it("are many, each with a unique method and path and a declared access", () => {
    expect(endpoints.length).toBeGreaterThan(40)
    const keys = endpoints.map(({ endpoint }) => `${endpoint.method} ${endpoint.path}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const { name, endpoint } of endpoints) {
      expect("public" in endpoint.access || "permission" in endpoint.access, name).toBe(true)
      expect(endpoint.path.startsWith("/api/"), name).toBe(true)
      expect(endpoint.summary.length, name).toBeGreaterThan(5)
    }
  })

  it("each part of each endpoint has a JSON Schema for the OpenAPI document", () => {
    for (const { name, endpoint } of endpoints)
      for (const part of [
        endpoint.params,
        endpoint.query,
        endpoint.body,
        "schema" in endpoint.success ? endpoint.success.schema : undefined
      ])
        if (part !== undefined) expect(() => JSONSchema.make(part), name).not.toThrow()
  })

  it("names every path parameter in its params schema", () => {
    for (const { name, endpoint } of endpoints) {
      const names = [...endpoint.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1])
      const fields =
        endpoint.params === undefined ? [] : Object.keys((endpoint.params as unknown as { fields: object }).fields)
      expect(fields.sort(), name).toEqual(names.sort())
    }
  })
})
