/**
 * The one error handler. Every expected failure is a tag of the contracts' problem table
 * (`@fundguard/contracts/Problem`): the domain's and the repositories' tagged errors, a route's
 * `Problem`, a request the framework refused. Each is answered as an RFC 9457 problem
 * (`application/problem+json`: type, Chinese title, status, detail, `code` = the tag, `errors` with
 * JSON paths). Anything else is a 500 that shows nothing of the server's insides.
 */
import { Problem as Problems } from "@fundguard/contracts"
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import fp from "fastify-plugin"

type FieldProblem = { readonly path: string; readonly message: string }

/** An expected failure raised by a route: a tag of the table, what happened, and the fields at fault. */
export class Problem extends Error {
  constructor(
    readonly tag: Problems.ProblemTag,
    detail: string,
    readonly errors?: ReadonlyArray<FieldProblem>
  ) {
    super(detail)
    this.name = "Problem"
  }
}

/** The domain's review and case-step refusals, by reason. */
const refusalTag: Readonly<Record<string, Problems.ProblemTag>> = {
  status: "WrongStatus",
  category: "WrongCategory",
  not_yet_due: "NotYetDue",
  role: "Forbidden",
  separation_of_duties: "SeparationOfDuties",
  not_assignee: "NotAssignee",
  stale: "StaleCase",
  gate: "CaseStepRefused"
}

/** Fastify's own refusals of a request, by code. */
const frameworkTag: Readonly<Record<string, readonly [Problems.ProblemTag, string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ["InvalidJson", "请求内容不是有效的 JSON"],
  FST_ERR_CTP_EMPTY_JSON_BODY: ["InvalidJson", "请求内容为空，应为 JSON"],
  FST_ERR_CTP_BODY_TOO_LARGE: ["BodyTooLarge", "请求内容过大"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["UnsupportedMediaType", "不支持的内容类型，请以 application/json 发送"],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["InvalidRequest", "Content-Length 与请求内容不符"],
  FST_ERR_CTP_INVALID_TYPE: ["InvalidRequest", "Content-Type 无效"],
  FST_ERR_BAD_URL: ["InvalidRequest", "请求地址无效"],
  FST_ERR_MAX_PARAM_LENGTH: ["InvalidRequest", "请求地址中的参数过长"],
  FST_ERR_VALIDATION: ["InvalidRequest", "请求有误"]
}

interface Tagged {
  readonly _tag?: unknown
  readonly reason?: unknown
  readonly detail?: unknown
  readonly problems?: ReadonlyArray<FieldProblem>
}

/**
 * The problem an error stands for, or null when it is not an expected failure (a defect). Used by
 * the handler and by routes that report failures item by item (bulk steps).
 */
export const problemOf = (
  error: unknown
): {
  readonly tag: Problems.ProblemTag
  readonly detail: string
  readonly errors?: ReadonlyArray<FieldProblem>
} | null => {
  if (error instanceof Problem)
    return { tag: error.tag, detail: error.message, ...(error.errors ? { errors: error.errors } : {}) }
  if (typeof error !== "object" || error === null) return null
  const e = error as Tagged & Partial<FastifyError>
  if (
    (e._tag === "ReviewRefused" || e._tag === "CaseStepRefused") &&
    typeof e.reason === "string" &&
    refusalTag[e.reason] !== undefined
  )
    return { tag: refusalTag[e.reason]!, detail: typeof e.detail === "string" ? e.detail : String(e.message) }
  if (e._tag === "TransferStepRefused" && typeof e.reason === "string") {
    const detail = typeof e.detail === "string" ? e.detail : String(e.message)
    const tag: Problems.ProblemTag =
      e.reason === "side" || e.reason === "role"
        ? "Forbidden"
        : e.reason === "separation_of_duties"
          ? "SeparationOfDuties"
          : e.reason === "stale"
            ? "StaleTransfer"
            : "TransferStepRefused"
    return { tag, detail }
  }
  if (Problems.isProblemTag(e._tag))
    return { tag: e._tag, detail: String(e.message ?? ""), ...(e.problems ? { errors: e.problems } : {}) }
  const framework = e.code === undefined ? undefined : frameworkTag[e.code]
  if (framework !== undefined)
    return { tag: framework[0], detail: framework[1], errors: [{ path: "$", message: framework[1] }] }
  if (e.statusCode === 429) return { tag: "TooManyRequests", detail: String(e.message) }
  return null
}

/** Sends a problem. */
export const sendProblem = (
  reply: FastifyReply,
  tag: Problems.ProblemTag,
  detail: string,
  errors?: ReadonlyArray<FieldProblem>
) => {
  const body = Problems.problemDetails(tag, detail, errors)
  return reply.status(body.status).type("application/problem+json; charset=utf-8").send(body)
}

/** Fastify's `frameworkErrors`: what the router refuses before any route or error handler runs, as a problem. */
export const frameworkProblem = (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
  const problem = problemOf(error)
  return problem === null
    ? sendProblem(reply, "InvalidRequest", "请求有误")
    : sendProblem(reply, problem.tag, problem.detail, problem.errors)
}

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = problemOf(error)
      if (problem !== null) return sendProblem(reply, problem.tag, problem.detail, problem.errors)
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500)
        return sendProblem(reply, "InvalidRequest", "请求有误")
      request.log.error({ err: error }, "unexpected error")
      return sendProblem(reply, "InternalError", "服务器内部错误，请联系系统管理员")
    })
  },
  { name: "errors" }
)
