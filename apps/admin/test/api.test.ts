import { describe, expect, it } from "vitest"
import { ApiError, buildQuery, createApiClient, statusTitle } from "../src/lib/api.js"
import { reviewApi } from "../src/lib/reviewApi.js"
import { securityApi } from "../src/lib/securityApi.js"

interface Call {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
  readonly body: unknown
}

/** A fake `fetch` answering every call with the given status and JSON body, recording the calls. */
const fakeFetch = (status: number, body: unknown) => {
  const calls: Array<Call> = []
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method ?? "GET",
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined
    })
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" }
    })
  }) as typeof globalThis.fetch
  return { fetch, calls }
}

const client = (status: number, body: unknown, token: string | null = "tok") => {
  const fake = fakeFetch(status, body)
  let unauthorized = 0
  const api = createApiClient({ fetch: fake.fetch, getToken: () => token, onUnauthorized: () => unauthorized++ })
  return { api, calls: fake.calls, unauthorized: () => unauthorized }
}

const user = {
  id: "u1",
  username: "admin",
  displayName: "系统管理员甲",
  role: "admin",
  department: null,
  unitId: "BUREAU",
  mustChangePassword: false
}

describe("buildQuery", () => {
  it("leaves out empty values and encodes the rest", () => {
    expect(buildQuery({ q: "人民医院", orgKind: "", page: 1, pageSize: 50 })).toBe(
      "?q=%E4%BA%BA%E6%B0%91%E5%8C%BB%E9%99%A2&page=1&pageSize=50"
    )
    expect(buildQuery({ rule: undefined, status: null, minAmount: 0 })).toBe("?minAmount=0")
    expect(buildQuery({ q: "  " })).toBe("")
    expect(buildQuery({ minAmount: Number.NaN })).toBe("")
  })
})

describe("login", () => {
  it("posts the credentials without a token and returns the session", async () => {
    const { api, calls } = client(200, { token: "new", expiresAt: "2025-09-18T12:00:00Z", user })
    const session = await api.login("admin", "secret")
    expect(session).toEqual({ token: "new", expiresAt: "2025-09-18T12:00:00Z", user })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.url).toBe("/api/auth/login")
    expect(calls[0]?.method).toBe("POST")
    expect(calls[0]?.body).toEqual({ username: "admin", password: "secret" })
    expect(calls[0]?.headers["Authorization"]).toBeUndefined()
    expect(calls[0]?.headers["Content-Type"]).toBe("application/json")
  })

  it("reports wrong credentials without treating them as an expired session", async () => {
    const { api, unauthorized } = client(401, { error: "InvalidCredentials", message: "用户名或密码错误" })
    const error = await api.login("admin", "wrong").catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    expect((error as ApiError).title).toBe("用户名或密码错误")
    expect((error as ApiError).detail).toBeNull()
    expect(unauthorized()).toBe(0)
  })
})

