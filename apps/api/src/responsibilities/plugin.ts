/** Responsibilities (职责): the organisation, duties, tasks and evidence, coverage, rankings, the ledger. */
import type { FastifyInstance } from "fastify"
import type { ResponsibilityOptions } from "./context.js"
import { dutyRoutes } from "./duties.js"
import { organisationRoutes } from "./organisation.js"
import { dutyReportRoutes } from "./reports.js"
import { taskRoutes } from "./tasks.js"

export const responsibilitiesPlugin = async (app: FastifyInstance, options: ResponsibilityOptions) => {
  await app.register(organisationRoutes, options)
  await app.register(dutyRoutes, options)
  await app.register(taskRoutes, options)
  await app.register(dutyReportRoutes, options)
}
