/**
 * Authentication and authorisation for every route, decided by the route the router matched — never
 * by the text of the URL. A route declares `config.permission` (checked against the user's role) or
 * `config.public: true`; a route that declares neither stops the server from starting, so nothing
 * can be exposed by accident. A request that matches no route gets the not-found answer, which
 * holds no data.
 *
 * The user's data scope (their unit and the units it supervises) is computed on first use per
 * request: `await request.scope()`.
 */
import { can, type Permission } from "@fundguard/domain/access"
import { type DataScope } from "@fundguard/domain/responsibilities"
import {
  departmentClientForKey,
  institutionClientForKey,
  scopeOfUser,
  userForToken,
  type Db,
  type SessionUser
} from "@fundguard/db"
import { departmentKeyPrefix, departmentLabel, type Department } from "@fundguard/domain/departments"
import { institutionKeyPrefix } from "@fundguard/domain/screening"
import type { FastifyInstance, FastifyRequest, RouteOptions } from "fastify"
import fp from "fastify-plugin"
import { Problem } from "./errors.js"

declare module "fastify" {
  interface FastifyContextConfig {
    /** The permission a caller's role must hold. */
    permission?: Permission
    /** Open without signing in (health, login, API docs, the UI's static files). */
    public?: boolean
    /** The contract the route was mounted from (`METHOD path`), for the checks that every route has one. */
    contract?: string
  }
  interface FastifyRequest {
    /** The signed-in user; set on every non-public route. */
    user: SessionUser | null
    /** The bearer token of the request, if any. */
    token: string | null
    /** The signed-in user's data scope (computed once per request). */
    scope: () => Promise<DataScope>
    /** Set when the caller is another department's API client (its key), not a person. */
    client: { readonly id: string; readonly department: Department } | null
    /** Set when the caller is a designated institution's system (its key), for the pre-settlement check. */
    institutionClient: { readonly id: string; readonly institutionCode: string } | null
  }
}

const bearer = (request: FastifyRequest): string | null => {
  const header = request.headers.authorization
  if (header === undefined) return null
  const [scheme, token, ...rest] = header.split(" ")
  return scheme?.toLowerCase() === "bearer" && token !== undefined && token !== "" && rest.length === 0 ? token : null
}

/** The signed-in user of a request on a non-public route. */
export const currentUser = (request: FastifyRequest): SessionUser => {
  if (request.user === null) throw new Problem("Unauthenticated", "请先登录")
  return request.user
}

/** Marks every route registered in this context public (the UI's static files, the API docs). */
export const publicRoutes = (app: FastifyInstance): void => {
  app.addHook("onRoute", (route) => {
    route.config = { ...(route.config ?? {}), public: true }
  })
}

/** The routes the server declared, for checks and for the tests that sweep them. */
export interface DeclaredRoute {
  readonly method: string
  readonly url: string
  readonly public: boolean
  readonly permission: Permission | null
  /** The contract it was mounted from, or null (the UI's static files, the API docs). */
  readonly contract: string | null
}

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its declared access (complete once the server is ready). */
    declaredRoutes: ReadonlyArray<DeclaredRoute>
  }
}

type InstitutionCaller = { readonly id: string; readonly name: string; readonly institutionCode: string }

declare module "fastify" {
  interface FastifyInstance {
    /** Forgets the institution keys remembered by the sign-in check (after a key is rotated or revoked). */
    forgetInstitutionKeys: () => void
  }
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
    const routes: Array<RouteOptions> = []
    const declared: Array<DeclaredRoute> = []
    app.decorate("declaredRoutes", declared)
    app.decorateRequest("user", null)
    app.decorateRequest("token", null)
    app.decorateRequest("client", null)
    app.decorateRequest("institutionClient", null)
    app.decorateRequest("scope", null as never)
    app.addHook("onRoute", (route) => void routes.push(route))
    // Checked when every plugin has added its routes (a child context may mark its own public).
    app.addHook("onReady", async () => {
      for (const route of routes) {
        const config = route.config as { permission?: Permission; public?: boolean; contract?: string } | undefined
        if (config?.public !== true && config?.permission === undefined) {
          throw new Error(
            `route ${String(route.method)} ${route.url} declares neither config.permission nor config.public`
          )
        }
        for (const method of [route.method].flat())
          declared.push({
            method: String(method),
            url: route.url,
            public: config.public === true,
            permission: config.permission ?? null,
            contract: config.contract ?? null
          })
      }
    })
    // A department's key stands for a caller of role "department" with that department and no unit.
    const clientUser = async (request: FastifyRequest, token: string): Promise<SessionUser | null> => {
      const client = await departmentClientForKey(options.db, token, options.now())
      if (client === null) return null
      request.client = { id: client.id, department: client.department }
      return {
        id: client.id,
        username: `client:${client.id}`,
        displayName: `${client.name}（${departmentLabel[client.department]}接口）`,
        role: "department",
        department: departmentLabel[client.department],
        unitId: null,
        mustChangePassword: false
      }
    }
    // An institution's key stands for a caller of role "institution": its own claims' pre-settlement check.
    // A till calls many times a second: a key found is remembered for 30 s (forgotten at once when a key is
    // rotated or revoked in this process — the API is one process per database).
    const institutionKeys = new Map<string, { readonly until: number; readonly client: InstitutionCaller }>()
    app.decorate("forgetInstitutionKeys", () => institutionKeys.clear())
    const institutionUser = async (request: FastifyRequest, token: string): Promise<SessionUser | null> => {
      const at = options.now().getTime()
      const remembered = institutionKeys.get(token)
      const client =
        remembered !== undefined && remembered.until > at
          ? remembered.client
          : await institutionClientForKey(options.db, token, options.now())
      if (client === null) return null
      if (remembered === undefined || remembered.until <= at) {
        if (institutionKeys.size >= 10_000) institutionKeys.clear()
        institutionKeys.set(token, { until: at + 30_000, client })
      }
      request.institutionClient = { id: client.id, institutionCode: client.institutionCode }
      return {
        id: client.id,
        username: `institution:${client.id}`,
        displayName: `${client.name}（${client.institutionCode}接口）`,
        role: "institution",
        department: null,
        unitId: null,
        mustChangePassword: false
      }
    }
    app.addHook("onRequest", async (request) => {
      let scope: Promise<DataScope> | undefined
      request.scope = () => (scope ??= scopeOfUser(options.db, currentUser(request)))
      // No route matched: the not-found handler answers, with nothing from the database.
      if (request.is404) return
      const config = request.routeOptions.config
      if (config.public === true) return
      const token = bearer(request)
      const user =
        token === null
          ? null
          : token.startsWith(departmentKeyPrefix)
            ? await clientUser(request, token)
            : token.startsWith(institutionKeyPrefix)
              ? await institutionUser(request, token)
              : await userForToken(options.db, token, options.now())
      if (user === null || token === null) throw new Problem("Unauthenticated", "未登录或登录已过期，请重新登录")
      request.user = user
      request.token = token
      if (config.permission === undefined || !can(user.role, config.permission)) {
        throw new Problem("Forbidden", "当前角色无权执行此操作")
      }
      if (user.mustChangePassword && config.permission !== "session:own") {
        throw new Problem("PasswordChangeRequired", "请先修改初始密码")
      }
    })
  },
  { name: "auth", dependencies: ["errors"] }
)
