/** Penalties (处罚裁量): assessment, discretion benchmarks, the violation catalogue. */
import type { FastifyInstance } from "fastify"
import { penaltyRoutes } from "./penalties.js"

export const penaltyPlugin = async (app: FastifyInstance) => {
  await app.register(penaltyRoutes)
}
