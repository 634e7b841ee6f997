import { passwordPolicy, passwordProblems } from "@fundguard/domain/access"
import { describe, expect, it } from "vitest"
import { ApiError } from "../src/lib/api.js"
import { loginErrorText } from "../src/lib/login.js"
import {
  changePasswordBody,
  emptyPasswordForm,
  passwordFormProblems,
  passwordPaths,
  passwordPolicyText
} from "../src/lib/password.js"
import { messagesAt, otherProblems, problemsOfError } from "../src/lib/problems.js"

const good = "Qiuju-2025-pass"

describe("the change-password form", () => {
  it("accepts a password the server's rules accept, and sends only the two passwords", () => {
    const form = { currentPassword: "Fg-abcdEFGH123", newPassword: good, confirmPassword: good }
    expect(passwordFormProblems(form, "zhangsan")).toEqual([])
    expect(changePasswordBody(form)).toEqual({ currentPassword: "Fg-abcdEFGH123", newPassword: good })
  })

  it("checks with the domain's own rules, at the server's path", () => {
    const form = { currentPassword: "old", newPassword: "short", confirmPassword: "short" }
    const problems = passwordFormProblems(form, "zhangsan")
    expect(messagesAt(problems, passwordPaths.next)).toEqual(passwordProblems("short", "zhangsan"))
    expect(messagesAt(problems, passwordPaths.next)).toContain(`密码长度不得少于 ${passwordPolicy.minLength} 位`)
    expect(messagesAt(problems, passwordPaths.current)).toEqual([])
  })

  it("refuses a password that contains the user name (any case)", () => {
    const pw = "ZhangSan-2025x"
    expect(
      messagesAt(
        passwordFormProblems({ currentPassword: "x", newPassword: pw, confirmPassword: pw }, "zhangsan"),
        "$.newPassword"
      )
    ).toEqual(["密码不得包含用户名"])
  })

  it("names empty fields, a reused password and a mismatched confirmation", () => {
    expect(passwordFormProblems(emptyPasswordForm(), "zhangsan")).toEqual([
      { path: "$.currentPassword", message: "请输入当前密码" },
      { path: "$.newPassword", message: "请输入新密码" }
    ])
    expect(
      passwordFormProblems({ currentPassword: good, newPassword: good, confirmPassword: good }, "zhangsan")
    ).toEqual([{ path: "$.newPassword", message: "新密码不得与当前密码相同" }])
    expect(
      passwordFormProblems({ currentPassword: "old", newPassword: good, confirmPassword: `${good}x` }, "zhangsan")
    ).toEqual([{ path: "$.confirmPassword", message: "两次输入的新密码不一致" }])
  })

  it("words the policy with its figures and source", () => {
    const text = passwordPolicyText()
    expect(text).toContain(`至少 ${passwordPolicy.minLength} 位`)
    expect(text).toContain(`至少 ${passwordPolicy.minClasses} 类`)
    expect(text).toContain("GB/T 22239-2019")
  })
})

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

describe("sign-in errors", () => {
  it("say nothing about which of name or password was wrong", () => {
    expect(loginErrorText(new ApiError({ status: 401, code: "InvalidCredentials", detail: "用户名或密码错误" }))).toBe(
      "用户名或密码错误"
    )
  })

  it("show the server's message for a lockout, too many attempts and a busy server (when to retry)", () => {
    const locked = new ApiError({
      status: 429,
      code: "AccountLocked",
      detail: "登录失败次数过多，该账户已暂时锁定，请于 10:45 后再试"
    })
    expect(loginErrorText(locked)).toBe("登录失败次数过多，该账户已暂时锁定，请于 10:45 后再试")
    const throttled = new ApiError({ status: 429, code: "TooManyRequests", detail: "请求过于频繁，请 42 秒后再试" })
    expect(loginErrorText(throttled)).toBe("请求过于频繁，请 42 秒后再试")
    const busy = new ApiError({ status: 503, code: "PasswordCheckBusy", detail: "登录请求过多，请稍后再试" })
    expect(loginErrorText(busy)).toBe("登录请求过多，请稍后再试")
    // Without a message, a Chinese headline still.
    expect(loginErrorText(new ApiError({ status: 429 }))).toBe("请求过于频繁，请稍后重试")
  })

  it("names a malformed user name, and falls back to the headline otherwise", () => {
    const bad = new ApiError({
      status: 400,
      code: "InvalidRequest",
      detail: "请求内容有误",
      errors: [{ path: "$.username", message: "用户名须为 1–64 位字母、数字或 _ . @ -" }]
    })
    expect(loginErrorText(bad)).toBe("用户名须为 1–64 位字母、数字或 _ . @ -")
    expect(loginErrorText(new ApiError({ status: 0 }))).toBe("无法连接服务器，请检查网络后重试")
  })
})
