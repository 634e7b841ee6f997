/**
 * An HTTP endpoint as one definition: method, path, who may call it, and its params, query, body and
 * response as `effect/Schema`. The API mounts it (validating with these schemas and documenting them
 * in OpenAPI), the admin UI calls it (decoding the response with the same schema), the CLI prints
 * its JSON with it.
 *
 * @since 0.1.0
 */
import type { Permission } from "@fundguard/domain/access"
import * as Schema from "effect/Schema"

/** Who may call an endpoint: anyone (sign-in, health, documentation), or holders of a permission. @category models */
export type Access = { readonly public: true } | { readonly permission: Permission }

/** A schema of anything the endpoint decodes or encodes (no services needed). @category models */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySchema<A = any> = Schema.Schema<A, any, never>

/** What an endpoint answers on success. @category models */
export type Success<R> =
  | { readonly status: 200 | 201; readonly schema: AnySchema<R> }
  | { readonly status: 204 }
  | { readonly status: 200; readonly file: string }

/** One endpoint. @category models */
export interface Endpoint<P = unknown, Q = unknown, B = unknown, R = unknown> {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"
  /** Fastify-style path: `/api/v1/users/:id`. */
  readonly path: string
  readonly access: Access
  readonly tags: ReadonlyArray<string>
  readonly summary: string
  readonly description?: string
  readonly params?: AnySchema<P>
  readonly query?: AnySchema<Q>
  readonly body?: AnySchema<B>
  readonly success: Success<R>
  /** The largest body accepted, in bytes (default: the server's, 1 MiB). */
  readonly bodyLimit?: number
}

/** Any endpoint. @category models */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any, any, any, any>

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The decoded params of an endpoint. @category models */
export type ParamsOf<E> = E extends Endpoint<infer P, any, any, any> ? P : never
/** The decoded query of an endpoint. @category models */
export type QueryOf<E> = E extends Endpoint<any, infer Q, any, any> ? Q : never
/** The decoded body of an endpoint. @category models */
export type BodyOf<E> = E extends Endpoint<any, any, infer B, any> ? B : never
/** What an endpoint answers. @category models */
export type ResponseOf<E> = E extends Endpoint<any, any, any, infer R> ? R : never
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Defines an endpoint; the types of its parts follow from the schemas given.
 *
 * @category constructors
 */
export const endpoint = <P = undefined, Q = undefined, B = undefined, R = void>(
  definition: Endpoint<P, Q, B, R>
): Endpoint<P, Q, B, R> => definition

/** A JSON answer with this schema. @category constructors */
export const json = <R>(schema: AnySchema<R>, status: 200 | 201 = 200): Success<R> => ({ status, schema })
/** No content (204). @category constructors */
export const noContent: Success<void> = { status: 204 }
/** A file download of this media type. @category constructors */
export const file = (mediaType: string): Success<Uint8Array> => ({ status: 200, file: mediaType })

/** One problem with a request, at a JSON path (`$.body.name`, `$.query.page`). @category models */
export const FieldProblem = Schema.Struct({ path: Schema.String, message: Schema.String })
/** @category models */
export type FieldProblem = typeof FieldProblem.Type

/** `:id` in a path. @category models */
export const IdParams = <S extends AnySchema<string>>(id: S) => Schema.Struct({ id })
