import { describe, expect, it } from "vitest"
import { ApiError } from "../../../src/shared/api.js"
import { loginErrorText } from "../../../src/features/login/login.js"

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
