/** Work with other departments: transfers (the bureau's ledger and the department API's inbox) and API clients. */
import type { Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { clientRoutes } from "./clients.js"
import { bureauTransferRoutes, inboxRoutes } from "./transfers.js"

export const departmentsPlugin = async (
  app: FastifyInstance,
  options: { readonly db: Db; readonly now: () => Date }
) => {
  await app.register(bureauTransferRoutes, options)
  await app.register(inboxRoutes, options)
  await app.register(clientRoutes, options)
}
