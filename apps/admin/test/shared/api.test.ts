import * as Audit from "@fundguard/contracts/Audit"
import * as Auth from "@fundguard/contracts/Auth"
import { endpoint, file, json, noContent } from "@fundguard/contracts/Endpoint"
import { problemDetails, problemTypes, type ProblemTag } from "@fundguard/contracts/Problem"
import * as Review from "@fundguard/contracts/Review"
import * as Screening from "@fundguard/contracts/Screening"
import * as Tasks from "@fundguard/contracts/Tasks"
import * as Users from "@fundguard/contracts/Users"
import type { AssessmentInputJson } from "@fundguard/domain/penalty"
import * as Schema from "effect/Schema"
import { describe, expect, it, vi } from "vitest"
import {
  ApiError,
  buildQuery,
  checkBody,
  contractMismatchTitle,
  createApiClient,
  errorFromProblem,
  statusTitle,
  urlOf
} from "../../src/shared/api.js"
import { auditCalls } from "../../src/features/audit/calls.js"
import { passwordCalls } from "../../src/features/password/calls.js"
import { runsCalls } from "../../src/features/runs/calls.js"
import { suspicionsCalls } from "../../src/features/suspicions/calls.js"
import { usersCalls } from "../../src/features/users/calls.js"

interface Call {
  readonly url: string
  readonly method: string
  readonly headers: Record<string, string>
  readonly body: unknown
}

/** An error answer's body as the API writes it (RFC 9457, `application/problem+json`). */
const problem = (tag: ProblemTag, detail: string, errors?: ReadonlyArray<{ path: string; message: string }>) =>
  problemDetails(tag, detail, errors)

/**
 * A fake `fetch` answering every call with the given status and JSON body (a problem for an error
 * status), recording the calls.
 */
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
      headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" }
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

/** The same user as administrators see an account (`Users.UserAccount`). */
const account = {
  ...user,
  active: true,
  createdAt: "2025-11-20T01:02:03.000Z",
  passwordChangedAt: null,
  openSessions: 1
}

