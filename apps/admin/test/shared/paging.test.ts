import { describe, expect, it } from "vitest"
import { clampPage, clampPageSize, latestOnly } from "../../src/shared/paging.js"

describe("paging", () => {
  it("keeps page sizes within the API's limit", () => {
    expect(clampPageSize(50)).toBe(50)
    expect(clampPageSize(0)).toBe(50)
    expect(clampPageSize(Number.NaN)).toBe(50)
    expect(clampPageSize(1000)).toBe(200)
    expect(clampPageSize(20.7)).toBe(20)
  })

  it("never goes past the last page", () => {
    expect(clampPage(5, 120, 50)).toBe(3)
    expect(clampPage(2, 0, 50)).toBe(1)
    expect(clampPage(0, 120, 50)).toBe(1)
  })

  it("drops stale answers", () => {
    const requests = latestOnly()
    const first = requests.begin()
    const second = requests.begin()
    expect(requests.isCurrent(first)).toBe(false)
    expect(requests.isCurrent(second)).toBe(true)
  })
})
