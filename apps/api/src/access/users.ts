/**
 * User accounts, managed by administrators: create (with an initial password the user must change),
 * change name, role, unit or department, disable or enable, reset the password, sign out everywhere.
 * The checks and writes are the application's (`Application.Access`); these routes present them.
 */
import * as Application from "@fundguard/application"
import { Users } from "@fundguard/contracts"
import { findUser, listUsers, type Db, type UserAccount } from "@fundguard/db"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { actorOf } from "../responsibilities/context.js"

const present = (u: UserAccount) => ({
  ...u,
  createdAt: u.createdAt.toISOString(),
  passwordChangedAt: u.passwordChangedAt?.toISOString() ?? null
})

/** The user routes. */
export const userRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db, now } = options

  mount(app, Users.listUsers, async () => ({ items: (await listUsers(db, now())).map(present) }))

  mount(app, Users.createUser, async ({ body, request }) => {
    const { initialPassword, ...account } = body
    const created = await app.run(
      Application.Access.createAccount({
        account: { ...account, department: account.department ?? null },
        ...(initialPassword === undefined ? {} : { initialPassword }),
        actor: actorOf(request)
      })
    )
    return { user: present(await findUser(db, created.account.id, now())), initialPassword: created.initialPassword }
  })

  mount(app, Users.updateUser, async ({ params, body, request }) => {
    const change = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
    await app.run(Application.Access.updateAccount({ id: params.id, change, actor: actorOf(request) }))
    return { user: present(await findUser(db, params.id, now())) }
  })

  mount(app, Users.resetPassword, async ({ params, body, request }) => {
    const reset = await app.run(
      Application.Access.resetAccountPassword({
        id: params.id,
        ...(body.initialPassword === undefined ? {} : { initialPassword: body.initialPassword }),
        actor: actorOf(request)
      })
    )
    return { initialPassword: reset.initialPassword }
  })

  mount(app, Users.revokeSessions, async ({ params, request }) => ({
    revoked: await app.run(Application.Access.revokeAccountSessions({ id: params.id, actor: actorOf(request) }))
  }))
}
