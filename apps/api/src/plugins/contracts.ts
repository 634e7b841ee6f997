/**
 * Mounts an endpoint of `@fundguard/contracts` on Fastify: its params, query and body are decoded
 * with the contract's `effect/Schema` (a 400 names every problem by its JSON path, in Chinese), its
 * answer is encoded with the contract's schema, and the OpenAPI document shows JSON Schema derived
 * from the same schemas. Routes declare nothing twice.
 */
import { Problem as Problems, type Endpoint } from "@fundguard/contracts"
import * as Either from "effect/Either"
import * as JSONSchema from "effect/JSONSchema"
import { problemsOf } from "@fundguard/domain/kernel"
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import * as AST from "effect/SchemaAST"
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { Problem } from "./errors.js"

type AnyEndpoint = Endpoint.AnyEndpoint

/** Inlines `$ref`s so every route schema stands alone (recursive definitions are left open). */
const inline = (
  node: unknown,
  definitions: Record<string, unknown>,
  seen: ReadonlySet<string> = new Set()
): unknown => {
  if (Array.isArray(node)) return node.map((n) => inline(n, definitions, seen))
  if (node === null || typeof node !== "object") return node
  const ref = (node as { $ref?: unknown }).$ref
  if (typeof ref === "string" && ref.startsWith("#/$defs/")) {
    const name = ref.slice("#/$defs/".length)
    if (seen.has(name) || definitions[name] === undefined) return {}
    return inline(definitions[name], definitions, new Set([...seen, name]))
  }
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, inline(v, definitions, seen)])
  )
}

/** JSON Schema (OpenAPI 3.1 dialect) of a schema's encoded side, self-contained. */
export const jsonSchemaOf = (schema: Endpoint.AnySchema): Record<string, unknown> => {
  const definitions: Record<string, JSONSchema.JsonSchema7> = {}
  const root = JSONSchema.fromAST(schema.ast, {
    definitions,
    target: "openApi3.1",
    topLevelReferenceStrategy: "skip"
  })
  const schemaOut = inline(root, definitions) as Record<string, unknown>
  // Examples annotated on a schema with transformations (dates, optional fields) sit on its type side,
  // which the encoded JSON Schema does not visit: carry them over, encoded as a client sends them.
  const examples = AST.getExamplesAnnotation(schema.ast)
  if (Option.isSome(examples) && schemaOut["examples"] === undefined)
    schemaOut["examples"] = examples.value.map((example) => Schema.encodeSync(schema)(example))
  return schemaOut
}

const problemJsonSchema = jsonSchemaOf(Problems.ProblemDetails)

/** At most this many problems are listed in one answer. */
const maxProblems = 20

/** The JSON path of a request part: `$` for the body (as clients have always read it), `$.query` … */
const partPrefix: Readonly<Record<string, string>> = { body: "$", querystring: "$.query", params: "$.params" }

/** Decodes one part of a request, or returns the 400 that names every problem. */
const decoderFor =
  (schema: Endpoint.AnySchema, part: string) =>
  (data: unknown): { value: unknown } | { error: Error } => {
    const decoded = Schema.decodeUnknownEither(schema, { errors: "all", onExcessProperty: "error" })(data)
    if (Either.isRight(decoded)) return { value: decoded.right }
    const prefix = partPrefix[part] ?? `$.${part}`
    const problems = problemsOf(decoded.left)
      .slice(0, maxProblems)
      .map((p) => ({ path: `${prefix}${p.path.slice(1)}`, message: p.message }))
    const what = part === "body" ? "请求内容" : part === "querystring" ? "查询参数" : "路径参数"
    return {
      error: new Problem(
        "InvalidRequest",
        `${what}有误：${problems[0]?.path ?? prefix} ${problems[0]?.message ?? ""}`.trim(),
        problems
      )
    }
  }

/** What a handler receives: the decoded parts and the raw request and reply. */
export interface HandlerInput<E extends AnyEndpoint> {
  readonly params: Endpoint.ParamsOf<E>
  readonly query: Endpoint.QueryOf<E>
  readonly body: Endpoint.BodyOf<E>
  readonly request: FastifyRequest
  readonly reply: FastifyReply
}

