/**
 * The API client. Every call is one endpoint of `@fundguard/contracts`, so no path or shape is
 * written twice: `call(endpoint, { params, query, body })` builds the URL from the endpoint's path,
 * encodes params, query and body with its schemas (a request that breaks the contract is refused
 * before it is sent, with the problems the server would name, at the server's paths), sends its
 * method with the bearer token, and decodes the answer with its success schema. Every failure is an
 * `ApiError`: the RFC 9457 problem the server answered (`application/problem+json`), with the
 * Chinese title of the contracts' problem table; an answer that does not fit the contract is one too.
 */
import * as Auth from "@fundguard/contracts/Auth"
import type {
  AnyEndpoint,
  AnySchema,
  BodyOf,
  Endpoint,
  FieldProblem,
  ParamsOf,
  QueryOf,
  ResponseOf
} from "@fundguard/contracts/Endpoint"
import * as Institutions from "@fundguard/contracts/Institutions"
import * as Penalties from "@fundguard/contracts/Penalties"
import { isProblemTag, ProblemDetails, problemTypes, type ProblemTag } from "@fundguard/contracts/Problem"
import * as Review from "@fundguard/contracts/Review"
import * as Screening from "@fundguard/contracts/Screening"
import type { AssessmentInputJson } from "@fundguard/domain/penalty"
import { problemsOf } from "@fundguard/domain/kernel"
import * as Either from "effect/Either"
import type { ParseError } from "effect/ParseResult"
import * as Schema from "effect/Schema"

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Chinese headlines by HTTP status, for answers that are not a problem of the contracts' table. */
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

/** The title of an answer that does not fit the endpoint's contract. */
export const contractMismatchTitle = "服务器返回的数据与接口约定不符"

export class ApiError extends Error {
  override readonly name = "ApiError"
  /**
   * HTTP status; 0 when the server could not be reached, -1 for an error in the page itself. A
   * request refused before sending has the status the server gives its problem (400).
   */
  readonly status: number
  /** The problem's `code`: its tag in the contracts' table (`StaleRevision`, `InvalidRequest` …), or `null`. */
  readonly code: string | null
  /** A Chinese headline for the UI: the contracts' title of the code, else the server's, else by status. */
  readonly title: string
  /** The problem's `detail`, when it adds something to the title. */
  readonly detail: string | null
  /** The fields at fault, by JSON path (`$.proposal.deductionAmount`, `$.query.from`). */
  readonly errors: ReadonlyArray<FieldProblem>

  constructor(options: {
    readonly status: number
    readonly code?: string | null
    readonly title?: string | null
    readonly detail?: string | null
    readonly errors?: ReadonlyArray<FieldProblem>
  }) {
    const code = options.code ?? null
    const title = isProblemTag(code)
      ? problemTypes[code].title
      : options.title !== undefined && options.title !== null && options.title.trim() !== ""
        ? options.title
        : statusTitle(options.status)
    const detail = options.detail && options.detail !== title ? options.detail : null
    super(detail === null ? title : `${title}：${detail}`)
    this.status = options.status
    this.code = code
    this.title = title
    this.detail = detail
    this.errors = options.errors ?? []
  }
}

/**
 * The `ApiError` of an error answer's body (already parsed, or `null`): an RFC 9457 problem as the
 * contracts define it, or else (a proxy's error page, an empty body) one from the status alone.
 */
export const errorFromProblem = (status: number, body: unknown): ApiError => {
  const problem = Schema.decodeUnknownEither(ProblemDetails)(body)
  if (Either.isLeft(problem)) return new ApiError({ status })
  const { code, title, detail, errors } = problem.right
  return new ApiError({ status, code, title, detail, ...(errors === undefined ? {} : { errors }) })
}

/** A problem of the contracts' table, found by the client itself (as the server would answer it). */
const localProblem = (code: ProblemTag, detail: string, errors: ReadonlyArray<FieldProblem> = []): ApiError =>
  new ApiError({ status: problemTypes[code].status, code, detail, errors })

type Part = "params" | "query" | "body"

/** Where the server roots the problems of each part of a request (`$.newPassword`, `$.query.from`). */
const partPrefix: Readonly<Record<Part, string>> = { body: "$", query: "$.query", params: "$.params" }
const partName: Readonly<Record<Part, string>> = { body: "请求内容", query: "查询参数", params: "路径参数" }

/** The refusal of a part that breaks the contract: every problem at the server's path, the first in the detail. */
const refusal = (part: Part, error: ParseError, code: ProblemTag = "InvalidRequest"): ApiError => {
  const prefix = partPrefix[part]
  const errors = problemsOf(error).map((p) => ({ path: `${prefix}${p.path.slice(1)}`, message: p.message }))
  const first = errors[0]
  return localProblem(
    code,
    `${partName[part]}有误：${first === undefined ? prefix : `${first.path} ${first.message}`}`.trim(),
    errors
  )
}

