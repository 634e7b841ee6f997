import { signIn, signOut, type Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { HttpProblem } from "../plugins/errors.js"

const userSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    username: { type: "string" },
    displayName: { type: "string" },
    role: { type: "string", enum: ["admin", "supervisor", "reviewer", "department"] },
    department: { type: ["string", "null"] }
  },
  required: ["id", "username", "displayName", "role", "department"]
} as const

/** Sign-in, sign-out and "who am I". */
export const authRoutes = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date; readonly sessionTtlMinutes: number }
) => {
  app.post<{ Body: { username: string; password: string } }>(
    "/api/auth/login",
    {
      config: { public: true },
      schema: {
        tags: ["auth"],
        summary: "Sign in; returns a bearer token",
        body: {
          type: "object",
          properties: { username: { type: "string", minLength: 1 }, password: { type: "string", minLength: 1 } },
          required: ["username", "password"],
          additionalProperties: false
        },
        response: {
          200: {
            type: "object",
            properties: { token: { type: "string" }, expiresAt: { type: "string" }, user: userSchema },
            required: ["token", "expiresAt", "user"]
          }
        }
      }
    },
    async (request) => {
      const result = await signIn(
        options.db,
        { username: request.body.username, password: request.body.password, ip: request.ip },
        options.now(),
        options.sessionTtlMinutes
      )
      if (result === null) throw new HttpProblem(401, "InvalidCredentials", "用户名或密码错误")
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.user }
    }
  )

  app.post(
    "/api/auth/logout",
    { config: { permission: "session:own" }, schema: { tags: ["auth"], summary: "Sign out" } },
    async (request, reply) => {
      const user = currentUser(request)
      await signOut(
        options.db,
        request.token ?? "",
        { id: user.id, name: user.username, ip: request.ip },
        options.now()
      )
      return reply.status(204).send()
    }
  )

  app.get(
    "/api/auth/me",
    {
      config: { permission: "session:own" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user",
        response: { 200: { type: "object", properties: { user: userSchema }, required: ["user"] } }
      }
    },
    async (request) => ({ user: currentUser(request) })
  )
}
