/** Screening: the runs (筛查批次) the nightly worker and the CLI record, and reruns. */
import type { Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { runRoutes } from "./runs.js"

export const screeningPlugin = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  await app.register(runRoutes, options)
}
