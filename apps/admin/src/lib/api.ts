/**
 * The API client. Every call is a same-origin relative URL (`/api/...`) carrying the bearer token;
 * errors become `ApiError` with a Chinese title for the UI and the server's own message as detail.
 */
import type { RunStatus } from "@fundguard/contracts/Screening"
import type { HospitalLevel, OrgKind } from "@fundguard/domain/Institution"
import type { AssessmentInputJson, InputProblem } from "@fundguard/domain/PenaltyInput"
import type { AssessmentResult } from "@fundguard/domain/PenaltyResult"
import type { SuspicionStatus } from "@fundguard/domain/Suspicion"
import type { ViolationCode, ViolationTrack } from "@fundguard/domain/Violation"
import type { Session, SessionUser } from "./session.js"

// ---------------------------------------------------------------------------------------------
// Response shapes (the API contract)
// ---------------------------------------------------------------------------------------------

export interface InstitutionRow {
  readonly code: string
  readonly name: string
  readonly orgKind: OrgKind
  readonly hospitalLevel: HospitalLevel | null
  readonly admdvs: string
  readonly approvedBeds: number | null
  readonly supervisorCode: string | null
}

export interface SuspicionRow {
  readonly id: string
  readonly runId: string
  readonly rule: string
  readonly ruleVersion: number
  readonly level: string
  readonly fixmedinsCode: string
  readonly institutionName: string | null
  readonly psnNo: string | null
  readonly mdtrtId: string | null
  readonly feedetlSn: ReadonlyArray<string>
  readonly medListCodg: string | null
  readonly date: string | null
  readonly amount: number
  readonly violation: string | null
  readonly message: string
  readonly evidence: Readonly<Record<string, unknown>>
  readonly status: SuspicionStatus
  // Review workflow (docs/domain/review-workflow.md); optional for older API answers.
  readonly category?: "violation" | "data_quality"
  readonly setlId?: string | null
  readonly step?: string | null
  readonly dueDate?: string | null
  readonly overdue?: boolean
  readonly assigneeId?: string | null
  readonly assigneeName?: string | null
  readonly revision?: number
}

export interface Page<A> {
  readonly items: ReadonlyArray<A>
  readonly total: number
}

/** The suspicion list; `totalAmount` is used when the API provides it (sum over all pages). */
export interface SuspicionPage extends Page<SuspicionRow> {
  readonly totalAmount?: number
}

export interface ScreeningRun {
  readonly id: string
  readonly startedAt: string
  readonly finishedAt: string | null
  /** `queued` (a rerun waiting for the worker) … `interrupted` (its process died; see `error`). */
  readonly status: RunStatus
  readonly extract: string
  readonly periodFrom: string | null
  readonly periodTo: string | null
  readonly suspicionCount: number
  readonly ruleCounts: Readonly<Record<string, number>>
  // Runs page (筛查批次); optional for older API answers.
  readonly trigger?: string
  readonly durationMs?: number | null
  readonly newCount?: number
  readonly statusCounts?: Readonly<Record<string, number>>
  readonly rules?: ReadonlyArray<{
    readonly code: string
    readonly version: number
    readonly kind?: string
    readonly status: "ran" | "skipped"
    readonly reason?: string
    readonly count: number
    readonly durationMs: number
  }>
  readonly progress?: { readonly rule: string; readonly done: number; readonly total: number } | null
  readonly error?: string | null
  readonly heartbeatAt?: string | null
}

export interface ViolationListItem {
  readonly code: ViolationCode
  readonly article: number | null
  readonly clause: string
  readonly behaviour: string
  readonly track: ViolationTrack
}

export interface InstitutionQuery {
  readonly q?: string
  readonly orgKind?: OrgKind | ""
  readonly page: number
  readonly pageSize: number
}

