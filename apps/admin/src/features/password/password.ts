/**
 * Changing one's own password (修改密码): the form's checks before anything is sent — the same rules
 * the server applies (`passwordProblems` of the domain), at the same JSON paths the server names — and
 * the wording of the policy.
 */
import type { BodyOf } from "@fundguard/contracts/Endpoint"
import type { changePassword } from "@fundguard/contracts/Auth"
import { passwordPolicy, passwordProblems, type PasswordPolicy } from "@fundguard/domain/access"
import type { FieldProblem } from "../../shared/problems.js"

/** The body of `POST /api/auth/password`. */
export type ChangePasswordBody = BodyOf<typeof changePassword>

export interface PasswordForm {
  currentPassword: string
  newPassword: string
  confirmPassword: string
}

export const emptyPasswordForm = (): PasswordForm => ({ currentPassword: "", newPassword: "", confirmPassword: "" })

/** Where each field's problems are reported (the server's paths; the confirmation is the client's own). */
export const passwordPaths = {
  current: "$.currentPassword",
  next: "$.newPassword",
  confirm: "$.confirmPassword"
} as const

/** The policy in one sentence, for the form's hint. */
export const passwordPolicyText = (policy: PasswordPolicy = passwordPolicy): string =>
  `新密码至少 ${policy.minLength} 位，须包含小写字母、大写字母、数字、符号中的至少 ${policy.minClasses} 类，且不得包含用户名（依据 ${policy.source}）`

/** What is wrong with the form (empty when it may be sent). */
export const passwordFormProblems = (form: PasswordForm, username: string): ReadonlyArray<FieldProblem> => {
  const problems: Array<FieldProblem> = []
  if (form.currentPassword === "") problems.push({ path: passwordPaths.current, message: "请输入当前密码" })
  if (form.newPassword === "") problems.push({ path: passwordPaths.next, message: "请输入新密码" })
  else {
    for (const message of passwordProblems(form.newPassword, username))
      problems.push({ path: passwordPaths.next, message })
    if (form.currentPassword !== "" && form.newPassword === form.currentPassword)
      problems.push({ path: passwordPaths.next, message: "新密码不得与当前密码相同" })
  }
  if (form.confirmPassword !== form.newPassword)
    problems.push({ path: passwordPaths.confirm, message: "两次输入的新密码不一致" })
  return problems
}

/** The request body (the confirmation stays in the browser). */
export const changePasswordBody = (form: PasswordForm): ChangePasswordBody => ({
  currentPassword: form.currentPassword,
  newPassword: form.newPassword
})
