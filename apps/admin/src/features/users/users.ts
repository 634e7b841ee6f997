/**
 * User management (用户管理) for administrators: the rows of the account list, the account form and
 * its checks before sending (the contract's own rule for user names; the server's rule that bureau
 * staff belong to a unit and other departments' accounts to none, at the path the server names,
 * `$.unitId`), the change an edit makes, and the wording of the account actions.
 */
import { Username } from "@fundguard/contracts/Auth"
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import type { OrganisationView } from "@fundguard/contracts/Organisation"
import type { createUser, updateUser, UserAccount } from "@fundguard/contracts/Users"
import { roleLabel, type Role } from "@fundguard/domain/access"
import * as Either from "effect/Either"
import * as ParseResult from "effect/ParseResult"
import * as Schema from "effect/Schema"
import type { ApiError } from "../../shared/api.js"
import { formatDateTime } from "../../shared/format.js"
import type { Option } from "../../shared/labels.js"
import type { FieldProblem } from "../../shared/problems.js"

export type { UserAccount }
/** The body of `POST /api/v1/users`. */
export type NewUserBody = BodyOf<typeof createUser>
/** The body of `PATCH /api/v1/users/:id`. */
export type UserChangeBody = BodyOf<typeof updateUser>

/** A unit of the organisation (`GET /api/v1/organisation`), as the unit choice needs it. */
export type UnitChoice = Pick<OrganisationView["units"][number], "id" | "name" | "active">

/** Whether accounts of a role belong to a unit: the bureau's staff do, other departments' do not. */
export const roleNeedsUnit = (role: Role): boolean => role !== "department"

/** The roles of accounts: an institution's system calls with a key (机构接口账户), never as an account. */
export const roleOptions: ReadonlyArray<Option<Role>> = (Object.keys(roleLabel) as Array<Role>)
  .filter((id) => id !== "institution")
  .map((id) => ({ id, label: roleLabel[id] }))

/** The form's fields (`unitId` `""` = no unit, `department` `""` = none). */
export interface UserForm {
  username: string
  displayName: string
  role: Role
  unitId: string
  department: string
}

/** Where each field's problems are reported: the server's JSON paths. */
export const userPaths = {
  username: "$.username",
  displayName: "$.displayName",
  role: "$.role",
  unitId: "$.unitId",
  department: "$.department"
} as const

export const emptyUserForm = (unitId: string = ""): UserForm => ({
  username: "",
  displayName: "",
  role: "reviewer",
  unitId,
  department: ""
})

export const formOfUser = (user: UserAccount): UserForm => ({
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  unitId: user.unitId ?? "",
  department: user.department ?? ""
})

/** The form after the role changed: a department account loses its unit. */
export const withRole = (form: UserForm, role: Role): UserForm => ({
  ...form,
  role,
  unitId: roleNeedsUnit(role) ? form.unitId : ""
})

const length = (s: string) => Array.from(s).length

/**
 * What is wrong with the form before it is sent (empty when nothing is). A new account's user name
 * is checked with the contract's `Username`; the unit with the server's rule.
 */
export const userFormProblems = (form: UserForm, isNew: boolean): ReadonlyArray<FieldProblem> => {
  const problems: Array<FieldProblem> = []
  if (isNew) {
    const username = Schema.decodeUnknownEither(Username)(form.username.trim())
    if (Either.isLeft(username))
      for (const issue of ParseResult.ArrayFormatter.formatErrorSync(username.left))
        problems.push({ path: userPaths.username, message: issue.message })
  }
  const name = form.displayName.trim()
  if (name === "") problems.push({ path: userPaths.displayName, message: "请填写姓名" })
  else if (length(name) > 100) problems.push({ path: userPaths.displayName, message: "姓名不得超过 100 个字符" })
  if (roleNeedsUnit(form.role) && form.unitId === "")
    problems.push({ path: userPaths.unitId, message: "局内人员须属于一个单位" })
  if (!roleNeedsUnit(form.role) && form.unitId !== "")
    problems.push({ path: userPaths.unitId, message: "协作部门账户的所属单位须为空" })
  if (length(form.department.trim()) > 100)
    problems.push({ path: userPaths.department, message: "部门名称不得超过 100 个字符" })
  return problems
}

