/**
 * Sign-in, sign-out, "who am I" and changing one's own password. Sign-in is throttled per address
 * (`@fastify/rate-limit`) and per account name (lockout in the database, see `signIn`).
 */
import { Auth } from "@fundguard/contracts"
import * as Application from "@fundguard/application"
import type { Db } from "@fundguard/db"
import { defaultLoginThrottling, type LoginThrottling } from "@fundguard/domain/access"
import type { FastifyInstance } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf } from "../responsibilities/context.js"

/** What the auth routes are built from. */
export interface AuthRouteOptions {
  readonly db: Db
  readonly now: () => Date
  readonly sessionTtlMinutes: number
  readonly throttling?: LoginThrottling
}

const clock = (d: Date) =>
  d.toLocaleTimeString("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false })

/** The auth routes. */
export const authRoutes = async (app: FastifyInstance, options: AuthRouteOptions) => {
  const throttling = options.throttling ?? defaultLoginThrottling
  const perAddress = { rateLimitPerMinute: throttling.perAddressPerMinute }
  mount(
    app,
    Auth.login,
    async ({ body, request, reply }) => {
      const result = await app.run(
        Application.Access.signIn({
          username: body.username,
          password: body.password,
          ip: request.ip,
          ttlMinutes: options.sessionTtlMinutes,
          throttling
        })
      )
      if (result.kind === "locked") {
        const seconds = Math.max(1, Math.ceil((result.until.getTime() - options.now().getTime()) / 1000))
        reply.header("retry-after", String(seconds))
        throw new Problem("AccountLocked", `登录失败次数过多，该账户已暂时锁定，请于 ${clock(result.until)} 后再试`)
      }
      if (result.kind === "invalid") throw new Problem("InvalidCredentials", "用户名或密码错误")
      return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.user }
    },
    perAddress
  )

  mount(app, Auth.logout, async ({ request }) => {
    await app.run(Application.Access.signOut({ token: request.token ?? "", actor: actorOf(request) }))
  })

  mount(app, Auth.me, async ({ request }) => ({ user: currentUser(request) }))

  mount(
    app,
    Auth.changePassword,
    async ({ body, request }) => {
      const user = currentUser(request)
      // The policy, a new password equal to the current one (`WeakPassword`) and a wrong current
      // password (`WrongPassword`) each name their field.
      await app.run(
        Application.Access.changeOwnPassword({
          userId: user.id,
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          sessionToken: request.token ?? "",
          actor: actorOf(request)
        })
      )
    },
    perAddress
  )
}