export interface SuspicionQuery {
  readonly rule?: string
  readonly institution?: string
  readonly status?: SuspicionStatus | ""
  readonly minAmount?: number | null
  readonly maxAmount?: number | null
  readonly category?: "violation" | "data_quality" | ""
  readonly overdue?: boolean
  readonly assignee?: string
  readonly runId?: string
  readonly page: number
  readonly pageSize: number
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Chinese headlines for the error tags the API uses. */
const tagTitle: Readonly<Record<string, string>> = {
  InvalidCredentials: "用户名或密码错误",
  InvalidAssessmentInput: "输入有误，请根据提示修改后重新计算",
  Unauthenticated: "登录已失效，请重新登录",
  Forbidden: "当前账号无权执行此操作",
  NotFound: "请求的资源不存在",
  // Sign-in and passwords: the server's message (when to retry, what is wrong) is the detail.
  AccountLocked: "账户已暂时锁定",
  TooManyRequests: "请求过于频繁",
  PasswordCheckBusy: "服务器繁忙，请稍后再试",
  PasswordChangeRequired: "请先修改初始密码",
  WeakPassword: "密码不符合要求",
  WrongPassword: "当前密码不正确",
  UsernameTaken: "用户名已被使用",
  UserNotFound: "用户不存在",
  RunNotRerunnable: "无法重新筛查"
}

/** Chinese headlines by HTTP status, when the tag is unknown. */
export const statusTitle = (status: number): string => {
  if (status < 0) return "页面处理出错，请刷新后重试"
  if (status === 0) return "无法连接服务器，请检查网络后重试"
  if (status === 400) return "请求参数有误"
  if (status === 401) return "登录已失效，请重新登录"
  if (status === 403) return "当前账号无权执行此操作"
  if (status === 404) return "请求的资源不存在"
  if (status === 409) return "数据已被修改，请刷新后重试"
  if (status === 422) return "请求无法处理"
  if (status === 429) return "请求过于频繁，请稍后重试"
  if (status >= 500) return `服务器错误（HTTP ${status}），请稍后重试或联系系统管理员`
  return `请求失败（HTTP ${status}）`
}

export class ApiError extends Error {
  override readonly name = "ApiError"
  /** HTTP status; 0 when the server could not be reached, -1 for an error in the page itself. */
  readonly status: number
  /** The API's error tag (`InvalidAssessmentInput`, …), or `null`. */
  readonly tag: string | null
  /** A Chinese headline for the UI. */
  readonly title: string
  /** The server's own message, when it adds something to the title. */
  readonly detail: string | null
  readonly problems: ReadonlyArray<InputProblem>

  constructor(options: {
    status: number
    tag?: string | null
    message?: string | null
    problems?: ReadonlyArray<InputProblem>
  }) {
    const title = (options.tag ? tagTitle[options.tag] : undefined) ?? statusTitle(options.status)
    const detail = options.message && options.message !== title ? options.message : null
    super(detail === null ? title : `${title}：${detail}`)
    this.status = options.status
    this.tag = options.tag ?? null
    this.title = title
    this.detail = detail
    this.problems = options.problems ?? []
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null

const problemsOf = (value: unknown): ReadonlyArray<InputProblem> =>
  Array.isArray(value)
    ? value.filter(isRecord).map((p) => ({ path: String(p["path"] ?? "$"), message: String(p["message"] ?? "") }))
    : []

/** Builds the `ApiError` for a non-2xx response body (already parsed, or `null`). */
export const errorFromResponse = (status: number, body: unknown): ApiError =>
  isRecord(body)
    ? new ApiError({
        status,
        tag: typeof body["error"] === "string" ? body["error"] : null,
        message: typeof body["message"] === "string" ? body["message"] : null,
        problems: problemsOf(body["problems"])
      })
    : new ApiError({ status })

// ---------------------------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------------------------

type QueryValue = string | number | null | undefined

/** `?a=1&b=x` from the non-empty values, in key order as given; `""` when there are none. */
export const buildQuery = (params: Readonly<Record<string, QueryValue>>): string => {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue
    const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value.trim()
    if (text !== "") search.append(key, text)
  }
  const query = search.toString()
  return query === "" ? "" : `?${query}`
}

export interface ApiClientOptions {
  /** The `fetch` to use (the browser's, or a fake in tests). */
  readonly fetch: typeof fetch
  /** The current bearer token, or `null` when logged out. */
  readonly getToken: () => string | null
  /** Called when an authenticated call is answered 401 (token expired or revoked). */
  readonly onUnauthorized: () => void
  /** Called when a call is refused because the user must first change their password (403). */
  readonly onPasswordChangeRequired?: () => void
  /** Prefix for every path; `""` for same-origin. */
  readonly baseUrl?: string
}

export interface LoginResponse {
  readonly token: string
  readonly expiresAt: string
  readonly user: SessionUser
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE"

export interface ApiClient {
  login(username: string, password: string): Promise<Session>
  logout(): Promise<void>
  me(): Promise<SessionUser>
  institutions(query: InstitutionQuery): Promise<Page<InstitutionRow>>
  suspicions(query: SuspicionQuery): Promise<SuspicionPage>
  screeningRuns(): Promise<ReadonlyArray<ScreeningRun>>
  violations(): Promise<ReadonlyArray<ViolationListItem>>
  assessPenalty(input: AssessmentInputJson): Promise<AssessmentResult>
  /** Any JSON call, for feature modules with their own typed wrappers (`reviewApi.ts`). */
  call<A>(method: HttpMethod, path: string, body?: unknown): Promise<A>
  /** Downloads a file (e.g. an .xlsx export) as a Blob with the name the server gave it. */
  download(path: string): Promise<{ readonly blob: Blob; readonly filename: string | null }>
}

export const createApiClient = (options: ApiClientOptions): ApiClient => {
  const baseUrl = options.baseUrl ?? ""

  const request = async <A>(
    method: HttpMethod,
    path: string,
    body?: unknown,
    { authenticated = true }: { authenticated?: boolean } = {}
  ): Promise<A> => {
    const headers: Record<string, string> = { Accept: "application/json" }
    if (body !== undefined) headers["Content-Type"] = "application/json"
    const token = authenticated ? options.getToken() : null
    if (token !== null) headers["Authorization"] = `Bearer ${token}`
    let response: Response
    try {
      response = await options.fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: "same-origin"
      })
    } catch {
      throw new ApiError({ status: 0 })
    }
    const text = await response.text().catch(() => "")
    let parsed: unknown = null
    if (text !== "") {
      try {
        parsed = JSON.parse(text)
      } catch {
        parsed = null
      }
    }
    if (!response.ok) {
      const error = errorFromResponse(response.status, parsed)
      if (response.status === 401 && authenticated) options.onUnauthorized()
      if (response.status === 403 && error.tag === "PasswordChangeRequired") options.onPasswordChangeRequired?.()
      throw error
    }
    return parsed as A
  }