const orNull = (s: string): string | null => (s.trim() === "" ? null : s.trim())

/** The body that creates the account of the form (the server generates the initial password). */
export const newUserBody = (form: UserForm): NewUserBody => ({
  username: form.username.trim(),
  displayName: form.displayName.trim(),
  role: form.role,
  unitId: roleNeedsUnit(form.role) ? orNull(form.unitId) : null,
  department: orNull(form.department)
})

/** What an edit changes of an account: only the fields that differ (`{}` when nothing does). */
export const userChange = (before: UserAccount, form: UserForm): UserChangeBody => {
  const after = newUserBody(form)
  return {
    ...(after.displayName === before.displayName ? {} : { displayName: after.displayName }),
    ...(after.role === before.role ? {} : { role: after.role }),
    ...(after.unitId === before.unitId ? {} : { unitId: after.unitId }),
    ...((after.department ?? null) === before.department ? {} : { department: after.department ?? null })
  }
}

/**
 * The choices of the unit select: no unit, then the active units; a stopped unit only when it is the
 * account's current one (so the form shows it), marked as such.
 */
export const unitOptions = (units: ReadonlyArray<UnitChoice>, current: string = ""): ReadonlyArray<Option> => [
  { id: "", label: "（无）" },
  ...units
    .filter((u) => u.active || u.id === current)
    .map((u) => ({ id: u.id, label: u.active ? u.name : `${u.name}（已停用）` }))
]

/** An account's state in words. */
export const accountState = (user: UserAccount): string =>
  !user.active ? "已停用" : user.mustChangePassword ? "待修改初始密码" : "正常"

/** The accounts as rows of the list (active ones first, then by user name). */
export const userRows = (users: ReadonlyArray<UserAccount>, units: ReadonlyArray<UnitChoice>) => {
  const unitName = (id: string | null) => (id === null ? "—" : (units.find((u) => u.id === id)?.name ?? id))
  return [...users]
    .sort((a, b) => Number(b.active) - Number(a.active) || a.username.localeCompare(b.username))
    .map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: roleLabel[u.role],
      unit: unitName(u.unitId),
      department: u.department ?? "—",
      state: accountState(u),
      active: u.active,
      sessions: String(u.openSessions),
      createdAt: formatDateTime(u.createdAt),
      passwordChangedAt: formatDateTime(u.passwordChangedAt)
    }))
}

/** The actions on an account that take a confirmation. */
export type AccountAction = "disable" | "enable" | "reset" | "revoke"

export const accountActionLabel: Readonly<Record<AccountAction, string>> = {
  disable: "停用",
  enable: "启用",
  reset: "重置密码",
  revoke: "强制下线"
}

/** What the confirmation of an action says. */
export const confirmText = (action: AccountAction, user: Pick<UserAccount, "displayName" | "username">): string => {
  const who = `${user.displayName}（${user.username}）`
  switch (action) {
    case "disable":
      return `停用 ${who}的账户？停用后该账户的所有登录立即失效，且不能再登录。`
    case "enable":
      return `启用 ${who}的账户？`
    case "reset":
      return `重置 ${who}的密码？将生成新的初始密码（仅显示一次），该账户的所有登录立即失效，下次登录须修改密码。`
    case "revoke":
      return `强制 ${who} 在所有设备上退出登录？`
  }
}

/**
 * Where the server's refusal of a save is shown: at the fields it names; a taken user name (409,
 * which names no field) at the user name; anything else in the form's general list.
 */
export const saveProblems = (error: ApiError): ReadonlyArray<FieldProblem> => {
  if (error.errors.length > 0) return error.errors
  if (error.code === "UsernameTaken") return [{ path: userPaths.username, message: error.detail ?? error.title }]
  return [{ path: "", message: error.message }]
}