// ---------------------------------------------------------------------------------------------
// Requests
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

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> => {
  if (typeof value !== "object" || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** A value as JSON has it: keys whose value is `undefined` are absent (as `JSON.stringify` would send them). */
const withoutUndefined = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutUndefined)
    : isPlainObject(value)
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, withoutUndefined(v)])
        )
      : value

/** A part encoded with its schema (what goes on the wire), or the refusal that names every problem. */
const encodePart = (schema: AnySchema, value: unknown, part: Part): unknown => {
  const encoded = Schema.encodeUnknownEither(schema, { errors: "all" })(withoutUndefined(value))
  if (Either.isLeft(encoded)) throw refusal(part, encoded.left)
  return encoded.right
}

/** One part of a call: absent when the endpoint has none, optional when nothing in it is required. */
type Slot<K extends Part, T> = [T] extends [undefined]
  ? { readonly [P in K]?: undefined }
  : Partial<T> extends T
    ? { readonly [P in K]?: T }
    : { readonly [P in K]: T }

/**
 * What a call of an endpoint takes: its params (`{ id }`), query and body, as the contract types
 * them (decoded: numbers, booleans). Query values that are `undefined` or `""` mean "not filtered"
 * and are left out; body fields that are `undefined` are absent.
 */
export type Parts<E> = Slot<"params", ParamsOf<E>> & Slot<"query", QueryOf<E>> & Slot<"body", BodyOf<E>>

/** The parts as an argument: optional when nothing in them is required. */
export type PartsArgument<E> = Partial<Parts<E>> extends Parts<E> ? [parts?: Parts<E>] : [parts: Parts<E>]

interface LooseParts {
  readonly params?: unknown
  readonly query?: unknown
  readonly body?: unknown
}

/** The query's values that filter something (`undefined`, `null` and `""` do not). */
const queryValues = (query: unknown): Readonly<Record<string, unknown>> =>
  isPlainObject(query)
    ? Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ""))
    : {}

const urlFor = (endpoint: AnyEndpoint, parts: LooseParts): string => {
  const params = endpoint.params === undefined ? {} : encodePart(endpoint.params, parts.params ?? {}, "params")
  const path = endpoint.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = isPlainObject(params) ? params[name] : undefined
    if (typeof value !== "string" && typeof value !== "number")
      throw new Error(`${endpoint.method} ${endpoint.path}: no value for the path parameter ${name}`)
    return encodeURIComponent(String(value))
  })
  if (endpoint.query === undefined) return path
  const query = encodePart(endpoint.query, queryValues(parts.query), "query")
  return `${path}${buildQuery(isPlainObject(query) ? (query as Readonly<Record<string, QueryValue>>) : {})}`
}

/**
 * The URL of a call: the endpoint's path with its params encoded and escaped, and its query encoded
 * with the contract's schema (`page: 2` → `page=2`, `overdue: true` → `overdue=true`).
 */
export const urlOf = <E extends AnyEndpoint>(endpoint: E, ...[parts]: PartsArgument<E>): string =>
  urlFor(endpoint, parts ?? {})

/**
 * A body built from a form (JSON as typed in), checked against the endpoint's body schema like the
 * server checks it: the body as the contract types it, or an `ApiError` (400) naming every problem
 * at the server's path (`$.response.receivedOn`) — so the page shows it as it shows the server's.
 */
export const checkBody = <E extends AnyEndpoint>(
  endpoint: E,
  input: unknown,
  code: ProblemTag = "InvalidRequest"
): BodyOf<E> => {
  if (endpoint.body === undefined) throw new Error(`${endpoint.method} ${endpoint.path} takes no body`)
  const decoded = Schema.decodeUnknownEither(endpoint.body, { errors: "all", onExcessProperty: "error" })(
    withoutUndefined(input)
  )
  if (Either.isLeft(decoded)) throw refusal("body", decoded.left, code)
  return decoded.right
}

/**
 * The answer of a JSON endpoint, decoded with its success schema, or an `ApiError` naming the first
 * misfit. A misfit is a defect (server and UI built from different contracts): it is also logged.
 */
const decodeAnswer = <R>(endpoint: AnyEndpoint, schema: AnySchema<R>, status: number, text: string): R => {
  const refuse = (detail: string) => {
    console.error(`${endpoint.method} ${endpoint.path}：${contractMismatchTitle}（${detail}）`)
    return new ApiError({ status, title: contractMismatchTitle, detail })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw refuse("返回内容不是有效的 JSON")
  }
  const decoded = Schema.decodeUnknownEither(schema)(parsed)
  if (Either.isRight(decoded)) return decoded.right
  const first = problemsOf(decoded.left)[0]
  throw refuse(first === undefined ? "$" : `${first.path}：${first.message}`)
}

// ---------------------------------------------------------------------------------------------
// Client
// ---------------------------------------------------------------------------------------------

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

