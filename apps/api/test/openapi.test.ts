import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { openApiFile, openApiText } from "../src/openapi.js"

describe("the committed OpenAPI document", () => {
  it("is current (run `pnpm openapi` after changing a route or a contract)", async () => {
    expect(readFileSync(openApiFile, "utf8")).toBe(await openApiText())
  })
})
