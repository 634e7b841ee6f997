import { readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")

describe("migrations", () => {
  it("cover the current models (run `pnpm db:migration <name>` after changing prisma/shared/models.prisma)", () => {
    const current = readFileSync(join(root, "prisma/shared/models.prisma"), "utf8")
    const snapshot = readFileSync(join(root, "prisma/snapshot/models.prisma"), "utf8")
    expect(snapshot).toBe(current)
  })
})
