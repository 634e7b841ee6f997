import { describe, expect, it } from "vitest"
import {
  allowedPages,
  hashQuery,
  hrefFor,
  navItems,
  parseHash,
  parseLocation,
  resolveRoute
} from "../../src/shared/router.js"

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
    expect(parseHash("#/settings")).toBeNull()
    expect(parseHash("#/penalty/extra")).toBeNull()
  })

  it("round-trips with hrefFor", () => {
    for (const item of navItems) expect(parseHash(hrefFor(item.route))).toBe(item.route)
  })
})

describe("navigation", () => {
  it("lists the pages in Chinese", () => {
    expect(navItems.map((i) => i.label)).toEqual([
      "移送收件箱",
      "机构管理",
      "疑点管理",
      "筛查批次",
      "处罚裁量",
      "案件办理",
      "整改与协议处理",
      "检查清单",
      "监督检查",
      "抽样推算",
      "信用与记分",
      "举报投诉",
      "部门移送",
      "事前提醒",
      "今日待办",
      "职责日历",
      "检查覆盖率",
      "考核排名",
      "职责清单",
      "组织机构",
      "用户管理",
      "审计日志",
      "接口账户"
    ])
  })

  it("shows each role only the pages it may use", () => {
    const responsibilities = ["today", "calendar", "coverage", "ranking", "duties", "organisation"]
    const enforcement = [
      "cases",
      "followup",
      "checklists",
      "inspections",
      "samples",
      "credit",
      "complaints",
      "transfers",
      "precheck"
    ]
    expect(allowedPages("admin")).toEqual([
      "institutions",
      "suspicions",
      "runs",
      "penalty",
      ...enforcement,
      ...responsibilities,
      "users",
      "audit",
      "departmentClients"
    ])
    expect(allowedPages("supervisor")).toEqual([
      "institutions",
      "suspicions",
      "runs",
      "penalty",
      ...enforcement,
      ...responsibilities
    ])
    expect(allowedPages("reviewer")).toEqual([
      "institutions",
      "suspicions",
      "runs",
      "penalty",
      ...enforcement,
      ...responsibilities
    ])
    // Other departments (卫健委 …) see neither the bureau's institutions register nor its duties: their
    // inbox of transfers first, and the penalty calculator.
    expect(allowedPages("department")).toEqual(["inbox", "penalty"])
    // An institution's system calls the pre-settlement check with its key; it has no page.
    expect(allowedPages("institution")).toEqual([])
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
    expect(resolveRoute("#/suspicions", "department")).toEqual({ route: "inbox", redirect: "#/inbox" })
    expect(resolveRoute("#/users", "supervisor")).toEqual({ route: "institutions", redirect: "#/institutions" })
    expect(resolveRoute("#/audit", "reviewer")).toEqual({ route: "institutions", redirect: "#/institutions" })
  })

  it("canonicalises a sloppy but valid hash", () => {
    expect(resolveRoute("#penalty", "admin")).toEqual({ route: "penalty", redirect: "#/penalty" })
  })
})

describe("routes with a parameter", () => {
  it("reads and writes `#/suspicions/<id>`", () => {
    expect(parseLocation("#/suspicions/3f2a-9c")).toEqual({ route: "suspicion", param: "3f2a-9c" })
    expect(parseLocation("#/suspicions")).toEqual({ route: "suspicions", param: null })
    expect(hrefFor("suspicion", "3f2a-9c")).toBe("#/suspicions/3f2a-9c")
    expect(parseLocation("#/suspicions/a/b")).toBeNull()
    expect(parseLocation("#/suspicion")).toBeNull()
    expect(parseLocation("#/suspicions/<script>")).toBeNull()
    expect(parseLocation("#/penalty/extra")).toBeNull()
  })

  it("opens the detail page for roles that may read suspicions, and no one else", () => {
    expect(resolveRoute("#/suspicions/abc", "reviewer")).toEqual({ route: "suspicion", param: "abc", redirect: null })
    expect(resolveRoute("#suspicions/abc/", "admin")).toEqual({
      route: "suspicion",
      param: "abc",
      redirect: "#/suspicions/abc"
    })
    expect(resolveRoute("#/suspicions/abc", "department")).toEqual({
      route: "inbox",
      redirect: "#/inbox"
    })
    // A department opens its own transfers by the same kind of link; the bureau's ledger stays closed to it.
    expect(resolveRoute("#/inbox/abc", "department")).toEqual({ route: "inboxTransfer", param: "abc", redirect: null })
    expect(resolveRoute("#/transfers/abc", "department").route).toBe("inbox")
    expect(resolveRoute("#/suspicions/abc", null)).toEqual({ route: "login", redirect: "#/login" })
  })

  it("keeps the query of a canonical hash, for filters in links", () => {
    expect(resolveRoute("#/suspicions?runId=r1", "admin")).toEqual({ route: "suspicions", redirect: null })
    expect(hashQuery("#/suspicions?runId=r1&status=pending_first_review").get("runId")).toBe("r1")
    expect(hashQuery("#/suspicions").toString()).toBe("")
  })
})

describe("security pages", () => {
  it("opens 用户管理 and 审计日志 to administrators only", () => {
    expect(resolveRoute("#/users", "admin")).toEqual({ route: "users", redirect: null })
    expect(resolveRoute("#/audit", "admin")).toEqual({ route: "audit", redirect: null })
    expect(navItems.find((i) => i.route === "users")?.permission).toBe("users:manage")
    expect(navItems.find((i) => i.route === "audit")?.permission).toBe("audit:read")
  })

  it("opens 修改密码 to every signed-in user, outside the navigation", () => {
    for (const role of ["admin", "supervisor", "reviewer", "department"] as const)
      expect(resolveRoute("#/password", role)).toEqual({ route: "password", redirect: null })
    expect(navItems.some((i) => i.route === "password")).toBe(false)
    expect(resolveRoute("#/password", null)).toEqual({ route: "login", redirect: "#/login" })
  })

  it("keeps a user who must change the password on 修改密码, whatever the hash", () => {
    expect(resolveRoute("#/password", "admin", true)).toEqual({ route: "password", redirect: null })
    expect(resolveRoute("#/institutions", "reviewer", true)).toEqual({ route: "password", redirect: "#/password" })
    expect(resolveRoute("#/suspicions/abc", "admin", true)).toEqual({ route: "password", redirect: "#/password" })
    expect(resolveRoute("#/login", "department", true)).toEqual({ route: "password", redirect: "#/password" })
    expect(resolveRoute("", "supervisor", true)).toEqual({ route: "password", redirect: "#/password" })
    expect(resolveRoute("#password", "supervisor", true)).toEqual({ route: "password", redirect: "#/password" })
    // Without a session the login page comes first.
    expect(resolveRoute("#/password", null, true)).toEqual({ route: "login", redirect: "#/login" })
  })
})
