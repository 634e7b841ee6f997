import { Reports } from "@fundguard/contracts"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"

/** `GET /api/health`: liveness and database reachability, for load balancers and the start script. */
export const healthRoutes = async (app: FastifyInstance, options: { readonly ping: () => Promise<void> }) => {
  mount(app, Reports.health, async () => {
    await options.ping()
    return { status: "ok" as const, database: "ok" as const }
  })
}