/** How a mounted route is further limited. */
export interface MountOptions {
  /** Requests one address may make to this route in a minute (`@fastify/rate-limit`). */
  readonly rateLimitPerMinute?: number
  /**
   * The handler decodes the body itself with the library function whose problems the CLI and the
   * library also report (penalty assessment), so every door names the same problems. The
   * contract's body schema still documents it; the body limit and nesting limit still apply.
   */
  readonly decodeBodyInHandler?: boolean
}

/**
 * Mounts an endpoint. The handler returns the answer (encoded with the contract's schema); for a
 * file answer it sends the bytes itself through `reply`.
 */
export const mount = <E extends AnyEndpoint>(
  app: FastifyInstance,
  endpoint: E,
  handler: (input: HandlerInput<E>) => Promise<Endpoint.ResponseOf<E> | FastifyReply>,
  options: MountOptions = {}
): void => {
  const parts: Record<string, Endpoint.AnySchema | undefined> = {
    params: endpoint.params,
    querystring: endpoint.query,
    body: endpoint.body
  }
  const success = endpoint.success
  const responseSchema = "schema" in success ? success.schema : undefined
  const schema: Record<string, unknown> = {
    tags: [...endpoint.tags],
    summary: endpoint.summary,
    ...(endpoint.description === undefined ? {} : { description: endpoint.description }),
    ...Object.fromEntries(
      Object.entries(parts).flatMap(([part, s]) => (s === undefined ? [] : [[part, jsonSchemaOf(s)]]))
    ),
    // A file answer documents its media type on its 200 (below); problems stay JSON.
    response: {
      ...(responseSchema === undefined ? {} : { [success.status]: jsonSchemaOf(responseSchema) }),
      // A file answer is documented as bytes of its media type (Fastify sends the Buffer as it is).
      ...("file" in success
        ? {
            200: {
              description: "The file",
              content: { [success.file]: { schema: { type: "string", contentMediaType: success.file } } }
            }
          }
        : {}),
      // Every failure is an RFC 9457 problem (plugins/errors.ts).
      "4xx": { ...problemJsonSchema, description: "A problem: what was refused and why, fields named by JSON path" },
      "5xx": { ...problemJsonSchema, description: "A server fault (nothing of its insides is shown)" }
    }
  }
  const encode = responseSchema === undefined ? undefined : Schema.encodeSync(responseSchema)
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: {
      ...endpoint.access,
      contract: `${endpoint.method} ${endpoint.path}`,
      ...(options.rateLimitPerMinute === undefined
        ? {}
        : { rateLimit: { max: options.rateLimitPerMinute, timeWindow: 60_000 } })
    },
    ...(endpoint.bodyLimit === undefined ? {} : { bodyLimit: endpoint.bodyLimit }),
    schema,
    validatorCompiler: ({ httpPart }) => {
      if (httpPart === "body" && options.decodeBodyInHandler === true) return () => true
      const part = httpPart === undefined ? undefined : parts[httpPart]
      return part === undefined ? () => true : decoderFor(part, httpPart!)
    },
    // The answer is encoded with the contract's schema; problems are written as they are.
    serializerCompiler:
      ({ httpStatus }) =>
      (data) =>
        JSON.stringify(encode !== undefined && httpStatus === String(success.status) ? encode(data) : data),
    // An endpoint that takes no body refuses one, rather than silently ignoring what was sent.
    ...(endpoint.body === undefined && options.decodeBodyInHandler !== true
      ? {
          preValidation: async (request: FastifyRequest) => {
            const body = request.body
            const empty =
              body === undefined ||
              body === null ||
              (typeof body === "object" && !Array.isArray(body) && Object.keys(body as object).length === 0)
            if (!empty)
              throw new Problem("InvalidRequest", "此接口不接受请求内容", [
                { path: "$", message: "此接口不接受请求内容，请不要发送请求体" }
              ])
          }
        }
      : {}),
    handler: async (request, reply) => {
      const result = await handler({
        params: request.params as Endpoint.ParamsOf<E>,
        query: request.query as Endpoint.QueryOf<E>,
        body: request.body as Endpoint.BodyOf<E>,
        request,
        reply
      })
      if (success.status === 204) return reply.status(204).send()
      if (success.status === 201) reply.status(201)
      return result
    }
  })
}
