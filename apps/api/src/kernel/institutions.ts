/** The institution register, within the caller's data scope. */
import { Institutions } from "@fundguard/contracts"
import { listInstitutions, type Db } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"

/** The institution routes. */
export const institutionRoutes = async (app: FastifyInstance, options: { readonly db: Db }) => {
  mount(app, Institutions.listInstitutions, async ({ query, request }) => {
    const scope = await request.scope()
    return listInstitutions(options.db, {
      ...query,
      ...(scope.all ? {} : { withinCodes: [...scope.institutionCodes] })
    })
  })
}
