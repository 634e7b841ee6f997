/** The kernel's routes: the server's health and the institution register. */
import type { Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { healthRoutes } from "./health.js"
import { institutionRoutes } from "./institutions.js"

export const kernelPlugin = async (app: FastifyInstance, options: { readonly db: Db }) => {
  await app.register(healthRoutes, { ping: async () => void (await options.db.$queryRawUnsafe("SELECT 1")) })
  await app.register(institutionRoutes, { db: options.db })
}
