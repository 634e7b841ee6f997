/**
 * The FundGuard API as a Fastify instance: plugins (errors, auth, OpenAPI, the admin UI), then
 * routes. `server.ts` opens the database and listens; tests build it and call `inject`.
 */
import fastifyRateLimit from "@fastify/rate-limit"
import fastifyStatic from "@fastify/static"
import fastifySwagger from "@fastify/swagger"
import fastifySwaggerUi from "@fastify/swagger-ui"
import { chineseWorkingCalendar, clocksReading } from "@fundguard/calendar"
import type { Db } from "@fundguard/db"
import type { WorkingCalendarShape } from "@fundguard/domain/kernel"
import { defaultEvidenceDir, EvidenceStoreLive, repositoriesLayer } from "@fundguard/db"
import { type LoginThrottling } from "@fundguard/domain/access"
import { WorkingCalendar } from "@fundguard/domain/kernel"
import { DuckDbClaimFrames } from "@fundguard/screening"
import * as Layer from "effect/Layer"
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { accessPlugin } from "./access/plugin.js"
import { kernelPlugin } from "./kernel/plugin.js"
import { penaltyPlugin } from "./penalty/plugin.js"
import { authPlugin, publicRoutes } from "./plugins/auth.js"
import { errorsPlugin, frameworkProblem, sendProblem } from "./plugins/errors.js"
import { runtimePlugin } from "./plugins/runtime.js"
import { responsibilitiesPlugin } from "./responsibilities/plugin.js"
import { enforcementPlugin } from "./enforcement/plugin.js"
import { complaintsPlugin } from "./complaints/plugin.js"
import { creditPlugin } from "./credit/plugin.js"
import { departmentsPlugin } from "./departments/plugin.js"
import { reviewPlugin } from "./review/plugin.js"
import { precheckPlugin } from "./precheck/plugin.js"
import { screeningPlugin } from "./screening/plugin.js"
import { securityPlugin } from "./plugins/security.js"

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
  /** How failed sign-ins are throttled (default: the domain's). */
  readonly loginThrottling?: LoginThrottling
  /**
   * The pre-settlement check's reference data: a directory in the claims-extract format (default: none —
   * every check then answers that no reference data is loaded).
   */
  readonly precheckReference?: string | null
}

/** The largest request body by default (a task completion with files allows more). */
export const defaultBodyLimit = 1024 * 1024

const DOCS_PREFIX = "/api/docs"

/** Builds the API (not listening). */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const now = options.now ?? (() => new Date())
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: defaultBodyLimit,
    // For the routes still validated by JSON Schema: query strings and path parameters arrive as
    // text. Routes mounted from contracts decode with effect/Schema instead (no coercion of bodies).
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: true } },
    // The router's own refusals (a malformed URL, a path parameter too long) answer as problems too, instead of
    // Fastify's English body that echoes the path.
    frameworkErrors: frameworkProblem
  })
  await app.register(errorsPlugin)
  await app.register(securityPlugin)
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: "TooManyRequests",
      error: "TooManyRequests",
      message: `请求过于频繁，请 ${Math.ceil(context.ttl / 1000)} 秒后再试`
    })
  })
  await app.register(authPlugin, { db: options.db, now })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
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
  // API documentation is static and holds no data: it is open, like health and login.
  await app.register(async (docs) => {
    publicRoutes(docs)
    await docs.register(fastifySwaggerUi, {
      routePrefix: DOCS_PREFIX,
      staticCSP: true,
      transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, "")
    })
  })

  const calendar = options.calendar ?? chineseWorkingCalendar()
  // One runtime for the use cases: this database's repositories, the evidence store, the calendar.
  await app.register(runtimePlugin, {
    layer: Layer.mergeAll(
      repositoriesLayer(options.db),
      EvidenceStoreLive(options.evidenceDir ?? defaultEvidenceDir()),
      Layer.succeed(WorkingCalendar, calendar),
      // Samples' frames read from claims extracts with DuckDB.
      DuckDbClaimFrames,
      // The bureau's date and Effect's clock from the app's clock (tests fix it).
      clocksReading(now)
    )
  })
  // One plugin per context (docs/architecture.md).
  await app.register(kernelPlugin, { db: options.db })
  await app.register(accessPlugin, {
    db: options.db,
    now,
    sessionTtlMinutes: options.sessionTtlMinutes ?? 480,
    ...(options.loginThrottling === undefined ? {} : { throttling: options.loginThrottling })
  })
  await app.register(reviewPlugin, { db: options.db, now, calendar })
  await app.register(screeningPlugin, { db: options.db, now })
  await app.register(penaltyPlugin)
  await app.register(enforcementPlugin, { db: options.db, now })
  await app.register(complaintsPlugin, { db: options.db, now })
  await app.register(creditPlugin, { db: options.db, now })
  await app.register(departmentsPlugin, { db: options.db, now })
  await app.register(precheckPlugin, {
    db: options.db,
    now,
    referenceDir: options.precheckReference ?? null
  })
  await app.register(responsibilitiesPlugin, {
    db: options.db,
    now,
    calendar,
    ...(options.evidenceDir === undefined ? {} : { evidenceDir: options.evidenceDir })
  })

  const adminDist = options.adminDist ?? null
  // The UI's static files hold no data: open.
  const indexHtml = adminDist === null ? null : readFileSync(join(adminDist, "index.html"))
  if (adminDist !== null) {
    await app.register(async (ui) => {
      publicRoutes(ui)
      await ui.register(fastifyStatic, { root: adminDist, prefix: "/", wildcard: false, index: ["index.html"] })
    })
  }
  // Client-side routes of the single-page UI fall back to index.html (which holds no data); every
  // other unknown path is a 404 — anything that looks like the API in any spelling (`//api`,
  // `/API`, `/%61pi`) included, so that a probe never gets a 200.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? ""
    const looksLikeApi = /^\/+(api|%61pi|ap%69|%61p%69)(\/|%2f|$)/i.test(path) || /[%\\]|\/\.\.?(\/|$)/.test(path)
    if (indexHtml !== null && request.method === "GET" && !looksLikeApi) {
      return reply.type("text/html; charset=utf-8").send(indexHtml)
    }
    return sendProblem(reply, "NotFound", `没有这个地址：${request.method} ${path.slice(0, 200)}`)
  })
  return app
}
