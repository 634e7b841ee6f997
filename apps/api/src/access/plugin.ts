/** Access: signing in and out, accounts, and the audit log (执法全过程记录). */
import type { Db } from "@fundguard/db"
import type { LoginThrottling } from "@fundguard/domain/access"
import type { FastifyInstance } from "fastify"
import { auditRoutes } from "./audit.js"
import { authRoutes } from "./auth.js"
import { userRoutes } from "./users.js"

export const accessPlugin = async (
  app: FastifyInstance,
  options: {
    readonly db: Db
    readonly now: () => Date
    readonly sessionTtlMinutes: number
    readonly throttling?: LoginThrottling
  }
) => {
  await app.register(authRoutes, options)
  await app.register(userRoutes, { db: options.db, now: options.now })
  await app.register(auditRoutes, { db: options.db, now: options.now })
}
