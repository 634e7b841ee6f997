import { describe, expect, it } from "vitest"
import { ApiError } from "../../src/shared/api.js"
import { messagesAt, otherProblems, problemsOfError } from "../../src/shared/problems.js"

describe("problems by path", () => {
  const problems = [
    { path: "$.newPassword", message: "太短" },
    { path: "$.newPassword", message: "须含数字" },
    { path: "$", message: "请求内容有误" }
  ]

  it("gives the messages of one field, and the rest for a general list", () => {
    expect(messagesAt(problems, "$.newPassword")).toEqual(["太短", "须含数字"])
    expect(otherProblems(problems, ["$.newPassword", "$.currentPassword"])).toEqual([
      { path: "$", message: "请求内容有误" }
    ])
  })

  it("turns a refusal without problems into one", () => {
    const refused = new ApiError({ status: 409, code: "UsernameTaken", detail: "用户名 a 已被使用" })
    expect(problemsOfError(refused)).toEqual([{ path: "", message: "用户名已被使用：用户名 a 已被使用" }])
    const named = new ApiError({
      status: 400,
      code: "WrongPassword",
      detail: "当前密码不正确",
      errors: [{ path: "$.currentPassword", message: "当前密码不正确" }]
    })
    expect(problemsOfError(named)).toEqual([{ path: "$.currentPassword", message: "当前密码不正确" }])
  })
})
