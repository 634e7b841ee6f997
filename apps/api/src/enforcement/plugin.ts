/** Enforcement after a lead is confirmed: cases (案件), their procedure and documents; inspections; follow-ups (agreement measures, rectification, self-inspection). */
import type { Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { caseRoutes } from "./cases.js"
import { checklistRoutes } from "./checklists.js"
import { documentRoutes } from "./documents.js"
import { followUpRoutes } from "./followUp.js"
import { inspectionRoutes } from "./inspections.js"
import { sampleRoutes } from "./samples.js"

export const enforcementPlugin = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date }
) => {
  await app.register(caseRoutes, options)
  await app.register(documentRoutes, options)
  await app.register(inspectionRoutes, options)
  await app.register(sampleRoutes, options)
  await app.register(followUpRoutes, options)
  await app.register(checklistRoutes)
}
