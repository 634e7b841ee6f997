import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..")
const models = (dir: string) =>
  Object.fromEntries(
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith(".prisma"))
      .sort()
      .map((f) => [f, readFileSync(join(root, dir, f), "utf8")])
  )

describe("migrations", () => {
  it("cover the current models (run `pnpm db:migration <name>` after changing prisma/shared/)", () => {
    expect(models("prisma/snapshot")).toEqual(models("prisma/shared"))
  })
})