  return {
    login: async (username, password) => {
      const response = await request<LoginResponse>(
        "POST",
        "/api/auth/login",
        { username, password },
        { authenticated: false }
      )
      return { token: response.token, expiresAt: response.expiresAt, user: response.user }
    },
    logout: async () => {
      await request<unknown>("POST", "/api/auth/logout")
    },
    me: async () => (await request<{ user: SessionUser }>("GET", "/api/auth/me")).user,
    institutions: (query) =>
      request<Page<InstitutionRow>>(
        "GET",
        `/api/v1/institutions${buildQuery({
          q: query.q,
          orgKind: query.orgKind,
          page: query.page,
          pageSize: query.pageSize
        })}`
      ),
    suspicions: (query) =>
      request<SuspicionPage>(
        "GET",
        `/api/v1/suspicions${buildQuery({
          rule: query.rule,
          institution: query.institution,
          status: query.status,
          minAmount: query.minAmount,
          maxAmount: query.maxAmount,
          category: query.category,
          overdue: query.overdue === true ? "true" : undefined,
          assignee: query.assignee,
          runId: query.runId,
          page: query.page,
          pageSize: query.pageSize
        })}`
      ),
    screeningRuns: async () =>
      (await request<{ items: ReadonlyArray<ScreeningRun> }>("GET", "/api/v1/screening/runs")).items,
    violations: async () =>
      (await request<{ items: ReadonlyArray<ViolationListItem> }>("GET", "/api/v1/violations")).items,
    assessPenalty: (input) => request<AssessmentResult>("POST", "/api/v1/penalties/assess", input),
    call: (method, path, body) => request(method, path, body),
    download: async (path) => {
      const token = options.getToken()
      let response: Response
      try {
        response = await options.fetch(`${baseUrl}${path}`, {
          method: "GET",
          headers: token === null ? {} : { Authorization: `Bearer ${token}` },
          credentials: "same-origin"
        })
      } catch {
        throw new ApiError({ status: 0 })
      }
      if (!response.ok) {
        const text = await response.text().catch(() => "")
        let parsed: unknown = null
        try {
          parsed = JSON.parse(text)
        } catch {
          parsed = null
        }
        const error = errorFromResponse(response.status, parsed)
        if (response.status === 401) options.onUnauthorized()
        if (response.status === 403 && error.tag === "PasswordChangeRequired") options.onPasswordChangeRequired?.()
        throw error
      }
      const disposition = response.headers.get("content-disposition") ?? ""
      const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
      const plain = /filename="([^"]+)"/i.exec(disposition)
      const filename = star?.[1] !== undefined ? decodeURIComponent(star[1]) : (plain?.[1] ?? null)
      return { blob: await response.blob(), filename }
    }
  }
}