/** A screening run as the contract has it (`Screening.ScreeningRun`). */
const screeningRun = {
  id: "r1",
  startedAt: "2025-09-18T02:00:00Z",
  finishedAt: "2025-09-18T02:00:12Z",
  durationMs: 12_000,
  status: "succeeded",
  trigger: "schedule",
  extract: "data/inbox/2025Q3",
  admdvs: null,
  periodFrom: "2025-07-01",
  periodTo: "2025-09-30",
  suspicionCount: 3,
  newCount: 3,
  statusCounts: { pending_first_review: 3 },
  ruleCounts: { PRICE_OVER_CAP: 3 },
  rules: [{ code: "PRICE_OVER_CAP", version: 1, status: "ran", count: 3, durationMs: 800 }],
  progress: null,
  heartbeatAt: null,
  partitions: [],
  error: null
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
    const { api, unauthorized } = client(401, problem("InvalidCredentials", "用户名或密码错误"))
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
    const { api, calls } = client(200, { items: [], total: 0, totalAmount: 0, nextCursor: null })
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
    const run = screeningRun
    expect(await client(200, { items: [run] }).api.screeningRuns()).toEqual([run])
    expect(await client(200, { user }).api.me()).toEqual(user)
  })

  it("call onUnauthorized on 401", async () => {
    const { api, unauthorized } = client(401, problem("Unauthenticated", "token expired"))
    const error = (await api.institutions({ page: 1, pageSize: 50 }).catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(401)
    // The contracts' title of the code (problemTypes.Unauthenticated).
    expect(error.title).toBe("未登录或登录已过期")
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
  const input = (amount: number): AssessmentInputJson => ({
    subject: { kind: "institution" },
    region: "500235",
    decisionDate: "2025-09-18",
    violations: [{ code: "A38-2-OVER_PRESCRIPTION", amount }]
  })

  it("carry the problems of a 400", async () => {
    const problems = [{ path: "$.violations[0].amount", message: "Expected a non-negative number" }]
    const { api } = client(400, problem("InvalidAssessmentInput", "invalid", problems))
    const error = (await api.assessPenalty(input(1)).catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(400)
    expect(error.code).toBe("InvalidAssessmentInput")
    expect(error.errors).toEqual(problems)
    // The contracts' title of the code (problemTypes.InvalidAssessmentInput).
    expect(error.title).toBe("案件信息有误")
  })

  it("name the problems the library finds before anything is sent, as the server would", async () => {
    const { api, calls } = client(200, {})
    const error = (await api.assessPenalty(input(-1)).catch((e: unknown) => e)) as ApiError
    expect(calls).toHaveLength(0)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(400)
    expect(error.code).toBe("InvalidAssessmentInput")
    expect(error.errors).toEqual([{ path: "$.violations[0].amount", message: "金额不得为负" }])
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
      passwordCalls(api).changeOwnPassword({ currentPassword: "Fg-old", newPassword: "New-pass-2025" })
    ).resolves.toBeUndefined()
    expect(calls[0]).toMatchObject({
      url: "/api/auth/password",
      method: "POST",
      body: { currentPassword: "Fg-old", newPassword: "New-pass-2025" }
    })
  })

  it("create, change (PATCH), reset and sign out accounts at their paths", async () => {
    const { api, calls } = client(200, { user: account, initialPassword: "Fg-xyz", revoked: 2, items: [account] })
    const security = usersCalls(api)
    expect(await security.users()).toEqual([account])
    await security.createUser({ username: "lisi", displayName: "李四", role: "reviewer", unitId: "BUREAU" })
    expect(await security.updateUser("u1", { active: false })).toEqual(account)
    expect(await security.resetPassword("u1")).toBe("Fg-xyz")
    expect(await security.revokeSessions("u1")).toBe(2)
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET /api/v1/users",
      "POST /api/v1/users",
      "PATCH /api/v1/users/u1",
      "POST /api/v1/users/u1/password-reset",
      "POST /api/v1/users/u1/revoke-sessions"
    ])
    expect(calls[2]?.body).toEqual({ active: false })
    expect(calls[3]?.body).toEqual({})
    expect(calls[4]?.body).toBeUndefined()
  })

  it("refuse an id the contract does not allow before sending, at the server's path", async () => {
    const { api, calls } = client(200, { user: account })
    const error = (await usersCalls(api)
      .updateUser("u/1", { active: false })
      .catch((e: unknown) => e)) as ApiError
    expect(calls).toHaveLength(0)
    expect(error.status).toBe(400)
    expect(error.code).toBe("InvalidRequest")
    expect(error.errors.map((p) => p.path)).toEqual(["$.params.id"])
  })

  it("search, export and verify the audit log", async () => {
    const { api, calls } = client(200, { total: 0, items: [], ok: true, entries: 0, head: null, broken: null })
    const security = auditCalls(api)
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
    const { api, calls } = client(409, problem("RunNotRerunnable", "同一数据包已有批次在进行或排队（r2）"))
    const error = (await runsCalls(api)
      .rerun("r1")
      .catch((e: unknown) => e)) as ApiError
    expect(calls[0]).toMatchObject({ url: "/api/v1/screening/runs/r1/rerun", method: "POST" })
    expect(error.status).toBe(409)
    // The contracts' title of the code (problemTypes.RunNotRerunnable).
    expect(error.title).toBe("该批次不能重新筛查")
    expect(error.detail).toBe("同一数据包已有批次在进行或排队（r2）")
  })

  it("tell the app when the password must be changed first", async () => {
    let required = 0
    const fake = fakeFetch(403, problem("PasswordChangeRequired", "请先修改初始密码"))
    const api = createApiClient({
      fetch: fake.fetch,
      getToken: () => "tok",
      onUnauthorized: () => undefined,
      onPasswordChangeRequired: () => required++
    })
    const error = (await api.institutions({ page: 1, pageSize: 50 }).catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe("PasswordChangeRequired")
    expect(required).toBe(1)
    // Another 403 is only refused.
    const other = fakeFetch(403, problem("Forbidden", "当前角色无权执行此操作"))
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

/** An endpoint for the tests alone: a param that needs escaping, a query and a body with transformations. */
const probe = endpoint({
  method: "POST",
  path: "/api/test/probes/:id/runs",
  access: { permission: "suspicions:read" },
  tags: ["test"],
  summary: "A probe",
  params: Schema.Struct({ id: Schema.String }),
  query: Schema.Struct({
    page: Schema.optionalWith(Schema.NumberFromString, { exact: true }),
    overdue: Schema.optionalWith(Schema.BooleanFromString, { exact: true }),
    q: Schema.optionalWith(Schema.String, { exact: true })
  }),
  body: Schema.Struct({
    at: Schema.Date,
    amount: Schema.Number,
    note: Schema.optionalWith(Schema.String, { exact: true })
  }),
  success: json(Schema.Struct({ id: Schema.String, at: Schema.Date }), 201)
})

describe("the generic call", () => {
  it("builds the URL from the path, the params (escaped) and the query (encoded, empty values left out)", () => {
    expect(
      urlOf(probe, {
        params: { id: "a/b c" },
        query: { page: 2, overdue: true, q: "" },
        body: { at: new Date(0), amount: 1 }
      })
    ).toBe("/api/test/probes/a%2Fb%20c/runs?page=2&overdue=true")
    expect(urlOf(probe, { params: { id: "x" }, body: { at: new Date(0), amount: 1 } })).toBe("/api/test/probes/x/runs")
    expect(urlOf(Review.getSuspicion, { params: { id: "s-1" } })).toBe("/api/v1/suspicions/s-1")
    expect(urlOf(Tasks.dueTasks, { query: { on: "2026-11-20", unit: "SSO-KUIZHOU", includeSupervised: true } })).toBe(
      "/api/v1/tasks/due?on=2026-11-20&unit=SSO-KUIZHOU&includeSupervised=true"
    )
    expect(urlOf(Audit.searchAudit, { query: { actor: undefined, page: 3, pageSize: 100 } })).toBe(
      "/api/v1/audit?page=3&pageSize=100"
    )
  })

  it("sends the method, the token and the body encoded with the contract (undefined fields absent), and decodes the answer", async () => {
    const { api, calls } = client(201, { id: "p1", at: "2025-09-18T02:00:00.000Z", extra: "dropped" })
    const answer = await api.call(probe, {
      params: { id: "p1" },
      query: { page: 1 },
      body: { at: new Date("2025-09-18T02:00:00.000Z"), amount: 12.5, note: undefined }
    })
    expect(calls).toEqual([
      {
        url: "/api/test/probes/p1/runs?page=1",
        method: "POST",
        headers: {
          Accept: "application/json, application/problem+json",
          "Content-Type": "application/json",
          Authorization: "Bearer tok"
        },
        body: { at: "2025-09-18T02:00:00.000Z", amount: 12.5 }
      }
    ])
    // Decoded with the success schema: a Date, and nothing the contract does not name.
    expect(answer).toEqual({ id: "p1", at: new Date("2025-09-18T02:00:00.000Z") })
  })

  it("sends no body where the contract has none, `{}` where it has one, and a public endpoint without the token", async () => {
    const { api, calls } = client(204, undefined)
    await api.call(Auth.logout)
    expect(calls[0]?.body).toBeUndefined()
    expect(calls[0]?.headers["Content-Type"]).toBeUndefined()
    expect(calls[0]?.headers["Authorization"]).toBe("Bearer tok")
    const report = { planned: 1, created: 1, recalculated: 0, provisional: 0 }
    const generate = client(200, report)
    expect(await generate.api.call(Tasks.generateTasks)).toEqual(report)
    expect(generate.calls[0]?.body).toEqual({})
    const login = client(200, { token: "t", expiresAt: "2025-09-18T12:00:00Z", user })
    await login.api.call(Auth.login, { body: { username: "admin", password: "x" } })
    expect(login.calls[0]?.headers["Authorization"]).toBeUndefined()
  })

  it("refuses a body or query that breaks the contract before sending, naming every problem at the server's path", async () => {
    const { api, calls } = client(201, {})
    const body = (await api
      .call(Users.createUser, { body: { username: "张 三", displayName: "", role: "reviewer", unitId: "BUREAU" } })
      .catch((e: unknown) => e)) as ApiError
    expect(body).toBeInstanceOf(ApiError)
    expect(body.status).toBe(400)
    expect(body.code).toBe("InvalidRequest")
    expect(body.title).toBe(problemTypes.InvalidRequest.title)
    expect(body.errors.map((p) => p.path)).toEqual(["$.username", "$.displayName"])
    expect(body.detail).toContain("请求内容有误：$.username")
    const query = (await api
      .suspicions({ institution: "H".repeat(21), page: 1, pageSize: 50 })
      .catch((e: unknown) => e)) as ApiError
    expect(query.errors.map((p) => p.path)).toEqual(["$.query.institution"])
    expect(query.detail).toContain("查询参数有误")
    expect(calls).toHaveLength(0)
  })

  it("checks a body built from a form like the server, typed as the contract's", () => {
    const ok = checkBody(Review.takeStep, {
      action: "record_response",
      revision: 3,
      response: { kind: "accepted", statement: "", receivedOn: "2025-10-10", documents: [] }
    })
    expect(ok).toMatchObject({ action: "record_response", revision: 3 })
    let refused: unknown
    try {
      checkBody(Review.takeStep, {
        action: "record_response",
        revision: 3,
        response: { kind: "accepted", statement: "", receivedOn: "2025-02-30" },
        typo: 1
      })
    } catch (e) {
      refused = e
    }
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).errors.map((p) => p.path).sort()).toEqual(["$.response.receivedOn", "$.typo"])
  })

  it("turns an answer that does not fit the contract into an ApiError naming the first path (and logs it)", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined)
    const { api } = client(200, { items: [{ ...screeningRun, startedAt: undefined }] })
    const error = (await api.call(Screening.listRuns).catch((e: unknown) => e)) as ApiError
    expect(error).toBeInstanceOf(ApiError)
    expect(error.title).toBe(contractMismatchTitle)
    expect(error.title).toBe("服务器返回的数据与接口约定不符")
    expect(error.detail).toBe("$.items[0].startedAt：缺少此项（必填）")
    expect(error.errors).toEqual([])

    const notJson = createApiClient({
      fetch: (async () => new Response("<html>ok</html>", { status: 200 })) as typeof fetch,
      getToken: () => "tok",
      onUnauthorized: () => undefined
    })
    const page = (await notJson.call(Screening.listRuns).catch((e: unknown) => e)) as ApiError
    expect(page.title).toBe(contractMismatchTitle)
    expect(logged.mock.calls.map((c) => String(c[0]))).toEqual([
      "GET /api/v1/screening/runs：服务器返回的数据与接口约定不符（$.items[0].startedAt：缺少此项（必填））",
      "GET /api/v1/screening/runs：服务器返回的数据与接口约定不符（返回内容不是有效的 JSON）"
    ])
    logged.mockRestore()
  })

  it("turns a problem+json answer into an ApiError with the contract's title, the detail and the fields", async () => {
    const errors = [{ path: "$.proposal.deductionAmount", message: "金额不得为负" }]
    const { api } = client(409, problem("StaleRevision", "疑点已在 14:02 被李四处理（第 5 版）", errors))
    const error = (await suspicionsCalls(api)
      .assign("s1", 4, "u2")
      .catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(409)
    expect(error.code).toBe("StaleRevision")
    expect(error.title).toBe(problemTypes.StaleRevision.title)
    expect(error.detail).toBe("疑点已在 14:02 被李四处理（第 5 版）")
    expect(error.errors).toEqual(errors)
    expect(error.message).toBe(`${problemTypes.StaleRevision.title}：疑点已在 14:02 被李四处理（第 5 版）`)
  })

  it("reads any problem body: an unknown code keeps the server's title; anything else gets one by status", () => {
    const unknown = errorFromProblem(418, {
      type: "urn:fundguard:problem:teapot",
      title: "我是茶壶",
      status: 418,
      detail: "我是茶壶",
      code: "Teapot"
    })
    expect([unknown.code, unknown.title, unknown.detail]).toEqual(["Teapot", "我是茶壶", null])
    const old = errorFromProblem(409, { error: "StaleRevision", message: "旧格式" })
    expect([old.code, old.title, old.detail]).toEqual([null, statusTitle(409), null])
    expect(errorFromProblem(502, null).title).toBe(statusTitle(502))
  })

  it("returns undefined for 204, and refuses to call a file endpoint (those are downloads)", async () => {
    const { api } = client(204, undefined)
    await expect(api.call(Auth.changePassword, { body: { currentPassword: "a", newPassword: "b" } })).resolves.toBe(
      undefined
    )
    const files = endpoint({
      method: "GET",
      path: "/api/test/file",
      access: { permission: "suspicions:read" },
      tags: [],
      summary: "",
      success: file("text/plain")
    })
    await expect(api.call(files)).rejects.toThrow(/download/)
    const none = endpoint({
      method: "GET",
      path: "/x",
      access: { public: true },
      tags: [],
      summary: "",
      success: noContent
    })
    await expect(api.call(none)).resolves.toBeUndefined()
  })

  it("downloads a file endpoint with its query, named as the server says, and reports its problems", async () => {
    const calls: Array<string> = []
    const api = createApiClient({
      fetch: (async (input: RequestInfo | URL) => {
        calls.push(String(input))
        return new Response("xlsx", {
          status: 200,
          headers: { "Content-Disposition": "attachment; filename*=UTF-8''%E7%96%91%E7%82%B9.xlsx" }
        })
      }) as typeof fetch,
      getToken: () => "tok",
      onUnauthorized: () => undefined
    })
    const { blob, filename } = await suspicionsCalls(api).exportXlsx({
      rule: "PRICE_OVER_CAP",
      overdue: true,
      status: ""
    })
    expect(calls).toEqual(["/api/v1/suspicions/export?rule=PRICE_OVER_CAP&overdue=true"])
    expect(filename).toBe("疑点.xlsx")
    expect(await blob.text()).toBe("xlsx")
    const { api: refusing } = client(400, problem("TooManyRows", "符合条件的疑点有 60000 条"))
    const error = (await suspicionsCalls(refusing)
      .exportXlsx({})
      .catch((e: unknown) => e)) as ApiError
    expect([error.status, error.code, error.title]).toEqual([400, "TooManyRows", problemTypes.TooManyRows.title])
  })
})
