import type { FastifyInstance } from "fastify"

/** `GET /api/health`: liveness and database reachability, for load balancers and the start script. */
export const healthRoutes = async (app: FastifyInstance, options: { readonly ping: () => Promise<void> }) => {
  app.get(
    "/api/health",
    {
      config: { public: true },
      schema: {
        tags: ["system"],
        summary: "Health check",
        response: {
          200: {
            type: "object",
            properties: { status: { type: "string" }, database: { type: "string" } },
            required: ["status", "database"]
          }
        }
      }
    },
    async () => {
      await options.ping()
      return { status: "ok", database: "ok" }
    }
  )
}
