/**
 * The one error handler: maps domain error tags and request-validation errors to HTTP statuses
 * with a JSON body `{ error, message, problems? }`. 4xx keep their message; 5xx never show
 * internals (no stack traces to users).
 */
import type { FastifyError, FastifyInstance } from "fastify"
import fp from "fastify-plugin"

/** An expected failure with an HTTP status, thrown by routes. */
export class HttpProblem extends Error {
  constructor(
    readonly statusCode: number,
    readonly tag: string,
    message: string,
    readonly problems?: ReadonlyArray<{ readonly path: string; readonly message: string }>
  ) {
    super(message)
  }
}

const statusByTag: Readonly<Record<string, number>> = {
  UserNotFound: 404,
  UsernameTaken: 409,
  WrongPassword: 400,
  PasswordCheckBusy: 503,
  InvalidAssessmentInput: 400,
  InvalidDuty: 400,
  InvalidRankingScheme: 400,
  InvalidCompletion: 400,
  CalendarYearNotCovered: 422
}

interface Tagged {
  readonly _tag?: string
  readonly problems?: ReadonlyArray<{ readonly path: string; readonly message: string }>
}

/** Ajv's keywords said in Chinese (routes still validated by JSON Schema). */
const ajvMessage: Readonly<Record<string, string>> = {
  required: "缺少此项（必填）",
  additionalProperties: "不允许此字段",
  type: "类型不符",
  pattern: "格式不符",
  format: "格式不符",
  maxLength: "过长",
  minLength: "过短",
  maxItems: "项数过多",
  minItems: "项数过少",
  enum: "取值不在允许范围内",
  minimum: "小于允许的最小值",
  maximum: "大于允许的最大值"
}

const validationProblems = (error: FastifyError) =>
  (error.validation ?? []).map((v) => ({
    path: `$${error.validationContext === "querystring" ? ".query" : ""}${(v.instancePath || "").replace(/\//g, ".")}${
      v.params && "missingProperty" in v.params ? `.${String(v.params["missingProperty"])}` : ""
    }${v.params && "additionalProperty" in v.params ? `.${String(v.params["additionalProperty"])}` : ""}`,
    message: ajvMessage[v.keyword] ?? v.message ?? "无效"
  }))

/** Fastify's own refusals of a request body, told in Chinese. */
const frameworkProblems: Readonly<Record<string, readonly [number, string, string]>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, "InvalidJson", "请求内容不是有效的 JSON"],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, "InvalidJson", "请求内容为空，应为 JSON"],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, "BodyTooLarge", "请求内容过大"],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "UnsupportedMediaType", "不支持的内容类型，请以 application/json 发送"],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "InvalidRequest", "Content-Length 与请求内容不符"],
  FST_ERR_CTP_INVALID_TYPE: [400, "InvalidRequest", "Content-Type 无效"],
  FST_ERR_BAD_URL: [400, "InvalidRequest", "请求地址无效"]
}

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError & Tagged, request, reply) => {
      if (error instanceof HttpProblem) {
        return reply
          .status(error.statusCode)
          .send({ error: error.tag, message: error.message, ...(error.problems ? { problems: error.problems } : {}) })
      }
      const tag = error._tag
      if (tag !== undefined && statusByTag[tag] !== undefined) {
        return reply
          .status(statusByTag[tag])
          .send({ error: tag, message: error.message, ...(error.problems ? { problems: error.problems } : {}) })
      }
      if (error.validation) {
        return reply
          .status(400)
          .send({ error: "InvalidRequest", message: error.message, problems: validationProblems(error) })
      }
      const framework = error.code === undefined ? undefined : frameworkProblems[error.code]
      if (framework !== undefined) {
        const [status, tag, message] = framework
        return reply.status(status).send({ error: tag, message, problems: [{ path: "$", message }] })
      }
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return reply.status(error.statusCode).send({ error: error.code ?? "BadRequest", message: error.message })
      }
      request.log.error({ err: error }, "unexpected error")
      return reply.status(500).send({ error: "InternalError", message: "服务器内部错误，请联系系统管理员" })
    })
  },
  { name: "errors" }
)