describe("authenticated calls", () => {
  it("send the bearer token and the query", async () => {
    const { api, calls } = client(200, { items: [], total: 0 })
    await api.institutions({ q: "奉节", orgKind: "public_hospital", page: 2, pageSize: 50 })
    expect(calls[0]?.url).toBe("/api/v1/institutions?q=%E5%A5%89%E8%8A%82&orgKind=public_hospital&page=2&pageSize=50")
    expect(calls[0]?.headers["Authorization"]).toBe("Bearer tok")
    expect(calls[0]?.method).toBe("GET")
  })

  it("build the suspicion filters", async () => {
    const { api, calls } = client(200, { items: [], total: 0 })
    await api.suspicions({
      rule: "PRICE_OVER_CAP",
      institution: "",
      status: "pending_first_review",
      minAmount: 100,
      page: 1,
      pageSize: 50
    })
    expect(calls[0]?.url).toBe(
      "/api/v1/suspicions?rule=PRICE_OVER_CAP&status=pending_first_review&minAmount=100&page=1&pageSize=50"
    )
  })

  it("unwrap list envelopes", async () => {
    const run = { id: "r1", startedAt: "2025-09-18T02:00:00Z", status: "succeeded" }
    expect(await client(200, { items: [run] }).api.screeningRuns()).toEqual([run])
    expect(await client(200, { user }).api.me()).toEqual(user)
  })

  it("call onUnauthorized on 401", async () => {
    const { api, unauthorized } = client(401, { error: "Unauthorized", message: "token expired" })
    const error = (await api.institutions({ page: 1, pageSize: 50 }).catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(401)
    expect(error.title).toBe("登录已失效，请重新登录")
    expect(error.detail).toBe("token expired")
    expect(unauthorized()).toBe(1)
  })

  it("accept 204 on logout", async () => {
    const { api, calls } = client(204, undefined)
    await expect(api.logout()).resolves.toBeUndefined()
    expect(calls[0]?.url).toBe("/api/auth/logout")
    expect(calls[0]?.method).toBe("POST")
  })
})

describe("penalty assessment errors", () => {
  it("carry the problems of a 400", async () => {
    const problems = [{ path: "$.violations[0].amount", message: "Expected a non-negative number" }]
    const { api } = client(400, { error: "InvalidAssessmentInput", message: "invalid", problems })
    const error = (await api
      .assessPenalty({
        subject: { kind: "institution" },
        region: "500235",
        decisionDate: "2025-09-18",
        violations: [{ code: "A38-2-OVER_PRESCRIPTION", amount: -1 }]
      })
      .catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(400)
    expect(error.tag).toBe("InvalidAssessmentInput")
    expect(error.problems).toEqual(problems)
    expect(error.title).toBe("输入有误，请根据提示修改后重新计算")
  })
})

describe("transport failures", () => {
  it("turn a network error into status 0", async () => {
    const api = createApiClient({
      fetch: (async () => {
        throw new TypeError("Failed to fetch")
      }) as typeof fetch,
      getToken: () => null,
      onUnauthorized: () => undefined
    })
    const error = (await api.violations().catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
    expect(error.title).toBe("无法连接服务器，请检查网络后重试")
  })

  it("survive a non-JSON error page", async () => {
    const api = createApiClient({
      fetch: (async () => new Response("<html>Bad Gateway</html>", { status: 502 })) as typeof fetch,
      getToken: () => "tok",
      onUnauthorized: () => undefined
    })
    const error = (await api.violations().catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(502)
    expect(error.title).toBe(statusTitle(502))
    expect(error.title).toContain("服务器错误")
  })

  it("has a Chinese title for every status class", () => {
    expect(statusTitle(403)).toBe("当前账号无权执行此操作")
    expect(statusTitle(404)).toBe("请求的资源不存在")
    expect(statusTitle(418)).toBe("请求失败（HTTP 418）")
  })
})

describe("security calls", () => {
  it("change one's own password (204)", async () => {
    const { api, calls } = client(204, undefined)
    await expect(
      securityApi(api).changeOwnPassword({ currentPassword: "Fg-old", newPassword: "New-pass-2025" })
    ).resolves.toBeNull()
    expect(calls[0]).toMatchObject({
      url: "/api/auth/password",
      method: "POST",
      body: { currentPassword: "Fg-old", newPassword: "New-pass-2025" }
    })
  })

  it("create, change (PATCH), reset and sign out accounts at their paths", async () => {
    const { api, calls } = client(200, { user, initialPassword: "Fg-xyz", revoked: 2, items: [user] })
    const security = securityApi(api)
    expect(await security.users()).toEqual([user])
    await security.createUser({ username: "lisi", displayName: "李四", role: "reviewer", unitId: "BUREAU" })
    expect(await security.updateUser("u/1", { active: false })).toEqual(user)
    expect(await security.resetPassword("u1")).toBe("Fg-xyz")
    expect(await security.revokeSessions("u1")).toBe(2)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET /api/v1/users",
      "POST /api/v1/users",
      "PATCH /api/v1/users/u%2F1",
      "POST /api/v1/users/u1/password-reset",
      "POST /api/v1/users/u1/revoke-sessions"
    ])
    expect(calls[2]?.body).toEqual({ active: false })
    expect(calls[3]?.body).toEqual({})
    expect(calls[4]?.body).toBeUndefined()
  })

  it("search, export and verify the audit log", async () => {
    const { api, calls } = client(200, { total: 0, items: [], ok: true })
    const security = securityApi(api)
    await security.audit({ action: "user.create" }, 2, 100)
    await security.verifyAudit()
    await security.exportAudit({ from: "2025-11-01" })
    expect(calls.map((c) => c.url)).toEqual([
      "/api/v1/audit?action=user.create&page=2&pageSize=100",
      "/api/v1/audit/verify",
      "/api/v1/audit/export?from=2025-11-01"
    ])
  })

  it("rerun a screening run, reporting a 409 with the server's message", async () => {
    const { api, calls } = client(409, { error: "RunNotRerunnable", message: "同一数据包已有批次在进行或排队（r2）" })
    const error = (await reviewApi(api)
      .rerun("r1")
      .catch((e: unknown) => e)) as ApiError
    expect(calls[0]).toMatchObject({ url: "/api/v1/screening/runs/r1/rerun", method: "POST" })
    expect(error.status).toBe(409)
    expect(error.title).toBe("无法重新筛查")
    expect(error.detail).toBe("同一数据包已有批次在进行或排队（r2）")
  })

  it("tell the app when the password must be changed first", async () => {
    let required = 0
    const fake = fakeFetch(403, { error: "PasswordChangeRequired", message: "请先修改初始密码" })
    const api = createApiClient({
      fetch: fake.fetch,
      getToken: () => "tok",
      onUnauthorized: () => undefined,
      onPasswordChangeRequired: () => required++
    })
    const error = (await api.institutions({ page: 1, pageSize: 50 }).catch((e: unknown) => e)) as ApiError
    expect(error.tag).toBe("PasswordChangeRequired")
    expect(required).toBe(1)
    // Another 403 is only refused.
    const other = fakeFetch(403, { error: "Forbidden", message: "当前角色无权执行此操作" })
    const api2 = createApiClient({
      fetch: other.fetch,
      getToken: () => "tok",
      onUnauthorized: () => undefined,
      onPasswordChangeRequired: () => required++
    })
    await api2.violations().catch(() => undefined)
    expect(required).toBe(1)
  })
})
