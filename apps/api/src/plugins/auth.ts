/**
 * Authentication and authorisation for every route. A route declares `config.permission` (checked
 * against the user's role) or `config.public: true`; a route that declares neither fails the
 * server's start-up, so nothing can be exposed by accident.
 */
import { can, type Permission } from "@fundguard/domain"
import { userForToken, type Db, type SessionUser } from "@fundguard/db"
import type { FastifyInstance, FastifyRequest } from "fastify"
import fp from "fastify-plugin"
import { HttpProblem } from "./errors.js"

declare module "fastify" {
  interface FastifyContextConfig {
    /** The permission a caller's role must hold. */
    permission?: Permission
    /** Open without signing in (health, login, API docs). */
    public?: boolean
  }
  interface FastifyRequest {
    /** The signed-in user; set on every non-public route. */
    user: SessionUser | null
    /** The bearer token of the request, if any. */
    token: string | null
  }
}

const bearer = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization
  if (header === undefined) return null
  const [scheme, token] = header.split(" ")
  return scheme?.toLowerCase() === "bearer" && token !== undefined && token !== "" ? token : null
}

/** The signed-in user of a request on a non-public route. */
export const currentUser = (request: FastifyRequest): SessionUser => {
  if (request.user === null) throw new HttpProblem(401, "Unauthenticated", "请先登录")
  return request.user
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
    app.decorateRequest("user", null)
    app.decorateRequest("token", null)
    app.addHook("onRoute", (route) => {
      const config = route.config as { permission?: Permission; public?: boolean } | undefined
      const isApi = route.url.startsWith("/api")
      if (isApi && config?.public !== true && config?.permission === undefined) {
        throw new Error(
          `route ${String(route.method)} ${route.url} declares neither config.permission nor config.public`
        )
      }
    })
    app.addHook("onRequest", async (request) => {
      const config = request.routeOptions.config
      if (config.public === true || !request.url.startsWith("/api")) return
      const token = bearer(request)
      const user = token === null ? null : await userForToken(options.db, token, options.now())
      if (user === null || token === null)
        throw new HttpProblem(401, "Unauthenticated", "未登录或登录已过期，请重新登录")
      request.user = user
      request.token = token
      if (config.permission === undefined || !can(user.role, config.permission)) {
        throw new HttpProblem(403, "Forbidden", "当前角色无权执行此操作")
      }
    })
  },
  { name: "auth", dependencies: ["errors"] }
)
