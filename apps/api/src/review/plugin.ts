/** Review of suspicions (疑点处理): the list, one lead, its steps, assignment, bulk steps, the export. */
import type { Db } from "@fundguard/db"
import type { WorkingCalendarShape } from "@fundguard/domain/kernel"
import type { FastifyInstance } from "fastify"
import { reviewRoutes } from "./steps.js"
import { suspicionRoutes } from "./suspicions.js"

export const reviewPlugin = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date; readonly calendar: WorkingCalendarShape }
) => {
  await app.register(suspicionRoutes, options)
  await app.register(reviewRoutes, options)
}
