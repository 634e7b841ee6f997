import type { UserAccount } from "@fundguard/contracts/Users"
import { describe, expect, it } from "vitest"
import { ApiError } from "../../../src/shared/api.js"
import {
  accountState,
  confirmText,
  emptyUserForm,
  formOfUser,
  newUserBody,
  roleNeedsUnit,
  roleOptions,
  saveProblems,
  unitOptions,
  userChange,
  userFormProblems,
  userRows,
  withRole
} from "../../../src/features/users/users.js"

const account = (over: Partial<UserAccount> = {}): UserAccount => ({
  id: "u1",
  username: "zhangsan",
  displayName: "张三",
  role: "reviewer",
  department: "医保中心",
  unitId: "BUREAU",
  mustChangePassword: false,
  active: true,
  createdAt: "2025-11-20T01:02:03Z",
  passwordChangedAt: null,
  openSessions: 2,
  ...over
})

const units = [
  { id: "BUREAU", name: "奉节县医疗保障局", active: true },
  { id: "SEC-JJJG", name: "基金监管科", active: true },
  { id: "OLD", name: "原稽核大队", active: false }
]

describe("the account form", () => {
  it("needs a unit for the bureau's staff and none for other departments", () => {
    expect(roleNeedsUnit("admin")).toBe(true)
    expect(roleNeedsUnit("reviewer")).toBe(true)
    expect(roleNeedsUnit("department")).toBe(false)
    const staff = { ...emptyUserForm(), username: "lisi", displayName: "李四" }
    expect(userFormProblems(staff, true)).toEqual([{ path: "$.unitId", message: "局内人员须属于一个单位" }])
    expect(userFormProblems({ ...staff, role: "department", unitId: "BUREAU" }, true)).toEqual([
      { path: "$.unitId", message: "协作部门账户的所属单位须为空" }
    ])
    expect(userFormProblems({ ...staff, unitId: "BUREAU" }, true)).toEqual([])
  })

  it("drops the unit when the role becomes a department's", () => {
    const form = { ...emptyUserForm("BUREAU"), username: "wjw", displayName: "卫健委" }
    expect(withRole(form, "department")).toMatchObject({ role: "department", unitId: "" })
    expect(withRole(form, "supervisor")).toMatchObject({ role: "supervisor", unitId: "BUREAU" })
  })

  it("checks a new user name with the contract's rule, and the name's length", () => {
    const form = { ...emptyUserForm("BUREAU"), username: "张三", displayName: "" }
    expect(userFormProblems(form, true)).toEqual([
      { path: "$.username", message: "用户名须为 1–64 位字母、数字或 _ . @ -" },
      { path: "$.displayName", message: "请填写姓名" }
    ])
    // An existing account's name is not edited, so it is not checked.
    expect(userFormProblems({ ...form, displayName: "张三" }, false)).toEqual([])
    expect(userFormProblems({ ...form, username: "a", displayName: "名".repeat(101) }, true)).toEqual([
      { path: "$.displayName", message: "姓名不得超过 100 个字符" }
    ])
  })

  it("builds the create body: trimmed, no unit for departments, no empty department", () => {
    expect(
      newUserBody({ username: " lisi ", displayName: " 李四 ", role: "supervisor", unitId: "BUREAU", department: " " })
    ).toEqual({ username: "lisi", displayName: "李四", role: "supervisor", unitId: "BUREAU", department: null })
    expect(
      newUserBody({
        username: "wjw",
        displayName: "卫健委",
        role: "department",
        unitId: "BUREAU",
        department: "卫健委"
      })
    ).toEqual({ username: "wjw", displayName: "卫健委", role: "department", unitId: null, department: "卫健委" })
  })

  it("sends only what an edit changed", () => {
    const before = account()
    expect(userChange(before, formOfUser(before))).toEqual({})
    expect(userChange(before, { ...formOfUser(before), displayName: "张三丰", unitId: "SEC-JJJG" })).toEqual({
      displayName: "张三丰",
      unitId: "SEC-JJJG"
    })
    expect(userChange(before, { ...formOfUser(before), department: "" })).toEqual({ department: null })
    expect(userChange(before, withRole(formOfUser(before), "department"))).toEqual({
      role: "department",
      unitId: null
    })
  })

  it("offers the active units, and a stopped one only when it is the account's", () => {
    expect(unitOptions(units).map((o) => o.id)).toEqual(["", "BUREAU", "SEC-JJJG"])
    expect(unitOptions(units, "OLD").at(-1)).toEqual({ id: "OLD", label: "原稽核大队（已停用）" })
  })

  it("lists the roles with the domain's labels", () => {
    expect(roleOptions).toEqual([
      { id: "admin", label: "系统管理员" },
      { id: "supervisor", label: "稽核员" },
      { id: "reviewer", label: "审核员" },
      { id: "department", label: "协作部门" }
    ])
  })

  it("shows a taken user name at the user name, and field problems where the server put them", () => {
    expect(saveProblems(new ApiError({ status: 409, code: "UsernameTaken", detail: "用户名 lisi 已被使用" }))).toEqual([
      { path: "$.username", message: "用户名 lisi 已被使用" }
    ])
    const problems = [{ path: "$.unitId", message: "单位不存在或已停用" }]
    expect(saveProblems(new ApiError({ status: 400, code: "InvalidRequest", detail: "x", errors: problems }))).toEqual(
      problems
    )
    expect(saveProblems(new ApiError({ status: 403, code: "Forbidden", detail: "当前角色无权执行此操作" }))).toEqual([
      // The title is the contracts' (problemTypes.Forbidden.title).
      { path: "", message: "无权执行此操作：当前角色无权执行此操作" }
    ])
  })
})

describe("the account list", () => {
  it("shows accounts in Chinese, active ones first, times in the bureau's zone", () => {
    const rows = userRows(
      [
        account({ id: "u2", username: "wangwu", active: false }),
        account({
          id: "u3",
          username: "admin",
          role: "admin",
          unitId: null,
          department: null,
          mustChangePassword: true
        }),
        account({ passwordChangedAt: "2025-11-20T16:30:00Z" })
      ],
      units
    )
    expect(rows.map((r) => [r.username, r.role, r.unit, r.department, r.state])).toEqual([
      ["admin", "系统管理员", "—", "—", "待修改初始密码"],
      ["zhangsan", "审核员", "奉节县医疗保障局", "医保中心", "正常"],
      ["wangwu", "审核员", "奉节县医疗保障局", "医保中心", "已停用"]
    ])
    expect(rows[1]).toMatchObject({
      sessions: "2",
      createdAt: "2025-11-20 09:02",
      passwordChangedAt: "2025-11-21 00:30"
    })
    expect(rows[0]?.passwordChangedAt).toBe("—")
    expect(accountState(account({ active: false, mustChangePassword: true }))).toBe("已停用")
  })

  it("says what each account action does before it is done", () => {
    const who = account()
    expect(confirmText("disable", who)).toContain("停用 张三（zhangsan）的账户")
    expect(confirmText("reset", who)).toContain("仅显示一次")
    expect(confirmText("revoke", who)).toContain("退出登录")
    expect(confirmText("enable", who)).toBe("启用 张三（zhangsan）的账户？")
  })
})