/** An endpoint that answers a file (`file(mediaType)` in its contract). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FileEndpoint = Endpoint<any, any, any, Uint8Array>

export interface ApiClient {
  /**
   * Calls a JSON (or no-content) endpoint of the contracts: the answer decoded with its success
   * schema (`undefined` for 204).
   */
  call<E extends AnyEndpoint>(endpoint: E, ...parts: PartsArgument<E>): Promise<ResponseOf<E>>
  /** Downloads a file endpoint's answer (an .xlsx export) as a Blob with the name the server gave it. */
  download<E extends FileEndpoint>(
    endpoint: E,
    ...parts: PartsArgument<E>
  ): Promise<{ readonly blob: Blob; readonly filename: string | null }>

  login(username: string, password: string): Promise<ResponseOf<typeof Auth.login>>
  logout(): Promise<void>
  me(): Promise<Auth.SessionUser>
  institutions(
    query: QueryOf<typeof Institutions.listInstitutions>
  ): Promise<ResponseOf<typeof Institutions.listInstitutions>>
  suspicions(query: QueryOf<typeof Review.listSuspicions>): Promise<ResponseOf<typeof Review.listSuspicions>>
  screeningRuns(): Promise<ReadonlyArray<Screening.ScreeningRun>>
  violations(): Promise<ResponseOf<typeof Penalties.listViolations>["items"]>
  /**
   * Assesses a case. The input (JSON from the form) is decoded first with the library's own schema,
   * as the server decodes it: its problems come back the same way, without a round trip.
   */
  assessPenalty(input: AssessmentInputJson): Promise<ResponseOf<typeof Penalties.assess>>
}

export const createApiClient = (options: ApiClientOptions): ApiClient => {
  const baseUrl = options.baseUrl ?? ""

  /** Sends a request; an answer other than 2xx becomes the `ApiError` of its problem. */
  const send = async (endpoint: AnyEndpoint, url: string, body: unknown, accept: string): Promise<Response> => {
    const authenticated = !("public" in endpoint.access)
    const headers: Record<string, string> = { Accept: accept }
    if (body !== undefined) headers["Content-Type"] = "application/json"
    const token = authenticated ? options.getToken() : null
    if (token !== null) headers["Authorization"] = `Bearer ${token}`
    let response: Response
    try {
      response = await options.fetch(`${baseUrl}${url}`, {
        method: endpoint.method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: "same-origin"
      })
    } catch {
      throw new ApiError({ status: 0 })
    }
    if (response.ok) return response
    const text = await response.text().catch(() => "")
    let parsed: unknown = null
    try {
      parsed = text === "" ? null : JSON.parse(text)
    } catch {
      parsed = null
    }
    const error = errorFromProblem(response.status, parsed)
    if (response.status === 401 && authenticated) options.onUnauthorized()
    if (response.status === 403 && error.code === "PasswordChangeRequired") options.onPasswordChangeRequired?.()
    throw error
  }

  const call = async <E extends AnyEndpoint>(endpoint: E, ...[parts]: PartsArgument<E>): Promise<ResponseOf<E>> => {
    const success = endpoint.success
    if ("file" in success) throw new Error(`${endpoint.method} ${endpoint.path} answers a file: use download`)
    const loose: LooseParts = parts ?? {}
    const url = urlFor(endpoint, loose)
    const body = endpoint.body === undefined ? undefined : encodePart(endpoint.body, loose.body ?? {}, "body")
    const response = await send(endpoint, url, body, "application/json, application/problem+json")
    if (!("schema" in success)) return undefined as ResponseOf<E>
    const text = await response.text().catch(() => "")
    return decodeAnswer(endpoint, success.schema, response.status, text) as ResponseOf<E>
  }

  const download = async <E extends FileEndpoint>(endpoint: E, ...[parts]: PartsArgument<E>) => {
    if (!("file" in endpoint.success)) throw new Error(`${endpoint.method} ${endpoint.path} answers no file`)
    const url = urlFor(endpoint, parts ?? {})
    const response = await send(endpoint, url, undefined, `${endpoint.success.file}, application/problem+json`)
    const disposition = response.headers.get("content-disposition") ?? ""
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
    const plain = /filename="([^"]+)"/i.exec(disposition)
    const filename = star?.[1] !== undefined ? decodeURIComponent(star[1]) : (plain?.[1] ?? null)
    return { blob: await response.blob(), filename }
  }

  return {
    call,
    download,
    login: (username, password) => call(Auth.login, { body: { username, password } }),
    logout: () => call(Auth.logout),
    me: async () => (await call(Auth.me)).user,
    institutions: (query) => call(Institutions.listInstitutions, { query }),
    suspicions: (query) => call(Review.listSuspicions, { query }),
    screeningRuns: async () => (await call(Screening.listRuns)).items,
    violations: async () => (await call(Penalties.listViolations)).items,
    assessPenalty: async (input) =>
      call(Penalties.assess, { body: checkBody(Penalties.assess, input, "InvalidAssessmentInput") })
  }
}
