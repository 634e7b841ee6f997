/** Enforcement after a lead is confirmed: cases (案件), their procedure and documents; inspections. */
import type { Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { caseRoutes } from "./cases.js"
import { documentRoutes } from "./documents.js"
import { inspectionRoutes } from "./inspections.js"

export const enforcementPlugin = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date }
) => {
  await app.register(caseRoutes, options)
  await app.register(documentRoutes, options)
  await app.register(inspectionRoutes, options)
}
