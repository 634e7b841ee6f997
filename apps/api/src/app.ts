/**
 * The FundGuard API as a Fastify instance: plugins (errors, auth, OpenAPI, the admin UI), then
 * routes. `server.ts` opens the database and listens; tests build it and call `inject`.
 */
import fastifyStatic from "@fastify/static"
import fastifySwagger from "@fastify/swagger"
import fastifySwaggerUi from "@fastify/swagger-ui"
import { chineseWorkingCalendar } from "@fundguard/calendar"
import type { Db } from "@fundguard/db"
import type { WorkingCalendarShape } from "@fundguard/domain/WorkingCalendar"
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify"
import { authPlugin } from "./plugins/auth.js"
import { errorsPlugin } from "./plugins/errors.js"
import { authRoutes } from "./routes/auth.js"
import { dutyRoutes } from "./routes/duties.js"
import { dutyReportRoutes } from "./routes/dutyReports.js"
import { healthRoutes } from "./routes/health.js"
import { institutionRoutes } from "./routes/institutions.js"
import { organisationRoutes } from "./routes/organisation.js"
import { penaltyRoutes } from "./routes/penalties.js"
import { reviewRoutes } from "./routes/review.js"
import { suspicionRoutes } from "./routes/suspicions.js"
import { taskRoutes } from "./routes/tasks.js"

/** What the app is built from. */
export interface AppOptions {
  readonly db: Db
  /** The clock: tests fix it. */
  readonly now?: () => Date
  readonly sessionTtlMinutes?: number
  /** Directory of the built admin UI served at `/`, or null to serve none. */
  readonly adminDist?: string | null
  readonly logger?: FastifyServerOptions["logger"]
  /** The working-day calendar for deadlines (default: mainland China's, from chinese-days). */
  readonly calendar?: WorkingCalendarShape
  /** Where evidence files of task completions are stored (default: data/evidence). */
  readonly evidenceDir?: string
}

const DOCS_PREFIX = "/api/docs"

/** Builds the API (not listening). */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const now = options.now ?? (() => new Date())
  const app = Fastify({
    logger: options.logger ?? false,
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: true } }
  })
  // API documentation is static and holds no data: it is open, like health and login.
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith(DOCS_PREFIX)) route.config = { ...(route.config ?? {}), public: true }
  })
  await app.register(errorsPlugin)
  await app.register(authPlugin, { db: options.db, now })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "FundGuard 医保基金监管平台 API",
        description:
          "For the bureau's admin UI and other departments (卫健委, 公安, 纪委). Bearer tokens from /api/auth/login.",
        version: "0.1.0"
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }]
    }
  })
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX })

  await app.register(healthRoutes, { ping: async () => void (await options.db.$queryRawUnsafe("SELECT 1")) })
  await app.register(authRoutes, { db: options.db, now, sessionTtlMinutes: options.sessionTtlMinutes ?? 480 })
  await app.register(institutionRoutes, { db: options.db })
  const calendar = options.calendar ?? chineseWorkingCalendar()
  await app.register(suspicionRoutes, { db: options.db, now, calendar })
  await app.register(reviewRoutes, { db: options.db, now, calendar })
  await app.register(penaltyRoutes)
  // Responsibilities: organisation, duties, tasks, coverage and rankings (docs/domain/responsibilities.md).
  const responsibilities = {
    db: options.db,
    now,
    calendar,
    ...(options.evidenceDir === undefined ? {} : { evidenceDir: options.evidenceDir })
  }
  await app.register(organisationRoutes, responsibilities)
  await app.register(dutyRoutes, responsibilities)
  await app.register(taskRoutes, responsibilities)
  await app.register(dutyReportRoutes, responsibilities)

  const adminDist = options.adminDist ?? null
  if (adminDist !== null) {
    await app.register(fastifyStatic, { root: adminDist, prefix: "/", wildcard: false, index: ["index.html"] })
  }
  // Client-side routes of the single-page UI fall back to index.html; unknown /api paths are 404s.
  app.setNotFoundHandler((request, reply) => {
    if (adminDist !== null && request.method === "GET" && !request.url.startsWith("/api")) {
      return reply.sendFile("index.html")
    }
    return reply
      .status(404)
      .send({ error: "NotFound", message: `no route ${request.method} ${request.url.split("?")[0]}` })
  })
  return app
}
