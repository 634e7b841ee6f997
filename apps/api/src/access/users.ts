/**
 * User accounts, managed by administrators: create (with an initial password the user must change),
 * change name, role, unit or department, disable or enable, reset the password, sign out everywhere.
 * Bureau staff belong to a unit of the organisation (their data scope); other departments' accounts
 * belong to none.
 */
import { Users } from "@fundguard/contracts"
import {
  createUser,
  findUser,
  listUsers,
  loadOrganisation,
  resetPassword,
  revokeSessions,
  temporaryPassword,
  updateUser,
  type Db,
  type UserAccount
} from "@fundguard/db"
import type { Role } from "@fundguard/domain/access"
import type { FastifyInstance } from "fastify"
import { mount } from "../plugins/contracts.js"
import { Problem } from "../plugins/errors.js"
import { actorOf } from "../responsibilities/context.js"
import { refusePassword } from "./auth.js"

const present = (u: UserAccount) => ({
  ...u,
  createdAt: u.createdAt.toISOString(),
  passwordChangedAt: u.passwordChangedAt?.toISOString() ?? null
})

/** Bureau staff need an existing, active unit; other departments' accounts have none. */
const checkUnit = async (db: Db, role: Role, unitId: string | null): Promise<void> => {
  if (role === "department") {
    if (unitId !== null)
      throw new Problem("InvalidRequest", "协作部门账户不属于医保局的单位", [
        { path: "$.unitId", message: "协作部门账户的所属单位须为空" }
      ])
    return
  }
  if (unitId === null)
    throw new Problem("InvalidRequest", "请选择所属单位", [{ path: "$.unitId", message: "局内人员须属于一个单位" }])
  const unit = (await loadOrganisation(db)).units.find((u) => u.id === unitId)
  if (unit === undefined || !unit.active)
    throw new Problem("InvalidRequest", `单位 ${unitId} 不存在或已停用`, [
      { path: "$.unitId", message: "单位不存在或已停用" }
    ])
}

/** The user routes. */
export const userRoutes = async (app: FastifyInstance, options: { readonly db: Db; readonly now: () => Date }) => {
  const { db, now } = options

  mount(app, Users.listUsers, async () => ({ items: (await listUsers(db, now())).map(present) }))

  mount(app, Users.createUser, async ({ body, request }) => {
    await checkUnit(db, body.role, body.unitId)
    const initialPassword = body.initialPassword ?? temporaryPassword()
    refusePassword(initialPassword, body.username, "$.initialPassword")
    const created = await createUser(db, actorOf(request), {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      unitId: body.unitId,
      department: body.department ?? null,
      password: initialPassword
    })
    return { user: present(await findUser(db, created.id, now())), initialPassword }
  })

  mount(app, Users.updateUser, async ({ params, body, request }) => {
    const current = await findUser(db, params.id, now())
    if (body.role !== undefined || body.unitId !== undefined)
      await checkUnit(db, body.role ?? current.role, body.unitId === undefined ? current.unitId : body.unitId)
    if (body.active === false && current.id === request.user?.id)
      throw new Problem("InvalidRequest", "不能停用自己的账户", [{ path: "$.active", message: "不能停用自己的账户" }])
    const change = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
    await updateUser(db, actorOf(request), params.id, change, now())
    return { user: present(await findUser(db, params.id, now())) }
  })

  mount(app, Users.resetPassword, async ({ params, body, request }) => {
    const user = await findUser(db, params.id, now())
    const initialPassword = body.initialPassword ?? temporaryPassword()
    refusePassword(initialPassword, user.username, "$.initialPassword")
    await resetPassword(db, actorOf(request), params.id, initialPassword, now())
    return { initialPassword }
  })

  mount(app, Users.revokeSessions, async ({ params, request }) => ({
    revoked: await revokeSessions(db, actorOf(request), params.id, now())
  }))
}
