/**
 * Other departments' API clients, managed by the bureau's administrators: create (the key shown once),
 * rotate, revoke. Only the SHA-256 of a key's secret is kept.
 */
import { Transfers } from "@fundguard/contracts"
import {
  createDepartmentClient,
  listDepartmentClients,
  revokeDepartmentClient,
  rotateDepartmentClient,
  type Db
} from "@fundguard/db"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { currentUser } from "../plugins/auth.js"
import { mount } from "../plugins/contracts.js"

const actorOf = (request: FastifyRequest) => {
  const user = currentUser(request)
  return { id: user.id, name: user.displayName, ip: request.ip }
}

/** The API client routes. */
export const clientRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db, now } = options
  mount(app, Transfers.listClients, async () => ({ items: await listDepartmentClients(db) }))
  mount(app, Transfers.createClient, async ({ body, request }) => createDepartmentClient(db, body, actorOf(request)))
  mount(app, Transfers.rotateClient, async ({ params, request }) =>
    rotateDepartmentClient(db, params.id, actorOf(request), now())
  )
  mount(app, Transfers.revokeClient, async ({ params, request }) => {
    await revokeDepartmentClient(db, params.id, actorOf(request), now())
  })
}
