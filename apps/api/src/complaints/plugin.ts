/** Complaints and tips (举报投诉): intake, triage, deadlines, the informant kept apart, rewards. */
import type { Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { complaintRoutes } from "./complaints.js"

export const complaintsPlugin = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date }
) => {
  await app.register(complaintRoutes, options)
}
