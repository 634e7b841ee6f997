import { passwordPolicy, passwordProblems } from "@fundguard/domain/access"
import { describe, expect, it } from "vitest"
import {
  changePasswordBody,
  emptyPasswordForm,
  passwordFormProblems,
  passwordPaths,
  passwordPolicyText
} from "../../../src/features/password/password.js"
import { messagesAt } from "../../../src/shared/problems.js"

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
