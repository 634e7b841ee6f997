import { describe, expect, it } from "vitest"
import { allowedPages, hrefFor, navItems, parseHash, resolveRoute } from "../src/lib/router.js"

describe("parseHash", () => {
  it("reads the route from the hash", () => {
    expect(parseHash("#/login")).toBe("login")
    expect(parseHash("#/institutions")).toBe("institutions")
    expect(parseHash("#/suspicions")).toBe("suspicions")
    expect(parseHash("#/penalty")).toBe("penalty")
  })

  it("tolerates a missing slash, a trailing slash and a query", () => {
    expect(parseHash("#penalty")).toBe("penalty")
    expect(parseHash("#/penalty/")).toBe("penalty")
    expect(parseHash("#/suspicions?status=pending_first_review")).toBe("suspicions")
  })

  it("gives null for an empty or unknown hash", () => {
    expect(parseHash("")).toBeNull()
    expect(parseHash("#")).toBeNull()
    expect(parseHash("#/")).toBeNull()
    expect(parseHash("#/users")).toBeNull()
    expect(parseHash("#/penalty/extra")).toBeNull()
  })

  it("round-trips with hrefFor", () => {
    for (const item of navItems) expect(parseHash(hrefFor(item.route))).toBe(item.route)
  })
})

describe("navigation", () => {
  it("lists the three pages in Chinese", () => {
    expect(navItems.map((i) => i.label)).toEqual(["机构管理", "疑点管理", "处罚裁量"])
  })

  it("shows each role only the pages it may use", () => {
    expect(allowedPages("admin")).toEqual(["institutions", "suspicions", "penalty"])
    expect(allowedPages("reviewer")).toEqual(["institutions", "suspicions", "penalty"])
    expect(allowedPages("department")).toEqual(["institutions", "penalty"])
  })
})

describe("resolveRoute", () => {
  it("sends everyone without a session to the login page", () => {
    expect(resolveRoute("#/penalty", null)).toEqual({ route: "login", redirect: "#/login" })
    expect(resolveRoute("", null)).toEqual({ route: "login", redirect: "#/login" })
    expect(resolveRoute("#/login", null)).toEqual({ route: "login", redirect: null })
  })

  it("shows the requested page to a logged-in user", () => {
    expect(resolveRoute("#/penalty", "supervisor")).toEqual({ route: "penalty", redirect: null })
    expect(resolveRoute("#/suspicions", "admin")).toEqual({ route: "suspicions", redirect: null })
  })

  it("moves a logged-in user off the login page and unknown hashes to the first page", () => {
    expect(resolveRoute("#/login", "admin")).toEqual({ route: "institutions", redirect: "#/institutions" })
    expect(resolveRoute("", "admin")).toEqual({ route: "institutions", redirect: "#/institutions" })
    expect(resolveRoute("#/nowhere", "reviewer")).toEqual({ route: "institutions", redirect: "#/institutions" })
  })

  it("does not open a page the role may not use", () => {
    expect(resolveRoute("#/suspicions", "department")).toEqual({ route: "institutions", redirect: "#/institutions" })
  })

  it("canonicalises a sloppy but valid hash", () => {
    expect(resolveRoute("#penalty", "admin")).toEqual({ route: "penalty", redirect: "#/penalty" })
  })
})
